"""Entra's expression language: every function on examples, comparisons, and error columns."""

from __future__ import annotations

from typing import Any

import pytest

from app.errors import InputError
from app.sync.expressions import (
    AttributeRef,
    Call,
    ExpressionError,
    NumberLiteral,
    Omitted,
    StringLiteral,
    parse,
    referenced_attributes,
    to_text,
)

USER: dict[str, Any] = {
    "givenName": "Zoë",
    "surname": "Lefèvre",
    "userPrincipalName": "zoe.lefevre@contoso.fr",
    "mail": "john.doe@contoso.com",
    "mailNickname": "john_doe72",
    "telephoneNumber": "+91 9998887777",
    "mobile": "+1 (999) 888-7777",
    "AddressLineData": "545 Tremont Street",
    "state": "QLD",
    "country": "FR",
    "extensionAttribute5": "PermissionSetOne, PermissionSetTwo",
    "proxyAddresses": ["smtp:a@x", "SMTP:b@x", "smtp:a@x"],
    "accountEnabled": True,
    "flags": "6",
    "empty": "",
    "onPremisesExtensionAttributes": {"extensionAttribute1": "badge-42"},
    "appRoleAssignments": [{"displayName": "Webex User", "value": "user"}],
}


def ev(text: str, attributes: dict[str, Any] | None = None) -> Any:
    return parse(text).evaluate(USER if attributes is None else attributes)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # Append
        ('Append([userPrincipalName], ".test")', "zoe.lefevre@contoso.fr.test"),
        ('Append([missing], ".test")', None),
        # BitAnd (hexadecimal literals as in Entra's documentation)
        ("BitAnd(&HF, &HF7)", 7),
        ("BitAnd([flags], 2)", 2),
        # CBool, CStr, Count
        ("CBool([accountEnabled])", True),
        ('CBool("0")', False),
        ("CStr([accountEnabled])", "True"),
        ("Count([proxyAddresses])", 3),
        ("Count([missing])", 0),
        # Coalesce
        ("Coalesce([missing], [mail])", "john.doe@contoso.com"),
        ('Coalesce([missing], [empty], "fallback")', "fallback"),
        ("Coalesce([missing], [empty])", None),
        # IIF with each comparison
        ('IIF([country]="FR", "fr_FR", "en_US")', "fr_FR"),
        ('IIF([country]<>"FR", "other", "france")', "france"),
        ('IIF([flags] > 5, "big", "small")', "big"),
        ('IIF([flags] >= 7, "big", "small")', "small"),
        ('IIF([flags] < 10, "lt", "ge")', "lt"),
        ('IIF([flags] <= 5, "le", "gt")', "gt"),
        ('IIF([missing]="x", "yes", "no")', "no"),
        ('IIF([accountEnabled]="true", "on", "off")', "on"),
        ('IIF(IsPresent([country]), [country], "Other")', "FR"),
        # IsNull, IsNullOrEmpty, IsPresent, IsString
        ("IsNull([missing])", True),
        ("IsNull([empty])", False),
        ("IsNullOrEmpty([empty])", True),
        ("IsPresent([empty])", False),
        ("IsPresent([givenName])", True),
        ("IsString([givenName])", True),
        ("IsString([accountEnabled])", False),
        # Item
        ("Item([proxyAddresses], 2)", "SMTP:b@x"),
        ("Item([proxyAddresses], 9)", None),
        # Join: empty and null values are skipped, lists flattened
        ('Join(", ", "", [surname], [givenName])', "Lefèvre, Zoë"),
        ('Join("|", [missing], "a", [proxyAddresses])', "a|smtp:a@x|SMTP:b@x|smtp:a@x"),
        # Left
        ('Left("John Doe", 3)', "Joh"),
        ('Left("John Doe", 0)', ""),
        ('Left("John Doe", -1)', "John Doe"),
        ('Left("Jo", 5)', "Jo"),
        ("Left([missing], 2)", ""),
        # Mid (1-based; out of range gives "")
        ("Mid([givenName], 1, 2)", "Zo"),
        ('Mid("hello", 4, 10)', "lo"),
        ('Mid("hello", 10, 2)', ""),
        ('Mid("hello", 0, 2)', ""),
        ("Mid([missing], 1, 2)", None),
        # NormalizeDiacritics
        ("NormalizeDiacritics([givenName])", "Zoe"),
        (
            'NormalizeDiacritics("Œuvre Ærø Straße Łódź François")',
            "OEuvre AEroe Strasse Lodz Francois",
        ),
        ('NormalizeDiacritics("Ελένη")', "Ελένη"),
        # Not
        ("Not([accountEnabled])", False),
        ('Not("False")', True),
        ("Not([missing])", True),
        # PCase
        ('PCase("PABLO GONSALVES (SECOND)")', "Pablo Gonsalves (Second)"),
        ('PCase("PINTO-DE\'SILVA", " \'-")', "Pinto-De'Silva"),
        # RemoveDuplicates
        ("RemoveDuplicates([proxyAddresses])", ["smtp:a@x", "SMTP:b@x"]),
        # SingleAppRoleAssignment
        ("SingleAppRoleAssignment([appRoleAssignments])", "Webex User"),
        ("SingleAppRoleAssignment([missing])", None),
        # Split: items trimmed
        ('Split([extensionAttribute5], ",")', ["PermissionSetOne", "PermissionSetTwo"]),
        ('Split([missing], ",")', None),
        # StripSpaces, Trim
        ('StripSpaces(" a b  c ")', "abc"),
        ('Trim("  a b \t")', "a b"),
        # Switch: case-sensitive; a null source matches ""
        (
            'Switch([state], "Australia/Sydney", "NSW", "Australia/Sydney", "QLD", '
            '"Australia/Brisbane", "SA", "Australia/Adelaide")',
            "Australia/Brisbane",
        ),
        ('Switch([state], "default", "qld", "lower")', "default"),
        ('Switch([missing], "Default Value", "true", "1", "", "0")', "0"),
        ('Switch([state], , "NSW", "x", "SA", "y")', None),
        # ToLower, ToUpper (culture accepted)
        ("ToLower([surname])", "lefèvre"),
        ('ToUpper([givenName], "fr-FR")', "ZOË"),
        ("ToLower([missing])", None),
        # Word
        ('Word("The quick brown fox", 3, " ")', "brown"),
        ('Word("This,string!has&many separators", 3, ",!&#")', "has"),
        ('Word("a b", 5, " ")', ""),
        ('Word("a b", 0, " ")', ""),
        # Nested attribute names and plain values at the top level
        ("[onPremisesExtensionAttributes.extensionAttribute1]", "badge-42"),
        ("[GIVENNAME]", "Zoë"),
        ('"constant"', "constant"),
        ("42", 42),
        ("true", True),
        # Entra's documented composite example
        (
            'ToLower(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [givenName], '
            '[surname]))), "contoso.com"))',
            "zoe.lefevre@contoso.com",
        ),
        ("Append(Mid([givenName], 1, 3), Mid([surname], 1, 5))", "ZoëLefèv"),
    ],
)
def test_function_examples(expression: str, expected: Any) -> None:
    assert ev(expression) == expected


