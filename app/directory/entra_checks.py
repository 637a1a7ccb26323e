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


def _permission_id(permission: str) -> str:
    return "entra.permission." + permission.lower().replace(".", "-")


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
    failed = CheckResult(
        "entra.sign-in",
        "Sign-in to Microsoft Entra ID",
        "failed",
        exc.message,
        exc.next_step,
        _AUTH,
    )
    skipped = [
        CheckResult(
            _permission_id(permission), f"Permission {permission}", "skipped", "Sign-in failed."
        )
        for permission in PERMISSIONS
    ]
    application = CheckResult(
        "entra.application", "Enterprise application", "skipped", "Sign-in failed."
    )
    return [failed, *skipped, application]


def _signed_in(settings: EntraSettings) -> CheckResult:
    how = "with the client secret" if settings.auth == "client_secret" else "by device code"
    return CheckResult(
        "entra.sign-in",
        "Sign-in to Microsoft Entra ID",
        "passed",
        f"Signed in to tenant {settings.tenant_id} {how} (client id {settings.client_id}).",
    )


async def _permission_check(
    graph: GraphClient, permission: str, granted: set[str], auth: str
) -> CheckResult:
    """One permission: a read that needs it alone, judged with what the token claims."""
    kind = "application" if auth == "client_secret" else "delegated"
    in_token = bool(granted & _COVERS[permission])
    path, params = _PROBES[permission]
    check_id, title = _permission_id(permission), f"Permission {permission}"
    step = (
        f"In the Microsoft Entra admin center, open App registrations > your app > API "
        f"permissions, add Microsoft Graph {permission} ({kind}) and click Grant admin consent."
    )
    try:
        await graph.get(path, params)
    except GraphPermissionError:
        reason = f"Graph refused to read /{path}" + (
            " although the token lists the permission (consent may still be propagating)."
            if in_token
            else ": the permission is not granted."
        )
        return CheckResult(check_id, title, "failed", reason, step, _AUTH)
    except GraphError as exc:
        return CheckResult(check_id, title, "unknown", exc.message, exc.next_step)
    note = "granted" if in_token else "reads work (granted through another permission or role)"
    return CheckResult(check_id, title, "passed", f"{permission} is {note}.")


async def _application_check(
    graph: GraphClient, settings: EntraSettings, scope: str, working: set[str]
) -> CheckResult:
    title = "Enterprise application"
    check_id = "entra.application"
    if scope == "all":
        return CheckResult(
            check_id,
            title,
            "skipped",
            "The scope is all users and groups: assignments are not read.",
        )
    if "Application.Read.All" not in working:
        return CheckResult(
            check_id,
            title,
            "unknown",
            "Without Application.Read.All the application cannot be looked up.",
            "Grant the permission first.",
        )
    if settings.app_id:
        wanted, described = f"appId eq '{settings.app_id}'", f"application id {settings.app_id}"
    else:
        wanted = "displayName eq '{}'".format(settings.app_name.replace("'", "''"))
        described = f"name {settings.app_name!r}"
    try:
        found = await graph.collect(
            "servicePrincipals",
            {"$filter": wanted, "$select": "id,appId,displayName", "$top": "999"},
            headers={"ConsistencyLevel": "eventual"},
        )
        if len(found) != 1:
            if not found:
                return CheckResult(
                    check_id,
                    title,
                    "failed",
                    f"No enterprise application with the {described} exists in the tenant.",
                    "Add Cisco Webex from the Entra gallery (Enterprise applications > New application), "
                    "or give its exact name (--app-name) or application id (--app-id).",
                    int(ExitCode.BAD_INPUT),
                )
            return CheckResult(
                check_id,
                title,
                "failed",
                f"{len(found)} enterprise applications have the {described}.",
                "Choose one by its application id (--app-id).",
                int(ExitCode.BAD_INPUT),
            )
        sp = found[0]
        assignments = await graph.collect(
            f"servicePrincipals/{sp['id']}/appRoleAssignedTo", {"$top": "999"}
        )
    except GraphError as exc:
        return CheckResult(check_id, title, "unknown", exc.message, exc.next_step)
    users = sum(1 for a in assignments if a.get("principalType") == "User")
    groups = sum(1 for a in assignments if a.get("principalType") == "Group")
    reason = f"Found {sp.get('displayName')} (application id {sp.get('appId')}): {users} users and {groups} groups assigned."
    if not assignments:
        return CheckResult(
            check_id,
            title,
            "failed",
            f"{sp.get('displayName')} is found but nobody is assigned to it.",
            "Assign users or groups under Enterprise applications > Cisco Webex > Users and groups, or use the scope 'all'.",
            int(ExitCode.BAD_INPUT),
        )
    return CheckResult(check_id, title, "passed", reason)


__all__ = ["PERMISSIONS", "check_source"]
