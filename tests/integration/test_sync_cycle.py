"""A 1,000-row CSV synced into the sandbox's Webex tenant over loopback HTTP, cycle by cycle.

The sandbox's request record proves what was sent; its users() what the tenant holds.
"""

from __future__ import annotations

from pathlib import Path

from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.engine import SyncEngine
from app.sync.state import StateStore
from tests.support.sync import make_profile, make_rows, write_csv, writes


def versions(sandbox: SandboxServer) -> dict[str, str]:
    return {u["userName"]: u["meta"]["version"] for u in sandbox.users()}


async def test_a_thousand_users_from_dry_run_to_removals(tmp_path: Path) -> None:
    rows = make_rows(1000)
    csv_path = write_csv(tmp_path / "users.csv", rows)
    async with SandboxServer(SandboxConfig()) as sandbox:
        # At most 20 removals a cycle (the per-cent rule is covered in tests/unit/test_safety).
        profile = make_profile(sandbox.tenant_url, csv_path, deletion_threshold_count=20)
        state = StateStore(tmp_path / "acme.sqlite3")
        async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as engine:
            # The dry run plans 1,000 creates and writes nothing.
            plan = await engine.dry_run()
            assert plan.counts()["Create"] == 1000
            assert writes(sandbox.requests) == []
            assert sandbox.users() == []
            # A first cycle lists the (empty) target once instead of 1,000 queries.
            assert len(sandbox.requests) <= 3

            # The run creates them all.
            result = await engine.run_cycle()
            assert result.outcome == "completed", result.reason
            assert result.counts["Create"] == {"Success": 1000}
            held = {u["userName"]: u for u in sandbox.users()}
            assert set(held) == {row["userPrincipalName"] for row in rows}
            zoe = held["zoe.dupre.0@example.com"]
            assert zoe["name"] == {"givenName": "Zoé", "familyName": "Dupré"}
            assert zoe["displayName"] == "Zoé Dupré"
            assert zoe["title"] == "Engineer"
            assert zoe["emails"][0]["value"] == "zoe.dupre.0@example.com"
            assert zoe["active"] is True

            # A second run writes nothing and reads at most a handful.
            sandbox.reset_requests()
            result = await engine.run_cycle()
            assert result.outcome == "completed"
            assert result.by_action() == {"NoChange": 1000}
            assert writes(sandbox.requests) == []
            assert len(sandbox.requests) <= 5

            # Ten changed rows give exactly ten updates, each with its old -> new values.
            before = versions(sandbox)
            changed = {}
            for n in range(0, 100, 10):
                rows[n]["jobTitle"] = "Directrice"
                rows[n]["surname"] = "Lévêque"
                changed[rows[n]["userPrincipalName"]] = n
            write_csv(csv_path, rows)
            sandbox.reset_requests()
            result = await engine.run_cycle()
            assert result.outcome == "completed", result.reason
            assert result.counts["Update"] == {"Success": 10}
            after = versions(sandbox)
            assert {name for name in after if after[name] != before[name]} == set(changed)
            updates = state.query_log(cycle_id=result.cycle_id, action="Update")
            assert {entry.user_name for entry in updates} == set(changed)
            for entry in updates:
                n = changed[entry.user_name]
                old_title = "Ingénieure" if n % 2 else "Engineer"
                assert set(entry.modified) == {
                    ("title", old_title, "Directrice"),
                    ("name.familyName", make_rows(1, start=n)[0]["surname"], "Lévêque"),
                }
            held = {u["userName"]: u for u in sandbox.users()}
            assert held[rows[10]["userPrincipalName"]]["name"]["familyName"] == "Lévêque"
            # Only the changed users were read back, one request each.
            assert len([r for r in sandbox.requests if r.method == "GET"]) == 10

            # Five removed rows give five disables.
            removed = [row["userPrincipalName"] for row in rows[-5:]]
            rows = rows[:-5]
            write_csv(csv_path, rows)
            before = versions(sandbox)
            result = await engine.run_cycle()
            assert result.outcome == "completed", result.reason
            assert result.counts["Disable"] == {"Success": 5}
            held = {u["userName"]: u for u in sandbox.users()}
            assert sorted(n for n, u in held.items() if u["active"] is False) == sorted(removed)
            after = versions(sandbox)
            assert {name for name in after if after[name] != before[name]} == set(removed)
            disables = state.query_log(cycle_id=result.cycle_id, action="Disable")
            assert all(entry.modified == [("active", True, False)] for entry in disables)

            # A removal above the threshold (30 users, more than 20) holds the cycle.
            gone = [row["userPrincipalName"] for row in rows[-30:]]
            rows = rows[:-30]
            rows[0]["jobTitle"] = "Présidente"  # held too: a held cycle sends nothing
            write_csv(csv_path, rows)
            sandbox.reset_requests()
            result = await engine.run_cycle()
            assert result.outcome == "held"
            assert "30 of 995 provisioned users (3 %)" in result.reason
            assert "more than 20" in result.reason
            assert "--allow-deletes" in result.next_step
            assert result.counts["Disable"] == {"Held": 30}
            assert result.counts["Update"] == {"Held": 1}
            assert [r for r in sandbox.requests if r.method != "GET"] == []
            held = {u["userName"]: u for u in sandbox.users()}
            assert all(held[name]["active"] for name in gone)
            assert held[rows[0]["userPrincipalName"]]["title"] != "Présidente"

            # The admin allows it: the 30 are disabled, the update goes too.
            result = await engine.run_cycle(allow_deletes=True)
            assert result.outcome == "completed", result.reason
            assert result.counts["Disable"] == {"Success": 30}
            held = {u["userName"]: u for u in sandbox.users()}
            assert held[rows[0]["userPrincipalName"]]["title"] == "Présidente"
            assert sum(1 for u in held.values() if not u["active"]) == 35
            assert len(held) == 1000
