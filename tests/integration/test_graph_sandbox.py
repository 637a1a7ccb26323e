"""The Graph sandbox as a server: served from a thread, TLS from its own CA, paging, $top,
filters, permissions, and the device-login page a person uses."""

from __future__ import annotations

import ssl

import httpx
import pytest

from app.sandbox.graph.server import GraphSandbox, GraphSandboxConfig


def _client(sandbox: GraphSandbox) -> httpx.Client:
    return httpx.Client(
        verify=ssl.create_default_context(cafile=sandbox.ca_file), base_url=sandbox.base_url
    )


def _token(client: httpx.Client, sandbox: GraphSandbox, client_id: str, secret: str) -> str:
    answer = client.post(
        f"/{sandbox.tenant_id}/oauth2/v2.0/token",
        data={
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": secret,
            "scope": "https://graph.microsoft.com/.default",
        },
    )
    assert answer.status_code == 200, answer.text
    return str(answer.json()["access_token"])


def test_served_from_a_thread_with_paging_filters_and_permissions() -> None:
    with (
        GraphSandbox.in_thread(GraphSandboxConfig(user_count=150)) as sandbox,
        _client(sandbox) as client,
    ):
        # Only the sandbox's CA makes the certificate trusted.
        with (
            pytest.raises(httpx.ConnectError),
            httpx.Client(verify=ssl.create_default_context()) as bare,
        ):
            bare.get(
                f"{sandbox.base_url}/{sandbox.tenant_id}/v2.0/.well-known/openid-configuration"
            )

        auth = {
            "Authorization": f"Bearer {_token(client, sandbox, sandbox.client_id, sandbox.client_secret)}"
        }
        first = client.get(
            "/v1.0/users", params={"$top": "100", "$select": "id,displayName"}, headers=auth
        ).json()
        assert len(first["value"]) == 100 and set(first["value"][0]) == {"id", "displayName"}
        rest = client.get(first["@odata.nextLink"], headers=auth).json()
        assert len(rest["value"]) == 50 and "@odata.nextLink" not in rest
        assert client.get("/v1.0/users", params={"$top": "1000"}, headers=auth).status_code == 400

        found = client.get(
            "/v1.0/servicePrincipals",
            params={"$filter": "displayName eq 'Cisco Webex'"},
            headers=auth,
        ).json()
        assert [sp["displayName"] for sp in found["value"]] == ["Cisco Webex"]
        assert (
            client.get("/v1.0/users", headers={"Authorization": "Bearer forged"}).status_code == 401
        )

        limited = sandbox.register_client(("User.Read.All",))
        limited_auth = {
            "Authorization": f"Bearer {_token(client, sandbox, limited.client_id, limited.secret)}"
        }
        refused = client.get("/v1.0/servicePrincipals", headers=limited_auth)
        assert refused.status_code == 403
        assert refused.json()["error"]["code"] == "Authorization_RequestDenied"
        assert limited.secret not in repr(limited)


def test_a_person_signs_in_on_the_device_login_page() -> None:
    with GraphSandbox.in_thread() as sandbox, _client(sandbox) as client:
        flow = client.post(
            f"/{sandbox.tenant_id}/oauth2/v2.0/devicecode",
            data={"client_id": sandbox.client_id, "scope": "https://graph.microsoft.com/.default"},
        ).json()
        poll = {
            "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
            "client_id": sandbox.client_id,
            "device_code": flow["device_code"],
        }
        pending = client.post(f"/{sandbox.tenant_id}/oauth2/v2.0/token", data=poll)
        assert pending.json()["error"] == "authorization_pending"
        page = client.post("/devicelogin", data={"code": flow["user_code"].lower()})
        assert "You have signed in" in page.text
        tokens = client.post(f"/{sandbox.tenant_id}/oauth2/v2.0/token", data=poll).json()
        assert {"access_token", "refresh_token", "id_token"} <= set(tokens)


def _signed_in(sandbox: GraphSandbox, client: httpx.Client) -> dict[str, str]:
    return {
        "Authorization": f"Bearer {_token(client, sandbox, sandbox.client_id, sandbox.client_secret)}"
    }


def _round(client: httpx.Client, auth: dict[str, str], url: str, **params: str) -> tuple[list, str]:
    """Every entry of a delta round, and its delta link."""
    entries: list[dict] = []
    answer = client.get(url, params=params or None, headers=auth)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    while True:
        entries.extend(body["value"])
        if "@odata.deltaLink" in body:
            return entries, body["@odata.deltaLink"]
        body = client.get(body["@odata.nextLink"], headers=auth).json()


