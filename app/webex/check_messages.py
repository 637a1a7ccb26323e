"""The sentences of the connection test (app.webex.checks): titles, reasons, next steps, the
text report. Each is a coded message (app.messages); the French is in resources/locale/."""

from __future__ import annotations

from app.messages import message

TITLES = {
    "url": message("check.title.url", "Tenant URL"),
    "reachable": message("check.title.reachable", "Network (DNS, TCP, TLS)"),
    "token": message("check.title.token", "Token accepted (people/me)"),
    "person": message("check.title.person", "Token of a person, not a bot"),
    "org": message("check.title.org", "Token of the URL's organisation"),
    "discovery": message("check.title.discovery", "SCIM discovery (ServiceProviderConfig)"),
    "scim_read": message("check.title.scim_read", "SCIM read (Users)"),
    "write": message("check.title.write", "Permission to create and change users"),
    "write_groups": message("check.title.write_groups", "Permission to create and change groups"),
    "token_expiry": message("check.title.token_expiry", "Token lifetime"),
}

# -- the text report ------------------------------------------------------------------------
REPORT_HEADING = message("check.report.heading", "Test connection: {url}")
REPORT_NO_URL = message("check.report.no_url", "(no tenant URL)")
REPORT_MARKS = {
    "passed": message("check.report.mark.passed", "ok"),
    "failed": message("check.report.mark.failed", "FAILED"),
    "unknown": message("check.report.mark.unknown", "unknown"),
    "skipped": message("check.report.mark.skipped", "skipped"),
}
REPORT_LINE = message("check.report.line", "{title}: {reason}")
REPORT_NEXT = message("check.report.next", "Next: {step}")
REPORT_FAILED = message(
    "check.report.failed",
    "Result: {count} check failed.",
    plural="Result: {count} checks failed.",
    count="count",
)
REPORT_WORKS = message("check.report.works", "Result: the connection works.")

# -- why a check was skipped ------------------------------------------------------------------
NEEDS_VALID_TOKEN = message("check.skip.valid_token", "Needs a valid token.")
NEEDS_REACHABLE = message("check.skip.reachable", "Needs the target to be reachable.")
NEEDS_VALID_URL = message("check.skip.url", "Needs a valid tenant URL.")
NEEDS_TOKEN = message("check.skip.token", "Needs a token.")
NEEDS_ACCEPTED_TOKEN = message("check.skip.accepted_token", "Needs an accepted token.")
OTHER_APP_NO_PEOPLE_ME = message(
    "check.skip.other_app",
    "Another SCIM app has no people/me; the SCIM read below tests the token.",
)
NEEDS_SCIM = message("check.skip.scim", "Needs SCIM access.")
NEEDS_SCIM_READ = message("check.skip.scim_read", "Needs SCIM read access first.")

# -- the tenant URL and the network -----------------------------------------------------------
URL_WEBEX = message("check.url.webex", "Webex tenant, organisation {org}.")
URL_OTHER_APP = message(
    "check.url.other_app", "Another SCIM 2.0 app (not Webex): the orgId checks do not apply."
)
REACHED = message("check.reachable.passed", "{host} answered over {how}, {version}.")
REACHED_THROUGH_PROXY = message(
    "check.reachable.passed_proxy",
    "{host} answered over {how}, {version} through the proxy {proxy}.",
)
OVER_TLS = message("check.reachable.tls", "TLS")
OVER_PLAIN_HTTP = message("check.reachable.plain_http", "plain HTTP (this computer)")

# -- the token, the person, the organisation --------------------------------------------------
NO_TOKEN = message("check.token.missing", "No token was given.")
PASTE_TOKEN = message("check.token.missing.next", "Paste the access token of a Webex admin.")
TOKEN_OWNER = message("check.token.owner", "The token is {who}'s.")
TOKEN_OWNER_EMAIL = message("check.token.owner_email", "The token is {who}'s ({email}).")
PERSON = message("check.person.person", "The token belongs to a person.")
BOT = message("check.person.bot", "The token belongs to a bot: a bot cannot provision.")
BOT_NEXT = message(
    "check.person.bot.next",
    "Use an admin's token (a full admin or user admin of the organisation).",
)
OTHER_ACCOUNT = message(
    "check.person.other",
    "The token belongs to an account of type {kind!r}; "
    "it can provision only with the identity:people_rw scope.",
)
SAME_ORG = message("check.org.same", "Both are organisation {org}.")
OTHER_ORG = message(
    "check.org.other",
    "The token belongs to organisation {token_org}, the tenant URL names {url_org}.",
)
OTHER_ORG_NEXT = message(
    "check.org.other.next",
    "Use a token of an admin of {url_org}, or the tenant URL "
    "of your organisation (…/identity/scim/{token_org}/v2/).",
)

