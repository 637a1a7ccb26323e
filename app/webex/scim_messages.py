"""The sentences of the SCIM client (app.webex.client, app.webex.scim, app.webex.bulk,
app.webex.people): what the target answered that cannot be used, and what to do. Each is a
coded message (app.messages); the French is in resources/locale/. The server's own words and
the SCIM names (User, Group, ServiceProviderConfig) are parameters."""

from __future__ import annotations

from app.messages import message

# -- what a request was doing, for the sentences below ------------------------------------------
ACTIONS = {
    "create": message("scim.action.create", "create {rt}"),
    "get": message("scim.action.get", "get {rt}"),
    "search": message("scim.action.search", "search {rt}"),
    "replace": message("scim.action.replace", "replace {rt}"),
    "patch": message("scim.action.patch", "patch {rt}"),
    "delete": message("scim.action.delete", "delete {rt}"),
}
VERBS = {
    "create": message("scim.verb.create", "create"),
    "get": message("scim.verb.get", "get"),
    "replace": message("scim.verb.replace", "replace"),
    "patch": message("scim.verb.patch", "patch"),
}
DISCOVERY = message("scim.action.discovery", "ServiceProviderConfig")

# -- app.webex.scim ---------------------------------------------------------------------------
NOT_SERVED = message("scim.error.not_served", "The target does not serve {rt} resources.")
NOT_SERVED_STEP = message(
    "scim.step.not_served", "Check the tenant URL, or turn off provisioning of this kind."
)
CHECK_TENANT_URL = message("scim.step.tenant_url", "Check the tenant URL.")
ANSWER_NOT_SCIM = message(
    "scim.error.answer_not_scim", "The target's answer to {action} is not valid SCIM ({detail})."
)
BODY_NOT_SCIM = message("scim.error.body_not_scim", "{body}, not SCIM JSON")
JSON_NOT_EXPECTED = message("scim.error.json_not_expected", "JSON SCIM does not expect ({detail})")
ANSWERED_WITH = message(
    "scim.error.answered_with", "The target answered {action} with HTTP {status} and {what}."
)
REQUEST_NOT_SCIM = message(
    "scim.error.request_not_scim",
    "The {action} request is not valid SCIM and was not sent ({detail}).",
)
CHECK_MAPPINGS = message("scim.step.mappings", "Check the attribute mappings.")
NO_JSON_OBJECT = message(
    "scim.error.no_json_object", "The target answered {action} without a JSON object."
)
SCHEMA_MISMATCH = message(
    "scim.error.schema",
    "The target's answer to {action} does not match the {model} schema ({where}: {detail}).",
)
SEARCH_NO_OBJECT = message(
    "scim.error.search_no_object", "The target answered a search without a JSON object."
)
SEARCH_NOT_LIST = message(
    "scim.error.search_not_list",
    "The target's search answer holds Resources that are not a list.",
)
SEARCH_INVALID = message(
    "scim.error.search_invalid",
    "The target's search answer is not a valid SCIM ListResponse ({where}: {detail}).",
)
PATCH_INVALID = message(
    "scim.error.patch_invalid",
    "The patch for {rt} is not a valid SCIM PatchOp and was not sent ({detail}).",
)

# -- app.webex.bulk ---------------------------------------------------------------------------
BULK_TOO_LARGE = message(
    "bulk.error.too_large",
    "One bulk operation is {size} bytes, more than the {most} bytes "
    "the target accepts in a bulk request; it was not sent.",
)
BULK_TOO_LARGE_STEP = message(
    "bulk.step.too_large", "Check the attribute mappings for a very long value."
)
BULK_TYPED_BODY = message("bulk.body.typed", "a {content_type} body")
BULK_UNTYPED = message("bulk.body.untyped", "untyped")
BULK_NOT_SCIM = message(
    "bulk.error.not_scim",
    "The target answered bulk with HTTP {status} and {what}, not SCIM JSON.",
)
BULK_NO_OPERATIONS = message(
    "bulk.error.no_operations", "The target answered a bulk request without its operations."
)
BULK_NOT_OBJECT = message(
    "bulk.error.not_object", "The target answered a bulk operation that is not an object."
)
BULK_BAD_STATUS = message(
    "bulk.error.bad_status", "The target answered a bulk status that is not a number ({value})."
)

# -- app.webex.client -------------------------------------------------------------------------
NO_PEOPLE_ME = message("client.error.no_people_me", "Another SCIM app has no people/me to ask.")
NO_PEOPLE_ME_STEP = message("client.step.no_people_me", "Use a Webex tenant URL for this step.")
CREATE_UNKNOWN = message(
    "client.step.create_unknown",
    "It is not known whether it was created; the next cycle finds it by "
    "its name and does not create it twice.",
)
MEMBERS_NOT_LIST = message(
    "client.error.members_not_list",
    "The target answered a group's members that are not a list.",
)
NO_BULK = message("client.error.no_bulk", "The target does not offer SCIM bulk requests.")
NO_BULK_STEP = message("client.step.no_bulk", "Send the operations one by one.")
NOT_JSON_OBJECT = message(
    "client.error.not_json_object", "The target answered {what} with {body}, not a JSON object."
)
GROUP_MEMBERS = message("client.what.members", "the group's members")
TOKEN_EXPIRY = message("client.what.token_expiry", "tokenExpiry")
NO_EXP = message("client.error.no_exp", "tokenExpiry answered without an expiry time (exp).")
EXP_OUT_OF_RANGE = message(
    "client.error.exp_range", "tokenExpiry answered an expiry time out of range ({exp})."
)

# -- app.webex.people -------------------------------------------------------------------------
PEOPLE_ME_NOT_OBJECT = message("people.error.not_object", "people/me did not answer a JSON object.")
PEOPLE_ME_NO_ID = message("people.error.no_id", "people/me answered without an id or an orgId.")
PEOPLE_ME_NO_ID_STEP = message(
    "people.step.no_id", "Check that the tenant URL points at the Webex API."
)
PEOPLE_ME_BAD_ORG = message(
    "people.error.bad_org", "people/me answered an orgId that is not a Webex organisation id."
)
PEOPLE_ME_NOT_JSON = message(
    "people.error.not_json", "people/me answered something that is not JSON."
)

# -- the admin roles of people/me, in words (for the connection test's reasons) ----------------
ROLES = {
    "id_full_admin": message("people.role.full_admin", "full admin"),
    "id_user_admin": message("people.role.user_admin", "user admin"),
    "id_group_admin": message("people.role.group_admin", "group admin"),
    "id_readonly_admin": message("people.role.readonly_admin", "read-only admin"),
    "id_device_admin": message("people.role.device_admin", "device admin"),
}
ROLE_LIST = message("people.roles.list", "{first}, {rest}")
NO_ADMIN_ROLE = message("people.roles.none", "no admin role")
OTHER_ROLE = message("people.role.other", "{name}")
