"""The sandbox's Webex tenant over real loopback HTTP, with plain httpx: what a client meets.

Every exchange is also judged by Cisco's spec (tests/contract/): a test fails on any answer
the spec refuses. Requests that leave the spec on purpose (an Entra-style "Replace", a
discovery endpoint Webex lacks) are made inside `contract.invalid_requests()`.
"""

from __future__ import annotations

import base64
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from app.sandbox.server import SandboxConfig, SandboxServer
from app.sandbox.webex_tokens import WEBEX_401_MESSAGE, webex_id
from app.webex.constants import (
    BULK_REQUEST,
    CISCO_USER,
    CORE_GROUP,
    CORE_USER,
    ENTERPRISE_USER,
    PATCH_OP,
)
from tests.contract.harness import WebexContract, contract_sandbox

ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"


@pytest.fixture
def contract() -> WebexContract:
    return WebexContract()


@pytest.fixture
async def sandbox(contract: WebexContract) -> AsyncIterator[SandboxServer]:
    config = SandboxConfig(seed_users=6, seed_groups=2, seed=7)
    async with contract_sandbox(config, contract=contract) as (server, _):
        yield server


def client(sandbox: SandboxServer, token: str | None) -> httpx.AsyncClient:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.AsyncClient(base_url=sandbox.tenant_url, headers=headers, timeout=10)


def decode_id(value: str) -> str:
    return base64.b64decode(value + "=" * (-len(value) % 4)).decode()


def new_user(user_name: str | None = None, **extra: Any) -> dict[str, Any]:
    user_name = user_name or f"user-{uuid.uuid4().hex[:10]}@example.com"
    body = {
        "schemas": [CORE_USER],
        "userName": user_name,
        "userType": "user",
        "name": {"givenName": "Noémie", "familyName": "Lefèvre"},
        "emails": [{"value": user_name, "type": "work", "primary": True}],
    }
    body.update(extra)
    return body


def assert_scim_error(response: httpx.Response, status: int, scim_type: str | None = None) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["schemas"] == [ERROR]
    assert body["status"] == str(status)  # a string, as RFC 7644 and Webex write it
    assert body["trackingId"] == response.headers["TrackingID"]
    if scim_type is not None:
        assert body["scimType"] == scim_type


# -- people/me ----------------------------------------------------------------------------


async def test_people_me_of_the_full_admin_names_the_tenant_org(sandbox: SandboxServer) -> None:
    async with httpx.AsyncClient(
        headers={"Authorization": f"Bearer {sandbox.tokens.full_admin}"}
    ) as http:
        response = await http.get(sandbox.people_me_url)
    assert response.status_code == 200
    me = response.json()
    assert me["type"] == "person"
    assert me["status"] == "active"
    assert me["orgId"] == sandbox.org_id
    assert "=" not in me["orgId"]  # Webex drops the base64 padding
    assert decode_id(me["orgId"]) == f"ciscospark://us/ORGANIZATION/{sandbox.org_uuid}"
    assert decode_id(me["id"]).startswith("ciscospark://us/PEOPLE/")
    assert [decode_id(r) for r in me["roles"]] == ["ciscospark://us/ROLE/id_full_admin"]
    for key in ("emails", "displayName", "firstName", "lastName", "created", "licenses"):
        assert me[key]
    assert response.headers["TrackingID"]


@pytest.mark.parametrize(
    ("kind", "person_type", "roles"),
    [
        ("readonly_admin", "person", ["ciscospark://us/ROLE/id_readonly_admin"]),
        ("bot", "bot", []),
        ("other_org", "person", ["ciscospark://us/ROLE/id_full_admin"]),
    ],
)
async def test_people_me_of_each_other_token(
    sandbox: SandboxServer, kind: str, person_type: str, roles: list[str]
) -> None:
    token = getattr(sandbox.tokens, kind)
    async with httpx.AsyncClient(headers={"Authorization": f"Bearer {token}"}) as http:
        me = (await http.get(sandbox.people_me_url)).json()
    assert me["type"] == person_type
    assert [decode_id(r) for r in me["roles"]] == roles
    if kind == "other_org":
        assert me["orgId"] != sandbox.org_id
        assert sandbox.org_uuid not in decode_id(me["orgId"])
    else:
        assert me["orgId"] == sandbox.org_id


@pytest.mark.parametrize("token", ["expired", "unknown", None])
async def test_people_me_refuses_expired_unknown_and_missing_tokens(
    sandbox: SandboxServer, token: str | None
) -> None:
    value = {"expired": sandbox.tokens.expired, "unknown": "not-a-token", None: None}[token]
    headers = {"Authorization": f"Bearer {value}"} if value else {}
    async with httpx.AsyncClient(headers=headers) as http:
        response = await http.get(sandbox.people_me_url)
    assert response.status_code == 401
    body = response.json()
    assert body["message"] == WEBEX_401_MESSAGE
    assert body["errors"] == [{"description": WEBEX_401_MESSAGE}]
    assert body["trackingId"] == response.headers["TrackingID"]
    expired = "expired" in response.headers["WWW-Authenticate"]
    assert expired is (token == "expired")


