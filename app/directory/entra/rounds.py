"""What a delta round of /users/delta and /groups/delta says, read into plain sets: the
groups and members of a full round, and the user and group changes of a later round.
Nothing here talks to Graph."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.directory.entra.records import member_kind


@dataclass
class GroupsSeen:
    """The groups of a full round, with their members by kind."""

    groups: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> properties
    members: dict[str, list[str]] = field(default_factory=dict)  # id -> user member ids
    nested: dict[str, list[str]] = field(default_factory=dict)  # id -> group member ids
    # group id -> kind -> count of members that are neither users nor groups
    others: dict[str, dict[str, int]] = field(default_factory=dict)


def groups_of_full_round(items: Iterable[Mapping[str, Any]]) -> GroupsSeen:
    seen = GroupsSeen()
    for entry in items:
        if "@removed" in entry:
            continue
        group_id = str(entry["id"])
        known = seen.groups.setdefault(group_id, {})
        known.update({k: v for k, v in entry.items() if k != "members@delta"})
        for member in entry.get("members@delta") or []:
            if "@removed" in member:
                continue
            kind = member_kind(member)
            if kind == "group":
                seen.nested.setdefault(group_id, []).append(str(member["id"]))
            elif kind == "user":
                seen.members.setdefault(group_id, []).append(str(member["id"]))
            else:
                counted = seen.others.setdefault(group_id, {})
                counted[kind] = counted.get(kind, 0) + 1
    return seen


@dataclass
class UserChanges:
    """The users a later round reports: changed (with what changed), or removed."""

    changed: dict[str, dict[str, Any]] = field(default_factory=dict)
    hard_deleted: set[str] = field(default_factory=set)
    soft_deleted: set[str] = field(default_factory=set)

    @property
    def gone(self) -> set[str]:
        return self.hard_deleted | self.soft_deleted


def user_changes(items: Iterable[Mapping[str, Any]]) -> UserChanges:
    changes = UserChanges()
    for entry in items:
        user_id = str(entry["id"])
        removed = entry.get("@removed")
        if isinstance(removed, Mapping):
            # "changed": soft-deleted (restorable for 30 days) -> disable, as Entra does;
            # "deleted": gone for good -> delete (when the profile allows it).
            deleted = removed.get("reason") == "deleted"
            (changes.hard_deleted if deleted else changes.soft_deleted).add(user_id)
            changes.changed.pop(user_id, None)
            continue
        changes.changed.setdefault(user_id, {}).update(entry)
        changes.soft_deleted.discard(user_id)
    return changes


@dataclass
class GroupChanges:
    """A later round's groups applied to the members remembered for the groups in scope."""

    members: dict[str, set[str]]  # group id -> user member ids, after the round
    changed: set[str] = field(default_factory=set)
    deleted: set[str] = field(default_factory=set)
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> properties
    nested_new: dict[str, list[str]] = field(default_factory=dict)  # id -> new group members
    others: dict[str, int] = field(default_factory=dict)  # kind -> members neither users nor groups


def group_changes(
    items: Iterable[Mapping[str, Any]],
    remembered: Mapping[str, Iterable[str]],
    group_names: dict[str, str],
    hard_deleted: set[str],
) -> GroupChanges:
    """Apply members@delta to the remembered members; a renamed group's new name goes into
    `group_names`. Deleted groups, and users deleted for good, leave the members."""
    changes = GroupChanges({g: set(m) for g, m in remembered.items()})
    members = changes.members
    for entry in items:
        group_id = str(entry["id"])
        if "@removed" in entry:
            changes.deleted.add(group_id)
            continue
        changes.entries.setdefault(group_id, {}).update(
            {k: v for k, v in entry.items() if k != "members@delta"}
        )
        if "displayName" in entry and entry["displayName"] is not None:
            group_names[group_id] = str(entry["displayName"])
            changes.changed.add(group_id)
        for member in entry.get("members@delta") or []:
            _apply_member(changes, group_id, member)
    for group_id in changes.deleted:
        members.pop(group_id, None)
    for group_id in members:
        members[group_id] -= hard_deleted
    return changes


def _apply_member(changes: GroupChanges, group_id: str, member: Mapping[str, Any]) -> None:
    member_id = str(member["id"])
    removed = "@removed" in member
    kind = member_kind(member)
    if kind == "group":
        if not removed:
            changes.nested_new.setdefault(group_id, []).append(member_id)
        return
    tracked = group_id in changes.members
    if kind != "user":
        if not removed and tracked:
            changes.others[kind] = changes.others.get(kind, 0) + 1
        return
    if tracked:
        changes.changed.add(group_id)
        if removed:
            changes.members[group_id].discard(member_id)
        else:
            changes.members[group_id].add(member_id)


__all__ = [
    "GroupChanges",
    "GroupsSeen",
    "UserChanges",
    "group_changes",
    "groups_of_full_round",
    "user_changes",
]
