"""The Graph sandbox's directory tenant: users, groups, their members (users, groups, devices,
organizational contacts, service principals), managers, enterprise applications and their
assignments, and the numbered changes that delta queries read ("what changed since change N").

The tests change the tenant through the methods at the bottom (add, change, disable, delete,
set or clear a manager, assign, unassign, ...); app.sandbox.graph.sample builds the sample one.
"""

from __future__ import annotations

import random
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from app.sandbox.graph.properties import USER_PROPERTIES, USER_TYPE, project

DEFAULT_ACCESS_ROLE_ID = "00000000-0000-0000-0000-000000000000"
WEBEX_APP_NAME = "Cisco Webex"
DOMAIN = "contoso.example.com"

_OFFICES = (
    ("Montréal", "QC", "CA", "fr-CA", "+1 514 555 0"),
    ("Québec", "QC", "CA", "fr-CA", "+1 418 555 0"),
    ("Paris", "Île-de-France", "FR", "fr-FR", "+33 1 55 55 0"),
    ("Lyon", "Auvergne-Rhône-Alpes", "FR", "fr-FR", "+33 4 55 55 0"),
    ("Genève", "GE", "CH", "fr-CH", "+41 22 555 0"),
    ("London", "England", "GB", "en-GB", "+44 20 5555 0"),
    ("Toronto", "ON", "CA", "en-CA", "+1 416 555 0"),
)


