"""The per-profile lock inside one process: who holds it, stale records, other hosts."""

from __future__ import annotations

import json
import logging
import os
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app import paths
from app.errors import ExitCode
from app.sync.lock import LockError, LockHeld, LockOwner, ProfileLock, pid_alive


def _dead_pid() -> int:
    """A process id no process can hold: above the kernel's largest (Linux: pid_max)."""
    limit = Path("/proc/sys/kernel/pid_max")
    pid = int(limit.read_text()) + 1 if limit.exists() else 4_194_305
    assert not pid_alive(pid)
    return pid


def _write_record(path: Path, **fields: object) -> None:
    record = {
        "pid": os.getpid(),
        "host": "build-host",
        "started": datetime.now(UTC).isoformat(),
        "purpose": "sync",
        "program": "webex-provisioner",
    }
    record.update(fields)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record), encoding="utf-8")


def test_the_lock_file_lives_in_the_state_folder_and_names_its_holder() -> None:
    lock = ProfileLock("acme")
    with lock:
        assert lock.path == paths.state_dir() / "acme.lock"
        owner = lock.current_owner()
        assert owner is not None
        assert owner.pid == os.getpid()
        assert owner.purpose == "sync"
    assert not lock.held
    assert ProfileLock("acme").current_owner() is None


def test_a_second_taker_is_told_who_holds_the_profile_and_exits_locked() -> None:
    with ProfileLock("acme"), pytest.raises(LockHeld) as caught:
        ProfileLock("acme").acquire()
    error = caught.value
    assert error.exit_code == ExitCode.LOCKED == 5
    assert (
        f"webex-provisioner sync (pid {os.getpid()}) has run a cycle of profile acme since"
        in error.message
    )
    assert error.next_step.startswith("Wait for that cycle to end")
    assert error.owner is not None and error.owner.pid == os.getpid()


def test_the_window_holding_a_profile_is_named_as_the_window() -> None:
    with ProfileLock("acme", purpose="gui"), pytest.raises(LockHeld) as caught:
        ProfileLock("acme").acquire()
    assert "(the window, pid" in caught.value.message
    assert "has held profile acme" in caught.value.message
    assert "close it" in caught.value.next_step


def test_profiles_lock_independently_and_a_released_lock_can_be_taken_again() -> None:
    first = ProfileLock("acme")
    with first, ProfileLock("globex"):
        pass
    with first:
        assert first.held


async def test_async_with_takes_and_releases_the_lock() -> None:
    lock = ProfileLock("acme")
    async with lock:
        assert lock.held
        with pytest.raises(LockHeld):
            async with ProfileLock("acme"):
                pass  # pragma: no cover - never reached
    assert not lock.held
    async with ProfileLock("acme"):
        pass


def test_the_lock_is_released_when_the_body_raises() -> None:
    with pytest.raises(ZeroDivisionError), ProfileLock("acme"):
        raise ZeroDivisionError
    with ProfileLock("acme"):
        pass


def test_a_record_left_by_a_dead_process_is_taken_over_with_a_log_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    dead = _dead_pid()
    lock = ProfileLock("acme")
    _write_record(lock.path, pid=dead, host=socket.gethostname())
    assert lock.current_owner() is None  # the dashboard shows the profile as free
    with caplog.at_level(logging.WARNING, logger="app.sync.lock"), lock:
        assert lock.current_owner() is not None
        assert lock.current_owner().pid == os.getpid()  # type: ignore[union-attr]
    assert any(
        f"pid {dead}" in r.getMessage() and "has ended" in r.getMessage() for r in caplog.records
    )


def test_a_recent_lock_from_another_host_is_respected() -> None:
    lock = ProfileLock("acme", other_host_limit=timedelta(hours=6))
    _write_record(
        lock.path,
        host="scheduler-box",
        pid=4242,
        started=(datetime.now(UTC) - timedelta(minutes=5)).isoformat(),
    )
    with pytest.raises(LockHeld) as caught:
        lock.acquire()
    assert "(pid 4242 on scheduler-box)" in caught.value.message
    assert "(5 min)." in caught.value.message  # its age
    assert "--clear-lock" in caught.value.next_step  # and how to clear it
    assert not caught.value.stuck
    assert lock.current_owner() is not None


def test_a_holder_older_than_the_stuck_setting_is_called_maybe_stuck(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WEBEX_PROVISIONER_LOCK_STUCK_AFTER", "30")
    lock = ProfileLock("acme", other_host_limit=timedelta(hours=6))
    _write_record(
        lock.path,
        host="scheduler-box",
        pid=4242,
        started=(datetime.now(UTC) - timedelta(minutes=95)).isoformat(),
    )
    with pytest.raises(LockHeld) as caught:
        lock.acquire()
    assert caught.value.stuck
    assert "(1 h 35 min). That is longer than 30 min" in caught.value.message
    assert "it may be stuck" in caught.value.message
    monkeypatch.setenv("WEBEX_PROVISIONER_LOCK_STUCK_AFTER", "120")
    with pytest.raises(LockHeld) as caught:
        lock.acquire()
    assert not caught.value.stuck


def test_clear_record_empties_another_hosts_record_but_not_a_live_holders() -> None:
    lock = ProfileLock("acme", other_host_limit=timedelta(hours=6))
    _write_record(
        lock.path,
        host="scheduler-box",
        pid=4242,
        started=(datetime.now(UTC) - timedelta(minutes=5)).isoformat(),
    )
    cleared = lock.clear_record()
    assert cleared is not None and cleared.host == "scheduler-box"
    assert lock.recorded_owner() is None
    with lock:  # the profile can be taken again
        with pytest.raises(LockHeld):
            ProfileLock("acme").clear_record()
        assert lock.recorded_owner() is not None


def test_an_old_lock_from_another_host_is_taken_over(caplog: pytest.LogCaptureFixture) -> None:
    lock = ProfileLock("acme", other_host_limit=timedelta(hours=6))
    _write_record(
        lock.path,
        host="scheduler-box",
        pid=4242,
        started=(datetime.now(UTC) - timedelta(hours=7)).isoformat(),
    )
    with caplog.at_level(logging.WARNING, logger="app.sync.lock"), lock:
        pass
    assert any(
        "scheduler-box" in r.getMessage() and "stale" in r.getMessage() for r in caplog.records
    )


def test_a_garbled_record_does_not_block_the_profile() -> None:
    lock = ProfileLock("acme")
    lock.path.write_bytes(b"\x00not json")
    with lock:
        assert lock.current_owner() is not None


def test_an_unwritable_state_folder_gives_a_clear_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    with pytest.raises(LockError) as caught:
        ProfileLock("acme", directory=not_a_folder).acquire()
    assert "Cannot create the lock file of profile acme" in caught.value.message
    assert "Check that this folder exists" in caught.value.next_step


def test_owner_records_round_trip_and_reject_garbage() -> None:
    owner = LockOwner(
        pid=12, host="h", started=datetime(2026, 1, 2, 10, 42, tzinfo=UTC), purpose="gui"
    )
    assert LockOwner.from_json(owner.to_json()) == owner
    assert LockOwner.from_json('{"pid": "x"}') is None
    assert "since 2026-01-02" in owner.describe("acme", this_host="h")
