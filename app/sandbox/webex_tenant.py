"""The sandbox's Webex tenant: GET /v1/people/me, /v1/authorizations/tokenExpiry and SCIM 2
under /identity/scim/{orgUUID}/v2/.

The SCIM semantics are scim2-server's (ASGIApplication over an in-memory storage); this module
adds what Webex does differently, as Cisco's spec has it (resources/vendor/, judged by
tests/contract/): its schemas (with the Cisco extension), no ServiceProviderConfig or
ResourceTypes (404), tokens and admin roles answered as Webex answers them, application/json
answers, the searches of webex_search.py, group members as Webex gives them (none in a search
unless asked, 500 at most, Groups/{id}/Members), userType required, the primary work e-mail
equal to userName, ll_CC languages, externalAttributeN as {source, value}, PATCH answered 200
with the resource, Webex's Bulk limits and errors, Schemas/SCIM2/..., and error bodies carrying
a trackingId.
"""

from __future__ import annotations

import base64
import contextvars
import copy
import enum
import functools
import json
import re
import secrets
import typing
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, fields
from http import HTTPStatus
from typing import Any

from pydantic import TypeAdapter
from scim2_models import (
    AuthenticationScheme,
    Bulk,
    ChangePassword,
    Context,
    ETag,
    Filter,
    ForbiddenException,
    InvalidValueException,
    NotFoundException,
    Pagination,
    Patch,
    PayloadTooLargeException,
    Resource,
    ResourceType,
    Schema,
    SCIMException,
    ScimPolicy,
    ScimProvider,
    ServiceProviderConfig,
    Sort,
    UnauthorizedException,
)
from scim2_server.applications.asgi import ASGIApplication
from scim2_server.bulk import BulkPlan
from scim2_server.requests import ScimRequest
from scim2_server.responses import ScimResponse
from scim2_server.routing import Target
from scim2_server.storage import AsyncScimStorage
from scim2_server.utils import load_json_resource

from app.sandbox.service import SandboxService
from app.sandbox.store import TenantStorage
from app.sandbox.webex_search import check_sort, webex_filter
from app.webex.constants import (
    CISCO_ERROR,
    CISCO_GROUP_MEMBERS,
    CISCO_USER,
    CORE_GROUP,
    CORE_USER,
    ENTERPRISE_USER,
    RESOURCE_TYPE_SCHEMA,
    SCHEMA_SCHEMA,
    SCIM_ERROR,
)

WEBEX_401_MESSAGE = (
    "The request requires a valid access token set in the Authorization request header."
)
USER_TYPES = ("user", "room", "external_calling", "calling_service")
# The spec's AccountStatusObject.
ACCOUNT_STATUSES = (
    "active", "pending", "transient", "disabled", "fraud", "fraud_transient",
    "compliance_transient", "pending_transient",
)  # fmt: skip
BULK_MAX_OPERATIONS = 100
BULK_MAX_FAIL_ON_ERRORS = 100
BULK_METHODS = ("POST", "PATCH", "DELETE")
# externalAttribute1..15 and extensionAttribute1..15 ("Postfix support from 1 to 15").
CISCO_ATTRIBUTE_COUNT = 15
# preferredLanguage and locale: "the 2 letter language code followed by an _ and then the
# 2 letter country code" (en_US, fr_FR).
_LANGUAGE_TAG = re.compile(r"[a-z]{2}_[A-Z]{2}")
MEMBERS_MAX_COUNT = 500
# A fixed, plausible creation date for the people/me records.
_PEOPLE_CREATED = "2024-03-18T09:12:44.000Z"


# The TrackingID of the request being answered (set by the server for each Webex request):
# the parts of an answer that carry it in their body (a Bulk operation's error) read it here.
TRACKING_ID: contextvars.ContextVar[str] = contextvars.ContextVar(
    "sandbox_tracking_id", default="SANDBOX_UNTRACKED"
)


def webex_id(kind: str, value: str) -> str:
    """Webex's public id form: base64 of `ciscospark://us/KIND/value`, without padding."""
    raw = f"ciscospark://us/{kind}/{value}".encode()
    return base64.b64encode(raw).decode("ascii").rstrip("=")


class TokenKind(enum.Enum):
    """Who a sandbox token stands for."""

    FULL_ADMIN = "full_admin"
    READONLY_ADMIN = "readonly_admin"
    USER_ADMIN = "user_admin"
    GROUP_ADMIN = "group_admin"
    BOT = "bot"
    EXPIRED = "expired"
    OTHER_ORG = "other_org"
    SCIM_APP = "scim_app"


