"""Entra's expression language for attribute mappings: parse a text once, evaluate it per user.

The language is split as its reader meets it: `syntax` (the grammar in EBNF, the tokenizer,
the syntax tree, the parser), `functions` (every Entra function and its semantics),
`values` (what is true, text, empty; how an attribute is found) and `evaluation`
(comparisons, the tree walk, Expression). The rest of the program imports from here.
"""

from app.sync.expressions.evaluation import Expression, evaluate_node, parse
from app.sync.expressions.functions import function_names
from app.sync.expressions.syntax import (
    AttributeRef,
    BooleanLiteral,
    Call,
    Comparison,
    ExpressionError,
    Node,
    NumberLiteral,
    Omitted,
    StringLiteral,
    referenced_attributes,
    to_text,
)
from app.sync.expressions.values import as_text, is_empty, lookup_attribute, to_bool

__all__ = [
    "AttributeRef",
    "BooleanLiteral",
    "Call",
    "Comparison",
    "Expression",
    "ExpressionError",
    "Node",
    "NumberLiteral",
    "Omitted",
    "StringLiteral",
    "as_text",
    "evaluate_node",
    "function_names",
    "is_empty",
    "lookup_attribute",
    "parse",
    "referenced_attributes",
    "to_bool",
    "to_text",
]
