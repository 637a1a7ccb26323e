"""Cycles against a tenant that behaves as Cisco's spec says (resources/vendor/), over loopback.

What another tool leaves on the tenant (externalAttributeN, a malformed user), a group larger
than one page of members, the filters Webex takes, locale forms and a user admin's token.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from app.config.rules import AttributeMapping
from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync import plan as p
from app.sync.engine import SyncEngine
from app.sync.state import StateStore
from app.webex.checks import test_connection as check_connection
from app.webex.client import WebexClient
from app.webex.constants import CISCO_USER
from tests.contract.webex_spec import enterprise_filter_names, user_filter_table
from tests.support.sync import COLUMNS, make_profile, make_rows, write_csv

# Cisco's "Search users" filter table, as the spec has it, lower case (RFC 7643 §2.1);
# the enterprise attributes also under their schema's URN.
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:"
USER_FILTERS = {name.lower() for name in user_filter_table()} | {
    ENTERPRISE + name.lower() for name in enterprise_filter_names()
}


def members_by_group(sandbox: SandboxServer) -> dict[str, set[str]]:
    names = {u["id"]: u["userName"] for u in sandbox.users()}
    return {
        g["displayName"]: {names[m["value"]] for m in g.get("members") or []}
        for g in sandbox.groups()
    }


def filters_sent(sandbox: SandboxServer, resource: str) -> list[str]:
    """Every filter a search of Users (or Groups) carried."""
    found = []
    for request in sandbox.requests:
        if request.method == "GET" and request.path.rstrip("/").endswith(f"/{resource}"):
            found.extend(parse_qs(request.query).get("filter", []))
    return found


async def set_external_attribute(sandbox: SandboxServer, user_id: str) -> None:
    """What another tool (Control Hub, a connector) does: externalAttribute1 on a user."""
    async with httpx.AsyncClient(
        base_url=sandbox.tenant_url,
        headers={"Authorization": f"Bearer {sandbox.tokens.full_admin}"},
    ) as http:
        response = await http.patch(
            f"Users/{user_id}",
            json={
                "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                "Operations": [
                    {
                        "op": "add",
                        "path": f"{CISCO_USER}:externalAttribute1",
                        "value": [{"source": "hr-connector", "value": "badge-1207"}],
                    }
                ],
            },
        )
        assert response.status_code == 200, response.text


async def test_a_tenant_with_external_attributes_and_a_big_group_converges_in_one_cycle(
    tmp_path: Path,
) -> None:
    """1,200 members in one group, 700 of them moved out by the source: one cycle leaves
    exactly the 500 others, though no group answer carries more than 500 members and a
    search carries none; a user holding Cisco's externalAttribute1 lists and is kept."""
    rows = make_rows(1200)
    for row in rows:
        row["groups"] = "Everyone"
    csv_path = write_csv(tmp_path / "users.csv", rows)
    async with SandboxServer(SandboxConfig()) as sandbox:
        profile = make_profile(sandbox.tenant_url, csv_path, groups=True)
        with StateStore(tmp_path / "first.sqlite3") as first:
            async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=first) as engine:
                result = await engine.run_cycle()
        assert result.outcome == "completed", result.reason
        assert len(members_by_group(sandbox)["Everyone"]) == 1200
        holder = next(u for u in sandbox.users() if u["userName"] == rows[900]["userPrincipalName"])
        await set_external_attribute(sandbox, holder["id"])

        # 700 leave the group; a fresh state: the group and the users are matched on the
        # target, as after a reinstall (the group's members can only come from /Members).
        for row in rows[:700]:
            row["groups"] = "Left"
        write_csv(csv_path, rows)
        sandbox.reset_requests()
        with StateStore(tmp_path / "second.sqlite3") as second:
            async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=second) as engine:
                result = await engine.run_cycle()
        assert result.outcome == "completed", (result.reason, result.first_failures)
        groups = members_by_group(sandbox)
        assert groups["Everyone"] == {row["userPrincipalName"] for row in rows[700:]}
        assert groups["Left"] == {row["userPrincipalName"] for row in rows[:700]}
        held = next(u for u in sandbox.users() if u["id"] == holder["id"])
        assert held[CISCO_USER]["externalAttribute1"] == [
            {"source": "hr-connector", "value": "badge-1207"}
        ]
        member_reads = [r for r in sandbox.requests if r.path.rstrip("/").endswith("/Members")]
        assert member_reads, "the group's members were never read through /Members"
        patches = [r for r in sandbox.requests if r.method == "PATCH" and "/Groups/" in r.path]
        assert len(patches) >= 7  # 700 removals: requests of at most 100
        assert all(r.status == 200 for r in patches)


