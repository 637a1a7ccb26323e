"""The Entra ID user and group attributes, and the Graph query that reads a set of them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from app.directory.attributes import AttributeType, GraphHandling, SourceAttribute


def _entra_users() -> list[SourceAttribute]:
    s, b = AttributeType.STRING, AttributeType.BOOLEAN
    plain = [
        ("id", "The object id: stable, never reused."),
        ("userPrincipalName", "Sign-in name; the default userName."),
        ("givenName", ""),
        ("surname", ""),
        ("displayName", ""),
        ("mail", "Primary SMTP address (may differ from userPrincipalName)."),
        ("mailNickname", "E-mail alias; the default externalId."),
        ("jobTitle", ""),
        ("department", ""),
        ("companyName", ""),
        ("employeeId", ""),
        ("employeeType", ""),
        ("officeLocation", ""),
        ("mobilePhone", ""),
        ("faxNumber", ""),
        ("city", ""),
        ("country", ""),
        ("state", ""),
        ("streetAddress", ""),
        ("postalCode", ""),
        ("preferredLanguage", "e.g. fr-FR."),
        ("usageLocation", "Two-letter country code."),
        ("userType", "Member or Guest."),
        ("onPremisesSamAccountName", ""),
        ("onPremisesImmutableId", ""),
        ("onPremisesDistinguishedName", ""),
        ("onPremisesDomainName", ""),
        ("onPremisesUserPrincipalName", ""),
        ("employeeHireDate", ""),
    ]
    attrs = [SourceAttribute(name, s, description=text) for name, text in plain]
    attrs += [
        SourceAttribute(
            "accountEnabled",
            b,
            graph=GraphHandling.SOURCE_FLAG,
            description="The source's enabled flag; missing means enabled.",
        ),
        SourceAttribute("businessPhones", s, multi_valued=True),
        SourceAttribute("proxyAddresses", s, multi_valued=True),
        SourceAttribute("otherMails", s, multi_valued=True),
        SourceAttribute(
            "manager",
            AttributeType.REFERENCE,
            graph=GraphHandling.EXPAND,
            description="The manager's object id; mapped to manager.value, the manager's own "
            "target id is sent.",
        ),
        SourceAttribute(
            "appRoleAssignments",
            multi_valued=True,
            graph=GraphHandling.ASSIGNMENT,
            description="The user's roles in this application (for SingleAppRoleAssignment).",
        ),
    ]
    attrs += [
        SourceAttribute(
            f"onPremisesExtensionAttributes.extensionAttribute{n}",
            graph=GraphHandling.NESTED,
            graph_property="onPremisesExtensionAttributes",
        )
        for n in range(1, 16)
    ]
    return attrs


ENTRA_USER_ATTRIBUTES: tuple[SourceAttribute, ...] = tuple(_entra_users())
ENTRA_GROUP_ATTRIBUTES: tuple[SourceAttribute, ...] = (
    SourceAttribute("id", description="The object id: stable, never reused."),
    SourceAttribute("displayName"),
    SourceAttribute("mailNickname", description="The default externalId."),
    SourceAttribute("mail"),
    SourceAttribute("description"),
    SourceAttribute("members", AttributeType.REFERENCE, multi_valued=True),
)

_ENTRA_USER_INDEX = {a.name.lower(): a for a in ENTRA_USER_ATTRIBUTES}


@dataclass(slots=True)
class GraphQuery:
    """What to ask Microsoft Graph for so that the given source attributes are filled."""

    select: list[str] = field(default_factory=list)
    expand: list[str] = field(default_factory=list)
    needs_app_role_assignments: bool = False


# Always read: the engine needs them whatever the mappings say.
_ALWAYS_SELECTED = ("id", "userPrincipalName", "accountEnabled")


def graph_query_for(attribute_names: Iterable[str]) -> GraphQuery:
    """The $select / $expand that reads these Entra user attributes (unknown names kept)."""
    query = GraphQuery()

    def add(items: list[str], value: str) -> None:
        if value.lower() not in (v.lower() for v in items):
            items.append(value)

    for name in (*_ALWAYS_SELECTED, *attribute_names):
        known = _ENTRA_USER_INDEX.get(name.lower())
        if known is None:
            # Directory extensions (extension_<appid>_name) and anything we do not
            # list: Graph reads them with $select under their own name.
            add(query.select, name.split(".", 1)[0])
        elif known.graph == GraphHandling.EXPAND:
            add(query.expand, known.select_name)
        elif known.graph == GraphHandling.ASSIGNMENT:
            query.needs_app_role_assignments = True
        else:
            add(query.select, known.select_name)
    return query


def entra_user_attribute(name: str) -> SourceAttribute | None:
    return _ENTRA_USER_INDEX.get(name.lower())
