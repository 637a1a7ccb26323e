"""The SCIM libraries' side of the target client: scim2-client over our transport, scim2-models
validation of what the target answers, and the translation of their errors into ours.

Importing scim2-models and scim2-client takes about a second (pydantic builds every model and
reads its docstrings), so app.webex.client loads this module only when a request needs it,
and then in a worker thread, never on the event loop: a dry run of unchanged users and a bulk
creation never need it at all.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, cast

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
from app.messages import Message
from app.webex import scim_messages as M
from app.webex.constants import PATCH_OP
from app.webex.error_messages import BODY_JSON
from app.webex.errors import BadRequest, NotFound, ProtocolError, describe_body
from app.webex.models import TOLERANT_POLICY, core_provider, webex_provider
from app.webex.shapes import PatchOperation, PatchRequest, ScimPayload

if TYPE_CHECKING:
    from app.webex.transport import RetryBudget, Transport
    from app.webex.urls import TenantTarget

__all__ = [
    "Context",
    "ScimEngine",
    "SearchRequest",
    "ServiceProviderConfig",
    "first_line",
    "page",
    "resource_problem",
    "resource_type",
    "scim_errors",
    "validate_patch",
    "validated",
]


class ScimEngine(BaseAsyncSCIMClient):
    """scim2-client over our httpx client (its bundled engine wants httpx2)."""

    def __init__(self, transport: Transport, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.transport = transport

    @classmethod
    def for_target(cls, transport: Transport, target: TenantTarget) -> ScimEngine:
        provider = webex_provider() if target.is_webex else core_provider()
        return cls(transport, provider=provider)

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

    def model(self, rt: str) -> type[Resource[Any]]:
        model = self.get_resource_model(rt)
        if model is None:
            raise InputError(
                M.NOT_SERVED(rt=rt),
                M.NOT_SERVED_STEP(),
            )
        return model

    async def discover_target(self) -> ServiceProviderConfig | None:
        """Read what a generic SCIM app offers: ServiceProviderConfig, then schemas and types."""
        config: ServiceProviderConfig | None = None
        with scim_errors(M.DISCOVERY()):
            try:
                config = cast(
                    ServiceProviderConfig,
                    await self.query(ServiceProviderConfig, raise_scim_errors=True),
                )
            except NotFound:
                config = None
            try:
                self.provider = ScimProvider(
                    models=[], resource_types=[], config=config, policy=TOLERANT_POLICY
                )
                await self.discover(service_provider_config=False)
            except NotFound:
                # No /Schemas or /ResourceTypes: the core User and Group it is.
                self.provider = core_provider(config)
        return config

    # -- one method per verb: sent through scim2-client, errors translated, answer checked --

    async def create_resource(
        self, rt: str, payload: ScimPayload, budget: RetryBudget
    ) -> ScimPayload:
        model = self.model(rt)
        with scim_errors(M.ACTIONS["create"](rt=rt)):
            raw = await self.create(
                model, _json(payload), check_response_payload=False, budget=budget
            )
        return validated(model, raw, Context.RESOURCE_CREATION_RESPONSE, M.VERBS["create"]())

    async def get_resource(self, rt: str, resource_id: str) -> ScimPayload:
        model = self.model(rt)
        with scim_errors(M.ACTIONS["get"](rt=rt)):
            raw = await self.query(model, resource_id, check_response_payload=False)
        return validated(model, raw, Context.RESOURCE_QUERY_RESPONSE, M.VERBS["get"]())

    async def search_page(
        self,
        rt: str,
        start_index: int,
        count: int,
        filter: str | None,
        attributes: Sequence[str] | None,
    ) -> dict[str, Any]:
        """One page of a search, its envelope checked (its resources: see resource_problem)."""
        model = self.model(rt)
        params: dict[str, Any] = {"start_index": start_index, "count": count}
        if filter:
            params["filter"] = filter
        if attributes:
            params["attributes"] = list(attributes)
        with scim_errors(M.ACTIONS["search"](rt=rt)):
            raw = await self.query(
                model,
                query_parameters=SearchRequest(**params),
                check_response_payload=False,
            )
        return page(model, raw)

    def resource_problem(self, rt: str, resource: Any) -> str | None:
        """Why one resource of a listing does not match its schema (None: it does)."""
        return resource_problem(self.model(rt), resource)

    async def count_resources(self, rt: str) -> int | None:
        model = self.model(rt)
        with scim_errors(M.ACTIONS["search"](rt=rt)):
            raw = await self.query(
                model, query_parameters=SearchRequest(count=1), check_response_payload=False
            )
        total = page(model, raw).get("totalResults")
        return total if isinstance(total, int) else None

    async def replace_resource(
        self, rt: str, resource_id: str, payload: ScimPayload
    ) -> ScimPayload:
        model = self.model(rt)
        with scim_errors(M.ACTIONS["replace"](rt=rt)):
            raw = await self.replace(
                model, {**payload, "id": resource_id}, check_response_payload=False
            )
        return validated(model, raw, Context.RESOURCE_REPLACEMENT_RESPONSE, M.VERBS["replace"]())

    async def patch_resource(
        self, rt: str, resource_id: str, operations: Sequence[PatchOperation]
    ) -> ScimPayload | None:
        """The PatchOp checked against the schema, then sent; the answer, or None (204)."""
        model = self.model(rt)
        message: PatchRequest = {"schemas": [PATCH_OP], "Operations": list(operations)}
        validate_patch(model, message, rt)
        with scim_errors(M.ACTIONS["patch"](rt=rt)):
            raw = await self.modify(
                model, resource_id, _json(message), check_response_payload=False
            )
        if raw is None:
            return None
        return validated(model, raw, Context.RESOURCE_PATCH_RESPONSE, M.VERBS["patch"]())

    async def delete_resource(self, rt: str, resource_id: str) -> None:
        model = self.model(rt)
        with scim_errors(M.ACTIONS["delete"](rt=rt)):
            await self.delete(model, resource_id, check_response_payload=False)


@contextmanager
def scim_errors(action: Message) -> Iterator[None]:
    """Turn scim2 library errors into ours: a bad payload (nothing sent) or a bad answer."""
    try:
        yield
    except SCIMClientException as exc:
        response = exc.source if isinstance(exc.source, httpx.Response) else None
        if response is None:
            raise ProtocolError(M.ANSWER_NOT_SCIM(action=action, detail=str(exc.message))) from exc
        body = describe_body(response)
        what = (
            M.BODY_NOT_SCIM(body=body)
            if body.code != BODY_JSON.code
            else M.JSON_NOT_EXPECTED(detail=str(exc.message))
        )
        raise ProtocolError(
            M.ANSWERED_WITH(action=action, status=response.status_code, what=what),
            status=response.status_code,
            tracking_id=response.headers.get("trackingid"),
        ) from exc
    except SCIMException as exc:
        raise BadRequest(
            M.REQUEST_NOT_SCIM(action=action, detail=first_line(exc)),
            M.CHECK_MAPPINGS(),
            scim_type=getattr(exc, "scim_type", None) or None,
            retryable=False,
        ) from exc


def first_line(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    notes = getattr(exc, "__notes__", None)
    if notes:
        text = f"{text}: {notes[0]}"
    return text.splitlines()[0][:300] if text else type(exc).__name__


def validated(
    model: type[Resource[Any]], payload: Any, ctx: Context, action: Message
) -> ScimPayload:
    """The target's answer, checked against the resource's schema, returned as it was sent
    (from here on a ScimPayload: scim2-models has checked its keys and their types)."""
    if not isinstance(payload, dict):
        raise ProtocolError(M.NO_JSON_OBJECT(action=action))
    try:
        model.model_validate(payload, scim_ctx=ctx, scim_policy=TOLERANT_POLICY)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ProtocolError(
            M.SCHEMA_MISMATCH(
                action=action,
                model=model.__name__,
                where=str(first.get("loc")),
                detail=str(first.get("msg")),
            ),
        ) from exc
    return cast(ScimPayload, payload)


def _json(message: ScimPayload | PatchRequest) -> dict[str, Any]:
    """A typed message as the plain JSON object scim2-client's signatures name (no copy)."""
    return cast(dict[str, Any], message)


