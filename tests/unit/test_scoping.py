"""Scoping filters: every operator on examples, validation messages, and the log's explanation."""

from __future__ import annotations

from typing import Any

import pytest

from app.config.rules import ScopingClause, ScopingFilter, ScopingOperator
from app.errors import InputError
from app.sync.scoping import ScopingFilterError, explain, in_scope, validate_filters

Op = ScopingOperator

USER: dict[str, Any] = {
    "userPrincipalName": "zoe.martin@contoso.com",
    "department": "Sales",
    "city": "Paris",
    "employeeId": "1500000",
    "accountEnabled": True,
    "isContractor": "false",
    "jobTitle": "",
    "userAccountControl": "512",
    "proxyAddresses": ["smtp:zoe@contoso.com", "SMTP:zoe.martin@contoso.com"],
    "onPremisesExtensionAttributes": {"extensionAttribute3": "VIP"},
}


def holds(
    attribute: str, op: Op, value: str = "", *, ci: bool = False, user: dict[str, Any] | None = None
) -> bool:
    clause = ScopingClause(attribute=attribute, operator=op, value=value, case_insensitive=ci)
    f = ScopingFilter(name="f", clauses=[clause])
    validate_filters([f])
    return in_scope(USER if user is None else user, [f])


@pytest.mark.parametrize(
    ("attribute", "op", "value", "ci", "expected"),
    [
        ("department", Op.EQUALS, "Sales", False, True),
        ("department", Op.EQUALS, "sales", False, False),
        ("department", Op.EQUALS, "sales", True, True),
        ("DEPARTMENT", Op.EQUALS, "Sales", False, True),  # attribute names ignore case
        ("department", Op.NOT_EQUALS, "Marketing", False, True),
        ("department", Op.NOT_EQUALS, "sales", True, False),
        ("accountEnabled", Op.EQUALS, "true", False, True),
        ("accountEnabled", Op.EQUALS, "False", False, False),
        ("accountEnabled", Op.IS_TRUE, "", False, True),
        ("accountEnabled", Op.IS_FALSE, "", False, False),
        ("isContractor", Op.IS_FALSE, "", False, True),
        ("isContractor", Op.IS_TRUE, "", False, False),
        ("department", Op.IS_TRUE, "", False, False),  # not a boolean: neither true nor false
        ("department", Op.IS_FALSE, "", False, False),
        ("jobTitle", Op.IS_NULL, "", False, True),  # "" is null
        ("missing", Op.IS_NULL, "", False, True),
        ("department", Op.IS_NULL, "", False, False),
        ("jobTitle", Op.IS_NOT_NULL, "", False, False),
        ("department", Op.IS_NOT_NULL, "", False, True),
        ("userPrincipalName", Op.REGEX_MATCH, r".*\@contoso.com", False, True),
        ("userPrincipalName", Op.REGEX_MATCH, r"^ZOE\.", False, False),
        ("userPrincipalName", Op.REGEX_MATCH, r"^ZOE\.", True, True),
        ("employeeId", Op.REGEX_MATCH, "(1[0-9]{6})", False, True),
        ("userPrincipalName", Op.NOT_REGEX_MATCH, r"@fabrikam\.com$", False, True),
        ("userPrincipalName", Op.NOT_REGEX_MATCH, r"@contoso\.com$", False, False),
        ("employeeId", Op.GREATER_THAN, "1000000", False, True),
        ("employeeId", Op.GREATER_THAN, "1500000", False, False),
        ("employeeId", Op.GREATER_THAN_OR_EQUALS, "1500000", False, True),
        ("employeeId", Op.GREATER_THAN_OR_EQUALS, "2000000", False, False),
        ("department", Op.GREATER_THAN, "3", False, False),  # not a number: out of scope
        ("userPrincipalName", Op.ENDS_WITH, "@contoso.com", False, True),
        ("userPrincipalName", Op.ENDS_WITH, "@CONTOSO.COM", False, False),
        ("userPrincipalName", Op.ENDS_WITH, "@CONTOSO.COM", True, True),
        ("city", Op.INCLUDES, "Lyon, Paris,Marseille", False, True),
        ("city", Op.INCLUDES, "Lyon,paris", False, False),
        ("city", Op.INCLUDES, "Lyon,paris", True, True),
        ("city", Op.INCLUDES, "Par", False, False),  # a whole item, not a substring
        ("userAccountControl", Op.BIT_AND, "512", False, True),
        ("userAccountControl", Op.BIT_AND, "2", False, False),  # ACCOUNTDISABLE not set
        ("userAccountControl", Op.NOT_BIT_AND, "2", False, True),
        ("userAccountControl", Op.NOT_BIT_AND, "0x200", False, False),
        ("onPremisesExtensionAttributes.extensionAttribute3", Op.EQUALS, "VIP", False, True),
        # multi-valued: any value for the positive operators, every value for the NOT ones
        ("proxyAddresses", Op.REGEX_MATCH, "^SMTP:", False, True),
        ("proxyAddresses", Op.NOT_REGEX_MATCH, "^SMTP:", False, False),
        ("proxyAddresses", Op.NOT_REGEX_MATCH, "fabrikam", False, True),
    ],
)
def test_operators(attribute: str, op: Op, value: str, ci: bool, expected: bool) -> None:
    assert holds(attribute, op, value, ci=ci) is expected


