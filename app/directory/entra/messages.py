"""The sentences of the Microsoft Entra ID source (app.directory.entra): the sign-in's errors
and next steps, the enterprise application's, and the notes a read writes (users left out,
nested groups, members that are not users, full reads). Microsoft's own words (its error
code and description) are parameters, never translated. Each is a coded message
(app.messages); the French is in resources/locale/."""

from __future__ import annotations

from collections.abc import Mapping

from app.messages import Message, message

# -- the sign-in ------------------------------------------------------------------------------
AUTHORITY_NOT_HTTPS = message(
    "entra.authority.not_https", "The sign-in authority {authority} must use https://."
)
AUTHORITY_NOT_HTTPS_NEXT = message(
    "entra.authority.not_https.next",
    "Use https://login.microsoftonline.com (or your national cloud's authority).",
)
TOO_LARGE = message(
    "entra.sign_in.too_large",
    "The sign-in service at {host} sent an answer larger than {cap} bytes.",
)
TOO_LARGE_NEXT = message(
    "entra.sign_in.too_large.next",
    "Check that the authority is Microsoft's sign-in service and that no proxy "
    "rewrites its answers (WEBEX_PROVISIONER_HTTP_MAX_BODY sets the limit).",
)
TOO_SLOW = message(
    "entra.sign_in.too_slow",
    "The sign-in service at {host} did not finish its answer within {seconds} seconds.",
)
TOO_SLOW_NEXT = message(
    "entra.sign_in.too_slow.next",
    "Check the network and the proxy (HTTPS_PROXY), then try again "
    "(WEBEX_PROVISIONER_HTTP_DEADLINE sets the limit).",
)
BAD_SECRET = message(
    "entra.sign_in.bad_secret", "Microsoft Entra ID refused the client secret (wrong or expired)."
)
BAD_SECRET_NEXT = message(
    "entra.sign_in.bad_secret.next",
    "Create a new client secret under App registrations > your app > Certificates & secrets, "
    "and store its value with `webex-provisioner profile set PROFILE --client-secret-stdin`.",
    gui="Create a new client secret under App registrations > your app > Certificates & "
    "secrets, and paste its value in the Client secret field of the Source page.",
)
NO_APPLICATION = message(
    "entra.sign_in.no_application",
    "No application with client id {client_id} exists in tenant {tenant}.",
)
NO_APPLICATION_NEXT = message(
    "entra.sign_in.no_application.next",
    "Copy the Application (client) ID and the Directory (tenant) ID from the app "
    "registration's overview.",
)
NO_TENANT = message("entra.sign_in.no_tenant", "Microsoft Entra ID has no tenant {tenant}.")
NO_TENANT_NEXT = message(
    "entra.sign_in.no_tenant.next",
    "Copy the Directory (tenant) ID from the Entra admin center's overview page.",
)
NO_DEVICE_CODE = message(
    "entra.sign_in.no_device_code", "This app registration does not allow sign-in by device code."
)
NO_DEVICE_CODE_NEXT = message(
    "entra.sign_in.no_device_code.next",
    "Under App registrations > your app > Authentication, set 'Allow public client flows' to Yes.",
)
CODE_EXPIRED = message(
    "entra.sign_in.code_expired", "The sign-in code expired before anyone used it."
)
CODE_EXPIRED_NEXT = message(
    "entra.sign_in.code_expired.next", "Start again and enter the code within 15 minutes."
)
DECLINED = message("entra.sign_in.declined", "The sign-in was declined.")
DECLINED_NEXT = message("entra.sign_in.declined.next", "Start again and accept the sign-in.")
REFUSED = message(
    "entra.sign_in.refused", "Microsoft Entra ID refused the sign-in ({error}: {description})."
)
REFUSED_NEXT = message(
    "entra.sign_in.refused.next",
    "Check the tenant id, the client id and the app registration, then test the connection again.",
)
CERTIFICATE = message(
    "entra.sign_in.certificate",
    "The certificate of the sign-in service {host} is not trusted by this computer.",
)
CERTIFICATE_NEXT = message(
    "entra.sign_in.certificate.next",
    "If your network inspects TLS, point the profile's CA file (or REQUESTS_CA_BUNDLE) at your "
    "company's CA bundle.",
)
NO_TENANT_DESCRIBED = message(
    "entra.sign_in.tenant_not_described",
    "The sign-in service at {host} did not describe tenant {tenant}.",
)
NO_TENANT_DESCRIBED_NEXT = message(
    "entra.sign_in.tenant_not_described.next",
    "Check the tenant id and the authority (https://login.microsoftonline.com, or your "
    "national cloud's).",
)
UNREACHABLE = message(
    "entra.sign_in.unreachable", "The sign-in service at {host} could not be reached ({error})."
)
UNREACHABLE_NEXT = message(
    "entra.sign_in.unreachable.next",
    "Check the network connection and the proxy settings (HTTPS_PROXY), then try again.",
)
NEEDS_YOU = message(
    "entra.sign_in.needs_you",
    "Signing in to Microsoft Entra ID needs you: the saved sign-in has expired.",
)
NEEDS_YOU_NEXT = message(
    "entra.sign_in.needs_you.next",
    "Run `webex-provisioner test-connection --profile {profile}` and sign in with the code it "
    "shows.",
    gui="Press Sync now and sign in with the code shown (profile {profile}).",
)
NO_KEYRING = message(
    "entra.sign_in.no_keyring",
    "No keyring on this machine: the Microsoft sign-in is kept in memory only.",
)

