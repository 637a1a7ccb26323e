"""What the Graph sandbox keeps of each directory object and how Graph shows it: the user and
group properties (Graph v1.0 names), Graph's default selection of user properties, and
`project`, an object cut to a selection as Graph returns it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

# Every user property the sandbox keeps (Graph v1.0 names); `id` is added to each projection.
USER_PROPERTIES = (
    "userPrincipalName",
    "displayName",
    "givenName",
    "surname",
    "mail",
    "mailNickname",
    "otherMails",
    "proxyAddresses",
    "jobTitle",
    "department",
    "companyName",
    "employeeId",
    "employeeType",
    "officeLocation",
    "streetAddress",
    "city",
    "state",
    "postalCode",
    "country",
    "usageLocation",
    "preferredLanguage",
    "businessPhones",
    "mobilePhone",
    "faxNumber",
    "accountEnabled",
    "userType",
    "createdDateTime",
    "onPremisesImmutableId",
    "onPremisesSamAccountName",
    "onPremisesExtensionAttributes",
)
GROUP_PROPERTIES = (
    "displayName",
    "description",
    "mailNickname",
    "mail",
    "securityEnabled",
    "mailEnabled",
)
# Graph's default user properties when a request has no $select.
DEFAULT_USER_SELECT = (
    "businessPhones",
    "displayName",
    "givenName",
    "jobTitle",
    "mail",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
)

USER_TYPE = "#microsoft.graph.user"


def project(obj: Mapping[str, Any], select: Iterable[str]) -> dict[str, Any]:
    """`id` plus the selected properties (null when the object has none), as Graph returns."""
    result: dict[str, Any] = {"id": obj["id"]}
    for name in select:
        if name != "id":
            value = obj.get(name)
            result[name] = (
                dict(value)
                if isinstance(value, dict)
                else list(value)
                if isinstance(value, list)
                else value
            )
    return result


__all__ = ["DEFAULT_USER_SELECT", "GROUP_PROPERTIES", "USER_PROPERTIES", "USER_TYPE", "project"]
