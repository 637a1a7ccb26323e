"""The SCIM schemas Webex serves, declared as scim2-models classes (Webex has no discovery)."""

from __future__ import annotations

from typing import Annotated, Any

from scim2_models import (
    URN,
    Bulk,
    ChangePassword,
    ComplexAttribute,
    EnterpriseUser,
    ETag,
    Extension,
    Filter,
    Group,
    MultiValuedComplexAttribute,
    Mutability,
    Patch,
    Resource,
    ResourceType,
    ScimPolicy,
    ScimProvider,
    ServiceProviderConfig,
    Sort,
    User,
)

from app.webex.constants import (  # noqa: F401  (names this module has always offered)
    BULK_REQUEST,
    CISCO_USER,
    CORE_GROUP,
    CORE_USER,
    ENTERPRISE_USER,
    PATCH_OP,
    WEBEX_BULK_MAX_BYTES,
    WEBEX_BULK_MAX_OPERATIONS,
)

# Webex and the engine may carry attributes no schema here declares: keep them as they are
# (Webex ignores unknown attributes) instead of refusing the payload.
TOLERANT_POLICY = ScimPolicy(unknown=ScimPolicy.Unknown.keep)


class WebexIdentityMeta(ComplexAttribute):
    organization_id: Annotated[str | None, Mutability.read_only] = None


class SipAddress(MultiValuedComplexAttribute):
    value: str | None = None
    type: str | None = None
    primary: bool | None = None
    display: str | None = None


class ManagedOrg(MultiValuedComplexAttribute):
    org_id: str | None = None
    role: str | None = None


class ManagedGroup(MultiValuedComplexAttribute):
    org_id: str | None = None
    group_id: str | None = None
    role: str | None = None


class ExternalAttribute(MultiValuedComplexAttribute):
    """One value of Cisco's externalAttributeN: where it came from and what it is (Cisco's
    spec, ExternalAttributeObject: both required; another tool may have set them)."""

    source: str | None = None
    value: str | None = None


class WebexIdentityUser(Extension):
    """Cisco's extension `urn:scim:schemas:extension:cisco:webexidentity:2.0:User`."""

    __schema__ = URN(CISCO_USER)

    account_status: list[str] | None = None
    sip_addresses: list[SipAddress] | None = None
    managed_orgs: list[ManagedOrg] | None = None
    managed_groups: list[ManagedGroup] | None = None
    extension_attribute1: list[str] | None = None
    extension_attribute2: list[str] | None = None
    extension_attribute3: list[str] | None = None
    extension_attribute4: list[str] | None = None
    extension_attribute5: list[str] | None = None
    extension_attribute6: list[str] | None = None
    extension_attribute7: list[str] | None = None
    extension_attribute8: list[str] | None = None
    extension_attribute9: list[str] | None = None
    extension_attribute10: list[str] | None = None
    extension_attribute11: list[str] | None = None
    extension_attribute12: list[str] | None = None
    extension_attribute13: list[str] | None = None
    extension_attribute14: list[str] | None = None
    extension_attribute15: list[str] | None = None
    external_attribute1: list[ExternalAttribute] | None = None
    external_attribute2: list[ExternalAttribute] | None = None
    external_attribute3: list[ExternalAttribute] | None = None
    external_attribute4: list[ExternalAttribute] | None = None
    external_attribute5: list[ExternalAttribute] | None = None
    external_attribute6: list[ExternalAttribute] | None = None
    external_attribute7: list[ExternalAttribute] | None = None
    external_attribute8: list[ExternalAttribute] | None = None
    external_attribute9: list[ExternalAttribute] | None = None
    external_attribute10: list[ExternalAttribute] | None = None
    external_attribute11: list[ExternalAttribute] | None = None
    external_attribute12: list[ExternalAttribute] | None = None
    external_attribute13: list[ExternalAttribute] | None = None
    external_attribute14: list[ExternalAttribute] | None = None
    external_attribute15: list[ExternalAttribute] | None = None
    meta: Annotated[WebexIdentityMeta | None, Mutability.read_only] = None


WebexUser: Any = User[EnterpriseUser | WebexIdentityUser]


def webex_service_provider_config() -> ServiceProviderConfig:
    """What Webex offers, from its documentation (it publishes no ServiceProviderConfig)."""
    return ServiceProviderConfig(
        patch=Patch(supported=True),
        bulk=Bulk(
            supported=True,
            max_operations=WEBEX_BULK_MAX_OPERATIONS,
            max_payload_size=WEBEX_BULK_MAX_BYTES,
        ),
        filter=Filter(supported=True, max_results=1000),
        change_password=ChangePassword(supported=False),
        sort=Sort(supported=True),
        etag=ETag(supported=False),
    )


def webex_provider() -> ScimProvider:
    """The Webex tenant: core User with the enterprise and Cisco extensions, core Group."""
    models: list[type[Resource[Any]] | type[Extension]] = [
        User,
        EnterpriseUser,
        WebexIdentityUser,
        Group,
    ]
    return ScimProvider(
        models=models,
        resource_types=[
            ResourceType.from_resource(WebexUser),
            ResourceType.from_resource(Group),
        ],
        config=webex_service_provider_config(),
        policy=TOLERANT_POLICY,
    )


def core_provider(config: ServiceProviderConfig | None = None) -> ScimProvider:
    """A SCIM app that publishes no schemas: the core User (with enterprise) and Group."""
    return ScimProvider(
        models=[User, EnterpriseUser, Group],
        resource_types=[
            ResourceType.from_resource(User[EnterpriseUser]),
            ResourceType.from_resource(Group),
        ],
        config=config,
        policy=TOLERANT_POLICY,
    )
