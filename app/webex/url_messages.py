"""The sentences of the tenant URL, the orgId and the pasted token (app.webex.urls,
app.webex.orgid, app.webex.tokens): what is wrong and what to do. Each is a coded message
(app.messages); the French is in resources/locale/. The example URL is a parameter."""

from __future__ import annotations

from app.messages import message

# The URL every next step shows; "{orgId}" stays as it is in every language.
EXAMPLE_URL = "https://webexapis.com/identity/scim/{orgId}/v2/"

# -- the tenant URL (app.webex.urls) ------------------------------------------------------------
WHERE_TO_FIND_ORG = message(
    "url.step.find_org", 'Use "Get my orgId" (people/me) or copy the orgId from Control Hub.'
)
LOOKALIKE = message(
    "url.error.lookalike",
    "The host {host} looks like Webex's API host but is not one "
    "(a typo, or a letter from another alphabet).",
)
LOOKALIKE_STEP = message(
    "url.step.lookalike",
    "Use {example}; type the host name rather than copying it from a message.",
)
NOT_WEBEX_HOST = message(
    "url.error.not_webex_host",
    "{host} is not a Webex API host: the token would be sent there.",
)
NOT_WEBEX_HOST_STEP = message(
    "url.step.not_webex_host",
    "Use {example} (a loopback address such as 127.0.0.1 works for the sandbox), "
    "or choose another SCIM 2.0 application.",
)
NO_ORG_IN_WEBEX_URL = message("url.error.webex_no_org", "This Webex URL has no orgId.")
NO_ORG_IN_WEBEX_URL_STEP = message(
    "url.step.webex_no_org", "Use {example} with your orgId. {where}"
)
NO_PEOPLE_ME = message(
    "url.error.no_people_me",
    "This is not a Webex tenant URL, so it has no people/me to ask for an orgId.",
)
NO_PEOPLE_ME_STEP = message(
    "url.step.no_people_me", "For Webex, use {example}; another SCIM app needs no orgId."
)
TAKES_NO_ORG = message(
    "url.error.takes_no_org", "This is not a Webex tenant URL, so it takes no orgId."
)
TAKES_NO_ORG_STEP = message("url.step.takes_no_org", "Use {example} for Webex.")
NO_ORG = message("url.error.no_org", "The tenant URL has no orgId.")
PLACEHOLDER = message(
    "url.error.placeholder",
    "The tenant URL still holds the placeholder (such as [Tenant ID]).",
)
PLACEHOLDER_STEP = message("url.step.placeholder", "Replace it with your orgId. {where}")
EMPTY = message("url.error.empty", "The tenant URL is empty.")
EMPTY_STEP = message("url.step.empty", "Paste {example} with your orgId.")
SPACES = message("url.error.spaces", "The tenant URL contains spaces.")
SPACES_STEP = message("url.step.spaces", "Remove the spaces and paste the URL again.")
NO_SCHEME = message("url.error.no_scheme", "The tenant URL does not start with https://.")
NO_SCHEME_STEP = message("url.step.no_scheme", "Paste the whole URL, starting with https://.")
INVALID = message("url.error.invalid", "The tenant URL is not a valid URL.")
INVALID_STEP = message("url.step.invalid", "Check the host name and the port number.")
BAD_SCHEME = message(
    "url.error.bad_scheme", "The tenant URL uses {scheme}://, which cannot be used."
)
BAD_SCHEME_STEP = message("url.step.bad_scheme", "Use an https:// URL.")
NO_HOST = message("url.error.no_host", "The tenant URL has no host name.")
NO_HOST_STEP = message("url.step.no_host", "Paste the whole URL.")
PLAIN_HTTP = message(
    "url.error.plain_http", "Plain http:// is only allowed for this computer (the sandbox)."
)
PLAIN_HTTP_STEP = message("url.step.plain_http", "Use https:// for a real tenant.")
CREDENTIALS = message("url.error.credentials", "The tenant URL contains a user name or password.")
CREDENTIALS_STEP = message("url.step.credentials", "Remove them: the token is given separately.")
QUERY = message("url.error.query", "The tenant URL has a query string (after '?').")
QUERY_STEP = message("url.step.query", "Remove everything from the '?'.")
FRAGMENT = message("url.error.fragment", "The tenant URL has a fragment (after '#').")
FRAGMENT_STEP = message("url.step.fragment", "Remove everything from the '#'.")

# -- the orgId (app.webex.orgid) ----------------------------------------------------------------
ORG_NOT_AN_ID = message(
    "orgid.error.not_an_id", "The orgId is neither a UUID nor a Webex organisation id."
)
ORG_NOT_AN_ID_STEP = message(
    "orgid.step.not_an_id",
    'Copy the "orgId" value from "Get My Own Details" (people/me), or the '
    "organisation UUID from Control Hub.",
)
ORG_PERSON_ID = message("orgid.error.person_id", "This is a person id, not the organisation id.")
ORG_PERSON_ID_STEP = message(
    "orgid.step.person_id", 'In the people/me answer, copy "orgId", not "id".'
)
ORG_OTHER_ID = message(
    "orgid.error.other_id", "This is a Webex {kind} id, not the organisation id."
)
ORG_COPY_AGAIN = message(
    "orgid.step.copy", 'Copy the "orgId" value from "Get My Own Details" (people/me).'
)
ORG_NO_UUID = message("orgid.error.no_uuid", "This organisation id does not hold a UUID.")
ORG_NO_UUID_STEP = message(
    "orgid.step.no_uuid", 'Copy the "orgId" value from "Get My Own Details" (people/me) again.'
)
ORG_UUID_INVALID = message("orgid.error.uuid_invalid", "The organisation UUID is not a UUID.")
ORG_UUID_INVALID_STEP = message(
    "orgid.step.uuid_invalid",
    "Give the UUID form, for example 96abc2aa-3dcc-11e5-a152-fe34819cdc9a.",
)

# -- a pasted token (app.webex.tokens) --------------------------------------------------------
THE_TOKEN = message("token.what.default", "The token")
NO_TOKEN = message("token.error.none", "No token was given.")
NO_TOKEN_STEP = message("token.step.none", "Paste the admin's Webex access token.")
TOKEN_SPACES = message("token.error.spaces", "{what} contains spaces or line breaks.")
TOKEN_SPACES_STEP = message(
    "token.step.spaces", "Copy the token again, in one piece, and paste it."
)
TOKEN_TOO_LONG = message(
    "token.error.too_long",
    "{what} is {length} characters long; an access token has at most {most}.",
)
TOKEN_TOO_LONG_STEP = message(
    "token.step.too_long",
    "Copy only the token (not a file or a whole page) and paste it again.",
)
CONTROL_CHARACTER = message("token.kind.control", "a control character")
NOT_ASCII = message("token.kind.not_ascii", "a character that is not plain ASCII")
TOKEN_BAD_CHARACTER = message(
    "token.error.bad_character",
    "{what} contains {kind} at position {position}, which a token cannot hold.",
)
TOKEN_BAD_CHARACTER_STEP = message(
    "token.step.bad_character",
    "Copy the token again from where it was made (developer.webex.com or your "
    "integration); an editor or a chat may have changed a character.",
)
