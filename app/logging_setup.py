"""Application logging: stderr for commands, a rotating file under the platformdirs log folder."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import re
import sys
from pathlib import Path
from typing import Any

from app.base_messages import LOG_FILE_FAILED
from app.language import cli_text
from app.paths import ensure_private_dir, log_dir, private_file

# Anything that looks like a bearer token or a secret assignment is masked before it is written.
_SECRET_PATTERNS = (
    re.compile(r"(?i)(authorization\s*[:=]\s*)(bearer\s+)?\S+"),
    re.compile(r"(?i)\b(bearer\s+)[A-Za-z0-9._~+/=-]{8,}"),
    re.compile(r"(?i)((?:token|secret|password|client_secret)\s*[=:]\s*)[^\s&,;]+"),
)


def redact(text: str) -> str:
    """Mask bearer tokens and `secret=...` style values in a log line."""
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + "[redacted]", text)
    return text


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Each log file (the current one and every one a rollover starts) is created 0600:
    the log names users (issue 22)."""

    def _open(self) -> Any:
        private_file(Path(self.baseFilename))
        return super()._open()

    _failed = False

    def handleError(self, record: logging.LogRecord) -> None:
        # A full disk or a lost folder: one plain warning, then quiet (never a traceback per
        # record, issue 22); stderr still gets the warnings and errors.
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):
            super().handleError(record)
            return
        if not self._failed:
            self._failed = True
            with contextlib.suppress(OSError, ValueError):
                said = LOG_FILE_FAILED(path=self.baseFilename, reason=str(error.strerror or error))
                sys.stderr.write(cli_text(said) + "\n")


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def configure(*, verbose: bool = False, to_file: bool = True) -> None:
    root = logging.getLogger()
    if getattr(root, "_webex_provisioner_configured", False):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    fmt = RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(fmt)
    root.addHandler(console)
    if to_file:
        try:
            directory = ensure_private_dir(log_dir())
            handler = PrivateRotatingFileHandler(
                directory / "webex-provisioner.log",
                maxBytes=5 * 1024 * 1024,
                backupCount=5,
                encoding="utf-8",
            )
        except OSError:
            pass  # a read-only home must not stop the program; stderr still logs
        else:
            handler.setFormatter(fmt)
            handler.setLevel(logging.DEBUG if verbose else logging.INFO)
            root.addHandler(handler)
    # httpx logs every request URL at INFO; keep it at WARNING unless asked.
    logging.getLogger("httpx").setLevel(logging.DEBUG if verbose else logging.WARNING)
    root._webex_provisioner_configured = True  # type: ignore[attr-defined]