# -- Tokens on SCIM -----------------------------------------------------------------------


async def test_full_admin_reads_and_writes(sandbox: SandboxServer) -> None:
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        listing = await http.get("Users")
        created = await http.post("Users", json=new_user())
    assert listing.status_code == 200
    assert listing.json()["totalResults"] == 6
    assert created.status_code == 201


async def test_readonly_admin_reads_but_every_write_is_refused(sandbox: SandboxServer) -> None:
    user_id = sandbox.users()[0]["id"]
    async with client(sandbox, sandbox.tokens.readonly_admin) as http:
        assert (await http.get("Users")).status_code == 200
        assert (await http.get(f"Users/{user_id}")).status_code == 200
        refused = [
            await http.post("Users", json=new_user()),
            await http.put(f"Users/{user_id}", json=new_user()),
            await http.patch(
                f"Users/{user_id}",
                json={
                    "schemas": [PATCH_OP],
                    "Operations": [{"op": "replace", "path": "active", "value": False}],
                },
            ),
            await http.delete(f"Users/{user_id}"),
            await http.post(
                "Bulk",
                json={
                    "schemas": [BULK_REQUEST],
                    "operations": [{"method": "DELETE", "path": f"/Users/{user_id}"}],
                },
            ),
        ]
    for response in refused:
        assert_scim_error(response, 403)
    assert len(sandbox.users()) == 6
    assert all(user["active"] for user in sandbox.users())


@pytest.mark.parametrize("kind", ["bot", "other_org"])
async def test_bot_and_other_org_tokens_get_403_on_scim(sandbox: SandboxServer, kind: str) -> None:
    async with client(sandbox, getattr(sandbox.tokens, kind)) as http:
        response = await http.get("Users")
    assert_scim_error(response, 403)


@pytest.mark.parametrize("kind", ["expired", "unknown", "missing"])
async def test_expired_unknown_and_missing_tokens_get_401_with_webex_message(
    sandbox: SandboxServer, kind: str
) -> None:
    token = {"expired": sandbox.tokens.expired, "unknown": "x" * 40, "missing": None}[kind]
    async with client(sandbox, token) as http:
        response = await http.get("Users")
    assert_scim_error(response, 401)
    assert response.json()["detail"] == WEBEX_401_MESSAGE
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


async def test_a_url_with_another_org_is_refused(sandbox: SandboxServer) -> None:
    other = sandbox.tenant_url.replace(sandbox.org_uuid, str(uuid.uuid4()))
    async with httpx.AsyncClient(
        headers={"Authorization": f"Bearer {sandbox.tokens.full_admin}"}
    ) as http:
        response = await http.get(other + "Users")
    assert_scim_error(response, 403)


# -- Discovery ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["ServiceProviderConfig", "ResourceTypes", "ResourceTypes/User"])
async def test_no_service_provider_config_nor_resource_types(
    sandbox: SandboxServer, contract: WebexContract, path: str
) -> None:
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        with contract.invalid_requests():  # the spec has neither
            response = await http.get(path)
    assert_scim_error(response, 404)


async def test_schemas_list_core_enterprise_and_cisco_extension(
    sandbox: SandboxServer, contract: WebexContract
) -> None:
    # The spec places its Schemas/SCIM2 paths nowhere a tenant URL reaches: not judged.
    with contract.invalid_requests():
        async with client(sandbox, sandbox.tokens.full_admin) as http:
            listing = (await http.get("Schemas")).json()
            user_schemas = (await http.get("Schemas/SCIM2/User")).json()
            cisco = (await http.get(f"Schemas/SCIM2/{CISCO_USER}")).json()
    ids = {schema["id"] for schema in listing["Resources"]}
    assert ids == {CORE_USER, CORE_GROUP, ENTERPRISE_USER, CISCO_USER}
    assert set(user_schemas) == {CORE_USER, ENTERPRISE_USER, CISCO_USER}
    user_type = next(a for a in user_schemas[CORE_USER]["attributes"] if a["name"] == "userType")
    assert user_type["canonicalValues"] == ["user", "room", "external_calling", "calling_service"]
    names = {attribute["name"] for attribute in cisco["attributes"]}
    assert {"accountStatus", "sipAddresses", "extensionAttribute15", "externalAttribute1"} <= names


# -- Users --------------------------------------------------------------------------------


async def test_user_name_is_unique_whatever_its_case(sandbox: SandboxServer) -> None:
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        first = await http.post("Users", json=new_user("Amelie.Dubois@example.com"))
        again = await http.post("Users", json=new_user("amelie.DUBOIS@EXAMPLE.com"))
    assert first.status_code == 201
    assert_scim_error(again, 409, "uniqueness")
    assert [u["userName"] for u in sandbox.users()].count("Amelie.Dubois@example.com") == 1