def test_select_takes_the_entitys_properties_only_in_any_letter_case() -> None:
    with (
        GraphSandbox.in_thread(GraphSandboxConfig(user_count=40)) as sandbox,
        _client(sandbox) as client,
    ):
        auth = _signed_in(sandbox, client)
        tenant = sandbox.tenant
        user = tenant.live_users()[0]["id"]
        group = tenant.group_by_name("Webex - Support")["id"]
        webex = tenant.application()["id"]
        # Microsoft's spelling in the answer, whatever the request's letter case.
        listed = client.get(
            "/v1.0/users", params={"$select": "ID,DisplayName,JOBTITLE"}, headers=auth
        ).json()
        assert set(listed["value"][0]) == {"id", "displayName", "jobTitle"}

        # A navigation property, a group's property, a name nobody has: Graph's 400, on
        # every endpoint that takes $select.
        refused = [
            ("/v1.0/users", "id,members", "members", "user"),
            ("/v1.0/users", "id,manager", "manager", "user"),
            ("/v1.0/users", "id,securityEnabled", "securityEnabled", "user"),
            (f"/v1.0/users/{user}", "id,memberOf", "memberOf", "user"),
            ("/v1.0/users/delta", "id,members", "members", "user"),
            ("/v1.0/groups", "id,manager", "manager", "group"),
            ("/v1.0/groups", "id,owners", "owners", "group"),
            ("/v1.0/groups/delta", "id,manager", "manager", "group"),
            (f"/v1.0/groups/{group}/members", "id,nickname", "nickname", "directoryObject"),
            (
                "/v1.0/servicePrincipals",
                "id,userPrincipalName",
                "userPrincipalName",
                "servicePrincipal",
            ),
            (
                f"/v1.0/servicePrincipals/{webex}/appRoleAssignedTo",
                "id,appRoles",
                "appRoles",
                "appRoleAssignment",
            ),
        ]
        for path, select, name, entity in refused:
            answer = client.get(path, params={"$select": select}, headers=auth)
            assert answer.status_code == 400, (path, select)
            error = answer.json()["error"]
            assert error["code"] == "Request_BadRequest", (path, select)
            assert error["message"] == (
                f"Could not find a property named '{name}' on type 'microsoft.graph.{entity}'."
            )


def test_delta_tracks_manager_and_members_through_select_and_refuses_expand() -> None:
    with (
        GraphSandbox.in_thread(GraphSandboxConfig(user_count=40)) as sandbox,
        _client(sandbox) as client,
    ):
        auth = _signed_in(sandbox, client)
        tenant = sandbox.tenant
        groups, link = _round(
            client, auth, "/v1.0/groups/delta", **{"$select": "displayName,Members"}
        )
        support = tenant.group_by_name("Webex - Support")["id"]
        entry = next(g for g in groups if g["id"] == support)
        assert {m["id"] for m in entry["members@delta"]} == set(tenant.members[support])
        # Without `members` in $select, no members@delta.
        plain, _ = _round(client, auth, "/v1.0/groups/delta", **{"$select": "displayName"})
        assert not any("members@delta" in g for g in plain)

        newcomer = tenant.add_user("Zoé", "Brûlé", department="Support")
        tenant.add_member(support, newcomer)
        changes, _ = _round(client, auth, link)
        changed = next(g for g in changes if g["id"] == support)
        assert changed["members@delta"] == [
            {"@odata.type": "#microsoft.graph.user", "id": newcomer}
        ]

        users, _ = _round(client, auth, "/v1.0/users/delta", **{"$select": "id,manager"})
        assert any("manager@delta" in u for u in users)
        for path, expand in (
            ("/v1.0/users/delta", "manager"),
            ("/v1.0/users/delta", "manager($select=id)"),
            ("/v1.0/groups/delta", "members"),
        ):
            refused = client.get(path, params={"$expand": expand}, headers=auth)
            assert refused.status_code == 400, (path, expand)
            assert "'$expand' is not supported for delta" in refused.json()["error"]["message"]


def test_users_expand_the_managers_id() -> None:
    with (
        GraphSandbox.in_thread(GraphSandboxConfig(user_count=40)) as sandbox,
        _client(sandbox) as client,
    ):
        auth = _signed_in(sandbox, client)
        tenant = sandbox.tenant
        managed = next(u["id"] for u in tenant.live_users() if tenant.manager_of(u["id"]))
        params = {"$select": "id,displayName", "$expand": "manager($select=id)"}
        one = client.get(f"/v1.0/users/{managed}", params=params, headers=auth).json()
        assert one["manager"] == {
            "@odata.type": "#microsoft.graph.user",
            "id": tenant.manager_of(managed),
        }
        listed = client.get("/v1.0/users", params=params, headers=auth).json()["value"]
        assert next(u for u in listed if u["id"] == managed)["manager"]["id"] == tenant.manager_of(
            managed
        )
        # The manager's own $select follows the same rule; groups do not expand a manager.
        bad = client.get(
            "/v1.0/users", params={"$expand": "manager($select=id,members)"}, headers=auth
        )
        assert bad.status_code == 400
        assert "'members' on type 'microsoft.graph.user'" in bad.json()["error"]["message"]
        assert (
            client.get("/v1.0/groups", params={"$expand": "manager"}, headers=auth).status_code
            == 400
        )


