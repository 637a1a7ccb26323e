"""WebexClient against the sandbox over loopback HTTP: the Webex tenant (no discovery, Cisco
extension, bulk of at most 100) and the generic SCIM 2.0 app (discovered)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from app.sandbox.server import SandboxConfig, SandboxServer
from app.webex.client import WebexClient
from app.webex.errors import Conflict, NetworkError, NotFound, PermissionDenied, ServerError
from app.webex.transport import RetryPolicy

USER = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
CISCO = "urn:scim:schemas:extension:cisco:webexidentity:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"


def new_user(email: str, **extra: Any) -> dict[str, Any]:
    return {
        "schemas": [USER, ENTERPRISE],
        "userName": email,
        "userType": "user",
        "active": True,
        "name": {"givenName": email.split("@")[0].title(), "familyName": "Test"},
        "displayName": email.split("@")[0].title() + " Test",
        "emails": [{"value": email, "type": "work", "primary": True}],
        ENTERPRISE: {"department": "Sales"},
        **extra,
    }


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    async with SandboxServer(SandboxConfig(seed_users=5, seed=3)) as server:
        yield server


async def test_crud_search_and_patch_on_the_webex_tenant(sandbox: SandboxServer) -> None:
    async with WebexClient(sandbox.tenant_url, sandbox.tokens.full_admin, page_size=2) as client:
        created = await client.create(
            "User",
            new_user(
                "ada.lovelace@example.com",
                externalId="ada-1",
                **{CISCO: {"extensionAttribute1": ["blue"]}},
            ),
        )
        assert created["userName"] == "ada.lovelace@example.com"
        assert created[CISCO]["extensionAttribute1"] == ["blue"]
        assert created[CISCO]["meta"]["organizationId"] == sandbox.org_uuid

        fetched = await client.get("User", created["id"])
        assert fetched[ENTERPRISE]["department"] == "Sales"

        found = [
            u async for u in client.search("User", filter='userName eq "ada.lovelace@example.com"')
        ]
        assert [u["id"] for u in found] == [created["id"]]

        everyone = [u async for u in client.search("User", attributes=["userName"])]
        assert len(everyone) == 6  # 5 seeded + Ada, read 2 by 2
        assert len({u["id"] for u in everyone}) == 6

        await client.patch(
            "User", created["id"], [{"op": "Replace", "path": "active", "value": False}]
        )
        assert (await client.get("User", created["id"]))["active"] is False

        replaced = await client.replace(
            "User", created["id"], new_user("ada.lovelace@example.com", displayName="Countess Ada")
        )
        assert replaced["displayName"] == "Countess Ada"

        with pytest.raises(Conflict):
            await client.create("User", new_user("ADA.LOVELACE@example.com"))

        await client.delete("User", created["id"])
        with pytest.raises(NotFound):
            await client.get("User", created["id"])

        assert client.supports_bulk and client.bulk_max_operations == 100
        assert client.stats.requests["POST"] == 2
        assert client.stats.requests["DELETE"] == 1
    # Webex publishes no discovery: the client never asked for it
    paths = [r.path for r in sandbox.requests]
    assert not any(
        p.endswith(("/ServiceProviderConfig", "/ResourceTypes", "/Schemas")) for p in paths
    )
    assert all(u["userName"] != "ada.lovelace@example.com" for u in sandbox.users())


async def test_groups_with_members(sandbox: SandboxServer) -> None:
    async with WebexClient(sandbox.tenant_url, sandbox.tokens.full_admin) as client:
        member = await client.create("User", new_user("grace.hopper@example.com"))
        group = await client.create(
            "Group",
            {"schemas": [GROUP], "displayName": "Navy", "members": [{"value": member["id"]}]},
        )
        await client.patch(
            "Group", group["id"], [{"op": "replace", "path": "displayName", "value": "US Navy"}]
        )
        names = [
            g["displayName"]
            async for g in client.search("Group", filter='displayName eq "US Navy"')
        ]
        assert names == ["US Navy"]
    assert any(g["displayName"] == "US Navy" for g in sandbox.groups())


async def test_bulk_creates_more_than_one_request_holds(sandbox: SandboxServer) -> None:
    operations = [
        {"method": "POST", "path": "/Users", "data": new_user(f"bulk{i:03d}@example.com")}
        for i in range(130)
    ]
    operations.append({"method": "POST", "path": "/Users", "data": new_user("bulk000@example.com")})
    async with WebexClient(sandbox.tenant_url, sandbox.tokens.full_admin) as client:
        results = await client.bulk(operations)
    assert len(results) == 131
    assert sum(r.ok for r in results) == 130
    duplicate = results[-1]
    assert not duplicate.ok and isinstance(duplicate.error, Conflict)
    assert all(r.bulk_id for r in results)
    assert all(r.resource_id for r in results if r.ok)
    bulk_requests = [r for r in sandbox.requests if r.path.endswith("/Bulk")]
    assert len(bulk_requests) == 2  # 100 + 31
    assert sum(1 for u in sandbox.users() if u["userName"].startswith("bulk")) == 130


async def test_a_read_only_admin_reads_but_cannot_write(sandbox: SandboxServer) -> None:
    async with WebexClient(sandbox.tenant_url, sandbox.tokens.readonly_admin) as client:
        assert await client.count("User") == 5
        with pytest.raises(PermissionDenied) as caught:
            await client.create("User", new_user("nope@example.com"))
    assert caught.value.status == 403
    assert caught.value.tracking_id


async def test_the_generic_scim_app_is_discovered_and_served(sandbox: SandboxServer) -> None:
    async with WebexClient(sandbox.scim_app_url, sandbox.tokens.scim_app, page_size=2) as client:
        config = await client.discover()
        assert config is not None and client.supports_bulk
        assert client.bulk_max_operations == config.bulk.max_operations  # type: ignore[union-attr]
        created = await client.create("User", {"schemas": [USER], "userName": "linus@example.com"})
        await client.patch(
            "User", created["id"], [{"op": "replace", "path": "displayName", "value": "Linus"}]
        )
        assert (await client.get("User", created["id"]))["displayName"] == "Linus"
        results = await client.bulk(
            [
                {
                    "method": "POST",
                    "path": "/Users",
                    "data": {"schemas": [USER], "userName": f"g{i}@example.com"},
                }
                for i in range(5)
            ]
        )
        assert all(r.ok for r in results)
        names = sorted([u["userName"] async for u in client.search("User")])
        assert names == sorted(["linus@example.com", *(f"g{i}@example.com" for i in range(5))])
        await client.delete("User", created["id"])
    assert any(r.path.endswith("/ServiceProviderConfig") for r in sandbox.requests)


async def test_under_a_rate_limit_everything_lands_and_the_client_slows_down() -> None:
    async with SandboxServer(SandboxConfig(rate_limit=10)) as server:
        policy = RetryPolicy(max_attempts=30, max_total_seconds=60)
        async with WebexClient(
            server.tenant_url, server.tokens.full_admin, max_concurrency=16, retry_policy=policy
        ) as client:
            await asyncio.gather(
                *(client.create("User", new_user(f"rl{i:03d}@example.com")) for i in range(30))
            )
            assert client.stats.throttled > 0
            assert client.limiter.decreases > 0
            assert client.stats.requests["POST"] == 30 + client.stats.throttled
        assert sum(1 for u in server.users() if u["userName"].startswith("rl")) == 30


async def test_with_server_faults_each_create_lands_once_or_fails_plainly() -> None:
    # The sandbox's 5xx fault is a 500 (final), 502 or 503 (retried); resets drop the
    # connection before or after the create was done. A create that was done and then
    # resent would come back 409 (userName is unique): the check before resending avoids it.
    config = SandboxConfig(faults="5xx=0.15,reset=0.1", seed=11)
    async with SandboxServer(config) as server:
        policy = RetryPolicy(max_attempts=12, max_total_seconds=60, base_delay=0.01, max_delay=0.05)
        async with WebexClient(
            server.tenant_url, server.tokens.full_admin, retry_policy=policy
        ) as client:
            outcomes = await asyncio.gather(
                *(client.create("User", new_user(f"f{i:03d}@example.com")) for i in range(40)),
                return_exceptions=True,
            )
            assert client.stats.retries > 0
        names = [f"f{i:03d}@example.com" for i in range(40)]
        failed = {n for n, o in zip(names, outcomes, strict=True) if isinstance(o, BaseException)}
        for outcome in outcomes:
            if isinstance(outcome, BaseException):
                # a final 500, or a create whose check could not be made: never a conflict
                assert isinstance(outcome, ServerError | NetworkError), repr(outcome)
        landed = {o["userName"] for o in outcomes if isinstance(o, dict)}
        assert len(landed) == 40 - len(failed) >= 30
        in_tenant = [u["userName"] for u in server.users() if u["userName"].startswith("f")]
        assert len(in_tenant) == len(set(in_tenant))
        assert landed <= set(in_tenant) <= landed | failed