@dataclass(frozen=True, repr=False)
class SandboxTokens:
    """The bearer tokens the sandbox accepts (sandbox-only: they open nothing but this sandbox).

    `full_admin` (id_full_admin), `readonly_admin` (id_readonly_admin: reads work, writes 403),
    `user_admin` (id_user_admin: users read and written, groups 403), `group_admin`
    (id_group_admin: groups read and written, users 403), `bot` (people/me says type bot;
    SCIM 403), `expired` (401), `other_org` (an admin of another org: people/me gives that
    org; SCIM here 403), `scim_app` (the generic SCIM application).
    """

    full_admin: str
    readonly_admin: str
    bot: str
    expired: str
    other_org: str
    scim_app: str
    user_admin: str
    group_admin: str

    @classmethod
    def generate(cls) -> SandboxTokens:
        return cls.from_dict({})

    def to_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, values: dict[str, str]) -> SandboxTokens:
        """The tokens kept in a state file; a kind the file predates gets a new token."""
        return cls(**{f.name: values.get(f.name) or secrets.token_urlsafe(32) for f in fields(cls)})

    def kind_of(self, token: str | None) -> TokenKind | None:
        if not token:
            return None
        for f in fields(self):
            if secrets.compare_digest(getattr(self, f.name), token):
                return TokenKind(f.name)
        return None

    def __repr__(self) -> str:  # the tokens stay out of logs and tracebacks
        return "SandboxTokens(<sandbox-only tokens hidden>)"