async def test_user_type_is_required_and_must_be_one_of_webex_values(
    sandbox: SandboxServer, contract: WebexContract
) -> None:
    without = new_user()
    del without["userType"]
    with contract.invalid_requests():
        async with client(sandbox, sandbox.tokens.full_admin) as http:
            missing = await http.post("Users", json=without)
            wrong = await http.post("Users", json=new_user(userType="employee"))
    assert_scim_error(missing, 400, "invalidValue")
    assert "userType" in missing.json()["detail"]
    assert_scim_error(wrong, 400, "invalidValue")
    assert len(sandbox.users()) == 6


async def test_primary_work_email_must_equal_user_name(sandbox: SandboxServer) -> None:
    mismatched = new_user("jean.dupont@example.com")
    mismatched["emails"] = [{"value": "j.dupont@example.com", "type": "work", "primary": True}]
    not_an_email = new_user("jdupont")
    not_an_email["emails"] = []
    without_emails = new_user("claire.moreau@example.com")
    del without_emails["emails"]
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        refused = await http.post("Users", json=mismatched)
        refused_name = await http.post("Users", json=not_an_email)
        created = await http.post("Users", json=without_emails)
        user_id = created.json()["id"]
        changed_email = await http.patch(
            f"Users/{user_id}",
            json={
                "schemas": [PATCH_OP],
                "Operations": [
                    {
                        "op": "replace",
                        "path": 'emails[type eq "work"].value',
                        "value": "other@example.com",
                    }
                ],
            },
        )
    assert_scim_error(refused, 400, "invalidValue")
    assert "must equal userName" in refused.json()["detail"]
    assert_scim_error(refused_name, 400, "invalidValue")
    # Without e-mails, Webex makes the work e-mail from the userName.
    assert created.json()["emails"] == [
        {"value": "claire.moreau@example.com", "type": "work", "primary": True}
    ]
    assert_scim_error(changed_email, 400, "invalidValue")


async def test_patch_op_names_are_case_insensitive_and_answer_200_with_the_user(
    sandbox: SandboxServer, contract: WebexContract
) -> None:
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        user = (await http.post("Users", json=new_user("hugo.bernard@example.com"))).json()
        with contract.invalid_requests():  # Entra writes "Replace"; the spec "replace"
            response = await http.patch(
                f"Users/{user['id']}",
                json={
                    "schemas": [PATCH_OP],
                    "Operations": [{"op": "Replace", "path": "active", "value": False}],
                },
            )
        fetched = await http.get(f"Users/{user['id']}")
        found = await http.get("Users", params={"filter": 'userName eq "HUGO.BERNARD@example.com"'})
    assert response.status_code == 200
    assert response.json()["active"] is False
    # Disabled users are still returned, by id and by filter.
    assert fetched.status_code == 200
    assert fetched.json()["active"] is False
    assert found.json()["totalResults"] == 1
    assert found.json()["Resources"][0]["id"] == user["id"]


async def test_patch_without_target_is_no_target(sandbox: SandboxServer) -> None:
    user_id = sandbox.users()[0]["id"]
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        no_match = await http.patch(
            f"Users/{user_id}",
            json={
                "schemas": [PATCH_OP],
                "Operations": [
                    {
                        "op": "replace",
                        "path": 'phoneNumbers[type eq "fax"].value',
                        "value": "+33 1 23 45 67 89",
                    }
                ],
            },
        )
        no_path = await http.patch(
            f"Users/{user_id}", json={"schemas": [PATCH_OP], "Operations": [{"op": "remove"}]}
        )
    assert_scim_error(no_match, 400, "noTarget")
    assert_scim_error(no_path, 400, "noTarget")


async def test_users_carry_the_cisco_extension_with_the_org(sandbox: SandboxServer) -> None:
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        user = (await http.post("Users", json=new_user())).json()
        patched = await http.patch(
            f"Users/{user['id']}",
            json={
                "schemas": [PATCH_OP],
                "Operations": [
                    {"op": "add", "path": f"{CISCO_USER}:extensionAttribute1", "value": ["Lyon"]}
                ],
            },
        )
    assert CISCO_USER in user["schemas"]
    assert user[CISCO_USER]["accountStatus"] == ["active"]
    assert user[CISCO_USER]["meta"] == {"organizationId": sandbox.org_uuid}
    assert patched.json()[CISCO_USER]["extensionAttribute1"] == ["Lyon"]


async def test_put_replaces_and_delete_removes(sandbox: SandboxServer) -> None:
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        user = (
            await http.post("Users", json=new_user("lea.girard@example.com", title="Analyste"))
        ).json()
        replaced = await http.put(f"Users/{user['id']}", json=new_user("lea.girard@example.com"))
        deleted = await http.delete(f"Users/{user['id']}")
        gone = await http.get(f"Users/{user['id']}")
    assert replaced.status_code == 200
    assert "title" not in replaced.json()
    assert deleted.status_code == 204
    assert_scim_error(gone, 404)


