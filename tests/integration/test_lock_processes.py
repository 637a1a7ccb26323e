"""The per-profile lock between real processes: a holder, a second taker, a killed holder, a crowd."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.errors import ExitCode
from app.sync.lock import LockHeld, ProfileLock

HOLDER = """
import sys
from pathlib import Path
from app.sync.lock import ProfileLock
with ProfileLock("acme", directory=Path(sys.argv[1]), purpose=sys.argv[2]):
    print("HOLDING", flush=True)
    sys.stdin.readline()
print("RELEASED", flush=True)
"""

TAKER = """
import sys
from pathlib import Path
from app.sync.lock import LockHeld, ProfileLock
try:
    with ProfileLock("acme", directory=Path(sys.argv[1])):
        print("TOOK IT")
except LockHeld as exc:
    print(exc)
    raise SystemExit(int(exc.exit_code))
"""

CROWD = """
import sys, time
from pathlib import Path
from app.sync.lock import LockHeld, ProfileLock
folder, journal = Path(sys.argv[1]), Path(sys.argv[2])
entered = 0
deadline = time.monotonic() + 2.0
while entered < 5 and time.monotonic() < deadline:
    try:
        with ProfileLock("acme", directory=folder):
            with journal.open("a") as out:
                out.write(f"enter {sys.argv[3]}\\n")
            time.sleep(0.005)
            with journal.open("a") as out:
                out.write(f"leave {sys.argv[3]}\\n")
            entered += 1
    except LockHeld:
        time.sleep(0.001)
print(entered)
"""


def _start_holder(folder: Path, purpose: str = "sync") -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder), purpose],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "HOLDING"
    return holder


def _take_in_another_process(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", TAKER, str(folder)], capture_output=True, text=True, timeout=60
    )


def test_a_second_process_is_refused_while_the_first_holds_the_profile(tmp_path: Path) -> None:
    holder = _start_holder(tmp_path)
    try:
        refused = _take_in_another_process(tmp_path)
        assert refused.returncode == ExitCode.LOCKED
        assert (
            f"webex-provisioner sync (pid {holder.pid}) has run a cycle of profile acme"
            in refused.stdout
        )
        assert "Wait for that cycle to end" in refused.stdout

        owner = ProfileLock("acme", directory=tmp_path).current_owner()
        assert owner is not None and owner.pid == holder.pid and owner.purpose == "sync"

        with pytest.raises(LockHeld) as caught:
            ProfileLock("acme", directory=tmp_path).acquire()
        assert caught.value.owner is not None and caught.value.owner.pid == holder.pid
    finally:
        out, _ = holder.communicate("\n", timeout=60)
    assert "RELEASED" in out
    assert _take_in_another_process(tmp_path).stdout.strip() == "TOOK IT"


def test_a_window_holding_the_profile_makes_the_scheduled_run_step_aside(tmp_path: Path) -> None:
    holder = _start_holder(tmp_path, purpose="gui")
    try:
        refused = _take_in_another_process(tmp_path)
    finally:
        holder.communicate("\n", timeout=60)
    assert refused.returncode == ExitCode.LOCKED
    assert f"(the window, pid {holder.pid})" in refused.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_holder_leaves_a_stale_lock_that_the_next_process_takes_over(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    holder = _start_holder(tmp_path)
    os.kill(holder.pid, signal.SIGKILL)
    holder.communicate(timeout=60)
    assert holder.returncode == -signal.SIGKILL

    lock = ProfileLock("acme", directory=tmp_path)
    with caplog.at_level("WARNING", logger="app.sync.lock"), lock:
        owner = lock.current_owner()
        assert owner is not None and owner.pid == os.getpid()
    assert any(f"pid {holder.pid}" in r.getMessage() for r in caplog.records)


def test_processes_competing_for_the_profile_never_hold_it_together(tmp_path: Path) -> None:
    journal = tmp_path / "journal.txt"
    crowd = [
        subprocess.Popen(
            [sys.executable, "-c", CROWD, str(tmp_path), str(journal), str(n)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
    ]
    entered = [int(p.communicate(timeout=60)[0]) for p in crowd]
    lines = journal.read_text().splitlines()
    assert sum(entered) * 2 == len(lines) > 0
    for enter, leave in zip(lines[::2], lines[1::2], strict=True):
        assert enter.startswith("enter ")
        assert leave == "leave " + enter.removeprefix("enter ")