def bearer_token(authorization: str | None) -> str | None:
    scheme, _, token = (authorization or "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


# -- Schemas and capabilities ---------------------------------------------------------------

_STRING = {
    "type": "string",
    "multiValued": False,
    "required": False,
    "caseExact": False,
    "mutability": "readWrite",
    "returned": "default",
    "uniqueness": "none",
}


def _attribute(name: str, **overrides: Any) -> dict[str, Any]:
    return {**_STRING, "name": name, **overrides}


def _cisco_user_schema() -> dict[str, Any]:
    """The part of Cisco's extension a provisioning client meets (webex-admin.json, Schemas)."""
    attributes = [
        _attribute("accountStatus", multiValued=True, canonicalValues=list(ACCOUNT_STATUSES)),
        _attribute(
            "sipAddresses",
            type="complex",
            multiValued=True,
            subAttributes=[
                _attribute("value"),
                _attribute("display"),
                _attribute(
                    "type", canonicalValues=["enterprise", "cloud-calling", "personal-room"]
                ),
                _attribute("primary", type="boolean"),
            ],
        ),
        _attribute(
            "managedOrgs",
            type="complex",
            multiValued=True,
            subAttributes=[_attribute("orgId"), _attribute("role")],
        ),
        _attribute(
            "managedGroups",
            type="complex",
            multiValued=True,
            subAttributes=[_attribute("orgId"), _attribute("groupId"), _attribute("role")],
        ),
    ]
    numbers = range(1, CISCO_ATTRIBUTE_COUNT + 1)
    attributes += [_attribute(f"extensionAttribute{i}", multiValued=True) for i in numbers]
    attributes += [
        _attribute(
            f"externalAttribute{i}",
            type="complex",
            multiValued=True,
            subAttributes=[
                _attribute("value", caseExact=True, required=True),
                _attribute("source", caseExact=True, required=True),
            ],
        )
        for i in numbers
    ]
    return {
        "schemas": [SCHEMA_SCHEMA],
        "id": CISCO_USER,
        "name": "CiscoUser",
        "description": "Cisco Webex identity extension",
        "attributes": attributes,
    }


def webex_schemas() -> list[dict[str, Any]]:
    """Core User (userType required, with Webex's values), Group, enterprise, Cisco extension."""
    defaults = {s["id"]: copy.deepcopy(s) for s in load_json_resource("default-schemas.json")}
    user = defaults[CORE_USER]
    for attribute in user["attributes"]:
        if attribute["name"] == "userType":  # Webex refuses a creation without it
            attribute["canonicalValues"] = list(USER_TYPES)
            attribute["required"] = True
    result = [user, defaults[CORE_GROUP], defaults[ENTERPRISE_USER], _cisco_user_schema()]
    for schema in result:
        schema.setdefault("schemas", [SCHEMA_SCHEMA])
    return result


def webex_resource_types() -> list[dict[str, Any]]:
    return [
        {
            "schemas": [RESOURCE_TYPE_SCHEMA],
            "id": "User",
            "name": "User",
            "endpoint": "/Users",
            "schema": CORE_USER,
            "schemaExtensions": [
                {"schema": ENTERPRISE_USER, "required": False},
                {"schema": CISCO_USER, "required": False},
            ],
        },
        {
            "schemas": [RESOURCE_TYPE_SCHEMA],
            "id": "Group",
            "name": "Group",
            "endpoint": "/Groups",
            "schema": CORE_GROUP,
        },
    ]


def webex_capabilities() -> ServiceProviderConfig:
    """What the tenant supports. Webex publishes none of it (no ServiceProviderConfig endpoint):
    a client knows it, as reference/webex-api-facts.md says (Bulk at most 100 operations)."""
    return ServiceProviderConfig(
        patch=Patch(supported=True),
        bulk=Bulk(supported=True, max_operations=BULK_MAX_OPERATIONS, max_payload_size=1_048_576),
        filter=Filter(supported=True, max_results=1000),
        change_password=ChangePassword(supported=False),
        sort=Sort(supported=True),
        etag=ETag(supported=True),
        pagination=Pagination(
            index=True,
            cursor=False,
            default_pagination_method=Pagination.DefaultPaginationMethod.index,
            default_page_size=100,
        ),
        authentication_schemes=[
            AuthenticationScheme(
                type=AuthenticationScheme.Type.oauthbearertoken,
                name="OAuth Bearer Token",
                description="A Webex access token with the identity:people_rw scope",
            )
        ],
    )


# Webex ignores unknown attributes and schemas (webex-api-facts.md), and, being a Microsoft Entra
# gallery app, takes Entra's `remove` of group members with a `value` instead of a path filter.
WEBEX_POLICY = ScimPolicy(
    unknown=ScimPolicy.Unknown.ignore,
    remove_value_as_filter=ScimPolicy.RemoveValue.apply,
)


# The Cisco extension's field in each parametrized User model (scim2-models names it after
# the extension class); looked up once a model, not through a path on every creation (a
# tenth of the sandbox's time to store a bulk of new users, benchmark P1).
_EXTENSION_FIELDS: dict[type[Any], str | None] = {}


def _extension_field(model: type[Any]) -> str | None:
    if model not in _EXTENSION_FIELDS:
        extension = webex_provider().model_for(CISCO_USER)
        _EXTENSION_FIELDS[model] = next(
            (
                name
                for name, info in model.model_fields.items()
                if extension is not None and extension in typing.get_args(info.annotation)
            ),
            None,
        )
    return _EXTENSION_FIELDS[model]


@functools.cache
def _active_status_template() -> Any:
    extension = webex_provider().model_for(CISCO_USER)
    assert extension is not None
    return extension.model_validate({"accountStatus": ["active"]})


def _assign(resource: Resource[Any], field: str, extension: Any) -> None:
    """Set an extension field to a validated extension without validating the whole
    resource again (pydantic's validate_assignment re-runs every model validator of the
    user: three quarters of the stamp's cost)."""
    resource.__dict__[field] = extension
    resource.__pydantic_fields_set__.add(field)


def _active_status() -> Any:
    """A new Cisco extension with accountStatus ["active"]: a copy of one validated once
    (its list is shared: the storage never changes a stored value in place)."""
    return _active_status_template().model_copy()


@functools.cache
def webex_provider() -> ScimProvider:
    """The description of the Webex tenant; a test describes its SCIM client with it too."""
    return ScimProvider.from_discovery(
        [Schema.model_validate(s) for s in webex_schemas()],
        [ResourceType.model_validate(rt) for rt in webex_resource_types()],
        config=webex_capabilities(),
        policy=WEBEX_POLICY,
    )


# -- The rules Webex applies to what is stored ------------------------------------------------

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class WebexRules:
    """Checks and amends each resource before the storage keeps it (single, bulk, PUT, PATCH).

    `require_email_user_name`: userName must be an e-mail address and the primary work e-mail
    must equal it (Webex's rule); switched off only to run generic SCIM test suites whose
    generated users have random user names.
    """

    def __init__(self, org_uuid: str, *, require_email_user_name: bool = True) -> None:
        self.org_uuid = org_uuid
        self.require_email_user_name = require_email_user_name
        self.storage: TenantStorage | None = None

    def __call__(
        self, resource_type: ResourceType, resource: Resource[Any], creating: bool
    ) -> Resource[Any]:
        if resource_type.name == "User":
            self._check_user_type(resource, creating)
            if self.require_email_user_name:
                self._check_email(resource, creating)
            self._check_languages(resource)
            self._stamp_cisco_extension(resource, creating)
            self._check_external_attributes(resource)
        elif resource_type.name == "Group":
            self._check_members(resource)
        return resource

    @staticmethod
    def _check_user_type(resource: Resource[Any], creating: bool) -> None:
        user_type = getattr(resource, "user_type", None)
        if user_type is None:
            if creating:
                raise InvalidValueException(
                    detail=f"userType is required; use one of {', '.join(USER_TYPES)}."
                )
            return
        if str(user_type) not in USER_TYPES:
            raise InvalidValueException(
                detail=f"userType {user_type!r} is not one of {', '.join(USER_TYPES)}."
            )

    @staticmethod
    def _check_email(resource: Resource[Any], creating: bool) -> None:
        user_name = str(getattr(resource, "user_name", "") or "")
        if not _EMAIL.match(user_name):
            raise InvalidValueException(
                detail=f"userName {user_name!r} must be the user's e-mail address."
            )
        emails = list(getattr(resource, "emails", None) or [])
        if not emails:
            if creating:  # Webex makes the work e-mail from the userName
                model = type(resource).model_fields["emails"].annotation
                resource.emails = _email_list(model, user_name)  # type: ignore[attr-defined]
            return
        primary = next((e for e in emails if getattr(e, "primary", False)), None)
        if primary is None:
            primary = next((e for e in emails if str(getattr(e, "type", "")) == "work"), None)
        if primary is None:
            raise InvalidValueException(
                detail="The user needs a primary work e-mail equal to userName."
            )
        if str(getattr(primary, "type", "") or "work") != "work":
            raise InvalidValueException(detail="The primary e-mail must be of type work.")
        value = str(getattr(primary, "value", "") or "")
        if value.casefold() != user_name.casefold():
            raise InvalidValueException(
                detail=f"The primary work e-mail {value!r} must equal userName {user_name!r}."
            )

    @staticmethod
    def _check_languages(resource: Resource[Any]) -> None:
        for name, field in (("preferredLanguage", "preferred_language"), ("locale", "locale")):
            value = getattr(resource, field, None)
            if value is not None and not _LANGUAGE_TAG.fullmatch(str(value)):
                raise InvalidValueException(
                    detail=f"{name} {str(value)!r} is not a language and country code "
                    "written ll_CC, such as en_US or fr_FR."
                )

    @staticmethod
    def _check_external_attributes(resource: Resource[Any]) -> None:
        """Each externalAttributeN item needs both source and value (ExternalAttributeObject)."""
        field = _extension_field(type(resource))
        extension = getattr(resource, field, None) if field else None
        if extension is None:
            return
        for number in range(1, CISCO_ATTRIBUTE_COUNT + 1):
            for item in getattr(extension, f"external_attribute_{number}", None) or []:
                missing = [n for n in ("source", "value") if not getattr(item, n, None)]
                if missing:
                    raise InvalidValueException(
                        detail=f"externalAttribute{number} items are objects with a source "
                        f"and a value; one has no {' and no '.join(missing)}."
                    )

    def _stamp_cisco_extension(self, resource: Resource[Any], creating: bool) -> None:
        """A new user's accountStatus is ["active"] unless the request set one; a PUT or
        PATCH that leaves it out keeps the stored one (Webex manages it: every answer of
        Cisco's spec carries it)."""
        field = _extension_field(type(resource))
        if field is None:
            return
        status: Any = ["active"]
        if not creating:
            stored = (
                self.storage.peek("User", str(resource.id))
                if self.storage is not None and resource.id
                else None
            )
            kept = getattr(stored, field, None) if stored is not None else None
            status = getattr(kept, "account_status", None)
            if not status:
                return
        extension = getattr(resource, field)
        if extension is None:
            if creating:
                _assign(resource, field, _active_status())
            elif kept is not None:
                _assign(resource, field, type(kept).model_validate({"accountStatus": status}))
        elif not getattr(extension, "account_status", None):
            data = extension.model_dump()
            data["accountStatus"] = list(status)
            _assign(resource, field, type(extension).model_validate(data))

    def _check_members(self, resource: Resource[Any]) -> None:
        storage = self.storage
        if storage is None:
            return
        for member in getattr(resource, "members", None) or []:
            value = getattr(member, "value", None)
            if not value:
                raise InvalidValueException(detail="A group member needs a value (a user id).")
            if (
                storage.peek("User", str(value)) is None
                and storage.peek("Group", str(value)) is None
            ):
                raise InvalidValueException(
                    detail=f"The group member {value!r} is not a user or group of this org."
                )


def _email_list(annotation: Any, user_name: str) -> Any:
    """A one-item `emails` list of the model's own Email class, built through validation."""
    return _adapter(annotation).validate_python(
        [{"value": user_name, "type": "work", "primary": True}]
    )


@functools.cache
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


# -- The SCIM application ---------------------------------------------------------------------


class TokenRefused(UnauthorizedException):
    """401 with Webex's message; `expired` tells the WWW-Authenticate header which reason to give."""

    def __init__(self, *, expired: bool, missing: bool) -> None:
        super().__init__(detail=WEBEX_401_MESSAGE)
        self.expired = expired
        self.missing = missing


@dataclass(frozen=True)
class Principal:
    kind: TokenKind


@dataclass(frozen=True)
class AdminRights:
    """What an administrator's role lets a token do on SCIM (the spec's "The following
    administrators can use this API" of each operation)."""

    role: str
    reads: frozenset[str]  # resource type names
    writes: frozenset[str]


_USERS_AND_GROUPS = frozenset({"User", "Group"})
ADMIN_RIGHTS = {
    TokenKind.FULL_ADMIN: AdminRights("id_full_admin", _USERS_AND_GROUPS, _USERS_AND_GROUPS),
    TokenKind.READONLY_ADMIN: AdminRights("id_readonly_admin", _USERS_AND_GROUPS, frozenset()),
    TokenKind.USER_ADMIN: AdminRights("id_user_admin", frozenset({"User"}), frozenset({"User"})),
    TokenKind.GROUP_ADMIN: AdminRights(
        "id_group_admin", frozenset({"Group"}), frozenset({"Group"})
    ),
}
_WRITES = frozenset({"create", "replace", "patch", "delete", "bulk"})
_PLURAL = {"User": "users", "Group": "groups"}


def check_rights(kind: TokenKind, resource_type: str, *, write: bool) -> None:
    """Raise 403 when the token's role may not read (or write) this resource type."""
    rights = ADMIN_RIGHTS.get(kind)
    if rights is None:  # bots and other orgs never get this far (check_auth)
        raise ForbiddenException(detail="The token has no administrative role in this org.")
    allowed = rights.writes if write else rights.reads
    if resource_type not in allowed:
        what = _PLURAL.get(resource_type, resource_type)
        raise ForbiddenException(
            detail=f"An administrator with the role {rights.role} cannot "
            f"{'change' if write else 'read'} {what}."
        )


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


# -- GET /v1/people/me ------------------------------------------------------------------------


@dataclass(frozen=True)
class PeopleRecord:
    """The person (or bot) a token belongs to."""

    kind: TokenKind
    person_uuid: str
    org_uuid: str
    emails: tuple[str, ...]
    display_name: str
    first_name: str | None
    last_name: str | None
    roles: tuple[str, ...]
    type: str  # person | bot

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "id": webex_id("PEOPLE", self.person_uuid),
            "emails": list(self.emails),
            "phoneNumbers": [],
            "displayName": self.display_name,
        }
        if self.first_name:
            body["nickName"] = self.first_name
            body["firstName"] = self.first_name
        if self.last_name:
            body["lastName"] = self.last_name
        body.update(
            {
                "orgId": webex_id("ORGANIZATION", self.org_uuid),
                "roles": [webex_id("ROLE", role) for role in self.roles],
                "licenses": [webex_id("LICENSE", f"{self.org_uuid}_MS")]
                if self.type == "person"
                else [],
                "created": _PEOPLE_CREATED,
                "lastModified": _PEOPLE_CREATED,
                "status": "active",
                "invitePending": "false",
                "loginEnabled": "true",
                "type": self.type,
            }
        )
        return body


