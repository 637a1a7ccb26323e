"""The Webex (or generic SCIM 2.0) target client: people/me and SCIM on one httpx client.

SCIM goes through scim2-client (its BaseAsyncSCIMClient over our own httpx.AsyncClient, see
app.webex.scim) and scim2-models. The engine talks plain JSON dicts to this client; the
target's answers are validated with the models on the way back and returned as the server
sent them; payloads the client builds itself (PatchOp) are checked before they leave (each
verb's SCIM side is a ScimEngine method in app.webex.scim). Bulk requests are built as JSON
and their answers read by app.webex.bulk; this client sends them. The Webex flavour knows its
schemas (Webex has no ServiceProviderConfig or ResourceTypes); a generic target is
discovered on first use.

Nothing heavy happens before it is needed: the httpx client (and its TLS context) is built at
the first request, and the SCIM libraries (about a second to import) are loaded in a worker
thread at the first request that needs them, so that a dry run of unchanged users sends and
loads nothing, and the GUI's event loop never waits for an import.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import importlib
import logging
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

import httpx

from app.errors import InputError
from app.messages import Message
from app.net import DEFAULT_TIMEOUT, make_async_client
from app.webex import bulk
from app.webex import scim_messages as M
from app.webex.bulk import BulkResult
from app.webex.concurrency import AdaptiveLimiter
from app.webex.constants import (
    ENTERPRISE_USER,
    WEBEX_BULK_MAX_BYTES,
    WEBEX_BULK_MAX_OPERATIONS,
)
from app.webex.errors import (
    NetworkError,
    NotFound,
    ProtocolError,
    ServerError,
    WebexError,
    describe_body,
)
from app.webex.people import PeopleMe, read_people_me
from app.webex.shapes import BulkOperation, PatchOperation, ScimPayload
from app.webex.tokens import clean_token
from app.webex.transport import BearerToken, ClientStats, RetryPolicy, Transport
from app.webex.urls import TenantTarget, parse_tenant_url

if TYPE_CHECKING:
    from scim2_models import ServiceProviderConfig

    from app.webex.scim import ScimEngine

log = logging.getLogger(__name__)

ResourceTypeName = Literal["User", "Group"]
DEFAULT_MAX_CONCURRENCY = 8
DEFAULT_PAGE_SIZE = 100
# The attribute that names a resource, to look a create up before resending it.
_NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "User": ("userName", "externalId"),
    "Group": ("displayName", "externalId"),
}
# The user attributes Webex filters on (Cisco's spec, "Search users": its filter table);
# a filter on any other attribute (externalId, active, ...) is answered 400 invalidFilter.
# Lower case; the enterprise ones both bare and under their schema URN.
_ENTERPRISE = f"{ENTERPRISE_USER.lower()}:"
_WEBEX_USER_FILTERS = frozenset(
    {
        "id",
        "username",
        "name.familyname",
        "name.givenname",
        "name.middlename",
        "name.formatted",
        "displayname",
        "nickname",
        "emails.value",
        "emails.display",
        "phonenumbers.value",
        "phonenumbers.display",
    }
    | {
        prefix + name
        for prefix in ("", _ENTERPRISE)
        for name in (
            "employeenumber",
            "costcenter",
            "organization",
            "division",
            "department",
            "manager.value",
            "manager.displayname",
        )
    }
)
# Groups: the spec's examples filter on displayName; id names a resource anywhere.
_WEBEX_GROUP_FILTERS = frozenset({"id", "displayname"})
# Webex's group members: at most 500 in a group's own answer, and per page of /Members.
WEBEX_MEMBERS_PAGE = 500
_SCIM_MODULE = "app.webex.scim"
_scim_loaded = False


async def _load_scim() -> None:
    """Import app.webex.scim (and the SCIM libraries) in a worker thread, once per process."""
    global _scim_loaded
    if not _scim_loaded:
        await asyncio.to_thread(importlib.import_module, _SCIM_MODULE)
        _scim_loaded = True


@dataclass(frozen=True)
class UnreadableResource:
    """A resource of a listing that does not match its schema: left out of the listing."""

    resource_type: str
    id: str
    problem: str
    resource: dict[str, Any]


@dataclass(frozen=True)
class TokenExpiry:
    """When the token in use stops working (GET /v1/authorizations/tokenExpiry)."""

    expires: datetime

    def remaining(self, now: datetime | None = None) -> timedelta:
        return self.expires - (now or datetime.now(UTC))


# What httpx loads at its first request (its async backend, HTTP/1.1 and HTTP/2 state
# machines): imported with the client, in the worker thread.
_FIRST_REQUEST_MODULES = (
    "anyio._backends._asyncio",
    "anyio.streams.tls",
    "httpcore._async.http11",
    "httpcore._async.http2",
)


def _built(client: WebexClient) -> Transport:
    """client._transport, for a worker thread, with the modules its first request needs."""
    for name in _FIRST_REQUEST_MODULES:
        # An httpx without HTTP/2, say: it loads what it needs at the request.
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    return client._transport


def _filter_value(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


class WebexClient:
    """One target, one token, one httpx client. Use as `async with WebexClient(...) as client`."""

    def __init__(
        self,
        target: TenantTarget | str,
        token: str,
        *,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        retry_policy: RetryPolicy | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        extra_ca: Path | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.target = parse_tenant_url(target) if isinstance(target, str) else target
        token = clean_token(token)
        self.page_size = page_size
        self._sleep = sleep
        self._auth = BearerToken(token)
        self._timeout = timeout
        self._extra_ca = extra_ca
        self._retry_policy = retry_policy
        self._clock = clock
        self._rng = rng
        self._stats = ClientStats()
        self._limiter = AdaptiveLimiter(max_concurrency, clock=clock, sleep=sleep)
        self._scim_engine: ScimEngine | None = None
        self._discovered = self.target.is_webex
        self._discovery_lock = asyncio.Lock()
        self._connect_lock = asyncio.Lock()
        self._closed = False
        self.recovered_creates = 0
        # Resources of listings that did not match their schema (left out, see search); the
        # planner empties it when it starts a plan.
        self.unreadable: list[UnreadableResource] = []

    def __repr__(self) -> str:
        return f"WebexClient(kind={self.target.kind!r}, base={self.target.scim_base_url!r})"

    async def __aenter__(self) -> WebexClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        self._closed = True
        if "_transport" in self.__dict__:
            await self._transport.client.aclose()

    @functools.cached_property
    def _transport(self) -> Transport:
        """The httpx client and its transport, built at the first request (see _connect)."""
        if self._closed:
            raise RuntimeError("This WebexClient is closed.")
        http = make_async_client(
            base_url=self.target.scim_base_url,
            headers={"Accept": "application/scim+json, application/json"},
            timeout=self._timeout,
            extra_ca=self._extra_ca,
            auth=self._auth,
        )
        transport = Transport(
            http,
            limiter=self._limiter,
            policy=self._retry_policy,
            clock=self._clock,
            sleep=self._sleep,
            rng=self._rng,
        )
        transport.stats = self._stats
        return transport

    async def _connect(self) -> Transport:
        """The transport, built in a worker thread the first time: the TLS context (the
        certificate stores), the HTTP/2 machinery and the modules httpx loads at its first
        request take a few hundred milliseconds the event loop does not wait for."""
        if "_transport" not in self.__dict__:
            async with self._connect_lock:
                if "_transport" not in self.__dict__:
                    transport = await asyncio.to_thread(_built, self)
                    self.__dict__.setdefault("_transport", transport)
        return self._transport

    async def _scim(self) -> ScimEngine:
        """scim2-client over our transport; the SCIM libraries load (in a thread) the first time."""
        if self._scim_engine is None:
            await self._connect()
            await _load_scim()
            self._scim_engine = self._new_scim_engine()
        return self._scim_engine

    def _new_scim_engine(self) -> ScimEngine:
        # The SCIM libraries take about a second to import: _load_scim loads them in a worker
        # thread first, so that neither start-up nor the event loop waits for them.
        # deferred: scim2-models/scim2-client (about a second), loaded at the first SCIM request
        from app.webex.scim import ScimEngine

        return ScimEngine.for_target(self._transport, self.target)

    # -- what the client did ------------------------------------------------------------

    @property
    def stats(self) -> ClientStats:
        return self._stats

    @property
    def http(self) -> httpx.AsyncClient:
        """The one httpx client of this target (its auth adds the token to each request)."""
        return self._transport.client

    @property
    def limiter(self) -> AdaptiveLimiter:
        return self._limiter

    @property
    def http_version(self) -> str | None:
        """The HTTP version of the last response (HTTP/2 where the server offers it)."""
        if "_transport" not in self.__dict__:
            return None
        return self._transport.last_http_version

    # -- people/me ----------------------------------------------------------------------

    async def people_me(self) -> PeopleMe:
        """Who the token belongs to (Webex targets only)."""
        if self.target.people_me_url is None:
            raise InputError(
                M.NO_PEOPLE_ME(),
                M.NO_PEOPLE_ME_STEP(),
            )
        return await read_people_me(await self._connect(), self.target.people_me_url)

    async def token_expiry(self) -> TokenExpiry | None:
        """When the token stops working (Webex's GET /v1/authorizations/tokenExpiry); None
        when the service does not offer it (404: an older or another service) or for a
        generic SCIM app."""
        if self.target.people_me_url is None:
            return None
        url = self.target.people_me_url.rsplit("/people/me", 1)[0] + "/authorizations/tokenExpiry"
        return await read_token_expiry(await self._connect(), url)

    # -- discovery ----------------------------------------------------------------------

    async def discover(self) -> ServiceProviderConfig | None:
        """Read what a generic SCIM app offers (Webex: what its documentation says)."""
        async with self._discovery_lock:
            engine = await self._scim()
            if self._discovered:
                return engine.provider.config
            config = await engine.discover_target()
            self._discovered = True
            return config

    async def ensure_discovered(self) -> None:
        """Discover a generic target once; nothing for Webex (no SCIM library is loaded)."""
        if not self._discovered:
            await self.discover()

    async def _ready(self) -> ScimEngine:
        """The SCIM engine, once a generic target's discovery is done (Webex: at once)."""
        if not self._discovered:
            await self.discover()
        return await self._scim()

    @property
    def service_provider_config(self) -> ServiceProviderConfig | None:
        if self._scim_engine is None:
            self._scim_engine = self._new_scim_engine()  # a synchronous caller: loaded here
        return self._scim_engine.provider.config

    @property
    def supports_bulk(self) -> bool:
        if self.target.is_webex:
            return True  # Webex's documentation: Bulk, at most 100 operations
        config = self._scim_engine.provider.config if self._scim_engine else None
        return bool(config and config.bulk and config.bulk.supported)

    @property
    def bulk_max_operations(self) -> int:
        if self.target.is_webex:
            return WEBEX_BULK_MAX_OPERATIONS
        config = self._scim_engine.provider.config if self._scim_engine else None
        if not self.supports_bulk or config is None or config.bulk is None:
            return 0
        return config.bulk.max_operations or WEBEX_BULK_MAX_OPERATIONS

    # -- SCIM ---------------------------------------------------------------------------

    async def create(self, rt: ResourceTypeName | str, payload: ScimPayload) -> ScimPayload:
        """POST a new resource. Resent after a failure only when the target shows no copy of it."""
        engine = await self._ready()
        budget = self._transport.new_budget()
        while True:
            try:
                return await engine.create_resource(rt, payload, budget)
            except (ServerError, NetworkError) as error:
                if not error.retryable:
                    raise
                try:
                    existing = await self._find_existing(rt, payload)
                except WebexError as check_error:
                    error.coded_next_step = M.CREATE_UNKNOWN()
                    error.next_step = str(error.coded_next_step)
                    raise error from check_error
                if existing is not None:
                    self.recovered_creates += 1
                    log.info("create %s: the first attempt had landed; not sent again", rt)
                    return existing
                delay = budget.next_delay()
                if delay is None:
                    raise
                self.stats.retries += 1
                await self._sleep(delay)

    async def _find_existing(self, rt: str, payload: ScimPayload) -> ScimPayload | None:
        """The resource a create may have made: looked up by userName/displayName, or by
        externalId where the target filters on it (Webex does not: then a listing)."""
        for key in _NATURAL_KEYS.get(rt, ("externalId",)):
            value = payload.get(key)
            if isinstance(value, str) and value:
                if self.filterable(rt, key):
                    async for found in self.search(rt, filter=f"{key} eq {_filter_value(value)}"):
                        return found
                    return None
                async for found in self.search(rt, attributes=["id", key]):
                    if found.get(key) == value:
                        return await self.get(rt, str(found.get("id", "")))
                return None
        return None

    def filterable(self, rt: ResourceTypeName | str, attribute: str) -> bool:
        """May a search filter on this attribute (with eq)? Webex: only the attributes of
        Cisco's filter table; a generic SCIM app: every attribute (RFC 7644)."""
        if not self.target.is_webex:
            return True
        name = attribute.strip().lower()
        if rt == "User":
            return name in _WEBEX_USER_FILTERS
        if rt == "Group":
            return name in _WEBEX_GROUP_FILTERS
        return name == "id"

    async def get(self, rt: ResourceTypeName | str, resource_id: str) -> ScimPayload:
        engine = await self._ready()
        return await engine.get_resource(rt, resource_id)

    async def search(
        self,
        rt: ResourceTypeName | str,
        filter: str | None = None,
        attributes: Sequence[str] | None = None,
        *,
        page_size: int | None = None,
    ) -> AsyncIterator[ScimPayload]:
        """Every matching resource, page after page (startIndex/count)."""
        engine = await self._ready()
        count = page_size or self.page_size
        start = 1
        while True:
            page = await engine.search_page(rt, start, count, filter, attributes)
            resources = page.get("Resources") or []
            for resource in resources:
                problem = engine.resource_problem(rt, resource)
                if problem is None:
                    yield resource
                else:
                    self._unreadable(str(rt), resource, problem)
            total = page.get("totalResults")
            if not resources or not isinstance(total, int) or start - 1 + len(resources) >= total:
                return
            start += len(resources)

    def _unreadable(self, rt: str, resource: Any, problem: str) -> None:
        resource_id = str(resource.get("id", "")) if isinstance(resource, dict) else ""
        log.warning(
            "A %s of the target's listing does not match its schema and is left out (id %s: %s)",
            rt,
            resource_id or "unknown",
            problem,
        )
        self.unreadable.append(
            UnreadableResource(
                rt, resource_id, problem, resource if isinstance(resource, dict) else {}
            )
        )

    async def group_members(
        self, group_id: str, known: dict[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        """Every member of a group ({"value", "type", "display"}).

        Webex answers a group with at most 500 members, and a search or a listing with no
        members at all unless asked; a group answer without `members` means "not
        returned", never "empty". So the members come from GET /Groups/{id}/Members, page
        after page, unless `known` is a group's own answer (GET /Groups/{id}) holding fewer
        than 500 of them: that is the whole list. A generic SCIM app has no /Members: its
        group answer is complete (RFC 7643), read when `known` has no members.
        """
        given = known.get("members") if known is not None else None
        if not self.target.is_webex:
            if isinstance(given, list):
                return [m for m in given if isinstance(m, dict)]
            group = await self.get("Group", group_id)
            members = group.get("members")
            return [m for m in members if isinstance(m, dict)] if isinstance(members, list) else []
        if isinstance(given, list) and len(given) < WEBEX_MEMBERS_PAGE:
            return [m for m in given if isinstance(m, dict)]
        transport = await self._connect()
        found: list[dict[str, Any]] = []
        start = 1
        while True:
            response = await transport.send(
                "GET",
                f"Groups/{group_id}/Members",
                params={"startIndex": start, "count": WEBEX_MEMBERS_PAGE},
            )
            page = _json_object(response, M.GROUP_MEMBERS())
            members = page.get("members")
            if members is None:
                members = []
            if not isinstance(members, list):
                raise ProtocolError(M.MEMBERS_NOT_LIST())
            found.extend(m for m in members if isinstance(m, dict))
            total = page.get("totalResults", page.get("memberSize"))
            if not isinstance(total, int | float) or isinstance(total, bool):
                total = None
            if not members or (total is not None and len(found) >= total):
                return found
            if total is None and len(members) < WEBEX_MEMBERS_PAGE:
                return found  # a short page without a total: the last one
            start += len(members)

    async def count(self, rt: ResourceTypeName | str) -> int | None:
        """totalResults of a one-item search (a cheap read to test access)."""
        engine = await self._ready()
        return await engine.count_resources(rt)

    async def replace(
        self, rt: ResourceTypeName | str, resource_id: str, payload: ScimPayload
    ) -> ScimPayload:
        engine = await self._ready()
        return await engine.replace_resource(rt, resource_id, payload)

    async def patch(
        self, rt: ResourceTypeName | str, resource_id: str, operations: Sequence[PatchOperation]
    ) -> ScimPayload | None:
        """PATCH with a PatchOp; the resource when the target returns it (200), else None (204)."""
        engine = await self._ready()
        return await engine.patch_resource(rt, resource_id, operations)

    async def delete(self, rt: ResourceTypeName | str, resource_id: str) -> None:
        engine = await self._ready()
        await engine.delete_resource(rt, resource_id)

    async def bulk(self, operations: Sequence[BulkOperation]) -> list[BulkResult]:
        """Send SCIM bulk operations, at most bulk_max_operations a request.

        Each operation is a dict {"method", "path", "bulkId", "data", "version"}; POSTs get a
        bulkId when they have none. A bulk request is not resent after an uncertain failure:
        the caller falls back to single operations, which check before resending. The
        requests are built and their answers read by app.webex.bulk.
        """
        if not self._discovered:
            await self.discover()
        if not self.supports_bulk:
            raise InputError(
                M.NO_BULK(),
                M.NO_BULK_STEP(),
            )
        size = max(1, self.bulk_max_operations)
        webex, max_bytes = self.target.is_webex, self._bulk_max_bytes()
        found: list[BulkResult] = []
        for start in range(0, len(operations), size):
            chunk = [bulk.prepared_operation(op) for op in operations[start : start + size]]
            for part, body in bulk.request_bodies(chunk, webex=webex, max_bytes=max_bytes):
                found.extend(bulk.results(part, await self._send_bulk(body)))
        return found

    def _bulk_max_bytes(self) -> int | None:
        if self.target.is_webex:
            return WEBEX_BULK_MAX_BYTES
        config = self._scim_engine.provider.config if self._scim_engine else None
        if config is None or config.bulk is None:
            return None
        return config.bulk.max_payload_size or None

    async def _send_bulk(self, body: bytes) -> Any:
        transport = await self._connect()
        response = await transport.send(
            "POST",
            "Bulk",
            content=body,
            # Cisco's spec: Webex takes and answers application/json (not application/scim+json).
            headers={"Content-Type": "application/json"},
        )
        return bulk.answer_json(response)


def _json_object(response: httpx.Response, what: Message) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise ProtocolError(
            M.NOT_JSON_OBJECT(what=what, body=describe_body(response)),
            status=response.status_code,
            tracking_id=response.headers.get("trackingid"),
        )
    return data


async def read_token_expiry(transport: Transport, url: str) -> TokenExpiry | None:
    """GET tokenExpiry ({"exp": epoch milliseconds}); None when the service answers 404."""
    try:
        response = await transport.send("GET", url)
    except NotFound:
        return None
    data = _json_object(response, M.TOKEN_EXPIRY())
    exp = data.get("exp")
    if isinstance(exp, bool) or not isinstance(exp, int | float):
        raise ProtocolError(M.NO_EXP())
    try:
        expires = datetime.fromtimestamp(exp / 1000, UTC)
    except (OverflowError, OSError, ValueError):
        raise ProtocolError(M.EXP_OUT_OF_RANGE(exp=exp)) from None
    return TokenExpiry(expires)


__all__ = [
    "TokenExpiry",
    "UnreadableResource",
    "WebexClient",
    "read_token_expiry",
]