def page(model: type[Resource[Any]], raw: Any) -> dict[str, Any]:
    """One page of a search, checked to be a ListResponse (its resources are checked one by
    one: see resource_problem)."""
    if not isinstance(raw, dict):
        raise ProtocolError(M.SEARCH_NO_OBJECT())
    resources = raw.get("Resources")
    if resources is not None and not isinstance(resources, list):
        raise ProtocolError(M.SEARCH_NOT_LIST())
    # The envelope is checked with an empty Resources: a resource that does not validate
    # must not spoil the page (resource_problem checks each one).
    envelope = {**raw, "Resources": []} if resources else raw
    try:
        ListResponse[model].model_validate(  # type: ignore[valid-type]
            envelope, scim_ctx=Context.SEARCH_RESPONSE, scim_policy=TOLERANT_POLICY
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ProtocolError(
            M.SEARCH_INVALID(where=str(first.get("loc")), detail=str(first.get("msg"))),
        ) from exc
    return raw


def resource_problem(model: type[Resource[Any]], resource: Any) -> str | None:
    """Why one resource of a listing does not match its schema (None: it does).

    A listing is read resource by resource so that one user another tool left malformed
    never spoils the rest (issue 22): the caller reports it and uses the others."""
    if not isinstance(resource, dict):
        return "it is not a JSON object"
    try:
        model.model_validate(
            resource, scim_ctx=Context.SEARCH_RESPONSE, scim_policy=TOLERANT_POLICY
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        return f"{where}: {first.get('msg')}" if where else str(first.get("msg"))
    return None


def validate_patch(model: type[Resource[Any]], message: PatchRequest, rt: str) -> None:
    """Refuse (BadRequest, nothing sent) a PatchOp the resource's schema does not allow."""
    try:
        PatchOp[model].model_validate(  # type: ignore[valid-type]
            message, scim_ctx=Context.RESOURCE_PATCH_REQUEST, scim_policy=TOLERANT_POLICY
        )
    except (ValidationError, SCIMException) as exc:
        raise BadRequest(
            M.PATCH_INVALID(rt=rt, detail=first_line(exc)),
            M.CHECK_MAPPINGS(),
        ) from exc


def resource_type(engine: ScimEngine, rt: str) -> ResourceType:
    for candidate in engine.provider.resource_types:
        if str(candidate.name).casefold() == rt.casefold():
            return candidate
    raise InputError(M.NOT_SERVED(rt=rt), M.CHECK_TENANT_URL())
