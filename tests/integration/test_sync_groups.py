"""Groups on the Webex tenant: created after their members, membership changes as PATCH."""

from __future__ import annotations

from pathlib import Path

from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.engine import SyncEngine
from app.sync.state import StateStore
from tests.support.sync import make_profile, make_rows, write_csv


def members_by_group(sandbox: SandboxServer) -> dict[str, set[str]]:
    names = {u["id"]: u["userName"] for u in sandbox.users()}
    return {
        g["displayName"]: {names[m["value"]] for m in g.get("members") or []}
        for g in sandbox.groups()
    }


async def test_groups_are_created_after_their_members_and_follow_membership_changes(
    tmp_path: Path,
) -> None:
    rows = make_rows(40)
    csv_path = write_csv(tmp_path / "users.csv", rows)
    async with SandboxServer(SandboxConfig()) as sandbox:
        profile = make_profile(sandbox.tenant_url, csv_path, groups=True)
        state = StateStore(tmp_path / "acme.sqlite3")
        async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as engine:
            plan = await engine.dry_run()
            kinds = [op.object_type for op in plan if op.writes]
            assert kinds == ["User"] * 40 + ["Group"] * 4

            result = await engine.run_cycle()
            assert result.outcome == "completed", result.reason
            assert result.counts["Create"] == {"Success": 44}
            expected: dict[str, set[str]] = {}
            for row in rows:
                expected.setdefault(row["groups"], set()).add(row["userPrincipalName"])
            assert members_by_group(sandbox) == expected

            # One user moves from Ventes to Finance; one new user joins Support.
            mover = next(row for row in rows if row["groups"] == "Ventes")
            mover["groups"] = "Finance"
            newcomer = make_rows(1, start=500)[0]
            newcomer["groups"] = "Support"
            rows.append(newcomer)
            write_csv(csv_path, rows)
            sandbox.reset_requests()
            result = await engine.run_cycle()
            assert result.outcome == "completed", result.reason
            assert result.counts["Update"] == {"Success": 3}  # Ventes, Finance, Support
            assert result.counts["Create"] == {"Success": 1}  # the newcomer, before Support
            groups_now = members_by_group(sandbox)
            assert mover["userPrincipalName"] in groups_now["Finance"]
            assert mover["userPrincipalName"] not in groups_now["Ventes"]
            assert newcomer["userPrincipalName"] in groups_now["Support"]
            # Membership changes went as PATCH add/remove on the groups, never a PUT.
            group_writes = [
                r for r in sandbox.requests if "/Groups" in r.path and r.method != "GET"
            ]
            assert {r.method for r in group_writes} == {"PATCH"}
            updates = state.query_log(cycle_id=result.cycle_id, object_type="Group")
            finance = next(e for e in updates if e.user_name == "Finance")
            assert ("members", None, [mover["userPrincipalName"]]) in finance.modified


async def test_users_matched_on_the_target_are_members_when_creations_are_sent_ahead(
    tmp_path: Path,
) -> None:
    """A first cycle over a tenant that already has some of the users (matched, not
    created) and hundreds it lacks (created a Bulk request at a time while the plan is
    still being made): the groups get every member, the matched ones included."""
    rows = make_rows(330)
    async with SandboxServer(SandboxConfig()) as sandbox:
        # Another state file provisions the first 30 users: this profile finds them there.
        early_csv = write_csv(tmp_path / "early.csv", rows[:30])
        early = make_profile(sandbox.tenant_url, early_csv, groups=False)
        with StateStore(tmp_path / "other.sqlite3") as other:
            async with SyncEngine(early, token=sandbox.tokens.full_admin, state=other) as engine:
                assert (await engine.run_cycle()).outcome == "completed"

        csv_path = write_csv(tmp_path / "users.csv", rows)
        profile = make_profile(sandbox.tenant_url, csv_path, groups=True)
        state = StateStore(tmp_path / "acme.sqlite3")
        async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as engine:
            result = await engine.run_cycle()
        state.close()
        assert result.outcome == "completed", result.reason
        assert result.counts["Create"] == {"Success": 300 + 4}  # the users, then 4 groups
        expected: dict[str, set[str]] = {}
        for row in rows:
            expected.setdefault(row["groups"], set()).add(row["userPrincipalName"])
        assert members_by_group(sandbox) == expected
        bulks = [r for r in sandbox.requests if r.path.rstrip("/").endswith("/Bulk")]
        assert len(bulks) >= 3  # the creations went a Bulk request at a time
