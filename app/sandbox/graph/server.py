"""The Graph sandbox served: GraphSandbox, its settings, and the ASGI glue in front of its sides.

Served by hypercorn on 127.0.0.1 over TLS, with a certificate from a throw-away CA
(app.sandbox.tls), because msal refuses plain-http authorities. Each request is recorded and
goes to one side: /v1.0/... to the Graph side (api.GraphApi), /devicelogin and
/{tenant}/... to the authority (oauth.Authority); anything else is a 404.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from hypercorn.asyncio import serve
from hypercorn.config import Config

from app.sandbox.asgi import Receive, Scope, Send, lifespan, read_body
from app.sandbox.graph.api import GraphApi
from app.sandbox.graph.data import GraphTenant
from app.sandbox.graph.metadata import GraphMetadata, graph_metadata
from app.sandbox.graph.oauth import GRAPH_PERMISSIONS, Authority, ClientApp
from app.sandbox.graph.query import query_options
from app.sandbox.graph.responses import Response, graph_error
from app.sandbox.graph.sample import sample_tenant
from app.sandbox.threaded import serve_in_thread
from app.sandbox.tls import LoopbackTLS


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
class RecordedRequest:
    method: str
    path: str
    status: int
    query: str = ""


class GraphSandbox:
    """The Graph sandbox. `async with GraphSandbox() as graph:` serves it on the running loop;
    `with GraphSandbox.in_thread() as graph:` serves it from a thread of its own.

    After start: `authority` (https://127.0.0.1:PORT/{tenant}), `graph_url`, `tenant_id`,
    `client_id`, `client_secret`, `ca_file` (the PEM clients must trust), `tenant` (the data).
    """

    def __init__(self, config: GraphSandboxConfig | None = None) -> None:
        self.config = config or GraphSandboxConfig()
        self.tenant = self.config.tenant or sample_tenant(
            seed=self.config.seed, user_count=self.config.user_count
        )
        self.tenant_id = self.tenant.tenant_id
        self.metadata: GraphMetadata = graph_metadata()
        self.oauth = Authority(self.tenant_id, self.config, lambda: self.base_url)
        self.api = GraphApi(
            self.tenant, self.oauth, self.metadata, self.config, lambda: self.graph_url
        )
        default = self.register_client(self.config.app_permissions)
        self.client_id = default.client_id
        self.client_secret = default.secret
        self.requests: list[RecordedRequest] = []
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
        return self.oauth.register_client(roles, public_client=public_client)

    def revoke_tokens(self) -> None:
        """Invalidate every access token handed out (Graph then answers 401)."""
        self.oauth.revoke_tokens()

    def pending_device_codes(self) -> list[str]:
        return self.oauth.pending_device_codes()

    def approve_device_code(self, user_code: str | None = None) -> None:
        """What the admin does on the other device: enter the code and sign in."""
        self.oauth.approve_device_code(user_code)

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
            await lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        body = await read_body(receive)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        path = scope["path"]
        query = scope["query_string"].decode("latin-1")
        try:
            response = self._route(scope["method"], path, query, headers, body)
        except Exception as exc:  # a sandbox bug must show as a 500, not a hung request
            response = graph_error(
                500, "InternalServerError", f"sandbox error: {type(exc).__name__}: {exc}"
            )
        self.requests.append(RecordedRequest(scope["method"], path, response.status, query))
        await send(
            {"type": "http.response.start", "status": response.status, "headers": response.headers}
        )
        await send({"type": "http.response.body", "body": response.body})

    def _route(
        self, method: str, path: str, query: str, headers: dict[str, str], body: bytes
    ) -> Response:
        if path.startswith("/v1.0/"):
            return self.api.answer(method, path[len("/v1.0") :], query_options(query), headers)
        if path == "/devicelogin":
            return self.oauth.device_login_page(method, body)
        answer = self.oauth.answer(method, path, body)
        if answer is None:
            return graph_error(404, "NotFound", f"No route for {path}.")
        return answer


__all__ = ["GraphSandbox", "GraphSandboxConfig", "RecordedRequest"]
