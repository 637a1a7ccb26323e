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
import logging
from collections.abc import AsyncIterator, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from app.directory.base import SourceGroup, SourceRead, SourceUser
from app.directory.entra import messages as say
from app.directory.entra.assignments import (
    AppRoles,
    Assignments,
    app_roles_of,
    default_access_skip,
    find_service_principal,
    group_member_ids,
    read_assignments,
    roles_of,
)
from app.directory.entra.auth import DeviceCodeCallback, EntraSignIn
from app.directory.entra.records import (
    GROUP_SELECT,
    MANAGER,
    flatten_user,
    make_group,
    manager_id,
    nested_note,
    other_members_note,
    user_query,
)
from app.directory.entra.rounds import (
    GroupChanges,
    GroupsSeen,
    UserChanges,
    group_changes,
    groups_of_full_round,
    user_changes,
)
from app.directory.entra.watermark import WatermarkState
from app.directory.graph import DeltaExpired, GraphClient, GraphNotFound, GraphStats
from app.errors import InputError
from app.messages import Message

if TYPE_CHECKING:
    from app.config.profile import EntraSettings
    from app.config.secrets import SecretStore

log = logging.getLogger(__name__)


@dataclass
class _Scope:
    """Who and what a read provisions, and the assignments that decided it."""

    assignments: Assignments
    users: set[str]  # in scope
    groups: set[str]  # provisioned
    default_only: set[str] = field(default_factory=set)
    removed_groups: set[str] = field(default_factory=set)  # provisioned before, no longer


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
            raise InputError(say.UNKNOWN_SCOPE(scope=repr(scope)), say.UNKNOWN_SCOPE_NEXT())
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
        self._app_roles: AppRoles = {}

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
        state = WatermarkState.load(watermark)
        reason: Message | None = None
        if state is None:
            reason = say.TOKEN_UNREADABLE()
        elif state.scope != self.scope:
            reason = say.SCOPE_CHANGED(scope=repr(self.scope))
        elif state.select_hash != self._select_hash():
            reason = say.MAPPINGS_CHANGED()
        if state is None or reason is not None:
            result = await self._full_read()
            if reason is not None:
                result.add_note(reason, first=True)
            return result
        try:
            result = await self._delta_read(state)
        except DeltaExpired as expired:
            log.warning(
                "Entra: Microsoft Graph no longer knows the delta link (%s %s): reading every user again",
                expired.status, expired.code or "no code",
            )  # fmt: skip
            result = await self._full_read()
            result.add_note(say.DELTA_EXPIRED(), first=True)
        return result

    async def _full_snapshot(self) -> SourceRead:
        if self._snapshot is None:
            self._snapshot = await self._full_read()
        return self._snapshot

    # ----- reading: the queries -----------------------------------------------------

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
        sp = await find_service_principal(self.graph, self.settings)
        self._app_roles = app_roles_of(sp)
        return sp

    async def _read_app_roles_if_needed(self) -> None:
        if self.needs_roles and not self._app_roles:
            await self._service_principal()

    async def _read_user(self, user_id: str) -> dict[str, Any] | None:
        try:
            return await self.graph.get(f"users/{user_id}", self._user_params())
        except GraphNotFound:
            return None

    def _make_user(
        self,
        raw: Mapping[str, Any],
        user_id: str,
        assignments: Assignments,
        groups: Mapping[str, Iterable[str]],
    ) -> SourceUser:
        attributes = flatten_user(raw, self.select, manager=self.needs_manager)
        if self.needs_roles:
            roles = roles_of(user_id, assignments, groups, self._app_roles)
            attributes["appRoleAssignments"] = [dict(r) for r in roles]
        return SourceUser(
            source_id=str(raw["id"]),
            user_name=str(raw.get("userPrincipalName") or ""),
            attributes=attributes,
            enabled=raw.get("accountEnabled") is not False,
        )

    @staticmethod
    def _note_other_members(result: SourceRead, others: Mapping[str, int]) -> None:
        if sum(others.values()):
            note = other_members_note(others)
            result.add_note(note)
            log.info("Entra: %s", note)

    # ----- the full read: both rounds from the start --------------------------------

    async def _full_read(self) -> SourceRead:
        users_round = await self.graph.delta("users/delta", self._delta_params())
        groups_round = await self.graph.delta("groups/delta", {"$select": ",".join(GROUP_SELECT)})
        raw_users = {str(u["id"]): u for u in users_round.items if "@removed" not in u}
        seen = groups_of_full_round(groups_round.items)
        result = SourceRead(full=True)
        state = WatermarkState(
            self.scope, self._select_hash(), users_round.delta_link, groups_round.delta_link
        )
        if self.scope == "all":
            scope = await self._everyone(raw_users, seen, state, result)
        else:
            scope = await self._assigned(raw_users, seen, state, result)
        state.in_scope = scope.users
        state.scoped_groups = set(scope.groups)
        self._full_records(result, raw_users, seen, state, scope)
        result.watermark = state.dump()
        log.info(
            "Entra full read: %d users in scope, %d groups, %d skipped (%s)",
            len(result.users), len(result.groups), len(result.skipped), self.graph.stats.to_dict(),
        )  # fmt: skip
        return result

    async def _everyone(
        self,
        raw_users: Mapping[str, Any],
        seen: GroupsSeen,
        state: WatermarkState,
        result: SourceRead,
    ) -> _Scope:
        """Scope "all": every user and group of the round; assignments only for app roles."""
        assignments = Assignments()
        if self.needs_roles:
            try:
                sp = await self._service_principal()
                state.sp_id = str(sp["id"])
                assignments = await read_assignments(self.graph, state.sp_id)
            except InputError:
                result.add_note(say.APPLICATION_NOT_FOUND_NOTE())
        group_ids = set(seen.groups)
        state.group_names = {g: str(seen.groups[g].get("displayName") or g) for g in group_ids}
        state.groups = {
            g: [m for m in seen.members.get(g, []) if m in raw_users] for g in group_ids
        }
        return _Scope(assignments, set(raw_users), group_ids)

    async def _assigned(
        self,
        raw_users: Mapping[str, Any],
        seen: GroupsSeen,
        state: WatermarkState,
        result: SourceRead,
    ) -> _Scope:
        """Scope "assigned": the users and groups assigned to the application, users skipped
        for the Default Access role only, a note per provisioned group holding groups."""
        sp = await self._service_principal()
        state.sp_id = str(sp["id"])
        assignments = await read_assignments(self.graph, state.sp_id)
        tracked = assignments.real_groups() | assignments.default_groups()
        for group_id in tracked:
            if group_id not in seen.groups:  # assigned, yet not in the delta round (just created)
                seen.members[group_id] = await group_member_ids(
                    self.graph, group_id, [], seen.others.setdefault(group_id, {})
                )
                seen.groups[group_id] = {
                    "displayName": assignments.group_names.get(group_id, group_id)
                }
        in_scope = assignments.in_scope(seen.members) & set(raw_users)
        default_only = assignments.default_only(seen.members, in_scope) & set(raw_users)
        state.default_only = default_only
        for user_id in sorted(
            default_only, key=lambda u: str(raw_users[u].get("userPrincipalName", "")).casefold()
        ):
            result.skipped.append(
                default_access_skip(
                    raw_users[user_id], user_id, assignments, seen.members, self.settings
                )
            )
        state.group_names = {
            g: str(seen.groups.get(g, {}).get("displayName") or assignments.group_names.get(g, g))
            for g in tracked
        }
        state.groups = {g: [m for m in seen.members.get(g, []) if m in raw_users] for g in tracked}
        group_ids = assignments.real_groups()
        for group_id in sorted(group_ids):
            if seen.nested.get(group_id):
                state.nested_seen.add(group_id)
                names = [
                    str(seen.groups.get(n, {}).get("displayName") or n)
                    for n in seen.nested[group_id]
                ]
                result.add_note(nested_note(state.group_names[group_id], names))
        return _Scope(assignments, in_scope, group_ids, default_only)

    def _full_records(
        self,
        result: SourceRead,
        raw_users: Mapping[str, Any],
        seen: GroupsSeen,
        state: WatermarkState,
        scope: _Scope,
    ) -> None:
        """The users and groups in scope, and the note on members that are not users."""
        skipped_members: dict[str, int] = {}
        for group_id in state.groups:
            for kind, count in seen.others.get(group_id, {}).items():
                skipped_members[kind] = skipped_members.get(kind, 0) + count
        self._note_other_members(result, skipped_members)
        result.users = sorted(
            (
                self._make_user(raw_users[u], u, scope.assignments, seen.members)
                for u in scope.users
            ),
            key=lambda user: (user.user_name.casefold(), user.source_id),
        )
        result.groups = sorted(
            (
                make_group(
                    g,
                    state.group_names[g],
                    seen.groups.get(g, {}),
                    [m for m in state.groups[g] if m in scope.users],
                )
                for g in scope.groups
            ),
            key=lambda group: (group.display_name.casefold(), group.source_id),
        )

    # ----- the delta read: what changed since the watermark -------------------------

    async def _delta_read(self, state: WatermarkState) -> SourceRead:
        users_round = await self.graph.delta(state.users_link)
        groups_round = await self.graph.delta(state.groups_link)
        result = SourceRead(full=False)
        users = user_changes(users_round.items)
        groups = group_changes(
            groups_round.items, state.groups, state.group_names, users.hard_deleted
        )
        if self.scope == "assigned":
            scope = await self._assigned_now(state, users, groups, result)
        else:
            scope = await self._everyone_now(state, users, groups)
        members = {g: list(m) for g, m in groups.members.items()}
        await self._changed_users(result, state, users, scope, members)
        for user_id in sorted(scope.default_only - state.default_only):
            skipped_raw = users.changed.get(user_id) or await self._read_user(user_id)
            result.skipped.append(
                default_access_skip(skipped_raw, user_id, scope.assignments, members, self.settings)
            )
        self._changed_groups(result, state, groups, scope)
        self._note_other_members(result, groups.others)
        self._remember(state, users_round.delta_link, groups_round.delta_link, groups, scope)
        result.watermark = state.dump()
        log.info(
            "Entra delta read: %d changed, %d unassigned, %d deleted, %d groups (%s)",
            len(result.users), len(result.unassigned_user_ids), len(result.deleted_user_ids),
            len(result.groups), self.graph.stats.to_dict(),
        )  # fmt: skip
        return result

    async def _assigned_now(
        self, state: WatermarkState, users: UserChanges, groups: GroupChanges, result: SourceRead
    ) -> _Scope:
        """Scope "assigned": the assignments read again (user delta does not report them);
        groups newly assigned read in full, groups no longer assigned let go."""
        assignments = await read_assignments(self.graph, state.sp_id)
        await self._read_app_roles_if_needed()
        members = groups.members
        wanted_groups = assignments.real_groups() | assignments.default_groups()
        for group_id in sorted(wanted_groups - set(members)):
            nested_names: list[str] = []
            members[group_id] = set(
                await group_member_ids(self.graph, group_id, nested_names, groups.others)
            )
            state.group_names.setdefault(group_id, assignments.group_names.get(group_id, group_id))
            groups.changed.add(group_id)
            if nested_names:
                state.nested_seen.add(group_id)
                result.add_note(nested_note(state.group_names[group_id], nested_names))
        for group_id in set(members) - wanted_groups:
            del members[group_id]
        in_scope = assignments.in_scope(members)
        default_only = assignments.default_only(members, in_scope)
        in_scope -= users.gone
        default_only -= users.gone
        scoped_groups = assignments.real_groups()
        for group_id, nested_ids in groups.nested_new.items():
            if group_id in scoped_groups and group_id not in state.nested_seen:
                state.nested_seen.add(group_id)
                names = [state.group_names.get(n, n) for n in nested_ids]
                result.add_note(nested_note(state.group_names.get(group_id, group_id), names))
        return _Scope(
            assignments, in_scope, scoped_groups, default_only, state.scoped_groups - scoped_groups
        )

    async def _everyone_now(
        self, state: WatermarkState, users: UserChanges, groups: GroupChanges
    ) -> _Scope:
        """Scope "all": everyone still there; groups created since the last cycle read in full."""
        assignments = Assignments()
        if self.needs_roles and state.sp_id:
            assignments = await read_assignments(self.graph, state.sp_id)
            await self._read_app_roles_if_needed()
        for group_id in groups.entries:
            if group_id not in groups.members:  # a group created since the last cycle
                groups.members[group_id] = set(
                    await group_member_ids(self.graph, group_id, [], groups.others)
                )
                groups.changed.add(group_id)
        in_scope = (state.in_scope | set(users.changed)) - users.gone
        return _Scope(assignments, in_scope, set(groups.members))

    async def _changed_users(
        self,
        result: SourceRead,
        state: WatermarkState,
        users: UserChanges,
        scope: _Scope,
        members: Mapping[str, list[str]],
    ) -> None:
        """Users newly in scope need every attribute; changed ones may carry only what changed
        (and are read again then). Users that left the scope are unassigned or deleted."""
        in_scope = scope.users
        newly_in = in_scope - state.in_scope
        for user_id in sorted(in_scope & (set(users.changed) | newly_in)):
            raw = users.changed.get(user_id, {})
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
            result.users.append(self._make_user(raw, user_id, scope.assignments, members))
        result.users.sort(key=lambda user: (user.user_name.casefold(), user.source_id))
        result.deleted_user_ids = sorted(users.hard_deleted & state.in_scope)
        result.unassigned_user_ids = sorted((state.in_scope - in_scope) - users.hard_deleted)

    @staticmethod
    def _changed_groups(
        result: SourceRead, state: WatermarkState, groups: GroupChanges, scope: _Scope
    ) -> None:
        """Groups in scope that changed or came in; groups deleted or out of scope."""
        for group_id in sorted(scope.groups):
            if group_id in groups.changed or group_id not in state.scoped_groups:
                name = state.group_names.get(group_id, group_id)
                result.groups.append(
                    make_group(
                        group_id,
                        name,
                        groups.entries.get(group_id, {}),
                        [m for m in groups.members.get(group_id, set()) if m in scope.users],
                    )
                )
        result.deleted_group_ids = sorted(
            (groups.deleted & state.scoped_groups) | scope.removed_groups
        )

    @staticmethod
    def _remember(
        state: WatermarkState,
        users_link: str,
        groups_link: str,
        groups: GroupChanges,
        scope: _Scope,
    ) -> None:
        """The watermark for the next cycle: the new links and the scope as it is now."""
        state.users_link = users_link
        state.groups_link = groups_link
        state.in_scope = scope.users
        state.default_only = scope.default_only
        state.groups = {g: sorted(m) for g, m in groups.members.items()}
        state.scoped_groups = scope.groups
        state.group_names = {g: n for g, n in state.group_names.items() if g in state.groups}


__all__ = ["EntraSource"]
