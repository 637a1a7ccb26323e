"""The Entra source's pure parts: attributes as mappings see them, $select, authority URLs,
token claims, Graph error mapping, and the watermark's round trip."""

from __future__ import annotations

import base64
import json

import httpx
import pytest

from app.config.profile import EntraSettings
from app.directory.entra.auth import authority_url, granted_permissions, graph_scope
from app.directory.entra.records import flatten_user, user_select
from app.directory.entra.watermark import WatermarkState
from app.directory.graph import (
    DeltaExpired,
    GraphClient,
    GraphPermissionError,
    check_graph_url,
    required_permission,
)
from app.errors import InputError


def test_extension_attributes_are_flattened_and_disabled_users_read_as_soft_deleted() -> None:
    raw = {
        "id": "u1",
        "userPrincipalName": "zoe@contoso.example.com",
        "displayName": "Zoé Côté",
        "accountEnabled": False,
        "onPremisesExtensionAttributes": {"extensionAttribute3": "CC-42"},
    }
    attributes = flatten_user(
        raw,
        [
            "id",
            "userPrincipalName",
            "displayName",
            "accountEnabled",
            "onPremisesExtensionAttributes",
        ],
    )
    assert attributes["onPremisesExtensionAttributes.extensionAttribute3"] == "CC-42"
    assert attributes["onPremisesExtensionAttributes.extensionAttribute1"] is None
    assert "onPremisesExtensionAttributes" not in attributes
    assert attributes["displayName"] == "Zoé Côté"
    assert attributes["objectId"] == "u1"
    assert (attributes["accountEnabled"], attributes["IsSoftDeleted"]) == (False, True)


def test_select_always_has_the_identity_fields_and_the_parent_of_nested_attributes() -> None:
    select, roles = user_select(["givenName", "onPremisesExtensionAttributes.extensionAttribute7"])
    assert {
        "id",
        "userPrincipalName",
        "accountEnabled",
        "givenName",
        "onPremisesExtensionAttributes",
    } == set(select)
    assert not roles
    _, roles = user_select(["appRoleAssignments"])
    assert roles
    everything, _ = user_select(None)
    assert {"jobTitle", "department", "employeeId", "businessPhones"} <= set(everything)


@pytest.mark.parametrize(
    ("authority", "expected"),
    [
        ("https://login.microsoftonline.com", "https://login.microsoftonline.com/contoso-id"),
        ("https://login.microsoftonline.us/", "https://login.microsoftonline.us/contoso-id"),
        ("https://127.0.0.1:8443/other-tenant", "https://127.0.0.1:8443/other-tenant"),
    ],
)
def test_authority_url_adds_the_tenant(authority: str, expected: str) -> None:
    settings = EntraSettings(tenant_id="contoso-id", client_id="app", authority=authority)
    assert authority_url(settings) == expected


def test_graph_scope_and_url_for_national_clouds() -> None:
    assert graph_scope("https://graph.microsoft.us") == "https://graph.microsoft.us/.default"
    assert check_graph_url("https://graph.microsoft.com/v1.0/") == "https://graph.microsoft.com"
    assert check_graph_url("http://127.0.0.1:9000") == "http://127.0.0.1:9000"
    with pytest.raises(InputError, match="https"):
        check_graph_url("http://graph.example.com")


def test_permissions_come_from_roles_or_scp() -> None:
    def jwt(claims: dict[str, object]) -> str:
        body = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
        return f"e30.{body}.sig"

    assert granted_permissions(jwt({"roles": ["User.Read.All"]})) == {"User.Read.All"}
    assert granted_permissions(jwt({"scp": "User.Read.All Group.Read.All"})) == {
        "User.Read.All",
        "Group.Read.All",
    }
    assert granted_permissions("not-a-jwt") == set()


def test_required_permission_per_endpoint() -> None:
    assert (
        required_permission("https://g/v1.0/servicePrincipals/x/appRoleAssignedTo")
        == "Application.Read.All"
    )
    assert required_permission("https://g/v1.0/groups/delta") == "Group.Read.All"
    assert required_permission("https://g/v1.0/users/delta?$deltatoken=x") == "User.Read.All"


class _Tokens:
    permission_kind = "application"

    async def token(self) -> str:
        return "t"

    async def refresh(self) -> str:
        return "t2"


@pytest.mark.parametrize("status", [400, 410])
@pytest.mark.parametrize("code", ["syncStateNotFound", "SyncStateNotFound", "SYNCSTATENOTFOUND"])
def test_an_expired_delta_link_is_recognised_in_any_letter_case(status: int, code: str) -> None:
    client = GraphClient("https://graph.microsoft.com", _Tokens(), client=httpx.AsyncClient())
    response = httpx.Response(status, json={"error": {"code": code, "message": "gone"}})
    assert isinstance(
        client._error(response, "https://graph.microsoft.com/v1.0/users/delta"), DeltaExpired
    )


def test_a_403_names_the_permission_and_the_consent_step() -> None:
    client = GraphClient("https://graph.microsoft.com", _Tokens(), client=httpx.AsyncClient())
    response = httpx.Response(
        403, json={"error": {"code": "Authorization_RequestDenied", "message": "no"}}
    )
    error = client._error(response, "https://graph.microsoft.com/v1.0/groups/g1/members")
    assert isinstance(error, GraphPermissionError)
    assert error.permission == "Group.Read.All"
    assert "Group.Read.All (application)" in error.next_step and "admin consent" in error.next_step


def test_the_watermark_round_trips_and_refuses_garbage() -> None:
    state = WatermarkState(
        "assigned",
        "abc",
        "https://g/users/delta?$deltatoken=1",
        "https://g/groups/delta?$deltatoken=2",
    )
    state.in_scope = {"u1", "u2"}
    state.groups = {"g1": ["u1"]}
    state.scoped_groups = {"g1"}
    state.group_names = {"g1": "Équipe"}
    again = WatermarkState.load(state.dump())
    assert again == state
    assert WatermarkState.load("not json") is None
    assert WatermarkState.load(json.dumps({"v": 99})) is None
