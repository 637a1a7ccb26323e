"""The sandbox's Webex tenant: GET /v1/people/me and SCIM 2 under /identity/scim/{orgUUID}/v2/.

The SCIM semantics are scim2-server's (ASGIApplication over an in-memory storage); this module
adds what Webex does differently (reference/webex-api-facts.md): its schemas (with the Cisco
extension), no ServiceProviderConfig or ResourceTypes (404), tokens answered as Webex answers
them, userType required, the primary work e-mail equal to userName, PATCH answered 200 with the
resource, Groups/{id}/Members, Schemas/SCIM2/..., and error bodies carrying a trackingId.
"""

from __future__ import annotations

import base64
import copy
import enum
import functools
import re
import secrets
import typing
import uuid
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
from scim2_server.requests import ScimRequest
from scim2_server.responses import ScimResponse
from scim2_server.routing import Target
from scim2_server.storage import AsyncScimStorage
from scim2_server.utils import load_json_resource

from app.sandbox.service import SandboxService
from app.sandbox.store import TenantStorage

CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User"
CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
CISCO_USER = "urn:scim:schemas:extension:cisco:webexidentity:2.0:User"
GROUP_MEMBERS = "urn:scim:schemas:extension:cisco:webexidentity:2.0:GroupMembers"
SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema"
RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType"

WEBEX_401_MESSAGE = (
    "The request requires a valid access token set in the Authorization request header."
)
USER_TYPES = ("user", "room", "external_calling", "calling_service")
ACCOUNT_STATUSES = (
    "active", "pending", "transient", "disabled", "suspended", "compliance-transient",
    "pending-transient", "marked_deleted", "fraud-transient", "fraud",
)  # fmt: skip
BULK_MAX_OPERATIONS = 100
MEMBERS_MAX_COUNT = 500
# A fixed, plausible creation date for the people/me records.
_PEOPLE_CREATED = "2024-03-18T09:12:44.000Z"


def webex_id(kind: str, value: str) -> str:
    """Webex's public id form: base64 of `ciscospark://us/KIND/value`, without padding."""
    raw = f"ciscospark://us/{kind}/{value}".encode()
    return base64.b64encode(raw).decode("ascii").rstrip("=")


class TokenKind(enum.Enum):
    """Who a sandbox token stands for."""

    FULL_ADMIN = "full_admin"
    READONLY_ADMIN = "readonly_admin"
    BOT = "bot"
    EXPIRED = "expired"
    OTHER_ORG = "other_org"
    SCIM_APP = "scim_app"