# -- the scope and the enterprise application ------------------------------------------------
UNKNOWN_SCOPE = message("entra.scope.unknown", "The scope {scope} is not known.")
UNKNOWN_SCOPE_NEXT = message("entra.scope.unknown.next", "Choose assigned or all.")
BY_APP_ID = message("entra.application.by_app_id", "appId {app_id}")
BY_NAME = message("entra.application.by_name", "the name {name}")
NO_ENTERPRISE_APP = message(
    "entra.application.missing",
    "No enterprise application with {described} exists in tenant {tenant}.",
)
NO_ENTERPRISE_APP_NEXT = message(
    "entra.application.missing.next",
    "Add Cisco Webex from the Entra gallery (Enterprise applications > New application), "
    "or give its exact name (--app-name) or its application id (--app-id).",
)
SEVERAL_APPS = message(
    "entra.application.several", "{count} enterprise applications are named {name}."
)
SEVERAL_APPS_NEXT = message(
    "entra.application.several.next",
    "Choose one by its application id: `webex-provisioner profile set PROFILE --app-id APP_ID`.",
)
APPLICATION_NOT_FOUND_NOTE = message(
    "entra.note.application_not_found",
    "The application was not found: appRoleAssignments is empty for every user.",
)

# -- users left out ---------------------------------------------------------------------------
THE_APPLICATION_ID = message("entra.skip.application_id", "application {app_id}")
THROUGH_GROUPS = message("entra.skip.through_group", "through the group {groups}")
DIRECTLY = message("entra.skip.directly", "directly")
DEFAULT_ACCESS = message(
    "entra.skip.default_access",
    "Assigned to {app} {how} with the Default Access role only: Entra does not "
    "provision such assignments. Assign a real role (such as User) to provision this user.",
)

# -- notes of a read --------------------------------------------------------------------------
TOKEN_UNREADABLE = message(
    "entra.note.token_unreadable",
    "The saved change token could not be read: every user is read again.",
)
SCOPE_CHANGED = message(
    "entra.note.scope_changed", "The scope changed to {scope}: every user is read again."
)
MAPPINGS_CHANGED = message(
    "entra.note.mappings_changed",
    "The attribute mappings now need other attributes: every user is read again.",
)
DELTA_EXPIRED = message(
    "entra.note.delta_expired",
    "Microsoft Graph no longer knew the last change token (it expires after a while): "
    "every user was read again.",
)
NESTED_GROUP = message(
    "entra.note.nested_group",
    "The group {group} contains the group {nested}: members of nested "
    "groups are not provisioned (Entra does not expand nested groups for app assignments). "
    "Assign that group to the application directly if its members need Webex.",
)
NESTED_GROUPS = message(
    "entra.note.nested_groups",
    "The group {group} contains the groups {nested}: members of nested "
    "groups are not provisioned (Entra does not expand nested groups for app assignments). "
    "Assign those groups to the application directly if their members need Webex.",
)
OTHER_MEMBERS = message(
    "entra.note.other_members",
    "{count} group member that is not a user was left out ({kinds}): only users are provisioned.",
    plural="{count} group members that are not users were left out ({kinds}): "
    "only users are provisioned.",
    count="count",
)
MEMBER_KINDS = {
    "device": message(
        "entra.member.device", "{count} device", plural="{count} devices", count="count"
    ),
    "contact": message(
        "entra.member.contact", "{count} contact", plural="{count} contacts", count="count"
    ),
    "service principal": message(
        "entra.member.service_principal",
        "{count} service principal",
        plural="{count} service principals",
        count="count",
    ),
}
OTHER_KIND = message(
    "entra.member.other", "{count} {kind}", plural="{count} {kind}s", count="count"
)
JOIN_LIST = message("entra.join.list", "{head}, {tail}")


def member_kinds(counts: Mapping[str, int]) -> Message:
    """ "2 devices, 1 contact": the counts of each kind (at least one), in the kinds' order."""
    parts = [
        MEMBER_KINDS[kind](count=n) if kind in MEMBER_KINDS else OTHER_KIND(count=n, kind=kind)
        for kind, n in sorted(counts.items())
        if n
    ]
    result = parts[-1]
    for part in reversed(parts[:-1]):
        result = JOIN_LIST(head=part, tail=result)
    return result
