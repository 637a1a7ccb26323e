"""The sentences of the Microsoft Graph client (app.directory.graph): its errors and their
next steps. Graph's own words (its error code and message) and its request id are
parameters, never translated. Each is a coded message (app.messages); the French is in
resources/locale/."""

from __future__ import annotations

from app.messages import Message, message

PERMISSION_KINDS = {
    "application": message("graph.permission_kind.application", "application"),
    "delegated": message("graph.permission_kind.delegated", "delegated"),
}


def permission_kind(kind: str) -> Message | str:
    template = PERMISSION_KINDS.get(kind)
    return template() if template is not None else kind


CONSENT_STEP = message(
    "graph.consent.next",
    "In the Microsoft Entra admin center, open App registrations > your app > API permissions, "
    "add Microsoft Graph {permission} ({kind}) and click Grant admin consent.",
)
NOT_GRAPH_URL = message("graph.url.invalid", "{url} is not a Microsoft Graph address.")
NOT_GRAPH_URL_NEXT = message(
    "graph.url.invalid.next",
    "Use https://graph.microsoft.com or your national cloud's Graph URL.",
)
NOT_HTTPS = message("graph.url.not_https", "The Graph address {url} must use https://.")
NOT_HTTPS_NEXT = message(
    "graph.url.not_https.next",
    "Use https://graph.microsoft.com (plain http only for this computer).",
)
OTHER_SERVER = message(
    "graph.error.other_server", "Microsoft Graph answered with a link to another server."
)
OTHER_SERVER_NEXT = message(
    "graph.error.other_server.next", "Check the Graph address in the profile (graph_url)."
)
NOT_JSON = message(
    "graph.error.not_json",
    "Microsoft Graph answered with something that is not a JSON object.",
)
TRY_LATER = message("graph.try_later", "Try again later.")
CERTIFICATE = message(
    "graph.error.certificate", "The certificate of {host} is not trusted by this computer."
)
CERTIFICATE_NEXT = message(
    "graph.error.certificate.next",
    "If your network inspects TLS, point the profile's CA file (or REQUESTS_CA_BUNDLE) at your "
    "company's CA bundle.",
)
UNREACHABLE = message(
    "graph.error.unreachable", "Microsoft Graph at {host} could not be reached ({error})."
)
UNREACHABLE_NEXT = message(
    "graph.error.unreachable.next",
    "Check the network connection, the proxy settings (HTTPS_PROXY) and the Graph address, "
    "then try again.",
)
DELTA_EXPIRED = message(
    "graph.error.delta_expired", "Microsoft Graph no longer knows the last change token."
)
DELTA_EXPIRED_NEXT = message(
    "graph.error.delta_expired.next", "Nothing to do: everything is read again this cycle."
)
AUTH = message("graph.error.auth", "Microsoft Graph refused the sign-in token.")
AUTH_NEXT = message(
    "graph.error.auth.next",
    "Test the connection again; if it persists, check the tenant id and the app registration.",
)
PERMISSION = message(
    "graph.error.permission",
    "Microsoft Graph refused to read {where} ({code}): the app lacks the {permission} permission.",
)
NOT_FOUND = message("graph.error.not_found", "Microsoft Graph has no {where}.")
NOT_FOUND_NEXT = message("graph.error.not_found.next", "Check the name or id in the profile.")
UNAVAILABLE = message("graph.error.unavailable", "Microsoft Graph kept failing ({status}).")
UNAVAILABLE_NEXT = message(
    "graph.error.unavailable.next",
    "Try again later; Microsoft's service health page says whether Graph has an incident.",
)
REFUSED = message(
    "graph.error.refused",
    "Microsoft Graph refused the request for {where} ({status} {code}: {message}).",
)
REFUSED_NEXT = message(
    "graph.error.refused.next",
    "Check the profile's settings; if they are right, report this with the request id "
    "{request_id}.",
)
REFUSED_NEXT_NO_ID = message(
    "graph.error.refused.next_no_id",
    "Check the profile's settings; if they are right, report this with the request id.",
)
NO_DELTA_LINK = message(
    "graph.error.no_delta_link", "Microsoft Graph ended a change list without a change token."
)
