"""The sandbox's Webex tenant: SCIM 2 under /identity/scim/{orgUUID}/v2/.

The SCIM semantics are scim2-server's (ASGIApplication over an in-memory storage); this module
adds what Webex does differently, as Cisco's spec has it (resources/vendor/, judged by
tests/contract/): no ServiceProviderConfig or ResourceTypes (404), tokens and admin roles
answered as Webex answers them, application/json answers, the searches of webex_search.py,
group members as Webex gives them (none in a search unless asked, 500 at most,
Groups/{id}/Members), PATCH answered 200 with the resource, Webex's Bulk limits and errors,
Schemas/SCIM2/..., and the attributes every answer keeps.

Beside it: webex_schemas.py (the schemas, with the Cisco extension, and the provider),
webex_rules.py (userType required, the primary work e-mail equal to userName, ll_CC
languages, externalAttributeN as {source, value}), webex_tokens.py (the tokens and the admin
roles' rights), webex_errors.py (error bodies carrying a trackingId) and webex_people.py
(GET /v1/people/me and /v1/authorizations/tokenExpiry).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from scim2_models import (
    Context,
    ForbiddenException,
    InvalidValueException,
    NotFoundException,
    PayloadTooLargeException,
    Resource,
    ResourceType,
    SCIMException,
)
from scim2_server.applications.asgi import ASGIApplication
from scim2_server.bulk import BulkPlan
from scim2_server.requests import ScimRequest
from scim2_server.responses import ScimResponse
from scim2_server.routing import Target
from scim2_server.storage import AsyncScimStorage

from app.sandbox.service import SandboxService
from app.sandbox.store import TenantStorage
from app.sandbox.webex_errors import TRACKING_ID, cisco_error_code
from app.sandbox.webex_schemas import (
    BULK_MAX_FAIL_ON_ERRORS,
    BULK_METHODS,
    webex_provider,
    webex_schemas,
)
from app.sandbox.webex_search import check_sort, webex_filter
from app.sandbox.webex_tokens import (
    ADMIN_RIGHTS,
    Principal,
    SandboxTokens,
    TokenKind,
    TokenRefused,
    bearer_token,
    check_rights,
)
from app.webex.constants import (
    CISCO_ERROR,
    CISCO_GROUP_MEMBERS,
    CISCO_USER,
    CORE_GROUP,
    CORE_USER,
    ENTERPRISE_USER,
    SCIM_ERROR,
)

MEMBERS_MAX_COUNT = 500


_WRITES = frozenset({"create", "replace", "patch", "delete", "bulk"})


class WebexService(SandboxService):
    """scim2-server's service (with the sandbox's cheaper Bulk) and Webex's differences."""

    def service_provider_config(self, location: str, query: Any) -> ScimResponse:
        raise NotFoundException(detail="No SCIM endpoint at '/ServiceProviderConfig'")

    def resource_types(self, location: str, query: Any) -> ScimResponse:
        raise NotFoundException(detail="No SCIM endpoint at '/ResourceTypes'")

    def resource_type(self, location: str, resource_type_id: str, query: Any) -> ScimResponse:
        raise NotFoundException(detail="No SCIM endpoint at '/ResourceTypes'")

    def authorize(self, request: ScimRequest, target: Target, resource_type: ResourceType) -> None:
        principal = request.subject
        if not isinstance(principal, Principal):
            raise TokenRefused(expired=False, missing=True)
        check_rights(
            principal.kind, str(resource_type.name), write=target.operation.value in _WRITES
        )

    def read_bulk(self, body: bytes, content_type: str | None) -> BulkPlan:
        """The Bulk request, within Webex's limits: at most 100 operations, each POST, PATCH
        or DELETE, failOnErrors from 1 to 100; outside them the whole request is answered 400
        (the spec's Bulk answers no 413)."""
        try:
            plan = super().read_bulk(body, content_type)
        except PayloadTooLargeException as exc:
            raise InvalidValueException(detail=exc.detail) from None
        fail_on_errors = plan.fail_on_errors
        if fail_on_errors is not None and not 1 <= fail_on_errors <= BULK_MAX_FAIL_ON_ERRORS:
            raise InvalidValueException(
                detail=f"failOnErrors must be between 1 and {BULK_MAX_FAIL_ON_ERRORS}, "
                f"not {fail_on_errors}."
            )
        for operation in plan.operations:
            method = getattr(operation.method, "value", operation.method)
            if method is not None and str(method).upper() not in BULK_METHODS:
                raise InvalidValueException(
                    detail=f"A Webex Bulk operation is POST, PATCH or DELETE, not {method}."
                )
        return plan

    def bulk_response(self, plan: BulkPlan) -> ScimResponse:
        """Each failed operation's response carries Cisco's error extension too."""
        response = super().bulk_response(plan)
        body = response.body or {}
        for operation in body.get("Operations") or []:
            error = operation.get("response")
            if not isinstance(error, dict):
                continue
            status = str(error.get("status") or operation.get("status") or "400")
            error["schemas"] = [SCIM_ERROR, CISCO_ERROR]
            error[CISCO_ERROR] = {
                "trackingId": TRACKING_ID.get(),
                "errorCode": cisco_error_code(status, error.get("scimType")),
                "details": str(error.get("detail") or ""),
            }
        return response

    def apply_patch(
        self, current: Resource[Any], patch_op: Any, conditions: Any
    ) -> Resource[Any] | None:
        """scim2-models' PATCH, with a quicker way for what clients send most to big groups:
        removals of members by value (`members[value eq "id"]`), up to 100 in one request.

        scim2-models copies the whole group and scans every member for each operation
        (about 3 s for 100 removals from a 1,200-member group). When every operation is such
        a removal of a present member, the result is the same list without them; anything
        else goes the library's way, errors included.
        """
        removed = _member_removals(patch_op)
        members = list(getattr(current, "members", None) or [])
        present = {str(member.value) for member in members}
        if not removed or not removed <= present:
            return super().apply_patch(current, patch_op, conditions)
        self.check_preconditions(current, "PATCH", conditions)
        current.members = [m for m in members if str(m.value) not in removed]  # type: ignore[attr-defined]
        return current

    def patch_response(
        self, base_url: str, resource: Resource[Any], response_parameters: Any
    ) -> ScimResponse:
        # Webex answers a PATCH with 200 and the whole resource (webex-admin.json).
        return self.resource_response(
            self.publish(base_url, resource),
            Context.RESOURCE_REPLACEMENT_RESPONSE,
            response_parameters,
        )

    def www_authenticate(self, exception: SCIMException) -> str | None:
        if isinstance(exception, TokenRefused):
            if exception.missing:
                return 'Bearer realm="Webex"'
            if exception.expired:
                return (
                    'Bearer realm="Webex", error="invalid_token", '
                    'error_description="The access token expired"'
                )
            return 'Bearer realm="Webex", error="invalid_token"'
        return super().www_authenticate(exception)


