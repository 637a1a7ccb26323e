"""The sandbox server: the Webex tenant and the generic SCIM app behind one loopback port.

Served by hypercorn (HTTP/1.1 and h2c). One ASGI layer in front of both applications records
every request, stamps Webex's TrackingID, and applies the configured rate limit, latency and
faults; the paths go to:

    /v1/people/me                     the token's person (Webex People API)
    /v1/authorizations/tokenExpiry    when the token in use expires ({"exp": epoch ms})
    /identity/scim/{orgUUID}/v2/...   the Webex tenant (webex_tenant.py and its webex_* modules)
    /scim/v2/...                      the generic SCIM 2.0 application (scim_app.py)
    /_sandbox/settings                read (GET) or change (POST JSON) rate limit, latency, faults

With `SandboxConfig(observer=...)` every exchange the Webex side answers (people/me,
authorizations, the SCIM tenant) is handed over whole, as an `Exchange`, before its answer
leaves: the contract tests (tests/contract/) validate them against Cisco's published spec.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from hypercorn.asyncio import serve
from hypercorn.config import Config
from scim2_models import Context, Resource
from scim2_server.memory import AsyncInMemoryStorage

from app.errors import InputError, UserFacingError
from app.net import is_loopback_host
from app.sandbox import seed as seed_data
from app.sandbox.asgi import HeldResponse, Receive, Scope, Send, drop, emit, lifespan, read_body
from app.sandbox.faults import Fault, FaultSpec
from app.sandbox.recording import Exchange, RequestRecord, observe, recording
from app.sandbox.scim_app import MOUNT as SCIM_APP_MOUNT
from app.sandbox.scim_app import GenericScimApplication, generic_provider
from app.sandbox.shaping import Shaping, malform
from app.sandbox.store import StateFile, TenantStorage
from app.sandbox.threaded import serve_in_thread
from app.sandbox.webex_errors import TRACKING_ID, scim_error_body
from app.sandbox.webex_people import people_me, people_records, token_expiry
from app.sandbox.webex_rules import WebexRules
from app.sandbox.webex_schemas import webex_provider
from app.sandbox.webex_tenant import WebexScimApplication
from app.sandbox.webex_tokens import SandboxTokens, bearer_token, webex_id

log = logging.getLogger(__name__)

CONTROL_PATH = "/_sandbox/settings"
PEOPLE_ME_PATH = "/v1/people/me"
TOKEN_EXPIRY_PATH = "/v1/authorizations/tokenExpiry"
TOKEN_LIFETIME_SECONDS = 14 * 24 * 3600


class SandboxError(UserFacingError):
    """The sandbox cannot start as configured."""


@dataclass(frozen=True)
class SandboxConfig:
    """How a sandbox starts. `faults` takes a FaultSpec or its text form ("5xx=0.1,reset=0.01").

    `rate_limit` is in requests per second (None: unlimited); `latency_ms` is added to every
    answer; with `state_file` the sandbox's org, tokens, users and groups live in that SQLite
    file (created and seeded when new, reused as it is otherwise); `seed` makes the sample names
    and the fault draws repeatable. `require_email_user_name` is Webex's rule that userName is
    the user's e-mail and equals the primary work e-mail (off only for generic SCIM test suites).
    """

    seed_users: int = 0
    rate_limit: float | None = None
    latency_ms: float = 0.0
    faults: FaultSpec | str = field(default_factory=FaultSpec)
    state_file: Path | str | None = None
    seed: int = 0
    seed_groups: int = 0
    host: str = "127.0.0.1"
    port: int = 0
    require_email_user_name: bool = True
    observer: Callable[[Exchange], None] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if isinstance(self.faults, str):
            object.__setattr__(self, "faults", FaultSpec.parse(self.faults))
        if isinstance(self.state_file, str):
            object.__setattr__(self, "state_file", Path(self.state_file))
        if self.seed_users < 0 or self.seed_groups < 0:
            raise InputError(
                "The number of sample users and groups cannot be negative.",
                "Give 0 or more.",
            )
        if self.latency_ms < 0:
            raise InputError("The added latency cannot be negative.", "Give 0 or more ms.")
        if self.rate_limit is not None and self.rate_limit <= 0:
            raise InputError(
                "The rate limit must be more than 0 requests per second.",
                "Give a positive number, or leave it out for no limit.",
            )
        if not 0 <= self.port <= 65535:
            raise InputError(f"{self.port} is not a TCP port.", "Give 1-65535, or 0 for any.")
        if not is_loopback_host(self.host):
            raise InputError(
                f"The sandbox serves only on this computer, not on {self.host}.",
                "Use 127.0.0.1 (the default) or ::1.",
            )

    @property
    def fault_spec(self) -> FaultSpec:
        assert isinstance(self.faults, FaultSpec)
        return self.faults

    @property
    def state_path(self) -> Path | None:
        assert self.state_file is None or isinstance(self.state_file, Path)
        return self.state_file


class SandboxServer:
    """A sandbox: `async with SandboxServer(config) as sandbox:` serves on the running loop;
    `with SandboxServer.in_thread(config) as sandbox:` serves from a thread of its own.

    Offers `base_url`, `tenant_url`, `scim_app_url`, `people_me_url`, `org_uuid`, `org_id`,
    `tokens`, `requests`, `users()`, `groups()`, `reset_requests()`, and `set_rate_limit()`,
    `set_latency_ms()`, `set_faults()` to change the traffic shaping while it runs.
    """

    def __init__(self, config: SandboxConfig | None = None) -> None:
        self.config = config or SandboxConfig()
        self._shaping = Shaping(
            self.config.rate_limit, self.config.latency_ms, self.config.fault_spec, self.config.seed
        )
        self._records: list[RequestRecord] = []
        self._records_lock = threading.Lock()
        self._port: int | None = None
        self._task: asyncio.Task[None] | None = None
        self._stopping: asyncio.Event | None = None
        self._state: StateFile | None = None
        if self.config.state_path is not None:
            self._state = StateFile(self.config.state_path)
        try:
            self._build()
        except BaseException:
            if self._state is not None:
                self._state.close()
            raise

    # -- Set-up ---------------------------------------------------------------------------

    def _build(self) -> None:
        meta = self._state.meta() if self._state is not None else {}
        fresh = "org_uuid" not in meta
        if fresh:
            self.org_uuid = str(uuid.uuid4())
            self.tokens = SandboxTokens.generate()
            if self._state is not None:
                self._state.set_meta(
                    {"org_uuid": self.org_uuid, "tokens": json.dumps(self.tokens.to_dict())}
                )
        else:
            self.org_uuid = meta["org_uuid"]
            stored = json.loads(meta["tokens"])
            self.tokens = SandboxTokens.from_dict(stored)
            if self.tokens.to_dict() != stored and self._state is not None:
                # A file from before a kind of token existed: keep the new ones for next time.
                self._state.set_meta({"tokens": json.dumps(self.tokens.to_dict())})
        self._people = people_records(self.org_uuid)
        # The sandbox's tokens work for as long as it serves; Webex's integration tokens
        # last 14 days, so that is what tokenExpiry tells, counted from the start.
        self.token_expiry_ms = int((time.time() + TOKEN_LIFETIME_SECONDS) * 1000)

        rules = WebexRules(
            self.org_uuid, require_email_user_name=self.config.require_email_user_name
        )
        self._tenant_storage = TenantStorage(
            webex_provider(), app="webex", state_file=self._state, before_store=rules
        )
        rules.storage = self._tenant_storage
        self._tenant_app = WebexScimApplication(
            AsyncInMemoryStorage(self._tenant_storage),
            self._tenant_storage,
            org_uuid=self.org_uuid,
            tokens=self.tokens,
        )
        self._scim_storage = TenantStorage(generic_provider(), app="scim", state_file=self._state)
        self._scim_app = GenericScimApplication(
            AsyncInMemoryStorage(self._scim_storage), token=self.tokens.scim_app
        )
        if fresh:
            self._seed()

    def _seed(self) -> None:
        provider = webex_provider()
        user_type = self._tenant_app.service.get_resource_type("User")
        group_type = self._tenant_app.service.get_resource_type("Group")
        user_model = provider.model_for(user_type)
        group_model = provider.model_for(group_type)
        assert user_model is not None and group_model is not None
        ids: list[str] = []
        with provider:
            for person in seed_data.people(self.config.seed_users, self.config.seed):
                payload = seed_data.user_payload(person)
                user: Resource[Any] = user_model.model_validate(  # type: ignore[assignment]
                    payload, scim_ctx=Context.RESOURCE_CREATION_REQUEST
                )
                ids.append(str(self._tenant_storage.create(user_type, user).id))
            rng = random.Random(f"memberships:{self.config.seed}")
            for name in seed_data.group_names(self.config.seed_groups, self.config.seed):
                members = sorted(rng.sample(ids, k=min(len(ids), rng.randint(0, 8))))
                group: Resource[Any] = group_model.model_validate(  # type: ignore[assignment]
                    seed_data.group_payload(name, members),
                    scim_ctx=Context.RESOURCE_CREATION_REQUEST,
                )
                self._tenant_storage.create(group_type, group)

    # -- What the sandbox offers ----------------------------------------------------------

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("The sandbox is not serving yet.")
        return self._port

    @property
    def base_url(self) -> str:
        host = self.config.host
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{self.port}"

    @property
    def tenant_url(self) -> str:
        """The Webex SCIM base: http://127.0.0.1:PORT/identity/scim/{orgUUID}/v2/."""
        return f"{self.base_url}/identity/scim/{self.org_uuid}/v2/"

    @property
    def scim_app_url(self) -> str:
        return f"{self.base_url}{SCIM_APP_MOUNT}/v2/"

    @property
    def people_me_url(self) -> str:
        return f"{self.base_url}{PEOPLE_ME_PATH}"

    @property
    def token_expiry_url(self) -> str:
        return f"{self.base_url}{TOKEN_EXPIRY_PATH}"

    @property
    def org_id(self) -> str:
        """The org's id as people/me gives it (base64 of ciscospark://us/ORGANIZATION/uuid)."""
        return webex_id("ORGANIZATION", self.org_uuid)

    @property
    def requests(self) -> list[RequestRecord]:
        with self._records_lock:
            return list(self._records)

    def reset_requests(self) -> None:
        with self._records_lock:
            self._records.clear()

    def users(self) -> list[dict[str, Any]]:
        """What the Webex tenant holds now, as SCIM JSON (disabled users included)."""
        return self._tenant_storage.snapshot("User")

    def groups(self) -> list[dict[str, Any]]:
        return self._tenant_storage.snapshot("Group")

    def scim_app_users(self) -> list[dict[str, Any]]:
        return self._scim_storage.snapshot("User")

    def scim_app_groups(self) -> list[dict[str, Any]]:
        return self._scim_storage.snapshot("Group")

    def set_rate_limit(self, requests_per_second: float | None) -> None:
        self._shaping.limiter.set_rate(requests_per_second)

    def set_latency_ms(self, latency_ms: float) -> None:
        if latency_ms < 0:
            raise InputError("The added latency cannot be negative.", "Give 0 or more ms.")
        self._shaping.latency_ms = latency_ms

    def set_faults(self, faults: FaultSpec | str) -> None:
        self._shaping.faults = FaultSpec.parse(faults) if isinstance(faults, str) else faults

    @property
    def settings(self) -> dict[str, Any]:
        return self._shaping.settings()

    # -- Serving --------------------------------------------------------------------------

    async def __aenter__(self) -> SandboxServer:
        sock = self._listen()
        config = Config()
        config.bind = [f"fd://{sock.detach()}"]  # hypercorn owns the listening socket now
        config.backlog = 1024
        config.keep_alive_max_requests = 10_000_000  # the default 1000 drops busy connections
        config.accesslog = None
        config.errorlog = logging.getLogger("app.sandbox.hypercorn")
        config.graceful_timeout = 1.0
        config.include_server_header = False
        self._stopping = asyncio.Event()
        self._task = asyncio.create_task(
            serve(
                self._asgi,  # type: ignore[arg-type]  # plain-dict ASGI types, not hypercorn's
                config,
                shutdown_trigger=self._stopping.wait,
                mode="asgi",
            ),
            name="sandbox-server",
        )
        await asyncio.sleep(0)
        if self._task.done():
            await self._task  # hypercorn failed at once: raise its error here
        log.info("Sandbox serving on %s", self.base_url)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._stopping is not None:
            self._stopping.set()
        if self._task is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._task), timeout=5.0)
            except TimeoutError:
                self._task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await self._task
            self._task = None
        if self._state is not None:
            self._state.close()
            self._state = None

    def _listen(self) -> socket.socket:
        family = socket.AF_INET6 if ":" in self.config.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.bind((self.config.host, self.config.port))
            sock.listen(1024)
        except OSError as exc:
            sock.close()
            raise SandboxError(
                f"The sandbox cannot listen on {self.config.host}:{self.config.port} ({exc.strerror}).",
                "Choose another port with --port, or leave it out to take a free one.",
            ) from None
        self._port = int(sock.getsockname()[1])
        return sock

    @classmethod
    @contextlib.contextmanager
    def in_thread(cls, config: SandboxConfig | None = None) -> Iterator[SandboxServer]:
        """Serve from a thread with its own event loop, for the GUI, the CLI and tests."""
        with serve_in_thread(cls(config), name="sandbox-server") as server:
            yield server

    # -- The ASGI layer -------------------------------------------------------------------

    async def _asgi(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await lifespan(receive, send)
            return
        if scope["type"] != "http":
            return  # no websockets here
        arrived, started = time.time(), time.monotonic()
        path: str = scope["path"]
        webex = path.startswith(("/v1/", "/identity/"))
        if path == CONTROL_PATH:
            await emit(send, await self._control(scope, receive))
            return

        tracking_id = f"SANDBOX_{uuid.uuid4()}"
        tracking = TRACKING_ID.set(tracking_id)
        observer = self.config.observer if webex else None
        request_body = bytearray()
        if observer is not None:
            receive = recording(receive, request_body)
        response, fault, fault_name = await self._shaping.answer(
            lambda: self._route(scope, receive),
            lambda status, message, headers: self._error(path, status, message, headers),
            http2=scope.get("http_version") == "2",
        )
        if response is not None:
            if fault is Fault.MALFORMED:
                malform(response)
            if webex:
                self._stamp(response, tracking_id)
            if observer is not None:
                observe(observer, scope, bytes(request_body), response)
        # Recorded before the answer leaves: a client that has its answer can count on
        # finding its request in `requests`.
        self._record(
            RequestRecord(
                method=scope["method"],
                path=path,
                query=scope.get("query_string", b"").decode("latin-1"),
                status=0 if response is None else response.status,
                time=arrived,
                duration=time.monotonic() - started,
                fault=fault_name,
                http_version=str(scope.get("http_version", "")),
            )
        )
        if response is None:
            await drop(send)
        else:
            await emit(send, response)
        TRACKING_ID.reset(tracking)

    async def _route(self, scope: Scope, receive: Receive) -> HeldResponse:
        path: str = scope["path"]
        response = HeldResponse()
        if path.rstrip("/") in (PEOPLE_ME_PATH, TOKEN_EXPIRY_PATH):
            if scope["method"] != "GET":
                return self._error(path, 405, f"Method Not Allowed: {path} answers GET only.")
            headers = dict(scope["headers"])
            authorization = headers.get(b"authorization", b"").decode("latin-1") or None
            if path.rstrip("/") == PEOPLE_ME_PATH:
                status, body, extra = people_me(self.tokens, self._people, authorization)
            else:
                status, body, extra = token_expiry(self.tokens, authorization, self.token_expiry_ms)
            return HeldResponse.json(status, body, extra)
        root = self._tenant_app.root_path_of(path)
        if root is not None:
            await self._tenant_app(dict(scope, root_path=root), receive, response.capture)
            return response
        if path == SCIM_APP_MOUNT or path.startswith(f"{SCIM_APP_MOUNT}/"):
            await self._scim_app(dict(scope, root_path=SCIM_APP_MOUNT), receive, response.capture)
            return response
        return self._error(path, 404, f"Not Found: nothing is served at {path}.")

    def _error(
        self, path: str, status: int, message: str, headers: dict[str, str] | None = None
    ) -> HeldResponse:
        """An error in the form the addressed API uses: SCIM for SCIM paths, Webex's otherwise."""
        scim = path.startswith(("/identity/scim/", f"{SCIM_APP_MOUNT}/"))
        if scim:
            return HeldResponse.json(status, scim_error_body(status, message), headers)
        return HeldResponse.json(
            status, {"message": message, "errors": [{"description": message}]}, headers
        )

    async def _control(self, scope: Scope, receive: Receive) -> HeldResponse:
        headers = dict(scope["headers"])
        token = bearer_token(headers.get(b"authorization", b"").decode("latin-1") or None)
        if token != self.tokens.full_admin:
            return HeldResponse.json(401, {"message": "The sandbox admin token is required."})
        if scope["method"] == "POST":
            body = await read_body(receive)
            try:
                changes = json.loads(body or b"{}")
                if not isinstance(changes, dict):
                    raise ValueError("a JSON object is expected")
                if "rate_limit" in changes:
                    self.set_rate_limit(
                        None if changes["rate_limit"] is None else float(changes["rate_limit"])
                    )
                if "latency_ms" in changes:
                    self.set_latency_ms(float(changes["latency_ms"]))
                if "faults" in changes:
                    self.set_faults(str(changes["faults"] or ""))
            except (ValueError, TypeError, UserFacingError) as exc:
                return HeldResponse.json(400, {"message": str(exc)})
        elif scope["method"] != "GET":
            return HeldResponse.json(405, {"message": "Use GET or POST."})
        return HeldResponse.json(200, self.settings)

    @staticmethod
    def _stamp(response: HeldResponse, tracking_id: str) -> None:
        """Webex's TrackingID header on every answer, and trackingId in each error body."""
        response.set_header("TrackingID", tracking_id)
        if response.status < 400 or not response.body:
            return
        try:
            body = json.loads(response.body)
        except ValueError:
            return  # a malformed body stays malformed
        if isinstance(body, dict):
            body["trackingId"] = tracking_id
            response.body = json.dumps(body).encode()

    def _record(self, record: RequestRecord) -> None:
        with self._records_lock:
            self._records.append(record)


__all__ = ["SandboxConfig", "SandboxError", "SandboxServer"]
