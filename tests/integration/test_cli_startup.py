"""The command line starts without Qt, so it is fast and runs on servers."""

from __future__ import annotations

import subprocess
import sys

from app import __version__

PROBE = (
    "import sys, contextlib, io\n"
    "from app.cli import main\n"
    "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()) as out:\n"
    "    main([{arg!r}])\n"
    "print(out.getvalue())\n"
    "print('QT-LOADED' if any(m.startswith(('PySide6', 'qasync')) for m in sys.modules) else 'NO-QT')\n"
)


def _run(arg: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(arg=arg)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout


def test_version_prints_the_package_version_without_qt() -> None:
    out = _run("--version")
    assert f"webex-provisioner {__version__}" in out
    assert "NO-QT" in out


def test_help_lists_commands_without_qt() -> None:
    out = _run("--help")
    assert "usage: webex-provisioner" in out
    assert "--sandbox" in out
    assert "NO-QT" in out
