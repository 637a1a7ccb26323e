"""The sandbox's Webex tenant, walked endpoint by endpoint with raw requests, judged by Cisco's
spec: every endpoint the program uses, its successes and its usual errors (400 invalidFilter,
401, 403 for each role, 404, 409 uniqueness). The fixture fails the test on any answer (or
request) that differs from resources/vendor/webex-admin-scim-subset.openapi.json."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from app.sandbox.server import SandboxServer
from app.webex.constants import (
    BULK_REQUEST,
    CISCO_USER,
    CORE_GROUP,
    CORE_USER,
    ENTERPRISE_USER,
    PATCH_OP,
)
from tests.contract.harness import PROGRAM_OPERATIONS, WebexContract


def user(name: str, **extra: Any) -> dict[str, Any]:
    user_name = f"{name}@example.com"
    return {
        "schemas": [CORE_USER, ENTERPRISE_USER, CISCO_USER],
        "userName": user_name,
        "userType": "user",
        "displayName": name.replace(".", " ").title(),
        "name": {"givenName": "Léa", "familyName": "Château"},
        "emails": [{"value": user_name, "type": "work", "primary": True}],
        "preferredLanguage": "fr_FR",
        "locale": "fr_FR",
        "externalId": f"ext-{name}",
        ENTERPRISE_USER: {"department": "Ventes", "employeeNumber": "E-77"},
        CISCO_USER: {
            "accountStatus": "active",
            "externalAttribute1": [{"source": "Entra", "value": name}],
        },
        **extra,
    }


def patch(*operations: dict[str, Any]) -> dict[str, Any]:
    return {"schemas": [PATCH_OP], "Operations": list(operations)}


class Walk:
    """Raw requests with one token at a time; each answer's status is checked as it comes."""

    def __init__(self, sandbox: SandboxServer) -> None:
        self.sandbox = sandbox

    async def send(
        self,
        kind: str | None,
        method: str,
        path: str,
        status: int,
        body: dict[str, Any] | None = None,
        **params: Any,
    ) -> httpx.Response:
        token = getattr(self.sandbox.tokens, kind) if kind else "not-a-webex-token"
        url = path if path.startswith("http") else self.sandbox.tenant_url + path
        async with httpx.AsyncClient(headers={"Authorization": f"Bearer {token}"}) as http:
            response = await http.request(method, url, json=body, params=params or None)
        assert response.status_code == status, f"{method} {path}: {response.text}"
        return response


