"""Who is assigned to the enterprise application: its service principal and app roles, its
appRoleAssignedTo (users and groups, with their roles), the direct members of a group, and
which users that puts in scope or leaves out (the Default Access role only)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.directory.base import SourceSkip
from app.directory.entra import messages as say
from app.directory.entra.records import member_kind
from app.directory.graph import GraphClient
from app.errors import InputError

if TYPE_CHECKING:
    from app.config.profile import EntraSettings

DEFAULT_ACCESS_ROLE_ID = "00000000-0000-0000-0000-000000000000"
# app role id -> {id, value, displayName}, as appRoleAssignments shows a role to the mappings
AppRoles = dict[str, dict[str, str]]


@dataclass
class Assignments:
    """Who is assigned to the application, and with which roles."""

    users: dict[str, list[str]] = field(default_factory=dict)  # user id -> app role ids
    groups: dict[str, list[str]] = field(default_factory=dict)  # group id -> app role ids
    group_names: dict[str, str] = field(default_factory=dict)

    def real_groups(self) -> set[str]:
        return {
            g for g, roles in self.groups.items() if any(r != DEFAULT_ACCESS_ROLE_ID for r in roles)
        }

    def default_groups(self) -> set[str]:
        return {g for g, roles in self.groups.items() if g not in self.real_groups()}

    def in_scope(self, members: Mapping[str, Iterable[str]]) -> set[str]:
        """The users assigned a real role, directly or as a member of a group that has one."""
        users = {
            u for u, roles in self.users.items() if any(r != DEFAULT_ACCESS_ROLE_ID for r in roles)
        }
        for group_id in self.real_groups():
            users.update(members.get(group_id, ()))
        return users

    def default_only(self, members: Mapping[str, Iterable[str]], in_scope: set[str]) -> set[str]:
        """The users assigned (directly or through a group) with the Default Access role only."""
        assigned = set(self.users)
        for group_id in self.default_groups():
            assigned.update(members.get(group_id, ()))
        return assigned - in_scope


async def find_service_principal(graph: GraphClient, settings: EntraSettings) -> dict[str, Any]:
    """The enterprise application the profile names (by appId, else by display name)."""
    if settings.app_id:
        wanted = f"appId eq '{settings.app_id}'"
        described = say.BY_APP_ID(app_id=settings.app_id)
    else:
        wanted = "displayName eq '{}'".format(settings.app_name.replace("'", "''"))
        described = say.BY_NAME(name=repr(settings.app_name))
    found = await graph.collect(
        "servicePrincipals",
        {"$filter": wanted, "$select": "id,appId,displayName,appRoles", "$top": "999"},
        headers={"ConsistencyLevel": "eventual"},
    )
    if not found:
        raise InputError(
            say.NO_ENTERPRISE_APP(described=described, tenant=settings.tenant_id),
            say.NO_ENTERPRISE_APP_NEXT(),
        )
    if len(found) > 1:
        raise InputError(
            say.SEVERAL_APPS(count=len(found), name=repr(settings.app_name)),
            say.SEVERAL_APPS_NEXT(),
        )
    return found[0]


def app_roles_of(service_principal: Mapping[str, Any]) -> AppRoles:
    """The application's roles by id, with Default Access (the all-zero id) among them."""
    roles: AppRoles = {
        str(role["id"]): {
            "id": str(role["id"]),
            "value": str(role.get("value") or ""),
            "displayName": str(role.get("displayName") or ""),
        }
        for role in service_principal.get("appRoles") or []
        if isinstance(role, dict) and role.get("id")
    }
    roles[DEFAULT_ACCESS_ROLE_ID] = {
        "id": DEFAULT_ACCESS_ROLE_ID,
        "value": "",
        "displayName": "Default Access",
    }
    return roles


async def read_assignments(graph: GraphClient, sp_id: str) -> Assignments:
    """The application's appRoleAssignedTo, page by page."""
    result = Assignments()
    async for page in graph.pages(f"servicePrincipals/{sp_id}/appRoleAssignedTo", {"$top": "999"}):
        for assignment in page:
            principal = str(assignment.get("principalId") or "")
            role = str(assignment.get("appRoleId") or DEFAULT_ACCESS_ROLE_ID)
            kind = assignment.get("principalType")
            if kind == "User":
                result.users.setdefault(principal, []).append(role)
            elif kind == "Group":
                result.groups.setdefault(principal, []).append(role)
                result.group_names[principal] = str(
                    assignment.get("principalDisplayName") or principal
                )
    return result


async def group_member_ids(
    graph: GraphClient, group_id: str, nested: list[str], others: dict[str, int] | None = None
) -> list[str]:
    """Direct user members of a group; nested groups are listed in `nested`, the other
    kinds of members (devices, contacts, service principals) counted in `others`."""
    members: list[str] = []
    async for page in graph.pages(
        f"groups/{group_id}/members", {"$select": "id,displayName", "$top": "999"}
    ):
        for member in page:
            kind = member_kind(member)
            if kind == "group":
                nested.append(str(member.get("displayName") or member["id"]))
            elif kind == "user":
                members.append(str(member["id"]))
            elif others is not None:
                others[kind] = others.get(kind, 0) + 1
    return members


def roles_of(
    user_id: str,
    assignments: Assignments,
    groups: Mapping[str, Iterable[str]],
    app_roles: AppRoles,
) -> list[dict[str, str]]:
    """A user's app roles, assigned directly or through its groups, real roles first."""
    role_ids = list(assignments.users.get(user_id, []))
    for group_id, member_ids in groups.items():
        if user_id in member_ids:
            role_ids.extend(assignments.groups.get(group_id, []))
    seen: list[dict[str, str]] = []
    for role_id in role_ids:
        role = app_roles.get(role_id, {"id": role_id, "value": "", "displayName": ""})
        if role not in seen:
            seen.append(role)
    # The real roles first, so that SingleAppRoleAssignment picks one of them.
    return sorted(seen, key=lambda r: r["id"] == DEFAULT_ACCESS_ROLE_ID)


def default_access_skip(
    raw: Mapping[str, Any] | None,
    user_id: str,
    assignments: Assignments,
    groups: Mapping[str, Iterable[str]],
    settings: EntraSettings,
) -> SourceSkip:
    """Why a user assigned with the Default Access role only is not provisioned."""
    via = [
        assignments.group_names.get(g, g)
        for g in assignments.default_groups()
        if user_id in groups.get(g, [])
    ]
    how = say.THROUGH_GROUPS(groups=", ".join(sorted(via))) if via else say.DIRECTLY()
    app = (
        settings.app_name if not settings.app_id else say.THE_APPLICATION_ID(app_id=settings.app_id)
    )
    detail = say.DEFAULT_ACCESS(app=app, how=how)
    return SourceSkip(
        source_id=user_id,
        user_name=str((raw or {}).get("userPrincipalName") or ""),
        reason="DefaultAccessRole",
        detail=str(detail),
        coded_detail=detail,
    )


__all__ = [
    "DEFAULT_ACCESS_ROLE_ID",
    "AppRoles",
    "Assignments",
    "app_roles_of",
    "default_access_skip",
    "find_service_principal",
    "group_member_ids",
    "read_assignments",
    "roles_of",
]
