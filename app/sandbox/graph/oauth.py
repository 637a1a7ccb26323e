"""The Graph sandbox's OAuth side: an authority as the Microsoft identity platform (v2.0) answers.

/{tenant}/v2.0/.well-known/openid-configuration, /{tenant}/oauth2/v2.0/devicecode and
/{tenant}/oauth2/v2.0/token (client credentials with a secret, device code, refresh token),
the /devicelogin page where a person enters a code, the app registrations and the access
tokens handed out, which the Graph side checks (`Authority.token_for`).
"""

from __future__ import annotations

import re
import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from app.sandbox.graph.responses import Response, b64, json_response, oauth_error

if TYPE_CHECKING:  # the sandbox's settings, read at each request (tests change them)
    from app.sandbox.graph.server import GraphSandboxConfig

GRAPH_PERMISSIONS = ("User.Read.All", "Group.Read.All", "Application.Read.All")
ADMIN_USER_NAME = "admin@contoso.example.com"
_ENDPOINT = re.compile(
    r"/([^/]+)/(v2\.0/\.well-known/openid-configuration|oauth2/v2\.0/token|oauth2/v2\.0/devicecode)"
)
_DEVICE_CODE_GRANTS = ("urn:ietf:params:oauth:grant-type:device_code", "device_code")


@dataclass
class ClientApp:
    """An app registration: its id, its secret, the application permissions it was granted."""

    client_id: str
    secret: str
    roles: tuple[str, ...]
    public_client: bool = True  # "Allow public client flows" (device code)

    def __repr__(self) -> str:  # the secret stays out of test output
        return f"ClientApp(client_id={self.client_id!r}, roles={self.roles!r})"


@dataclass
class AccessToken:
    client_id: str
    expires_at: float
    roles: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()  # delegated (device code) tokens carry scp instead of roles


@dataclass
class DeviceCode:
    device_code: str
    user_code: str
    client_id: str
    scopes: tuple[str, ...]
    expires_at: float
    approved: bool = False


