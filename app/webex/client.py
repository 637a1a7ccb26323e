"""The Webex (or generic SCIM 2.0) target client: people/me and SCIM on one httpx client.

SCIM goes through scim2-client (its BaseAsyncSCIMClient over our own httpx.AsyncClient, see
_ScimEngine) and scim2-models. The engine talks plain JSON dicts to this client; the dicts are
validated with the models on the way out and on the way back, and returned as the server sent
them. The Webex flavour knows its schemas (Webex has no ServiceProviderConfig or
ResourceTypes); a generic target is discovered on first use.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, cast

import httpx
from pydantic import ValidationError
from scim2_client import BaseAsyncSCIMClient
from scim2_client.errors import SCIMClientException
from scim2_models import (
    Context,
    ListResponse,
    PatchOp,
    Resource,
    ResourceType,
    SCIMException,
    ScimProvider,
    SearchRequest,
    ServiceProviderConfig,
)

from app.errors import InputError
from app.net import DEFAULT_TIMEOUT, make_async_client
from app.webex.concurrency import AdaptiveLimiter
from app.webex.errors import (
    BadRequest,
    NetworkError,
    NotFound,
    ProtocolError,
    ServerError,
    WebexError,
    describe_body,
)
from app.webex.models import (
    BULK_REQUEST_SCHEMA,
    PATCH_OP_SCHEMA,
    TOLERANT_POLICY,
    WEBEX_BULK_MAX_OPERATIONS,
    core_provider,
    webex_provider,
)
from app.webex.people import PeopleMe, fetch_people_me, read_people_me
from app.webex.transport import BearerToken, ClientStats, RetryBudget, RetryPolicy, Transport
from app.webex.urls import TenantTarget, parse_tenant_url

log = logging.getLogger(__name__)

ResourceTypeName = Literal["User", "Group"]
DEFAULT_MAX_CONCURRENCY = 8
DEFAULT_PAGE_SIZE = 100
# The attribute that names a resource, to look a create up before resending it.
_NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "User": ("userName", "externalId"),
    "Group": ("displayName", "externalId"),
}


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


class _ScimEngine(BaseAsyncSCIMClient):
    """scim2-client over our httpx client (its bundled engine wants httpx2)."""

    def __init__(self, transport: Transport, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.transport = transport

    def _stays_under_base_url(self, endpoint: str) -> bool:
        client = self.transport.client
        base = client.base_url
        try:
            url = client.build_request("GET", endpoint).url
        except httpx.InvalidURL:
            return False
        return (
            url.scheme == base.scheme
            and url.host == base.host
            and url.port == base.port
            and url.raw_path.startswith(base.raw_path)
        )

    def _parse_json(self, response: Any) -> Any:
        return cast(httpx.Response, response).json()

    async def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        budget = cast("RetryBudget | None", kwargs.pop("budget", None))
        return await self.transport.send(method, url, budget=budget, **kwargs)


@contextmanager
def _scim_errors(action: str) -> Iterator[None]:
    """Turn scim2 library errors into ours: a bad payload (nothing sent) or a bad answer."""
    try:
        yield
    except SCIMClientException as exc:
        response = exc.source if isinstance(exc.source, httpx.Response) else None
        if response is None:
            raise ProtocolError(
                f"The target's answer to {action} is not valid SCIM ({exc.message})."
            ) from exc
        body = describe_body(response)
        what = (
            f"{body}, not SCIM JSON"
            if body != "a JSON body"
            else f"JSON SCIM does not expect ({exc.message})"
        )
        raise ProtocolError(
            f"The target answered {action} with HTTP {response.status_code} and {what}.",
            status=response.status_code,
            tracking_id=response.headers.get("trackingid"),
        ) from exc
    except SCIMException as exc:
        raise BadRequest(
            f"The {action} request is not valid SCIM and was not sent ({_first_line(exc)}).",
            "Check the attribute mappings.",
            scim_type=getattr(exc, "scim_type", None) or None,
            retryable=False,
        ) from exc


def _first_line(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    notes = getattr(exc, "__notes__", None)
    if notes:
        text = f"{text}: {notes[0]}"
    return text.splitlines()[0][:300] if text else type(exc).__name__


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
        if not token or not token.strip():
            raise InputError("No token was given.", "Paste the admin's Webex access token.")
        self.page_size = page_size
        self._sleep = sleep
        http = make_async_client(
            base_url=self.target.scim_base_url,
            headers={"Accept": "application/scim+json, application/json"},
            timeout=timeout,
            extra_ca=extra_ca,
            auth=BearerToken(token.strip()),
        )
        self._transport = Transport(
            http,
            limiter=AdaptiveLimiter(max_concurrency, clock=clock, sleep=sleep),
            policy=retry_policy,
            clock=clock,
            sleep=sleep,
            rng=rng,
        )
        provider = webex_provider() if self.target.is_webex else core_provider()
        self._scim = _ScimEngine(self._transport, provider=provider)
        self._discovered = self.target.is_webex
        self._discovery_lock = asyncio.Lock()
        self.recovered_creates = 0

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
        await self._transport.client.aclose()

    # -- what the client did ------------------------------------------------------------

    @property
    def stats(self) -> ClientStats:
        return self._transport.stats

    @property
    def http(self) -> httpx.AsyncClient:
        """The one httpx client of this target (its auth adds the token to each request)."""
        return self._transport.client

    @property
    def limiter(self) -> AdaptiveLimiter:
        return self._transport.limiter

    @property
    def http_version(self) -> str | None:
        """The HTTP version of the last response (HTTP/2 where the server offers it)."""
        return self._transport.last_http_version

    # -- people/me ----------------------------------------------------------------------

    async def people_me(self) -> PeopleMe:
        """Who the token belongs to (Webex targets only)."""
        if self.target.people_me_url is None:
            raise InputError(
                "Another SCIM app has no people/me to ask.",
                "Use a Webex tenant URL for this step.",
            )
        return await read_people_me(self._transport, self.target.people_me_url)

    # -- discovery ----------------------------------------------------------------------

    async def discover(self) -> ServiceProviderConfig | None:
        """Read what a generic SCIM app offers (Webex: what its documentation says)."""
        async with self._discovery_lock:
            if self._discovered:
                return self._scim.provider.config
            config: ServiceProviderConfig | None = None
            with _scim_errors("ServiceProviderConfig"):
                try:
                    config = cast(
                        ServiceProviderConfig,
                        await self._scim.query(ServiceProviderConfig, raise_scim_errors=True),
                    )
                except NotFound:
                    config = None
                try:
                    self._scim.provider = ScimProvider(
                        models=[], resource_types=[], config=config, policy=TOLERANT_POLICY
                    )
                    await self._scim.discover(service_provider_config=False)
                except NotFound:
                    # No /Schemas or /ResourceTypes: the core User and Group it is.
                    self._scim.provider = core_provider(config)
            self._discovered = True
            return config

    @property
    def service_provider_config(self) -> ServiceProviderConfig | None:
        return self._scim.provider.config

    @property
    def supports_bulk(self) -> bool:
        config = self._scim.provider.config
        return bool(config and config.bulk and config.bulk.supported)

    @property
    def bulk_max_operations(self) -> int:
        if self.target.is_webex:
            return WEBEX_BULK_MAX_OPERATIONS
        config = self._scim.provider.config
        if not self.supports_bulk or config is None or config.bulk is None:
            return 0
        return config.bulk.max_operations or WEBEX_BULK_MAX_OPERATIONS

    # -- SCIM ---------------------------------------------------------------------------

    def _model(self, rt: str) -> type[Resource[Any]]:
        model = self._scim.get_resource_model(rt)
        if model is None:
            raise InputError(
                f"The target does not serve {rt} resources.",
                "Check the tenant URL, or turn off provisioning of this kind.",
            )
        return model

    def _resource_type(self, rt: str) -> ResourceType:
        for resource_type in self._scim.provider.resource_types:
            if str(resource_type.name).casefold() == rt.casefold():
                return resource_type
        raise InputError(f"The target does not serve {rt} resources.", "Check the tenant URL.")

    def _validated(
        self, model: type[Resource[Any]], payload: Any, ctx: Context, action: str
    ) -> dict[str, Any]:
        if not isinstance(payload, dict):
            raise ProtocolError(f"The target answered {action} without a JSON object.")
        try:
            model.model_validate(payload, scim_ctx=ctx, scim_policy=TOLERANT_POLICY)
        except ValidationError as exc:
            raise ProtocolError(
                f"The target's answer to {action} does not match the {model.__name__} schema "
                f"({exc.errors()[0].get('loc')}: {exc.errors()[0].get('msg')}).",
            ) from exc
        return payload

    async def create(self, rt: ResourceTypeName | str, payload: dict[str, Any]) -> dict[str, Any]:
        """POST a new resource. Resent after a failure only when the target shows no copy of it."""
        await self.discover()
        model = self._model(rt)
        budget = self._transport.new_budget()
        while True:
            try:
                with _scim_errors(f"create {rt}"):
                    raw = await self._scim.create(
                        model, payload, check_response_payload=False, budget=budget
                    )
                return self._validated(model, raw, Context.RESOURCE_CREATION_RESPONSE, "create")
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
        """The resource a create may have made: looked up by userName/displayName/externalId."""
        for key in _NATURAL_KEYS.get(rt, ("externalId",)):
            value = payload.get(key)
            if isinstance(value, str) and value:
                async for found in self.search(rt, filter=f"{key} eq {_filter_value(value)}"):
                    return found
                return None
        return None

    async def get(self, rt: ResourceTypeName | str, resource_id: str) -> dict[str, Any]:
        await self.discover()
        model = self._model(rt)
        with _scim_errors(f"get {rt}"):
            raw = await self._scim.query(model, resource_id, check_response_payload=False)
        return self._validated(model, raw, Context.RESOURCE_QUERY_RESPONSE, "get")

    async def search(
        self,
        rt: ResourceTypeName | str,
        filter: str | None = None,
        attributes: Sequence[str] | None = None,
        *,
        page_size: int | None = None,
    ) -> AsyncIterator[dict[str, Any]]:
        """Every matching resource, page after page (startIndex/count)."""
        await self.discover()
        model = self._model(rt)
        count = page_size or self.page_size
        start = 1
        while True:
            params: dict[str, Any] = {"start_index": start, "count": count}
            if filter:
                params["filter"] = filter
            if attributes:
                params["attributes"] = list(attributes)
            with _scim_errors(f"search {rt}"):
                raw = await self._scim.query(
                    model, query_parameters=SearchRequest(**params), check_response_payload=False
                )
            page = self._page(model, raw)
            resources = page.get("Resources") or []
            for resource in resources:
                yield resource
            total = page.get("totalResults")
            if not resources or not isinstance(total, int) or start - 1 + len(resources) >= total:
                return
            start += len(resources)

    def _page(self, model: type[Resource[Any]], raw: Any) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise ProtocolError("The target answered a search without a JSON object.")
        try:
            ListResponse[model].model_validate(  # type: ignore[valid-type]
                raw, scim_ctx=Context.SEARCH_RESPONSE, scim_policy=TOLERANT_POLICY
            )
        except ValidationError as exc:
            raise ProtocolError(
                f"The target's search answer is not a valid SCIM ListResponse "
                f"({exc.errors()[0].get('loc')}: {exc.errors()[0].get('msg')}).",
            ) from exc
        return raw

    async def count(self, rt: ResourceTypeName | str) -> int | None:
        """totalResults of a one-item search (a cheap read to test access)."""
        await self.discover()
        model = self._model(rt)
        with _scim_errors(f"search {rt}"):
            raw = await self._scim.query(
                model, query_parameters=SearchRequest(count=1), check_response_payload=False
            )
        total = self._page(model, raw).get("totalResults")
        return total if isinstance(total, int) else None

    async def replace(
        self, rt: ResourceTypeName | str, resource_id: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        await self.discover()
        model = self._model(rt)
        with _scim_errors(f"replace {rt}"):
            raw = await self._scim.replace(
                model, {**payload, "id": resource_id}, check_response_payload=False
            )
        return self._validated(model, raw, Context.RESOURCE_REPLACEMENT_RESPONSE, "replace")

    async def patch(
        self, rt: ResourceTypeName | str, resource_id: str, operations: Sequence[dict[str, Any]]
    ) -> dict[str, Any] | None:
        """PATCH with a PatchOp; the resource when the target returns it (200), else None (204)."""
        await self.discover()
        model = self._model(rt)
        message = {"schemas": [PATCH_OP_SCHEMA], "Operations": list(operations)}
        try:
            PatchOp[model].model_validate(  # type: ignore[valid-type]
                message, scim_ctx=Context.RESOURCE_PATCH_REQUEST, scim_policy=TOLERANT_POLICY
            )
        except (ValidationError, SCIMException) as exc:
            raise BadRequest(
                f"The patch for {rt} is not a valid SCIM PatchOp and was not sent "
                f"({_first_line(exc)}).",
                "Check the attribute mappings.",
            ) from exc
        with _scim_errors(f"patch {rt}"):
            raw = await self._scim.modify(model, resource_id, message, check_response_payload=False)
        if raw is None:
            return None
        return self._validated(model, raw, Context.RESOURCE_PATCH_RESPONSE, "patch")

    async def delete(self, rt: ResourceTypeName | str, resource_id: str) -> None:
        await self.discover()
        model = self._model(rt)
        with _scim_errors(f"delete {rt}"):
            await self._scim.delete(model, resource_id, check_response_payload=False)

    async def bulk(self, operations: Sequence[dict[str, Any]]) -> list[BulkResult]:
        """Send SCIM bulk operations, at most bulk_max_operations a request.

        Each operation is a dict {"method", "path", "bulkId", "data", "version"}; POSTs get a
        bulkId when they have none. A bulk request is not resent after an uncertain failure:
        the caller falls back to single operations, which check before resending.
        """
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
            message = {"schemas": [BULK_REQUEST_SCHEMA], "Operations": chunk}
            with _scim_errors("bulk"):
                raw = await self._scim.bulk(message, check_response_payload=False)
            results.extend(self._bulk_results(chunk, raw))
        return results

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


__all__ = ["BulkResult", "WebexClient", "fetch_people_me"]
