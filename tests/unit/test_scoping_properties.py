"""Property tests of scoping filters (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from app.config.rules import ScopingClause, ScopingFilter, ScopingOperator
from app.sync.scoping import clause_holds, in_scope

Op = ScopingOperator
ATTRS = ("department", "city", "flags", "enabled")

present_values = st.one_of(
    st.text(min_size=1, max_size=8),
    st.sampled_from(["Sales", "sales", "Paris", "12", "7", "true", "FALSE"]),
    st.booleans(),
    st.integers(-50, 50),
)
users = st.fixed_dictionaries({}, optional={a: st.one_of(st.none(), present_values) for a in ATTRS})
clause_values = st.one_of(
    st.sampled_from(["Sales", "sales", "Paris", "12", "7", "true"]), st.text(min_size=1, max_size=6)
)


@st.composite
def clauses(draw: st.DrawFn) -> ScopingClause:
    op = draw(st.sampled_from(list(Op)))
    if op in (Op.GREATER_THAN, Op.GREATER_THAN_OR_EQUALS, Op.BIT_AND, Op.NOT_BIT_AND):
        value = str(draw(st.integers(0, 64)))
    elif op in (Op.REGEX_MATCH, Op.NOT_REGEX_MATCH):
        value = draw(st.sampled_from(["^S", "s$", "[0-9]+", "ar", "."]))
    elif op in (Op.IS_TRUE, Op.IS_FALSE, Op.IS_NULL, Op.IS_NOT_NULL):
        value = ""
    else:
        value = draw(clause_values)
    return ScopingClause(
        attribute=draw(st.sampled_from(ATTRS)),
        operator=op,
        value=value,
        case_insensitive=draw(st.booleans()),
    )


filters = st.builds(ScopingFilter, name=st.just("f"), clauses=st.lists(clauses(), max_size=3))


@given(users)
def test_a_filter_without_clauses_accepts_everyone(user: dict[str, Any]) -> None:
    assert in_scope(user, [ScopingFilter(name="empty")])
    assert in_scope(user, [])


@given(users, st.sampled_from(ATTRS), clause_values, st.booleans())
def test_not_equals_is_not_equals_on_present_values(
    user: dict[str, Any], attribute: str, value: str, ci: bool
) -> None:
    eq = ScopingClause(attribute=attribute, operator=Op.EQUALS, value=value, case_insensitive=ci)
    ne = eq.model_copy(update={"operator": Op.NOT_EQUALS})
    if user.get(attribute) not in (None, ""):
        assert clause_holds(user, ne) == (not clause_holds(user, eq))
    else:  # as in Entra, both are false on a null value
        assert not clause_holds(user, ne) and not clause_holds(user, eq)


@given(users, st.sampled_from(ATTRS), st.sampled_from(["^S", "s$", "[0-9]+", "ar"]), st.booleans())
def test_not_regex_match_is_not_regex_match_on_present_values(
    user: dict[str, Any], attribute: str, pattern: str, ci: bool
) -> None:
    match = ScopingClause(
        attribute=attribute, operator=Op.REGEX_MATCH, value=pattern, case_insensitive=ci
    )
    no_match = match.model_copy(update={"operator": Op.NOT_REGEX_MATCH})
    if user.get(attribute) not in (None, ""):
        assert clause_holds(user, no_match) == (not clause_holds(user, match))


@given(users, st.sampled_from(ATTRS), st.integers(0, 64))
def test_bit_and_and_its_negation_split_present_values(
    user: dict[str, Any], attribute: str, mask: int
) -> None:
    on = ScopingClause(attribute=attribute, operator=Op.BIT_AND, value=str(mask))
    off = on.model_copy(update={"operator": Op.NOT_BIT_AND})
    value = user.get(attribute)
    if isinstance(value, int) and not isinstance(value, bool):
        assert clause_holds(user, on) == bool(value & mask)
        assert clause_holds(user, off) == (not bool(value & mask))


@given(users, st.lists(filters, min_size=1, max_size=4))
def test_filters_are_ored_and_clauses_anded(user: dict[str, Any], fs: list[ScopingFilter]) -> None:
    expected = any(all(clause_holds(user, c) for c in f.clauses) for f in fs)
    assert in_scope(user, fs) == expected
    assert in_scope(user, fs) == any(in_scope(user, [f]) for f in fs)


@given(users, st.sampled_from(ATTRS))
def test_is_null_and_is_not_null_are_opposites(user: dict[str, Any], attribute: str) -> None:
    null = ScopingClause(attribute=attribute, operator=Op.IS_NULL)
    not_null = ScopingClause(attribute=attribute, operator=Op.IS_NOT_NULL)
    assert clause_holds(user, null) != clause_holds(user, not_null)
