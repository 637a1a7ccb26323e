"""The sentences of the Webex target's errors (app.webex.errors): what happened and the next
step, for each HTTP status, Cisco's error extension and each kind of network failure. Each is
a coded message (app.messages); the French is in resources/locale/. Webex's own words (the
server's detail, the trackingId) are parameters, never translated."""

from __future__ import annotations

from app.messages import message

# -- next steps shared by several errors --------------------------------------------------------
NEW_CREDENTIAL = message(
    "webex.step.new_token",
    "Create a new token (developer.webex.com, or your integration) as a full or user admin, "
    "and paste it.",
)
ROLE_HELP = message(
    "webex.step.role",
    "Use the token of an admin with the full admin or user admin role in Control Hub "
    "(scopes identity:people_rw and spark:people_read).",
)
TRY_LATER = message(
    "webex.step.try_later", "Try again later; if it persists, contact Cisco support."
)

# -- the error classes' own sentences ---------------------------------------------------------
GENERIC = message("webex.error.generic", "The target answered with an error.")
TOKEN_REFUSED = message("webex.error.token_refused", "The token was refused.")
TOKEN_INVALID = message(
    "webex.error.token_invalid", "The token is not valid (mistyped, revoked or expired)."
)
TOKEN_EXPIRED = message("webex.error.token_expired", "The token has expired.")
NOT_ALLOWED = message("webex.error.not_allowed", "The token is not allowed to do this.")
NOT_ADMIN = message(
    "webex.error.not_admin", "The token's user is not an admin who can provision users."
)
MISSING_SCOPE = message(
    "webex.error.missing_scope",
    "The token lacks a scope needed to provision (identity:people_rw).",
)
MISSING_SCOPE_STEP = message(
    "webex.step.missing_scope",
    "Create a token with the scopes identity:people_rw, spark:people_read and "
    "Identity:SCIM, and paste it.",
)
WRONG_ORG = message(
    "webex.error.wrong_org",
    "The token belongs to another Webex organisation than the tenant URL.",
)
WRONG_ORG_STEP = message(
    "webex.step.wrong_org",
    "Use a token of an admin of this organisation, or fix the orgId in the tenant URL.",
)
BAD_REQUEST = message("webex.error.bad_request", "The target refused the request as invalid.")
BAD_REQUEST_STEP = message("webex.step.bad_request", "Check the attribute mappings for this value.")
NOT_FOUND = message(
    "webex.error.not_found", "The user or group does not exist (any more) in the target."
)
NOT_FOUND_STEP = message(
    "webex.step.not_found", "Run a new cycle: it will find or create it again."
)
CONFLICT = message(
    "webex.error.conflict", "A user or group with this name already exists in the target."
)
CONFLICT_STEP = message(
    "webex.step.conflict",
    "Match it on userName (or displayName for groups), or rename one of them.",
)
RATE_LIMITED = message(
    "webex.error.rate_limited", "The target asked us to slow down (too many requests)."
)
RATE_LIMITED_STEP = message(
    "webex.step.rate_limited", "Wait a few minutes, or lower the concurrency of the profile."
)
SERVER_ERROR = message("webex.error.server", "The target had an internal error.")
SERVER_ERROR_STEP = message(
    "webex.step.server",
    "Try again later; if it persists, contact Cisco support with the TrackingID.",
)
UNREACHABLE = message("webex.error.unreachable", "The target could not be reached.")
UNREACHABLE_STEP = message(
    "webex.step.unreachable",
    "Check the network connection and the proxy settings (HTTPS_PROXY).",
)
PROTOCOL = message(
    "webex.error.protocol", "The target answered something that is not SCIM or Webex JSON."
)
PROTOCOL_STEP = message(
    "webex.step.protocol",
    "Check the tenant URL; a proxy or a sign-in page may stand in the way.",
)

# -- what an error adds to its sentence -------------------------------------------------------
DETAIL = message("webex.error.detail", "({detail})")
TRACKING = message("webex.error.tracking", "[TrackingID {tracking_id}]")

# -- answers by HTTP status -------------------------------------------------------------------
UNAVAILABLE = message("webex.error.unavailable", "The target is unavailable (HTTP {status}).")
TRY_IN_MINUTES = message("webex.step.try_in_minutes", "Try again in a few minutes.")
NOT_JSON = message(
    "webex.error.not_json", "The target answered HTTP {status} with {body} instead of JSON."
)
REFUSED_STATUS = message(
    "webex.error.refused_status", "The target refused the request (HTTP {status})."
)
REFUSED_STATUS_TYPE = message(
    "webex.error.refused_status_type",
    "The target refused the request (HTTP {status}, {scim_type}).",
)
UNEXPECTED_STATUS = message(
    "webex.error.unexpected_status", "The target answered an unexpected HTTP {status}."
)

# -- what a body is, for the messages ---------------------------------------------------------
BODY_HTML = message("webex.body.html", "an HTML page")
BODY_NOT_JSON = message("webex.body.not_json", "a body that is not JSON")
BODY_JSON = message("webex.body.json", "a JSON body")

# -- network failures -------------------------------------------------------------------------
THE_TARGET = message("webex.net.the_target", "the target")
CERT_UNTRUSTED = message("webex.net.cert", "The certificate of {host} is not trusted.")
CERT_STEP = message(
    "webex.net.cert.step",
    "If your network inspects TLS, set SSL_CERT_FILE to your corporate CA bundle (PEM).",
)
TLS_FAILED = message("webex.net.tls", "The TLS handshake with {host} failed.")
TLS_STEP = message(
    "webex.net.tls.step",
    "Check that the URL is https:// on the right port, and the proxy settings.",
)
DNS_FAILED = message("webex.net.dns", "The host {host} was not found (DNS).")
DNS_STEP = message(
    "webex.net.dns.step",
    "Check the host name in the tenant URL, the network and the DNS settings.",
)
REFUSED = message("webex.net.refused", "{host} refused the connection.")
REFUSED_STEP = message(
    "webex.net.refused.step",
    "Check the port in the tenant URL, that the service runs, and the proxy settings.",
)
TIMEOUT = message("webex.net.timeout", "{host} did not answer in time.")
TIMEOUT_STEP = message(
    "webex.net.timeout.step",
    "Check the network and the proxy settings (HTTPS_PROXY), then try again.",
)
NO_CONNECTION = message("webex.net.connect", "Could not connect to {host}.")
NO_CONNECTION_STEP = message(
    "webex.net.connect.step", "Check the network and the proxy settings (HTTPS_PROXY)."
)
CUT_SHORT = message(
    "webex.net.reset", "The connection to {host} was lost before the answer arrived."
)
CUT_SHORT_STEP = message(
    "webex.net.reset.step",
    "Try again; if it persists, check the network and the proxy settings.",
)
