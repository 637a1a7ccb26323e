"""`webex-provisioner sync` killed with SIGKILL in the middle, then run again: every user
exists exactly once. The sandbox is served by this test (in a thread); the command runs in
a subprocess, as a scheduler would start it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from app.config.store import ProfileStore
from app.paths import state_file
from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.state import StateStore
from tests.support.sync import make_profile, make_rows, write_csv

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

REPO = Path(__file__).resolve().parents[2]


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "app", *args]


def bulk_answers(sandbox: SandboxServer) -> int:
    return sum(1 for r in sandbox.requests if r.path.endswith("/Bulk") and r.status == 200)


def test_a_killed_sync_resumes_without_duplicates_or_gaps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = make_rows(1000)
    csv_path = write_csv(tmp_path / "users.csv", rows)
    with SandboxServer.in_thread(SandboxConfig()) as sandbox:
        ProfileStore().save(make_profile(sandbox.tenant_url, csv_path))
        monkeypatch.setenv("WEBEX_PROVISIONER_TOKEN", sandbox.tokens.full_admin)
        env = {**os.environ, "PYTHONPATH": str(REPO)}

        first = subprocess.Popen(
            command("sync", "--profile", "acme", "--json"),
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 120
        while bulk_answers(sandbox) < 2:  # some users created, most not yet
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the first run never got going"
            time.sleep(0.02)
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=30)  # reaps it and closes its pipes
        assert first.returncode == -signal.SIGKILL

        created_before = len(sandbox.users())
        assert 0 < created_before < 1000
        with StateStore(state_file("acme")) as state:
            left = state.journal_counts()
        # The journal knows what was under way when the process died.
        assert left.get("planned", 0) + left.get("in_flight", 0) > 0

        second = subprocess.run(
            command("sync", "--profile", "acme", "--json"),
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
        )
        assert second.returncode == 0, second.stderr
        result = json.loads(second.stdout)
        assert result["outcome"] == "completed"

        names = Counter(u["userName"].lower() for u in sandbox.users())
        assert [name for name, count in names.items() if count > 1] == []
        assert set(names) == {row["userPrincipalName"] for row in rows}
        with StateStore(state_file("acme")) as state:
            assert state.journal_pending() == []
            assert state.count_links("User") == 1000
            assert state.count_log(status="Failure") == 0

        # And a third run finds nothing left to do.
        sandbox.reset_requests()
        third = subprocess.run(
            command("sync", "--profile", "acme", "--json"),
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert third.returncode == 0, third.stderr
        assert json.loads(third.stdout)["counts"] == {"NoChange": {"Success": 1000}}
        assert [r for r in sandbox.requests if r.method != "GET"] == []
