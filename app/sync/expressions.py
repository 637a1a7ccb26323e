"""Entra's expression language for attribute mappings: a tokenizer, a parser and an evaluator.

Syntax (Microsoft's "Reference for writing expressions for attribute mappings"):

- attributes in square brackets: ``[givenName]``, ``[onPremisesExtensionAttributes.extensionAttribute1]``
- strings in double quotes; ``\\"`` is a quote and ``\\\\`` a backslash inside them (any
  other backslash is kept as written, so both ``"\\d"`` and ``"\\\\d"`` reach a regex as ``\\d``)
- whole numbers (``3``, ``-10``, ``&HF7`` in hexadecimal), ``true`` and ``false``
- function calls with nested arguments; an argument may be left empty where the function
  allows it: ``Replace([mail], "@contoso.com", , , "", , )``
- one comparison ``=  <>  <  <=  >  >=`` where a value is expected, as in
  ``IIF([country]="FR", "fr_FR", "en_US")``; parentheses group a comparison.

Function names are case-sensitive as in Entra (an error suggests the right spelling);
attribute names are not. Values are text, whole numbers, booleans, lists of text
(multi-valued attributes, Split) or null (an attribute that is absent).

Functions (Entra's semantics; where Entra leaves a case open, the choice is written here):

- Append(source, suffix): null source gives null. Lists are handled element by element
  (as are ToLower, ToUpper, Trim, StripSpaces, NormalizeDiacritics, Replace).
- BitAnd(value1, value2); CBool(x): true for a true word or a non-zero number; CStr(x);
  Count(attribute): values in a multi-valued attribute.
- Coalesce(source1, ..., defaultValue): the first value that is neither null nor empty.
- IIF(condition, valueIfTrue, valueIfFalse): a comparison with a null side is false.
- IsNull(x), IsNullOrEmpty(x), IsPresent(x), IsString(x).
- Item(attribute, index): 1-based; out of range gives null.
- Join(separator, source1, ...): lists are flattened; null and empty values are skipped.
- Left(text, n): n = 0 gives "", n < 0 the whole text, null text gives "".
- Mid(source, start, length): 1-based; out of range gives "" (never an error).
- NormalizeDiacritics(text): accents removed, æ->ae, ø->oe, ß->ss, ł->l, đ->d, þ->th, ...;
  Latin text comes out ASCII; other scripts are left alone.
- Not(x): false only when x is true (Entra: "otherwise, returns True").
- PCase(text, wordSeparators?): first letter of each word upper-case, the rest lower-case.
- RemoveDuplicates(attribute).
- Replace(source, oldValue, regexPattern, regexGroupName, replacementValue,
  replacementAttributeName, template): always seven arguments, unused ones left empty.
  Supported, in this order of precedence:
  regexPattern + regexGroupName + replacementAttributeName (source if present, else the
  named group of the pattern applied to the replacement attribute);
  regexPattern + regexGroupName + replacementValue (each match of the group replaced);
  regexPattern + replacementValue (``${name}``, ``$1``, ``$&`` and ``$$`` work in the value);
  oldValue + template (oldValue in the template replaced by the source);
  oldValue + replacementValue (every occurrence, case-sensitive).
  Patterns use .NET syntax where it differs from Python's: ``(?<name>...)`` and ``\\k<name>``.
- SingleAppRoleAssignment([appRoleAssignments]): the one role (its displayName, else its
  value); with several roles, the first.
- Split(source, delimiter): a list; items are trimmed and empty items dropped.
- StripSpaces(text): every " " removed. Trim(text): leading and trailing white space removed.
- Switch(source, defaultValue, key1, value1, ...): case-sensitive; a null source matches "".
- ToLower(source, culture?), ToUpper(source, culture?): one character for one, as .NET's
  invariant culture does ("İ" -> "i", "ß" stays "ß"); the culture is accepted and ignored.
- Word(text, number, delimiters): 1-based; missing word gives "".

A function that fails at run time (text where a number is needed, say) gives null, as
Entra does, instead of stopping the cycle.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from app.errors import InputError

# --- values ---------------------------------------------------------------------------------

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


# --- errors ---------------------------------------------------------------------------------


class ExpressionError(InputError):
    """An expression that cannot be used; `column` (1-based) is where the problem is."""

    def __init__(self, problem: str, column: int, text: str) -> None:
        self.problem = problem
        self.column = column
        self.text = text
        end = "" if problem.endswith((".", "?", "!")) else "."
        super().__init__(
            f"The expression has an error at {self.where()}: {problem}{end}",
            "Correct the expression at that place and try again.",
        )

    def where(self) -> str:
        """'column 11 (near `[a`)': the column and the text that starts there."""
        rest = self.text[self.column - 1 :].split("\n", 1)[0].strip()
        if not rest:
            return f"column {self.column} (at the end)"
        snippet = rest if len(rest) <= 12 else rest[:12] + "…"
        return f"column {self.column} (near `{snippet}`)"

    def pointer(self) -> str:
        """The expression's line with a caret under the column, for a terminal or a tooltip."""
        before = self.text[: self.column - 1]
        line_start = before.rfind("\n") + 1
        line_end = self.text.find("\n", line_start)
        line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
        return f"{line}\n{' ' * (self.column - 1 - line_start)}^"