async def test_search_pages_with_webex_default_count(sandbox: SandboxServer) -> None:
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        first = (await http.get("Users", params={"count": 4, "sortBy": "userName"})).json()
        second = (
            await http.get("Users", params={"count": 4, "startIndex": 5, "sortBy": "userName"})
        ).json()
    assert first["totalResults"] == 6
    assert first["itemsPerPage"] == 4
    assert second["itemsPerPage"] == 2
    names = [u["userName"] for u in first["Resources"] + second["Resources"]]
    assert names == sorted(names)
    assert len(set(names)) == 6


async def test_a_search_without_count_returns_webex_default_page_of_100() -> None:
    async with (
        SandboxServer(SandboxConfig(seed_users=105)) as big,
        client(big, big.tokens.full_admin) as http,
    ):
        first = (await http.get("Users")).json()
        rest = (await http.get("Users", params={"startIndex": 101})).json()
    assert (first["totalResults"], first["itemsPerPage"]) == (105, 100)
    assert rest["itemsPerPage"] == 5
    ids = {u["id"] for u in first["Resources"]} | {u["id"] for u in rest["Resources"]}
    assert len(ids) == 105


# -- Groups -------------------------------------------------------------------------------


async def test_group_members_endpoint(sandbox: SandboxServer) -> None:
    users = sandbox.users()[:3]
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        group = (
            await http.post(
                "Groups",
                json={
                    "schemas": [CORE_GROUP],
                    "displayName": "Équipe Lyon",
                    "members": [{"value": u["id"]} for u in users],
                },
            )
        ).json()
        members = (await http.get(f"Groups/{group['id']}/Members")).json()
        page = (
            await http.get(f"Groups/{group['id']}/Members", params={"startIndex": 3, "count": 2})
        ).json()
        groups_only = (
            await http.get(f"Groups/{group['id']}/Members", params={"memberType": "group"})
        ).json()
    assert members["schemas"] == ["urn:scim:schemas:extension:cisco:webexidentity:2.0:GroupMembers"]
    assert members["displayName"] == "Équipe Lyon"
    assert members["memberSize"] == 3
    assert {m["value"] for m in members["members"]} == {u["id"] for u in users}
    assert {m["display"] for m in members["members"]} == {u["displayName"] for u in users}
    assert all(m["type"] == "user" for m in members["members"])
    assert page["startIndex"] == 3
    assert page["itemsPerPage"] == 1
    assert groups_only["members"] == []


async def test_a_group_member_must_exist_and_entra_removal_works(
    sandbox: SandboxServer, contract: WebexContract
) -> None:
    users = sandbox.users()[:2]
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        unknown = await http.post(
            "Groups",
            json={
                "schemas": [CORE_GROUP],
                "displayName": "Ghosts",
                "members": [{"value": str(uuid.uuid4())}],
            },
        )
        group = (
            await http.post(
                "Groups",
                json={
                    "schemas": [CORE_GROUP],
                    "displayName": "Duo",
                    "members": [{"value": u["id"]} for u in users],
                },
            )
        ).json()
        # Microsoft Entra removes a member with a value instead of a path filter (and
        # writes "Remove", where the spec has "remove").
        with contract.invalid_requests():
            removed = await http.patch(
                f"Groups/{group['id']}",
                json={
                    "schemas": [PATCH_OP],
                    "Operations": [
                        {"op": "Remove", "path": "members", "value": [{"value": users[0]["id"]}]}
                    ],
                },
            )
    assert_scim_error(unknown, 400, "invalidValue")
    assert removed.status_code == 200
    assert [m["value"] for m in removed.json()["members"]] == [users[1]["id"]]


async def test_a_deleted_user_leaves_its_groups(sandbox: SandboxServer) -> None:
    users = sandbox.users()[:2]
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        group = (
            await http.post(
                "Groups",
                json={
                    "schemas": [CORE_GROUP],
                    "displayName": "Départ",
                    "members": [{"value": u["id"]} for u in users],
                },
            )
        ).json()
        assert (await http.delete(f"Users/{users[0]['id']}")).status_code == 204
        fetched = (await http.get(f"Groups/{group['id']}")).json()
        members = (await http.get(f"Groups/{group['id']}/Members")).json()
    assert [m["value"] for m in fetched["members"]] == [users[1]["id"]]
    assert members["memberSize"] == 1


# -- Bulk ---------------------------------------------------------------------------------


async def test_bulk_with_bulk_ids(sandbox: SandboxServer) -> None:
    bad = new_user()
    del bad["userType"]
    operations = [
        {
            "method": "POST",
            "path": "/Users",
            "bulkId": "u1",
            "data": new_user("ines.faure@example.com"),
        },
        {"method": "POST", "path": "/Users", "bulkId": "u2", "data": bad},
        {
            "method": "POST",
            "path": "/Groups",
            "bulkId": "g1",
            "data": {
                "schemas": [CORE_GROUP],
                "displayName": "Bulk",
                "members": [{"value": "bulkId:u1"}],
            },
        },
    ]
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        response = await http.post(
            "Bulk", json={"schemas": [BULK_REQUEST], "operations": operations}
        )
    assert response.status_code == 200
    results = {op["bulkId"]: op for op in response.json()["Operations"]}
    assert results["u1"]["status"] == "201"
    assert results["u2"]["status"] == "400"
    assert results["g1"]["status"] == "201"
    group = next(g for g in sandbox.groups() if g["displayName"] == "Bulk")
    user = next(u for u in sandbox.users() if u["userName"] == "ines.faure@example.com")
    assert [m["value"] for m in group["members"]] == [user["id"]]


