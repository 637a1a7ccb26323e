"""Operations the target refuses: reported with code, message, next step and TrackingID;
too many of them quarantine the profile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.commands.sync import exit_code_for
from app.config.defaults import WORK_EMAIL, default_user_mappings
from app.config.profile import Profile
from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.engine import SyncEngine
from app.sync.state import StateStore
from tests.support.sync import make_profile, make_rows, write_csv


def mail_as_work_email(tenant_url: str, csv_path: Path) -> Profile:
    """A common mistake: the work e-mail mapped from `mail`, which Webex wants equal to
    userName; users whose mail differs are refused by the target."""
    users: list[dict[str, Any]] = [m.model_dump() for m in default_user_mappings("webex")]
    for mapping in users:
        if mapping["target"] == WORK_EMAIL:
            mapping["source"] = "mail"
    base = make_profile(tenant_url, csv_path).model_dump(mode="json")
    base["mappings"]["users"] = users
    return Profile.model_validate(base)


def with_other_mail(rows: list[dict[str, str]], every: int) -> set[str]:
    refused = set()
    for n, row in enumerate(rows):
        if n % every == 0:
            row["mail"] = f"alias.{n}@example.org"
            refused.add(row["userPrincipalName"])
    return refused


@pytest.mark.parametrize("bulk", [False, True], ids=["one-by-one", "bulk"])
async def test_refused_users_are_reported_and_the_rest_is_done(tmp_path: Path, bulk: bool) -> None:
    rows = make_rows(12)
    refused = with_other_mail(rows, every=4)  # 3 of 12
    csv_path = write_csv(tmp_path / "users.csv", rows)
    async with SandboxServer(SandboxConfig()) as sandbox:
        profile = mail_as_work_email(sandbox.tenant_url, csv_path)
        state = StateStore(tmp_path / "acme.sqlite3")
        async with SyncEngine(
            profile, token=sandbox.tokens.full_admin, state=state, use_bulk=bulk
        ) as engine:
            result = await engine.run_cycle()
        assert result.outcome == "completed_with_failures"
        assert exit_code_for(result) == 1
        assert result.counts["Create"] == {"Success": 9, "Failure": 3}
        assert {u["userName"] for u in sandbox.users()} == {
            row["userPrincipalName"] for row in rows
        } - refused
        assert {f.user_name for f in result.first_failures} == refused
        failures = state.query_log(status="Failure")
        assert {f.user_name for f in failures} == refused
        for failure in failures:
            assert failure.error_code.startswith("BadRequest")
            assert "userName" in failure.message
            assert failure.next_step
            if not bulk:  # Webex's TrackingID header, kept for Cisco support
                assert failure.tracking_id
        # The profile is not quarantined for a few refusals, and the next cycle retries them.
        assert state.quarantine() is None
        assert state.count_links("User") == 9


async def test_more_than_forty_per_cent_failing_quarantines_the_profile(tmp_path: Path) -> None:
    rows = make_rows(60)
    with_other_mail(rows, every=2)  # 30 of 60
    csv_path = write_csv(tmp_path / "users.csv", rows)
    async with SandboxServer(SandboxConfig()) as sandbox:
        profile = mail_as_work_email(sandbox.tenant_url, csv_path)
        state = StateStore(tmp_path / "acme.sqlite3")
        async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as engine:
            result = await engine.run_cycle()
            assert result.outcome == "quarantined"
            assert result.cause == "failure_rate"
            assert "30 of 60 operations failed" in result.reason
            assert exit_code_for(result) == 3
            quarantine = state.quarantine()
            assert quarantine is not None and quarantine.level == 1
            assert result.next_attempt == quarantine.next_attempt

            # The next cycle waits: it sends nothing and says when it will try.
            sandbox.reset_requests()
            waiting = await engine.run_cycle()
            assert waiting.outcome == "quarantined" and waiting.skipped
            assert waiting.next_attempt == quarantine.next_attempt
            assert sandbox.requests == []