# --- tokens ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # IDENT STRING NUMBER ATTR LPAREN RPAREN COMMA OP EOF
    value: Any
    start: int  # 0-based offset in the text

    @property
    def column(self) -> int:
        return self.start + 1


_OPERATORS = ("<>", "<=", ">=", "=", "<", ">")
_IDENT_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NUMBER_RE = re.compile(r"-?[0-9]+")
_HEX_RE = re.compile(r"&[Hh]([0-9A-Fa-f]+)")


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch == "[":
            end = text.find("]", i + 1)
            stop = text.find("[", i + 1)
            if end < 0 or (0 <= stop < end):
                raise ExpressionError(
                    'the attribute name that starts here is not closed with "]"', i + 1, text
                )
            name = text[i + 1 : end].strip()
            if not name:
                raise ExpressionError("an attribute name is missing between [ and ]", i + 1, text)
            if '"' in name or "(" in name or "," in name:
                raise ExpressionError(
                    'the attribute name that starts here is not closed with "]"', i + 1, text
                )
            tokens.append(Token("ATTR", name, i))
            i = end + 1
        elif ch == '"':
            value, end = _read_string(text, i)
            tokens.append(Token("STRING", value, i))
            i = end
        elif ch == "(":
            tokens.append(Token("LPAREN", ch, i))
            i += 1
        elif ch == ")":
            tokens.append(Token("RPAREN", ch, i))
            i += 1
        elif ch == ",":
            tokens.append(Token("COMMA", ch, i))
            i += 1
        elif (m := _HEX_RE.match(text, i)) is not None:
            tokens.append(Token("NUMBER", int(m.group(1), 16), i))
            i = m.end()
        elif (m := _NUMBER_RE.match(text, i)) is not None:
            tokens.append(Token("NUMBER", int(m.group()), i))
            i = m.end()
        elif (m := _IDENT_RE.match(text, i)) is not None:
            tokens.append(Token("IDENT", m.group(), i))
            i = m.end()
        else:
            op = next((o for o in _OPERATORS if text.startswith(o, i)), None)
            if op is not None:
                tokens.append(Token("OP", op, i))
                i += len(op)
            elif ch in "'\u2018\u2019\u201c\u201d\u00ab\u00bb":
                raise ExpressionError(
                    f"{ch} is not a quote the language knows: text goes between straight "
                    'double quotes, like "Paris"',
                    i + 1,
                    text,
                )
            else:
                raise ExpressionError(f'unexpected character "{ch}"', i + 1, text)
    tokens.append(Token("EOF", None, n))
    return tokens


def _read_string(text: str, start: int) -> tuple[str, int]:
    """The value of the string literal opening at `start`, and the offset after it."""
    out: list[str] = []
    i = start + 1
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in '\\"':
            out.append(text[i + 1])
            i += 2
        elif ch == '"':
            return "".join(out), i + 1
        else:
            out.append(ch)
            i += 1
    raise ExpressionError("the text that starts here has no closing double quote", start + 1, text)