async def test_bulk_takes_at_most_100_operations(sandbox: SandboxServer) -> None:
    operations = [
        {"method": "POST", "path": "/Users", "bulkId": f"b{i}", "data": new_user()}
        for i in range(101)
    ]
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        response = await http.post(
            "Bulk", json={"schemas": [BULK_REQUEST], "operations": operations}
        )
    # 400, not RFC 7644's 413: Cisco's spec lists no 413 among the Bulk answers.
    assert_scim_error(response, 400, "invalidValue")
    assert "100" in response.json()["detail"]
    assert len(sandbox.users()) == 6


# -- What the sandbox reports -------------------------------------------------------------


async def test_every_response_has_a_tracking_id_and_is_recorded(sandbox: SandboxServer) -> None:
    sandbox.reset_requests()
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        responses = [
            await http.get("Users"),
            await http.get("Users/does-not-exist"),
            await http.get(sandbox.people_me_url),
        ]
    ids = [r.headers["TrackingID"] for r in responses]
    assert len(set(ids)) == 3
    assert [(r.method, r.status) for r in sandbox.requests] == [
        ("GET", 200),
        ("GET", 404),
        ("GET", 200),
    ]
    assert sandbox.requests[2].path == "/v1/people/me"


async def test_seeded_users_have_french_and_english_names(sandbox: SandboxServer) -> None:
    users = sandbox.users()
    assert len(users) == 6
    assert len(sandbox.groups()) == 2
    locales = {u["locale"] for u in users}
    assert locales <= {"fr_FR", "en_GB"}
    for user in users:
        assert user["emails"][0]["value"] == user["userName"]
        assert user["userType"] == "user"
        assert user["active"] is True


# -- Cisco's spec: media type ---------------------------------------------------------------


async def test_every_webex_answer_is_application_json(sandbox: SandboxServer) -> None:
    """Successes, SCIM errors, Bulk, /Members, people/me and tokenExpiry alike (never
    application/scim+json: the spec names application/json only)."""
    user_id = sandbox.users()[0]["id"]
    group_id = sandbox.groups()[0]["id"]
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        answers = [
            await http.get("Users"),
            await http.get(f"Users/{user_id}"),
            await http.post("Users", json=new_user()),
            await http.post("Users", json=new_user(sandbox.users()[0]["userName"])),  # 409
            await http.get("Users", params={"filter": 'externalId eq "x"'}),  # 400
            await http.get("Users/does-not-exist"),  # 404
            await http.get(f"Groups/{group_id}"),
            await http.get(f"Groups/{group_id}/Members"),
            await http.post(
                "Bulk",
                json={
                    "schemas": [BULK_REQUEST],
                    "operations": [{"method": "DELETE", "path": "/Users/does-not-exist"}],
                },
            ),
            await http.get(sandbox.people_me_url),
            await http.get(sandbox.token_expiry_url),
        ]
    async with client(sandbox, sandbox.tokens.readonly_admin) as http:
        answers.append(await http.delete(f"Users/{user_id}"))  # 403
    async with client(sandbox, "not-a-token") as http:
        answers.append(await http.get("Users"))  # 401
    statuses = sorted({a.status_code for a in answers})
    assert statuses == [200, 201, 400, 401, 403, 404, 409]
    assert {a.headers["Content-Type"] for a in answers} == {"application/json"}


# -- Cisco's spec: searches -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'userName eq "{user_name}"',
        'userName sw "{user_name}"',
        'userName Eq "{user_name}" or userName eq "nobody@example.com"',
        'emails.value ew "{user_name}"',
        'name.familyName eq "{family}"',
        'department eq "{department}"',  # the enterprise extension, named bare as the table does
        f'{ENTERPRISE_USER}:department eq "{{department}}"',
        'phoneNumbers[type eq "mobile" and value eq "1"] or id eq "{id}"',
        f'{CISCO_USER}:meta.organizationId eq "{{org}}" and userName eq "{{user_name}}"',
    ],
)
async def test_user_search_takes_the_filters_of_cisco_table(
    sandbox: SandboxServer, text: str
) -> None:
    user = sandbox.users()[0]
    values = {
        "user_name": user["userName"],
        "family": user["name"]["familyName"],
        "department": user[ENTERPRISE_USER]["department"],
        "id": user["id"],
        "org": sandbox.org_uuid,
    }
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        response = await http.get("Users", params={"filter": text.format(**values)})
    assert response.status_code == 200, response.text
    assert user["id"] in {u["id"] for u in response.json()["Resources"]}


