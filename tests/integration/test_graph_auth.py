"""GraphBearer against the Graph sandbox over TLS: a token Graph no longer accepts is renewed
once through the msal sign-in (EntraSignIn.refresh) and the read goes through; a renewed
token that is refused as well ends the read with GraphAuthError, after one renewal only."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from app.config.profile import EntraSettings
from app.config.secrets import SecretStore
from app.directory.entra.auth import EntraSignIn
from app.directory.graph import GraphAuthError, GraphClient
from app.sandbox.graph.server import GraphSandbox, GraphSandboxConfig

PROFILE = "graph-auth-test"


@pytest.fixture
async def graph() -> AsyncIterator[GraphSandbox]:
    async with GraphSandbox(GraphSandboxConfig(user_count=3)) as sandbox:
        yield sandbox


@pytest.fixture
async def sign_in(graph: GraphSandbox) -> AsyncIterator[EntraSignIn]:
    store = SecretStore()
    store.set(PROFILE, "entra-client-secret", graph.client_secret)
    tokens = EntraSignIn(
        EntraSettings(**graph.entra_settings()), profile_name=PROFILE, secrets=store
    )
    yield tokens
    await tokens.aclose()


class _RefusedAfterRenewal:
    """Renews through msal, then has the sandbox forget every token: the fresh one too."""

    def __init__(self, tokens: EntraSignIn, graph: GraphSandbox) -> None:
        self.permission_kind = tokens.permission_kind
        self._tokens = tokens
        self._graph = graph
        self.renewals = 0

    async def token(self) -> str:
        return await self._tokens.token()

    async def refresh(self) -> str:
        self.renewals += 1
        fresh = await self._tokens.refresh()
        self._graph.revoke_tokens()
        return fresh


def _token_requests(graph: GraphSandbox) -> int:
    return sum(r.path.endswith("/oauth2/v2.0/token") for r in graph.requests)


async def test_a_refused_token_is_renewed_once_and_the_read_goes_through(
    graph: GraphSandbox, sign_in: EntraSignIn
) -> None:
    async with GraphClient(graph.graph_url, sign_in, extra_ca=sign_in.ca_file) as client:
        first = await sign_in.token()
        await client.get("users", {"$top": "1"})
        graph.revoke_tokens()  # Graph no longer accepts the token msal still holds
        graph.reset_requests()

        page = await client.get("users", {"$top": "1"})

    assert len(page["value"]) == 1
    assert [r.status for r in graph.graph_calls()] == [401, 200]
    assert _token_requests(graph) == 1  # one new sign-in, not one per request
    assert await sign_in.token() != first
    assert client.stats.reauthenticated == 1
    assert client.stats.requests == 3


async def test_a_renewed_token_that_is_refused_too_ends_the_read(
    graph: GraphSandbox, sign_in: EntraSignIn
) -> None:
    tokens = _RefusedAfterRenewal(sign_in, graph)
    async with GraphClient(graph.graph_url, tokens, extra_ca=sign_in.ca_file) as client:
        await client.get("users", {"$top": "1"})
        graph.revoke_tokens()
        graph.reset_requests()

        with pytest.raises(GraphAuthError) as refused:
            await client.get("users", {"$top": "1"})

    assert refused.value.status == 401
    assert [r.status for r in graph.graph_calls()] == [401, 401]
    assert tokens.renewals == 1
    assert client.stats.reauthenticated == 1
    assert sign_in.settings.client_id not in repr(refused.value)