# --- the syntax tree ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StringLiteral:
    value: str
    column: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class NumberLiteral:
    value: int
    column: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class BooleanLiteral:
    value: bool
    column: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class AttributeRef:
    name: str
    column: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Omitted:
    column: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    args: tuple[Node, ...] = ()
    column: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Comparison:
    op: str
    left: Node
    right: Node
    column: int = field(default=0, compare=False)


Node = StringLiteral | NumberLiteral | BooleanLiteral | AttributeRef | Omitted | Call | Comparison


# --- functions ------------------------------------------------------------------------------


Impl = Callable[[list[Any]], Any]


@dataclass(frozen=True, slots=True)
class FunctionSpec:
    name: str
    params: tuple[str, ...]  # names for messages; "..." marks a repeating tail
    min_args: int
    max_args: int | None  # None: no upper bound
    impl: Impl
    omittable: frozenset[int] = frozenset()  # argument positions that may be left empty
    int_params: frozenset[int] = frozenset()  # positions that must be whole numbers
    regex_params: frozenset[int] = frozenset()

    def arity_text(self) -> str:
        names = ", ".join(self.params)
        if self.name == "Switch":
            return (
                "Switch takes the source, a default value, then key and value pairs "
                f"({names}): an even number of arguments, at least 4"
            )
        if self.max_args is None:
            return f"{self.name} takes at least {_count(self.min_args)} ({names})"
        if self.min_args == self.max_args:
            return f"{self.name} takes {_count(self.min_args)} ({names})"
        return f"{self.name} takes {self.min_args} to {_count(self.max_args)} ({names})"

    def accepts(self, count: int) -> bool:
        if count < self.min_args or (self.max_args is not None and count > self.max_args):
            return False
        return not (self.name == "Switch" and count % 2)


def _count(n: int) -> str:
    return "1 argument" if n == 1 else f"{n} arguments"


def _text_map(value: Any, fn: Callable[[str], Any]) -> Any:
    """Apply a text function to a value, element by element for lists; null stays null."""
    if isinstance(value, list | tuple):
        return [fn(t) for t in (as_text(v) for v in value) if t is not None]
    text = as_text(value)
    return None if text is None else fn(text)


def _int(value: Any) -> int:
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, int):
        return value
    return int(str(as_text(value)).strip())


def _fn_append(a: list[Any]) -> Any:
    suffix = as_text(a[1]) or ""
    return _text_map(a[0], lambda t: t + suffix)


def _fn_bitand(a: list[Any]) -> Any:
    return _int(a[0]) & _int(a[1])


def _fn_cbool(a: list[Any]) -> Any:
    return to_bool(a[0]) is True


def _fn_coalesce(a: list[Any]) -> Any:
    return next((v for v in a if not is_empty(v) and v is not OMITTED), None)


def _fn_count(a: list[Any]) -> Any:
    if isinstance(a[0], list | tuple):
        return len(a[0])
    return 0 if is_empty(a[0]) else 1


def _fn_iif(a: list[Any]) -> Any:
    return a[1] if to_bool(a[0]) is True else a[2]


def _fn_item(a: list[Any]) -> Any:
    values = a[0] if isinstance(a[0], list | tuple) else [a[0]]
    index = _int(a[1])
    return values[index - 1] if 1 <= index <= len(values) else None


def _flat(values: Sequence[Any]) -> Iterator[Any]:
    for v in values:
        if isinstance(v, list | tuple):
            yield from v
        else:
            yield v


def _fn_join(a: list[Any]) -> Any:
    sep = as_text(a[0]) or ""
    parts = [as_text(v) for v in _flat(a[1:])]
    return sep.join(p for p in parts if p)


def _fn_left(a: list[Any]) -> Any:
    text = as_text(a[0])
    if text is None:
        return ""
    n = _int(a[1])
    return text if n < 0 else text[:n]


