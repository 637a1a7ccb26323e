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

log = logging.getLogger(__name__)


class StateFileError(UserFacingError):
    """The state file cannot be opened, read or written: damaged, read-only, or disk full.

    The message names the file and what to do; SQLite's transactions make sure a failed write
    changed nothing (the journal is as the last good write left it)."""

    def __init__(self, message: str, next_step: str, *, exit_code: ExitCode) -> None:
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
            f"The state file {path} could not be written: the disk is full or failing "
            "(nothing of the failed write was kept; the journal is as the last good write "
            "left it).",
            f"Free space on the disk that holds {path.parent} (or check the disk), then run "
            "the command again: it resumes where it stopped.",
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
            f"The state file {path} cannot be opened for writing (read-only, or a folder "
            "this user may not write).",
            f"Give this user write permission on {path} and its folder {path.parent} (and "
            "their -wal and -shm files), then run the command again.",
            exit_code=ExitCode.BAD_INPUT,
        )
    if isinstance(exc, sqlite3.DatabaseError) and (
        "not a database" in text or "malformed" in text or "corrupt" in text
    ):
        return StateFileError(
            f"The state file {path} is damaged (it is not a readable SQLite database).",
            f"Restore {path.name} from a backup; or move it aside, and the next cycle starts "
            "with fresh state (it matches the users already in Webex by userName).",
            exit_code=ExitCode.BAD_INPUT,
        )
    return StateFileError(
        f"The state file {path} could not be used ({type(exc).__name__}: {exc}).",
        f"Check the file and its folder {path.parent}; restore it from a backup, or move it "
        "aside to start with fresh state.",
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