_SEARCHES = {"/Users": "User", "/Groups": "Group"}
_TENANT_PATH = re.compile(r"^/identity/scim/(?P<org>[^/]+)/v2(?P<rest>/.*)?$")
_MEMBERS_PATH = re.compile(r"^/Groups/(?P<id>[^/]+)/Members/?$")
_SCIM2_SCHEMA_PATH = re.compile(r"^/Schemas/SCIM2/(?P<name>.+)$")


class WebexScimApplication(ASGIApplication):
    """The tenant's SCIM endpoints, mounted at /identity/scim/{orgUUID}/v2/."""

    def __init__(
        self,
        storage: AsyncScimStorage,
        tenant_storage: TenantStorage,
        *,
        org_uuid: str,
        tokens: SandboxTokens,
    ) -> None:
        provider = webex_provider()
        super().__init__(storage, provider, WebexService(provider))
        self.tenant_storage = tenant_storage
        self.org_uuid = org_uuid
        self.tokens = tokens

    def root_path_of(self, path: str) -> str | None:
        """`/identity/scim/{org}` for a tenant path, else None."""
        match = _TENANT_PATH.match(path)
        return f"/identity/scim/{match.group('org')}" if match else None

    def needs_auth(self, request: ScimRequest) -> bool:
        return True  # Webex wants a token everywhere, discovery included

    def check_auth(self, request: ScimRequest) -> None:
        token = bearer_token(request.header("Authorization"))
        kind = self.tokens.kind_of(token)
        if kind is None or kind is TokenKind.SCIM_APP:
            raise TokenRefused(expired=False, missing=token is None)
        if kind is TokenKind.EXPIRED:
            raise TokenRefused(expired=True, missing=False)
        if kind is TokenKind.BOT:
            raise ForbiddenException(
                detail="Bots have no administrative access: the SCIM API needs an admin's token."
            )
        if kind is TokenKind.OTHER_ORG:
            raise ForbiddenException(
                detail=f"The token does not belong to an administrator of org {self.org_uuid}."
            )
        org = request.base_url.rstrip("/").removesuffix("/v2").rsplit("/", 1)[-1]
        if org.lower() != self.org_uuid:
            raise ForbiddenException(
                detail=f"The token does not belong to an administrator of org {org}."
            )

    def get_subject(self, request: ScimRequest) -> Any:
        kind = self.tokens.kind_of(bearer_token(request.header("Authorization")))
        return Principal(kind) if kind is not None else None

    async def read_request(self, scope: dict[str, Any], receive: Any) -> ScimRequest:
        request = await super().read_request(scope, receive)
        if request.body and b"accountstatus" in request.body.lower():
            request.body = account_status_as_list(request.body)
        return request

    async def dispatch_request(self, request: ScimRequest) -> ScimResponse:
        self.check_auth(request)
        request.subject = self.get_subject(request)
        path = request.path.rstrip("/") or "/"
        method = request.method.upper()
        if method == "GET" and (members := _MEMBERS_PATH.match(path)):
            return self._group_members(request, members.group("id"))
        if method == "GET" and (schema := _SCIM2_SCHEMA_PATH.match(path)):
            return self._scim2_schema(request, schema.group("name"))
        if path.endswith("/.search"):  # Webex searches with GET only (no POST .search)
            raise NotFoundException(detail=f"No SCIM endpoint at {path!r}")
        resource_type_name = _SEARCHES.get("/" + path.lstrip("/").split("/", 1)[0])
        if resource_type_name is not None:
            request.query = always_returned(request.query, resource_type_name)
        if method == "GET" and path in _SEARCHES:
            resource_type = _SEARCHES[path]
            check_rights(request.subject.kind, resource_type, write=False)
            if request.query.get("filter"):
                checked = webex_filter(request.query["filter"], resource_type, self.org_uuid)
                request.query = {**request.query, "filter": checked}
            check_sort(request.query, resource_type)
        if method == "POST" and path == "/Bulk" and not ADMIN_RIGHTS[request.subject.kind].writes:
            raise ForbiddenException(
                detail="A read-only administrator cannot change users or groups."
            )
        return await self.handler.handle(request)

    def finalize_response(self, request: ScimRequest, response: ScimResponse) -> ScimResponse:
        # Every Webex answer is application/json (the spec's only media type), errors included.
        response.headers["Content-Type"] = "application/json"
        body = response.body
        if isinstance(body, dict):
            search = request.method.upper() == "GET" and request.path.rstrip("/") == "/Groups"
            for resource in [body, *(body.get("Resources") or [])]:
                if not isinstance(resource, dict):
                    continue
                # Webex puts the org of each user in the Cisco extension's own "meta" block;
                # scim2-models treats "meta" as reserved, so it is added to the JSON here.
                extension = resource.get(CISCO_USER)
                if isinstance(extension, dict):
                    extension["meta"] = {"organizationId": self.org_uuid}
                if "members" in resource and _is_group(resource):
                    self._present_members(request, resource, search=search)
        return super().finalize_response(request, response)

    def _present_members(
        self, request: ScimRequest, group: dict[str, Any], *, search: bool
    ) -> None:
        """A group's members as Webex gives them: none in a search unless includeMembers=true
        (then only those of memberType, when given); otherwise the first 500, each with its
        type (user or group) and display name (the spec's "Search groups" and "Get a group")."""
        if search and (request.query.get("includeMembers") or "").lower() != "true":
            del group["members"]
            return
        wanted = (request.query.get("memberType") or "").lower() if search else ""
        entries = []
        for member in group.get("members") or []:
            entry = self._describe_member(str(member.get("value")), member.get("display"))
            if entry is not None and (not wanted or entry["type"] == wanted):
                entries.append({**entry, **member})  # what the resource holds ($ref) kept
            if len(entries) == MEMBERS_MAX_COUNT:
                break
        group["members"] = entries

    def _describe_member(self, value: str, display: Any) -> dict[str, str] | None:
        """{value, type, display} of a live member; None for one removed since."""
        member_type = "user"
        target = self.tenant_storage.peek("User", value)
        if target is None:
            member_type = "group"
            target = self.tenant_storage.peek("Group", value)
        if target is None:
            return None
        entry = {"value": value, "type": member_type}
        display = display or getattr(target, "display_name", None)
        if display:
            entry["display"] = str(display)
        return entry

    def _group_members(self, request: ScimRequest, group_id: str) -> ScimResponse:
        """GET /Groups/{id}/Members: a page (startIndex from 1, count 0 to 500, 500 by
        default) of the members of memberType (user, machine or group; all when absent)."""
        check_rights(request.subject.kind, "Group", write=False)
        group_type = self.service.get_resource_type("Group")
        group = self.tenant_storage.get(group_type, group_id)
        start = _whole_number(request.query.get("startIndex"), 1, "startIndex", minimum=1)
        count = _whole_number(request.query.get("count"), MEMBERS_MAX_COUNT, "count", minimum=0)
        if count > MEMBERS_MAX_COUNT:
            raise InvalidValueException(
                detail=f"count is at most {MEMBERS_MAX_COUNT} for a group's members, not {count}."
            )
        wanted = (request.query.get("memberType") or "").lower()
        entries = []
        for member in getattr(group, "members", None) or []:
            entry = self._describe_member(str(member.value), getattr(member, "display", None))
            if entry is not None and (not wanted or entry["type"] == wanted):
                entries.append(entry)
        page = entries[start - 1 : start - 1 + count]
        body = {
            "schemas": [CISCO_GROUP_MEMBERS],
            "displayName": str(getattr(group, "display_name", "") or ""),
            "memberSize": len(entries),  # the spec's example
            "totalResults": len(entries),  # the spec's schema
            "itemsPerPage": len(page),
            "startIndex": start,
            "members": page,
        }
        return ScimResponse(HTTPStatus.OK, body)

    def _scim2_schema(self, request: ScimRequest, name: str) -> ScimResponse:
        schemas = {s["id"]: s for s in webex_schemas()}
        if name == "User":
            ids = [CORE_USER, ENTERPRISE_USER, CISCO_USER]
            body: dict[str, Any] = {i: _without_schemas(schemas[i]) for i in ids}
        elif name == "Group":
            body = {CORE_GROUP: _without_schemas(schemas[CORE_GROUP])}
        elif name in schemas:
            body = _without_schemas(schemas[name])
        else:
            raise NotFoundException(detail=f"Schema {name!r} not found")
        return ScimResponse(HTTPStatus.OK, body, {"Content-Type": "application/json"})