def _fn_mid(a: list[Any]) -> Any:
    text = as_text(a[0])
    if text is None:
        return None
    start, length = _int(a[1]), _int(a[2])
    if start < 1 or length < 0 or start > len(text):
        return ""
    return text[start - 1 : start - 1 + length]


# Letters that Unicode decomposition does not reduce to ASCII, after Entra's table.
_SPECIAL_LETTERS: Final = {
    "Æ": "AE", "æ": "ae", "Ǣ": "AE", "ǣ": "ae", "Ǽ": "AE", "ǽ": "ae",
    "Ø": "OE", "ø": "oe", "Ǿ": "OE", "ǿ": "oe", "Œ": "OE", "œ": "oe",
    "ß": "ss", "ẞ": "SS", "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d",
    "Þ": "TH", "þ": "th", "Ħ": "H", "ħ": "h", "ı": "i", "Ĳ": "IJ", "ĳ": "ij",
    "ĸ": "k", "Ŀ": "L", "ŀ": "l", "ŉ": "n", "Ŋ": "N", "ŋ": "n", "Ŧ": "T", "ŧ": "t",
    "ſ": "s", "ƒ": "f", "Ƒ": "F", "Ɗ": "D", "ɗ": "d", "Ɓ": "B", "ɓ": "b",
}  # fmt: skip


def normalize_diacritics(text: str) -> str:
    out: list[str] = []
    for ch in text:
        if ch.isascii():
            out.append(ch)
            continue
        special = _SPECIAL_LETTERS.get(ch)
        if special is not None:
            out.append(special)
            continue
        decomposed = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        if base and base.isascii():
            out.append(base)
            continue
        # Letters with a stroke or a hook have no decomposition ("LATIN SMALL LETTER B WITH
        # STROKE"): their name gives the base letter. Greek, Cyrillic, CJK... stay as they are.
        named = _LETTER_WITH.match(unicodedata.name(ch, ""))
        if named is not None:
            letter = named.group(2)
            out.append(letter.lower() if named.group(1) == "SMALL" else letter)
        else:
            out.append(ch)
    return "".join(out)


_LETTER_WITH = re.compile(r"LATIN (SMALL|CAPITAL) LETTER (?:DOTLESS )?([A-Z]{1,2})(?: WITH |$)")


def _simple_case(ch: str, mapped: str) -> str:
    if len(mapped) == 1:
        return mapped
    # .NET maps case one character to one character: "İ" lower-cases to "i" (Python gives
    # "i" + a combining dot, which spoils an e-mail address) and "ß" stays "ß" in upper case.
    bare = "".join(c for c in mapped if not unicodedata.combining(c))
    return bare if len(bare) == 1 else ch


def to_lower(text: str) -> str:
    """Lower case, one character for one, as Entra (.NET, invariant culture) does."""
    return "".join(_simple_case(ch, ch.lower()) for ch in text)


def to_upper(text: str) -> str:
    """Upper case, one character for one, as Entra (.NET, invariant culture) does."""
    return "".join(_simple_case(ch, ch.upper()) for ch in text)


def _fn_not(a: list[Any]) -> Any:
    return to_bool(a[0]) is not True


def _fn_pcase(a: list[Any]) -> Any:
    seps = as_text(a[1]) if len(a) > 1 else None

    def pcase(text: str) -> str:
        out: list[str] = []
        start = True
        for ch in text.lower():
            out.append(ch.upper() if start else ch)
            start = (ch in seps) if seps else not ch.isalnum()
        return "".join(out)

    return _text_map(a[0], pcase)


def _fn_remove_duplicates(a: list[Any]) -> Any:
    if not isinstance(a[0], list | tuple):
        return a[0]
    seen: list[Any] = []
    for v in a[0]:
        if v not in seen:
            seen.append(v)
    return seen


_NET_NAMED_GROUP = re.compile(
    r"(?<!\\)\(\?(?:<(?![=!])([A-Za-z_][A-Za-z0-9_]*)>|'([A-Za-z_][A-Za-z0-9_]*)')"
)
_NET_BACKREF = re.compile(r"\\k<([A-Za-z_][A-Za-z0-9_]*)>")


