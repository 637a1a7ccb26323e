"""The Entra `manager` attribute against the Graph sandbox over TLS on loopback: what Graph
answers to $expand=manager on /users and to $select=manager on /users/delta (Microsoft's
metadata: manager is a navigation property, which delta tracks through $select and never
expands), and what EntraSource makes of it in full and delta reads."""

from __future__ import annotations

import contextlib
import ssl
from collections.abc import AsyncIterator
from urllib.parse import parse_qs, unquote

import httpx
import pytest

from app.config.profile import EntraSettings
from app.config.secrets import SecretStore
from app.directory.base import SourceRead
from app.directory.entra import EntraSource
from app.sandbox.graph.server import GraphSandbox, GraphSandboxConfig

PROFILE = "entra-manager"
ATTRIBUTES = ["userPrincipalName", "displayName", "jobTitle", "manager"]
USER_TYPE = "#microsoft.graph.user"


@pytest.fixture
async def graph() -> AsyncIterator[GraphSandbox]:
    async with GraphSandbox(GraphSandboxConfig(user_count=200, delta_page_size=50)) as sandbox:
        yield sandbox


def _source(
    sandbox: GraphSandbox, *, scope: str = "assigned", attributes: list[str] = ATTRIBUTES
) -> EntraSource:
    store = SecretStore()
    store.set(PROFILE, "entra-client-secret", sandbox.client_secret)
    return EntraSource(
        EntraSettings(**sandbox.entra_settings()),
        scope=scope,
        profile_name=PROFILE,
        secrets=store,
        attributes=attributes,
        graph_options={"backoff_base": 0.02},
    )


async def _read(source: EntraSource, watermark: str | None = None) -> SourceRead:
    try:
        return await source.read(watermark)
    finally:
        await source.aclose()


@contextlib.asynccontextmanager
async def _graph_client(sandbox: GraphSandbox) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client signed in to the sandbox's Graph with the default app registration."""
    async with httpx.AsyncClient(
        verify=ssl.create_default_context(cafile=sandbox.ca_file), base_url=sandbox.base_url
    ) as client:
        answer = await client.post(
            f"/{sandbox.tenant_id}/oauth2/v2.0/token",
            data={
                "grant_type": "client_credentials",
                "client_id": sandbox.client_id,
                "client_secret": sandbox.client_secret,
                "scope": "https://graph.microsoft.com/.default",
            },
        )
        assert answer.status_code == 200, answer.text
        client.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"
        yield client


async def _delta_round(client: httpx.AsyncClient, url: str, **params: str) -> tuple[list, str]:
    """Every entry of one delta round, and its delta link."""
    entries: list[dict] = []
    answer = (await client.get(url, params=params or None)).json()
    while True:
        entries.extend(answer["value"])
        if "@odata.deltaLink" in answer:
            return entries, answer["@odata.deltaLink"]
        answer = (await client.get(answer["@odata.nextLink"])).json()


def _with_and_without_manager(sandbox: GraphSandbox) -> tuple[str, str]:
    tenant = sandbox.tenant
    managed = next(u["id"] for u in tenant.live_users() if tenant.manager_of(u["id"]))
    top = next(u["id"] for u in tenant.live_users() if not tenant.manager_of(u["id"]))
    return managed, top


async def test_graph_expands_the_manager_and_refuses_other_expansions(
    graph: GraphSandbox,
) -> None:
    tenant = graph.tenant
    managed, top = _with_and_without_manager(graph)
    boss = tenant.users[tenant.manager_of(managed) or ""]
    async with _graph_client(graph) as client:
        # /users: the manager object with the properties asked for, across pages.
        listed: dict[str, dict] = {}
        answer = (
            await client.get(
                "/v1.0/users",
                params={
                    "$select": "id,userPrincipalName",
                    "$expand": "manager($select=id,userPrincipalName,displayName)",
                    "$top": "120",
                },
            )
        ).json()
        while True:
            listed.update({u["id"]: u for u in answer["value"]})
            if "@odata.nextLink" not in answer:
                break
            answer = (await client.get(answer["@odata.nextLink"])).json()
        assert len(listed) == len(tenant.live_users())
        assert listed[managed]["manager"] == {
            "@odata.type": USER_TYPE,
            "id": boss["id"],
            "userPrincipalName": boss["userPrincipalName"],
            "displayName": boss["displayName"],
        }
        assert "manager" not in listed[top]
        assert all(
            (u.get("manager") or {}).get("id") == tenant.manager_of(uid)
            for uid, u in listed.items()
        )

        # /users/{id}: the same, with $expand=manager alone.
        one = (await client.get(f"/v1.0/users/{managed}", params={"$expand": "manager"})).json()
        assert one["manager"]["id"] == boss["id"]
        assert one["manager"]["displayName"] == boss["displayName"]
        alone = (await client.get(f"/v1.0/users/{top}", params={"$expand": "manager"})).json()
        assert "manager" not in alone

        # Graph refuses an $expand of a property users do not have (the same 400 shape).
        for url, expand in (
            ("/v1.0/users", "managers"),
            (f"/v1.0/users/{managed}", "manager,displayName"),
        ):
            refused = await client.get(url, params={"$expand": expand})
            assert refused.status_code == 400, (url, expand)
            error = refused.json()["error"]
            assert error["code"] == "BadRequest"
            assert "Could not find a property named" in error["message"]
            assert "request-id" in error["innerError"]
        # Delta refuses $expand, the manager's included: it selects the manager instead.
        for expand in ("manager", "manager($select=id)", "memberOf"):
            refused = await client.get("/v1.0/users/delta", params={"$expand": expand})
            assert refused.status_code == 400, expand
            assert "$expand" in refused.json()["error"]["message"]


