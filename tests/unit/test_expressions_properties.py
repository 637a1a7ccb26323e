"""Property tests of the expression language (hypothesis)."""

from __future__ import annotations

import unicodedata
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app.sync.expressions import (
    AttributeRef,
    BooleanLiteral,
    Call,
    Comparison,
    ExpressionError,
    Node,
    NumberLiteral,
    Omitted,
    StringLiteral,
    evaluate_node,
    parse,
    to_text,
)

# Attribute names as directories spell them (Graph properties, CSV headers, dotted paths).
names = st.from_regex(r"[A-Za-z][A-Za-z0-9_.]{0,15}", fullmatch=True)
leaves: st.SearchStrategy[Node] = st.one_of(
    st.builds(StringLiteral, st.text(max_size=12)),
    st.builds(NumberLiteral, st.integers(-(10**6), 10**6)),
    st.builds(BooleanLiteral, st.booleans()),
    st.builds(AttributeRef, names),
)
SWITCH_OPS = ("=", "<>", "<", "<=", ">", ">=")
ONE_ARGUMENT = (
    "IsNull",
    "IsNullOrEmpty",
    "IsPresent",
    "NormalizeDiacritics",
    "Not",
    "StripSpaces",
    "Trim",
)


@st.composite
def trees(draw: st.DrawFn, depth: int = 3) -> Node:
    """Trees the parser accepts: right arity, numbers where numbers are required."""
    if depth == 0 or draw(st.integers(0, 2)) == 0:
        return draw(leaves)

    def child() -> Node:
        return draw(trees(depth - 1))

    def number() -> Node:
        return draw(
            st.one_of(st.builds(NumberLiteral, st.integers(-5, 30)), st.builds(AttributeRef, names))
        )

    kind = draw(st.integers(0, 12))
    if kind == 0:
        return Call(draw(st.sampled_from(ONE_ARGUMENT)), (child(),))
    if kind == 1:
        extra = (child(),) if draw(st.booleans()) else ()
        return Call(draw(st.sampled_from(("ToLower", "ToUpper"))), (child(), *extra))
    if kind == 2:
        return Call("Append", (child(), child()))
    if kind == 3:
        return Call("IIF", (child(), child(), child()))
    if kind == 4:
        return Call("Left", (child(), number()))
    if kind == 5:
        return Call("Mid", (child(), number(), number()))
    if kind == 6:
        return Call("Word", (child(), number(), child()))
    if kind == 7:
        return Call("Split", (child(), child()))
    if kind == 8:
        return Call("Coalesce", tuple(child() for _ in range(draw(st.integers(1, 3)))))
    if kind == 9:
        return Call("Join", tuple(child() for _ in range(draw(st.integers(2, 4)))))
    if kind == 10:
        default = Omitted() if draw(st.booleans()) else child()
        pairs = tuple(child() for _ in range(2 * draw(st.integers(1, 2))))
        return Call("Switch", (child(), default, *pairs))
    if kind == 11:
        o = Omitted()
        return Call("Replace", (child(), child(), o, o, child(), o, o))
    return Comparison(draw(st.sampled_from(SWITCH_OPS)), child(), child())


attribute_values = st.one_of(
    st.none(),
    st.text(max_size=10),
    st.booleans(),
    st.integers(-100, 100),
    st.lists(st.text(max_size=5), max_size=3),
)


@settings(max_examples=150, deadline=None)
@given(trees())
def test_printing_then_parsing_gives_the_same_tree(tree: Node) -> None:
    assert parse(to_text(tree)).root == tree


@settings(max_examples=150, deadline=None)
@given(trees(), st.dictionaries(names, attribute_values, max_size=6))
def test_evaluation_never_raises(tree: Node, attributes: dict[str, Any]) -> None:
    # Entra flows null when a function fails on a value; a cycle never stops on one user.
    evaluate_node(tree, attributes)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("[]()\",\\ aZ09_&H<>='\n.-"), max_size=30))
def test_any_text_parses_or_gives_an_error_with_a_column_inside_it(text: str) -> None:
    try:
        parse(text)
    except ExpressionError as error:
        assert 1 <= error.column <= len(text) + 1
        assert error.problem


# Latin letters of the Latin-1 Supplement and Latin Extended-A blocks: French, German,
# Nordic, Polish, Czech, Hungarian, Turkish, Romanian... names.
LATIN = [
    c
    for c in map(chr, range(0xC0, 0x180))
    if unicodedata.category(c).startswith("L") and "LATIN" in unicodedata.name(c)
]
latin_text = st.text(alphabet=st.sampled_from([*LATIN, *"abcXYZ -'."]), max_size=20)


@given(latin_text)
def test_normalize_diacritics_gives_ascii_for_latin_text(text: str) -> None:
    out = parse("NormalizeDiacritics([v])").evaluate({"v": text})
    assert out.isascii()
    # ASCII letters, spaces and punctuation are untouched.
    assert parse("NormalizeDiacritics([v])").evaluate({"v": "Jean-Luc O'Neil"}) == "Jean-Luc O'Neil"


@given(st.text(max_size=20))
def test_case_functions_keep_the_length_and_are_idempotent(text: str) -> None:
    lower = parse("ToLower([v])").evaluate({"v": text})
    upper = parse("ToUpper([v])").evaluate({"v": text})
    assert len(lower) == len(upper) == len(text)  # one character for one, as in .NET
    assert parse("ToLower([v])").evaluate({"v": lower}) == lower
    assert parse("ToUpper([v])").evaluate({"v": upper}) == upper


@given(latin_text.filter(lambda t: "İ" not in t))
def test_upper_of_lower_is_upper_for_latin_text(text: str) -> None:
    # Every Latin letter but the Turkish dotted capital İ (whose lower case is a plain i).
    # The other way round does not hold: ı and ſ upper-case to I and S.
    upper = parse("ToUpper([v])").evaluate({"v": text})
    assert parse("ToUpper(ToLower([v]))").evaluate({"v": text}) == upper


@given(st.text(max_size=20), st.integers(0, 25))
def test_left_and_mid_split_a_text_without_losing_anything(text: str, n: int) -> None:
    attrs = {"v": text, "n": n, "rest": n + 1, "len": len(text) + 1}
    left = parse("Left([v], [n])").evaluate(attrs)
    mid = parse("Mid([v], [rest], [len])").evaluate(attrs)
    assert left + mid == text


@given(st.text(max_size=5), st.lists(st.one_of(st.none(), st.text(max_size=5)), max_size=5))
def test_join_skips_empty_values(separator: str, values: list[str | None]) -> None:
    attrs: dict[str, Any] = {f"a{i}": v for i, v in enumerate(values)}
    refs = ", ".join(f"[a{i}]" for i in range(len(values))) or '""'
    out = parse(f"Join([sep], {refs})").evaluate({**attrs, "sep": separator})
    assert out == separator.join(v for v in values if v)


@given(st.text(max_size=20))
def test_strip_spaces_leaves_no_space_and_nothing_else_removed(text: str) -> None:
    out = parse("StripSpaces([v])").evaluate({"v": text})
    assert " " not in out
    assert out == "".join(c for c in text if c != " ")


@given(st.lists(st.from_regex(r"[a-z0-9]{1,6}", fullmatch=True), min_size=1, max_size=5))
def test_split_then_join_gives_the_text_back(items: list[str]) -> None:
    text = ",".join(items)
    assert parse('Join(",", Split([v], ","))').evaluate({"v": text}) == text
    assert parse('Split([v], ",")').evaluate({"v": text}) == items
