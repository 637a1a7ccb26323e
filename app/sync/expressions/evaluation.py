"""Evaluating Entra's expressions: comparisons, the tree walk, and Expression (what `parse` gives).

An expression is parsed once (`parse`) and evaluated once per user (`Expression.evaluate`)
against that user's attributes; a function that fails on a value gives null, as in Entra.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.sync.expressions.functions import FUNCTIONS
from app.sync.expressions.syntax import (
    AttributeRef,
    BooleanLiteral,
    Call,
    Comparison,
    Node,
    NumberLiteral,
    Omitted,
    StringLiteral,
    parse_tree,
    referenced_attributes,
    to_text,
)
from app.sync.expressions.values import OMITTED, as_text, lookup_attribute, to_bool

# --- comparisons and the tree walk ---------------------------------------------------------


def _compare(op: str, left: Any, right: Any) -> bool:
    if left is OMITTED or right is OMITTED:
        return False
    if left is None or right is None:
        return False  # Entra: a condition on a null attribute fails
    if isinstance(left, bool) or isinstance(right, bool):
        lb, rb = to_bool(left), to_bool(right)
        if lb is None or rb is None:
            return op == "<>"
        return (lb == rb) if op == "=" else (lb != rb) if op == "<>" else False
    lt, rt = as_text(left), as_text(right)
    if lt is None or rt is None:
        return False
    ln, rn = _number(lt), _number(rt)
    a: Any
    b: Any
    a, b = (ln, rn) if ln is not None and rn is not None else (lt, rt)
    match op:
        case "=":
            return bool(a == b)
        case "<>":
            return bool(a != b)
        case "<":
            return bool(a < b)
        case "<=":
            return bool(a <= b)
        case ">":
            return bool(a > b)
        case ">=":
            return bool(a >= b)
    return False


def _number(text: str) -> float | None:
    try:
        return float(text.strip())
    except ValueError:
        return None


def evaluate_node(node: Node, attributes: Mapping[str, Any]) -> Any:
    match node:
        case StringLiteral(value=value) | NumberLiteral(value=value) | BooleanLiteral(value=value):
            return value
        case AttributeRef(name=name):
            return lookup_attribute(attributes, name)
        case Omitted():
            return OMITTED
        case Comparison(op=op, left=left, right=right):
            return _compare(op, evaluate_node(left, attributes), evaluate_node(right, attributes))
        case Call(name=name, args=args):
            values = [evaluate_node(arg, attributes) for arg in args]
            try:
                return FUNCTIONS[name].impl(values)
            except (ValueError, TypeError, IndexError, KeyError, re.error):
                return None  # Entra gives null when a function fails on a value
    raise TypeError(f"not an expression node: {node!r}")  # pragma: no cover


# --- the public face ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Expression:
    """A parsed expression; evaluate it as many times as there are users."""

    root: Node
    text: str = field(default="", compare=False)

    def evaluate(self, attributes: Mapping[str, Any]) -> Any:
        result = evaluate_node(self.root, attributes)
        return None if result is OMITTED else result

    @property
    def referenced_attributes(self) -> tuple[str, ...]:
        return referenced_attributes(self)

    def __str__(self) -> str:
        return to_text(self.root)


def parse(text: str, *, known_attributes: Collection[str] | None = None) -> Expression:
    """Parse an expression; raise ExpressionError (with `column`) when it is not valid.

    With `known_attributes`, an attribute not in the list is an error (names compare
    without case) and the closest known name is suggested.
    """
    return Expression(parse_tree(text, known_attributes=known_attributes), text)
