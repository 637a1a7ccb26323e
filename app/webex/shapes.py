"""The shapes of the SCIM messages that cross module boundaries: resources, PATCH and Bulk.

Written once here, as TypedDicts, so that mypy checks the keys where the mapping builds a
payload, the planner compares it, the executor sends it and the Webex client puts it on
the wire. At run time they are plain dicts (a TypedDict costs nothing): the client sends
them as JSON, and what it reads back is only trusted once scim2-models has validated it.

- ScimUserPayload, ScimGroupPayload (ScimPayload: either): a SCIM resource body as the
  mappings build it and the target answers it (RFC 7643). Every attribute is optional
  (`total=False`): a mapping set writes what it maps, an update's desired state may hold
  only `active`. An extension's attributes sit under its schema URN
  (app.webex.constants.ENTERPRISE_USER, CISCO_USER, ...), a key no class attribute can
  spell: read them with `.get(URN)`; EnterpriseUserExtension is their shape.
- PatchOperation, PatchRequest: one operation of a PATCH and the PatchOp message that
  carries them (RFC 7644, 3.5.2; schemas = [app.webex.constants.PATCH_OP]).
- BulkOperation: one operation of a Bulk request (RFC 7644, 3.7): a POST carries a
  resource and a bulkId, a PATCH a PatchRequest, a DELETE nothing.
- ScimListResponse: a page of a search or a listing (RFC 7644, 3.4.2).

The lowest layer that uses them is the Webex client; app.sync imports them from here.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, Required, TypedDict


class ScimMeta(TypedDict, total=False):
    resourceType: str
    created: str
    lastModified: str
    location: str
    version: str


class ScimName(TypedDict, total=False):
    formatted: str
    familyName: str
    givenName: str
    middleName: str
    honorificPrefix: str
    honorificSuffix: str


class ScimMultiValue(TypedDict, total=False):
    """An element of a multi-valued attribute: emails, phoneNumbers, photos, roles ..."""

    value: str
    type: str
    primary: bool
    display: str


class ScimAddress(TypedDict, total=False):
    type: str
    primary: bool
    formatted: str
    streetAddress: str
    locality: str
    region: str
    postalCode: str
    country: str


# A reference to another resource: a group's member, a user's manager. "$ref" is no
# Python name, hence the functional form.
ScimMember = TypedDict(
    "ScimMember",
    {"value": Required[str], "type": str, "display": str, "$ref": str},
    total=False,
)
ScimManager = TypedDict(
    "ScimManager",
    {"value": str, "displayName": str, "$ref": str},
    total=False,
)


class EnterpriseUserExtension(TypedDict, total=False):
    """The enterprise extension's attributes (under app.webex.constants.ENTERPRISE_USER)."""

    employeeNumber: str
    costCenter: str
    organization: str
    division: str
    department: str
    manager: ScimManager


class ScimUserPayload(TypedDict, total=False):
    """A SCIM User: the body a mapping set builds, or a target's copy of a user."""

    schemas: list[str]
    id: str
    externalId: str
    userName: str
    name: ScimName
    displayName: str
    nickName: str
    profileUrl: str
    title: str
    userType: str
    preferredLanguage: str
    locale: str
    timezone: str
    active: bool
    password: str
    emails: list[ScimMultiValue]
    phoneNumbers: list[ScimMultiValue]
    photos: list[ScimMultiValue]
    addresses: list[ScimAddress]
    roles: list[ScimMultiValue]
    entitlements: list[ScimMultiValue]
    meta: ScimMeta


class ScimGroupPayload(TypedDict, total=False):
    """A SCIM Group: the body a group mapping set builds, or a target's copy of a group."""

    schemas: list[str]
    id: str
    externalId: str
    displayName: str
    members: list[ScimMember]
    meta: ScimMeta


ScimPayload = ScimUserPayload | ScimGroupPayload

PatchOp = Literal["add", "remove", "replace"]


class PatchOperation(TypedDict):
    """One PATCH operation: `path` names the attribute (absent: the resource itself),
    `value` is what add and replace write (remove has none)."""

    op: PatchOp
    path: NotRequired[str]
    value: NotRequired[Any]  # any JSON value the attribute at `path` takes


class PatchRequest(TypedDict):
    """The PatchOp message: schemas = [app.webex.constants.PATCH_OP]."""

    schemas: list[str]
    Operations: list[PatchOperation]


BulkMethod = Literal["POST", "PUT", "PATCH", "DELETE"]


class BulkOperation(TypedDict):
    """One operation of a Bulk request; `path` is "/Users" for a POST, "/Users/{id}" else."""

    method: BulkMethod
    path: str
    bulkId: NotRequired[str]  # POST: how the answer names the resource it created
    version: NotRequired[str]  # an ETag the target must still hold
    data: NotRequired[ScimPayload | PatchRequest]


class ScimListResponse(TypedDict, total=False):
    """A page of a search or a listing: Resources from startIndex, totalResults in all."""

    schemas: list[str]
    totalResults: int
    startIndex: int
    itemsPerPage: int
    Resources: list[ScimPayload]


__all__ = [
    "BulkMethod",
    "BulkOperation",
    "EnterpriseUserExtension",
    "PatchOp",
    "PatchOperation",
    "PatchRequest",
    "ScimAddress",
    "ScimGroupPayload",
    "ScimListResponse",
    "ScimManager",
    "ScimMember",
    "ScimMeta",
    "ScimMultiValue",
    "ScimName",
    "ScimPayload",
    "ScimUserPayload",
]
