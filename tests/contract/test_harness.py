"""The contract harness can fail: requests and answers that break Cisco's spec are reported."""

from __future__ import annotations

import json

import httpx
import pytest

from app.sandbox.recording import Exchange
from app.sandbox.server import SandboxConfig, SandboxServer
from app.webex.constants import BULK_RESPONSE, CORE_USER
from tests.contract import webex_spec
from tests.contract.harness import WebexContract, contract_sandbox, contract_sandbox_in_thread

ORG = "0ae87ade-8c8a-4952-af08-318798958d0c"


def exchange(
    method: str,
    path: str,
    status: int,
    body: object = None,
    *,
    request: object = None,
    content_type: str = "application/json",
) -> Exchange:
    return Exchange(
        method=method,
        path=path,
        query="",
        request_headers=(("authorization", "Bearer x"), ("content-type", "application/json")),
        request_body=b"" if request is None else json.dumps(request).encode(),
        status=status,
        response_headers=(("content-type", content_type),),
        response_body=b"" if body is None else json.dumps(body).encode(),
    )


def admin_client(sandbox: SandboxServer) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=sandbox.tenant_url,
        headers={"Authorization": f"Bearer {sandbox.tokens.full_admin}"},
    )


def test_sandbox_paths_map_onto_the_spec_paths() -> None:
    assert webex_spec.spec_url("/v1/people/me") == "https://webexapis.com/v1/people/me"
    scim = f"/identity/scim/{ORG}/v2/Users"
    assert webex_spec.spec_url(scim) == f"https://webexapis.com/v1{scim}"
    # SCIM lives at the API's root, people/me under /v1: neither elsewhere.
    assert webex_spec.spec_url(f"/v1{scim}") is None
    assert webex_spec.spec_url("/people/me") is None
    assert (
        webex_spec.operation_of(exchange("GET", f"{scim}/abc", 200))
        == "GET /identity/scim/{orgId}/v2/Users/{userId}"
    )


def test_an_answer_the_spec_refuses_is_reported() -> None:
    # A Bulk answer whose status is a number (the spec's example writes "201").
    bulk = exchange(
        "POST",
        f"/identity/scim/{ORG}/v2/Bulk",
        200,
        {"schemas": [BULK_RESPONSE], "Operations": [{"method": "POST", "status": 201}]},
        request={
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
            "operations": [],
        },
    )
    lines = webex_spec.violations(bulk)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"POST /identity/scim/{ORG}/v2/Bulk -> 200: answer:")
    assert "Operations/0/status" in lines[0] and "'string'" in lines[0]


@pytest.mark.parametrize(
    ("status", "content_type", "what"),
    [
        (200, "application/scim+json", "application/scim+json"),  # a described answer
        (404, "application/scim+json", "application/scim+json"),  # an error: no body described
        (201, "application/json", "201"),  # a status the operation does not answer
    ],
)
def test_answers_outside_the_spec_statuses_and_media_types_are_reported(
    status: int, content_type: str, what: str
) -> None:
    answer = exchange(
        "GET",
        "/v1/people/me",
        status,
        {"id": "x", "message": "m"},
        content_type=content_type,
    )
    lines = webex_spec.response_violations(answer)
    assert lines and what in " ".join(lines), lines


def test_an_answer_that_conforms_has_no_violation() -> None:
    answer = exchange("GET", "/v1/authorizations/tokenExpiry", 200, {"exp": 1768630439322})
    assert webex_spec.violations(answer) == []
    assert webex_spec.violations(exchange("DELETE", f"/identity/scim/{ORG}/v2/Users/u", 204)) == []


async def test_a_request_the_spec_refuses_is_reported_by_the_sandbox_harness() -> None:
    async with (
        contract_sandbox(SandboxConfig(), check=False) as (sandbox, contract),
        admin_client(sandbox) as http,
    ):
        # emails must be a list of e-mail objects (PostUser), not a string.
        await http.post(
            "Users",
            json={
                "schemas": [CORE_USER],
                "userName": "a@example.com",
                "userType": "user",
                "emails": "a@example.com",
            },
        )
    request_lines = [line for line in contract.violations() if ": request: " in line]
    assert len(request_lines) == 1, contract.violations()
    assert request_lines[0].startswith(f"POST /identity/scim/{sandbox.org_uuid}/v2/Users -> 400")
    assert "at emails" in request_lines[0]
    with pytest.raises(AssertionError, match="difference"):
        contract.assert_clean()


async def test_leaving_a_contract_sandbox_raises_on_a_violation() -> None:
    with pytest.raises(AssertionError, match="not a path of the Webex API"):
        async with contract_sandbox() as (sandbox, _), httpx.AsyncClient() as http:
            # people/me lives under /v1: the spec has nothing at /v1/identity/...
            await http.get(f"{sandbox.base_url}/v1/identity/scim/x/v2/Users")


async def test_requests_broken_on_purpose_are_waived_but_their_answers_judged() -> None:
    contract = WebexContract()
    async with (
        contract_sandbox(contract=contract, check=False) as (sandbox, _),
        admin_client(sandbox) as http,
    ):
        with contract.invalid_requests():
            await http.post("Users", json={"schemas": [CORE_USER], "emails": 3})
    assert any("at emails" in line for line in contract.waived_request_violations())
    assert not any(": request: " in line for line in contract.violations())
    assert len(contract.exchanges) == 1


def test_a_sandbox_in_a_thread_is_judged_too() -> None:
    with contract_sandbox_in_thread() as (sandbox, contract):
        response = httpx.get(
            sandbox.people_me_url, headers={"Authorization": f"Bearer {sandbox.tokens.full_admin}"}
        )
        assert response.status_code == 200
    assert contract.operations() == {"GET /people/me"}
    assert isinstance(sandbox, SandboxServer)


async def test_the_fixture_serves_and_records(
    webex_contract_sandbox: SandboxServer, webex_contract: WebexContract
) -> None:
    async with httpx.AsyncClient(
        headers={"Authorization": f"Bearer {webex_contract_sandbox.tokens.readonly_admin}"}
    ) as http:
        response = await http.get(webex_contract_sandbox.people_me_url)
    assert response.status_code == 200
    assert webex_contract.operations() == {"GET /people/me"}
    [seen] = webex_contract.exchanges
    assert seen.request_header("authorization") == (
        f"Bearer {webex_contract_sandbox.tokens.readonly_admin}"
    )
    assert json.loads(seen.response_body) == response.json()
    assert seen.response_header("trackingid") == response.headers["TrackingID"]