async def test_the_organization_filter_matches_this_org_only(sandbox: SandboxServer) -> None:
    organization = f"{CISCO_USER}:meta.organizationId eq"
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        here = await http.get("Users", params={"filter": f'{organization} "{sandbox.org_uuid}"'})
        elsewhere = await http.get("Users", params={"filter": f'{organization} "{uuid.uuid4()}"'})
    assert here.json()["totalResults"] == 6
    assert elsewhere.json()["totalResults"] == 0


@pytest.mark.parametrize(
    ("resource", "text"),
    [
        ("Users", 'externalId eq "x"'),  # not in the table: list and match locally instead
        ("Users", "active eq true"),
        ("Users", 'userName co "a"'),  # co is in no row of the table
        ("Users", 'name.givenName ew "a"'),  # givenName: eq and sw only
        ("Users", 'manager.value sw "a"'),  # manager.value: eq only
        ("Users", "title pr"),
        ("Users", 'not (userName eq "a")'),
        ("Users", 'emails[type eq "work" and display co "a"]'),
        ("Users", 'userName eq "unterminated'),  # not a filter at all
        ("Groups", 'externalId eq "x"'),
        ("Groups", 'displayName sw "a"'),
        ("Groups", 'members.value eq "x"'),
    ],
)
async def test_other_filters_are_answered_invalid_filter(
    sandbox: SandboxServer, resource: str, text: str
) -> None:
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        response = await http.get(resource, params={"filter": text})
    assert_scim_error(response, 400, "invalidFilter")


async def test_group_search_takes_display_name_and_id(sandbox: SandboxServer) -> None:
    first, second = sandbox.groups()
    text = f'displayName eq "{first["displayName"]}" or id eq "{second["id"]}"'
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        response = await http.get("Groups", params={"filter": text})
    assert {g["id"] for g in response.json()["Resources"]} == {first["id"], second["id"]}


@pytest.mark.parametrize(
    ("resource", "params", "good"),
    [
        ("Users", {"sortBy": "meta.lastModified", "sortOrder": "descending"}, True),
        ("Users", {"sortBy": "id"}, True),
        ("Users", {"sortBy": "title"}, False),
        ("Users", {"sortBy": "userName", "sortOrder": "upwards"}, False),
        ("Groups", {"sortBy": "displayName"}, True),
        ("Groups", {"sortBy": "userName"}, False),
    ],
)
async def test_sort_by_only_what_the_spec_allows(
    sandbox: SandboxServer, resource: str, params: dict[str, str], good: bool
) -> None:
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        response = await http.get(resource, params=params)
    if good:
        assert response.status_code == 200
    else:
        assert_scim_error(response, 400, "invalidValue")


async def test_no_post_search(sandbox: SandboxServer, contract: WebexContract) -> None:
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        with contract.invalid_requests():  # not in the spec: Webex searches with GET
            response = await http.post(
                "Users/.search",
                json={"schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"]},
            )
    assert_scim_error(response, 404)


# -- Cisco's spec: group members ------------------------------------------------------------


async def test_group_search_gives_members_only_when_asked(sandbox: SandboxServer) -> None:
    users = sandbox.users()[:2]
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        group = (
            await http.post(
                "Groups",
                json={
                    "schemas": [CORE_GROUP],
                    "displayName": "Trio",
                    "members": [{"value": u["id"]} for u in users]
                    + [{"value": sandbox.groups()[0]["id"]}],
                },
            )
        ).json()
        found = {"filter": 'displayName eq "Trio"'}
        plain = (await http.get("Groups", params=found)).json()
        with_members = (await http.get("Groups", params={**found, "includeMembers": "true"})).json()
        groups_only = (
            await http.get(
                "Groups", params={**found, "includeMembers": "true", "memberType": "group"}
            )
        ).json()
        single = (await http.get(f"Groups/{group['id']}")).json()
    assert "members" not in plain["Resources"][0]
    members = with_members["Resources"][0]["members"]
    assert [(m["value"], m["type"]) for m in members] == [(u["id"], "user") for u in users] + [
        (sandbox.groups()[0]["id"], "group")
    ]
    assert {m["display"] for m in members[:2]} == {u["displayName"] for u in users}
    assert [m["type"] for m in groups_only["Resources"][0]["members"]] == ["group"]
    assert len(single["members"]) == 3  # a group's own answer has its members


async def test_a_group_answer_holds_500_members_and_members_pages_the_rest() -> None:
    contract = WebexContract()
    async with (
        contract_sandbox(SandboxConfig(seed_users=501), contract=contract) as (big, _),
        client(big, big.tokens.full_admin) as http,
    ):
        ids = [u["id"] for u in big.users()]
        group = (
            await http.post(
                "Groups",
                json={
                    "schemas": [CORE_GROUP],
                    "displayName": "Everyone",
                    "members": [{"value": i} for i in ids],
                },
            )
        ).json()
        members_url = f"Groups/{group['id']}/Members"
        single = (await http.get(f"Groups/{group['id']}")).json()
        first = (await http.get(members_url)).json()
        rest = (await http.get(members_url, params={"startIndex": 501, "count": 100})).json()
        none = (await http.get(members_url, params={"count": 0})).json()
        too_many = await http.get(members_url, params={"count": 501})
        from_zero = await http.get(members_url, params={"startIndex": 0})
    assert len(group["members"]) == len(single["members"]) == 500
    assert (first["totalResults"], first["memberSize"]) == (501, 501)
    assert (first["itemsPerPage"], first["startIndex"]) == (500, 1)
    assert [m["value"] for m in first["members"] + rest["members"]] == ids
    assert (none["itemsPerPage"], none["members"], none["totalResults"]) == (0, [], 501)
    assert_scim_error(too_many, 400, "invalidValue")
    assert_scim_error(from_zero, 400, "invalidValue")


