"""The accidental-deletion threshold over real HTTP: measured against what was provisioned
when the cycle began, each edge on both sides, and a held cycle sends nothing at all.

Issue 23: a profile with 60 users provisioned, switched to a CSV of 2,000 other people,
created the 2,000 and disabled the 60 in one cycle with exit 0.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.config.store import ProfileStore
from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.engine import SyncEngine
from app.sync.state import StateStore
from tests.support.sync import make_profile, make_rows, write_csv, writes


def tenant(sandbox: SandboxServer) -> dict[str, Any]:
    """What the tenant holds, by name: users (with active and title) and groups."""
    users = {u["userName"]: (u["active"], u.get("title")) for u in sandbox.users()}
    groups = {
        g["displayName"]: sorted(m["value"] for m in g.get("members") or [])
        for g in sandbox.groups()
    }
    return {"users": users, "groups": groups}


# -- the 60 -> 2,000 scenario, from the command line -------------------------------------


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer.in_thread(SandboxConfig()) as server:
        yield server


def test_60_provisioned_then_2000_other_people_is_held_with_nothing_sent(
    sandbox: SandboxServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    csv_path = write_csv(tmp_path / "users.csv", make_rows(60))
    ProfileStore().save(make_profile(sandbox.tenant_url, csv_path))
    monkeypatch.setenv("WEBEX_PROVISIONER_TOKEN", sandbox.tokens.full_admin)
    assert main(["sync", "--profile", "acme"]) == 0
    assert len(sandbox.users()) == 60
    capsys.readouterr()

    # The CSV is replaced by an export of 2,000 other people.
    write_csv(csv_path, make_rows(2000, start=60))
    before = tenant(sandbox)
    sandbox.reset_requests()

    # The dry run warns first, with the numbers, in text and in JSON.
    assert main(["sync", "--profile", "acme", "--dry-run"]) == 0
    out, err = capsys.readouterr()
    assert (
        "HELD: This cycle would disable or delete 60 of 60 provisioned users (100 %); "
        "the threshold is more than 500 or more than 20 %"
    ) in out
    assert "nothing will be sent until you allow the removals" in out
    assert "--allow-deletes" in out
    assert "warning: This cycle would disable or delete 60 of 60" in err
    assert main(["sync", "--profile", "acme", "--dry-run", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["held"]["users"] == {"removals": 60, "linked": 60}
    assert plan["counts"]["Create"] == 2000 and plan["counts"]["Disable"] == 60

    # The cycle is held: exit 3, not one write, the tenant as it was.
    assert main(["sync", "--profile", "acme", "--json"]) == 3
    result = json.loads(capsys.readouterr().out)
    assert result["outcome"] == "held"
    assert "60 of 60 provisioned users (100 %)" in result["reason"]
    assert "nothing was sent" in result["reason"]
    assert "`webex-provisioner sync --profile acme --allow-deletes`" in result["next_step"]
    assert result["counts"]["Create"] == {"Held": 2000}
    assert result["counts"]["Disable"] == {"Held": 60}
    assert writes(sandbox.requests) == []
    assert tenant(sandbox) == before

    # Held again the next time: the hold waits for the admin, it does not wear off.
    assert main(["sync", "--profile", "acme"]) == 3
    assert "held" in capsys.readouterr().err
    assert writes(sandbox.requests) == []

    # The admin allows it: the 2,000 are created and the 60 disabled.
    assert main(["sync", "--profile", "acme", "--allow-deletes", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["counts"]["Create"] == {"Success": 2000}
    assert result["counts"]["Disable"] == {"Success": 60}
    users = tenant(sandbox)["users"]
    assert sum(1 for active, _ in users.values() if not active) == 60
    assert len(users) == 2060


# -- each edge of the threshold, on both sides --------------------------------------------


async def test_exactly_at_the_count_runs_one_more_is_held(tmp_path: Path) -> None:
    rows = make_rows(40)
    csv_path = write_csv(tmp_path / "users.csv", rows)
    async with SandboxServer(SandboxConfig()) as sandbox:
        profile = make_profile(
            sandbox.tenant_url,
            csv_path,
            deletion_threshold_count=10,
            deletion_threshold_percent=0,
        )
        state = StateStore(tmp_path / "acme.sqlite3")
        async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as engine:
            assert (await engine.run_cycle()).outcome == "completed"

            write_csv(csv_path, rows[10:])  # exactly 10 removals: not above the count
            result = await engine.run_cycle()
            assert result.outcome == "completed", result.reason
            assert result.counts["Disable"] == {"Success": 10}

            write_csv(csv_path, rows[21:])  # 11 more: above the count of 10
            before = tenant(sandbox)
            sandbox.reset_requests()
            result = await engine.run_cycle()
            assert result.outcome == "held"
            assert "11 of 30 provisioned users (37 %)" in result.reason
            assert "the threshold is more than 10." in result.reason
            assert result.counts["Disable"] == {"Held": 11}
            assert writes(sandbox.requests) == []
            assert tenant(sandbox) == before
            held = state.query_log(cycle_id=result.cycle_id, action="Disable")
            assert {entry.status for entry in held} == {"Held"}


async def test_exactly_at_the_per_cent_runs_one_more_is_held(tmp_path: Path) -> None:
    rows = make_rows(100)
    csv_path = write_csv(tmp_path / "users.csv", rows)
    async with SandboxServer(SandboxConfig()) as sandbox:
        profile = make_profile(
            sandbox.tenant_url,
            csv_path,
            deletion_threshold_count=0,
            deletion_threshold_percent=20,
        )
        state = StateStore(tmp_path / "acme.sqlite3")
        async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as engine:
            assert (await engine.run_cycle()).outcome == "completed"

            # 20 of 100 provisioned: exactly 20 %, not above it. New people come too: the
            # share is of what was provisioned before, not of the total after creations.
            write_csv(csv_path, rows[20:] + make_rows(50, start=500))
            result = await engine.run_cycle()
            assert result.outcome == "completed", result.reason
            assert result.counts["Disable"] == {"Success": 20}
            assert result.counts["Create"] == {"Success": 50}

            # 130 active now; 27 of them is 20.8 %: above.
            write_csv(csv_path, rows[47:] + make_rows(50, start=500))
            before = tenant(sandbox)
            sandbox.reset_requests()
            result = await engine.run_cycle()
            assert result.outcome == "held"
            assert "27 of 130 provisioned users (21 %)" in result.reason
            assert writes(sandbox.requests) == []
            assert tenant(sandbox) == before

            # 26 of 130 is exactly 20 %: runs.
            write_csv(csv_path, rows[46:] + make_rows(50, start=500))
            result = await engine.run_cycle()
            assert result.outcome == "completed", result.reason
            assert result.counts["Disable"] == {"Success": 26}


async def test_groups_are_measured_against_the_groups_provisioned(tmp_path: Path) -> None:
    rows = make_rows(100)
    for n, row in enumerate(rows):
        row["groups"] = f"Team {n:03d}"  # 100 groups of one member each
    csv_path = write_csv(tmp_path / "users.csv", rows)

    def regroup(gone: int) -> None:
        # The first `gone` teams are dissolved: their members join Team 099.
        for n, row in enumerate(rows):
            row["groups"] = "Team 099" if n < gone else f"Team {n:03d}"
        write_csv(csv_path, rows)

    async with SandboxServer(SandboxConfig()) as sandbox:
        profile = make_profile(
            sandbox.tenant_url,
            csv_path,
            groups=True,
            deletion_threshold_count=0,
            deletion_threshold_percent=20,
            allow_hard_delete=True,
        )
        state = StateStore(tmp_path / "acme.sqlite3")
        async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as engine:
            assert (await engine.run_cycle()).outcome == "completed"
            assert len(sandbox.groups()) == 100

            regroup(20)  # 20 of 100 groups: exactly 20 %, runs (no user is removed)
            result = await engine.run_cycle()
            assert result.outcome == "completed", result.reason
            assert result.counts["Delete"] == {"Success": 20}
            assert len(sandbox.groups()) == 80

            regroup(37)  # 17 of the 80 groups left: 21 %, held
            before = tenant(sandbox)
            sandbox.reset_requests()
            result = await engine.run_cycle()
            assert result.outcome == "held"
            assert "17 of 80 provisioned groups (21 %)" in result.reason
            assert "users" not in result.reason.split(";")[0]
            assert result.counts["Delete"] == {"Held": 17}
            assert result.counts["Update"] == {"Held": 1}  # Team 099's members wait too
            assert writes(sandbox.requests) == []
            assert tenant(sandbox) == before

            result = await engine.run_cycle(allow_deletes=True)
            assert result.outcome == "completed", result.reason
            assert len(sandbox.groups()) == 63


# -- provisioning status Off, from the command line ----------------------------------------


def test_a_manual_sync_of_a_profile_that_is_off_asks_for_force(
    sandbox: SandboxServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    csv_path = write_csv(tmp_path / "users.csv", make_rows(12))
    off = make_profile(sandbox.tenant_url, csv_path).model_copy(
        update={"provisioning_enabled": False}
    )
    ProfileStore().save(off)
    monkeypatch.setenv("WEBEX_PROVISIONER_TOKEN", sandbox.tokens.full_admin)

    assert main(["sync", "--profile", "acme"]) == 2
    err = capsys.readouterr().err
    assert "Provisioning is off for profile acme: no cycle was run and nothing was sent" in err
    assert "webex-provisioner sync --profile acme --force" in err
    assert "webex-provisioner profile set acme --provisioning on" in err
    assert main(["sync", "--profile", "acme", "--every", "40m"]) == 2
    assert "--every runs scheduled cycles" in capsys.readouterr().err
    assert main(["sync", "--profile", "acme", "--scheduled", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["outcome"] == "skipped"
    assert sandbox.requests == []

    # --dry-run always works; --force runs one cycle anyway, and the profile stays off.
    assert main(["sync", "--profile", "acme", "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["Create"] == 12
    assert writes(sandbox.requests) == []
    assert main(["sync", "--profile", "acme", "--force"]) == 0
    assert "running one cycle anyway (--force)" in capsys.readouterr().err
    assert len(sandbox.users()) == 12
    assert ProfileStore().load("acme").provisioning_enabled is False
    assert main(["sync", "--profile", "acme"]) == 2
