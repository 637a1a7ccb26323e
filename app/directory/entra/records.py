"""Graph users, groups and members as the source's records: the users' $select, a user's
attributes as the mappings read them (extension attributes flattened, the manager's id), a
group's attributes, the kind of a group member, and the notes that name what is left out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import EllipsisType
from typing import Any

from app.directory.base import SourceGroup
from app.directory.entra import messages as say
from app.directory.entra.attributes import ENTRA_USER_ATTRIBUTES, graph_query_for
from app.messages import Message

ALWAYS_SELECTED = ("id", "userPrincipalName", "accountEnabled")
GROUP_SELECT = ("displayName", "description", "mailNickname", "mail", "members")
EXTENSION_ATTRIBUTES = "onPremisesExtensionAttributes"
MANAGER = "manager"
MANAGER_DELTA = "manager@delta"
_USER_TYPE = "#microsoft.graph.user"
_GROUP_TYPE = "#microsoft.graph.group"
# How the note names the kinds of members that are not provisioned.
_OTHER_MEMBER_KINDS = {
    "#microsoft.graph.device": "device",
    "#microsoft.graph.orgContact": "contact",
    "#microsoft.graph.contact": "contact",
    "#microsoft.graph.servicePrincipal": "service principal",
}


def member_kind(member: Mapping[str, Any]) -> str:
    """ "user", "group" or the kind of another directory object (a member without a type is
    taken for a user, as older answers gave them)."""
    kind = member.get("@odata.type")
    if kind in (_USER_TYPE, None):
        return "user"
    if kind == _GROUP_TYPE:
        return "group"
    text = str(kind)
    return _OTHER_MEMBER_KINDS.get(text, text.rsplit(".", 1)[-1] or "object")


def other_members_note(counts: Mapping[str, int]) -> Message:
    """The note that counts the group members that are neither users nor groups."""
    total = sum(counts.values())
    return say.OTHER_MEMBERS(count=total, kinds=say.member_kinds(counts))


def user_select(attributes: Iterable[str] | None) -> tuple[list[str], bool]:
    """Graph's $select for the attributes the mappings need, and whether app roles are needed."""
    select, needs_roles, _ = user_query(attributes)
    return select, needs_roles


def user_query(attributes: Iterable[str] | None) -> tuple[list[str], bool, bool]:
    """user_select's two answers, and whether the manager must be expanded."""
    names = list(attributes) if attributes is not None else [a.name for a in ENTRA_USER_ATTRIBUTES]
    query = graph_query_for(names)
    select = [name for name in query.select if name not in ("objectId", "IsSoftDeleted")]
    for name in ALWAYS_SELECTED:
        if name not in select:
            select.append(name)
    manager = any(name.lower() == MANAGER for name in query.expand)
    return select, query.needs_app_role_assignments, manager


def manager_id(raw: Mapping[str, Any]) -> str | EllipsisType | None:
    """The manager a Graph user names: `manager@delta` (an entry marked `@removed` takes
    the manager away) or an expanded `manager` object; `...` when it says nothing (a delta
    entry of a user whose manager did not change)."""
    if MANAGER_DELTA in raw:
        entries = raw[MANAGER_DELTA] or []
        alive = [
            m for m in entries if isinstance(m, Mapping) and "@removed" not in m and m.get("id")
        ]
        return str(alive[-1]["id"]) if alive else None
    if MANAGER in raw:
        value = raw[MANAGER]
        return str(value["id"]) if isinstance(value, Mapping) and value.get("id") else None
    return ...


def flatten_user(
    raw: Mapping[str, Any], select: Iterable[str], *, manager: bool = False
) -> dict[str, Any]:
    """A Graph user as mapping attributes: onPremisesExtensionAttributes.extensionAttributeN
    flattened, objectId beside id, IsSoftDeleted as Entra's provisioning shows it, and with
    `manager` the manager's object id (None: no manager)."""
    attributes: dict[str, Any] = {}
    for name in select:
        value = raw.get(name)
        if name == EXTENSION_ATTRIBUTES:
            extensions = value if isinstance(value, Mapping) else {}
            for number in range(1, 16):
                key = f"extensionAttribute{number}"
                attributes[f"{EXTENSION_ATTRIBUTES}.{key}"] = extensions.get(key)
            continue
        attributes[name] = value
    attributes["id"] = raw["id"]
    attributes["objectId"] = raw["id"]
    enabled = raw.get("accountEnabled")
    attributes["accountEnabled"] = enabled is not False
    attributes["IsSoftDeleted"] = enabled is False
    if manager:
        found = manager_id(raw)
        attributes[MANAGER] = None if found is ... else found
    return attributes


def make_group(
    group_id: str, name: str, raw: Mapping[str, Any], member_ids: Iterable[str]
) -> SourceGroup:
    """A Graph group (an entry of a delta round, or {}) with its user members in scope."""
    attributes = {k: v for k, v in raw.items() if not k.startswith("@") and k != "members@delta"}
    attributes.setdefault("displayName", name)
    attributes["id"] = group_id
    attributes["objectId"] = group_id
    return SourceGroup(
        source_id=group_id,
        display_name=name,
        attributes=attributes,
        member_ids=tuple(sorted(member_ids)),
    )


def nested_note(group: str, nested: list[str]) -> Message:
    """The note for a group in scope that holds other groups."""
    said = say.NESTED_GROUP if len(nested) == 1 else say.NESTED_GROUPS
    return said(group=group, nested=", ".join(sorted(nested)))


__all__ = [
    "ALWAYS_SELECTED",
    "EXTENSION_ATTRIBUTES",
    "GROUP_SELECT",
    "MANAGER",
    "MANAGER_DELTA",
    "flatten_user",
    "make_group",
    "manager_id",
    "member_kind",
    "nested_note",
    "other_members_note",
    "user_query",
    "user_select",
]
