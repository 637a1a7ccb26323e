"""The sentences of an expression that cannot be used (app.sync.expressions: ExpressionError),
as the wizard's mapping editor, the CLI and the logs show them. Each is a coded message
(app.messages); the French is in resources/locale/."""

from __future__ import annotations

from app.messages import message

# -- the error and where it is -----------------------------------------------------------------
ERROR = message("expression.error", "The expression has an error at {where}: {problem}.")
ERROR_ENDED = message("expression.error_ended", "The expression has an error at {where}: {problem}")
NEXT_STEP = message("expression.next_step", "Correct the expression at that place and try again.")
AT_END = message("expression.where.end", "column {column} (at the end)")
NEAR = message("expression.where.near", "column {column} (near `{snippet}`)")

# -- what the parser met -------------------------------------------------------------------------
TOKEN_END = message("expression.token.end", "end of the expression")
TOKEN_TEXT = message("expression.token.text", 'text "{value}"')
TOKEN_ATTRIBUTE = message("expression.token.attribute", "attribute [{name}]")
TOKEN_WORD = message("expression.token.word", 'word "{word}"')
TOKEN_OTHER = message("expression.token.other", '"{value}"')

# -- the problems ---------------------------------------------------------------------------------
NOT_A_QUOTE = message(
    "expression.problem.not_a_quote",
    "{quote} is not a quote the language knows: text goes between straight double quotes, "
    'like "Paris"',
)
UNEXPECTED_CHARACTER = message(
    "expression.problem.unexpected_character", 'unexpected character "{ch}"'
)
ATTRIBUTE_NOT_CLOSED = message(
    "expression.problem.attribute_not_closed",
    'the attribute name that starts here is not closed with "]"',
)
ATTRIBUTE_MISSING = message(
    "expression.problem.attribute_missing", "an attribute name is missing between [ and ]"
)
TEXT_NOT_CLOSED = message(
    "expression.problem.text_not_closed", "the text that starts here has no closing double quote"
)
EMPTY = message("expression.problem.empty", "the expression is empty")
UNEXPECTED = message("expression.problem.unexpected", "unexpected {token}")
UNEXPECTED_CLOSING = message(
    "expression.problem.unexpected_closing", "unexpected {token}: it closes no open parenthesis"
)
UNEXPECTED_AFTER_END = message(
    "expression.problem.unexpected_after_end",
    "unexpected {token}: a comma is missing, or the expression goes on after its end",
)
ONE_COMPARISON = message(
    "expression.problem.one_comparison",
    "only one comparison is allowed here: nest IIF to combine conditions",
)
NOT_CLOSED = message("expression.problem.not_closed", 'the "(" at column {column} is not closed')
ENDS_TOO_SOON = message(
    "expression.problem.ends_too_soon", "the expression ends where a value is expected"
)
VALUE_MISSING = message("expression.problem.value_missing", "a value is missing before {token}")
UNEXPECTED_VALUE = message(
    "expression.problem.unexpected_value", "unexpected {token} where a value is expected"
)
UNKNOWN_ATTRIBUTE = message("expression.problem.unknown_attribute", 'unknown attribute "{name}"')
UNKNOWN_ATTRIBUTE_NEAR = message(
    "expression.problem.unknown_attribute_near",
    'unknown attribute "{name}"; did you mean "{near}"?',
)
CALL_NEEDS_PAREN = message(
    "expression.problem.call_needs_paren", 'the function {name} must be followed by "("'
)
UNEXPECTED_WORD = message(
    "expression.problem.unexpected_word",
    'unexpected word "{name}": attributes go in square brackets, like [{name}], and text in '
    'double quotes, like "{name}"',
)
UNKNOWN_FUNCTION = message("expression.problem.unknown_function", 'unknown function "{name}"')
UNKNOWN_FUNCTION_NEAR = message(
    "expression.problem.unknown_function_near", 'unknown function "{name}"; did you mean "{near}"?'
)
FUNCTION_CASE = message(
    "expression.problem.function_case",
    'unknown function "{name}"; function names are case-sensitive: write "{near}"',
)
WRONG_ARITY = message("expression.problem.wrong_arity", "{arity}, not {given}")
COMMA_EXPECTED = message(
    "expression.problem.comma_expected", 'a comma or ")" is expected before {token}'
)
ARGUMENT_MISSING = message(
    "expression.problem.argument_missing", "the argument {param} of {function} is missing"
)
NOT_WHOLE = message(
    "expression.problem.not_whole", '{param} of {function} must be a whole number, not "{value}"'
)
BAD_REGEX = message("expression.problem.bad_regex", "the regular expression is not valid: {detail}")
REPLACE_ARGUMENTS = message(
    "expression.problem.replace_arguments",
    "Replace needs oldValue with replacementValue or template, or regexPattern with "
    "replacementValue (or regexGroupName and replacementAttributeName); leave the others "
    'empty, e.g. Replace([mail], "@contoso.com", , , "", , )',
)

# -- how many arguments a function takes ------------------------------------------------------
ARITY_SWITCH = message(
    "expression.arity.switch",
    "Switch takes the source, a default value, then key and value pairs ({names}): an even "
    "number of arguments, at least 4",
)
ARITY_AT_LEAST = message(
    "expression.arity.at_least",
    "{function} takes at least {count} argument ({names})",
    plural="{function} takes at least {count} arguments ({names})",
    count="count",
)
ARITY_EXACTLY = message(
    "expression.arity.exactly",
    "{function} takes {count} argument ({names})",
    plural="{function} takes {count} arguments ({names})",
    count="count",
)
ARITY_BETWEEN = message(
    "expression.arity.between",
    "{function} takes {low} to {count} argument ({names})",
    plural="{function} takes {low} to {count} arguments ({names})",
    count="count",
)