@pytest.mark.parametrize(
    ("expression", "attributes", "expected"),
    [
        # oldValue + replacementValue
        (
            'Replace([BusinessTitle], "Product Developer", , , "Software Engineer", , )',
            {"BusinessTitle": "Product Developer"},
            "Software Engineer",
        ),
        ('Replace([mail], "@contoso.com", , , "", , )', USER, "john.doe"),
        # oldValue + template
        (
            'Replace([UserID], "<username>", , , , , "<username>@contoso.com")',
            {"UserID": "jsmith"},
            "jsmith@contoso.com",
        ),
        # regexPattern + replacementValue with a named group (.NET syntax, escaped backslashes)
        (
            'Replace([telephoneNumber], , "\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})", '
            ', "${phoneNumber}", , )',
            USER,
            "9998887777",
        ),
        ('Replace([mobile], , "[()\\\\s-]+", , "", , )', USER, "+19998887777"),
        ('Replace([mailNickname], , "[a-zA-Z_]*", , "", , )', USER, "72"),
        # single backslashes work too, and $1
        ('Replace([givenName], , "(Z)(o)", , "$2$1", , )', USER, "oZë"),
        # regexPattern + regexGroupName + replacementValue
        (
            'Replace([AddressLineData], , "(?<streetNumber>^\\\\d*)", "streetNumber", "888", , )',
            USER,
            "888 Tremont Street",
        ),
        (
            'Replace([userPrincipalName], , "(?<Suffix>@(.)*)", "Suffix", "", , )',
            USER,
            "zoe.lefevre",
        ),
        # regexPattern + regexGroupName + replacementAttributeName
        (
            'Replace([phone], , "\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})", '
            '"phoneNumber", , [mobileNumber], )',
            {"phone": "", "mobileNumber": "+91 8887779999"},
            "8887779999",
        ),
        (
            'Replace([phone], , "(?<digits>\\\\d+)", "digits", , [mobileNumber], )',
            {"phone": "kept as is", "mobileNumber": "123"},
            "kept as is",
        ),
        # null source
        ('Replace([missing], "a", , , "b", , )', USER, None),
    ],
)
def test_replace_forms(expression: str, attributes: dict[str, Any], expected: Any) -> None:
    assert ev(expression, attributes) == expected


