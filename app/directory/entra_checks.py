"""Named checks of the Entra ID source for test-connection: sign-in, Graph permissions, the app.

Same shape as the target's checks (app.checks.CheckResult): each has an id, a title,
a status (passed | failed | unknown | skipped), a reason and the next step. Never raises
for a failed check: the failure is in the list.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from app.checks import CheckResult
from app.directory.entra.auth import DeviceCodeCallback, EntraSignIn, granted_permissions
from app.directory.graph import (
    GraphClient,
    GraphError,
    GraphPermissionError,
)
from app.errors import ExitCode, UserFacingError
from app.messages import Message, message

if TYPE_CHECKING:
    from app.config.profile import EntraSettings
    from app.config.secrets import SecretStore

PERMISSIONS = ("User.Read.All", "Group.Read.All", "Application.Read.All")
# Directory.Read.All (or a ReadWrite permission) covers a read as well.
_COVERS = {
    "User.Read.All": {
        "User.Read.All",
        "User.ReadWrite.All",
        "Directory.Read.All",
        "Directory.ReadWrite.All",
    },
    "Group.Read.All": {
        "Group.Read.All",
        "Group.ReadWrite.All",
        "GroupMember.Read.All",
        "Directory.Read.All",
        "Directory.ReadWrite.All",
    },
    "Application.Read.All": {
        "Application.Read.All",
        "Application.ReadWrite.All",
        "Directory.Read.All",
        "Directory.ReadWrite.All",
    },
}
# A read that needs exactly one permission, to try each one.
_PROBES = {
    "User.Read.All": ("users", {"$top": "1", "$select": "id"}),
    "Group.Read.All": ("groups", {"$top": "1", "$select": "id"}),
    "Application.Read.All": ("servicePrincipals", {"$top": "1", "$select": "id"}),
}
_AUTH = int(ExitCode.AUTH)

SIGN_IN_TITLE = message("check.entra.title.sign_in", "Sign-in to Microsoft Entra ID")
PERMISSION_TITLE = message("check.entra.title.permission", "Permission {permission}")
APPLICATION_TITLE = message("check.entra.title.application", "Enterprise application")
SIGN_IN_FAILED = message("check.entra.skip.sign_in", "Sign-in failed.")
SIGNED_IN = message(
    "check.entra.sign_in.passed", "Signed in to tenant {tenant} {how} (client id {client})."
)
WITH_CLIENT_SECRET = message("check.entra.sign_in.client_secret", "with the client secret")
BY_DEVICE_CODE = message("check.entra.sign_in.device_code", "by device code")
GRANT_PERMISSION = message(
    "check.entra.permission.next",
    "In the Microsoft Entra admin center, open App registrations > your app > API "
    "permissions, add Microsoft Graph {permission} ({kind}) and click Grant admin consent.",
)
APPLICATION_PERMISSION = message("check.entra.permission.application", "application")
DELEGATED_PERMISSION = message("check.entra.permission.delegated", "delegated")
REFUSED_ALTHOUGH_LISTED = message(
    "check.entra.permission.refused_listed",
    "Graph refused to read /{path} although the token lists the permission "
    "(consent may still be propagating).",
)
REFUSED = message(
    "check.entra.permission.refused",
    "Graph refused to read /{path}: the permission is not granted.",
)
GRANTED = message("check.entra.permission.granted", "{permission} is granted.")
READS_WORK = message(
    "check.entra.permission.reads_work",
    "{permission} is reads work (granted through another permission or role).",
)
SCOPE_ALL = message(
    "check.entra.application.scope_all",
    "The scope is all users and groups: assignments are not read.",
)
NO_APPLICATION_PERMISSION = message(
    "check.entra.application.no_permission",
    "Without Application.Read.All the application cannot be looked up.",
)
GRANT_FIRST = message("check.entra.application.no_permission.next", "Grant the permission first.")
BY_APP_ID = message("check.entra.application.by_id", "application id {app_id}")
BY_NAME = message("check.entra.application.by_name", "name {name!r}")
NOT_FOUND = message(
    "check.entra.application.not_found",
    "No enterprise application with the {described} exists in the tenant.",
)
NOT_FOUND_NEXT = message(
    "check.entra.application.not_found.next",
    "Add Cisco Webex from the Entra gallery (Enterprise applications > New application), "
    "or give its exact name (--app-name) or application id (--app-id).",
)
SEVERAL_FOUND = message(
    "check.entra.application.several",
    "{count} enterprise application has the {described}.",
    plural="{count} enterprise applications have the {described}.",
    count="count",
)
SEVERAL_FOUND_NEXT = message(
    "check.entra.application.several.next", "Choose one by its application id (--app-id)."
)
FOUND = message(
    "check.entra.application.passed",
    "Found {name} (application id {app_id}): {users} and {groups} assigned.",
)
USERS = message("check.entra.count.users", "{count} user", plural="{count} users", count="count")
GROUPS = message(
    "check.entra.count.groups", "{count} group", plural="{count} groups", count="count"
)
NOBODY_ASSIGNED = message(
    "check.entra.application.nobody",
    "{name} is found but nobody is assigned to it.",
)
NOBODY_ASSIGNED_NEXT = message(
    "check.entra.application.nobody.next",
    "Assign users or groups under Enterprise applications > Cisco Webex > Users and groups, "
    "or use the scope 'all'.",
)


def permission_id(permission: str) -> str:
    """The check id of a Graph permission ("entra.permission.user-read-all")."""
    return "entra.permission." + permission.lower().replace(".", "-")


def skipped_checks(why: Message) -> list[CheckResult]:
    """Every check after the network's, skipped for `why`."""
    return [
        CheckResult.of("entra.sign-in", SIGN_IN_TITLE(), "skipped", why),
        *_skipped_after_sign_in(why),
    ]