# -- Cisco's spec: who may do what ----------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "users", "groups"),
    [
        ("full_admin", True, True),
        ("user_admin", True, False),
        ("group_admin", False, True),
    ],
)
async def test_admin_roles_reach_users_and_groups_as_the_spec_lists(
    sandbox: SandboxServer, kind: str, users: bool, groups: bool
) -> None:
    group_id = sandbox.groups()[0]["id"]
    user_id = sandbox.users()[0]["id"]
    async with client(sandbox, getattr(sandbox.tokens, kind)) as http:
        user_answers = [
            await http.get("Users"),
            await http.get(f"Users/{user_id}"),
            await http.post("Users", json=new_user()),
        ]
        group_answers = [
            await http.get("Groups"),
            await http.get(f"Groups/{group_id}"),
            await http.get(f"Groups/{group_id}/Members"),
            await http.post("Groups", json={"schemas": [CORE_GROUP], "displayName": kind}),
        ]
        bulk = await http.post(
            "Bulk",
            json={
                "schemas": [BULK_REQUEST],
                "operations": [
                    {"method": "POST", "path": "/Users", "bulkId": "u", "data": new_user()},
                    {
                        "method": "POST",
                        "path": "/Groups",
                        "bulkId": "g",
                        "data": {"schemas": [CORE_GROUP], "displayName": f"{kind} bulk"},
                    },
                ],
            },
        )
    for answers, allowed in ((user_answers, users), (group_answers, groups)):
        for answer in answers:
            if allowed:
                assert answer.status_code in (200, 201), answer.text
            else:
                assert_scim_error(answer, 403)
    assert [op["status"] for op in bulk.json()["Operations"]] == [
        "201" if users else "403",
        "201" if groups else "403",
    ]


@pytest.mark.parametrize(
    ("kind", "role"), [("user_admin", "id_user_admin"), ("group_admin", "id_group_admin")]
)
async def test_people_me_gives_the_role_of_the_new_admin_tokens(
    sandbox: SandboxServer, kind: str, role: str
) -> None:
    async with httpx.AsyncClient(
        headers={"Authorization": f"Bearer {getattr(sandbox.tokens, kind)}"}
    ) as http:
        me = (await http.get(sandbox.people_me_url)).json()
    assert me["roles"] == [webex_id("ROLE", role)]
    assert me["orgId"] == sandbox.org_id
    assert me["type"] == "person"


# -- Cisco's spec: attribute shapes ---------------------------------------------------------


async def test_external_attributes_are_lists_of_source_and_value(sandbox: SandboxServer) -> None:
    attributes = {
        "accountStatus": "active",  # a string in a request, as the spec's PostUser has it
        "externalAttribute1": [{"source": "Entra", "value": "E-1042"}],
        "externalAttribute15": [{"source": "Entra", "value": "Lyon"}],
    }
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        created = await http.post(
            "Users",
            json=new_user(schemas=[CORE_USER, CISCO_USER], **{CISCO_USER: attributes}),
        )
    assert created.status_code == 201, created.text
    extension = created.json()[CISCO_USER]
    assert extension["externalAttribute1"] == [{"source": "Entra", "value": "E-1042"}]
    assert extension["externalAttribute15"] == [{"source": "Entra", "value": "Lyon"}]
    assert extension["accountStatus"] == ["active"]  # a list in an answer


@pytest.mark.parametrize(
    "value",
    [
        "E-1042",  # a plain string, not a list of objects
        ["E-1042"],
        [{"value": "E-1042"}],  # no source
        [{"source": "Entra"}],  # no value
        [{"source": "", "value": "E-1042"}],
    ],
)
async def test_external_attributes_of_another_shape_are_refused(
    sandbox: SandboxServer, contract: WebexContract, value: object
) -> None:
    body = new_user(
        schemas=[CORE_USER, CISCO_USER],
        **{CISCO_USER: {"accountStatus": "active", "externalAttribute2": value}},
    )
    user = sandbox.users()[0]
    patch = {
        "schemas": [PATCH_OP],
        "Operations": [{"op": "add", "path": f"{CISCO_USER}:externalAttribute2", "value": value}],
    }
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        with contract.invalid_requests():
            created = await http.post("Users", json=body)
        patched = await http.patch(f"Users/{user['id']}", json=patch)
    for response in (created, patched):
        assert_scim_error(response, 400, "invalidValue")
    assert "externalAttribute2" in created.json()["detail"]
    assert len(sandbox.users()) == 6
    assert sandbox.users()[0] == user


