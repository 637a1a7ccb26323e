"""EntraSource: the users and groups of Microsoft Entra ID, as the tutorial's provisioning reads them.

Scope "assigned": the users and groups assigned to the enterprise application (found by
display name or appId). Users come in when assigned directly or through a group (direct
members only: Entra does not expand nested groups for app assignments, and the log says
so). Assignments with the Default Access role (app role id all zeros) do not count; a user
who has only those is reported as skipped. Scope "all": every user and group.

A full read goes through /users/delta and /groups/delta so that their delta links become
the watermark. The watermark is one JSON string holding both links and what the next cycle
needs to tell unassignments apart: who was in scope, which groups were assigned, their
members. Delta cycles follow the links; Graph's user delta does not report assignment
changes, so the app's appRoleAssignedTo is read again every cycle (cheap) and group
membership changes come from `members@delta`. A delta link Graph no longer knows (any 410,
or a 4xx whose code says the sync state is gone) gives a full read, with a note.

The users' $select holds user properties only: the attributes of the user mappings and of
the scoping filters (app.directory.factory.source_attributes), never a group mapping's names
such as `members`; Graph answers 400 to a name users do not have. Group members that are not
users (devices, organizational contacts, service principals; nested groups have their own
note) are left out without a request each, and a note counts them.

When the mappings read `manager`, Graph reads it as Microsoft's metadata says: on the delta
rounds the navigation property is selected (`$select=...,manager`, answered with
`manager@delta`: the manager's id, or an entry marked `@removed` when it was cleared; delta
refuses $expand), and `$expand=manager($select=id)` when one user is read again. The
attribute is the manager's object id (the manager's source id), None when the user has none.
A delta entry without `manager@delta` says nothing about the manager, so such a user is read
again, as a user whose delta entry lacks selected properties is.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import AsyncIterator, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import EllipsisType
from typing import TYPE_CHECKING, Any, Literal

from app.directory.base import SourceGroup, SourceRead, SourceSkip, SourceUser
from app.directory.entra.attributes import ENTRA_USER_ATTRIBUTES, graph_query_for
from app.directory.entra.auth import DeviceCodeCallback, EntraSignIn
from app.directory.graph import DeltaExpired, GraphClient, GraphNotFound, GraphStats
from app.errors import InputError

if TYPE_CHECKING:
    from app.config.profile import EntraSettings
    from app.config.secrets import SecretStore

log = logging.getLogger(__name__)

DEFAULT_ACCESS_ROLE_ID = "00000000-0000-0000-0000-000000000000"
WATERMARK_VERSION = 1
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


def _member_kind(member: Mapping[str, Any]) -> str:
    """ "user", "group" or the kind of another directory object (a member without a type is
    taken for a user, as older answers gave them)."""
    kind = member.get("@odata.type")
    if kind in (_USER_TYPE, None):
        return "user"
    if kind == _GROUP_TYPE:
        return "group"
    text = str(kind)
    return _OTHER_MEMBER_KINDS.get(text, text.rsplit(".", 1)[-1] or "object")


def other_members_note(counts: Mapping[str, int]) -> str:
    """The note that counts the group members that are neither users nor groups."""
    total = sum(counts.values())
    kinds = ", ".join(
        f"{n} {kind}{'' if n == 1 else 's'}" for kind, n in sorted(counts.items()) if n
    )
    return (
        f"{total} group member(s) that are not users were left out ({kinds}): "
        "only users are provisioned."
    )


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


@dataclass
class _Assignments:
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


@dataclass
class _State:
    """What a watermark remembers between cycles."""

    scope: str
    select_hash: str
    users_link: str
    groups_link: str
    sp_id: str = ""
    in_scope: set[str] = field(default_factory=set)
    default_only: set[str] = field(default_factory=set)
    groups: dict[str, list[str]] = field(default_factory=dict)  # group id -> member user ids
    scoped_groups: set[str] = field(default_factory=set)  # the groups provisioned
    group_names: dict[str, str] = field(default_factory=dict)
    nested_seen: set[str] = field(default_factory=set)

    def dump(self) -> str:
        return json.dumps(
            {
                "v": WATERMARK_VERSION,
                "scope": self.scope,
                "select": self.select_hash,
                "users": self.users_link,
                "groups": self.groups_link,
                "sp": self.sp_id,
                "in": sorted(self.in_scope),
                "default": sorted(self.default_only),
                "members": {g: sorted(m) for g, m in sorted(self.groups.items())},
                "scoped": sorted(self.scoped_groups),
                "names": self.group_names,
                "nested": sorted(self.nested_seen),
            },
            separators=(",", ":"),
            ensure_ascii=False,
        )

    @classmethod
    def load(cls, text: str) -> _State | None:
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("v") != WATERMARK_VERSION:
                return None
            return cls(
                scope=str(data["scope"]),
                select_hash=str(data["select"]),
                users_link=str(data["users"]),
                groups_link=str(data["groups"]),
                sp_id=str(data.get("sp") or ""),
                in_scope=set(data.get("in") or []),
                default_only=set(data.get("default") or []),
                groups={str(g): list(m) for g, m in (data.get("members") or {}).items()},
                scoped_groups=set(data.get("scoped") or []),
                group_names={str(k): str(v) for k, v in (data.get("names") or {}).items()},
                nested_seen=set(data.get("nested") or []),
            )
        except (ValueError, KeyError, TypeError):
            return None


class EntraSource:
    """Microsoft Entra ID through Microsoft Graph; implements app.directory.base.DirectorySource."""

    kind = "entra"

    def __init__(
        self,
        settings: EntraSettings,
        *,
        scope: Literal["assigned", "all"] | str = "assigned",
        profile_name: str,
        secrets: SecretStore,
        attributes: Iterable[str] | None = None,
        device_code_callback: DeviceCodeCallback | None = None,
        graph_options: Mapping[str, Any] | None = None,
    ) -> None:
        if scope not in ("assigned", "all"):
            raise InputError(f"The scope {scope!r} is not known.", "Choose assigned or all.")
        self.settings = settings
        self.scope = scope
        self.profile_name = profile_name
        self.select, self.needs_roles, self.needs_manager = user_query(attributes)
        self.sign_in = EntraSignIn(
            settings,
            profile_name=profile_name,
            secrets=secrets,
            device_code_callback=device_code_callback,
        )
        self._graph_options = dict(graph_options or {})
        self._graph: GraphClient | None = None
        self.stats = GraphStats()  # across every Graph client this source opens
        self._snapshot: SourceRead | None = None
        self._app_roles: dict[str, dict[str, str]] = {}  # app role id -> {id, value, displayName}

    def __repr__(self) -> str:
        return f"EntraSource(profile={self.profile_name!r}, scope={self.scope!r}, tenant={self.settings.tenant_id!r})"

    @property
    def graph(self) -> GraphClient:
        if self._graph is None:
            ca = Path(self.settings.ca_file) if self.settings.ca_file else None
            self._graph = GraphClient(
                self.settings.graph_url,
                self.sign_in,
                extra_ca=ca,
                stats=self.stats,
                **self._graph_options,
            )
        return self._graph

    async def aclose(self) -> None:
        if self._graph is not None:
            await self._graph.aclose()
            self._graph = None
        await self.sign_in.aclose()

    # ----- DirectorySource ----------------------------------------------------------

    async def users(self) -> AsyncIterator[SourceUser]:
        for user in (await self._full_snapshot()).users:
            yield user

    async def groups(self) -> AsyncIterator[SourceGroup]:
        for group in (await self._full_snapshot()).groups:
            yield group

    async def read(self, watermark: str | None = None) -> SourceRead:
        if watermark is None:
            result = await self._full_read()
            self._snapshot = result
            return result
        state = _State.load(watermark)
        reason = ""
        if state is None:
            reason = "The saved change token could not be read: every user is read again."
        elif state.scope != self.scope:
            reason = f"The scope changed to {self.scope!r}: every user is read again."
        elif state.select_hash != self._select_hash():
            reason = "The attribute mappings now need other attributes: every user is read again."
        if state is None or reason:
            result = await self._full_read()
            result.notes.insert(0, reason)
            return result
        try:
            result = await self._delta_read(state)
        except DeltaExpired as expired:
            log.warning(
                "Entra: Microsoft Graph no longer knows the delta link (%s %s): reading every user again",
                expired.status, expired.code or "no code",
            )  # fmt: skip
            result = await self._full_read()
            result.notes.insert(
                0,
                "Microsoft Graph no longer knew the last change token (it expires after a while): "
                "every user was read again.",
            )
        return result

    async def _full_snapshot(self) -> SourceRead:
        if self._snapshot is None:
            self._snapshot = await self._full_read()
        return self._snapshot

    # ----- reading ------------------------------------------------------------------

    def _select_hash(self) -> str:
        text = ",".join(sorted(self.select)) + ("|roles" if self.needs_roles else "")
        if self.needs_manager:
            # Delta links made with $expand=manager (refused by Graph's delta) are not reused.
            text += "|select=manager"
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def _user_params(self) -> dict[str, str]:
        """One user read again: the manager's id only."""
        params = {"$select": ",".join(self.select)}
        if self.needs_manager:
            params["$expand"] = "manager($select=id)"
        return params

    def _delta_params(self) -> dict[str, str]:
        """The first request of a users delta round (its links keep these): delta tracks
        the manager when the navigation property is selected, and refuses $expand."""
        select = list(self.select)
        if self.needs_manager:
            select.append(MANAGER)
        return {"$select": ",".join(select)}

    async def _service_principal(self) -> dict[str, Any]:
        settings = self.settings
        if settings.app_id:
            wanted = f"appId eq '{settings.app_id}'"
            described = f"appId {settings.app_id}"
        else:
            wanted = "displayName eq '{}'".format(settings.app_name.replace("'", "''"))
            described = f"the name {settings.app_name!r}"
        found = await self.graph.collect(
            "servicePrincipals",
            {"$filter": wanted, "$select": "id,appId,displayName,appRoles", "$top": "999"},
            headers={"ConsistencyLevel": "eventual"},
        )
        if not found:
            raise InputError(
                f"No enterprise application with {described} exists in tenant {settings.tenant_id}.",
                "Add Cisco Webex from the Entra gallery (Enterprise applications > New application), "
                "or give its exact name (--app-name) or its application id (--app-id).",
            )
        if len(found) > 1:
            raise InputError(
                f"{len(found)} enterprise applications are named {settings.app_name!r}.",
                "Choose one by its application id: `webex-provisioner profile set PROFILE --app-id APP_ID`.",
            )
        sp = found[0]
        self._app_roles = {
            str(role["id"]): {
                "id": str(role["id"]),
                "value": str(role.get("value") or ""),
                "displayName": str(role.get("displayName") or ""),
            }
            for role in sp.get("appRoles") or []
            if isinstance(role, dict) and role.get("id")
        }
        self._app_roles[DEFAULT_ACCESS_ROLE_ID] = {
            "id": DEFAULT_ACCESS_ROLE_ID,
            "value": "",
            "displayName": "Default Access",
        }
        return sp

    async def _assignments(self, sp_id: str) -> _Assignments:
        result = _Assignments()
        async for page in self.graph.pages(
            f"servicePrincipals/{sp_id}/appRoleAssignedTo", {"$top": "999"}
        ):
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

    async def _group_member_ids(
        self, group_id: str, nested: list[str], others: dict[str, int] | None = None
    ) -> list[str]:
        """Direct user members of a group; nested groups are listed in `nested`, the other
        kinds of members (devices, contacts, service principals) counted in `others`."""
        members: list[str] = []
        async for page in self.graph.pages(
            f"groups/{group_id}/members", {"$select": "id,displayName", "$top": "999"}
        ):
            for member in page:
                kind = _member_kind(member)
                if kind == "group":
                    nested.append(str(member.get("displayName") or member["id"]))
                elif kind == "user":
                    members.append(str(member["id"]))
                elif others is not None:
                    others[kind] = others.get(kind, 0) + 1
        return members

    @staticmethod
    def _note_other_members(result: SourceRead, others: Mapping[str, int]) -> None:
        if sum(others.values()):
            note = other_members_note(others)
            result.notes.append(note)
            log.info("Entra: %s", note)

    def _roles_of(
        self, user_id: str, assignments: _Assignments, groups: Mapping[str, list[str]]
    ) -> list[dict[str, str]]:
        role_ids = list(assignments.users.get(user_id, []))
        for group_id, member_ids in groups.items():
            if user_id in member_ids:
                role_ids.extend(assignments.groups.get(group_id, []))
        seen: list[dict[str, str]] = []
        for role_id in role_ids:
            role = self._app_roles.get(role_id, {"id": role_id, "value": "", "displayName": ""})
            if role not in seen:
                seen.append(role)
        # The real roles first, so that SingleAppRoleAssignment picks one of them.
        return sorted(seen, key=lambda r: r["id"] == DEFAULT_ACCESS_ROLE_ID)

    def _make_user(
        self, raw: Mapping[str, Any], roles: list[dict[str, str]] | None = None
    ) -> SourceUser:
        attributes = flatten_user(raw, self.select, manager=self.needs_manager)
        if self.needs_roles:
            attributes["appRoleAssignments"] = [dict(r) for r in roles or []]
        return SourceUser(
            source_id=str(raw["id"]),
            user_name=str(raw.get("userPrincipalName") or ""),
            attributes=attributes,
            enabled=raw.get("accountEnabled") is not False,
        )

    @staticmethod
    def _make_group(
        group_id: str, name: str, raw: Mapping[str, Any], member_ids: Iterable[str]
    ) -> SourceGroup:
        attributes = {
            k: v for k, v in raw.items() if not k.startswith("@") and k != "members@delta"
        }
        attributes.setdefault("displayName", name)
        attributes["id"] = group_id
        attributes["objectId"] = group_id
        return SourceGroup(
            source_id=group_id,
            display_name=name,
            attributes=attributes,
            member_ids=tuple(sorted(member_ids)),
        )

    def _skip(
        self,
        raw: Mapping[str, Any] | None,
        user_id: str,
        assignments: _Assignments,
        groups: Mapping[str, list[str]],
    ) -> SourceSkip:
        via = [
            assignments.group_names.get(g, g)
            for g in assignments.default_groups()
            if user_id in groups.get(g, [])
        ]
        how = f"through the group {', '.join(sorted(via))}" if via else "directly"
        app = (
            self.settings.app_name
            if not self.settings.app_id
            else f"application {self.settings.app_id}"
        )
        return SourceSkip(
            source_id=user_id,
            user_name=str((raw or {}).get("userPrincipalName") or ""),
            reason="DefaultAccessRole",
            detail=(
                f"Assigned to {app} {how} with the Default Access role only: Entra does not "
                "provision such assignments. Assign a real role (such as User) to provision this user."
            ),
        )

    async def _full_read(self) -> SourceRead:
        users_round = await self.graph.delta("users/delta", self._delta_params())
        groups_round = await self.graph.delta("groups/delta", {"$select": ",".join(GROUP_SELECT)})
        raw_users = {str(u["id"]): u for u in users_round.items if "@removed" not in u}
        all_groups: dict[str, dict[str, Any]] = {}
        members: dict[str, list[str]] = {}
        nested: dict[str, list[str]] = {}
        # group id -> kind -> count of members that are neither users nor groups
        others: dict[str, dict[str, int]] = {}
        for entry in groups_round.items:
            if "@removed" in entry:
                continue
            group_id = str(entry["id"])
            known = all_groups.setdefault(group_id, {})
            known.update({k: v for k, v in entry.items() if k != "members@delta"})
            for member in entry.get("members@delta") or []:
                if "@removed" in member:
                    continue
                kind = _member_kind(member)
                if kind == "group":
                    nested.setdefault(group_id, []).append(str(member["id"]))
                elif kind == "user":
                    members.setdefault(group_id, []).append(str(member["id"]))
                else:
                    counted = others.setdefault(group_id, {})
                    counted[kind] = counted.get(kind, 0) + 1
        result = SourceRead(full=True)
        state = _State(
            self.scope, self._select_hash(), users_round.delta_link, groups_round.delta_link
        )
        if self.scope == "all":
            assignments = _Assignments()
            if self.needs_roles:
                try:
                    sp = await self._service_principal()
                    state.sp_id = str(sp["id"])
                    assignments = await self._assignments(state.sp_id)
                except InputError:
                    result.notes.append(
                        "The application was not found: appRoleAssignments is empty for every user."
                    )
            in_scope = set(raw_users)
            group_ids = set(all_groups)
            state.group_names = {g: str(all_groups[g].get("displayName") or g) for g in group_ids}
            state.groups = {g: [m for m in members.get(g, []) if m in raw_users] for g in group_ids}
        else:
            sp = await self._service_principal()
            state.sp_id = str(sp["id"])
            assignments = await self._assignments(state.sp_id)
            group_ids = assignments.real_groups() | assignments.default_groups()
            for group_id in group_ids:
                if (
                    group_id not in all_groups
                ):  # assigned, yet not in the delta round (just created)
                    nested_names: list[str] = []
                    members[group_id] = await self._group_member_ids(
                        group_id, nested_names, others.setdefault(group_id, {})
                    )
                    all_groups[group_id] = {
                        "displayName": assignments.group_names.get(group_id, group_id)
                    }
            in_scope = {
                u
                for u, roles in assignments.users.items()
                if any(r != DEFAULT_ACCESS_ROLE_ID for r in roles)
            }
            for group_id in assignments.real_groups():
                in_scope.update(members.get(group_id, []))
            in_scope &= set(raw_users)
            default_only = set(assignments.users) | {
                m for g in assignments.default_groups() for m in members.get(g, [])
            }
            default_only = (default_only & set(raw_users)) - in_scope
            state.default_only = default_only
            for user_id in sorted(
                default_only,
                key=lambda u: str(raw_users[u].get("userPrincipalName", "")).casefold(),
            ):
                result.skipped.append(self._skip(raw_users[user_id], user_id, assignments, members))
            tracked = assignments.real_groups() | assignments.default_groups()
            state.group_names = {
                g: str(
                    all_groups.get(g, {}).get("displayName") or assignments.group_names.get(g, g)
                )
                for g in tracked
            }
            state.groups = {g: [m for m in members.get(g, []) if m in raw_users] for g in tracked}
            group_ids = assignments.real_groups()
            for group_id in sorted(group_ids):
                if nested.get(group_id):
                    state.nested_seen.add(group_id)
                    names = [
                        str(all_groups.get(n, {}).get("displayName") or n) for n in nested[group_id]
                    ]
                    result.notes.append(self._nested_note(state.group_names[group_id], names))
        state.in_scope = in_scope
        state.scoped_groups = set(group_ids)
        skipped_members: dict[str, int] = {}
        for group_id in state.groups:
            for kind, count in others.get(group_id, {}).items():
                skipped_members[kind] = skipped_members.get(kind, 0) + count
        self._note_other_members(result, skipped_members)
        result.users = sorted(
            (
                self._make_user(raw_users[u], self._roles_of(u, assignments, members))
                for u in in_scope
            ),
            key=lambda user: (user.user_name.casefold(), user.source_id),
        )
        result.groups = sorted(
            (
                self._make_group(
                    g,
                    state.group_names[g],
                    all_groups.get(g, {}),
                    [m for m in state.groups[g] if m in in_scope],
                )
                for g in group_ids
            ),
            key=lambda group: (group.display_name.casefold(), group.source_id),
        )
        result.watermark = state.dump()
        log.info(
            "Entra full read: %d users in scope, %d groups, %d skipped (%s)",
            len(result.users), len(result.groups), len(result.skipped), self.graph.stats.to_dict(),
        )  # fmt: skip
        return result

    @staticmethod
    def _nested_note(group: str, nested: list[str]) -> str:
        return (
            f"The group {group} contains the group(s) {', '.join(sorted(nested))}: members of nested "
            "groups are not provisioned (Entra does not expand nested groups for app assignments). "
            "Assign those groups to the application directly if their members need Webex."
        )

    async def _read_user(self, user_id: str) -> dict[str, Any] | None:
        try:
            return await self.graph.get(f"users/{user_id}", self._user_params())
        except GraphNotFound:
            return None

    async def _delta_read(self, state: _State) -> SourceRead:
        users_round = await self.graph.delta(state.users_link)
        groups_round = await self.graph.delta(state.groups_link)
        result = SourceRead(full=False)
        hard_deleted: set[str] = set()
        soft_deleted: set[str] = set()
        changed: dict[str, dict[str, Any]] = {}
        for entry in users_round.items:
            user_id = str(entry["id"])
            removed = entry.get("@removed")
            if isinstance(removed, Mapping):
                # "changed": soft-deleted (restorable for 30 days) -> disable, as Entra does;
                # "deleted": gone for good -> delete (when the profile allows it).
                (hard_deleted if removed.get("reason") == "deleted" else soft_deleted).add(user_id)
                changed.pop(user_id, None)
                continue
            changed.setdefault(user_id, {}).update(entry)
            soft_deleted.discard(user_id)
        # Groups: apply members@delta to the members remembered for the groups in scope.
        members = {g: set(m) for g, m in state.groups.items()}
        changed_groups: set[str] = set()
        deleted_groups: set[str] = set()
        group_entries: dict[str, dict[str, Any]] = {}
        nested_new: dict[str, list[str]] = {}
        others: dict[str, int] = {}
        for entry in groups_round.items:
            group_id = str(entry["id"])
            if "@removed" in entry:
                deleted_groups.add(group_id)
                continue
            group_entries.setdefault(group_id, {}).update(
                {k: v for k, v in entry.items() if k != "members@delta"}
            )
            if "displayName" in entry and entry["displayName"] is not None:
                state.group_names[group_id] = str(entry["displayName"])
                changed_groups.add(group_id)
            for member in entry.get("members@delta") or []:
                member_id = str(member["id"])
                kind = _member_kind(member)
                if kind == "group":
                    if "@removed" not in member:
                        nested_new.setdefault(group_id, []).append(member_id)
                    continue
                if kind != "user":
                    if "@removed" not in member and group_id in members:
                        others[kind] = others.get(kind, 0) + 1
                    continue
                if group_id in members:
                    changed_groups.add(group_id)
                    if "@removed" in member:
                        members[group_id].discard(member_id)
                    else:
                        members[group_id].add(member_id)
        for group_id in deleted_groups:
            members.pop(group_id, None)
        for group_id in members:
            members[group_id] -= hard_deleted
        if self.scope == "assigned":
            assignments = await self._assignments(state.sp_id)
            await self._read_app_roles_if_needed()
            wanted_groups = assignments.real_groups() | assignments.default_groups()
            for group_id in sorted(wanted_groups - set(members)):
                nested_names: list[str] = []
                members[group_id] = set(
                    await self._group_member_ids(group_id, nested_names, others)
                )
                state.group_names.setdefault(
                    group_id, assignments.group_names.get(group_id, group_id)
                )
                changed_groups.add(group_id)
                if nested_names:
                    state.nested_seen.add(group_id)
                    result.notes.append(
                        self._nested_note(state.group_names[group_id], nested_names)
                    )
            for group_id in set(members) - wanted_groups:
                del members[group_id]
            in_scope = {
                u
                for u, roles in assignments.users.items()
                if any(r != DEFAULT_ACCESS_ROLE_ID for r in roles)
            }
            for group_id in assignments.real_groups():
                in_scope |= members.get(group_id, set())
            default_only = (
                set(assignments.users)
                | {m for g in assignments.default_groups() for m in members.get(g, set())}
            ) - in_scope
            in_scope -= hard_deleted | soft_deleted
            default_only -= hard_deleted | soft_deleted
            scoped_groups = assignments.real_groups()
            removed_groups = state.scoped_groups - scoped_groups
            for group_id, nested_ids in nested_new.items():
                if group_id in scoped_groups and group_id not in state.nested_seen:
                    state.nested_seen.add(group_id)
                    names = [state.group_names.get(n, n) for n in nested_ids]
                    result.notes.append(
                        self._nested_note(state.group_names.get(group_id, group_id), names)
                    )
        else:
            assignments = _Assignments()
            if self.needs_roles and state.sp_id:
                assignments = await self._assignments(state.sp_id)
                await self._read_app_roles_if_needed()
            for group_id in group_entries:
                if group_id not in members:  # a group created since the last cycle
                    nested_names = []
                    members[group_id] = set(
                        await self._group_member_ids(group_id, nested_names, others)
                    )
                    changed_groups.add(group_id)
            in_scope = (state.in_scope | set(changed)) - hard_deleted - soft_deleted
            default_only = set()
            scoped_groups = set(members)
            removed_groups = set()
        # Users newly in scope need every attribute; changed ones may carry only what changed.
        newly_in = in_scope - state.in_scope
        for user_id in sorted(in_scope & (set(changed) | newly_in)):
            raw = changed.get(user_id, {})
            if (
                user_id in newly_in
                or not all(name in raw for name in self.select)
                or (self.needs_manager and manager_id(raw) is ...)
            ):
                fresh = await self._read_user(user_id)
                if fresh is None:
                    in_scope.discard(user_id)
                    continue
                raw = fresh
            result.users.append(
                self._make_user(
                    raw,
                    self._roles_of(user_id, assignments, {g: list(m) for g, m in members.items()}),
                )
            )
        result.users.sort(key=lambda user: (user.user_name.casefold(), user.source_id))
        result.deleted_user_ids = sorted(hard_deleted & state.in_scope)
        result.unassigned_user_ids = sorted((state.in_scope - in_scope) - hard_deleted)
        for user_id in sorted(default_only - state.default_only):
            skipped_raw = changed.get(user_id) or await self._read_user(user_id)
            result.skipped.append(
                self._skip(
                    skipped_raw, user_id, assignments, {g: list(m) for g, m in members.items()}
                )
            )
        for group_id in sorted(scoped_groups):
            if group_id in changed_groups or group_id not in state.scoped_groups:
                name = state.group_names.get(group_id, group_id)
                result.groups.append(
                    self._make_group(
                        group_id,
                        name,
                        group_entries.get(group_id, {}),
                        [m for m in members.get(group_id, set()) if m in in_scope],
                    )
                )
        result.deleted_group_ids = sorted((deleted_groups & state.scoped_groups) | removed_groups)
        self._note_other_members(result, others)
        state.users_link = users_round.delta_link
        state.groups_link = groups_round.delta_link
        state.in_scope = in_scope
        state.default_only = default_only
        state.groups = {g: sorted(m) for g, m in members.items()}
        state.scoped_groups = scoped_groups
        state.group_names = {g: n for g, n in state.group_names.items() if g in state.groups}
        result.watermark = state.dump()
        log.info(
            "Entra delta read: %d changed, %d unassigned, %d deleted, %d groups (%s)",
            len(result.users), len(result.unassigned_user_ids), len(result.deleted_user_ids),
            len(result.groups), self.graph.stats.to_dict(),
        )  # fmt: skip
        return result

    async def _read_app_roles_if_needed(self) -> None:
        if self.needs_roles and not self._app_roles:
            await self._service_principal()


__all__ = [
    "DEFAULT_ACCESS_ROLE_ID",
    "EntraSource",
    "flatten_user",
    "manager_id",
    "other_members_note",
    "user_query",
    "user_select",
]
