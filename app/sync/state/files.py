"""The state file as a file: the plain sentence for what SQLite or the OS said about it
(damaged, read-only, disk full), and archiving it aside, never deleting it."""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from app.errors import ExitCode, UserFacingError
from app.messages import Message
from app.sync import input_messages as said

log = logging.getLogger(__name__)


class StateFileError(UserFacingError):
    """The state file cannot be opened, read or written: damaged, read-only, or disk full.

    The message names the file and what to do; SQLite's transactions make sure a failed write
    changed nothing (the journal is as the last good write left it)."""

    def __init__(
        self, message: str | Message, next_step: str | Message, *, exit_code: ExitCode
    ) -> None:
        super().__init__(message, next_step)
        self.exit_code = exit_code


def state_file_error(path: Path, exc: BaseException) -> StateFileError:
    """A plain sentence for what SQLite (or the OS) said about the state file `path`."""
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorcode", None)
    full = (
        code == sqlite3.SQLITE_FULL
        or "disk is full" in text
        or (isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG))
    )
    if full or (code is not None and code & 0xFF == sqlite3.SQLITE_IOERR) or "i/o error" in text:
        return StateFileError(
            said.STATE_FULL(path=str(path)),
            said.STATE_FULL_NEXT(folder=str(path.parent)),
            exit_code=ExitCode.BAD_INPUT,  # as a cycle that stops on it (cause "input")
        )
    if (
        "readonly" in text
        or "read-only" in text
        or "unable to open" in text
        or isinstance(exc, PermissionError)
        or (code is not None and code & 0xFF in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN))
    ):
        return StateFileError(
            said.STATE_READ_ONLY(path=str(path)),
            said.STATE_READ_ONLY_NEXT(path=str(path), folder=str(path.parent)),
            exit_code=ExitCode.BAD_INPUT,
        )
    if isinstance(exc, sqlite3.DatabaseError) and (
        "not a database" in text or "malformed" in text or "corrupt" in text
    ):
        return StateFileError(
            said.STATE_DAMAGED(path=str(path)),
            said.STATE_DAMAGED_NEXT(name=path.name),
            exit_code=ExitCode.BAD_INPUT,
        )
    return StateFileError(
        said.STATE_UNUSABLE(path=str(path), kind=type(exc).__name__, problem=str(exc)),
        said.STATE_UNUSABLE_NEXT(folder=str(path.parent)),
        exit_code=ExitCode.BAD_INPUT,
    )


def archive_state_file(path: Path, *, why: str) -> Path:
    """Move a state file (and its -wal and -shm) aside, beside it, never deleting it; the
    archived name, `<name>.archived-<UTC time>.sqlite3`."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    archived = path.with_name(f"{path.stem}.archived-{stamp}{path.suffix}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            os.replace(part, Path(f"{archived}{suffix}"))
    log.warning("The state file %s was archived as %s: %s", path, archived, why)
    return archived