# -- what another SCIM app offers -------------------------------------------------------------
NO_PROVIDER_CONFIG = message(
    "check.discovery.none",
    "The app publishes no ServiceProviderConfig: the core User and Group schemas are assumed.",
)
APP_OFFERS = message("check.discovery.offers", "The app offers {bulk}, {filtering}, {patch}.")
BULK_UP_TO = message("check.discovery.bulk", "bulk up to {most} operations")
NO_BULK = message("check.discovery.no_bulk", "no bulk")
FILTERING = message("check.discovery.filtering", "filtering")
NO_FILTERING = message("check.discovery.no_filtering", "no filtering")
PATCH = message("check.discovery.patch", "PATCH")
NO_PATCH = message("check.discovery.no_patch", "no PATCH")

# -- reading and writing ----------------------------------------------------------------------
NO_USERS_ENDPOINT = message(
    "check.scim_read.not_found", "The target has no SCIM Users endpoint at this URL."
)
CHECK_URL = message("check.scim_read.not_found.next", "Check the tenant URL.")
CHECK_URL_DETAIL = message(
    "check.scim_read.not_found.next_detail", "Check the tenant URL. ({detail})"
)
READS_USERS = message("check.scim_read.passed", "The token can read users.")
READS_USERS_COUNT = message(
    "check.scim_read.passed_count", "The token can read users ({count} in the tenant)."
)
APP_DOES_NOT_TELL = message(
    "check.write.app_unknown",
    "The app does not tell in advance; the first provisioning will show it.",
)
WRITES_USERS = message("check.write.passed", "The token's user is a {role}.")
CANNOT_WRITE_USERS = message(
    "check.write.failed",
    "The token's user can read users but not create or change them (roles: {roles}).",
)
CANNOT_WRITE_USERS_NEXT = message(
    "check.write.failed.next", "Use the token of a full admin or a user admin."
)
ROLES_DO_NOT_TELL = message(
    "check.write.unknown",
    "The token's roles do not tell whether it may write; the first provisioning will show it.",
)
WRITES_GROUPS = message(
    "check.write_groups.passed", "The token's user is a {role}: groups can be written."
)
ROLES_DO_NOT_TELL_GROUPS = message(
    "check.write_groups.unknown",
    "The token's roles do not tell whether it may write groups; the first "
    "provisioning of a group will show it.",
)
CANNOT_WRITE_GROUPS = message(
    "check.write_groups.refused",
    "Groups cannot be written with this token (roles: {roles}); only a full "
    "admin or a group admin may write them.",
)
NO_GROUPS_PROVISIONED = message(
    "check.write_groups.no_groups", "{reason} The profile provisions no groups."
)
GROUPS_MAYBE_PROVISIONED = message(
    "check.write_groups.maybe",
    "{reason} Cycles skip the groups, with this reason, if the profile provisions them.",
)
GROUPS_PROVISIONED = message(
    "check.write_groups.failed",
    "{reason} The profile provisions groups: cycles provision the users and skip the groups.",
)
CANNOT_WRITE_GROUPS_NEXT = message(
    "check.write_groups.failed.next",
    "Use the token of a full admin, or turn off group provisioning in the profile.",
)

# -- the token's lifetime ---------------------------------------------------------------------
EXPIRY_NOT_TOLD = message("check.token_expiry.error", "Webex did not tell ({error}).")
EXPIRY_UNKNOWN = message(
    "check.token_expiry.unsupported", "This service does not tell when tokens expire."
)
EXPIRED = message("check.token_expiry.expired", "The token expired on {when}.")
WORKS_UNTIL = message("check.token_expiry.passed", "The token works until {when} ({span} left).")
DAYS_HOURS = message("check.token_expiry.days", "{days} days {hours} hours")
HOURS_MINUTES = message("check.token_expiry.hours", "{hours} hours {minutes} minutes")
