"""Scoping filters: which source users are in scope, and why one is not.

Clauses are joined by AND inside a filter, filters by OR; no filter means everyone is in
scope, and so does a filter with no clause. Operators, after Entra's semantics:

- EQUALS / NOT EQUALS: text compare, case-sensitive unless the clause says otherwise. A
  boolean attribute compared with a boolean word (true, false, yes, no, ...) compares as
  a boolean.
- IS TRUE / IS FALSE: booleans and boolean words; anything else is neither.
- IS NULL / IS NOT NULL: absent, "" and an empty list are null.
- REGEX MATCH / NOT REGEX MATCH: Python's re, searching anywhere in the value (as .NET's
  Regex.IsMatch does; anchor with ^...$ for a whole match); the case-insensitive option
  applies. An invalid pattern is refused when the filter is validated.
- GREATER_THAN / GREATER_THAN_OR_EQUALS: numbers; the clause's value must be one (checked
  at validation), a value that is not a number is out of scope.
- ENDS_WITH: text, with the case option.
- Includes: the value is a comma-separated list; true when the attribute is one of them.
- & / !&: integer bit masks, (attribute & value) != 0 / == 0.

As in Entra, a clause on a null value is false, whatever the operator (NOT EQUALS and
NOT REGEX MATCH included), except IS NULL and IS NOT NULL. A multi-valued attribute is
in when any value matches (for the NOT operators and !&: when every value does).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any

from app.config.rules import ScopingClause, ScopingFilter, ScopingOperator
from app.errors import InputError
from app.messages import Message
from app.sync import plan_messages as said
from app.sync.expressions import as_text, is_empty, lookup_attribute, to_bool

Op = ScopingOperator

_NEGATED = frozenset({Op.NOT_EQUALS, Op.NOT_REGEX_MATCH, Op.NOT_BIT_AND})
_NEEDS_VALUE = frozenset(
    {
        Op.EQUALS,
        Op.NOT_EQUALS,
        Op.REGEX_MATCH,
        Op.NOT_REGEX_MATCH,
        Op.GREATER_THAN,
        Op.GREATER_THAN_OR_EQUALS,
        Op.ENDS_WITH,
        Op.INCLUDES,
        Op.BIT_AND,
        Op.NOT_BIT_AND,
    }
)


class ScopingFilterError(InputError):
    """A scoping clause that cannot be evaluated; names the filter and the clause."""

    def __init__(
        self, filter_name: str | Message, clause_number: int, problem: str | Message
    ) -> None:
        super().__init__(
            said.FILTER_ERROR(name=filter_name, number=clause_number, problem=problem),
            said.FILTER_ERROR_NEXT(),
        )
        self.filter_name = str(filter_name)
        self.clause_number = clause_number
        self.problem = str(problem)
        self.coded_problem = problem if isinstance(problem, Message) else None


@functools.lru_cache(maxsize=256)
def _regex(pattern: str, case_insensitive: bool) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE if case_insensitive else 0)


def _number(text: str) -> float | None:
    try:
        return float(text.strip())
    except ValueError:
        return None


def _integer(text: str) -> int | None:
    """A whole number, decimal or with a 0x / 0b / 0o prefix."""
    text = text.strip()
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return int(text, 0)
    except ValueError:
        return None


def validate_filters(filters: Sequence[ScopingFilter]) -> None:
    """Raise ScopingFilterError for the first clause that cannot be evaluated."""
    for index, f in enumerate(filters, start=1):
        name = f.name or said.FILTER_NUMBER(index=index)
        for number, clause in enumerate(f.clauses, start=1):
            problem = _clause_problem(clause)
            if problem is not None:
                raise ScopingFilterError(name, number, problem)


def _clause_problem(clause: ScopingClause) -> Message | None:
    if not clause.attribute.strip():
        return said.CHOOSE_ATTRIBUTE()
    op = clause.operator
    if op in _NEEDS_VALUE and clause.value == "":
        return said.NEEDS_VALUE(operator=op.value)
    if op in (Op.REGEX_MATCH, Op.NOT_REGEX_MATCH):
        try:
            _regex(clause.value, clause.case_insensitive)
        except re.error as exc:
            if exc.pos is not None:
                return said.BAD_REGEX_AT(pattern=clause.value, position=exc.pos + 1, detail=exc.msg)
            return said.BAD_REGEX(pattern=clause.value, detail=exc.msg)
    if op in (Op.GREATER_THAN, Op.GREATER_THAN_OR_EQUALS) and _number(clause.value) is None:
        return said.NOT_A_NUMBER(operator=op.value, value=clause.value)
    if op in (Op.BIT_AND, Op.NOT_BIT_AND) and _integer(clause.value) is None:
        return said.NOT_A_MASK(operator=op.value, value=clause.value)
    if op == Op.INCLUDES and not [v for v in clause.value.split(",") if v.strip()]:
        return said.INCLUDES_LIST()
    return None


def _fold(text: str, clause: ScopingClause) -> str:
    return text.casefold() if clause.case_insensitive else text


def _single(value: Any, clause: ScopingClause) -> bool:
    """One (non-null) value against a clause, without the negation of NOT operators."""
    op = clause.operator
    if op in (Op.IS_TRUE, Op.IS_FALSE):
        return to_bool(value) is (op == Op.IS_TRUE)
    if op in (Op.EQUALS, Op.NOT_EQUALS) and isinstance(value, bool):
        wanted = to_bool(clause.value)
        if wanted is not None:
            return value is wanted
    text = as_text(value)
    if text is None:
        return False
    if op in (Op.EQUALS, Op.NOT_EQUALS):
        return _fold(text, clause) == _fold(clause.value, clause)
    if op in (Op.REGEX_MATCH, Op.NOT_REGEX_MATCH):
        return _regex(clause.value, clause.case_insensitive).search(text) is not None
    if op == Op.ENDS_WITH:
        return _fold(text, clause).endswith(_fold(clause.value, clause))
    if op == Op.INCLUDES:
        options = {_fold(v.strip(), clause) for v in clause.value.split(",")}
        return _fold(text.strip(), clause) in options
    if op in (Op.GREATER_THAN, Op.GREATER_THAN_OR_EQUALS):
        have, limit = _number(text), _number(clause.value)
        if have is None or limit is None:
            return False
        return have > limit if op == Op.GREATER_THAN else have >= limit
    if op in (Op.BIT_AND, Op.NOT_BIT_AND):
        have_int, mask = _integer(text), _integer(clause.value)
        if have_int is None or mask is None:
            return False
        return (have_int & mask) != 0
    return False


def clause_holds(attributes: Mapping[str, Any], clause: ScopingClause) -> bool:
    value = lookup_attribute(attributes, clause.attribute)
    op = clause.operator
    if op == Op.IS_NULL:
        return is_empty(value)
    if op == Op.IS_NOT_NULL:
        return not is_empty(value)
    if is_empty(value):
        return False  # Entra: every other clause is false on a null value
    values = value if isinstance(value, list | tuple) else [value]
    if op in _NEGATED:
        # !& holds when no bit is shared: _single tests "shares a bit" for both.
        return all(not _single(v, clause) for v in values if not is_empty(v))
    return any(_single(v, clause) for v in values if not is_empty(v))


def _failing_clause(attributes: Mapping[str, Any], f: ScopingFilter) -> ScopingClause | None:
    return next((c for c in f.clauses if not clause_holds(attributes, c)), None)


def in_scope(attributes: Mapping[str, Any], filters: Sequence[ScopingFilter]) -> bool:
    """True when there is no filter, or when every clause of at least one filter holds."""
    if not filters:
        return True
    return any(_failing_clause(attributes, f) is None for f in filters)


def describe_clause(clause: ScopingClause) -> str:
    return str(describe_clause_said(clause))


def describe_clause_said(clause: ScopingClause) -> Message | str:
    """The clause as written (attribute, operator, value), and "(ignoring case)" in words."""
    if clause.operator in (Op.IS_TRUE, Op.IS_FALSE, Op.IS_NULL, Op.IS_NOT_NULL):
        text = f"{clause.attribute} {clause.operator.value}"
    else:
        text = f"{clause.attribute} {clause.operator.value} {clause.value}"
    return said.SCOPE_IGNORING_CASE(clause=text) if clause.case_insensitive else text


def explain(attributes: Mapping[str, Any], filters: Sequence[ScopingFilter]) -> str | None:
    """None when in scope; else plain words for the log naming the clause that failed.

    e.g. 'out of scope: department EQUALS Sales was false (department is "Marketing")'.
    With several filters, the failing clause of each is listed.
    """
    why = explain_said(attributes, filters)
    return None if why is None else why.english


def explain_said(attributes: Mapping[str, Any], filters: Sequence[ScopingFilter]) -> Message | None:
    """explain, as a coded message."""
    if in_scope(attributes, filters):
        return None
    reasons: list[Message | str] = []
    for index, f in enumerate(filters, start=1):
        clause = _failing_clause(attributes, f)
        assert clause is not None  # in_scope said every filter fails
        value = lookup_attribute(attributes, clause.attribute)
        shown = (
            said.SCOPE_EMPTY() if is_empty(value) else said.SCOPE_QUOTED(value=str(as_text(value)))
        )
        reason = said.SCOPE_CLAUSE_FALSE(
            clause=describe_clause_said(clause), attribute=clause.attribute, shown=shown
        )
        if len(filters) > 1:
            name = f.name or said.SCOPE_FILTER_N(index=index)
            reason = said.SCOPE_NAMED(name=name, reason=reason)
        reasons.append(reason)
    return said.SCOPE_OUT(reasons=said.listed(reasons))
