"""EntraSource against the Graph sandbox over TLS on loopback: scopes, delta cycles, throttling,
expired delta links, sign-in (client secret and device code), and where secrets never go."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from app.config.profile import EntraSettings, Profile
from app.config.secrets import SecretStore
from app.config.store import ProfileStore
from app.directory.base import SourceRead
from app.directory.entra import DeviceCodePrompt, EntraSource, SignInError
from app.directory.graph import DeltaExpired, GraphError, GraphPermissionError
from app.sandbox.graph.server import GraphSandbox, GraphSandboxConfig

PROFILE = "entra-test"
# What a Webex mapping reads, plus an extension attribute and the app roles.
ATTRIBUTES = [
    "userPrincipalName",
    "givenName",
    "surname",
    "displayName",
    "mail",
    "mailNickname",
    "jobTitle",
    "department",
    "onPremisesExtensionAttributes.extensionAttribute1",
    "appRoleAssignments",
]
FAST = {"backoff_base": 0.02}


@pytest.fixture
async def graph() -> AsyncIterator[GraphSandbox]:
    async with GraphSandbox(GraphSandboxConfig(user_count=240)) as sandbox:
        yield sandbox


def _source(
    sandbox: GraphSandbox,
    *,
    scope: str = "assigned",
    secret: str | None = None,
    client_id: str | None = None,
    attributes: list[str] | None = ATTRIBUTES,
    callback: Callable[[DeviceCodePrompt], None] | None = None,
    **settings: Any,
) -> EntraSource:
    values = sandbox.entra_settings(**settings)
    if client_id:
        values["client_id"] = client_id
    entra = EntraSettings(**values)
    store = SecretStore()
    if entra.auth == "client_secret":
        store.set(PROFILE, "entra-client-secret", secret or sandbox.client_secret)
    return EntraSource(
        entra,
        scope=scope,
        profile_name=PROFILE,
        secrets=store,
        attributes=attributes,
        device_code_callback=callback,
        graph_options=FAST,
    )


async def _read(source: EntraSource, watermark: str | None = None) -> SourceRead:
    try:
        return await source.read(watermark)
    finally:
        await source.aclose()


async def test_assigned_scope_includes_group_members_and_leaves_out_default_access(
    graph: GraphSandbox,
) -> None:
    tenant = graph.tenant
    read = await _read(_source(graph))

    assert read.full and read.watermark
    assert {u.source_id for u in read.users} == tenant.expected_in_scope()
    # Users in an assigned group (not assigned directly) are there.
    sales = tenant.group_by_name("Webex - Ventes / Sales")
    sales_users = {m for m in tenant.members[sales["id"]] if m in tenant.users}
    assert sales_users <= {u.source_id for u in read.users}
    # Default Access only: logged as skipped with the reason, never provisioned.
    assert {s.source_id for s in read.skipped} == tenant.expected_default_access_only()
    assert all(
        s.reason == "DefaultAccessRole" and "Default Access" in s.detail for s in read.skipped
    )
    assert not {s.source_id for s in read.skipped} & {u.source_id for u in read.users}
    # A sales member also assigned directly with Default Access keeps the group's real role.
    webex = tenant.application()
    default_direct = {
        a["principalId"]
        for a in tenant.assignments_to(webex["id"])
        if a["appRoleId"].startswith("00000000") and a["principalType"] == "User"
    }
    assert default_direct & set(tenant.members[sales["id"]]) <= {u.source_id for u in read.users}
    # Nested groups are not expanded, and the log says so.
    direction = tenant.group_by_name("Équipe de direction")
    assert not set(tenant.members[direction["id"]]) & (
        {u.source_id for u in read.users} - tenant.expected_in_scope()
    )
    assert any("Équipe de direction" in note and "nested" in note for note in read.notes)
    # Groups: the ones assigned with a real role, with their direct user members.
    assert {g.display_name for g in read.groups} == {
        "Webex - Ventes / Sales",
        "Webex - Support",
        "Webex - Pilotes",
    }
    pilots = next(g for g in read.groups if g.display_name == "Webex - Pilotes")
    assert set(pilots.member_ids) == {
        m for m in tenant.members[pilots.source_id] if m in tenant.users
    }
    # Attributes as the mappings see them: accents kept, extension attributes flattened.
    user = next(u for u in read.users if "é" in u.attributes["displayName"])
    raw = tenant.users[user.source_id]
    assert user.user_name == raw["userPrincipalName"]
    assert user.attributes["givenName"] == raw["givenName"]
    assert (
        user.attributes["onPremisesExtensionAttributes.extensionAttribute1"]
        == raw["onPremisesExtensionAttributes"]["extensionAttribute1"]
    )
    assert user.attributes["appRoleAssignments"][0]["displayName"] == "User"
    disabled = [u for u in read.users if not tenant.users[u.source_id]["accountEnabled"]]
    assert disabled and all(not u.enabled for u in disabled)


async def test_all_scope_reads_every_user_and_group(graph: GraphSandbox) -> None:
    read = await _read(_source(graph, scope="all", attributes=None))

    assert {u.source_id for u in read.users} == {u["id"] for u in graph.tenant.live_users()}
    assert not read.skipped
    assert {g.display_name for g in read.groups} == {
        g["displayName"] for g in graph.tenant.live_groups()
    }
    everyone = next(g for g in read.groups if g.display_name.startswith("Tous les employés"))
    assert len(everyone.member_ids) == len(graph.tenant.users)
    enabled = {u.source_id: u.enabled for u in read.users}
    assert enabled == {u["id"]: u["accountEnabled"] for u in graph.tenant.live_users()}
    # Without a mapping list, every catalogue attribute is asked for.
    assert "employeeId" in read.users[0].attributes


async def test_delta_cycle_returns_exactly_the_changes(graph: GraphSandbox) -> None:
    tenant = graph.tenant
    first = await _read(_source(graph))
    in_scope = tenant.expected_in_scope()
    webex = tenant.application()
    direct = sorted(
        a["principalId"]
        for a in tenant.assignments_to(webex["id"])
        if a["principalType"] == "User" and not a["appRoleId"].startswith("00000000")
    )
    sales = tenant.group_by_name("Webex - Ventes / Sales")["id"]
    assigned_directly = {a["principalId"] for a in tenant.assignments_to(webex["id"])}
    grouped_only = [
        m for m in tenant.members[sales] if m in in_scope and m not in assigned_directly
    ]
    outside = next(u["id"] for u in tenant.live_users() if u["id"] not in in_scope)

    added = tenant.add_user("Zoé", "Lévesque", department="Support", job_title="Analyste")
    tenant.assign(added)
    changed, disabled, soft, hard, unassigned = direct[:5]
    tenant.update_user(changed, jobTitle="Directrice des opérations")
    tenant.disable_user(disabled)
    tenant.delete_user(soft)
    tenant.delete_user(hard, permanent=True)
    tenant.unassign(unassigned)
    left_group = grouped_only[0]
    tenant.remove_member(sales, left_group)
    tenant.update_user(outside, jobTitle="Hors périmètre")  # not in scope: not reported

    second = await _read(_source(graph), first.watermark)

    assert not second.full
    assert {u.source_id for u in second.users} == {added, changed, disabled}
    by_id = {u.source_id: u for u in second.users}
    assert by_id[changed].attributes["jobTitle"] == "Directrice des opérations"
    assert by_id[changed].attributes["displayName"] == tenant.users[changed]["displayName"]
    assert by_id[added].user_name == tenant.users[added]["userPrincipalName"]
    assert by_id[disabled].enabled is False
    assert set(second.unassigned_user_ids) == {soft, unassigned, left_group}
    assert second.deleted_user_ids == [hard]
    sales_group = next(g for g in second.groups if g.source_id == sales)
    assert left_group not in sales_group.member_ids
    assert not second.skipped

    # Nothing changed since: the next cycle is empty.
    third = await _read(_source(graph), second.watermark)
    assert (third.users, third.unassigned_user_ids, third.deleted_user_ids, third.groups) == (
        [],
        [],
        [],
        [],
    )
    # Default Access given to a newly assigned user: skipped, not provisioned.
    newcomer = tenant.add_user("Noël", "Brûlé")
    tenant.assign(newcomer, role="Default Access")
    fourth = await _read(_source(graph), third.watermark)
    assert [s.source_id for s in fourth.skipped] == [newcomer]
    assert newcomer not in {u.source_id for u in fourth.users}


async def test_group_assignment_and_restore_in_a_delta_cycle(graph: GraphSandbox) -> None:
    tenant = graph.tenant
    first = await _read(_source(graph))
    finance = tenant.group_by_name("Finance")["id"]
    tenant.assign(finance)
    support = tenant.group_by_name("Webex - Support")["id"]
    tenant.unassign(support)

    second = await _read(_source(graph), first.watermark)

    finance_members = {m for m in tenant.members[finance] if m in tenant.users}
    newly = finance_members - {u.source_id for u in first.users}
    assert newly and newly <= {u.source_id for u in second.users}
    assert finance in {g.source_id for g in second.groups}
    assert support in second.deleted_group_ids
    support_users = {m for m in tenant.members[support] if m in tenant.users}
    support_only = support_users - tenant.expected_in_scope()
    assert support_only and support_only <= set(second.unassigned_user_ids)


async def test_throttling_is_waited_out(graph: GraphSandbox) -> None:
    graph.config.throttle_every = 3
    graph.config.retry_after = 0.2
    read = await _read(source := _source(graph))

    refused = [r for r in graph.requests if r.status == 429]
    assert refused, "the sandbox throttled nothing"
    assert {u.source_id for u in read.users} == graph.tenant.expected_in_scope()
    assert source.stats.throttled == len(refused)
    assert source.stats.waited_seconds >= 0.2 * len(refused)


async def test_service_unavailable_without_retry_after_backs_off(graph: GraphSandbox) -> None:
    graph.config.throttle_every = 4
    graph.config.throttle_status = 503
    graph.config.retry_after = None
    read = await _read(source := _source(graph, scope="all"))

    assert any(r.status == 503 for r in graph.requests)
    assert len(read.users) == len(graph.tenant.live_users())
    assert source.stats.throttled == sum(r.status == 503 for r in graph.requests)


@pytest.mark.parametrize(
    ("status", "location", "code"),
    [
        (400, False, "syncStateNotFound"),  # Graph's 400, the code in its usual spelling
        (400, False, "SYNCSTATENOTFOUND"),  # the code is compared without case
        (410, True, ""),  # 410 Gone with a Location header
        (410, False, ""),  # 410 Gone without one
        (410, False, "Gone"),  # any 410, whatever its code
    ],
)
async def test_expired_delta_link_falls_back_to_a_full_read(
    graph: GraphSandbox,
    status: int,
    location: bool,
    code: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    graph.config.expired_delta_status = status
    graph.config.expired_delta_location = location
    graph.config.expired_delta_code = code
    first = await _read(_source(graph))
    graph.tenant.expire_delta_tokens()
    graph.reset_requests()

    with caplog.at_level(logging.WARNING, logger="app.directory.entra.source"):
        second = await _read(_source(graph), first.watermark)

    assert second.full
    assert {u.source_id for u in second.users} == graph.tenant.expected_in_scope()
    assert "no longer knew" in second.notes[0]
    refused = [r for r in graph.requests if r.status >= 400]
    assert [(r.path, r.status) for r in refused] == [("/v1.0/users/delta", status)]
    assert "$deltatoken" in refused[0].query
    # Then a new round from the start (no token), and a note in the log.
    after = graph.requests[graph.requests.index(refused[0]) + 1 :]
    assert any(r.path == "/v1.0/users/delta" and "$deltatoken" not in r.query for r in after)
    assert any("no longer knows the delta link" in r.getMessage() for r in caplog.records)


async def test_another_refusal_of_a_delta_link_is_not_taken_for_an_expired_one(
    graph: GraphSandbox,
) -> None:
    graph.config.expired_delta_status = 400
    graph.config.expired_delta_code = "Request_BadRequest"
    first = await _read(_source(graph))
    graph.tenant.expire_delta_tokens()

    with pytest.raises(GraphError) as refused:
        await _read(_source(graph), first.watermark)

    assert not isinstance(refused.value, DeltaExpired)
    assert refused.value.status == 400 and refused.value.code == "Request_BadRequest"


async def test_members_that_are_not_users_are_counted_and_never_read(
    graph: GraphSandbox,
) -> None:
    tenant = graph.tenant
    others = {
        m
        for name in ("Webex - Ventes / Sales", "Webex - Support", "Webex - Pilotes")
        for m in tenant.members[tenant.group_by_name(name)["id"]]
        if tenant.member_kind(m) not in ("user", "group")
    }
    assert {tenant.member_kind(m) for m in others} == {"device", "orgContact", "servicePrincipal"}

    first = await _read(_source(graph))

    provisioned = {u.source_id for u in first.users} | {
        m for g in first.groups for m in g.member_ids
    }
    assert not provisioned & others
    note = next(n for n in first.notes if "not users" in n)
    assert note.startswith(f"{len(others)} group members that are not users were left out")
    assert "1 contact" in note and "2 devices" in note and "1 service principal" in note
    # No request about any of them, and no member list read: members@delta had them all.
    assert not [r for r in graph.requests if any(o in r.path + r.query for o in others)]
    assert not [r for r in graph.requests if r.path.endswith("/members")]

    # A device joins an assigned group, and a group is newly assigned: counted again, still
    # without a request each (the new group's members are read as one list).
    support = tenant.group_by_name("Webex - Support")["id"]
    desk = tenant.add_device("Desk Mini - Support")
    tenant.add_member(support, desk)
    finance = tenant.group_by_name("Finance")["id"]
    phone = tenant.add_device("Téléphone Finance")
    tenant.add_member(finance, phone)
    tenant.assign(finance)
    graph.reset_requests()

    second = await _read(_source(graph), first.watermark)

    assert any(n.startswith("2 group members that are not users") for n in second.notes)
    assert "2 devices" in next(n for n in second.notes if "not users" in n)
    assert not [r for r in graph.requests if desk in r.path + r.query or phone in r.path + r.query]
    assert [r.path for r in graph.requests if r.path.endswith("/members")] == [
        f"/v1.0/groups/{finance}/members"
    ]
    finance_group = next(g for g in second.groups if g.source_id == finance)
    assert phone not in finance_group.member_ids and finance_group.member_ids


async def test_a_revoked_token_is_replaced_once(graph: GraphSandbox) -> None:
    source = _source(graph)
    first = await source.read()
    graph.revoke_tokens()
    try:
        second = await source.read(first.watermark)
    finally:
        await source.aclose()
    assert not second.full
    assert source.stats.reauthenticated == 1


async def test_device_code_sign_in_completes_and_is_remembered(graph: GraphSandbox) -> None:
    prompts: list[DeviceCodePrompt] = []
    loop = asyncio.get_running_loop()

    def show(prompt: DeviceCodePrompt) -> None:
        prompts.append(prompt)
        # The admin types the code on another device a moment later.
        loop.call_later(0.3, graph.approve_device_code, prompt.user_code)

    read = await _read(_source(graph, auth="device_code", callback=show))

    assert len(prompts) == 1
    assert prompts[0].user_code in prompts[0].message
    assert prompts[0].verification_uri.endswith("/devicelogin")
    assert {u.source_id for u in read.users} == graph.tenant.expected_in_scope()

    # The next run signs in silently from the cache kept in the keyring.
    again = await _read(_source(graph, auth="device_code", callback=show), read.watermark)
    assert len(prompts) == 1
    assert not again.full


async def test_device_code_without_anyone_to_show_it_to_says_what_to_do(
    graph: GraphSandbox,
) -> None:
    with pytest.raises(SignInError, match="test-connection"):
        await _read(_source(graph, auth="device_code", callback=None))


async def test_a_wrong_client_secret_is_refused_in_plain_words(graph: GraphSandbox) -> None:
    wrong = "definitely-not-the-secret-0123"
    with pytest.raises(SignInError) as caught:
        await _read(_source(graph, secret=wrong))
    assert "client secret" in caught.value.message
    assert "Certificates & secrets" in caught.value.next_step
    assert wrong not in str(caught.value)
    assert 7000215 in caught.value.codes


async def test_a_missing_permission_names_the_one_to_grant(graph: GraphSandbox) -> None:
    limited = graph.register_client(("User.Read.All", "Group.Read.All"))
    with pytest.raises(GraphPermissionError) as caught:
        await _read(_source(graph, client_id=limited.client_id, secret=limited.secret))
    assert caught.value.permission == "Application.Read.All"
    assert "Application.Read.All (application)" in caught.value.next_step
    assert "admin consent" in caught.value.next_step


async def test_an_untrusted_certificate_is_refused(graph: GraphSandbox) -> None:
    with pytest.raises(SignInError, match="not trusted"):
        await _read(_source(graph, ca_file=None))


async def test_no_secret_in_the_cache_the_profile_or_the_logs(
    graph: GraphSandbox, memory_keyring: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    source = _source(graph)
    first = await _read(source)
    await _read(_source(graph), first.watermark)

    secret = graph.client_secret
    cache = memory_keyring.secrets[("webex-provisioner", f"{PROFILE}:msal-cache")]
    assert "access_token" in cache.lower() or "AccessToken" in cache
    assert secret not in cache
    profile = Profile(
        name=PROFILE,
        target={
            "tenant_url": "https://webexapis.com/identity/scim/96abc2aa-3dcc-11e5-a152-fe34819cdc9a/v2/"
        },
        source={"kind": "entra", "entra": graph.entra_settings()},
    )
    path = ProfileStore().save(profile)
    assert secret not in path.read_text(encoding="utf-8")
    assert first.watermark is not None and secret not in first.watermark
    assert caplog.records, "nothing was logged"
    assert secret not in caplog.text
    assert secret not in repr(source) and secret not in repr(source.sign_in)