def dotnet_regex(pattern: str) -> str:
    """A .NET pattern in Python's syntax: (?<name>...) -> (?P<name>...), \\k<name> -> (?P=name)."""
    pattern = _NET_NAMED_GROUP.sub(lambda m: f"(?P<{m.group(1) or m.group(2)}>", pattern)
    return _NET_BACKREF.sub(lambda m: f"(?P={m.group(1)})", pattern)


def dotnet_replacement(template: str) -> str:
    """A .NET replacement string ($1, ${name}, $&, $$) in re.sub's syntax."""
    out: list[str] = []
    i = 0
    while i < len(template):
        ch = template[i]
        if ch == "\\":
            out.append("\\\\")
        elif ch == "$" and i + 1 < len(template):
            nxt = template[i + 1]
            if nxt == "$":
                out.append("$")
                i += 1
            elif nxt == "&":
                out.append(r"\g<0>")
                i += 1
            elif nxt == "{" and (end := template.find("}", i + 2)) > 0:
                out.append(rf"\g<{template[i + 2 : end]}>")
                i = end
            elif nxt.isdigit():
                j = i + 1
                while j < len(template) and template[j].isdigit():
                    j += 1
                out.append(rf"\g<{template[i + 1 : j]}>")
                i = j - 1
            else:
                out.append(ch)
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def _fn_replace(a: list[Any]) -> Any:
    source, old, pattern, group, replacement, repl_attr, template = a
    given = [v is not OMITTED for v in a]
    if given[2] and given[3] and given[5]:
        if not is_empty(source):
            return source
        other = as_text(repl_attr)
        if other is None:
            return None
        m = re.search(dotnet_regex(as_text(pattern) or ""), other)
        return m.group(as_text(group) or "") if m else None
    if given[2] and given[3] and given[4]:
        regex = re.compile(dotnet_regex(as_text(pattern) or ""))
        name, new = as_text(group) or "", as_text(replacement) or ""

        def replace_group(text: str) -> str:
            out, last = [], 0
            for m in regex.finditer(text):
                g0, g1 = m.span(name)
                if g0 < 0:
                    continue
                out += [text[last:g0], new]
                last = g1
            return "".join(out) + text[last:]

        return _text_map(source, replace_group)
    if given[2] and given[4]:
        regex = re.compile(dotnet_regex(as_text(pattern) or ""))
        repl = dotnet_replacement(as_text(replacement) or "")
        return _text_map(source, lambda t: regex.sub(repl, t))
    if given[1] and given[6]:
        old_text, template_text = as_text(old) or "", as_text(template) or ""
        return _text_map(source, lambda t: template_text.replace(old_text, t))
    if given[1] and given[4]:
        old_text, new_text = as_text(old) or "", as_text(replacement) or ""
        if not old_text:
            return source
        return _text_map(source, lambda t: t.replace(old_text, new_text))
    return source


def _fn_single_app_role(a: list[Any]) -> Any:
    roles = a[0] if isinstance(a[0], list | tuple) else ([] if a[0] is None else [a[0]])
    if not roles:
        return None
    role = roles[0]
    if isinstance(role, Mapping):
        for key in ("displayName", "value", "appRoleId"):
            if role.get(key):
                return as_text(role[key])
        return None
    return as_text(role)


def _fn_split(a: list[Any]) -> Any:
    delim = as_text(a[1]) or ","
    values = a[0] if isinstance(a[0], list | tuple) else [a[0]]
    out: list[str] = []
    for value in values:
        text = as_text(value)
        if text is not None:
            out += [item.strip() for item in text.split(delim) if item.strip()]
    return None if a[0] is None else out


def _fn_switch(a: list[Any]) -> Any:
    source = as_text(a[0]) or ""
    for key, value in zip(a[2::2], a[3::2], strict=True):
        if (as_text(key) or "") == source:
            return value
    return None if a[1] is OMITTED else a[1]


def _fn_word(a: list[Any]) -> Any:
    text, number, delims = as_text(a[0]), _int(a[1]), as_text(a[2]) or " "
    if text is None or number < 1:
        return ""
    words = [w for w in re.split("[" + re.escape(delims) + "]", text) if w]
    return words[number - 1] if number <= len(words) else ""


