"""`webex-provisioner sandbox serve` as an admin runs it: in its own process, stopped by a signal."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.sandbox.store import read_state


@contextmanager
def serve(*options: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "sandbox", "serve", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        first_line = process.stdout.readline()
        yield process, first_line
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=30)


def stop(process: subprocess.Popen[str], signum: int) -> tuple[int, str]:
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=30)
    return process.returncode, stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_serve_prints_what_to_connect_with_and_stops_cleanly(signum: int, tmp_path: Path) -> None:
    state = tmp_path / "sandbox.sqlite3"
    with serve("--json", "--seed-users", "3", "--state-file", str(state)) as (process, line):
        info: dict[str, Any] = json.loads(line)
        token = info["tokens"]["full_admin"]
        me = httpx.get(info["people_me_url"], headers={"Authorization": f"Bearer {token}"})
        users = httpx.get(
            info["tenant_url"] + "Users", headers={"Authorization": f"Bearer {token}"}
        )
        code, stderr = stop(process, signum)
    assert info["tenant_url"].startswith("http://127.0.0.1:")
    assert info["tenant_url"].endswith(f"/identity/scim/{info['org_uuid']}/v2/")
    assert info["scim_app_url"].endswith("/scim/v2/")
    assert me.json()["orgId"] == info["org_id"]
    assert users.json()["totalResults"] == 3
    assert code == 0
    assert "Sandbox stopped." in stderr
    assert "Traceback" not in stderr
    assert read_state(state).meta["org_uuid"] == info["org_uuid"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_serve_labels_the_token_as_sandbox_only() -> None:
    with serve("--rate-limit", "5", "--faults", "429=0.01") as (process, first_line):
        assert process.stdout is not None
        lines = [first_line]
        while not lines[-1].startswith("Press Ctrl+C"):
            lines.append(process.stdout.readline())
        code, _ = stop(process, signal.SIGTERM)
    text = "".join(lines)
    assert "Tenant URL (Webex SCIM):" in text
    assert "Generic SCIM 2.0 app URL:" in text
    assert "Sandbox-only tokens" in text
    assert "admin (full administrator):" in text
    assert "Rate limit: 5 requests/s" in text
    assert "faults: 429=0.01" in text
    assert code == 0


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--faults", "5xx=0.1,reset=lots"], "The probability of reset is not a number"),
        (["--faults", "timeout=0.1"], "Unknown fault 'timeout'"),
        (["--seed-users", "-3"], "cannot be negative"),
    ],
)
def test_bad_options_exit_2_with_a_plain_message(options: list[str], message: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "sandbox", "serve", *options],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_registering_the_command_does_not_load_the_server() -> None:
    script = (
        "import sys; from app.cli import build_parser; build_parser();"
        "print(sorted(m for m in ('hypercorn', 'scim2_server', 'app.sandbox.server')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
