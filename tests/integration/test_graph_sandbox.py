"""The Graph sandbox as a server: served from a thread, TLS from its own CA, paging, $top,
filters, permissions, and the device-login page a person uses."""

from __future__ import annotations

import ssl

import httpx
import pytest

from app.sandbox.graph import GraphSandbox, GraphSandboxConfig


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
