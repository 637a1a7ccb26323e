"""The Webex (or generic SCIM 2.0) target client: people/me and SCIM on one httpx client.

SCIM goes through scim2-client (its BaseAsyncSCIMClient over our own httpx.AsyncClient, see
app.webex.scim) and scim2-models. The engine talks plain JSON dicts to this client; the
target's answers are validated with the models on the way back and returned as the server
sent them; payloads the client builds itself (PatchOp) are checked before they leave. Bulk
requests are built as JSON here (the Mapper's payloads are valid by construction) and their
answers read tolerantly. The Webex flavour knows its schemas (Webex has no
ServiceProviderConfig or ResourceTypes); a generic target is discovered on first use.

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
import json
import logging
import random
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

import httpx

from app.errors import InputError
from app.net import DEFAULT_TIMEOUT, make_async_client
from app.webex.concurrency import AdaptiveLimiter
from app.webex.constants import (
    BULK_REQUEST,
    ENTERPRISE_USER,
    PATCH_OP,
    WEBEX_BULK_MAX_BYTES,
    WEBEX_BULK_MAX_OPERATIONS,
)
from app.webex.errors import (
    BadRequest,
    NetworkError,
    ProtocolError,
    ServerError,
    WebexError,
    describe_body,
)
from app.webex.people import PeopleMe, fetch_people_me, read_people_me
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


@dataclass(frozen=True)
class BulkResult:
    """The outcome of one bulk operation."""

    method: str
    bulk_id: str | None
    path: str | None
    status: int
    location: str | None
    resource_id: str | None
    response: dict[str, Any] | None
    error: WebexError | None

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


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
            from app.webex.scim import ScimEngine

            self._scim_engine = ScimEngine.for_target(self._transport, self.target)
        return self._scim_engine

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
                "Another SCIM app has no people/me to ask.",
                "Use a Webex tenant URL for this step.",
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
            from app.webex import scim

            config = await scim.discover(engine)
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
            from app.webex.scim import ScimEngine  # a synchronous caller: load it here

            self._scim_engine = ScimEngine.for_target(self._transport, self.target)
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

    async def create(self, rt: ResourceTypeName | str, payload: dict[str, Any]) -> dict[str, Any]:
        """POST a new resource. Resent after a failure only when the target shows no copy of it."""
        engine = await self._ready()
        from app.webex import scim

        model = engine.model(rt)
        budget = self._transport.new_budget()
        while True:
            try:
                with scim.scim_errors(f"create {rt}"):
                    raw = await engine.create(
                        model, payload, check_response_payload=False, budget=budget
                    )
                return scim.validated(model, raw, scim.Context.RESOURCE_CREATION_RESPONSE, "create")
            except (ServerError, NetworkError) as error:
                if not error.retryable:
                    raise
                try:
                    existing = await self._find_existing(rt, payload)
                except WebexError as check_error:
                    error.next_step = (
                        "It is not known whether it was created; the next cycle finds it by "
                        "its name and does not create it twice."
                    )
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

    async def _find_existing(self, rt: str, payload: dict[str, Any]) -> dict[str, Any] | None:
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

    async def get(self, rt: ResourceTypeName | str, resource_id: str) -> dict[str, Any]:
        engine = await self._ready()
        from app.webex import scim

        model = engine.model(rt)
        with scim.scim_errors(f"get {rt}"):
            raw = await engine.query(model, resource_id, check_response_payload=False)
        return scim.validated(model, raw, scim.Context.RESOURCE_QUERY_RESPONSE, "get")

    async def search(
        self,
        rt: ResourceTypeName | str,
        filter: str | None = None,
        attributes: Sequence[str] | None = None,
        *,
        page_size: int | None = None,
    ) -> AsyncIterator[dict[str, Any]]:
        """Every matching resource, page after page (startIndex/count)."""
        engine = await self._ready()
        from app.webex import scim

        model = engine.model(rt)
        count = page_size or self.page_size
        start = 1
        while True:
            params: dict[str, Any] = {"start_index": start, "count": count}
            if filter:
                params["filter"] = filter
            if attributes:
                params["attributes"] = list(attributes)
            with scim.scim_errors(f"search {rt}"):
                raw = await engine.query(
                    model,
                    query_parameters=scim.SearchRequest(**params),
                    check_response_payload=False,
                )
            page = scim.page(model, raw)
            resources = page.get("Resources") or []
            for resource in resources:
                problem = scim.resource_problem(model, resource)
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
            page = _json_object(response, "the group's members")
            members = page.get("members")
            if members is None:
                members = []
            if not isinstance(members, list):
                raise ProtocolError("The target answered a group's members that are not a list.")
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
        from app.webex import scim

        model = engine.model(rt)
        with scim.scim_errors(f"search {rt}"):
            raw = await engine.query(
                model, query_parameters=scim.SearchRequest(count=1), check_response_payload=False
            )
        total = scim.page(model, raw).get("totalResults")
        return total if isinstance(total, int) else None

    async def replace(
        self, rt: ResourceTypeName | str, resource_id: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        engine = await self._ready()
        from app.webex import scim

        model = engine.model(rt)
        with scim.scim_errors(f"replace {rt}"):
            raw = await engine.replace(
                model, {**payload, "id": resource_id}, check_response_payload=False
            )
        return scim.validated(model, raw, scim.Context.RESOURCE_REPLACEMENT_RESPONSE, "replace")

    async def patch(
        self, rt: ResourceTypeName | str, resource_id: str, operations: Sequence[dict[str, Any]]
    ) -> dict[str, Any] | None:
        """PATCH with a PatchOp; the resource when the target returns it (200), else None (204)."""
        engine = await self._ready()
        from app.webex import scim

        model = engine.model(rt)
        message = {"schemas": [PATCH_OP], "Operations": list(operations)}
        scim.validate_patch(model, message, rt)
        with scim.scim_errors(f"patch {rt}"):
            raw = await engine.modify(model, resource_id, message, check_response_payload=False)
        if raw is None:
            return None
        return scim.validated(model, raw, scim.Context.RESOURCE_PATCH_RESPONSE, "patch")

    async def delete(self, rt: ResourceTypeName | str, resource_id: str) -> None:
        engine = await self._ready()
        from app.webex import scim

        model = engine.model(rt)
        with scim.scim_errors(f"delete {rt}"):
            await engine.delete(model, resource_id, check_response_payload=False)

    async def bulk(self, operations: Sequence[dict[str, Any]]) -> list[BulkResult]:
        """Send SCIM bulk operations, at most bulk_max_operations a request.

        Each operation is a dict {"method", "path", "bulkId", "data", "version"}; POSTs get a
        bulkId when they have none. A bulk request is not resent after an uncertain failure:
        the caller falls back to single operations, which check before resending.

        The request is built as JSON here, not through scim2-client: validating each
        operation's data with scim2-models cost more than a millisecond a user, on the event
        loop, for payloads the Mapper built valid. The body stays under the target's
        maxPayloadSize (a chunk too big is split), and the answer is read tolerantly
        (_bulk_results), each failed operation with its own error.
        """
        if not self._discovered:
            await self.discover()
        if not self.supports_bulk:
            raise InputError(
                "The target does not offer SCIM bulk requests.",
                "Send the operations one by one.",
            )
        size = max(1, self.bulk_max_operations)
        results: list[BulkResult] = []
        for start in range(0, len(operations), size):
            chunk = [self._bulk_operation(op) for op in operations[start : start + size]]
            for part, body in self._bulk_bodies(chunk):
                results.extend(self._bulk_results(part, await self._send_bulk(body)))
        return results

    def _bulk_bodies(self, chunk: list[dict[str, Any]]) -> list[tuple[list[dict[str, Any]], bytes]]:
        """The JSON bodies of one chunk: halved until each is under maxPayloadSize."""
        # Cisco's spec spells the list "operations" (BulkUser); SCIM attribute names are
        # case-insensitive (RFC 7643, 2.1), and a generic app gets RFC 7644's "Operations".
        key = "operations" if self.target.is_webex else "Operations"
        body = json.dumps(
            {"schemas": [BULK_REQUEST], key: chunk},
            ensure_ascii=False,
            separators=(",", ":"),
            allow_nan=False,
        ).encode()
        limit = self._bulk_max_bytes()
        if limit is None or len(body) <= limit:
            return [(chunk, body)]
        if len(chunk) == 1:
            raise BadRequest(
                f"One bulk operation is {len(body):,} bytes, more than the {limit:,} bytes "
                "the target accepts in a bulk request; it was not sent.",
                "Check the attribute mappings for a very long value.",
                retryable=False,
            )
        half = len(chunk) // 2
        return [*self._bulk_bodies(chunk[:half]), *self._bulk_bodies(chunk[half:])]

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
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            if content_type not in ("application/scim+json", "application/json"):
                raise ValueError(content_type)
            return response.json()
        except ValueError:
            what = describe_body(response)
            if what == "a JSON body":  # JSON, under a content type SCIM does not use
                what = f"a {content_type or 'untyped'} body"
            raise ProtocolError(
                f"The target answered bulk with HTTP {response.status_code} and "
                f"{what}, not SCIM JSON.",
                status=response.status_code,
                tracking_id=response.headers.get("trackingid"),
            ) from None

    @staticmethod
    def _bulk_operation(operation: dict[str, Any]) -> dict[str, Any]:
        op = dict(operation)
        method = str(op.get("method", "")).upper()
        op["method"] = method
        if method == "POST" and not op.get("bulkId"):
            op["bulkId"] = uuid.uuid4().hex
        return op

    def _bulk_results(self, sent: list[dict[str, Any]], raw: Any) -> list[BulkResult]:
        if not isinstance(raw, dict) or not isinstance(raw.get("Operations"), list):
            raise ProtocolError("The target answered a bulk request without its operations.")
        results = []
        for index, item in enumerate(raw["Operations"]):
            if not isinstance(item, dict):
                raise ProtocolError("The target answered a bulk operation that is not an object.")
            request = sent[index] if index < len(sent) else {}
            status = _status_int(item.get("status"))
            response = item.get("response") if isinstance(item.get("response"), dict) else None
            location = item.get("location") if isinstance(item.get("location"), str) else None
            resource_id = (response or {}).get("id") or (
                location.rstrip("/").rsplit("/", 1)[-1] if location else None
            )
            error = None
            if not 200 <= status < 300:
                error = _bulk_error(status, response)
            results.append(
                BulkResult(
                    method=str(item.get("method") or request.get("method") or ""),
                    bulk_id=item.get("bulkId") or request.get("bulkId"),
                    path=request.get("path"),
                    status=status,
                    location=location,
                    resource_id=resource_id if isinstance(resource_id, str) else None,
                    response=response,
                    error=error,
                )
            )
        return results


def _json_object(response: httpx.Response, what: str) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise ProtocolError(
            f"The target answered {what} with {describe_body(response)}, not a JSON object.",
            status=response.status_code,
            tracking_id=response.headers.get("trackingid"),
        )
    return data


async def read_token_expiry(transport: Transport, url: str) -> TokenExpiry | None:
    """GET tokenExpiry ({"exp": epoch milliseconds}); None when the service answers 404."""
    from app.webex.errors import NotFound

    try:
        response = await transport.send("GET", url)
    except NotFound:
        return None
    data = _json_object(response, "tokenExpiry")
    exp = data.get("exp")
    if isinstance(exp, bool) or not isinstance(exp, int | float):
        raise ProtocolError("tokenExpiry answered without an expiry time (exp).")
    try:
        expires = datetime.fromtimestamp(exp / 1000, UTC)
    except (OverflowError, OSError, ValueError):
        raise ProtocolError(f"tokenExpiry answered an expiry time out of range ({exp}).") from None
    return TokenExpiry(expires)


def _status_int(value: Any) -> int:
    if isinstance(value, dict):  # RFC 7644 examples once had {"code": "201"}
        value = value.get("code")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ProtocolError(
            f"The target answered a bulk status that is not a number ({value!r})."
        ) from None


def _bulk_error(status: int, response: dict[str, Any] | None) -> WebexError:
    from app.webex.errors import error_from_response

    body = response or {}
    synthetic = httpx.Response(status, json=body)
    return error_from_response(synthetic)


__all__ = [
    "BulkResult",
    "TokenExpiry",
    "UnreadableResource",
    "WebexClient",
    "fetch_people_me",
    "read_token_expiry",
]
