"""Crash resume: `sync` killed with SIGKILL at random moments of a 2,000-user sync, run again
until it completes; the tenant then equals the plan (scripts/chaos.py; 50 trials from the
script, 3 seeded trials here)."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.support import REPO, load_chaos

chaos = load_chaos()

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


@pytest.mark.timeout(1800)
def test_three_seeded_trials_of_kills_leave_the_tenant_equal_to_the_plan(tmp_path: Path) -> None:
    report = chaos.run_chaos(3, users=2000, seed=7, workdir=tmp_path)
    summary = json.dumps(report.to_dict(), indent=1)[:4000]

    assert [trial.problems for trial in report.trials] == [[], [], []], summary
    for trial in report.trials:
        assert trial.kills >= 1, summary
        last = trial.runs[-1]
        assert not last.killed and last.exit_code == 0 and last.outcome == "completed"
        assert last.users_at_end == 2000
    # At least one kill landed in the middle of the users' writes (some created, some not),
    # where a resume that created anything twice would show.
    assert sum(trial.mid_write_kills for trial in report.trials) >= 1, summary


def fake_tenant(rows: list[dict[str, str]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """What a correct provisioning of `rows` leaves in a tenant."""
    users = []
    for number, row in enumerate(rows):
        users.append(
            {
                "id": f"id-{number}",
                "userName": row["userPrincipalName"],
                "active": True,
                "displayName": row["displayName"],
                "name": {"givenName": row["givenName"], "familyName": row["surname"]},
                "emails": [{"value": row["userPrincipalName"], "type": "work", "primary": True}],
                "title": row["jobTitle"],
                "externalId": row["userPrincipalName"].lower(),
            }
        )
    groups: dict[str, list[dict[str, str]]] = {}
    for user, row in zip(users, rows, strict=True):
        groups.setdefault(row["department"], []).append({"value": str(user["id"])})
    return users, [{"displayName": name, "members": m} for name, m in groups.items()]


def test_the_tenant_check_sees_each_way_a_resume_can_go_wrong() -> None:
    rows = chaos.make_rows(40, seed=1)
    users, groups = fake_tenant(rows)
    assert chaos.tenant_problems(users, groups, rows) == []

    twice = [*users, {**users[3], "id": "id-copy"}]
    assert "exist more than once" in chaos.tenant_problems(twice, groups, rows)[0]
    assert "missing" in chaos.tenant_problems(users[1:], groups, rows)[0]
    stale = copy.deepcopy(users)
    stale[5]["title"] = "Old title"
    assert "Old title" in chaos.tenant_problems(stale, groups, rows)[0]
    disabled = copy.deepcopy(users)
    disabled[6]["active"] = False
    assert "active" in chaos.tenant_problems(disabled, groups, rows)[0]
    short = copy.deepcopy(groups)
    short[0]["members"].pop()
    assert "1 members missing" in chaos.tenant_problems(users, short, rows)[0]
    assert "more than once" in chaos.tenant_problems(users, [*groups, groups[0]], rows)[0]


def test_the_script_reports_its_trials_as_json_and_exits_0(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "chaos.py"),
            "--trials",
            "1",
            "--users",
            "150",
            "--max-kills",
            "1",
            "--kill-window",
            "0.3",  # within the start-up: a kill before any request
            "--seed",
            "3",
            "--workdir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["ok"] is True and report["trials"] == 1 and report["passed"] == 1
    assert report["kills"] == 1
    assert "trial 0: 1 kills" in done.stderr
