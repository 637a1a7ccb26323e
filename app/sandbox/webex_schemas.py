"""What the Webex tenant describes itself as: its schemas (core User with userType required,
Group, enterprise User, Cisco's extension), its resource types, its capabilities (unpublished
by Webex: Bulk at most 100 operations), its SCIM policy, and the `webex_provider()` built of
them.
"""

from __future__ import annotations

import copy
import functools
from typing import Any

from scim2_models import (
    AuthenticationScheme,
    Bulk,
    ChangePassword,
    ETag,
    Filter,
    Pagination,
    Patch,
    ResourceType,
    Schema,
    ScimPolicy,
    ScimProvider,
    ServiceProviderConfig,
    Sort,
)
from scim2_server.utils import load_json_resource

from app.webex.constants import (
    CISCO_USER,
    CORE_GROUP,
    CORE_USER,
    ENTERPRISE_USER,
    RESOURCE_TYPE_SCHEMA,
    SCHEMA_SCHEMA,
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


@functools.cache
def webex_provider() -> ScimProvider:
    """The description of the Webex tenant; a test describes its SCIM client with it too."""
    return ScimProvider.from_discovery(
        [Schema.model_validate(s) for s in webex_schemas()],
        [ResourceType.model_validate(rt) for rt in webex_resource_types()],
        config=webex_capabilities(),
        policy=WEBEX_POLICY,
    )


__all__ = [
    "ACCOUNT_STATUSES",
    "BULK_MAX_FAIL_ON_ERRORS",
    "BULK_MAX_OPERATIONS",
    "BULK_METHODS",
    "CISCO_ATTRIBUTE_COUNT",
    "USER_TYPES",
    "WEBEX_POLICY",
    "webex_capabilities",
    "webex_provider",
    "webex_resource_types",
    "webex_schemas",
]