def test_text_functions_apply_to_each_value_of_a_list() -> None:
    assert ev("ToUpper([proxyAddresses])") == ["SMTP:A@X", "SMTP:B@X", "SMTP:A@X"]
    assert ev('Append(Split("a, b", ","), "!")') == ["a!", "b!"]


def test_string_escapes() -> None:
    assert ev('"Company name: \\"Contoso\\""') == 'Company name: "Contoso"'
    assert ev('"back\\\\slash"') == "back\\slash"
    assert ev('"\\d stays"') == "\\d stays"


def test_an_expression_is_parsed_once_and_evaluated_many_times() -> None:
    expression = parse("ToLower([givenName])")
    assert [expression.evaluate({"givenName": n}) for n in ("A", "B", "Ç")] == ["a", "b", "ç"]


def test_runtime_failures_give_null_instead_of_an_exception() -> None:
    # A non-numeric attribute where a number is needed: Entra flows null.
    assert ev("Left([givenName], [surname])") is None
    assert ev("Mid([givenName], [surname], 2)") is None
    assert ev("BitAnd([givenName], 1)") is None
    # An invalid pattern read from an attribute (not checkable when parsing).
    assert (
        ev('Replace([givenName], , [pattern], , "x", , )', {"givenName": "a", "pattern": "("})
        is None
    )


def test_referenced_attributes_in_order_without_repeats() -> None:
    expression = parse(
        'Join(" ", [givenName], ToUpper([surname]), IIF([givenName]="a", [mail], ""))'
    )
    assert referenced_attributes(expression) == ("givenName", "surname", "mail")
    assert expression.referenced_attributes == ("givenName", "surname", "mail")
    assert referenced_attributes(parse('"no attributes"')) == ()


def test_the_tree_of_a_call_with_empty_arguments() -> None:
    expression = parse('Replace([mail], "@x", , , "", , )')
    assert expression.root == Call(
        "Replace",
        (
            AttributeRef("mail"),
            StringLiteral("@x"),
            Omitted(),
            Omitted(),
            StringLiteral(""),
            Omitted(),
            Omitted(),
        ),
    )
    assert to_text(expression) == 'Replace([mail], "@x", , , "", , )'
    assert parse("&H10").root == NumberLiteral(16)


def test_multi_line_expressions_parse() -> None:
    text = 'Switch([state], ,\n  "1", "one",\n  "QLD", "Queensland")'
    assert ev(text) == "Queensland"


# --- errors: each says what is wrong and points at the right column --------------------------