async def test_delta_rounds_report_a_changed_and_a_cleared_manager(graph: GraphSandbox) -> None:
    tenant = graph.tenant
    managed, top = _with_and_without_manager(graph)
    async with _graph_client(graph) as client:
        first, link = await _delta_round(
            client, "/v1.0/users/delta", **{"$select": "id,displayName,manager"}
        )
        by_id = {e["id"]: e for e in first}
        assert by_id[managed]["manager@delta"] == [
            {"@odata.type": USER_TYPE, "id": tenant.manager_of(managed)}
        ]
        assert "manager@delta" not in by_id[top]
        # A round that does not select it: no manager, and a change of manager alone is not
        # tracked.
        _, plain_link = await _delta_round(
            client, "/v1.0/users/delta", **{"$select": "id,displayName"}
        )

        former = tenant.manager_of(managed) or ""
        tenant.set_manager(managed, None)
        tenant.set_manager(top, managed)

        changes, _ = await _delta_round(client, link)
        assert {e["id"]: e["manager@delta"] for e in changes} == {
            managed: [{"@odata.type": USER_TYPE, "id": former, "@removed": {"reason": "deleted"}}],
            top: [{"@odata.type": USER_TYPE, "id": managed}],
        }
        untracked, _ = await _delta_round(client, plain_link)
        assert untracked == []


def _expected_managers(graph: GraphSandbox, read: SourceRead) -> dict[str, str | None]:
    return {u.source_id: graph.tenant.manager_of(u.source_id) for u in read.users}


async def test_both_scopes_read_every_users_manager(graph: GraphSandbox) -> None:
    tenant = graph.tenant
    for scope in ("assigned", "all"):
        graph.reset_requests()
        read = await _read(_source(graph, scope=scope))
        managers = {u.source_id: u.attributes["manager"] for u in read.users}
        assert managers == _expected_managers(graph, read)
        # Most have one; the chief and a few newcomers have none (None, not missing).
        assert sum(1 for m in managers.values() if m) > 0.8 * len(managers)
        if scope == "all":
            assert set(managers) == {u["id"] for u in tenant.live_users()}
            assert None in managers.values()
        delta = [r for r in graph.requests if r.path == "/v1.0/users/delta"]
        selected = parse_qs(delta[0].query)["$select"][0].split(",")
        assert "manager" in selected and "$expand" not in unquote(delta[0].query)


async def test_a_delta_read_gives_changed_and_cleared_managers_and_keeps_the_others(
    graph: GraphSandbox,
) -> None:
    tenant = graph.tenant
    first = await _read(_source(graph))
    in_scope = [u.source_id for u in first.users if u.attributes["manager"]]
    moved, cleared, retitled = in_scope[:3]
    new_boss = next(
        u for u in in_scope[3:] if u not in (moved, tenant.manager_of(moved)) and u != moved
    )
    tenant.set_manager(moved, new_boss)
    tenant.set_manager(cleared, None)
    # Every selected property of this one changes: its delta entry lacks only the manager.
    tenant.update_user(
        retitled,
        jobTitle="Cheffe de projet",
        displayName="Renée Projet",
        userPrincipalName="renee.projet@contoso.example.com",
        accountEnabled=True,
    )
    graph.reset_requests()

    second = await _read(_source(graph), first.watermark)

    assert not second.full
    got = {u.source_id: u for u in second.users}
    assert set(got) == {moved, cleared, retitled}
    assert got[moved].attributes["manager"] == new_boss
    assert got[cleared].attributes["manager"] is None
    # A delta entry without manager@delta (another change) keeps the user's manager.
    assert got[retitled].attributes["jobTitle"] == "Cheffe de projet"
    assert got[retitled].attributes["manager"] == tenant.manager_of(retitled)
    assert not second.unassigned_user_ids and not second.deleted_user_ids
    # Users read again ask Graph for the manager's id only.
    reread = [
        r for r in graph.requests if r.path.startswith("/v1.0/users/") and "delta" not in r.path
    ]
    assert reread and all("$expand=manager($select=id)" in unquote(r.query) for r in reread)

    third = await _read(_source(graph), second.watermark)
    assert third.users == [] and not third.full


async def test_mapping_the_manager_later_reads_every_user_again(graph: GraphSandbox) -> None:
    without = [name for name in ATTRIBUTES if name != "manager"]
    first = await _read(_source(graph, attributes=without))
    assert all("manager" not in u.attributes for u in first.users)

    again = await _read(_source(graph), first.watermark)

    assert again.full
    assert any("need other attributes" in note for note in again.notes)
    managers = {u.source_id: u.attributes["manager"] for u in again.users}
    assert managers == _expected_managers(graph, again)
