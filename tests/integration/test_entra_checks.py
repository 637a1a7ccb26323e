"""test-connection's source checks against the Graph sandbox: sign-in, permissions, the application."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from app.checks import CheckResult
from app.config.profile import EntraSettings
from app.config.secrets import SecretStore
from app.directory.entra_checks import check_source
from app.sandbox.graph.server import GraphSandbox, GraphSandboxConfig

PROFILE = "checks"


@pytest.fixture
async def graph() -> AsyncIterator[GraphSandbox]:
    async with GraphSandbox(GraphSandboxConfig(user_count=60)) as sandbox:
        yield sandbox


async def _checks(
    sandbox: GraphSandbox,
    *,
    secret: str | None = None,
    client_id: str | None = None,
    scope: str = "assigned",
    **settings: str,
) -> dict[str, CheckResult]:
    values = sandbox.entra_settings(**settings)
    if client_id:
        values["client_id"] = client_id
    store = SecretStore()
    store.set(PROFILE, "entra-client-secret", secret or sandbox.client_secret)
    results = await check_source(
        EntraSettings(**values), profile_name=PROFILE, secrets=store, scope=scope
    )
    return {r.id: r for r in results}


async def test_every_check_passes_on_a_well_set_up_tenant(graph: GraphSandbox) -> None:
    checks = await _checks(graph)
    assert [c.status for c in checks.values()] == ["passed"] * 5
    assert graph.tenant_id in checks["entra.sign-in"].reason
    assert "Cisco Webex" in checks["entra.application"].reason
    assert "groups assigned" in checks["entra.application"].reason


async def test_a_wrong_secret_fails_sign_in_and_skips_the_rest(graph: GraphSandbox) -> None:
    checks = await _checks(graph, secret="not-it-at-all")
    assert checks["entra.sign-in"].status == "failed"
    assert "client secret" in checks["entra.sign-in"].reason
    assert {c.status for k, c in checks.items() if k != "entra.sign-in"} == {"skipped"}


async def test_a_missing_permission_is_named_with_the_way_to_grant_it(graph: GraphSandbox) -> None:
    limited = graph.register_client(("User.Read.All", "Group.Read.All"))
    checks = await _checks(graph, client_id=limited.client_id, secret=limited.secret)
    failed = checks["entra.permission.application-read-all"]
    assert failed.status == "failed"
    assert "Application.Read.All (application)" in failed.next_step
    assert checks["entra.permission.user-read-all"].status == "passed"
    assert checks["entra.application"].status == "unknown"


async def test_an_application_that_does_not_exist_is_reported(graph: GraphSandbox) -> None:
    checks = await _checks(graph, app_name="Cisco Webex Meetings")
    assert checks["entra.application"].status == "failed"
    assert "gallery" in checks["entra.application"].next_step
    by_id = await _checks(graph, app_id=graph.tenant.application()["appId"], app_name="whatever")
    assert by_id["entra.application"].status == "passed"


async def test_scope_all_does_not_need_the_application(graph: GraphSandbox) -> None:
    checks = await _checks(graph, scope="all", app_name="Nothing by that name")
    assert checks["entra.application"].status == "skipped"