def _skipped_after_sign_in(why: Message) -> list[CheckResult]:
    """The permissions' and the application's checks, skipped for `why`."""
    return [
        *(
            CheckResult.of(
                permission_id(permission), PERMISSION_TITLE(permission=permission), "skipped", why
            )
            for permission in PERMISSIONS
        ),
        CheckResult.of("entra.application", APPLICATION_TITLE(), "skipped", why),
    ]


async def check_source(
    settings: EntraSettings,
    *,
    profile_name: str,
    secrets: SecretStore,
    scope: Literal["assigned", "all"] | str = "assigned",
    device_code_callback: DeviceCodeCallback | None = None,
    graph_options: dict[str, Any] | None = None,
) -> list[CheckResult]:
    """Sign in, check each Graph permission (token claims, then a real read), find the app."""
    sign_in = EntraSignIn(
        settings,
        profile_name=profile_name,
        secrets=secrets,
        device_code_callback=device_code_callback,
    )
    try:
        try:
            token = await sign_in.token()
        except UserFacingError as exc:
            return _sign_in_failed(exc)
        checks = [_signed_in(settings)]
        ca = settings.ca_file
        async with GraphClient(
            settings.graph_url, sign_in, extra_ca=Path(ca) if ca else None, **(graph_options or {})
        ) as graph:
            working: set[str] = set()
            granted = granted_permissions(token)
            for permission in PERMISSIONS:
                check = await _permission_check(graph, permission, granted, settings.auth)
                if check.status == "passed":
                    working.add(permission)
                checks.append(check)
            checks.append(await _application_check(graph, settings, scope, working))
    finally:
        await sign_in.aclose()
    return checks


def _sign_in_failed(exc: UserFacingError) -> list[CheckResult]:
    """The sign-in check failed; every check after it is skipped."""
    failed = CheckResult.of(
        "entra.sign-in", SIGN_IN_TITLE(), "failed", exc.message, exc.next_step, _AUTH
    )
    return [failed, *_skipped_after_sign_in(SIGN_IN_FAILED())]


