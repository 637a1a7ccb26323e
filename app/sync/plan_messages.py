"""The sentences of a plan (app.sync.planner, scoping, writes): why a user or a group is
skipped, disabled or left as it is, in the words the plan, the review page and the logs show.
Each is a coded message (app.messages); the French is in resources/locale/."""

from __future__ import annotations

from collections.abc import Sequence

from app.messages import Message, message

# -- why an operation is what it is --------------------------------------------------------
OUT_OF_SCOPE = message("sync.plan.out_of_scope", "out of scope")
OUT_OF_SCOPE_WHY = message("sync.plan.out_of_scope_why", "out of scope: {why}")
DISABLED_IN_SOURCE = message("sync.plan.disabled_in_source", "disabled in the source")
MISSING_FROM_SOURCE = message("sync.plan.missing_from_source", "no longer in the source")
UNASSIGNED = message("sync.plan.unassigned", "unassigned in the source")
DELETED_IN_SOURCE = message("sync.plan.deleted_in_source", "deleted in the source")
DELETED_NOT_ALLOWED = message(
    "sync.plan.deleted_not_allowed", "deleted in the source (the profile does not allow deletes)"
)
SKIPPED_REMOVAL = message(
    "sync.plan.skipped_removal",
    "would be disabled, but the profile skips out-of-scope deletions; left as it is",
)
GROUP_KEPT = message(
    "sync.plan.group_kept",
    "no longer in the source; kept on the target because the profile does not allow deletes",
)
DUPLICATE_USERS = message(
    "sync.plan.duplicate_users",
    "{count} target users share this {attribute} ({ids}); none was chosen",
)
DUPLICATE_GROUPS = message(
    "sync.plan.duplicate_groups",
    "{count} target groups share this {attribute} ({ids}); none was chosen",
)
UNREADABLE_USER = message(
    "sync.plan.unreadable_user",
    "the target's user {target_id} does not match Webex's schema; it was neither matched nor "
    "changed. Fix or remove it in Control Hub.",
)
UNREADABLE_USER_WHY = message(
    "sync.plan.unreadable_user_why",
    "the target's user {target_id} does not match Webex's schema ({problem}); it was neither "
    "matched nor changed. Fix or remove it in Control Hub.",
)
GROUPS_NOT_WRITABLE = message(
    "sync.plan.groups_not_writable", "the token may not write groups: {error}"
)
UNREADABLE_GROUP = message(
    "sync.plan.unreadable_group",
    "the target's group could not be read ({error}); it was left as it is",
)
GROUP_LEFT = message(
    "sync.plan.group_left",
    "the group left the target while it was read; the next cycle looks for it again",
)

# -- scoping: which clause left a user out ---------------------------------------------------
SCOPE_OUT = message("sync.scope.out", "out of scope: {reasons}")
SCOPE_CLAUSE_FALSE = message(
    "sync.scope.clause_false", "{clause} was false ({attribute} is {shown})"
)
SCOPE_EMPTY = message("sync.scope.empty", "empty")
SCOPE_QUOTED = message("sync.scope.quoted", '"{value}"')
SCOPE_NAMED = message("sync.scope.named", "{name}: {reason}")
SCOPE_FILTER_N = message("sync.scope.filter_number", "filter {index}")
SCOPE_IGNORING_CASE = message("sync.scope.ignoring_case", "{clause} (ignoring case)")
LIST = message("sync.list.semicolon", "{first}; {rest}")


def listed(items: Sequence[Message | str]) -> Message | str:
    """Items joined by "; " (a nested message per pair, so each stays in its language)."""
    if not items:
        return ""
    result = items[-1]
    for item in reversed(items[:-1]):
        result = LIST(first=item, rest=result)
    return result


# -- references (a manager set once the user it names exists) ---------------------------------
REFERENCE_SET_AFTER = message(
    "sync.plan.reference_set_after", "{label} {key} is provisioned in this cycle: set after it"
)
REFERENCE_MISSING = message("sync.plan.reference_missing", "{label} {name} is not provisioned")
REFERENCE_NOTE = message(
    "sync.plan.reference_note", "{who} is not provisioned: the {label} of {users} is left as it is."
)
AND_MORE = message("sync.plan.and_more", "{users} and {count} more")
REFERENCES_MORE = message(
    "sync.plan.references_more",
    "... and {count} more referenced user is not provisioned.",
    plural="... and {count} more referenced users are not provisioned.",
    count="count",
)


# -- a scoping clause that cannot be evaluated (ScopingFilterError) -----------------------------
FILTER_ERROR = message("sync.scope.error", 'Scoping filter "{name}", clause {number}: {problem}')
FILTER_ERROR_NEXT = message(
    "sync.scope.error_next", "Correct the clause on the Scoping filters page and save again."
)
FILTER_NUMBER = message("sync.scope.filter_hash", "#{index}")
CHOOSE_ATTRIBUTE = message("sync.scope.problem.attribute", "choose the attribute to test.")
NEEDS_VALUE = message("sync.scope.problem.needs_value", "{operator} needs a value.")
BAD_REGEX = message(
    "sync.scope.problem.bad_regex", 'the regular expression "{pattern}" is not valid: {detail}.'
)
BAD_REGEX_AT = message(
    "sync.scope.problem.bad_regex_at",
    'the regular expression "{pattern}" is not valid at position {position}: {detail}.',
)
NOT_A_NUMBER = message(
    "sync.scope.problem.not_a_number",
    '{operator} compares numbers, and "{value}" is not a number.',
)
NOT_A_MASK = message(
    "sync.scope.problem.not_a_mask", '{operator} needs a whole number as its mask, not "{value}".'
)
INCLUDES_LIST = message(
    "sync.scope.problem.includes_list", "Includes needs a comma-separated list of values."
)
