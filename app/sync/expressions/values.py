"""Entra's values: what counts as true, as text, as empty, and how an attribute is found.

Values are text, whole numbers, booleans, lists of text (multi-valued attributes, Split)
or null (an attribute that is absent); an argument left empty is OMITTED. The functions
and the evaluator both judge values by these rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

TRUE_WORDS: Final = frozenset({"true", "yes", "y", "1", "on", "vrai", "oui"})
FALSE_WORDS: Final = frozenset({"false", "no", "n", "0", "off", "faux", "non"})


def to_bool(value: Any) -> bool | None:
    """A boolean from a boolean, a number or a boolean word (English or French); else None."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    if isinstance(value, list):
        return to_bool(value[0]) if value else None
    if isinstance(value, str):
        word = value.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
    return None


def as_text(value: Any) -> str | None:
    """The text form of a value as Entra flows it (booleans as True/False); None stays None."""
    if value is None or isinstance(value, _OmittedValue):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | tuple):
        return as_text(value[0]) if value else None
    if isinstance(value, Mapping):
        for key in ("value", "id", "displayName"):
            if value.get(key) is not None:
                return as_text(value[key])
        return None
    return str(value)


def is_empty(value: Any) -> bool:
    """Null, "" or an empty list: what Entra calls null or empty."""
    return value is None or value == "" or (isinstance(value, list | tuple) and len(value) == 0)


def lookup_attribute(attributes: Mapping[str, Any], name: str) -> Any:
    """An attribute's value by name: exact, then without case, then through dots (a.b)."""
    if name in attributes:
        return attributes[name]
    lowered = name.lower()
    for key, value in attributes.items():
        if key.lower() == lowered:
            return value
    if "." in name:
        head, rest = name.split(".", 1)
        parent = lookup_attribute(attributes, head)
        if isinstance(parent, Mapping):
            return lookup_attribute(parent, rest)
    return None


class _OmittedValue:
    """What an empty argument evaluates to (``Replace([x], "a", , , "b", , )``)."""

    _instance: _OmittedValue | None = None

    def __new__(cls) -> _OmittedValue:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "OMITTED"


OMITTED: Final = _OmittedValue()