def people_records(org_uuid: str) -> dict[TokenKind, PeopleRecord]:
    """The people behind the tokens; ids derive from the org so they survive restarts."""
    namespace = uuid.UUID(org_uuid)
    other_org = str(uuid.uuid5(namespace, "other-org"))

    def person_uuid(name: str) -> str:
        return str(uuid.uuid5(namespace, name))

    return {
        TokenKind.FULL_ADMIN: PeopleRecord(
            TokenKind.FULL_ADMIN,
            person_uuid("full-admin"),
            org_uuid,
            ("camille.martin@example.com",),
            "Camille Martin",
            "Camille",
            "Martin",
            ("id_full_admin",),
            "person",
        ),
        TokenKind.READONLY_ADMIN: PeopleRecord(
            TokenKind.READONLY_ADMIN,
            person_uuid("readonly-admin"),
            org_uuid,
            ("oliver.hughes@example.com",),
            "Oliver Hughes",
            "Oliver",
            "Hughes",
            ("id_readonly_admin",),
            "person",
        ),
        TokenKind.USER_ADMIN: PeopleRecord(
            TokenKind.USER_ADMIN,
            person_uuid("user-admin"),
            org_uuid,
            ("lucie.girard@example.com",),
            "Lucie Girard",
            "Lucie",
            "Girard",
            ("id_user_admin",),
            "person",
        ),
        TokenKind.GROUP_ADMIN: PeopleRecord(
            TokenKind.GROUP_ADMIN,
            person_uuid("group-admin"),
            org_uuid,
            ("harry.walker@example.com",),
            "Harry Walker",
            "Harry",
            "Walker",
            ("id_group_admin",),
            "person",
        ),
        TokenKind.BOT: PeopleRecord(
            TokenKind.BOT,
            person_uuid("bot"),
            org_uuid,
            ("sandbox-helper@webex.bot",),
            "Sandbox Helper",
            None,
            None,
            (),
            "bot",
        ),
        TokenKind.OTHER_ORG: PeopleRecord(
            TokenKind.OTHER_ORG,
            str(uuid.uuid5(uuid.UUID(other_org), "full-admin")),
            other_org,
            ("jeanne.roux@other.example.com",),
            "Jeanne Roux",
            "Jeanne",
            "Roux",
            ("id_full_admin",),
            "person",
        ),
    }