@pytest.mark.parametrize(
    ("text", "column", "fragment"),
    [
        ('Jion(",", [a])', 1, 'unknown function "Jion"; did you mean "Join"?'),
        ("tolower([a])", 1, 'case-sensitive: write "ToLower"'),
        ('Join(",", NormaliseDiacritics([a]))', 11, 'did you mean "NormalizeDiacritics"?'),
        ("ToLower([a]", 8, 'the "(" at column 8 is not closed'),
        ('Join(",", [a', 11, 'not closed with "]"'),
        ('Join(",", "abc)', 11, "no closing double quote"),
        ("Left([a])", 1, "Left takes 2 arguments (String, NumChars), not 1"),
        ("Mid([a], 1, 2, 3)", 1, "Mid takes 3 arguments (source, start, length), not 4"),
        ('Join(",")', 1, "Join takes at least 2 arguments"),
        ('Switch([a], "d", "k")', 1, "an even number of arguments, at least 4, not 3"),
        ('Replace([a], "b", "c")', 1, "Replace takes 7 arguments"),
        ('ToLower([a], "fr", "x")', 1, "ToLower takes 1 to 2 arguments"),
        ("[a] [b]", 5, "unexpected attribute [b]: a comma is missing"),
        ('IIF([a]="x" "y", "z")', 13, 'a comma or ")" is expected before text "y"'),
        ("ToLower('x')", 9, "straight double quotes"),
        ("ToLower([a]))", 13, "closes no open parenthesis"),
        ("Join(, [a])", 6, "the argument separator of Join is missing"),
        ('Left([a], "three")', 11, 'NumChars of Left must be a whole number, not "three"'),
        ('Replace([a], , "(unclosed", , "", , )', 16, "the regular expression is not valid"),
        ('Replace([a], , , , "x", , )', 9, "Replace needs oldValue with replacementValue"),
        ("Foo", 1, 'unexpected word "Foo": attributes go in square brackets'),
        ("ToLower [a]", 1, 'the function ToLower must be followed by "("'),
        ('Join(",", [])', 11, "an attribute name is missing"),
        ('IIF([a] = "b" = "c", "x", "y")', 15, "only one comparison"),
        ("  ", 1, "the expression is empty"),
        ("ToLower([a]) @", 14, 'unexpected character "@"'),
        ('IIF([a]=, "x", "y")', 9, 'a value is missing before ","'),
    ],
)
def test_errors_name_the_problem_and_its_column(text: str, column: int, fragment: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse(text)
    error = caught.value
    assert error.column == column, error.message
    assert fragment in error.message
    assert f"column {column}" in error.message
    assert isinstance(error, InputError)
    assert error.next_step  # says what to do


def test_error_message_quotes_the_text_where_the_problem_is() -> None:
    with pytest.raises(ExpressionError) as caught:
        parse('Join(",", [givenName], Jion("x"))')
    assert caught.value.message.startswith(
        'The expression has an error at column 24 (near `Jion("x"))`): unknown function'
    )
    with pytest.raises(ExpressionError) as caught:
        parse("ToLower(")
    assert "at column 8 (near `(`)" in caught.value.message


def test_error_pointer_shows_the_line_and_a_caret() -> None:
    with pytest.raises(ExpressionError) as caught:
        parse('Switch([a], "d",\n  "k", Jion("x"))')
    assert caught.value.pointer() == '  "k", Jion("x"))\n       ^'


def test_unknown_attribute_when_known_attributes_are_given() -> None:
    known = ["givenName", "surname", "mail"]
    assert parse('Join(" ", [GivenName], [surname])', known_attributes=known)
    with pytest.raises(ExpressionError) as caught:
        parse('Join(" ", [givenName], [surnam])', known_attributes=known)
    assert caught.value.column == 24
    assert 'unknown attribute "surnam"; did you mean "surname"?' in caught.value.message
    with pytest.raises(ExpressionError, match='unknown attribute "zzz"\\.'):
        parse("[zzz]", known_attributes=known)


def test_case_functions_map_one_character_for_one_as_entra_does() -> None:
    assert ev('ToLower("İSTANBUL")') == "istanbul"
    assert ev('ToUpper("Straße")') == "STRAßE"
