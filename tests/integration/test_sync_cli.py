"""The sync, provision, restart and logs commands, in-process, against the sandbox over HTTP.

The sandbox serves from its own thread; the commands run their own event loop, as they do
from a terminal or a scheduler.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.config.store import ProfileStore
from app.sandbox.server import SandboxConfig, SandboxServer
from tests.support.sync import make_profile, make_rows, write_csv, writes


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer.in_thread(SandboxConfig()) as server:
        yield server


@pytest.fixture
def csv_path(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "users.csv", make_rows(12))


@pytest.fixture
def profile(sandbox: SandboxServer, csv_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    ProfileStore().save(make_profile(sandbox.tenant_url, csv_path))
    monkeypatch.setenv("WEBEX_PROVISIONER_TOKEN", sandbox.tokens.full_admin)
    return "acme"


def test_an_expired_token_quarantines_the_profile_until_restart(
    sandbox: SandboxServer,
    profile: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("WEBEX_PROVISIONER_TOKEN", sandbox.tokens.expired)
    assert main(["sync", "--profile", profile]) == 4
    err = capsys.readouterr().err
    assert "quarantined" in err
    assert "token" in err.lower()
    assert sandbox.users() == []

    # While quarantined, sync sends nothing and says why and when it tries again.
    sandbox.reset_requests()
    assert main(["sync", "--profile", profile, "--json"]) == 3
    result = json.loads(capsys.readouterr().out)
    assert result["outcome"] == "quarantined"
    assert "The next attempt is at" in result["reason"]
    assert result["next_attempt"] is not None
    assert sandbox.requests == []

    # The admin pastes a good token and restarts the profile.
    monkeypatch.setenv("WEBEX_PROVISIONER_TOKEN", sandbox.tokens.full_admin)
    assert main(["restart", "--profile", profile]) == 0
    assert "quarantine is lifted" in capsys.readouterr().out
    assert main(["sync", "--profile", profile]) == 0
    assert len(sandbox.users()) == 12


def test_a_read_only_admin_is_refused_and_quarantined(
    sandbox: SandboxServer, profile: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WEBEX_PROVISIONER_TOKEN", sandbox.tokens.readonly_admin)
    assert main(["sync", "--profile", profile]) == 4
    assert sandbox.users() == []
    assert main(["sync", "--profile", profile]) == 3


def test_dry_run_json_prints_the_plan_and_writes_nothing(
    sandbox: SandboxServer, profile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sync", "--profile", profile, "--dry-run", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["counts"]["Create"] == 12
    creates = [op for op in plan["operations"] if op["action"] == "Create"]
    assert creates[0]["payload"]["userName"] == "zoe.dupre.0@example.com"
    assert writes(sandbox.requests) == []


def test_an_invalid_csv_stops_before_anything_is_sent_unless_skip_invalid(
    sandbox: SandboxServer,
    profile: str,
    csv_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = make_rows(12)
    rows[4]["userPrincipalName"] = "not-an-address"
    write_csv(csv_path, rows)
    assert main(["sync", "--profile", profile]) == 2
    err = capsys.readouterr().err
    assert "6" in err  # row 6 (the header is row 1)
    assert sandbox.requests == []

    assert main(["sync", "--profile", profile, "--skip-invalid", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["counts"]["Create"] == {"Success": 11}
    assert result["counts"]["Skip"] == {"Skipped": 1}
    assert len(sandbox.users()) == 11


def test_provision_shows_each_step_and_creates_one_user(
    sandbox: SandboxServer, profile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["provision", "--profile", profile, "--user", "ZOE.DUPRE.0@example.com", "--dry-run"])
        == 0
    )
    out = capsys.readouterr().out
    assert "1. Found in the source: zoe.dupre.0@example.com" in out
    assert "2. In scope." in out
    assert "3. Not on the target yet." in out
    assert '"givenName": "Zoé"' in out
    assert "Action: Create." in out
    assert "Nothing was sent (dry run)." in out
    assert sandbox.users() == []

    assert main(["provision", "--profile", profile, "--user", "zoe.dupre.0@example.com"]) == 0
    out = capsys.readouterr().out
    assert "Result: Success." in out
    assert [u["userName"] for u in sandbox.users()] == ["zoe.dupre.0@example.com"]

    # Provisioned on demand, the user is linked: the next cycle leaves it alone.
    assert main(["sync", "--profile", profile, "--json"]) == 0
    counts = json.loads(capsys.readouterr().out)["counts"]
    assert counts == {"Create": {"Success": 11}, "NoChange": {"Success": 1}}

    assert main(["provision", "--profile", profile, "--user", "nobody@example.com"]) == 2
    assert "nobody@example.com is not in the source." in capsys.readouterr().out


def test_logs_list_cycles_and_export_rows(
    sandbox: SandboxServer, profile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["logs", "--profile", profile]) == 0
    assert "no provisioning log yet" in capsys.readouterr().out
    assert main(["sync", "--profile", profile, "--json"]) == 0
    cycle_id = json.loads(capsys.readouterr().out)["cycle_id"]

    assert main(["logs", "--profile", profile]) == 0
    table = capsys.readouterr().out
    assert cycle_id in table and "completed" in table
    assert "Create   Success  User  zoe.dupre.0@example.com" in table

    assert main(["logs", "--profile", profile, "--cycle", "last", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 12
    assert {row["cycle_id"] for row in rows} == {cycle_id}
    assert all(row["status"] == "Success" and row["target_id"] for row in rows)

    assert main(["logs", "--profile", profile, "--format", "json", "--search", "anais"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert {row["user_name"] for row in found} == {"anais.smith.2@example.com"}
    assert found[0]["modified"][0] == {
        "path": "userName",
        "old": None,
        "new": "anais.smith.2@example.com",
    }

    assert main(["logs", "--profile", profile, "--cycle", "no-such-cycle"]) == 2


def test_a_scheduled_run_does_nothing_while_provisioning_is_off(
    sandbox: SandboxServer, profile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store = ProfileStore()
    off = store.load(profile).model_copy(update={"provisioning_enabled": False})
    store.save(off)
    sandbox.reset_requests()
    assert main(["sync", "--profile", profile, "--scheduled"]) == 0
    assert "Provisioning is off" in capsys.readouterr().err
    assert sandbox.requests == []

    on = off.model_copy(update={"provisioning_enabled": True})
    store.save(on)
    assert main(["sync", "--profile", profile, "--scheduled"]) == 0
    assert len(sandbox.users()) == 12


def test_restart_refuses_while_a_cycle_runs(
    profile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.sync.lock import ProfileLock

    with ProfileLock(profile, purpose="sync"):
        assert main(["restart", "--profile", profile]) == 5
    assert "has run a cycle of profile" in capsys.readouterr().err
    assert main(["restart", "--profile", profile]) == 0
