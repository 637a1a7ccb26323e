"""The attribute catalogue the mapping page offers: Webex/SCIM targets and directory sources."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from app.directory.attributes import AttributeType
from app.sync.scim_paths import ScimPath, ScimPathError, parse_scim_path
from app.webex.constants import CISCO_GROUP, CISCO_USER, ENTERPRISE_USER

TargetKind = Literal["webex", "scim"]
ResourceType = Literal["User", "Group"]


@dataclass(frozen=True, slots=True)
class TargetAttribute:
    """One attribute of the target a mapping can write."""

    path: str  # canonical SCIM path, as ScimPath.text() spells it
    type: AttributeType = AttributeType.STRING
    multi_valued: bool = False  # the JSON value is a list (extensionAttributeN: ["a", "b"])
    required: bool = False  # the target refuses a create without it
    description: str = ""
    # Multi-valued complex attributes written from one text value: the element's fixed
    # sub-attributes besides "value" (externalAttributeN needs a "source").
    element_template: tuple[tuple[str, str], ...] = ()

    @property
    def schema(self) -> str | None:
        return parse_scim_path(self.path).schema


# Webex's externalAttributeN elements need a "source"; Webex does not say what it must be,
# so the program names itself. A mapping may name another with a filter:
# externalAttribute1[source eq "hr"].value.
EXTERNAL_ATTRIBUTE_SOURCE = "webex-provisioner"


def _core_user() -> list[TargetAttribute]:
    s, b = AttributeType.STRING, AttributeType.BOOLEAN
    attrs = [
        TargetAttribute("userName", s, required=True, description="Primary e-mail; unique."),
        TargetAttribute("displayName", s, description="Name shown to others."),
        TargetAttribute("nickName", s),
        TargetAttribute("name.givenName", s),
        TargetAttribute("name.familyName", s),
        TargetAttribute("name.middleName", s),
        TargetAttribute("name.honorificPrefix", s),
        TargetAttribute("name.honorificSuffix", s),
        TargetAttribute("title", s, description="Business title."),
        TargetAttribute("active", b, description="False: the user cannot sign in."),
        TargetAttribute("externalId", s, description="The directory's identifier."),
        TargetAttribute("preferredLanguage", s, description="e.g. fr_FR."),
        TargetAttribute("locale", s, description="e.g. fr_FR."),
        TargetAttribute("timezone", s, description="IANA name, e.g. Europe/Paris."),
        TargetAttribute("profileUrl", s),
    ]
    for kind in ("work", "home", "other"):
        attrs.append(TargetAttribute(f'emails[type eq "{kind}"].value', s))
    for kind in ("work", "mobile", "home", "fax", "work_extension", "pager", "other"):
        attrs.append(TargetAttribute(f'phoneNumbers[type eq "{kind}"].value', s))
    attrs.append(TargetAttribute('photos[type eq "photo"].value', s))
    for part in ("streetAddress", "locality", "region", "postalCode", "country"):
        attrs.append(TargetAttribute(f'addresses[type eq "work"].{part}', s))
    return attrs


def _enterprise_user() -> list[TargetAttribute]:
    s = AttributeType.STRING
    attrs = [
        TargetAttribute(f"{ENTERPRISE_USER}:{name}", s)
        for name in ("employeeNumber", "costCenter", "organization", "division", "department")
    ]
    attrs.append(
        TargetAttribute(
            f"{ENTERPRISE_USER}:manager.value",
            AttributeType.REFERENCE,
            description="The manager's id in the target: map the directory's manager to it "
            "and the engine sends the id of the manager's own target user.",
        )
    )
    return attrs


def _cisco_user() -> list[TargetAttribute]:
    attrs = [
        TargetAttribute(
            f"{CISCO_USER}:accountStatus",
            multi_valued=True,
            description="Set by Webex (active, pending, ...); usually left alone.",
        ),
        TargetAttribute(f'{CISCO_USER}:sipAddresses[type eq "enterprise"].value'),
    ]
    attrs += [
        TargetAttribute(f"{CISCO_USER}:extensionAttribute{n}", multi_valued=True)
        for n in range(1, 16)
    ]
    attrs += [
        TargetAttribute(
            f"{CISCO_USER}:externalAttribute{n}",
            AttributeType.COMPLEX,
            multi_valued=True,
            element_template=(("source", EXTERNAL_ATTRIBUTE_SOURCE),),
        )
        for n in range(1, 16)
    ]
    return attrs


def _groups(kind: TargetKind) -> list[TargetAttribute]:
    attrs = [
        TargetAttribute("displayName", required=True, description="The group's name; unique."),
        TargetAttribute("externalId"),
        TargetAttribute(
            "members",
            AttributeType.REFERENCE,
            multi_valued=True,
            description="Filled from the group's members that are provisioned.",
        ),
    ]
    if kind == "webex":
        attrs.append(TargetAttribute(f"{CISCO_GROUP}:usage", description="e.g. policy."))
    return attrs


WEBEX_USER_ATTRIBUTES: tuple[TargetAttribute, ...] = (
    TargetAttribute(
        "userType",
        required=True,
        description="user, room, external_calling or calling_service.",
    ),
    *_core_user(),
    *_enterprise_user(),
    *_cisco_user(),
)
SCIM_USER_ATTRIBUTES: tuple[TargetAttribute, ...] = (*_core_user(), *_enterprise_user())
WEBEX_GROUP_ATTRIBUTES: tuple[TargetAttribute, ...] = tuple(_groups("webex"))
SCIM_GROUP_ATTRIBUTES: tuple[TargetAttribute, ...] = tuple(_groups("scim"))


def target_attributes(kind: TargetKind, resource: ResourceType) -> tuple[TargetAttribute, ...]:
    """What the mapping page offers as targets for a Webex or a generic SCIM target."""
    if resource == "User":
        return WEBEX_USER_ATTRIBUTES if kind == "webex" else SCIM_USER_ATTRIBUTES
    return WEBEX_GROUP_ATTRIBUTES if kind == "webex" else SCIM_GROUP_ATTRIBUTES


def _index(attrs: Iterable[TargetAttribute]) -> dict[str, TargetAttribute]:
    return {parse_scim_path(a.path).key(): a for a in attrs}


_USER_INDEX = _index(WEBEX_USER_ATTRIBUTES)
_GROUP_INDEX = _index(WEBEX_GROUP_ATTRIBUTES)


def find_target_attribute(path: str | ScimPath, resource: ResourceType) -> TargetAttribute | None:
    """The catalogue entry for a target path, or None for an attribute we do not know.

    A filtered path such as phoneNumbers[type eq "assistant"].value that is not listed
    inherits from the listed paths of the same attribute and sub-attribute.
    """
    try:
        parsed = path if isinstance(path, ScimPath) else parse_scim_path(path)
    except ScimPathError:
        return None
    index = _USER_INDEX if resource == "User" else _GROUP_INDEX
    found = index.get(parsed.key())
    if found is not None or not parsed.has_filter:
        return found
    for entry in index.values():
        other = parse_scim_path(entry.path)
        if (
            other.has_filter
            and (other.schema or "").lower() == (parsed.schema or "").lower()
            and other.attribute.lower() == parsed.attribute.lower()
            and (other.sub_attribute or "").lower() == (parsed.sub_attribute or "").lower()
        ):
            return TargetAttribute(parsed.text(), entry.type, entry.multi_valued)
    return None