def ascii_fold(text: str) -> str:
    """'Élodie Côté' -> 'Elodie Cote': how user names and mail nicknames are made."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _nickname(given: str, surname: str) -> str:
    raw = f"{ascii_fold(given)}.{ascii_fold(surname)}".lower()
    return "".join(c for c in raw if c.isalnum() or c in ".-")


@dataclass
class _Meta:
    """Change numbers of one object, for delta queries."""

    created: int
    changed: dict[str, int] = field(default_factory=dict)
    removed: tuple[str, int] | None = None  # ("changed" = soft delete | "deleted", change no.)

    def last(self) -> int:
        numbers = [self.created, *self.changed.values()]
        if self.removed:
            numbers.append(self.removed[1])
        return max(numbers)


@dataclass
class _MemberChange:
    seq: int
    member_id: str
    member_type: str  # "user" | "group" | "device" | "orgContact" | "servicePrincipal"
    removed: bool


@dataclass
class GraphTenant:
    """A directory tenant as the Graph sandbox serves it. Not thread-safe: one loop owns it."""

    tenant_id: str
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    groups: dict[str, dict[str, Any]] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)  # group id -> member ids
    service_principals: dict[str, dict[str, Any]] = field(default_factory=dict)
    assignments: dict[str, dict[str, Any]] = field(default_factory=dict)
    managers: dict[str, str] = field(default_factory=dict)  # user id -> its manager's id
    devices: dict[str, dict[str, Any]] = field(default_factory=dict)
    contacts: dict[str, dict[str, Any]] = field(default_factory=dict)  # organizational contacts
    seq: int = 0
    delta_generation: int = 0  # bumped by expire_delta_tokens(): older tokens are refused
    _user_meta: dict[str, _Meta] = field(default_factory=dict)
    _group_meta: dict[str, _Meta] = field(default_factory=dict)
    _member_log: dict[str, list[_MemberChange]] = field(default_factory=dict)
    # The manager a user had before its manager was cleared (a delta round reports it).
    _former_managers: dict[str, str] = field(default_factory=dict)
    _rng: random.Random = field(default_factory=lambda: random.Random(0))

    # ----- numbering --------------------------------------------------------------------

    def _next(self) -> int:
        self.seq += 1
        return self.seq

    def _new_id(self) -> str:
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))

    # ----- reading ----------------------------------------------------------------------

    def live_users(self) -> list[dict[str, Any]]:
        """Users that exist (not deleted), in creation order."""
        return [u for uid, u in self.users.items() if self._user_meta[uid].removed is None]

    def user(self, key: str) -> dict[str, Any] | None:
        """A live user by object id or userPrincipalName."""
        found = self.users.get(key)
        if found is None:
            lowered = key.lower()
            found = next(
                (u for u in self.users.values() if u["userPrincipalName"].lower() == lowered), None
            )
        if found is None or self._user_meta[found["id"]].removed is not None:
            return None
        return found

    def manager_of(self, user_id: str) -> str | None:
        """The id of the user's manager, when it has one that exists."""
        manager_id = self.managers.get(user_id)
        if manager_id is None or self.user(manager_id) is None:
            return None
        return manager_id

    def reports_of(self, manager_id: str) -> list[str]:
        """The users whose manager this user is (direct reports that exist)."""
        return [u for u, m in self.managers.items() if m == manager_id and self.user(u) is not None]

    def manager_object(self, user_id: str, select: Iterable[str]) -> dict[str, Any] | None:
        """The expanded manager as /users?$expand=manager shows it (None: no manager)."""
        manager_id = self.manager_of(user_id)
        if manager_id is None:
            return None
        return {"@odata.type": "#microsoft.graph.user", **project(self.users[manager_id], select)}

    def user_by_name(self, display_name: str) -> dict[str, Any]:
        return next(u for u in self.live_users() if u["displayName"] == display_name)

    def group_by_name(self, display_name: str) -> dict[str, Any]:
        return next(g for g in self.groups.values() if g["displayName"] == display_name)

    def live_groups(self) -> list[dict[str, Any]]:
        return [g for gid, g in self.groups.items() if self._group_meta[gid].removed is None]

    def member_objects(self, group_id: str) -> list[dict[str, Any]]:
        """The direct members of a group that exist: users, groups, devices, contacts and
        service principals, each with its `@odata.type`."""
        found: list[dict[str, Any]] = []
        for member_id in self.members.get(group_id, []):
            kind = self.member_kind(member_id)
            if kind == "user":
                if self.user(member_id) is not None:
                    found.append({"@odata.type": USER_TYPE, **self.users[member_id]})
            elif kind == "group":
                if self._group_meta[member_id].removed is None:
                    found.append(
                        {"@odata.type": "#microsoft.graph.group", **self.groups[member_id]}
                    )
            else:
                found.append({"@odata.type": f"#microsoft.graph.{kind}", **self._object(member_id)})
        return found

    def member_kind(self, object_id: str) -> str:
        """The Graph type name of a directory object: user, group, device, orgContact, ..."""
        if object_id in self.groups:
            return "group"
        if object_id in self.devices:
            return "device"
        if object_id in self.contacts:
            return "orgContact"
        if object_id in self.service_principals:
            return "servicePrincipal"
        return "user"

    def _object(self, object_id: str) -> dict[str, Any]:
        for store in (self.devices, self.contacts, self.service_principals):
            if object_id in store:
                return store[object_id]
        raise KeyError(object_id)

    def application(self, name: str = WEBEX_APP_NAME) -> dict[str, Any]:
        return next(sp for sp in self.service_principals.values() if sp["displayName"] == name)

    def assignments_to(self, sp_id: str) -> list[dict[str, Any]]:
        """Assignments of an application to principals that exist."""
        found = []
        for assignment in self.assignments.values():
            if assignment["resourceId"] != sp_id:
                continue
            principal = assignment["principalId"]
            if assignment["principalType"] == "User" and self.user(principal) is None:
                continue
            if assignment["principalType"] == "Group" and principal not in {
                g["id"] for g in self.live_groups()
            }:
                continue
            found.append(assignment)
        return found

    def is_assigned(self, principal_id: str, sp_id: str) -> bool:
        return any(
            a["principalId"] == principal_id and a["resourceId"] == sp_id
            for a in self.assignments.values()
        )

    def expected_in_scope(self, app_name: str = WEBEX_APP_NAME) -> set[str]:
        """Users Entra would provision for the app: a real role directly or via a group."""
        sp = self.application(app_name)
        in_scope: set[str] = set()
        for assignment in self.assignments_to(sp["id"]):
            if assignment["appRoleId"] == DEFAULT_ACCESS_ROLE_ID:
                continue
            if assignment["principalType"] == "User":
                in_scope.add(assignment["principalId"])
            else:
                in_scope.update(
                    m["id"]
                    for m in self.member_objects(assignment["principalId"])
                    if m["@odata.type"] == "#microsoft.graph.user"
                )
        return in_scope

    def expected_user_names(self, app_name: str = WEBEX_APP_NAME) -> set[str]:
        """The lower-cased userPrincipalName of each enabled user the assigned scope reads:
        what a first cycle leaves in the Webex tenant."""
        return {
            str(self.users[user_id]["userPrincipalName"]).lower()
            for user_id in self.expected_in_scope(app_name)
            if self.users[user_id]["accountEnabled"]
        }

    def expected_default_access_only(self, app_name: str = WEBEX_APP_NAME) -> set[str]:
        sp = self.application(app_name)
        default: set[str] = set()
        for assignment in self.assignments_to(sp["id"]):
            if assignment["appRoleId"] != DEFAULT_ACCESS_ROLE_ID:
                continue
            if assignment["principalType"] == "User":
                default.add(assignment["principalId"])
            else:
                default.update(
                    m["id"]
                    for m in self.member_objects(assignment["principalId"])
                    if m["@odata.type"] == "#microsoft.graph.user"
                )
        return default - self.expected_in_scope(app_name)

    # ----- delta ------------------------------------------------------------------------

    def users_delta(
        self, since: int | None, upto: int, select: Iterable[str], *, manager: bool = False
    ) -> list[dict[str, Any]]:
        """Users changed in (since, upto], or every live user when `since` is None.

        A changed user carries its id and the selected properties that changed (Graph
        promises "at least the updated properties"); a new or restored one carries all.
        With `manager` ($select=manager), the manager comes as `manager@delta`: the
        manager's id, or the former manager's id marked `@removed` when it was cleared; a
        change of manager alone is reported only then (Graph tracks what was asked for).
        """
        selected = list(select)
        entries: list[dict[str, Any]] = []
        for user_id, user in self.users.items():
            meta = self._user_meta[user_id]
            if since is None:
                if meta.removed is None and meta.created <= upto:
                    entries.append(self._with_manager(project(user, selected), manager))
                continue
            if meta.last() <= since:
                continue
            if meta.removed is not None:
                if meta.removed[1] > since:
                    entries.append({"id": user_id, "@removed": {"reason": meta.removed[0]}})
                continue
            if meta.created > since:
                entries.append(self._with_manager(project(user, selected), manager))
                continue
            changed = [p for p, n in meta.changed.items() if n > since and p != "manager"]
            manager_changed = meta.changed.get("manager", 0) > since
            if manager_changed and not changed and not manager:
                continue
            entry = project(user, [p for p in changed if p in selected])
            if manager and manager_changed:
                current = self.manager_of(user_id)
                former = self._former_managers.get(user_id)
                if current is not None:
                    entry["manager@delta"] = [{"@odata.type": USER_TYPE, "id": current}]
                elif former is not None:
                    entry["manager@delta"] = [
                        {"@odata.type": USER_TYPE, "id": former, "@removed": {"reason": "deleted"}}
                    ]
            entries.append(entry)
        return entries

    def _with_manager(self, entry: dict[str, Any], manager: bool) -> dict[str, Any]:
        manager_id = self.manager_of(entry["id"]) if manager else None
        if manager_id is not None:
            entry["manager@delta"] = [{"@odata.type": USER_TYPE, "id": manager_id}]
        return entry

    def groups_delta(
        self, since: int | None, upto: int, select: Iterable[str]
    ) -> list[dict[str, Any]]:
        """Groups changed in (since, upto] with `members@delta` when members are selected."""
        selected = list(select)
        with_members = "members" in selected
        properties = [p for p in selected if p != "members"]
        entries: list[dict[str, Any]] = []
        for group_id, group in self.groups.items():
            meta = self._group_meta[group_id]
            log = self._member_log.get(group_id, [])
            if since is None:
                if meta.removed is None and meta.created <= upto:
                    entry = project(group, properties)
                    if with_members:
                        entry["members@delta"] = [
                            {"@odata.type": m["@odata.type"], "id": m["id"]}
                            for m in self.member_objects(group_id)
                        ]
                    entries.append(entry)
                continue
            member_changes = [c for c in log if c.seq > since]
            if meta.last() <= since and not member_changes:
                continue
            if meta.removed is not None:
                if meta.removed[1] > since:
                    entries.append({"id": group_id, "@removed": {"reason": meta.removed[0]}})
                continue
            if meta.created > since:
                entry = project(group, properties)
            else:
                entry = project(
                    group, [p for p, n in meta.changed.items() if n > since and p in properties]
                )
            if with_members and member_changes:
                latest: dict[str, _MemberChange] = {}
                for change in member_changes:
                    latest[change.member_id] = change
                entry["members@delta"] = [
                    {"@odata.type": f"#microsoft.graph.{c.member_type}", "id": c.member_id}
                    | ({"@removed": {"reason": "deleted"}} if c.removed else {})
                    for c in latest.values()
                ]
            if len(entry) > 1:
                entries.append(entry)
        return entries

    def expire_delta_tokens(self) -> None:
        """Make every delta link handed out so far invalid (Graph answers syncStateNotFound)."""
        self.delta_generation += 1

    # ----- changing (used by the sample and the tests) ----------------------------------

    def add_user(
        self,
        given_name: str,
        surname: str,
        *,
        department: str = "Ventes",
        job_title: str = "",
        enabled: bool = True,
        user_principal_name: str | None = None,
        **extra: Any,
    ) -> str:
        """Create a user as Entra would; returns its object id."""
        user_id = self._new_id()
        nickname = _nickname(given_name, surname)
        taken = {u["mailNickname"] for u in self.users.values()}
        base, number = nickname, 1
        while nickname in taken:
            number += 1
            nickname = f"{base}{number}"
        upn = user_principal_name or f"{nickname}@{DOMAIN}"
        city, state, country, language, phone = _OFFICES[len(self.users) % len(_OFFICES)]
        number_in_tenant = len(self.users) + 1
        user: dict[str, Any] = {
            "id": user_id,
            "userPrincipalName": upn,
            "displayName": f"{given_name} {surname}",
            "givenName": given_name,
            "surname": surname,
            "mail": upn,
            "mailNickname": nickname,
            "otherMails": [],
            "proxyAddresses": [f"SMTP:{upn}"],
            "jobTitle": job_title or None,
            "department": department,
            "companyName": "Contoso",
            "employeeId": f"E{number_in_tenant:05d}",
            "employeeType": "Employee",
            "officeLocation": f"{city} {1 + number_in_tenant % 4}",
            "streetAddress": f"{100 + number_in_tenant} rue Principale",
            "city": city,
            "state": state,
            "postalCode": f"{10000 + number_in_tenant * 7 % 89999}",
            "country": country,
            "usageLocation": country,
            "preferredLanguage": language,
            "businessPhones": [f"{phone}{number_in_tenant:03d}"],
            "mobilePhone": None,
            "faxNumber": None,
            "accountEnabled": enabled,
            "userType": "Member",
            "createdDateTime": f"2025-{1 + number_in_tenant % 12:02d}-{1 + number_in_tenant % 28:02d}T09:00:00Z",
            "onPremisesImmutableId": None,
            "onPremisesSamAccountName": None,
            "onPremisesExtensionAttributes": {f"extensionAttribute{i}": None for i in range(1, 16)},
        }
        user["onPremisesExtensionAttributes"]["extensionAttribute1"] = (
            f"CC-{100 + number_in_tenant % 9}"
        )
        for key, value in extra.items():
            if key not in USER_PROPERTIES:
                raise KeyError(f"unknown user property {key}")
            user[key] = value
        self.users[user_id] = user
        self._user_meta[user_id] = _Meta(created=self._next())
        return user_id

    def update_user(self, user_id: str, **changes: Any) -> None:
        user = self.users[user_id]
        seq = self._next()
        meta = self._user_meta[user_id]
        for key, value in changes.items():
            if key not in USER_PROPERTIES or key == "id":
                raise KeyError(f"unknown user property {key}")
            user[key] = value
            meta.changed[key] = seq

    def disable_user(self, user_id: str) -> None:
        self.update_user(user_id, accountEnabled=False)

    def enable_user(self, user_id: str) -> None:
        self.update_user(user_id, accountEnabled=True)

    def set_manager(self, user_id: str, manager_id: str | None) -> None:
        """Give a user a manager (another user's id), or clear it with None: a change the
        next delta round reports for that user when the manager is expanded."""
        if self.user(user_id) is None:
            raise KeyError(f"no user {user_id}")
        if manager_id is not None and (manager_id == user_id or self.user(manager_id) is None):
            raise KeyError(f"no other user {manager_id} to be the manager")
        current = self.manager_of(user_id)
        if current == manager_id:
            return
        if manager_id is None:
            self.managers.pop(user_id, None)
            if current is not None:
                self._former_managers[user_id] = current
        else:
            self.managers[user_id] = manager_id
        self._user_meta[user_id].changed["manager"] = self._next()

    def delete_user(self, user_id: str, *, permanent: bool = False) -> None:
        """Soft delete (restorable for 30 days in Entra), or permanently with permanent=True.

        A permanent delete also ends the user's group memberships and app assignments. The
        user's direct reports lose it as their manager either way.
        """
        for report in self.reports_of(user_id):
            self.set_manager(report, None)
        seq = self._next()
        meta = self._user_meta[user_id]
        meta.removed = ("deleted" if permanent else "changed", seq)
        if permanent:
            for group_id, member_ids in self.members.items():
                if user_id in member_ids:
                    member_ids.remove(user_id)
                    self._member_log.setdefault(group_id, []).append(
                        _MemberChange(seq, user_id, "user", True)
                    )
            for assignment_id in [
                a for a, v in self.assignments.items() if v["principalId"] == user_id
            ]:
                del self.assignments[assignment_id]

    def restore_user(self, user_id: str) -> None:
        """Bring back a soft-deleted user: delta reports it again with all its properties."""
        meta = self._user_meta[user_id]
        if meta.removed is None or meta.removed[0] != "changed":
            raise ValueError("only a soft-deleted user can be restored")
        meta.removed = None
        meta.created = self._next()

    def add_group(self, display_name: str, member_ids: Iterable[str] = ()) -> str:
        group_id = self._new_id()
        nickname = "".join(c for c in ascii_fold(display_name).lower() if c.isalnum()) or "group"
        self.groups[group_id] = {
            "id": group_id,
            "displayName": display_name,
            "description": f"{display_name} (Contoso)",
            "mailNickname": nickname,
            "mail": None,
            "securityEnabled": True,
            "mailEnabled": False,
        }
        seq = self._next()
        self._group_meta[group_id] = _Meta(created=seq)
        self.members[group_id] = []
        for member_id in member_ids:
            self.members[group_id].append(member_id)
            self._member_log.setdefault(group_id, []).append(
                _MemberChange(seq, member_id, self.member_kind(member_id), False)
            )
        return group_id

    def rename_group(self, group_id: str, display_name: str) -> None:
        self.groups[group_id]["displayName"] = display_name
        self._group_meta[group_id].changed["displayName"] = self._next()

    def delete_group(self, group_id: str) -> None:
        self._group_meta[group_id].removed = ("deleted", self._next())
        for assignment_id in [
            a for a, v in self.assignments.items() if v["principalId"] == group_id
        ]:
            del self.assignments[assignment_id]

    def add_member(self, group_id: str, member_id: str) -> None:
        if member_id in self.members[group_id]:
            return
        self.members[group_id].append(member_id)
        kind = self.member_kind(member_id)
        self._member_log.setdefault(group_id, []).append(
            _MemberChange(self._next(), member_id, kind, False)
        )

    def remove_member(self, group_id: str, member_id: str) -> None:
        self.members[group_id].remove(member_id)
        kind = self.member_kind(member_id)
        self._member_log.setdefault(group_id, []).append(
            _MemberChange(self._next(), member_id, kind, True)
        )

    def add_device(self, display_name: str) -> str:
        """A registered device (a meeting room's system, a desk phone); returns its id."""
        device_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.tenant_id}/device/{display_name}"))
        self.devices[device_id] = {
            "id": device_id,
            "displayName": display_name,
            "deviceId": str(uuid.uuid5(uuid.NAMESPACE_DNS, display_name)),
            "operatingSystem": "RoomOS",
            "accountEnabled": True,
        }
        self._next()
        return device_id

    def add_contact(self, display_name: str, mail: str) -> str:
        """An organizational contact (someone outside the tenant); returns its id."""
        contact_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.tenant_id}/contact/{mail}"))
        self.contacts[contact_id] = {
            "id": contact_id,
            "displayName": display_name,
            "mail": mail,
            "mailNickname": mail.split("@", 1)[0],
        }
        self._next()
        return contact_id

    def add_application(self, display_name: str, *, roles: Iterable[str] = ("User",)) -> str:
        """An enterprise application (service principal) with its app roles; returns its id."""
        sp_id = self._new_id()
        app_roles = [
            {
                "id": self._new_id(),
                "value": role,
                "displayName": role,
                "allowedMemberTypes": ["User"],
                "isEnabled": True,
                "description": f"{role} of {display_name}",
            }
            for role in roles
        ]
        self.service_principals[sp_id] = {
            "id": sp_id,
            "appId": self._new_id(),
            "displayName": display_name,
            "servicePrincipalType": "Application",
            "accountEnabled": True,
            "appRoleAssignmentRequired": True,
            "appRoles": app_roles,
        }
        self._next()
        return sp_id

    def role_id(self, sp_id: str, role: str) -> str:
        if role == "Default Access":
            return DEFAULT_ACCESS_ROLE_ID
        for app_role in self.service_principals[sp_id]["appRoles"]:
            if app_role["value"] == role:
                return str(app_role["id"])
        raise KeyError(f"no app role {role}")

    def assign(self, principal_id: str, *, app_id: str | None = None, role: str = "User") -> str:
        """Assign a user or a group to an application (the Webex one unless told)."""
        sp_id = app_id or self.application()["id"]
        sp = self.service_principals[sp_id]
        is_group = principal_id in self.groups
        principal = self.groups[principal_id] if is_group else self.users[principal_id]
        assignment_id = self._new_id()
        self.assignments[assignment_id] = {
            "id": assignment_id,
            "appRoleId": self.role_id(sp_id, role),
            "principalId": principal_id,
            "principalType": "Group" if is_group else "User",
            "principalDisplayName": principal["displayName"],
            "resourceId": sp_id,
            "resourceDisplayName": sp["displayName"],
            "createdDateTime": "2025-06-01T08:00:00Z",
            "deletedDateTime": None,
        }
        self._next()
        return assignment_id

    def unassign(self, principal_id: str, *, app_id: str | None = None) -> None:
        """Remove every assignment of the principal to the application."""
        sp_id = app_id or self.application()["id"]
        for assignment_id in [
            a
            for a, v in self.assignments.items()
            if v["principalId"] == principal_id and v["resourceId"] == sp_id
        ]:
            del self.assignments[assignment_id]
        self._next()


__all__ = [
    "DEFAULT_ACCESS_ROLE_ID",
    "DOMAIN",
    "WEBEX_APP_NAME",
    "GraphTenant",
    "ascii_fold",
]
