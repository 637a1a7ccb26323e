"""Groups on the Webex tenant: created after their members, membership changes as PATCH."""

from __future__ import annotations

from pathlib import Path

from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.engine import SyncEngine
from app.sync.state import StateStore
from tests.integration.test_sync_helpers import make_profile, make_rows, write_csv


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
