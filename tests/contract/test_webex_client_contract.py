"""Every Webex operation the engine uses, sent by the program's own client (app/webex/client.py)
to the sandbox, with both sides judged by Cisco's spec (the webex_contract_sandbox fixture
fails the test at teardown listing each difference). Then a cycle through the engine, whose
matching must send no filter Webex refuses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.sandbox.server import SandboxServer
from app.sync.engine import SyncEngine
from app.sync.state import StateStore
from app.webex.client import WebexClient
from app.webex.constants import CISCO_USER, CORE_GROUP, CORE_USER
from tests.contract.harness import PROGRAM_OPERATIONS, WebexContract
from tests.support.sync import make_profile, make_rows, write_csv


def new_user(n: int, **more: Any) -> dict[str, Any]:
    name = f"contract.user{n}@example.com"
    return {
        "schemas": [CORE_USER],
        "userName": name,
        "userType": "user",
        "name": {"givenName": "Contract", "familyName": f"User{n}"},
        "displayName": f"Contract User {n}",
        "emails": [{"value": name, "type": "work", "primary": True}],
        **more,
    }


def bulk_creation(n: int) -> dict[str, Any]:
    return {"method": "POST", "path": "/Users", "bulkId": f"u{n}", "data": new_user(n)}


async def test_every_client_operation_follows_ciscos_spec(
    webex_contract_sandbox: SandboxServer, webex_contract: WebexContract
) -> None:
    sandbox = webex_contract_sandbox
    async with WebexClient(sandbox.tenant_url, sandbox.tokens.full_admin) as client:
        me = await client.people_me()
        assert me.org_uuid == client.target.org_uuid
        expiry = await client.token_expiry()
        assert expiry is not None and expiry.remaining().total_seconds() > 0

        # Users: create, read, search, replace, patch (Cisco's externalAttribute1 included).
        created = await client.create("User", new_user(1))
        user_id = created["id"]
        assert (await client.get("User", user_id))["userName"] == created["userName"]
        found = [
            u async for u in client.search("User", filter=f'userName eq "{created["userName"]}"')
        ]
        assert [u["id"] for u in found] == [user_id]
        replaced = await client.replace(
            "User", user_id, {**new_user(1), "title": "Auditor", "preferredLanguage": "fr_FR"}
        )
        assert replaced["title"] == "Auditor"
        await client.patch(
            "User",
            user_id,
            [
                {
                    "op": "add",
                    "path": f"{CISCO_USER}:externalAttribute1",
                    "value": [{"source": "contract", "value": "badge-1"}],
                }
            ],
        )
        # A user holding Cisco's externalAttribute1 lists like any other.
        listed = {u["id"]: u async for u in client.search("User")}
        assert listed[user_id][CISCO_USER]["externalAttribute1"] == [
            {"source": "contract", "value": "badge-1"}
        ]
        assert client.unreadable == []
        assert await client.count("User") == len(listed)

        # Bulk: 600 users, 100 operations a request.
        results = await client.bulk([bulk_creation(n) for n in range(100, 700)])
        assert all(r.ok for r in results), [r.error for r in results if not r.ok][:3]
        member_ids = [str(r.resource_id) for r in results]
        # A Bulk operation Webex refuses (the userName of a user that exists): its own error,
        # with the tracking id of Cisco's error extension; the others of the request stand.
        mixed = await client.bulk([bulk_creation(100), bulk_creation(900)])
        assert [r.ok for r in mixed] == [False, True]
        refused = mixed[0].error
        assert refused is not None and refused.status == 409
        assert refused.tracking_id

        # Groups: a group of 600 members, more than its own answer holds (500).
        group = await client.create(
            "Group",
            {
                "schemas": [CORE_GROUP],
                "displayName": "Contract group",
                "members": [{"value": m} for m in member_ids],
            },
        )
        group_id = group["id"]
        own_answer = await client.get("Group", group_id)
        members = await client.group_members(group_id, own_answer)
        assert sorted(m["value"] for m in members) == sorted(member_ids)
        searched = [
            g async for g in client.search("Group", filter='displayName eq "Contract group"')
        ]
        assert [g["id"] for g in searched] == [group_id]
        assert "members" not in searched[0]  # not returned, not "empty"
        from_search = await client.group_members(group_id, None)
        assert len(from_search) == 600
        await client.patch(
            "Group",
            group_id,
            [{"op": "remove", "path": f'members[value eq "{m}"]'} for m in member_ids[:50]],
        )
        assert len(await client.group_members(group_id)) == 550
        renamed = await client.replace(
            "Group", group_id, {"schemas": [CORE_GROUP], "displayName": "Contract group 2"}
        )
        assert renamed["displayName"] == "Contract group 2"
        await client.delete("Group", group_id)
        await client.delete("User", user_id)
        # The externalId is not in Cisco's filter table: the client never filters on it.
        assert not client.filterable("User", "externalId")
        assert not client.filterable("User", "active")
        assert client.filterable("User", "userName")

    seen = webex_contract.operations()
    assert seen >= PROGRAM_OPERATIONS, sorted(PROGRAM_OPERATIONS - seen)
    assert [e for e in webex_contract.exchanges if e.status >= 400] == []
    assert any(b'"status": "409"' in e.response_body for e in webex_contract.exchanges)


async def test_a_cycle_sends_only_what_ciscos_spec_accepts(
    webex_contract_sandbox: SandboxServer, webex_contract: WebexContract, tmp_path: Path
) -> None:
    """Two cycles through the engine, as a sync runs them: a first of a few users (one
    search each, externalId matched from a listing) with their groups, then changes. No
    request is refused (no invalidFilter), and every exchange follows the spec."""
    sandbox = webex_contract_sandbox
    rows = make_rows(8)
    csv_path = write_csv(tmp_path / "users.csv", rows)
    profile = make_profile(sandbox.tenant_url, csv_path, groups=True)
    with StateStore(tmp_path / "acme.sqlite3") as state:
        async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as engine:
            plan = await engine.dry_run()
            assert not [n for n in plan.notes if "groups" in n and "token" in n], plan.notes
            first = await engine.run_cycle()
            assert first.outcome == "completed", (first.reason, first.first_failures)
            rows[0]["groups"] = "Finance" if rows[0]["groups"] != "Finance" else "Ventes"
            rows[1]["jobTitle"] = "Directrice"
            rows.append(make_rows(1, start=60)[0])
            write_csv(csv_path, rows)
            second = await engine.run_cycle()
            assert second.outcome == "completed", (second.reason, second.first_failures)
    refused = [(e.method, e.target, e.status) for e in webex_contract.exchanges if e.status >= 400]
    assert refused == []
