"""One cycle per profile at a time, across processes: a lock file per profile.

The lock is an operating-system lock on `<state_dir>/<profile>.lock` (flock on POSIX,
a byte-range lock on Windows), which the system releases when the holder dies, so a
crashed process never leaves the profile locked. The file also records who holds it
(program, pid, host, since when, what it runs) for the message the second taker sees.

A lock file written on another host (a state folder on a network share, where the OS lock
may not reach across machines) is respected until it is older than `other_host_limit`,
then taken over with a log line.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import IO, Literal, Self

from app import paths
from app.errors import ExitCode, UserFacingError
from app.messages import Message
from app.sync import lock_messages as said

log = logging.getLogger(__name__)

Purpose = Literal["sync", "gui"]

DEFAULT_OTHER_HOST_LIMIT = timedelta(hours=6)
# A holder that has run a cycle for longer than this is reported as maybe stuck, in the log
# and the failure e-mail, by the run it turns away (WEBEX_PROVISIONER_LOCK_STUCK_AFTER,
# in minutes).
STUCK_AFTER_ENV = "WEBEX_PROVISIONER_LOCK_STUCK_AFTER"
DEFAULT_STUCK_AFTER = timedelta(hours=2)
# Windows locks byte ranges and a locked range cannot be read by others: lock one byte far
# past the owner record, so that the record stays readable.
_WINDOWS_LOCK_OFFSET = 1 << 30


@dataclass(frozen=True, slots=True)
class LockOwner:
    """Who holds (or last held) a profile's lock."""

    pid: int
    host: str
    started: datetime  # aware, UTC
    purpose: str  # "sync" | "gui"
    program: str = "webex-provisioner"

    def to_json(self) -> str:
        return json.dumps(
            {
                "pid": self.pid,
                "host": self.host,
                "started": self.started.isoformat(),
                "purpose": self.purpose,
                "program": self.program,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> LockOwner | None:
        try:
            data = json.loads(text)
            started = datetime.fromisoformat(str(data["started"]))
            if started.tzinfo is None:
                started = started.replace(tzinfo=UTC)
            return cls(
                pid=int(data["pid"]),
                host=str(data["host"]),
                started=started,
                purpose=str(data.get("purpose", "sync")),
                program=str(data.get("program", "webex-provisioner")),
            )
        except (ValueError, KeyError, TypeError):
            return None

    def age(self) -> timedelta:
        return max(timedelta(0), datetime.now(UTC) - self.started)

    def describe(self, profile_name: str, *, this_host: str | None = None) -> str:
        """'webex-provisioner sync (pid 1234) has run a cycle of profile acme since 10:42
        (25 min)'; the host is named when it is another."""
        return self.described(profile_name, this_host=this_host).english

    def described(self, profile_name: str, *, this_host: str | None = None) -> Message:
        """describe(), as a coded message."""
        where = "" if self.host == (this_host or _host_name()) else said.ON_HOST(host=self.host)
        since = said.SINCE(time=_since_text(self.started), age=age_said(self.age()))
        who: dict[str, str | int | Message] = {
            "program": self.program,
            "pid": self.pid,
            "where": where,
        }
        if self.purpose == "gui":
            return said.HELD_BY_WINDOW(**who, profile=profile_name, since=since)
        return said.HELD_BY_CYCLE(**who, purpose=self.purpose, profile=profile_name, since=since)


def stuck_after() -> timedelta:
    """How long a cycle may hold the lock before a turned-away run reports it as maybe stuck."""
    text = os.environ.get(STUCK_AFTER_ENV, "").strip()
    try:
        minutes = float(text) if text else None
    except ValueError:
        minutes = None
    if minutes is None or not 0 < minutes < 10**7:
        return DEFAULT_STUCK_AFTER
    return timedelta(minutes=minutes)


def age_text(age: timedelta) -> str:
    """'40 s', '25 min', '3 h 12 min', '2 days 4 h'."""
    return age_said(age).english


def age_said(age: timedelta) -> Message:
    """age_text, as a coded message."""
    seconds = int(age.total_seconds())
    if seconds < 60:
        return said.AGE_SECONDS(seconds=seconds)
    minutes = seconds // 60
    if minutes < 60:
        return said.AGE_MINUTES(minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        if minutes:
            return said.AGE_HOURS_MINUTES(hours=hours, minutes=minutes)
        return said.AGE_HOURS(hours=hours)
    days, hours = divmod(hours, 24)
    return said.AGE_DAYS_HOURS(days=days, hours=hours) if hours else said.AGE_DAYS(days=days)


class LockHeld(UserFacingError):
    """Another process runs a cycle of this profile; this one must not start.

    `stuck` is True when the holder has run for longer than `stuck_after()`: the message
    says so, and the command reports it in the log and the failure e-mail."""

    exit_code = ExitCode.LOCKED
    severity = "warning"

    def __init__(self, profile_name: str, owner: LockOwner | None) -> None:
        self.profile_name = profile_name
        self.owner = owner
        self.stuck = owner is not None and owner.age() > stuck_after()
        message: Message
        next_step: Message
        if owner is None:
            message = said.ANOTHER_PROCESS(profile=profile_name)
            next_step = said.WAIT()
        elif owner.purpose == "gui":
            message = said.SENTENCE(text=owner.described(profile_name))
            next_step = said.WINDOW_NEXT()
        else:
            message = said.SENTENCE(text=owner.described(profile_name))
            next_step = (
                said.CYCLE_NEXT(pid=owner.pid)
                if owner.host == _host_name()
                else said.CYCLE_NEXT_HOST(pid=owner.pid, host=owner.host)
            )
        if owner is not None and self.stuck:
            limit = age_said(stuck_after())
            message = said.STUCK(message=message, limit=limit, variable=STUCK_AFTER_ENV)
            next_step = said.STUCK_NEXT(next_step=next_step, profile=profile_name)
        elif owner is not None and owner.host != _host_name():
            next_step = said.OTHER_HOST_NEXT(next_step=next_step, profile=profile_name)
        super().__init__(message, next_step)


class LockError(UserFacingError):
    """The lock file cannot be created or opened (permissions, read-only folder)."""

    exit_code = ExitCode.BAD_INPUT


class ProfileLock:
    """The cross-process lock of one profile; `with` and `async with` take and release it.

    Taking it never waits: a second taker gets LockHeld at once (its message names the
    holder). Two ProfileLock objects in one process also exclude each other.
    """

    def __init__(
        self,
        profile_name: str,
        *,
        directory: Path | None = None,
        purpose: Purpose = "sync",
        other_host_limit: timedelta = DEFAULT_OTHER_HOST_LIMIT,
    ) -> None:
        self.profile_name = profile_name
        self.directory = directory if directory is not None else paths.state_dir()
        self.purpose = purpose
        self.other_host_limit = other_host_limit
        self._file: IO[bytes] | None = None

    def __repr__(self) -> str:
        state = "held" if self.held else "free"
        return f"<ProfileLock {self.profile_name!r} {self.purpose} {state}>"

    @property
    def path(self) -> Path:
        return self.directory / f"{self.profile_name}.lock"

    @property
    def held(self) -> bool:
        return self._file is not None

    def acquire(self) -> LockOwner:
        """Take the lock or raise LockHeld; returns the owner record written."""
        if self._file is not None:
            raise RuntimeError("this ProfileLock is already held")  # a programming error
        handle = self._open()
        try:
            if not self._try_lock(handle):
                owner = _read_owner(handle)
                raise LockHeld(self.profile_name, owner)
            previous = _read_owner(handle)
            if previous is not None:
                self._check_previous(previous)
            me = LockOwner(
                pid=os.getpid(),
                host=_host_name(),
                started=datetime.now(UTC),
                purpose=self.purpose,
            )
            _write_owner(handle, me)
        except BaseException:
            _release_os_lock(handle)
            handle.close()
            raise
        self._file = handle
        return me

    def release(self) -> None:
        handle, self._file = self._file, None
        if handle is None:
            return
        try:
            # The file itself stays: deleting it would let a waiter lock a removed file
            # while a newcomer locks a new one. An empty record means "free".
            handle.seek(0)
            handle.truncate()
            handle.flush()
        except OSError as exc:
            log.warning("Could not clear the lock record %s: %s", self.path, exc)
        finally:
            _release_os_lock(handle)
            handle.close()

    def current_owner(self) -> LockOwner | None:
        """Who holds the lock now (None when it is free), for display.

        It reads the record without locking, so that looking never makes a taker fail; a
        record whose process has ended counts as free.
        """
        if self._file is not None:
            return _read_owner(self._file)
        try:
            with self.path.open("rb") as handle:
                owner = _read_owner(handle)
        except OSError:
            return None
        if owner is None:
            return None
        if owner.host == _host_name():
            return owner if pid_alive(owner.pid) else None
        return owner if self._other_host_still_valid(owner) else None

    def recorded_owner(self) -> LockOwner | None:
        """The owner record as written, whatever its age or host (None when empty)."""
        try:
            with self.path.open("rb") as handle:
                return _read_owner(handle)
        except OSError:
            return None

    def clear_record(self) -> LockOwner | None:
        """Empty the owner record (`restart --clear-lock`); the record that was there.

        Refused with LockHeld while a process of this computer holds the OS lock: only a
        record nobody here holds (a stale one, or one left by another host) is cleared.
        """
        handle = self._open()
        try:
            if not self._try_lock(handle):
                raise LockHeld(self.profile_name, _read_owner(handle))
            previous = _read_owner(handle)
            try:
                handle.seek(0)
                handle.truncate()
                handle.flush()
            finally:
                _release_os_lock(handle)
        finally:
            handle.close()
        if previous is not None:
            log.warning(
                "Cleared the lock record of profile %s: %s %s (pid %d) on host %s since %s.",
                self.profile_name,
                previous.program,
                previous.purpose,
                previous.pid,
                previous.host,
                previous.started.isoformat(timespec="seconds"),
            )
        return previous

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    async def __aenter__(self) -> Self:
        # Taking the lock is a few small file operations that never wait on another process.
        self.acquire()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    def _open(self) -> IO[bytes]:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        except OSError as exc:
            raise LockError(
                said.CANNOT_CREATE(
                    profile=self.profile_name,
                    folder=str(self.directory),
                    problem=str(exc.strerror or exc),
                ),
                said.CANNOT_CREATE_NEXT(),
            ) from exc
        return os.fdopen(fd, "r+b", buffering=0)

    def _try_lock(self, handle: IO[bytes]) -> bool:
        try:
            return _try_os_lock(handle)
        except OSError as exc:
            raise LockError(
                said.REFUSED(path=str(self.path), problem=str(exc.strerror or exc)),
                said.REFUSED_NEXT(),
            ) from exc

    def _check_previous(self, previous: LockOwner) -> None:
        """The OS lock was free, yet a record remains: a stale lock, or another host's."""
        if previous.host == _host_name():
            state = "has ended" if not pid_alive(previous.pid) else "no longer holds it"
            log.warning(
                "Took over the lock of profile %s left by %s %s (pid %d, since %s): "
                "that process %s.",
                self.profile_name,
                previous.program,
                previous.purpose,
                previous.pid,
                previous.started.isoformat(timespec="seconds"),
                state,
            )
            return
        if self._other_host_still_valid(previous):
            raise LockHeld(self.profile_name, previous)
        log.warning(
            "Took over the lock of profile %s left by %s %s (pid %d) on host %s since %s: "
            "older than %s, taken as stale.",
            self.profile_name,
            previous.program,
            previous.purpose,
            previous.pid,
            previous.host,
            previous.started.isoformat(timespec="seconds"),
            self.other_host_limit,
        )

    def _other_host_still_valid(self, owner: LockOwner) -> bool:
        if owner.host == _host_name():
            return False
        return datetime.now(UTC) - owner.started < self.other_host_limit


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (a best effort)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another account
    except OSError:
        return False
    return True


def _windows_pid_alive(pid: int) -> bool:
    import ctypes  # deferred: a platform library, loaded only on Windows

    process_query_limited_information = 0x1000
    still_active = 259
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return bool(code.value == still_active)
    finally:
        kernel32.CloseHandle(handle)


def _host_name() -> str:
    return socket.gethostname() or "localhost"


def _since_text(started: datetime) -> str:
    local = started.astimezone()
    now = datetime.now().astimezone()
    if local.date() == now.date():
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


def _read_owner(handle: IO[bytes]) -> LockOwner | None:
    try:
        handle.seek(0)
        data = handle.read(4096)
    except OSError:
        return None
    text = data.decode("utf-8", errors="replace").strip()
    return LockOwner.from_json(text) if text else None


def _write_owner(handle: IO[bytes], owner: LockOwner) -> None:
    handle.seek(0)
    handle.truncate()
    handle.write(owner.to_json().encode("utf-8"))
    handle.flush()
    with contextlib.suppress(OSError):
        os.fsync(handle.fileno())


if sys.platform == "win32":
    import msvcrt

    def _try_os_lock(handle: IO[bytes]) -> bool:
        position = handle.tell()
        try:
            handle.seek(_WINDOWS_LOCK_OFFSET)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            handle.seek(position)
        return True

    def _release_os_lock(handle: IO[bytes]) -> None:
        position = handle.tell()
        try:
            handle.seek(_WINDOWS_LOCK_OFFSET)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass  # not locked by us; closing the handle releases it anyway
        finally:
            handle.seek(position)

else:
    import fcntl

    def _try_os_lock(handle: IO[bytes]) -> bool:
        # flock (not lockf): it is per open file, so two locks in one process exclude each other.
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _release_os_lock(handle: IO[bytes]) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