async def test_every_endpoint_the_program_uses_answers_as_the_spec_says(
    webex_contract_sandbox: SandboxServer, webex_contract: WebexContract
) -> None:
    sandbox = webex_contract_sandbox
    walk = Walk(sandbox)
    admin, readonly = "full_admin", "readonly_admin"

    # people/me and tokenExpiry, for each kind of token.
    for kind in ("full_admin", "readonly_admin", "user_admin", "group_admin", "bot", "other_org"):
        await walk.send(kind, "GET", sandbox.people_me_url, 200)
        await walk.send(kind, "GET", sandbox.token_expiry_url, 200)
    for kind in ("expired", None):
        await walk.send(kind, "GET", sandbox.people_me_url, 401)
        await walk.send(kind, "GET", sandbox.token_expiry_url, 401)

    # Users: create, find, read, replace, patch; uniqueness; filters; sorting; paging.
    created = (await walk.send(admin, "POST", "Users", 201, user("lea.chateau"))).json()
    user_id = created["id"]
    await walk.send(admin, "POST", "Users", 409, user("lea.chateau"))
    await walk.send(admin, "GET", "Users", 200, filter='userName eq "lea.chateau@example.com"')
    await walk.send(admin, "GET", "Users", 200, filter='department sw "Ven"', sortBy="userName")
    await walk.send(admin, "GET", "Users", 200, startIndex="2", count="2", attributes="userName")
    await walk.send(admin, "GET", "Users", 400, filter='externalId eq "ext-lea.chateau"')
    await walk.send(admin, "GET", "Users", 400, filter="active eq true")
    await walk.send(admin, "GET", f"Users/{user_id}", 200)
    await walk.send(admin, "GET", f"Users/{uuid.uuid4()}", 404)
    await walk.send(admin, "PUT", f"Users/{user_id}", 200, user("lea.chateau", title="Cheffe"))
    disable = patch({"op": "replace", "path": "active", "value": False})
    await walk.send(admin, "PATCH", f"Users/{user_id}", 200, disable)
    await walk.send(admin, "PATCH", f"Users/{uuid.uuid4()}", 404, disable)
    await walk.send(admin, "PATCH", f"Users/{user_id}", 400, patch({"op": "remove"}))
    await walk.send(admin, "POST", "Users", 400, user("bad.locale", locale="fr-FR"))

    # Groups: create with members, search (with and without members), read, members, patch, put.
    member_ids = [u["id"] for u in sandbox.users()[:2]]
    group = {
        "schemas": [CORE_GROUP],
        "displayName": "Équipe Lyon",
        "externalId": "grp-lyon",
        "members": [{"value": i} for i in member_ids],
    }
    group_id = (await walk.send(admin, "POST", "Groups", 201, group)).json()["id"]
    await walk.send(admin, "GET", "Groups", 200, filter='displayName eq "Équipe Lyon"')
    await walk.send(admin, "GET", "Groups", 200, includeMembers="true", memberType="user")
    await walk.send(admin, "GET", "Groups", 400, filter='externalId eq "grp-lyon"')
    await walk.send(admin, "GET", f"Groups/{group_id}", 200)
    await walk.send(admin, "GET", f"Groups/{group_id}", 200, excludedAttributes="members")
    await walk.send(admin, "GET", f"Groups/{uuid.uuid4()}", 404)
    await walk.send(admin, "GET", f"Groups/{group_id}/Members", 200, startIndex="1", count="1")
    await walk.send(admin, "GET", f"Groups/{group_id}/Members", 200, memberType="user")
    await walk.send(admin, "GET", f"Groups/{uuid.uuid4()}/Members", 404)
    add = patch({"op": "add", "path": "members", "value": [{"value": user_id}]})
    await walk.send(admin, "PATCH", f"Groups/{group_id}", 200, add)
    remove = patch({"op": "remove", "path": f'members[value eq "{user_id}"]'})
    await walk.send(admin, "PATCH", f"Groups/{group_id}", 200, remove)
    await walk.send(admin, "PUT", f"Groups/{group_id}", 200, {**group, "displayName": "Lyon"})

    # Bulk: creations, a patch, a delete, and failures with Cisco's error extension.
    operations = [
        {"method": "POST", "path": "/Users", "bulkId": "b1", "data": user("noe.faure")},
        {"method": "POST", "path": "/Users", "bulkId": "b2", "data": user("lea.chateau")},
        {"method": "PATCH", "path": f"/Users/{user_id}", "data": disable},
        {"method": "DELETE", "path": f"/Users/{uuid.uuid4()}"},
    ]
    bulk = {"schemas": [BULK_REQUEST], "failOnErrors": 10, "operations": operations}
    answer = (await walk.send(admin, "POST", "Bulk", 200, bulk)).json()
    assert [op["status"] for op in answer["Operations"]] == ["201", "409", "200", "404"]

    # 401 and 403, for every role the spec names and for tokens that are not an admin's.
    for kind in ("expired", None):
        await walk.send(kind, "GET", "Users", 401)
    for kind in ("bot", "other_org"):
        await walk.send(kind, "GET", "Users", 403)
    await walk.send(readonly, "GET", "Users", 200)
    await walk.send(readonly, "GET", f"Groups/{group_id}/Members", 200)
    await walk.send(readonly, "POST", "Users", 403, user("ro.user"))
    await walk.send(readonly, "PATCH", f"Groups/{group_id}", 403, add)
    await walk.send(readonly, "POST", "Bulk", 403, bulk)
    await walk.send("user_admin", "GET", f"Users/{user_id}", 200)
    await walk.send("user_admin", "GET", "Groups", 403)
    await walk.send("user_admin", "GET", f"Groups/{group_id}/Members", 403)
    await walk.send("group_admin", "GET", f"Groups/{group_id}", 200)
    await walk.send("group_admin", "GET", "Users", 403)
    await walk.send("group_admin", "DELETE", f"Users/{user_id}", 403)

    # Deletions last.
    await walk.send(admin, "DELETE", f"Groups/{group_id}", 204)
    await walk.send(admin, "DELETE", f"Groups/{group_id}", 404)
    await walk.send(admin, "DELETE", f"Users/{user_id}", 204)
    await walk.send(admin, "DELETE", f"Users/{user_id}", 404)

    assert webex_contract.operations() == PROGRAM_OPERATIONS
    statuses = {exchange.status for exchange in webex_contract.exchanges}
    assert statuses == {200, 201, 204, 400, 401, 403, 404, 409}