@pytest.mark.parametrize(
    ("op", "value"),
    [
        (Op.EQUALS, "x"),
        (Op.NOT_EQUALS, "x"),
        (Op.REGEX_MATCH, ".*"),
        (Op.NOT_REGEX_MATCH, "x"),
        (Op.GREATER_THAN, "0"),
        (Op.GREATER_THAN_OR_EQUALS, "0"),
        (Op.ENDS_WITH, "x"),
        (Op.INCLUDES, "x"),
        (Op.BIT_AND, "1"),
        (Op.NOT_BIT_AND, "1"),
        (Op.IS_TRUE, ""),
        (Op.IS_FALSE, ""),
        (Op.IS_NOT_NULL, ""),
    ],
)
def test_a_clause_on_a_null_value_is_false_as_in_entra(op: Op, value: str) -> None:
    assert holds("jobTitle", op, value) is False
    assert holds("nowhere", op, value) is False


def test_no_filter_and_a_filter_without_clauses_let_everyone_in() -> None:
    assert in_scope(USER, []) is True
    assert in_scope({}, [ScopingFilter(name="empty")]) is True
    assert explain(USER, []) is None


def test_clauses_are_anded_and_filters_ored() -> None:
    sales = ScopingClause(attribute="department", operator=Op.EQUALS, value="Sales")
    lyon = ScopingClause(attribute="city", operator=Op.EQUALS, value="Lyon")
    paris = ScopingClause(attribute="city", operator=Op.EQUALS, value="Paris")
    assert in_scope(USER, [ScopingFilter(clauses=[sales, paris])]) is True
    assert in_scope(USER, [ScopingFilter(clauses=[sales, lyon])]) is False
    assert in_scope(USER, [ScopingFilter(clauses=[lyon]), ScopingFilter(clauses=[paris])]) is True
    assert (
        in_scope(USER, [ScopingFilter(clauses=[lyon]), ScopingFilter(clauses=[sales, lyon])])
        is False
    )


def test_explain_names_the_clause_that_failed() -> None:
    sales = ScopingFilter(
        name="Sales team",
        clauses=[
            ScopingClause(attribute="city", operator=Op.EQUALS, value="Paris"),
            ScopingClause(attribute="department", operator=Op.EQUALS, value="Sales"),
        ],
    )
    marketing = {**USER, "department": "Marketing"}
    assert explain(marketing, [sales]) == (
        'out of scope: department EQUALS Sales was false (department is "Marketing")'
    )
    titled = ScopingFilter(
        name="Has a title",
        clauses=[ScopingClause(attribute="jobTitle", operator=Op.IS_NOT_NULL)],
    )
    assert explain(marketing, [sales, titled]) == (
        'out of scope: Sales team: department EQUALS Sales was false (department is "Marketing"); '
        "Has a title: jobTitle IS NOT NULL was false (jobTitle is empty)"
    )
    assert explain(USER, [sales]) is None


@pytest.mark.parametrize(
    ("clause", "fragment"),
    [
        (
            ScopingClause(attribute="upn", operator=Op.REGEX_MATCH, value="(abc"),
            'the regular expression "(abc" is not valid at position 1',
        ),
        (
            ScopingClause(attribute="upn", operator=Op.NOT_REGEX_MATCH, value="ab[c"),
            "is not valid at position 3",
        ),
        (
            ScopingClause(attribute="employeeId", operator=Op.GREATER_THAN, value="dix"),
            'GREATER_THAN compares numbers, and "dix" is not a number.',
        ),
        (
            ScopingClause(attribute="uac", operator=Op.BIT_AND, value="two"),
            '& needs a whole number as its mask, not "two".',
        ),
        (ScopingClause(attribute="city", operator=Op.EQUALS, value=""), "EQUALS needs a value."),
        (
            ScopingClause(attribute="city", operator=Op.INCLUDES, value=" , "),
            "comma-separated list",
        ),
        (ScopingClause(attribute=" ", operator=Op.IS_NULL), "choose the attribute"),
    ],
)
def test_validation_names_the_filter_and_the_clause(clause: ScopingClause, fragment: str) -> None:
    good = ScopingClause(attribute="city", operator=Op.IS_NOT_NULL)
    filters = [
        ScopingFilter(name="Everyone", clauses=[good]),
        ScopingFilter(name="Engineers", clauses=[good, clause]),
    ]
    with pytest.raises(ScopingFilterError) as caught:
        validate_filters(filters)
    error = caught.value
    assert isinstance(error, InputError)
    assert error.filter_name == "Engineers" and error.clause_number == 2
    assert error.message.startswith('Scoping filter "Engineers", clause 2: ')
    assert fragment in error.message


def test_an_unnamed_filter_is_named_by_its_number() -> None:
    bad = ScopingClause(attribute="x", operator=Op.GREATER_THAN, value="a")
    with pytest.raises(ScopingFilterError, match='Scoping filter "#1", clause 1'):
        validate_filters([ScopingFilter(clauses=[bad])])