# Cisco's error extension gives a number for each kind of error; the spec lists none, so the
# sandbox's are its own: the HTTP status, then one digit for the SCIM error type.
_ERROR_KINDS = ("", "invalidValue", "invalidFilter", "invalidSyntax", "uniqueness", "mutability",
                "noTarget", "invalidPath", "tooMany", "invalidVers")  # fmt: skip


def cisco_error_code(status: str, scim_type: Any) -> str:
    kind = _ERROR_KINDS.index(scim_type) if scim_type in _ERROR_KINDS else 0
    return f"{status}{kind:03d}"


def webex_error_body(message: str, tracking_id: str) -> dict[str, Any]:
    """Webex's non-SCIM error body."""
    return {"message": message, "errors": [{"description": message}], "trackingId": tracking_id}


def people_me(
    tokens: SandboxTokens, records: dict[TokenKind, PeopleRecord], authorization: str | None
) -> tuple[int, dict[str, Any], dict[str, str]]:
    """Answer GET /v1/people/me: (status, body without trackingId, extra headers)."""
    kind = tokens.kind_of(bearer_token(authorization))
    record = records.get(kind) if kind is not None else None
    if record is None:
        challenge = 'Bearer realm="Webex", error="invalid_token"'
        if kind is TokenKind.EXPIRED:
            challenge += ', error_description="The access token expired"'
        body = {"message": WEBEX_401_MESSAGE, "errors": [{"description": WEBEX_401_MESSAGE}]}
        return 401, body, {"WWW-Authenticate": challenge}
    return 200, record.to_json(), {}


def token_expiry(
    tokens: SandboxTokens, authorization: str | None, expires_ms: int
) -> tuple[int, dict[str, Any], dict[str, str]]:
    """Answer GET /v1/authorizations/tokenExpiry: {"exp": epoch ms} for a token Webex knows
    (the spec's getTokenExpirationStatus); 401 as people/me answers for any other."""
    kind = tokens.kind_of(bearer_token(authorization))
    if kind is None or kind in (TokenKind.EXPIRED, TokenKind.SCIM_APP):
        return people_me(tokens, {}, authorization)
    return 200, {"exp": expires_ms}, {}


def scim_error_body(status: int, detail: str, scim_type: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "schemas": [SCIM_ERROR],
        "status": str(status),
        "detail": detail,
    }
    if scim_type:
        body["scimType"] = scim_type
    return body


__all__ = [
    "CISCO_USER",
    "WEBEX_401_MESSAGE",
    "PeopleRecord",
    "SandboxTokens",
    "TokenKind",
    "WebexRules",
    "WebexScimApplication",
    "people_me",
    "people_records",
    "token_expiry",
    "webex_capabilities",
    "webex_id",
    "webex_provider",
]