async def test_matching_never_sends_a_filter_outside_ciscos_table(tmp_path: Path) -> None:
    """A first cycle of a few users (one search each) and a second with a newcomer: every
    filter is on an attribute of the table; externalId (the second matching key) is
    matched from a listing, and a user another tool created is found by its externalId."""
    rows = make_rows(6)
    csv_path = write_csv(tmp_path / "users.csv", rows)
    async with SandboxServer(SandboxConfig(seed_groups=0)) as sandbox:
        profile = make_profile(sandbox.tenant_url, csv_path, groups=True)
        with StateStore(tmp_path / "acme.sqlite3") as state:
            async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as engine:
                first = await engine.run_cycle()
                assert first.outcome == "completed", first.reason
                rows.append(make_rows(1, start=40)[0])
                rows[1]["jobTitle"] = "Directrice"
                write_csv(csv_path, rows)
                second = await engine.run_cycle()
                assert second.outcome == "completed", second.reason
        user_filters = filters_sent(sandbox, "Users")
        assert user_filters, "the few unknown users were looked up with a filter each"
        for text in user_filters:
            attribute = text.split(" ", 1)[0].lower()
            assert attribute in USER_FILTERS, text
        for text in filters_sent(sandbox, "Groups"):
            assert text.split(" ", 1)[0].lower() in ("displayname", "id"), text
        assert all(r.status != 400 for r in sandbox.requests), [
            (r.method, r.path, r.query) for r in sandbox.requests if r.status == 400
        ]
        assert {u["userName"] for u in sandbox.users()} >= {r["userPrincipalName"] for r in rows}


async def test_a_malformed_user_on_the_tenant_does_not_break_the_listing_or_the_cycle(
    tmp_path: Path,
) -> None:
    """Another tool left a user with two primary e-mails (RFC 7643 allows one): the listing
    leaves it out and says so, the cycle completes, and the source user it would match is
    skipped as unreadable: neither created twice nor overwritten."""
    rows = make_rows(40)
    async with SandboxServer(SandboxConfig(seed_users=2)) as sandbox:
        victim = sandbox.users()[0]
        rows[5]["userPrincipalName"] = rows[5]["mail"] = victim["userName"]
        csv_path = write_csv(tmp_path / "users.csv", rows)
        stored = sandbox._tenant_storage.peek("User", victim["id"])
        assert stored is not None
        first_email = stored.emails[0]
        second_email = first_email.model_copy(update={"value": "old." + first_email.value})
        object.__setattr__(stored, "emails", [first_email, second_email])

        async with WebexClient(sandbox.tenant_url, sandbox.tokens.full_admin) as client:
            listed = [u["id"] async for u in client.search("User")]
        assert victim["id"] not in listed and len(listed) == 1
        assert [u.id for u in client.unreadable] == [victim["id"]]
        assert "primary" in client.unreadable[0].problem

        profile = make_profile(sandbox.tenant_url, csv_path)
        sandbox.reset_requests()
        with StateStore(tmp_path / "acme.sqlite3") as state:
            async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as engine:
                result = await engine.run_cycle()
                events = state.query_log(cycle_id=result.cycle_id)
                assert result.outcome == "completed", result.reason
                assert result.counts["Create"] == {"Success": 39}
                skipped = [e for e in events if e.user_name == victim["userName"]]
                assert [e.error_code for e in skipped] == [p.TARGET_UNREADABLE]
                assert victim["id"] in skipped[0].message
                writes = [
                    r for r in sandbox.requests if r.method != "GET" and victim["id"] in r.path
                ]
                assert writes == []
                assert sum(u["userName"] == victim["userName"] for u in sandbox.users()) == 1

                # Fixed in Control Hub: the next cycle (same engine, same client) matches it.
                object.__setattr__(stored, "emails", [first_email])
                again = await engine.run_cycle()
                assert again.outcome == "completed", again.reason
                assert state.link("User", rows[5]["userPrincipalName"]) is not None
                assert state.link("User", rows[5]["userPrincipalName"]).target_id == victim["id"]


def with_language(profile: Any) -> Any:
    profile.mappings.users.append(
        AttributeMapping(target="preferredLanguage", source="preferredLanguage")
    )
    return profile


async def test_preferred_language_goes_as_ll_cc_and_what_has_no_country_is_refused(
    tmp_path: Path,
) -> None:
    rows = make_rows(3)
    rows[0]["preferredLanguage"] = "fr-FR"
    rows[1]["preferredLanguage"] = "en_us"
    rows[2]["preferredLanguage"] = "en"
    csv_path = write_csv(tmp_path / "users.csv", rows, [*COLUMNS, "preferredLanguage"])
    async with SandboxServer(SandboxConfig()) as sandbox:
        profile = with_language(make_profile(sandbox.tenant_url, csv_path))
        with StateStore(tmp_path / "acme.sqlite3") as state:
            async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as engine:
                plan = await engine.dry_run()
                refused = next(op for op in plan if op.key == rows[2]["userPrincipalName"])
                assert refused.reason == p.MAPPING_ERROR
                assert rows[2]["userPrincipalName"] in refused.detail
                assert '"en"' in refused.detail
                result = await engine.run_cycle()
        assert result.outcome == "completed", result.reason
        languages = {u["userName"]: u.get("preferredLanguage") for u in sandbox.users()}
        assert languages == {
            rows[0]["userPrincipalName"]: "fr_FR",
            rows[1]["userPrincipalName"]: "en_US",
        }
        assert result.counts["Create"] == {"Success": 2}