def _spec(
    name: str,
    params: str,
    impl: Impl,
    min_args: int | None = None,
    max_args: int | str | None = "same",
    **kwargs: frozenset[int],
) -> FunctionSpec:
    names = tuple(p.strip() for p in params.split(",")) if params else ()
    fixed = len([p for p in names if p != "..."])
    lo = fixed if min_args is None else min_args
    hi: int | None = fixed if max_args == "same" else (None if max_args is None else int(max_args))
    return FunctionSpec(name, names, lo, hi, impl, **kwargs)


_I = frozenset
FUNCTIONS: Final[dict[str, FunctionSpec]] = {
    s.name: s
    for s in (
        _spec("Append", "source, suffix", _fn_append),
        _spec("BitAnd", "value1, value2", _fn_bitand, int_params=_I({0, 1})),
        _spec("CBool", "expression", _fn_cbool),
        _spec("Coalesce", "source1, ..., defaultValue", _fn_coalesce, 1, None),
        _spec("Count", "attribute", _fn_count),
        _spec("CStr", "value", lambda a: as_text(a[0])),
        _spec("IIF", "condition, valueIfTrue, valueIfFalse", _fn_iif),
        _spec("IsNull", "expression", lambda a: a[0] is None),
        _spec("IsNullOrEmpty", "expression", lambda a: is_empty(a[0])),
        _spec("IsPresent", "expression", lambda a: not is_empty(a[0])),
        _spec("IsString", "expression", lambda a: isinstance(a[0], str)),
        _spec("Item", "attribute, index", _fn_item, int_params=_I({1})),
        _spec("Join", "separator, source1, ...", _fn_join, 2, None),
        _spec("Left", "String, NumChars", _fn_left, int_params=_I({1})),
        _spec("Mid", "source, start, length", _fn_mid, int_params=_I({1, 2})),
        _spec("NormalizeDiacritics", "source", lambda a: _text_map(a[0], normalize_diacritics)),
        _spec("Not", "source", _fn_not),
        _spec("PCase", "source, wordSeparators", _fn_pcase, 1),
        _spec("RemoveDuplicates", "attribute", _fn_remove_duplicates),
        _spec(
            "Replace",
            "source, oldValue, regexPattern, regexGroupName, replacementValue, "
            "replacementAttributeName, template",
            _fn_replace,
            omittable=_I(range(1, 7)),
            regex_params=_I({2}),
        ),
        _spec("SingleAppRoleAssignment", "appRoleAssignments", _fn_single_app_role),
        _spec("Split", "source, delimiter", _fn_split),
        _spec("StripSpaces", "source", lambda a: _text_map(a[0], lambda t: t.replace(" ", ""))),
        _spec(
            "Switch",
            "source, defaultValue, key1, value1, ...",
            _fn_switch,
            4,
            None,
            omittable=_I({1}),
        ),
        _spec("ToLower", "source, culture", lambda a: _text_map(a[0], to_lower), 1),
        _spec("ToUpper", "source, culture", lambda a: _text_map(a[0], to_upper), 1),
        _spec("Trim", "source", lambda a: _text_map(a[0], str.strip)),
        _spec("Word", "String, WordNumber, Delimiters", _fn_word, int_params=_I({1})),
    )
}


def function_names() -> list[str]:
    return sorted(FUNCTIONS)


# --- the parser -----------------------------------------------------------------------------


def _closest(name: str, candidates: Collection[str]) -> str | None:
    lowered = {c.lower(): c for c in candidates}
    if name.lower() in lowered:
        return lowered[name.lower()]
    found = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[found[0]] if found else None