def _signed_in(settings: EntraSettings) -> CheckResult:
    how = WITH_CLIENT_SECRET() if settings.auth == "client_secret" else BY_DEVICE_CODE()
    signed_in = SIGNED_IN(tenant=settings.tenant_id, how=how, client=settings.client_id)
    return CheckResult.of("entra.sign-in", SIGN_IN_TITLE(), "passed", signed_in)


async def _permission_check(
    graph: GraphClient, permission: str, granted: set[str], auth: str
) -> CheckResult:
    """One permission: a read that needs it alone, judged with what the token claims."""
    kind = APPLICATION_PERMISSION() if auth == "client_secret" else DELEGATED_PERMISSION()
    in_token = bool(granted & _COVERS[permission])
    path, params = _PROBES[permission]
    check_id, title = permission_id(permission), PERMISSION_TITLE(permission=permission)
    step = GRANT_PERMISSION(permission=permission, kind=kind)
    try:
        await graph.get(path, params)
    except GraphPermissionError:
        reason = REFUSED_ALTHOUGH_LISTED(path=path) if in_token else REFUSED(path=path)
        return CheckResult.of(check_id, title, "failed", reason, step, _AUTH)
    except GraphError as exc:
        return CheckResult.of(check_id, title, "unknown", exc.message, exc.next_step)
    note = GRANTED if in_token else READS_WORK
    return CheckResult.of(check_id, title, "passed", note(permission=permission))


async def _application_check(
    graph: GraphClient, settings: EntraSettings, scope: str, working: set[str]
) -> CheckResult:
    title = APPLICATION_TITLE()
    check_id = "entra.application"
    if scope == "all":
        return CheckResult.of(check_id, title, "skipped", SCOPE_ALL())
    if "Application.Read.All" not in working:
        return CheckResult.of(
            check_id, title, "unknown", NO_APPLICATION_PERMISSION(), GRANT_FIRST()
        )
    if settings.app_id:
        wanted, described = f"appId eq '{settings.app_id}'", BY_APP_ID(app_id=settings.app_id)
    else:
        wanted = "displayName eq '{}'".format(settings.app_name.replace("'", "''"))
        described = BY_NAME(name=settings.app_name)
    try:
        found = await graph.collect(
            "servicePrincipals",
            {"$filter": wanted, "$select": "id,appId,displayName", "$top": "999"},
            headers={"ConsistencyLevel": "eventual"},
        )
        if len(found) != 1:
            if not found:
                return CheckResult.of(
                    check_id,
                    title,
                    "failed",
                    NOT_FOUND(described=described),
                    NOT_FOUND_NEXT(),
                    int(ExitCode.BAD_INPUT),
                )
            return CheckResult.of(
                check_id,
                title,
                "failed",
                SEVERAL_FOUND(count=len(found), described=described),
                SEVERAL_FOUND_NEXT(),
                int(ExitCode.BAD_INPUT),
            )
        sp = found[0]
        assignments = await graph.collect(
            f"servicePrincipals/{sp['id']}/appRoleAssignedTo", {"$top": "999"}
        )
    except GraphError as exc:
        return CheckResult.of(check_id, title, "unknown", exc.message, exc.next_step)
    name = str(sp.get("displayName"))
    if not assignments:
        return CheckResult.of(
            check_id,
            title,
            "failed",
            NOBODY_ASSIGNED(name=name),
            NOBODY_ASSIGNED_NEXT(),
            int(ExitCode.BAD_INPUT),
        )
    users = sum(1 for a in assignments if a.get("principalType") == "User")
    groups = sum(1 for a in assignments if a.get("principalType") == "Group")
    reason = FOUND(
        name=name,
        app_id=str(sp.get("appId")),
        users=USERS(count=users),
        groups=GROUPS(count=groups),
    )
    return CheckResult.of(check_id, title, "passed", reason)


__all__ = ["PERMISSIONS", "check_source", "permission_id", "skipped_checks"]