class Authority:
    """The authority of one tenant: its app registrations, device codes and tokens."""

    def __init__(
        self, tenant_id: str, config: GraphSandboxConfig, base_url: Callable[[], str]
    ) -> None:
        self.tenant_id = tenant_id
        self.config = config
        self._base_url = base_url  # known once the sandbox listens
        self.clients: dict[str, ClientApp] = {}
        self._tokens: dict[str, AccessToken] = {}
        self._refresh_tokens: dict[str, DeviceCode] = {}
        self._device_codes: dict[str, DeviceCode] = {}

    # ----- what the sandbox offers tests --------------------------------------------

    def register_client(
        self, roles: tuple[str, ...] | list[str] = GRAPH_PERMISSIONS, *, public_client: bool = True
    ) -> ClientApp:
        """A new app registration granted `roles` (application permissions)."""
        app = ClientApp(
            str(uuid.uuid4()), "sbx~" + secrets.token_urlsafe(24), tuple(roles), public_client
        )
        self.clients[app.client_id] = app
        return app

    def revoke_tokens(self) -> None:
        """Invalidate every access token handed out (Graph then answers 401)."""
        self._tokens.clear()

    def pending_device_codes(self) -> list[str]:
        now = time.time()
        return [
            d.user_code
            for d in self._device_codes.values()
            if not d.approved and d.expires_at > now
        ]

    def approve_device_code(self, user_code: str | None = None) -> None:
        """What the admin does on the other device: enter the code and sign in."""
        pending = [d for d in self._device_codes.values() if not d.approved]
        if user_code is not None:
            pending = [d for d in pending if d.user_code == user_code.strip().upper()]
        if not pending:
            raise LookupError("no pending device code matches")
        pending[-1].approved = True

    def token_for(self, bearer: str) -> AccessToken | None:
        """The access token this authority handed out as `bearer`, if it did (expired or not)."""
        return self._tokens.get(bearer)

    # ----- the endpoints ------------------------------------------------------------

    def answer(self, method: str, path: str, body: bytes) -> Response | None:
        """The answer of the authority's endpoints; None for a path that is not one of them."""
        match = _ENDPOINT.fullmatch(path)
        if match is None:
            return None
        tenant, endpoint = match.groups()
        if tenant.lower() not in {self.tenant_id.lower(), "contoso.example.com"}:
            return oauth_error(
                400,
                "invalid_request",
                90002,
                f"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID.",
            )
        if endpoint.endswith("openid-configuration"):
            return self._openid_configuration()
        form = {k: v[0] for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}
        if method != "POST":
            return oauth_error(
                405, "invalid_request", 900561, "The endpoint only accepts POST requests."
            )
        if endpoint.endswith("devicecode"):
            return self._device_code(form)
        return self._token(form)

    def _openid_configuration(self) -> Response:
        base = f"{self._base_url()}/{self.tenant_id}"
        return json_response(
            200,
            {
                "issuer": f"{base}/v2.0",
                "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                "token_endpoint": f"{base}/oauth2/v2.0/token",
                "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
                "jwks_uri": f"{base}/discovery/v2.0/keys",
                "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
                "subject_types_supported": ["pairwise"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "scopes_supported": ["openid", "profile", "email", "offline_access"],
                "tenant_region_scope": "EU",
                "cloud_instance_name": "sandbox.local",
            },
        )

    def _device_code(self, form: dict[str, str]) -> Response:
        client = self.clients.get(form.get("client_id", ""))
        if client is None:
            return self._unknown_client(form.get("client_id", ""))
        if not client.public_client:
            return oauth_error(
                400,
                "invalid_client",
                7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
            )
        user_code = "".join(secrets.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(9))
        flow = DeviceCode(
            device_code=secrets.token_urlsafe(32),
            user_code=user_code,
            client_id=client.client_id,
            scopes=tuple(form.get("scope", "").split()),
            expires_at=time.time() + 900,
            approved=self.config.auto_approve_device_codes,
        )
        self._device_codes[flow.device_code] = flow
        uri = f"{self._base_url()}/devicelogin"
        return json_response(
            200,
            {
                "user_code": user_code,
                "device_code": flow.device_code,
                "verification_uri": uri,
                "expires_in": 900,
                "interval": self.config.device_code_interval,
                "message": f"To sign in, use a web browser to open the page {uri} and enter the code {user_code} to authenticate.",
            },
        )

    def _unknown_client(self, client_id: str) -> Response:
        return oauth_error(
            400,
            "unauthorized_client",
            700016,
            f"Application with identifier '{client_id}' was not found in the directory '{self.tenant_id}'.",
        )

    # ----- the token endpoint: one grant each ---------------------------------------

    def _token(self, form: dict[str, str]) -> Response:
        grant = form.get("grant_type", "")
        client = self.clients.get(form.get("client_id", ""))
        if client is None:
            return self._unknown_client(form.get("client_id", ""))
        if grant == "client_credentials":
            return self._client_credentials(client, form)
        if grant in _DEVICE_CODE_GRANTS:
            return self._device_code_grant(client, form)
        if grant == "refresh_token":
            flow = self._refresh_tokens.pop(form.get("refresh_token", ""), None)
            if flow is None or flow.client_id != client.client_id:
                return oauth_error(
                    400, "invalid_grant", 700082, "The refresh token has expired due to inactivity."
                )
            return self._issue(client, delegated=flow)
        return oauth_error(
            400,
            "unsupported_grant_type",
            70003,
            f"The app requested an unsupported grant type '{grant}'.",
        )

    def _client_credentials(self, client: ClientApp, form: dict[str, str]) -> Response:
        if not secrets.compare_digest(form.get("client_secret", ""), client.secret):
            return oauth_error(
                401,
                "invalid_client",
                7000215,
                "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '"
                + client.client_id
                + "'.",
            )
        if not form.get("scope", "").endswith("/.default"):
            return oauth_error(
                400,
                "invalid_scope",
                1002012,
                "The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).",
            )
        return self._issue(client, roles=client.roles)

    def _device_code_grant(self, client: ClientApp, form: dict[str, str]) -> Response:
        flow = self._device_codes.get(form.get("device_code", ""))
        if flow is None or flow.client_id != client.client_id:
            return oauth_error(
                400,
                "invalid_grant",
                70000,
                "The provided value for the 'device_code' is not valid.",
            )
        if flow.expires_at < time.time():
            return oauth_error(
                400,
                "expired_token",
                70020,
                "The provided authorization code or refresh token has expired due to inactivity.",
            )
        if not flow.approved:
            return oauth_error(
                400,
                "authorization_pending",
                70016,
                "OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
            )
        del self._device_codes[flow.device_code]
        return self._issue(client, delegated=flow)

    def _issue(
        self,
        client: ClientApp,
        *,
        roles: tuple[str, ...] = (),
        delegated: DeviceCode | None = None,
    ) -> Response:
        now = int(time.time())
        lifetime = self.config.token_lifetime
        claims: dict[str, Any] = {
            "aud": "https://graph.microsoft.com",
            "iss": f"{self._base_url()}/{self.tenant_id}/v2.0",
            "iat": now,
            "nbf": now,
            "exp": now + lifetime,
            "appid": client.client_id,
            "tid": self.tenant_id,
            "oid": str(uuid.uuid5(uuid.NAMESPACE_URL, client.client_id)),
        }
        scopes: tuple[str, ...] = ()
        if delegated is None:
            claims["roles"] = list(roles)
        else:
            # A delegated token holds what the signed-in admin consented to: the Graph reads.
            scopes = GRAPH_PERMISSIONS
            claims["scp"] = " ".join(scopes)
            claims["upn"] = ADMIN_USER_NAME
        access_token = _jwt(claims)
        self._tokens[access_token] = AccessToken(client.client_id, now + lifetime, roles, scopes)
        payload: dict[str, Any] = {
            "token_type": "Bearer",
            "expires_in": lifetime,
            "ext_expires_in": lifetime,
            "access_token": access_token,
        }
        if delegated is not None:
            payload |= self._signed_in(client, delegated, scopes, now, lifetime)
        return json_response(200, payload)

    def _signed_in(
        self, client: ClientApp, flow: DeviceCode, scopes: tuple[str, ...], now: int, lifetime: int
    ) -> dict[str, Any]:
        """What a delegated token's answer adds: a refresh token, the scopes, the admin's
        id token and client info."""
        admin_oid = str(uuid.uuid5(uuid.NAMESPACE_URL, ADMIN_USER_NAME))
        refresh = secrets.token_urlsafe(40)
        self._refresh_tokens[refresh] = flow
        id_claims = {
            "aud": client.client_id,
            "iss": f"{self._base_url()}/{self.tenant_id}/v2.0",
            "iat": now,
            "nbf": now,
            "exp": now + lifetime,
            "name": "Sandbox Admin",
            "oid": admin_oid,
            "preferred_username": ADMIN_USER_NAME,
            "sub": admin_oid,
            "tid": self.tenant_id,
            "ver": "2.0",
        }
        return {
            "refresh_token": refresh,
            "scope": " ".join(f"https://graph.microsoft.com/{s}" for s in scopes)
            + " openid profile offline_access",
            "id_token": _jwt(id_claims),
            "client_info": b64({"uid": admin_oid, "utid": self.tenant_id}),
        }

    # ----- the page where a person enters the code ----------------------------------

    def device_login_page(self, method: str, body: bytes) -> Response:
        note = ""
        if method == "POST":
            code = parse_qs(body.decode()).get("code", [""])[0]
            try:
                self.approve_device_code(code)
            except LookupError:
                note = "<p>That code is not valid or has expired.</p>"
            else:
                note = "<p>You have signed in to the webex-provisioner sandbox. You can close this window.</p>"
        page = (
            "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Sandbox sign-in</title></head>"
            "<body><h1>Enter code</h1>" + note + "<form method='post'>"
            "<label>Code <input name='code' autofocus></label> <button>Sign in</button></form></body></html>"
        )
        return Response(200, page.encode(), [(b"content-type", b"text/html; charset=utf-8")])


def _jwt(claims: dict[str, Any]) -> str:
    """A token shaped as a JWT (header, claims, a random signature nobody checks)."""
    return ".".join(
        (
            b64({"typ": "JWT", "alg": "RS256", "kid": "sandbox"}),
            b64(claims),
            b64(secrets.token_bytes(32)),
        )
    )


__all__ = ["ADMIN_USER_NAME", "GRAPH_PERMISSIONS", "AccessToken", "Authority", "ClientApp"]