class _Parser:
    def __init__(self, text: str, known_attributes: Collection[str] | None) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.pos = 0
        self.known = None if known_attributes is None else {a.lower() for a in known_attributes}
        self.known_names = known_attributes

    def error(self, problem: str, column: int) -> ExpressionError:
        return ExpressionError(problem, column, self.text)

    @property
    def token(self) -> Token:
        return self.tokens[self.pos]

    def advance(self) -> Token:
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def parse(self) -> Node:
        if self.token.kind == "EOF":
            raise self.error("the expression is empty", 1)
        node = self.comparison()
        if self.token.kind != "EOF":
            tok = self.token
            hint = ""
            if tok.kind == "RPAREN":
                hint = ": it closes no open parenthesis"
            elif tok.kind in {"STRING", "ATTR", "IDENT", "NUMBER"}:
                hint = ": a comma is missing, or the expression goes on after its end"
            raise self.error(f"unexpected {_describe(tok)}{hint}", tok.column)
        return node

    def comparison(self) -> Node:
        left = self.operand()
        if self.token.kind == "OP":
            op = self.advance()
            right = self.operand()
            if self.token.kind == "OP":
                raise self.error(
                    "only one comparison is allowed here: nest IIF to combine conditions",
                    self.token.column,
                )
            return Comparison(op.value, left, right, column=op.column)
        return left

    def operand(self) -> Node:
        tok = self.token
        if tok.kind == "STRING":
            self.advance()
            return StringLiteral(tok.value, column=tok.column)
        if tok.kind == "NUMBER":
            self.advance()
            return NumberLiteral(tok.value, column=tok.column)
        if tok.kind == "ATTR":
            self.advance()
            self.check_attribute(tok)
            return AttributeRef(tok.value, column=tok.column)
        if tok.kind == "IDENT":
            return self.call_or_word()
        if tok.kind == "LPAREN":
            self.advance()
            inner = self.comparison()
            if self.token.kind != "RPAREN":
                raise self.error(f'the "(" at column {tok.column} is not closed', tok.column)
            self.advance()
            return inner
        if tok.kind == "EOF":
            raise self.error("the expression ends where a value is expected", tok.column)
        if tok.kind in {"COMMA", "RPAREN"}:
            raise self.error(f"a value is missing before {_describe(tok)}", tok.column)
        raise self.error(f"unexpected {_describe(tok)} where a value is expected", tok.column)

    def check_attribute(self, tok: Token) -> None:
        if self.known is None or tok.value.lower() in self.known:
            return
        assert self.known_names is not None
        near = _closest(tok.value, self.known_names)
        hint = f'; did you mean "{near}"?' if near else ""
        raise self.error(f'unknown attribute "{tok.value}"{hint}', tok.column)

    def call_or_word(self) -> Node:
        tok = self.advance()
        name: str = tok.value
        if self.token.kind != "LPAREN":
            if name.lower() in {"true", "false"}:
                return BooleanLiteral(name.lower() == "true", column=tok.column)
            if name in FUNCTIONS or _closest(name, FUNCTIONS) == name:
                raise self.error(f'the function {name} must be followed by "("', tok.column)
            raise self.error(
                f'unexpected word "{name}": attributes go in square brackets, like [{name}], '
                f'and text in double quotes, like "{name}"',
                tok.column,
            )
        spec = FUNCTIONS.get(name)
        if spec is None:
            near = _closest(name, FUNCTIONS)
            if near is not None and near.lower() == name.lower():
                hint = f'; function names are case-sensitive: write "{near}"'
            elif near is not None:
                hint = f'; did you mean "{near}"?'
            else:
                hint = ""
            raise self.error(f'unknown function "{name}"{hint}', tok.column)
        open_paren = self.advance()
        args = self.arguments(open_paren)
        if not spec.accepts(len(args)):
            raise self.error(f"{spec.arity_text()}, not {len(args)}", tok.column)
        self.check_arguments(spec, args)
        return Call(name, tuple(args), column=tok.column)

    def arguments(self, open_paren: Token) -> list[Node]:
        args: list[Node] = []
        if self.token.kind == "RPAREN":
            self.advance()
            return args
        while True:
            if self.token.kind in {"COMMA", "RPAREN"}:
                args.append(Omitted(column=self.token.column))
            elif self.token.kind == "EOF":
                raise self.error(
                    f'the "(" at column {open_paren.column} is not closed', open_paren.column
                )
            else:
                args.append(self.comparison())
            tok = self.token
            if tok.kind == "COMMA":
                self.advance()
                continue
            if tok.kind == "RPAREN":
                self.advance()
                return args
            if tok.kind == "EOF":
                raise self.error(
                    f'the "(" at column {open_paren.column} is not closed', open_paren.column
                )
            raise self.error(f'a comma or ")" is expected before {_describe(tok)}', tok.column)

    def check_arguments(self, spec: FunctionSpec, args: list[Node]) -> None:
        for index, arg in enumerate(args):
            param = spec.params[min(index, len(spec.params) - 1)]
            if param == "...":
                param = "value"
            if isinstance(arg, Omitted) and index not in spec.omittable:
                raise self.error(f"the argument {param} of {spec.name} is missing", arg.column)
            if index in spec.int_params and isinstance(arg, StringLiteral):
                try:
                    int(arg.value.strip())
                except ValueError:
                    raise self.error(
                        f'{param} of {spec.name} must be a whole number, not "{arg.value}"',
                        arg.column,
                    ) from None
            if index in spec.regex_params and isinstance(arg, StringLiteral):
                try:
                    re.compile(dotnet_regex(arg.value))
                except re.error as exc:
                    raise self.error(
                        f"the regular expression is not valid: {exc.msg}", arg.column
                    ) from None
        if spec.name == "Replace":
            given = [not isinstance(a, Omitted) for a in args]
            if not (
                (given[2] and (given[4] or (given[3] and given[5])))
                or (given[1] and (given[4] or given[6]))
            ):
                raise self.error(
                    "Replace needs oldValue with replacementValue or template, or "
                    "regexPattern with replacementValue (or regexGroupName and "
                    "replacementAttributeName); leave the others empty, e.g. "
                    'Replace([mail], "@contoso.com", , , "", , )',
                    args[0].column if args else 1,
                )