@pytest.mark.parametrize("attribute", ["preferredLanguage", "locale"])
async def test_languages_are_written_ll_cc(sandbox: SandboxServer, attribute: str) -> None:
    user_id = sandbox.users()[0]["id"]
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        good = await http.post("Users", json=new_user(**{attribute: "fr_FR"}))
        refused = [
            await http.post("Users", json=new_user(**{attribute: tag}))
            for tag in ("fr-FR", "fr", "FR_fr", "french")
        ]
        patched = await http.patch(
            f"Users/{user_id}",
            json={
                "schemas": [PATCH_OP],
                "Operations": [{"op": "replace", "path": attribute, "value": "en-US"}],
            },
        )
    assert good.status_code == 201
    assert good.json()[attribute] == "fr_FR"
    for response in [*refused, patched]:
        assert_scim_error(response, 400, "invalidValue")
        assert "ll_CC" in response.json()["detail"]


# -- Cisco's spec: token lifetime -----------------------------------------------------------


@pytest.mark.parametrize(
    "kind", ["full_admin", "readonly_admin", "user_admin", "group_admin", "bot", "other_org"]
)
async def test_token_expiry_tells_when_the_token_stops_working(
    sandbox: SandboxServer, kind: str
) -> None:
    before = time.time() * 1000
    async with httpx.AsyncClient(
        headers={"Authorization": f"Bearer {getattr(sandbox.tokens, kind)}"}
    ) as http:
        response = await http.get(sandbox.token_expiry_url)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    exp = response.json()["exp"]
    assert isinstance(exp, int)
    assert before + 13 * 86_400_000 < exp < before + 15 * 86_400_000  # 14 days, in ms


@pytest.mark.parametrize("token", ["expired", "unknown", "scim_app", None])
async def test_token_expiry_refuses_what_webex_would_not_know(
    sandbox: SandboxServer, contract: WebexContract, token: str | None
) -> None:
    value = {
        "expired": sandbox.tokens.expired,
        "unknown": "not-a-token",
        "scim_app": sandbox.tokens.scim_app,
        None: None,
    }[token]
    headers = {"Authorization": f"Bearer {value}"} if value else {}
    async with httpx.AsyncClient(headers=headers) as http:
        response = await http.get(sandbox.token_expiry_url)
    assert response.status_code == 401
    assert response.json()["message"] == WEBEX_401_MESSAGE
    assert response.json()["trackingId"] == response.headers["TrackingID"]


async def test_answers_keep_what_the_spec_requires_whatever_attributes_ask(
    sandbox: SandboxServer,
) -> None:
    user_id = sandbox.users()[0]["id"]
    group_id = sandbox.groups()[0]["id"]
    async with client(sandbox, sandbox.tokens.full_admin) as http:
        users = (await http.get("Users", params={"attributes": "id,externalId"})).json()
        user = (await http.get(f"Users/{user_id}", params={"excludedAttributes": "meta"})).json()
        groups = (await http.get("Groups", params={"attributes": "id"})).json()
        group = (await http.get(f"Groups/{group_id}", params={"attributes": "externalId"})).json()
    for answer in [*users["Resources"], user]:
        assert {"id", "userName", "userType", "meta"} <= set(answer)
        assert "name" not in answer or answer is user
    for answer in [*groups["Resources"], group]:
        assert {"id", "displayName", "meta"} <= set(answer)


async def test_removing_many_members_by_value_is_quick_and_exact() -> None:
    """100 removals by value from a 1,200-member group: what a client sends (at most 100
    operations a request); the sandbox answers well within a client's timeout."""
    contract = WebexContract()
    async with (
        contract_sandbox(SandboxConfig(seed_users=1200), contract=contract) as (big, _),
        client(big, big.tokens.full_admin) as http,
    ):
        ids = [u["id"] for u in big.users()]
        group = {
            "schemas": [CORE_GROUP],
            "displayName": "All",
            "members": [{"value": i} for i in ids],
        }
        group_id = (await http.post("Groups", json=group)).json()["id"]
        removals = [{"op": "remove", "path": f'members[value eq "{i}"]'} for i in ids[100:200]]
        started = time.monotonic()
        removed = await http.patch(
            f"Groups/{group_id}", json={"schemas": [PATCH_OP], "Operations": removals}
        )
        took = time.monotonic() - started
        # A removal of a value that is not a member goes scim2-models' way, as before.
        again = await http.patch(
            f"Groups/{group_id}", json={"schemas": [PATCH_OP], "Operations": removals[:1]}
        )
        members = (await http.get(f"Groups/{group_id}/Members", params={"count": 500})).json()
    assert removed.status_code == 200, removed.text
    assert took < 1.5, took  # scim2-models alone: about 3 s on this machine
    assert again.status_code == 200, again.text
    stored = next(g for g in big.groups() if g["id"] == group_id)
    assert [m["value"] for m in stored["members"]] == ids[:100] + ids[200:]
    assert members["totalResults"] == 1100
