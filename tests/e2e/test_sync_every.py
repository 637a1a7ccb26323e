"""`sync --every 40m` keeps running cycles until Ctrl+C, then stops cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.config.store import ProfileStore
from app.paths import state_file
from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.state import StateStore
from tests.support.sync import make_profile, make_rows, write_csv

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")

REPO = Path(__file__).resolve().parents[2]


def test_sync_every_runs_a_cycle_at_once_and_stops_on_ctrl_c(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv_path = write_csv(tmp_path / "users.csv", make_rows(20))
    with SandboxServer.in_thread(SandboxConfig()) as sandbox:
        ProfileStore().save(make_profile(sandbox.tenant_url, csv_path))
        monkeypatch.setenv("WEBEX_PROVISIONER_TOKEN", sandbox.tokens.full_admin)
        process = subprocess.Popen(
            [sys.executable, "-m", "app", "sync", "--profile", "acme", "--every", "40m", "--json"],
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert process.stdout is not None
            first = json.loads(process.stdout.readline())  # the first cycle runs at once
            assert first["outcome"] == "completed"
            assert first["counts"] == {"Create": {"Success": 20}}
            assert len(sandbox.users()) == 20
            process.send_signal(signal.SIGINT)
            _, err = process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
        assert process.returncode == 0, err
        assert "Stopping after the operations in flight" in err
        with StateStore(state_file("acme")) as state:
            assert state.unfinished_cycles() == []
            assert [c.outcome for c in state.cycles()] == ["completed"]
