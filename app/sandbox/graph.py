"""A Microsoft Graph look-alike over TLS on loopback: sign-in (msal) and the reads the Entra source makes.

Served by hypercorn on 127.0.0.1 with a certificate from a throw-away CA (app.sandbox.tls),
because msal refuses plain-http authorities. It answers:
- the authority: /{tenant}/v2.0/.well-known/openid-configuration, /{tenant}/oauth2/v2.0/token
  (client credentials with a secret, device code, refresh token) and
  /{tenant}/oauth2/v2.0/devicecode; /devicelogin is the page where a person enters the code;
- Graph v1.0: /users, /users/{id}, /users/delta, /groups, /groups/delta, /groups/{id}/members,
  /servicePrincipals, /servicePrincipals/{id}/appRoleAssignedTo, with paging (@odata.nextLink),
  $select, $filter (`name eq 'value'` clauses), $orderby, $top, delta tokens that can be
  expired, throttling (429 or 503 with Retry-After every Nth request) and permissions (the
  token's roles or scp).
It follows Microsoft's metadata (resources/vendor/graph-v1-entity-members.json, read at run
time through app.sandbox.graph_metadata): $select, $filter and $orderby take the entity's
properties only, in any letter case, and anything else (an unknown name, a navigation
property such as members or manager) is answered with Graph's 400 "Could not find a property
named 'X' on type 'microsoft.graph.user'". The delta functions track one navigation property
through $select (`manager` on /users/delta gives `manager@delta`, `members` on /groups/delta
gives `members@delta`) and refuse $expand; /users and /users/{id} take
$expand=manager (or manager($select=...)). Group members are users, groups, devices,
organizational contacts and service principals. An expired delta link is answered as the
config says: 400 syncStateNotFound, 410 Gone with a Location header, or 410 without one.
The tenant is app.sandbox.graph_data.GraphTenant; tests change it between reads.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import re
import secrets
import socket
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, unquote

from app.sandbox.graph_data import DEFAULT_USER_SELECT, GROUP_PROPERTIES, GraphTenant, project
from app.sandbox.graph_metadata import (
    DIRECTORY_OBJECT,
    EntityMembers,
    GraphMetadata,
    graph_metadata,
)
from app.sandbox.threaded import serve_in_thread
from app.sandbox.tls import LoopbackTLS

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

GRAPH_PERMISSIONS = ("User.Read.All", "Group.Read.All", "Application.Read.All")
# Permissions that also grant a read (Directory.Read.All covers the three).
_COVERED_BY = {
    "User.Read.All": {
        "User.Read.All",
        "User.ReadWrite.All",
        "Directory.Read.All",
        "Directory.ReadWrite.All",
    },
    "Group.Read.All": {
        "Group.Read.All",
        "Group.ReadWrite.All",
        "Directory.Read.All",
        "Directory.ReadWrite.All",
    },
    "Application.Read.All": {
        "Application.Read.All",
        "Application.ReadWrite.All",
        "Directory.Read.All",
        "Directory.ReadWrite.All",
    },
}
MAX_TOP = 999


@dataclass
class GraphSandboxConfig:
    seed: int = 2026
    user_count: int = 320
    page_size: int = 100  # Graph's default page when $top is not given
    delta_page_size: int = 100
    throttle_every: int = 0  # every Nth Graph request is refused (0: never)
    throttle_status: int = 429  # 429 Too Many Requests, or 503 Service Unavailable
    retry_after: float | None = 1.0  # seconds in Retry-After; None: no header
    # An expired delta link: 410 Gone (with a Location header, or without one when
    # expired_delta_location is False) or 400; the error code ("" = syncStateNotFound).
    expired_delta_status: int = 410
    expired_delta_location: bool = True
    expired_delta_code: str = ""
    token_lifetime: int = 3600
    device_code_interval: int = 1
    auto_approve_device_codes: bool = False
    app_permissions: tuple[str, ...] = GRAPH_PERMISSIONS  # granted to the default client
    tenant: GraphTenant | None = None


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
class RecordedRequest:
    method: str
    path: str
    status: int
    query: str = ""


@dataclass
class _Token:
    client_id: str
    expires_at: float
    roles: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()  # delegated (device code) tokens carry scp instead of roles


@dataclass
class _DeviceCode:
    device_code: str
    user_code: str
    client_id: str
    scopes: tuple[str, ...]
    expires_at: float
    approved: bool = False


@dataclass
class _Response:
    status: int
    body: bytes
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)


def _json(status: int, payload: Any, headers: dict[str, str] | None = None) -> _Response:
    extra = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    return _Response(
        status,
        json.dumps(payload, ensure_ascii=False).encode(),
        [(b"content-type", b"application/json; charset=utf-8"), *extra],
    )


def _graph_error(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> _Response:
    request_id = str(uuid.uuid4())
    payload = {
        "error": {
            "code": code,
            "message": message,
            "innerError": {"request-id": request_id, "client-request-id": request_id},
        }
    }
    return _json(status, payload, headers)


def _oauth_error(status: int, error: str, code: int, description: str) -> _Response:
    return _json(
        status,
        {
            "error": error,
            "error_description": f"AADSTS{code}: {description}",
            "error_codes": [code],
            "timestamp": time.strftime("%Y-%m-%d %H:%M:%SZ", time.gmtime()),
            "trace_id": str(uuid.uuid4()),
            "correlation_id": str(uuid.uuid4()),
        },
    )


def _b64(data: dict[str, Any] | bytes) -> str:
    raw = data if isinstance(data, bytes) else json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> dict[str, Any]:
    value = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    if not isinstance(value, dict):
        raise ValueError("not a token")
    return value


class GraphSandbox:
    """The Graph sandbox. `async with GraphSandbox() as graph:` serves it on the running loop;
    `with GraphSandbox.in_thread() as graph:` serves it from a thread of its own.

    After start: `authority` (https://127.0.0.1:PORT/{tenant}), `graph_url`, `tenant_id`,
    `client_id`, `client_secret`, `ca_file` (the PEM clients must trust), `tenant` (the data).
    """

    def __init__(self, config: GraphSandboxConfig | None = None) -> None:
        self.config = config or GraphSandboxConfig()
        self.tenant = self.config.tenant or GraphTenant.sample(
            seed=self.config.seed, user_count=self.config.user_count
        )
        self.tenant_id = self.tenant.tenant_id
        self.clients: dict[str, ClientApp] = {}
        default = self.register_client(self.config.app_permissions)
        self.client_id = default.client_id
        self.client_secret = default.secret
        self.metadata: GraphMetadata = graph_metadata()
        self.requests: list[RecordedRequest] = []
        self.admin_user_name = "admin@contoso.example.com"
        self._tokens: dict[str, _Token] = {}
        self._refresh_tokens: dict[str, _DeviceCode] = {}
        self._device_codes: dict[str, _DeviceCode] = {}
        self._delta_sessions: dict[str, list[dict[str, Any]]] = {}
        self._graph_requests = 0
        self._tls: LoopbackTLS | None = None
        self._server_task: asyncio.Task[None] | None = None
        self._shutdown: asyncio.Event | None = None
        self.port = 0

    # ----- what tests and the program use -------------------------------------------

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    @property
    def authority(self) -> str:
        return f"{self.base_url}/{self.tenant_id}"

    @property
    def authority_host(self) -> str:
        """The authority without the tenant, as a profile's `authority` setting holds it."""
        return self.base_url

    @property
    def graph_url(self) -> str:
        return self.base_url

    @property
    def ca_file(self) -> str:
        if self._tls is None:
            raise RuntimeError("the Graph sandbox is not running")
        return str(self._tls.ca_file)

    def entra_settings(self, **overrides: Any) -> dict[str, Any]:
        """The values of an EntraSettings that points at this sandbox (no secret in it)."""
        values: dict[str, Any] = {
            "tenant_id": self.tenant_id,
            "client_id": self.client_id,
            "auth": "client_secret",
            "authority": self.authority_host,
            "graph_url": self.graph_url,
            "ca_file": self.ca_file,
        }
        values.update(overrides)
        return values

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

    def reset_requests(self) -> None:
        self.requests.clear()

    def graph_calls(self, path_prefix: str = "/v1.0/") -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.startswith(path_prefix)]

    # ----- serving ------------------------------------------------------------------

    async def __aenter__(self) -> GraphSandbox:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    async def start(self) -> None:
        from hypercorn.asyncio import serve
        from hypercorn.config import Config

        self._tls = LoopbackTLS()
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(128)
        self.port = listener.getsockname()[1]
        config = Config()
        # hypercorn takes the socket over (and closes it at shutdown).
        config.bind = [f"fd://{listener.detach()}"]
        config.certfile = str(self._tls.cert_file)
        config.keyfile = str(self._tls.key_file)
        config.alpn_protocols = ["h2", "http/1.1"]
        config.accesslog = None
        config.errorlog = None
        config.graceful_timeout = 1.0
        config.keep_alive_max_requests = 1_000_000
        self._shutdown = asyncio.Event()
        self._server_task = asyncio.create_task(
            serve(self, config, shutdown_trigger=self._shutdown.wait)  # type: ignore[arg-type]
        )

    async def stop(self) -> None:
        if self._shutdown is not None and self._server_task is not None:
            self._shutdown.set()
            with contextlib.suppress(asyncio.CancelledError):
                await self._server_task
        self._server_task = None
        if self._tls is not None:
            self._tls.cleanup()
            self._tls = None

    @classmethod
    @contextlib.contextmanager
    def in_thread(cls, config: GraphSandboxConfig | None = None) -> Iterator[GraphSandbox]:
        """Serve from a thread with its own event loop (the GUI, the CLI, subprocess tests)."""
        with serve_in_thread(cls(config), name="graph-sandbox") as sandbox:
            yield sandbox

    # ----- ASGI ---------------------------------------------------------------------

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        path = scope["path"]
        query = scope["query_string"].decode("latin-1")
        try:
            response = self._route(scope["method"], path, query, headers, body)
        except Exception as exc:  # a sandbox bug must show as a 500, not a hung request
            response = _graph_error(
                500, "InternalServerError", f"sandbox error: {type(exc).__name__}: {exc}"
            )
        self.requests.append(RecordedRequest(scope["method"], path, response.status, query))
        await send(
            {"type": "http.response.start", "status": response.status, "headers": response.headers}
        )
        await send({"type": "http.response.body", "body": response.body})

    def _route(
        self, method: str, path: str, query: str, headers: dict[str, str], body: bytes
    ) -> _Response:
        if path.startswith("/v1.0/"):
            return self._graph(method, path[len("/v1.0") :], _query(query), headers)
        if path == "/devicelogin":
            return self._device_login_page(method, body)
        match = re.fullmatch(
            r"/([^/]+)/(v2\.0/\.well-known/openid-configuration|oauth2/v2\.0/token|oauth2/v2\.0/devicecode)",
            path,
        )
        if match is None:
            return _graph_error(404, "NotFound", f"No route for {path}.")
        tenant, endpoint = match.groups()
        if tenant.lower() not in {self.tenant_id.lower(), "contoso.example.com"}:
            return _oauth_error(
                400,
                "invalid_request",
                90002,
                f"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID.",
            )
        if endpoint.endswith("openid-configuration"):
            return self._openid_configuration()
        form = {k: v[0] for k, v in parse_qs(body.decode(), keep_blank_values=True).items()}
        if method != "POST":
            return _oauth_error(
                405, "invalid_request", 900561, "The endpoint only accepts POST requests."
            )
        if endpoint.endswith("devicecode"):
            return self._device_code(form)
        return self._token(form)

    # ----- authority ----------------------------------------------------------------

    def _openid_configuration(self) -> _Response:
        base = f"{self.base_url}/{self.tenant_id}"
        return _json(
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

    def _device_code(self, form: dict[str, str]) -> _Response:
        client = self.clients.get(form.get("client_id", ""))
        if client is None:
            return self._unknown_client(form.get("client_id", ""))
        if not client.public_client:
            return _oauth_error(
                400,
                "invalid_client",
                7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
            )
        user_code = "".join(secrets.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(9))
        flow = _DeviceCode(
            device_code=secrets.token_urlsafe(32),
            user_code=user_code,
            client_id=client.client_id,
            scopes=tuple(form.get("scope", "").split()),
            expires_at=time.time() + 900,
            approved=self.config.auto_approve_device_codes,
        )
        self._device_codes[flow.device_code] = flow
        uri = f"{self.base_url}/devicelogin"
        return _json(
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

    def _unknown_client(self, client_id: str) -> _Response:
        return _oauth_error(
            400,
            "unauthorized_client",
            700016,
            f"Application with identifier '{client_id}' was not found in the directory '{self.tenant_id}'.",
        )

    def _token(self, form: dict[str, str]) -> _Response:
        grant = form.get("grant_type", "")
        client = self.clients.get(form.get("client_id", ""))
        if client is None:
            return self._unknown_client(form.get("client_id", ""))
        if grant == "client_credentials":
            if not secrets.compare_digest(form.get("client_secret", ""), client.secret):
                return _oauth_error(
                    401,
                    "invalid_client",
                    7000215,
                    "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '"
                    + client.client_id
                    + "'.",
                )
            if not form.get("scope", "").endswith("/.default"):
                return _oauth_error(
                    400,
                    "invalid_scope",
                    1002012,
                    "The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).",
                )
            return self._issue(client, roles=client.roles)
        if grant in ("urn:ietf:params:oauth:grant-type:device_code", "device_code"):
            flow = self._device_codes.get(form.get("device_code", ""))
            if flow is None or flow.client_id != client.client_id:
                return _oauth_error(
                    400,
                    "invalid_grant",
                    70000,
                    "The provided value for the 'device_code' is not valid.",
                )
            if flow.expires_at < time.time():
                return _oauth_error(
                    400,
                    "expired_token",
                    70020,
                    "The provided authorization code or refresh token has expired due to inactivity.",
                )
            if not flow.approved:
                return _oauth_error(
                    400,
                    "authorization_pending",
                    70016,
                    "OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
                )
            del self._device_codes[flow.device_code]
            return self._issue(client, delegated=flow)
        if grant == "refresh_token":
            flow = self._refresh_tokens.pop(form.get("refresh_token", ""), None)
            if flow is None or flow.client_id != client.client_id:
                return _oauth_error(
                    400, "invalid_grant", 700082, "The refresh token has expired due to inactivity."
                )
            return self._issue(client, delegated=flow)
        return _oauth_error(
            400,
            "unsupported_grant_type",
            70003,
            f"The app requested an unsupported grant type '{grant}'.",
        )

    def _issue(
        self,
        client: ClientApp,
        *,
        roles: tuple[str, ...] = (),
        delegated: _DeviceCode | None = None,
    ) -> _Response:
        now = int(time.time())
        lifetime = self.config.token_lifetime
        claims: dict[str, Any] = {
            "aud": "https://graph.microsoft.com",
            "iss": f"{self.base_url}/{self.tenant_id}/v2.0",
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
            claims["upn"] = self.admin_user_name
        access_token = ".".join(
            (
                _b64({"typ": "JWT", "alg": "RS256", "kid": "sandbox"}),
                _b64(claims),
                _b64(secrets.token_bytes(32)),
            )
        )
        self._tokens[access_token] = _Token(client.client_id, now + lifetime, roles, scopes)
        payload: dict[str, Any] = {
            "token_type": "Bearer",
            "expires_in": lifetime,
            "ext_expires_in": lifetime,
            "access_token": access_token,
        }
        if delegated is not None:
            admin_oid = str(uuid.uuid5(uuid.NAMESPACE_URL, self.admin_user_name))
            refresh = secrets.token_urlsafe(40)
            self._refresh_tokens[refresh] = delegated
            payload["refresh_token"] = refresh
            payload["scope"] = (
                " ".join(f"https://graph.microsoft.com/{s}" for s in scopes)
                + " openid profile offline_access"
            )
            payload["id_token"] = ".".join(
                (
                    _b64({"typ": "JWT", "alg": "RS256", "kid": "sandbox"}),
                    _b64(
                        {
                            "aud": client.client_id,
                            "iss": f"{self.base_url}/{self.tenant_id}/v2.0",
                            "iat": now,
                            "nbf": now,
                            "exp": now + lifetime,
                            "name": "Sandbox Admin",
                            "oid": admin_oid,
                            "preferred_username": self.admin_user_name,
                            "sub": admin_oid,
                            "tid": self.tenant_id,
                            "ver": "2.0",
                        }
                    ),
                    _b64(secrets.token_bytes(32)),
                )
            )
            payload["client_info"] = _b64({"uid": admin_oid, "utid": self.tenant_id})
        return _json(200, payload)

    def _device_login_page(self, method: str, body: bytes) -> _Response:
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
        return _Response(200, page.encode(), [(b"content-type", b"text/html; charset=utf-8")])

    # ----- Graph --------------------------------------------------------------------

    def _graph(
        self, method: str, path: str, query: dict[str, str], headers: dict[str, str]
    ) -> _Response:
        self._graph_requests += 1
        every = self.config.throttle_every
        if every and self._graph_requests % every == 0:
            extra = (
                {}
                if self.config.retry_after is None
                else {"Retry-After": _seconds(self.config.retry_after)}
            )
            if self.config.throttle_status == 503:
                return _graph_error(
                    503, "serviceNotAvailable", "The service is temporarily unavailable.", extra
                )
            return _graph_error(
                429, "TooManyRequests", "Too many requests. Please try again later.", extra
            )
        authorization = headers.get("authorization", "")
        token = (
            self._tokens.get(authorization.removeprefix("Bearer ").strip())
            if authorization.startswith("Bearer ")
            else None
        )
        if token is None:
            message = (
                "Access token is empty."
                if not authorization
                else "Access token validation failure. Invalid audience."
            )
            return _graph_error(
                401, "InvalidAuthenticationToken", message, {"WWW-Authenticate": 'Bearer realm=""'}
            )
        if token.expires_at < time.time():
            return _graph_error(
                401,
                "InvalidAuthenticationToken",
                "Lifetime validation failed, the token is expired.",
            )
        if method != "GET":
            return _graph_error(405, "Request_BadRequest", "The sandbox only serves reads.")
        needed = (
            "Application.Read.All"
            if path.startswith("/servicePrincipals")
            else "Group.Read.All"
            if path.startswith("/groups")
            else "User.Read.All"
        )
        granted = set(token.roles) | set(token.scopes)
        if not granted & _COVERED_BY[needed]:
            return _graph_error(
                403,
                "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation.",
            )
        top = query.get("$top")
        if top is not None and (not top.isdigit() or not 1 <= int(top) <= MAX_TOP):
            return _graph_error(
                400,
                "Request_UnsupportedQuery",
                f"Invalid page size specified: '{top}'. Must be between 1 and {MAX_TOP} inclusive.",
            )
        unknown = sorted(k for k in query if k.startswith("$") and k.lower() not in _OPTIONS)
        if unknown:
            return _graph_error(
                400,
                "Request_BadRequest",
                f"Unrecognized query argument specified: '{unknown[0]}'.",
            )
        endpoint = _endpoint(path)
        if endpoint is None:
            return _graph_error(
                400,
                "BadRequest",
                f"Resource not found for the segment '{path.strip('/').split('/')[-1]}'.",
            )
        entity = self.metadata.entity(endpoint.entity)
        if endpoint.delta:
            if "$expand" in query:
                # Graph's delta functions track a navigation property through $select
                # (manager@delta, members@delta) and refuse $expand.
                return _graph_error(
                    400,
                    "Request_UnsupportedQuery",
                    "The query option '$expand' is not supported for delta queries: "
                    f"select the navigation property instead ($select={_DELTA_NAVIGATION[endpoint.entity]}).",
                )
            if "$filter" in query or "$orderby" in query:
                option = "$filter" if "$filter" in query else "$orderby"
                return _graph_error(
                    400,
                    "Request_UnsupportedQuery",
                    f"The query option '{option}' is not supported by the sandbox's delta queries.",
                )
            return self._delta(endpoint.entity, query, entity)
        manager_select: list[str] | None = None
        if "$expand" in query and "$skiptoken" not in query:
            expanded = _expand(query["$expand"], entity, endpoint.expands_manager)
            if isinstance(expanded, _Response):
                return expanded
            manager_select = expanded
        if endpoint.name == "user":
            user = self.tenant.user(unquote(endpoint.object_id))
            if user is None:
                return _not_found(endpoint.object_id)
            select = _select(query, DEFAULT_USER_SELECT, entity)
            if isinstance(select, _Response):
                return select
            return _json(
                200,
                {
                    "@odata.context": f"{self.graph_url}/v1.0/$metadata#users/$entity",
                    **self._user_entity(user, select, manager_select),
                },
            )
        if endpoint.name == "users":
            return self._page(
                path, query, entity, self.tenant.live_users, DEFAULT_USER_SELECT, manager_select
            )
        if endpoint.name == "groups":
            return self._page(path, query, entity, self.tenant.live_groups, GROUP_PROPERTIES)
        if endpoint.name == "servicePrincipals":
            return self._page(
                path, query, entity, lambda: list(self.tenant.service_principals.values()), ()
            )
        if endpoint.name == "members":
            group_id = endpoint.object_id
            if group_id not in {g["id"] for g in self.tenant.live_groups()}:
                return _not_found(group_id)
            return self._page(
                path, query, entity, lambda: self.tenant.member_objects(group_id), ("displayName",)
            )
        sp_id = endpoint.object_id  # appRoleAssignedTo
        if sp_id not in self.tenant.service_principals:
            return _not_found(sp_id)
        return self._page(
            path, query, entity, lambda: [dict(a) for a in self.tenant.assignments_to(sp_id)], ()
        )

    def _user_entity(
        self, user: dict[str, Any], select: list[str], manager_select: list[str] | None
    ) -> dict[str, Any]:
        """A user as /users and /users/{id} return it; `manager` when expanded and set."""
        entity = project(user, select)
        if manager_select is not None:
            manager = self.tenant.manager_object(user["id"], manager_select)
            if manager is not None:
                entity["manager"] = manager
        return entity

    def _page(
        self,
        path: str,
        query: dict[str, str],
        entity: EntityMembers,
        objects: Callable[[], list[dict[str, Any]]],
        default_select: tuple[str, ...],
        manager_select: list[str] | None = None,
    ) -> _Response:
        """One page of a collection: $filter, $orderby, $select, $top, then $skiptoken."""
        skip = query.get("$skiptoken")
        if skip:
            try:
                state = _unb64(skip)
            except ValueError:
                return _graph_error(400, "Request_BadRequest", "The skip token is not valid.")
            select, offset, size = list(state["s"]), int(state["o"]), int(state["n"])
            manager_select = state.get("x")
            filter_text, order_text = str(state.get("f") or ""), str(state.get("ob") or "")
        else:
            chosen = _select(query, default_select, entity)
            if isinstance(chosen, _Response):
                return chosen
            select = chosen
            offset, size = 0, int(query.get("$top") or self.config.page_size)
            filter_text, order_text = query.get("$filter", ""), query.get("$orderby", "")
        everything = objects()
        if filter_text:
            matches = _filter(filter_text, entity)
            if isinstance(matches, _Response):
                return matches
            everything = [item for item in everything if matches(item)]
        if order_text:
            ordered = _order(order_text, entity, everything)
            if isinstance(ordered, _Response):
                return ordered
            everything = ordered
        page = everything[offset : offset + size]
        if path == "/users":
            values = [self._user_entity(u, select, manager_select) for u in page]
        elif not select:  # servicePrincipals and appRoleAssignedTo: every property
            values = [dict(item) for item in page]
        else:
            values = [
                ({"@odata.type": item["@odata.type"]} if "@odata.type" in item else {})
                | project(item, select)
                for item in page
            ]
        body: dict[str, Any] = {
            "@odata.context": f"{self.graph_url}/v1.0/$metadata#{path.strip('/')}",
            "value": values,
        }
        if offset + size < len(everything):
            token = _b64(
                {
                    "s": select,
                    "o": offset + size,
                    "n": size,
                    "x": manager_select,
                    "f": filter_text,
                    "ob": order_text,
                }
            )
            body["@odata.nextLink"] = f"{self.graph_url}/v1.0{path}?$skiptoken={token}"
        return _json(200, body)

    def _delta(self, entity_name: str, query: dict[str, str], entity: EntityMembers) -> _Response:
        kind = "users" if entity_name == "user" else "groups"
        path = f"/{kind}/delta"
        skip, delta = query.get("$skiptoken"), query.get("$deltatoken")
        default = (
            (
                "displayName",
                "givenName",
                "surname",
                "userPrincipalName",
                "mail",
                "jobTitle",
                "accountEnabled",
            )
            if kind == "users"
            else ("displayName", "description", "members")
        )
        try:
            state = _unb64(skip) if skip else _unb64(delta) if delta else None
        except ValueError:
            return _graph_error(400, "Request_BadRequest", "Badly formed delta token.")
        if state is not None and state.get("k") != kind:
            return _graph_error(400, "Request_BadRequest", "The token is for another resource.")
        if skip and state is not None:
            session = self._delta_sessions.get(state["sid"])
            if session is None:
                return self._expired(kind)
            return self._delta_page(
                kind,
                path,
                state["sid"],
                int(state["o"]),
                list(state["s"]),
                int(state["u"]),
                bool(state.get("x")),
            )
        if state is not None and int(state["g"]) != self.tenant.delta_generation:
            return self._expired(kind)
        if state is not None:
            select, manager = list(state["s"]), bool(state.get("x"))
        else:
            chosen = _select(query, default, entity, navigation=_DELTA_NAVIGATION[entity_name])
            if isinstance(chosen, _Response):
                return chosen
            # The link keeps what the round's first request selected, the manager included.
            manager = kind == "users" and MANAGER in chosen
            select = [name for name in chosen if not (kind == "users" and name == MANAGER)]
        since = int(state["since"]) if state is not None else None
        upto = self.tenant.seq
        entries = (
            self.tenant.users_delta(since, upto, select, manager=manager)
            if kind == "users"
            else self.tenant.groups_delta(since, upto, select)
        )
        session_id = secrets.token_urlsafe(8)
        self._delta_sessions[session_id] = entries
        return self._delta_page(kind, path, session_id, 0, select, upto, manager)

    def _delta_page(
        self,
        kind: str,
        path: str,
        session_id: str,
        offset: int,
        select: list[str],
        upto: int,
        manager: bool = False,
    ) -> _Response:
        entries = self._delta_sessions[session_id]
        size = self.config.delta_page_size
        body: dict[str, Any] = {
            "@odata.context": f"{self.graph_url}/v1.0/$metadata#{kind}",
            "value": entries[offset : offset + size],
        }
        if offset + size < len(entries):
            token = _b64(
                {
                    "k": kind,
                    "sid": session_id,
                    "o": offset + size,
                    "s": select,
                    "u": upto,
                    "x": manager,
                }
            )
            body["@odata.nextLink"] = f"{self.graph_url}/v1.0{path}?$skiptoken={token}"
        else:
            del self._delta_sessions[session_id]
            token = _b64(
                {
                    "k": kind,
                    "since": upto,
                    "s": select,
                    "g": self.tenant.delta_generation,
                    "x": manager,
                }
            )
            body["@odata.deltaLink"] = f"{self.graph_url}/v1.0{path}?$deltatoken={token}"
        return _json(200, body)

    def _expired(self, kind: str) -> _Response:
        """Graph's answer to a delta link it no longer knows; which one is a setting, as
        Microsoft's own answers differ: 400 syncStateNotFound, 410 Gone with a Location
        header (where to start again), or 410 Gone without one."""
        status = self.config.expired_delta_status
        code = self.config.expired_delta_code or (
            "syncStateNotFound" if status == 410 else "SyncStateNotFound"
        )
        headers = (
            {"Location": f"{self.graph_url}/v1.0/{kind}/delta"}
            if status == 410 and self.config.expired_delta_location
            else None
        )
        return _graph_error(
            status,
            code,
            "The sync state was not found or has expired. Start a new round of synchronization.",
            headers,
        )


@dataclass(frozen=True)
class _Endpoint:
    """A Graph path the sandbox serves: its name, the entity its answers hold, an object id."""

    name: str
    entity: str
    object_id: str = ""
    delta: bool = False

    @property
    def expands_manager(self) -> bool:
        return self.name in ("users", "user")


_ENDPOINTS = (
    (re.compile(r"/users"), "users", "user", False),
    (re.compile(r"/users/delta(?:\(\))?"), "usersDelta", "user", True),
    (re.compile(r"/users/([^/]+)"), "user", "user", False),
    (re.compile(r"/groups"), "groups", "group", False),
    (re.compile(r"/groups/delta(?:\(\))?"), "groupsDelta", "group", True),
    (re.compile(r"/groups/([^/]+)/members"), "members", DIRECTORY_OBJECT, False),
    (re.compile(r"/servicePrincipals"), "servicePrincipals", "servicePrincipal", False),
    (
        re.compile(r"/servicePrincipals/([^/]+)/appRoleAssignedTo"),
        "appRoleAssignedTo",
        "appRoleAssignment",
        False,
    ),
)
# OData's system query options Graph knows (the sandbox serves $count and $search as no-ops).
_OPTIONS = frozenset(
    {"$select", "$expand", "$filter", "$orderby", "$top", "$skiptoken", "$deltatoken", "$count",
     "$search", "$skip", "$format"}
)  # fmt: skip
# The navigation property each delta function accepts in $select.
MANAGER = "manager"
_DELTA_NAVIGATION = {"user": MANAGER, "group": "members"}


def _endpoint(path: str) -> _Endpoint | None:
    for pattern, name, entity, delta in _ENDPOINTS:
        match = pattern.fullmatch(path)
        if match:
            return _Endpoint(name, entity, match[1] if match.groups() else "", delta)
    return None


def _not_found(object_id: str) -> _Response:
    return _graph_error(
        404,
        "Request_ResourceNotFound",
        f"Resource '{object_id}' does not exist or one of its queried reference-property objects are not present.",
    )


def _no_property(name: str, entity: EntityMembers) -> _Response:
    return _graph_error(
        400,
        "Request_BadRequest",
        f"Could not find a property named '{name}' on type '{entity.type_name}'.",
    )


def _query(text: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()}


def _select(
    query: dict[str, str],
    default: tuple[str, ...] | list[str],
    entity: EntityMembers,
    *,
    navigation: str = "",
) -> list[str] | _Response:
    """The properties $select names, in Microsoft's spelling; Graph's 400 for a name the
    entity does not have as a property (a navigation property included, but for the one a
    delta function tracks: `navigation`)."""
    raw = query.get("$select")
    if not raw:
        return list(default)
    return _names(raw, entity, navigation=navigation)


def _names(raw: str, entity: EntityMembers, *, navigation: str = "") -> list[str] | _Response:
    chosen: list[str] = []
    for name in (part.strip() for part in raw.split(",")):
        if not name:
            continue
        found = entity.property(name)
        if found is None and navigation and name.lower() == navigation.lower():
            found = entity.navigation_property(name)
        if found is None:
            return _no_property(name, entity)
        if found not in chosen:
            chosen.append(found)
    return chosen


# The manager's properties an $expand=manager without its own $select returns.
_MANAGER_DEFAULT_SELECT = ("displayName", "userPrincipalName", "mail", "jobTitle")


def _expand(text: str, entity: EntityMembers, manager_served: bool) -> list[str] | _Response:
    """The manager properties `$expand=manager` or `manager($select=a,b)` asks for.

    A name that is not a navigation property of the entity gets Graph's 400; a navigation
    property the sandbox does not serve (all but a user's manager) is refused too."""
    manager: list[str] | None = None
    for item in _split_top_level(text):
        match = re.fullmatch(r"\s*(\w+)\s*(?:\((.*)\))?\s*", item)
        name = match[1] if match else item.strip()
        found = entity.navigation_property(name) if match else None
        if found is None:
            return _graph_error(
                400,
                "BadRequest",
                f"Could not find a property named '{name}' on type '{entity.type_name}'.",
            )
        if not (manager_served and found == MANAGER):
            return _graph_error(
                400,
                "Request_UnsupportedQuery",
                f"The sandbox does not serve $expand={found} on this path (only a user's manager).",
            )
        assert match is not None
        options = match[2]
        if options is None or not options.strip():
            manager = list(_MANAGER_DEFAULT_SELECT)
            continue
        selected = re.fullmatch(r"\s*\$select=([\w,\s]+)", options)
        if selected is None:
            return _graph_error(
                400,
                "BadRequest",
                f"Query option '{options.strip()}' is not allowed inside $expand=manager.",
            )
        names = _names(selected[1], entity)
        if isinstance(names, _Response):
            return names
        manager = names
    if manager is None:
        return _graph_error(400, "BadRequest", "The $expand query option is empty.")
    return manager


_CLAUSE = re.compile(r"\s*(\w+)\s+eq\s+(?:'((?:[^']|'')*)'|(true|false|null))\s*", re.IGNORECASE)


def _filter(text: str, entity: EntityMembers) -> Callable[[dict[str, Any]], bool] | _Response:
    """`name eq 'value'` clauses joined by `and` (what the program and most admins write):
    Graph's 400 for a name that is not a property of the entity."""
    clauses: list[tuple[str, object]] = []
    for part in re.split(r"\s+and\s+", text.strip(), flags=re.IGNORECASE):
        match = _CLAUSE.fullmatch(part)
        if match is None:
            named = re.match(r"\s*(\w+)", part)
            if named and entity.property(named[1]) is None and named[1].lower() != "not":
                return _no_property(named[1], entity)
            return _graph_error(
                400,
                "Request_UnsupportedQuery",
                f"Unsupported or invalid query filter clause specified for property: '{part.strip()}'.",
            )
        name = entity.property(match[1])
        if name is None:
            return _no_property(match[1], entity)
        literal = match[3]
        value: object = (
            match[2].replace("''", "'")
            if literal is None
            else None
            if literal.lower() == "null"
            else literal.lower() == "true"
        )
        clauses.append((name, value))

    def matches(item: dict[str, Any]) -> bool:
        for name, value in clauses:
            have = item.get(name)
            if isinstance(value, str):
                if not isinstance(have, str) or have.lower() != value.lower():
                    return False
            elif have != value:
                return False
        return True

    return matches


def _order(
    text: str, entity: EntityMembers, items: list[dict[str, Any]]
) -> list[dict[str, Any]] | _Response:
    """$orderby on one property, asc or desc; Graph's 400 for a name that is not one."""
    match = re.fullmatch(r"\s*(\w+)(?:\s+(asc|desc))?\s*", text, re.IGNORECASE)
    if match is None:
        return _graph_error(
            400, "Request_UnsupportedQuery", f"The $orderby clause '{text}' is not supported."
        )
    name = entity.property(match[1])
    if name is None:
        return _no_property(match[1], entity)
    descending = (match[2] or "").lower() == "desc"
    present = [i for i in items if i.get(name) is not None]
    absent = [i for i in items if i.get(name) is None]
    present.sort(key=lambda i: str(i[name]).casefold(), reverse=descending)
    return present + absent


def _split_top_level(text: str) -> list[str]:
    """`a,b($select=x,y)` -> ["a", "b($select=x,y)"]: commas outside parentheses."""
    items, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            items.append(text[start:index])
            start = index + 1
    items.append(text[start:])
    return [item for item in items if item.strip()]


def _seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


__all__ = [
    "GRAPH_PERMISSIONS",
    "ClientApp",
    "GraphSandbox",
    "GraphSandboxConfig",
    "RecordedRequest",
]