@dataclass(frozen=True, repr=False)
class SandboxTokens:
    """The bearer tokens the sandbox accepts (sandbox-only: they open nothing but this sandbox).

    `full_admin` (id_full_admin), `readonly_admin` (id_readonly_admin: reads work, writes 403),
    `bot` (people/me says type bot; SCIM 403), `expired` (401), `other_org` (an admin of another
    org: people/me gives that org; SCIM here 403), `scim_app` (the generic SCIM application).
    """

    full_admin: str
    readonly_admin: str
    bot: str
    expired: str
    other_org: str
    scim_app: str

    @classmethod
    def generate(cls) -> SandboxTokens:
        return cls(**{f.name: secrets.token_urlsafe(32) for f in fields(cls)})

    def to_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, values: dict[str, str]) -> SandboxTokens:
        return cls(**{f.name: values[f.name] for f in fields(cls)})

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
    attributes += [_attribute(f"extensionAttribute{i}", multiValued=True) for i in range(1, 16)]
    attributes += [
        _attribute(
            f"externalAttribute{i}",
            type="complex",
            multiValued=True,
            subAttributes=[
                _attribute("value", caseExact=True),
                _attribute("source", caseExact=True),
            ],
        )
        for i in range(1, 16)
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
            self._stamp_cisco_extension(resource, creating)
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
    def _stamp_cisco_extension(resource: Resource[Any], creating: bool) -> None:
        """A new user's accountStatus is ["active"] unless the request set one."""
        if not creating:
            return
        field = _extension_field(type(resource))
        if field is None:
            return
        extension = getattr(resource, field)
        if extension is None:
            _assign(resource, field, _active_status())
        elif not getattr(extension, "account_status", None):
            data = extension.model_dump()
            data["accountStatus"] = ["active"]
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
        writes = {"create", "replace", "patch", "delete", "bulk"}
        if principal.kind is TokenKind.READONLY_ADMIN and target.operation.value in writes:
            raise ForbiddenException(
                detail="A read-only administrator cannot change users or groups."
            )

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

    async def dispatch_request(self, request: ScimRequest) -> ScimResponse:
        self.check_auth(request)
        request.subject = self.get_subject(request)
        path = request.path.rstrip("/") or "/"
        method = request.method.upper()
        if method == "GET" and (members := _MEMBERS_PATH.match(path)):
            return self._group_members(request, members.group("id"))
        if method == "GET" and (schema := _SCIM2_SCHEMA_PATH.match(path)):
            return self._scim2_schema(request, schema.group("name"))
        if (
            method == "POST"
            and path == "/Bulk"
            and request.subject == Principal(TokenKind.READONLY_ADMIN)
        ):
            raise ForbiddenException(
                detail="A read-only administrator cannot change users or groups."
            )
        return await self.handler.handle(request)

    def finalize_response(self, request: ScimRequest, response: ScimResponse) -> ScimResponse:
        # Webex puts the org of each user in the Cisco extension's own "meta" block; scim2-models
        # treats "meta" as reserved, so it is added to the JSON here, where the block is returned.
        body = response.body
        if isinstance(body, dict):
            for resource in [body, *(body.get("Resources") or [])]:
                extension = resource.get(CISCO_USER) if isinstance(resource, dict) else None
                if isinstance(extension, dict):
                    extension["meta"] = {"organizationId": self.org_uuid}
        return super().finalize_response(request, response)

    def _group_members(self, request: ScimRequest, group_id: str) -> ScimResponse:
        provider = webex_provider()
        group_type = self.service.get_resource_type("Group")
        group = self.tenant_storage.get(group_type, group_id)
        start = _positive_int(request.query.get("startIndex"), 1, "startIndex")
        count = min(_positive_int(request.query.get("count"), 100, "count"), MEMBERS_MAX_COUNT)
        wanted = (request.query.get("memberType") or "").lower()
        entries = []
        with provider:
            for member in getattr(group, "members", None) or []:
                value = str(member.value)
                member_type = "user"
                target = self.tenant_storage.peek("User", value)
                if target is None:
                    member_type = "group"
                    target = self.tenant_storage.peek("Group", value)
                if target is None:
                    continue  # a member removed since; Webex lists only live members
                display = getattr(member, "display", None) or getattr(target, "display_name", None)
                if wanted and member_type != wanted:
                    continue
                entry = {"value": value, "type": member_type}
                if display:
                    entry["display"] = str(display)
                entries.append(entry)
        page = entries[start - 1 : start - 1 + count]
        body = {
            "schemas": [GROUP_MEMBERS],
            "memberSize": len(entries),
            "displayName": getattr(group, "display_name", None),
            "itemsPerPage": len(page),
            "startIndex": start,
            "members": page,
        }
        return ScimResponse(HTTPStatus.OK, body, {"Content-Type": "application/json"})

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


def _positive_int(raw: str | None, default: int, name: str) -> int:
    if raw is None or raw == "":
        return default
    try:
        value = int(float(raw))
    except ValueError:
        raise InvalidValueException(detail=f"{name} must be a number, not {raw!r}.") from None
    if value < 1:
        raise InvalidValueException(detail=f"{name} must be 1 or more, not {value}.")
    return value


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


def webex_error_body(message: str, tracking_id: str) -> dict[str, Any]:
    """Webex's non-SCIM error body."""
    return {"message": message, "errors": [{"description": message}], "trackingId": tracking_id}


def people_me(
    tokens: SandboxTokens, records: dict[TokenKind, PeopleRecord], authorization: str | None
) -> tuple[int, dict[str, Any] | None, dict[str, str]]:
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


def scim_error_body(status: int, detail: str, scim_type: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
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
    "webex_capabilities",
    "webex_id",
    "webex_provider",
]
