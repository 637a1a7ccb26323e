"""Every Microsoft Graph request the Entra source makes, judged by Microsoft's metadata.

A profile with the default mappings (groups mapped), the manager mapped and a scoping
filter reads the Graph sandbox through app.directory.factory.open_source, as a sync does:
a first cycle, an incremental one after changes (a group newly assigned, a user retitled,
a manager moved, a new device in a group), one after an expired delta link, the source
checks of test-connection and a read of every user (scope "all"). The sandbox records each
request; tests/contract/graph_spec.py judges its path, $select, $expand, $filter and
$orderby against resources/vendor/graph-v1-entity-members.json, independently of the
sandbox's own reading of that file.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from urllib.parse import parse_qs

import pytest

from app.config.profile import EntraSettings, Profile
from app.config.rules import AttributeMapping
from app.config.secrets import SecretStore
from app.directory.base import SourceRead
from app.directory.entra_checks import check_source
from app.directory.factory import open_source
from app.sandbox.graph.server import GraphSandbox, GraphSandboxConfig, RecordedRequest
from tests.contract import graph_spec

PROFILE = "contract"
TENANT_URL = "https://webexapis.com/identity/scim/9f3e1c2a-1111-4222-8333-444455556666/v2"
MANAGER_MAPPING = {
    "target": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
    "source": "manager",
}


@pytest.fixture
async def graph() -> AsyncIterator[GraphSandbox]:
    async with GraphSandbox(GraphSandboxConfig(user_count=120, delta_page_size=40)) as sandbox:
        yield sandbox


def _profile(graph: GraphSandbox, *, scope: str = "assigned", manager: bool = True) -> Profile:
    """What `profile create --source entra` and the wizard make (the default mappings, users
    and groups), with the manager mapped and a scoping filter on a user attribute."""
    profile = Profile.model_validate(
        {
            "name": PROFILE,
            "target": {"tenant_url": TENANT_URL},
            "source": {"kind": "entra", "entra": graph.entra_settings()},
            "scope": scope,
            "scoping": [
                {
                    "name": "staff",
                    "clauses": [{"attribute": "department", "operator": "IS NOT NULL"}],
                }
            ],
        }
    )
    assert any(m.source == "members" for m in profile.mappings.groups)  # groups are mapped
    if manager:
        profile.mappings.users.append(AttributeMapping(**MANAGER_MAPPING))
    return profile


async def _read(graph: GraphSandbox, profile: Profile, watermark: str | None = None) -> SourceRead:
    secrets = SecretStore()
    secrets.set(profile.name, "entra-client-secret", graph.client_secret)
    source = open_source(profile, secrets)
    try:
        return await source.read(watermark)
    finally:
        await source.aclose()


def _judge(requests: list[RecordedRequest]) -> list[str]:
    lines = []
    for request in requests:
        for problem in graph_spec.violations(request.method, request.path, request.query):
            lines.append(f"{request.method} {request.path}?{request.query}: {problem}")
    return lines


def _endpoints(requests: list[RecordedRequest]) -> set[str]:
    found = set()
    for request in requests:
        endpoint = graph_spec.endpoint_of(request.path)
        if endpoint is not None:
            found.add(endpoint.pattern.pattern)
    return found


async def test_every_graph_request_of_the_entra_source_follows_microsofts_metadata(
    graph: GraphSandbox,
) -> None:
    tenant = graph.tenant
    profile = _profile(graph)

    first = await _read(graph, profile)
    assert first.full and first.users

    finance = tenant.group_by_name("Finance")["id"]
    tenant.assign(finance)  # its members are read with /groups/{id}/members
    tenant.add_member(finance, tenant.add_device("Salle Finance (Room Bar)"))
    in_scope = sorted(u.source_id for u in first.users)
    tenant.update_user(in_scope[0], jobTitle="Acheteuse")
    tenant.set_manager(in_scope[1], in_scope[2])
    second = await _read(graph, profile, first.watermark)
    assert not second.full and second.users

    tenant.expire_delta_tokens()
    third = await _read(graph, profile, second.watermark)
    assert third.full

    checks = await check_source(
        EntraSettings(**graph.entra_settings()),
        profile_name=PROFILE,
        secrets=SecretStore(),
        scope="assigned",
    )
    assert [c.status for c in checks] == ["passed"] * len(checks), checks
    everyone = await _read(graph, _profile(graph, scope="all"))
    assert everyone.full

    calls = graph.graph_calls()
    assert not _judge(calls), "\n".join(_judge(calls))
    # Every kind of read the source makes was judged.
    assert _endpoints(calls) >= {
        e.pattern.pattern
        for e in graph_spec.ENDPOINTS
        if e.entity != "group" or "delta" in e.pattern.pattern
    }
    # Only the expired link was refused; everything else was answered.
    refused = [(r.path, r.status) for r in calls if r.status >= 400]
    assert refused == [("/v1.0/users/delta", 410)]
    # The users' $select holds the user mappings' and the scoping filter's attributes, and
    # the manager is selected on delta, expanded when one user is read again.
    firsts = [r for r in calls if r.path.startswith("/v1.0/users") and "$select" in r.query]
    for request in firsts:
        options = parse_qs(request.query)
        selected = set(options["$select"][0].split(","))
        assert {"displayName", "jobTitle", "department"} <= selected
        assert "members" not in selected
        if request.path == "/v1.0/users/delta":
            assert "manager" in selected and "$expand" not in options
        else:
            assert options["$expand"] == ["manager($select=id)"]


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        # The first read of every default Entra profile before issue 14: refused by Graph.
        (
            "/v1.0/users/delta",
            "$select=id,userPrincipalName,accountEnabled,displayName,members",
            "'members': not a property of microsoft.graph.user",
        ),
        ("/v1.0/users", "$select=id,manager", "'manager': a navigation property"),
        ("/v1.0/users/delta", "$select=id&$expand=manager", "delta functions do not take"),
        ("/v1.0/users", "$expand=managers", "not a navigation property"),
        ("/v1.0/users/abc", "$expand=manager($select=id,reports)", "'reports'"),
        ("/v1.0/groups/delta", "$select=displayName,manager", "'manager': not a property"),
        ("/v1.0/servicePrincipals", "$filter=name eq 'Cisco Webex'", "'name'"),
        ("/v1.0/users", "$orderby=surnames desc", "'surnames'"),
        ("/v1.0/groups/abc/owners", "", "not a Graph v1.0 endpoint"),
        ("/v1.0/users/delta", "$deltatoken=abc&$select=id", "a link Graph gave was changed"),
    ],
)
def test_the_judge_refuses_what_graph_refuses(path: str, query: str, expected: str) -> None:
    problems = graph_spec.violations("GET", path, query)
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/v1.0/users/delta", "$select=id,DisplayName,manager"),
        ("/v1.0/groups/delta", "$select=displayName,members"),
        ("/v1.0/users/abc", "$select=id,jobTitle&$expand=manager($select=id)"),
        ("/v1.0/groups/abc/members", "$select=id,displayName&$top=999"),
        ("/v1.0/servicePrincipals", "$filter=appId eq 'x eq y'&$select=id,appRoles"),
        ("/v1.0/servicePrincipals/abc/appRoleAssignedTo", "$top=999"),
    ],
)
def test_the_judge_accepts_what_graph_accepts(path: str, query: str) -> None:
    assert graph_spec.violations("GET", path, query) == []