def test_group_members_include_devices_contacts_and_service_principals() -> None:
    with (
        GraphSandbox.in_thread(GraphSandboxConfig(user_count=40)) as sandbox,
        _client(sandbox) as client,
    ):
        auth = _signed_in(sandbox, client)
        tenant = sandbox.tenant
        kinds: set[str] = set()
        for name in ("Webex - Ventes / Sales", "Webex - Support", "Webex - Pilotes"):
            group = tenant.group_by_name(name)["id"]
            members = client.get(
                f"/v1.0/groups/{group}/members",
                params={"$select": "id,displayName", "$top": "999"},
                headers=auth,
            ).json()["value"]
            kinds |= {m["@odata.type"] for m in members}
            assert all(set(m) == {"@odata.type", "id", "displayName"} for m in members)
        assert kinds >= {
            "#microsoft.graph.user",
            "#microsoft.graph.group",
            "#microsoft.graph.device",
            "#microsoft.graph.orgContact",
            "#microsoft.graph.servicePrincipal",
        }
        groups, _ = _round(client, auth, "/v1.0/groups/delta", **{"$select": "id,members"})
        reported = {m["@odata.type"] for g in groups for m in g.get("members@delta", [])}
        assert "#microsoft.graph.device" in reported and "#microsoft.graph.orgContact" in reported


def test_filter_and_orderby_take_properties_only() -> None:
    with (
        GraphSandbox.in_thread(GraphSandboxConfig(user_count=40)) as sandbox,
        _client(sandbox) as client,
    ):
        auth = _signed_in(sandbox, client)
        tenant = sandbox.tenant
        someone = tenant.live_users()[3]
        found = client.get(
            "/v1.0/users",
            params={"$filter": f"userPrincipalName eq '{someone['userPrincipalName'].upper()}'"},
            headers=auth,
        ).json()["value"]
        assert [u["id"] for u in found] == [someone["id"]]
        ordered = client.get(
            "/v1.0/groups",
            params={"$orderby": "displayName desc", "$select": "displayName"},
            headers=auth,
        ).json()["value"]
        names = [g["displayName"] for g in ordered]
        assert names == sorted(names, key=str.casefold, reverse=True)
        for path, option, value, name, entity in (
            ("/v1.0/users", "$filter", "upn eq 'a@b.c'", "upn", "user"),
            ("/v1.0/users", "$filter", "manager eq 'x'", "manager", "user"),
            (
                "/v1.0/servicePrincipals",
                "$filter",
                "name eq 'Cisco Webex'",
                "name",
                "servicePrincipal",
            ),
            ("/v1.0/groups", "$orderby", "members", "members", "group"),
        ):
            answer = client.get(path, params={option: value}, headers=auth)
            assert answer.status_code == 400, (path, value)
            assert answer.json()["error"]["message"] == (
                f"Could not find a property named '{name}' on type 'microsoft.graph.{entity}'."
            )


@pytest.mark.parametrize(
    ("status", "location", "code"),
    [
        (400, False, "SyncStateNotFound"),
        (410, True, "syncStateNotFound"),
        (410, False, "syncStateNotFound"),
    ],
)
def test_an_expired_delta_link_is_answered_as_configured(
    status: int, location: bool, code: str
) -> None:
    config = GraphSandboxConfig(
        user_count=20, expired_delta_status=status, expired_delta_location=location
    )
    with GraphSandbox.in_thread(config) as sandbox, _client(sandbox) as client:
        auth = _signed_in(sandbox, client)
        _, link = _round(client, auth, "/v1.0/users/delta", **{"$select": "id"})
        sandbox.tenant.expire_delta_tokens()
        answer = client.get(link, headers=auth)
        assert answer.status_code == status
        assert answer.json()["error"]["code"] == code
        assert ("location" in answer.headers) is location
        if location:
            assert answer.headers["location"] == f"{sandbox.graph_url}/v1.0/users/delta"


def test_an_unknown_query_option_is_refused() -> None:
    with (
        GraphSandbox.in_thread(GraphSandboxConfig(user_count=10)) as sandbox,
        _client(sandbox) as client,
    ):
        auth = _signed_in(sandbox, client)
        answer = client.get("/v1.0/users", params={"$selct": "id"}, headers=auth)
        assert answer.status_code == 400
        assert (
            answer.json()["error"]["message"] == "Unrecognized query argument specified: '$selct'."
        )
        assert client.get("/v1.0/users", params={"$top": "5"}, headers=auth).status_code == 200
