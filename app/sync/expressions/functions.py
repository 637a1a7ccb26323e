"""The functions of Entra's expression language: signatures, semantics, implementations.

Each function is a FunctionSpec in FUNCTIONS: the parser checks a call's arguments against
it, the evaluator calls its implementation with the argument values. Function names are
case-sensitive as in Entra.

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

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from app.messages import Message
from app.sync import expression_messages as said
from app.sync.expressions.values import OMITTED, as_text, is_empty, to_bool

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
        return self.arity().english

    def arity(self) -> Message:
        """How many arguments the function takes, in words (a coded message)."""
        names = ", ".join(self.params)
        if self.name == "Switch":
            return said.ARITY_SWITCH(names=names)
        if self.max_args is None:
            return said.ARITY_AT_LEAST(function=self.name, count=self.min_args, names=names)
        if self.min_args == self.max_args:
            return said.ARITY_EXACTLY(function=self.name, count=self.min_args, names=names)
        return said.ARITY_BETWEEN(
            function=self.name, low=self.min_args, count=self.max_args, names=names
        )

    def accepts(self, count: int) -> bool:
        if count < self.min_args or (self.max_args is not None and count > self.max_args):
            return False
        return not (self.name == "Switch" and count % 2)


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