def _without_schemas(schema: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in schema.items() if k != "schemas"}


_MEMBER_REMOVAL = re.compile(r'members\[value eq "(?P<value>[^"\\]+)"\]', re.IGNORECASE)


def _member_removals(patch_op: Any) -> set[str] | None:
    """The member ids a PATCH removes, when it is nothing but `remove members[value eq "id"]`."""
    values: set[str] = set()
    for operation in getattr(patch_op, "operations", None) or []:
        match = _MEMBER_REMOVAL.fullmatch(str(operation.path or ""))
        if str(operation.op).lower() != "remove" or match is None or operation.value is not None:
            return None
        values.add(match.group("value"))
    return values or None


def _whole_number(raw: str | None, default: int, name: str, *, minimum: int) -> int:
    if raw is None or raw == "":
        return default
    try:
        value = int(float(raw))
    except ValueError:
        raise InvalidValueException(detail=f"{name} must be a number, not {raw!r}.") from None
    if value < minimum:
        raise InvalidValueException(detail=f"{name} must be {minimum} or more, not {value}.")
    return value


# What every user or group answer holds whatever `attributes` and `excludedAttributes` ask:
# the `required` of the spec's GetUserResponse, SearchGetUserResponse and GetGroupResponse
# (schemas and id are returned always by SCIM itself).
ALWAYS_RETURNED = {"User": ("userName", "userType", "meta"), "Group": ("displayName", "meta")}


