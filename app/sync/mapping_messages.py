"""The sentences of a mapping that cannot be used, or of a value a mapping cannot send
(app.sync.mapping: MappingError), as the wizard's mapping editor, the CLI and the logs show
them. Each is a coded message (app.messages); the French is in resources/locale/."""

from __future__ import annotations

from app.messages import message

# -- the error: which mapping, for whom, where -----------------------------------------------
ERROR = message("mapping.error", 'The mapping for "{target}" has an error: {problem}')
ERROR_FOR = message(
    "mapping.error_for", 'The mapping for "{target}" for {user} has an error: {problem}'
)
ERROR_AT = message(
    "mapping.error_at", 'The mapping for "{target}" has an error at {where}: {problem}'
)
ERROR_FOR_AT = message(
    "mapping.error_for_at",
    'The mapping for "{target}" for {user} has an error at {where}: {problem}',
)
COLUMN = message("mapping.column", "column {column}")
SENTENCE = message("mapping.sentence", "{text}.")
EMPTY_TARGET = message("mapping.empty_target", "(empty)")
NEXT_STEP = message(
    "mapping.next_step", "Correct the mapping on the Attribute mappings page and save again."
)

# -- a value for one user ------------------------------------------------------------------------
NOT_BOOLEAN = message("mapping.problem.not_boolean", '"{value}" is not true or false')
NOT_BOOLEAN_NEXT = message(
    "mapping.problem.not_boolean_next",
    "Fix the value in the directory, or map a true/false value.",
)
NOT_LANGUAGE_TAG = message(
    "mapping.problem.not_language_tag",
    '"{value}" is not a language and a country such as fr-FR or fr_FR (Webex takes only that form)',
)
NOT_LANGUAGE_TAG_NEXT = message(
    "mapping.problem.not_language_tag_next",
    "Fix the value in the directory (e.g. en-US), or map an expression that gives a language "
    "and a country.",
)

# -- the mappings themselves -------------------------------------------------------------------
MEMBERS_DIRECT = message(
    "mapping.problem.members_direct", "group members can only be mapped directly (or not at all)"
)
NOT_A_PATH = message("mapping.problem.not_a_path", "it is not a valid SCIM path: {problem}")
MAPPED_TWICE = message(
    "mapping.problem.mapped_twice", "the attribute is mapped twice (also as {other})"
)
MAPPED_TWICE_NEXT = message(
    "mapping.problem.mapped_twice_next", "Keep one mapping per target attribute."
)
DIRECT_NEEDS_SOURCE = message(
    "mapping.problem.direct_needs_source", "a direct mapping needs a source attribute"
)
NO_SUCH_SOURCE = message("mapping.problem.no_such_source", 'the source has no attribute "{name}"')
NO_SUCH_SOURCE_NEXT = message(
    "mapping.problem.no_such_source_next", "Choose one of the source's attributes."
)
EMPTY_EXPRESSION = message("mapping.problem.empty_expression", "the expression is empty")
CONSTANT_NOT_BOOLEAN = message(
    "mapping.problem.constant_not_boolean", 'the constant "{value}" is not true or false'
)
DEFAULT_NOT_BOOLEAN = message(
    "mapping.problem.default_not_boolean", 'the default "{value}" is not true or false'
)
NEGATIVE_PRECEDENCE = message(
    "mapping.problem.negative_precedence", "the matching precedence cannot be negative"
)
MATCHING_NEEDS_VALUE = message(
    "mapping.problem.matching_needs_value", "a matching attribute must have a value"
)
PRECEDENCE_TAKEN = message(
    "mapping.problem.precedence_taken", "{other} already has matching precedence {precedence}"
)
PRECEDENCE_TAKEN_NEXT = message(
    "mapping.problem.precedence_taken_next",
    "Give each matching attribute its own precedence (1, 2, ...).",
)
REQUIRED = {
    "User": message(
        "mapping.problem.required_user",
        "no user mapping writes {attribute}, which the target requires",
    ),
    "Group": message(
        "mapping.problem.required_group",
        "no group mapping writes {attribute}, which the target requires",
    ),
}
REQUIRED_NEXT = {
    "User": message(
        "mapping.problem.required_user_next",
        "Add a user mapping for {attribute} (or restore the default mappings).",
    ),
    "Group": message(
        "mapping.problem.required_group_next",
        "Add a group mapping for {attribute} (or restore the default mappings).",
    ),
}
NO_MATCHING = {
    "User": message("mapping.problem.no_matching_user", "no user mapping is a matching attribute"),
    "Group": message(
        "mapping.problem.no_matching_group", "no group mapping is a matching attribute"
    ),
}
NO_MATCHING_NEXT = message(
    "mapping.problem.no_matching_next", "Give {attribute} matching precedence 1."
)