def _describe(tok: Token) -> str:
    if tok.kind == "EOF":
        return "end of the expression"
    if tok.kind == "STRING":
        return f'text "{tok.value}"'
    if tok.kind == "ATTR":
        return f"attribute [{tok.value}]"
    if tok.kind == "IDENT":
        return f'word "{tok.value}"'
    return f'"{tok.value}"'


# --- evaluation -----------------------------------------------------------------------------


def _compare(op: str, left: Any, right: Any) -> bool:
    if isinstance(left, _OmittedValue) or isinstance(right, _OmittedValue):
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
    return Expression(_Parser(text, known_attributes).parse(), text)


def _walk(node: Node) -> Iterator[Node]:
    yield node
    if isinstance(node, Call):
        for arg in node.args:
            yield from _walk(arg)
    elif isinstance(node, Comparison):
        yield from _walk(node.left)
        yield from _walk(node.right)


def referenced_attributes(expression: Expression | Node) -> tuple[str, ...]:
    """The attribute names an expression reads, in order of appearance, without repeats."""
    root = expression.root if isinstance(expression, Expression) else expression
    seen: dict[str, str] = {}
    for node in _walk(root):
        if isinstance(node, AttributeRef) and node.name.lower() not in seen:
            seen[node.name.lower()] = node.name
    return tuple(seen.values())


def to_text(node: Node | Expression) -> str:
    """The canonical text of an expression: parse(to_text(e)) == e."""
    if isinstance(node, Expression):
        node = node.root
    match node:
        case StringLiteral(value=value):
            return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        case BooleanLiteral(value=value):
            return "true" if value else "false"
        case NumberLiteral(value=value):
            return str(value)
        case AttributeRef(name=name):
            return f"[{name}]"
        case Omitted():
            return ""
        case Call(name=name, args=args):
            return f"{name}({', '.join(to_text(a) for a in args)})"
        case Comparison(op=op, left=left, right=right):

            def side(n: Node) -> str:
                return f"({to_text(n)})" if isinstance(n, Comparison) else to_text(n)

            return f"{side(left)} {op} {side(right)}"
    raise TypeError(f"not an expression node: {node!r}")  # pragma: no cover
