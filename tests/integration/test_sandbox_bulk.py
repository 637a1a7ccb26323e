"""The sandbox's quicker Bulk answers what scim2-server answers, over real loopback HTTP.

app/sandbox/service.py skips work that changes nothing in the answer (publishing each
created resource, the reference walk of a body without "bulkId:", the models' dump of a
success-only answer) and store.TenantStorage.create skips the deep copies. These tests hold
it to scim2-server's own answers and to the references it must still resolve.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from scim2_server.service import ScimService

from app.sandbox.server import SandboxConfig, SandboxServer
from app.sandbox.service import SandboxService, holds_no_reference
from app.sandbox.webex_schemas import webex_provider
from app.webex.constants import (
    BULK_REQUEST,
    CISCO_ERROR,
    CISCO_USER,
    CORE_GROUP,
    CORE_USER,
    PATCH_OP,
    SCIM_ERROR,
)
from tests.contract.harness import WebexContract, contract_sandbox


@pytest.fixture
async def sandbox() -> AsyncIterator[SandboxServer]:
    async with SandboxServer(SandboxConfig(seed_users=3, seed=5)) as server:
        yield server


def person(name: str, **extra: Any) -> dict[str, Any]:
    user_name = f"{name}@example.com"
    return {
        "schemas": [CORE_USER],
        "userName": user_name,
        "userType": "user",
        "name": {"givenName": name.title(), "familyName": "Lefèvre"},
        "emails": [{"value": user_name, "type": "work", "primary": True}],
        **extra,
    }


async def bulk(sandbox: SandboxServer, operations: list[dict[str, Any]], **options: Any) -> Any:
    body = json.dumps({"schemas": [BULK_REQUEST], "Operations": operations}, **options).encode()
    async with httpx.AsyncClient(
        base_url=sandbox.tenant_url,
        headers={
            "Authorization": f"Bearer {sandbox.tokens.full_admin}",
            "Content-Type": "application/scim+json",
        },
        timeout=10,
    ) as http:
        response = await http.post("Bulk", content=body)
    assert response.status_code == 200, response.text
    return response.json()


async def test_a_success_only_answer_is_the_one_scim2_server_writes(
    sandbox: SandboxServer,
) -> None:
    existing = sandbox.users()[0]
    operations = [
        {"method": "POST", "path": "/Users", "bulkId": "a", "data": person("amelie")},
        {"method": "POST", "path": "/Users", "bulkId": "b", "data": person("bruno")},
        {
            "method": "PATCH",
            "path": f"/Users/{existing['id']}",
            "data": {
                "schemas": [PATCH_OP],
                "Operations": [{"op": "replace", "path": "title", "value": "Directrice"}],
            },
        },
    ]
    answer = await bulk(sandbox, operations)
    results = answer["Operations"]
    assert [r["status"] for r in results] == ["201", "201", "200"]
    users = {u["userName"]: u for u in sandbox.users()}
    assert users["amelie@example.com"]["name"]["givenName"] == "Amelie"
    assert users[existing["userName"]]["title"] == "Directrice"
    # Each location names the stored resource, each version is the stored one.
    for result, name in zip(results[:2], ("amelie", "bruno"), strict=True):
        stored = users[f"{name}@example.com"]
        assert result["location"].endswith(f"/Users/{stored['id']}")
        assert result["version"] == stored["meta"]["version"]
        assert result["method"] == "POST"
    assert results[2]["location"].endswith(f"/Users/{existing['id']}")
    assert "bulkId" not in results[2]
    # And scim2-server's own dump of the same outcomes is the same JSON.
    outcomes = [
        {
            "method": r["method"],
            "bulk_id": r.get("bulkId"),
            "version": r.get("version"),
            "location": r["location"],
            "status": int(r["status"]),
        }
        for r in results
    ]

    class Plan:
        def outcomes(self) -> list[dict[str, Any]]:
            return [dict(o) for o in outcomes]

    provider = webex_provider()
    with provider:
        ours = SandboxService(provider).bulk_response(Plan())  # type: ignore[arg-type]
        theirs = ScimService(provider).bulk_response(Plan())  # type: ignore[arg-type]
    assert ours.body == theirs.body
    assert ours.status == theirs.status


async def test_a_failed_operation_keeps_scim2_servers_error_answer(sandbox: SandboxServer) -> None:
    bad = person("carla")
    del bad["userType"]
    answer = await bulk(
        sandbox,
        [
            {"method": "POST", "path": "/Users", "bulkId": "ok", "data": person("denis")},
            {"method": "POST", "path": "/Users", "bulkId": "bad", "data": bad},
        ],
    )
    ok, failed = answer["Operations"]
    assert ok["status"] == "201"
    assert failed["status"] == "400"
    assert "userType" in failed["response"]["detail"]
    assert {u["userName"] for u in sandbox.users()} >= {"denis@example.com"}
    assert "carla@example.com" not in {u["userName"] for u in sandbox.users()}


@pytest.mark.parametrize("escaped", [False, True], ids=["plain", "escaped"])
async def test_a_reference_is_resolved_even_spelled_with_escapes(
    sandbox: SandboxServer, escaped: bool
) -> None:
    operations = [
        {
            "method": "POST",
            "path": "/Groups",
            "bulkId": "g",
            "data": {"schemas": [CORE_GROUP], "displayName": "Équipe", "members": []},
        },
        {"method": "POST", "path": "/Users", "bulkId": "u", "data": person("emma")},
    ]
    operations[0]["data"]["members"] = [{"value": "bulkId:u"}]
    text = json.dumps({"schemas": [BULK_REQUEST], "Operations": operations})
    if escaped:  # "bulk\\u0049d:u": the same text to a JSON parser
        text = text.replace('"bulkId:u"', '"bulk\\u0049d:u"')
    body = text.encode()
    assert holds_no_reference(body) is False
    async with httpx.AsyncClient(
        base_url=sandbox.tenant_url,
        headers={"Authorization": f"Bearer {sandbox.tokens.full_admin}"},
        timeout=10,
    ) as http:
        response = await http.post(
            "Bulk", content=body, headers={"Content-Type": "application/scim+json"}
        )
    assert response.status_code == 200
    results = {r["bulkId"]: r for r in response.json()["Operations"]}
    assert results["g"]["status"] == "201" and results["u"]["status"] == "201"
    user = next(u for u in sandbox.users() if u["userName"] == "emma@example.com")
    group = next(g for g in sandbox.groups() if g["displayName"] == "Équipe")
    assert [m["value"] for m in group["members"]] == [user["id"]]


def test_only_a_body_that_cannot_spell_a_reference_skips_the_walk() -> None:
    assert holds_no_reference(b'{"a": "Beno\\u00eet", "b": "bulkId"}')
    assert not holds_no_reference(b'{"a": "bulkId:x"}')
    assert not holds_no_reference(b'{"a": "bulk\\u0049d:x"}')
    assert not holds_no_reference(b'{"a": "\\u0062ulkId:x"}')
    assert not holds_no_reference(b'{"a": "bulkId\\u003Ax"}')


async def test_a_created_user_is_not_changed_by_what_the_caller_does_with_the_answer(
    sandbox: SandboxServer,
) -> None:
    """create() keeps no deep copy: the stored resource must not share what it hands out."""
    storage = sandbox._tenant_storage
    await bulk(
        sandbox, [{"method": "POST", "path": "/Users", "bulkId": "f", "data": person("fanny")}]
    )
    stored = next(u for u in sandbox.users() if u["userName"] == "fanny@example.com")
    user_type = next(rt for rt in storage.provider.resource_types if rt.name == "User")
    handed_out = storage.get(user_type, stored["id"])
    handed_out.name.given_name = "Changed"  # type: ignore[attr-defined]
    handed_out.display_name = "Changed"  # type: ignore[attr-defined]
    again = next(u for u in sandbox.users() if u["userName"] == "fanny@example.com")
    assert again["name"]["givenName"] == "Fanny"
    assert "displayName" not in again


# -- Webex's Bulk, as Cisco's spec has it (every exchange judged by the spec) ---------------

DELETE_ONE = {"method": "DELETE", "path": "/Users/does-not-exist"}


@pytest.fixture
def contract() -> WebexContract:
    return WebexContract()


@pytest.fixture
async def judged(contract: WebexContract) -> AsyncIterator[SandboxServer]:
    async with contract_sandbox(SandboxConfig(seed_users=3, seed=5), contract=contract) as (
        server,
        _,
    ):
        yield server


async def webex_bulk(sandbox: SandboxServer, body: dict[str, Any]) -> httpx.Response:
    async with httpx.AsyncClient(
        base_url=sandbox.tenant_url,
        headers={"Authorization": f"Bearer {sandbox.tokens.full_admin}"},
        timeout=10,
    ) as http:
        return await http.post("Bulk", json={"schemas": [BULK_REQUEST], **body})


async def test_each_operation_answers_as_the_spec_shows(judged: SandboxServer) -> None:
    target = judged.users()[0]["id"]
    response = await webex_bulk(
        judged,
        {
            "failOnErrors": 10,
            "operations": [
                {"method": "POST", "path": "/Users", "bulkId": "qwerty", "data": person("gael")},
                {
                    "method": "PATCH",
                    "path": f"/Users/{target}",
                    "data": {
                        "schemas": [PATCH_OP],
                        "Operations": [{"op": "replace", "path": "title", "value": "Chef"}],
                    },
                },
                {"method": "DELETE", "path": f"/Users/{target}"},
            ],
        },
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    created, patched, deleted = response.json()["Operations"]
    assert created["method"] == "POST" and created["bulkId"] == "qwerty"
    assert created["status"] == "201"  # a string, as the spec's example writes it
    assert created["location"].startswith(judged.tenant_url + "Users/")
    assert created["version"].startswith('W/"')
    assert (patched["method"], patched["status"]) == ("PATCH", "200")
    assert patched["location"] == f"{judged.tenant_url}Users/{target}"
    assert (deleted["method"], deleted["status"]) == ("DELETE", "204")


async def test_a_failed_operation_carries_ciscos_error_extension(judged: SandboxServer) -> None:
    taken = judged.users()[0]["userName"]
    duplicate_user = person("x") | {
        "userName": taken,
        "emails": [{"value": taken, "type": "work", "primary": True}],
    }
    response = await webex_bulk(
        judged,
        {
            "operations": [
                {"method": "POST", "path": "/Users", "bulkId": "dup", "data": duplicate_user},
                {"method": "DELETE", "path": "/Users/does-not-exist"},
            ]
        },
    )
    duplicate, missing = response.json()["Operations"]
    assert (duplicate["status"], missing["status"]) == ("409", "404")
    for operation in (duplicate, missing):
        error = operation["response"]
        assert error["schemas"] == [SCIM_ERROR, CISCO_ERROR]
        assert error["status"] == operation["status"]
        details = error[CISCO_ERROR]
        assert details["trackingId"] == response.headers["TrackingID"]
        assert details["details"] == error["detail"]
        assert details["errorCode"].startswith(operation["status"])
    assert duplicate["response"]["scimType"] == "uniqueness"


@pytest.mark.parametrize(
    ("body", "what"),
    [
        ({"operations": [{"method": "PUT", "path": "/Users/x", "data": {}}]}, "PUT"),
        ({"failOnErrors": 0, "operations": [DELETE_ONE]}, "failOnErrors"),
        ({"failOnErrors": 101, "operations": [DELETE_ONE]}, "failOnErrors"),
    ],
)
async def test_what_webex_bulk_does_not_take_is_refused_whole(
    judged: SandboxServer, contract: WebexContract, body: dict[str, Any], what: str
) -> None:
    with contract.invalid_requests():
        response = await webex_bulk(judged, body)
    assert response.status_code == 400
    assert response.json()["scimType"] == "invalidValue"
    assert what in response.json()["detail"]


async def test_fail_on_errors_stops_the_request(judged: SandboxServer) -> None:
    operations = [{"method": "DELETE", "path": f"/Users/missing-{i}"} for i in range(3)]
    operations.append({"method": "POST", "path": "/Users", "bulkId": "late", "data": person("h")})
    response = await webex_bulk(judged, {"failOnErrors": 2, "operations": operations})
    assert [op["status"] for op in response.json()["Operations"]] == ["404", "404"]
    assert "h@example.com" not in {u["userName"] for u in judged.users()}


async def test_rfc_casing_and_a_string_account_status_are_taken_too(
    judged: SandboxServer, contract: WebexContract
) -> None:
    data = person("ines", **{CISCO_USER: {"accountStatus": "active"}})
    data["schemas"] = [CORE_USER, CISCO_USER]
    with contract.invalid_requests():  # RFC 7644 writes "Operations"; the spec "operations"
        response = await webex_bulk(
            judged,
            {"Operations": [{"method": "POST", "path": "/Users", "bulkId": "i", "data": data}]},
        )
    assert response.json()["Operations"][0]["status"] == "201", response.text
    ines = next(u for u in judged.users() if u["userName"] == "ines@example.com")
    assert ines[CISCO_USER]["accountStatus"] == ["active"]