async def test_a_user_admins_token_provisions_the_users_and_skips_the_groups(
    tmp_path: Path,
) -> None:
    rows = make_rows(8)
    csv_path = write_csv(tmp_path / "users.csv", rows)
    async with SandboxServer(SandboxConfig()) as sandbox:
        token = sandbox.tokens.user_admin
        report = await check_connection(sandbox.tenant_url, token, provisions_groups=True)
        assert report.check("write").status == "passed"
        groups_check = report.check("write_groups")
        assert groups_check.status == "failed"
        assert "Groups cannot be written" in groups_check.reason
        assert "full admin" in groups_check.next_step

        profile = make_profile(sandbox.tenant_url, csv_path, groups=True)
        with StateStore(tmp_path / "acme.sqlite3") as state:
            async with SyncEngine(profile, token=token, state=state) as engine:
                plan = await engine.dry_run()
                assert any("may not write groups" in note for note in plan.notes), plan.notes
                result = await engine.run_cycle()
                events = state.query_log(cycle_id=result.cycle_id, object_type="Group")
        assert result.outcome == "completed", result.reason
        assert result.counts["Create"]["Success"] == 8
        assert {u["userName"] for u in sandbox.users()} == {r["userPrincipalName"] for r in rows}
        assert sandbox.groups() == []
        assert len(events) == 4
        assert all(e.status == "Skipped" for e in events)
        assert all("the token may not write groups" in e.message for e in events)


async def test_token_expiry_is_read_and_a_service_without_it_is_tolerated() -> None:
    async with (
        SandboxServer(SandboxConfig()) as sandbox,
        WebexClient(sandbox.tenant_url, sandbox.tokens.full_admin) as client,
    ):
        expiry = await client.token_expiry()
        assert expiry is not None
        assert expiry.remaining().total_seconds() > 0
        # A service that does not offer tokenExpiry (404): no expiry, no error.
        client.target = dataclasses.replace(
            client.target, people_me_url=f"{sandbox.base_url}/elsewhere/v1/people/me"
        )
        assert await client.token_expiry() is None


def test_test_connection_of_a_profile_with_groups_says_a_user_admin_cannot_write_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CLI, with --profile: a profile that provisions groups (a CSV group column) and a
    user admin's token fails the groups check (exit 3) before any cycle; without groups the
    same token passes, the groups check skipped with the reason."""
    from app.cli import main
    from app.config.secrets import SecretStore
    from app.config.store import ProfileStore

    csv_path = write_csv(tmp_path / "users.csv", make_rows(2))
    with SandboxServer.in_thread(SandboxConfig()) as sandbox:
        SecretStore().set("acme", "webex-token", sandbox.tokens.user_admin)
        ProfileStore().save(make_profile(sandbox.tenant_url, csv_path, groups=True))
        assert main(["test-connection", "--profile", "acme", "--json"]) == 3
        checks = {c["id"]: c for c in json.loads(capsys.readouterr().out)["checks"]}
        assert checks["write"]["status"] == "passed"
        assert checks["write_groups"]["status"] == "failed"
        assert "user admin" in checks["write_groups"]["reason"]
        assert "Groups cannot be written" in checks["write_groups"]["reason"]

        ProfileStore().save(make_profile(sandbox.tenant_url, csv_path, groups=False))
        assert main(["test-connection", "--profile", "acme", "--json"]) == 0
        checks = {c["id"]: c for c in json.loads(capsys.readouterr().out)["checks"]}
        assert checks["write_groups"]["status"] == "skipped"
        assert checks["token_expiry"]["status"] == "passed"


async def test_a_403_on_writing_groups_skips_the_groups_and_the_users_stand(
    tmp_path: Path,
) -> None:
    """The plan made while groups could be read (a full admin's dry run), run with a user
    admin's token: Webex refuses the first group write (403); every group is skipped with
    that reason, the users are created, and the cycle completes."""
    rows = make_rows(8)
    csv_path = write_csv(tmp_path / "users.csv", rows)
    async with SandboxServer(SandboxConfig()) as sandbox:
        profile = make_profile(sandbox.tenant_url, csv_path, groups=True)
        with StateStore(tmp_path / "acme.sqlite3") as state:
            async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as admin:
                plan = await admin.dry_run()
            assert sum(op.object_type == "Group" and op.writes for op in plan) == 4
            async with SyncEngine(profile, token=sandbox.tokens.user_admin, state=state) as engine:
                result = await engine.run_cycle(plan=plan)
                events = state.query_log(cycle_id=result.cycle_id, object_type="Group")
        assert result.outcome == "completed", result.reason
        assert result.counts["Create"] == {"Success": 8, "Skipped": 4}
        assert sandbox.groups() == []
        assert len(events) == 4
        assert all(e.status == "Skipped" for e in events)
        assert all(e.message.startswith("the token may not write groups: ") for e in events)
        group_writes = [r for r in sandbox.requests if r.method != "GET" and "/Groups" in r.path]
        assert group_writes and {r.status for r in group_writes} == {403}