def always_returned(query: Mapping[str, str], resource_type: str) -> Mapping[str, str]:
    """The query with the attributes the spec always answers added to `attributes` and taken
    out of `excludedAttributes`."""
    names = ALWAYS_RETURNED[resource_type]
    changed = dict(query)
    if query.get("attributes"):
        asked = [a.strip() for a in query["attributes"].split(",") if a.strip()]
        folded = {a.lower() for a in asked}
        changed["attributes"] = ",".join(asked + [n for n in names if n.lower() not in folded])
    if query.get("excludedAttributes"):
        kept = [
            a.strip()
            for a in query["excludedAttributes"].split(",")
            if a.strip() and a.strip().lower() not in {n.lower() for n in names}
        ]
        changed["excludedAttributes"] = ",".join(kept)
        if not kept:
            del changed["excludedAttributes"]
    return changed


def _is_group(resource: dict[str, Any]) -> bool:
    meta = resource.get("meta")
    if isinstance(meta, dict) and meta.get("resourceType"):
        return str(meta["resourceType"]) == "Group"
    return CORE_GROUP in (resource.get("schemas") or [])


def account_status_as_list(body: bytes) -> bytes:
    """A request body with each Cisco extension's accountStatus as a list.

    Cisco's spec has a request send it as a string ("active": its PostUser and PutUser
    schema and example) and answers it as a list (["active"]); the sandbox stores the list
    and takes either.
    """
    try:
        payload = json.loads(body)
    except ValueError:
        return body  # the service answers the syntax error

    def fix(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                fix(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key.lower() == CISCO_USER.lower() and isinstance(value, dict):
                    for name, status in value.items():
                        if name.lower() == "accountstatus" and isinstance(status, str):
                            value[name] = [status]
                fix(value)

    fix(payload)
    return json.dumps(payload).encode()


__all__ = [
    "ALWAYS_RETURNED",
    "MEMBERS_MAX_COUNT",
    "WebexScimApplication",
    "WebexService",
    "account_status_as_list",
    "always_returned",
]
