"""Messages with stable codes: what the program says to a person, as data, in any language.

A module declares each sentence once, at import time, with `message(code, english, ...)`:

    TOKEN_IS = message("check.token.owner", "The token is {who}'s.")
    report(TOKEN_IS(who="Ada"))          # a Message: code + parameters

The English text is a `str.format` template with named fields. A `Message` keeps the code and
the parameters (str, int, float, or a nested Message); its English rendering (`str(msg)`,
`msg.english`) is the sentence the program always printed, and `render(translate, medium)`
gives it in another language: `translate(text, plural, n)` returns the translated template
(gettext for the CLI and the e-mail, Qt for the window; see app.language and app.ui.i18n).
`to_dict()` / `from_dict()` carry a message through JSON (logs, state, --json): a message read
back by a version that no longer knows its code is rendered from the English stored with it.

Every template is in CATALOGUE (code -> Template); scripts/build_translations.py extracts it
into the gettext and Qt catalogues, and tests/unit/test_message_catalogue.py checks that each
has its French text.
"""

from __future__ import annotations

import string
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

Medium = Literal["cli", "gui", "mail"]


class Translate(Protocol):
    """The translated template of `text` (English: `text` itself; with a `plural`, the form
    for `n`)."""

    def __call__(self, text: str, plural: str | None, n: int | None) -> str: ...


def english(text: str, plural: str | None, n: int | None) -> str:
    """The identity translation: English, with English's plural rule."""
    if plural is not None and n is not None and n != 1:
        return plural
    return text


class MessageError(ValueError):
    """A template or a message built wrong: a programming error, caught by the tests."""


def _fields(template: str) -> frozenset[str]:
    names: set[str] = set()
    for _, name, _, _ in string.Formatter().parse(template):
        if name is None:
            continue
        if not name or not name.isidentifier():
            raise MessageError(f"{template!r}: fields must be named ({{name}}), not {name!r}")
        names.add(name)
    return frozenset(names)


@dataclass(frozen=True)
class Template:
    """One sentence of the program: its stable code, its English text, and its variants."""

    code: str
    english: str
    plural: str | None = None
    count: str | None = None
    gui: str | None = None
    fields: frozenset[str] = field(default=frozenset(), compare=False)
    module: str = field(default="", compare=False)  # where it is declared

    def __call__(self, **params: str | int | float | Message) -> Message:
        given = frozenset(params)
        if given != self.fields:
            missing, unknown = self.fields - given, given - self.fields
            raise MessageError(
                f"{self.code}: missing {sorted(missing)}, unknown {sorted(unknown)} parameters"
            )
        for name, value in params.items():
            if not isinstance(value, str | int | float | Message):
                raise MessageError(f"{self.code}: {name} is a {type(value).__name__}")
        return Message(self.code, tuple(sorted(params.items())), self.english_for(params))

    def english_for(self, params: Mapping[str, Any]) -> str:
        return self.text_for("cli", english, params)

    def text_for(self, medium: Medium, translate: Translate, params: Mapping[str, Any]) -> str:
        """This template in `medium`, translated, with its parameters filled in."""
        text = self.gui if medium == "gui" and self.gui is not None else self.english
        n = int(params[self.count]) if self.count is not None else None
        plural = self.plural if medium != "gui" or self.gui is None else None
        translated = translate(text, plural, n)
        values = {
            name: value.render(translate, medium) if isinstance(value, Message) else value
            for name, value in params.items()
        }
        return translated.format(**values)

    def msgids(self) -> list[tuple[str, str | None]]:
        """The catalogue entries: (text, plural) for the English text and the gui variant."""
        ids: list[tuple[str, str | None]] = [(self.english, self.plural)]
        if self.gui is not None:
            ids.append((self.gui, None))
        return ids


CATALOGUE: dict[str, Template] = {}


def message(
    code: str,
    english: str,
    *,
    plural: str | None = None,
    count: str | None = None,
    gui: str | None = None,
) -> Template:
    """Declare a sentence (at import time) and register it in CATALOGUE under `code`."""
    names = _fields(english)
    if (plural is None) != (count is None):
        raise MessageError(f"{code}: a plural needs its count parameter, and the other way")
    if plural is not None and _fields(plural) != names:
        raise MessageError(f"{code}: the plural has other fields than the singular")
    if count is not None and count not in names:
        raise MessageError(f"{code}: the count {count!r} is not a field of the text")
    if gui is not None and plural is not None:
        raise MessageError(f"{code}: a gui variant has no plural form; declare two messages")
    if gui is not None and _fields(gui) != names:
        raise MessageError(f"{code}: the gui variant has other fields than the text")
    module = str(sys._getframe(1).f_globals.get("__name__", ""))
    template = Template(code, english, plural, count, gui, names, module)
    known = CATALOGUE.get(code)
    if known is not None and known != template:
        raise MessageError(f"{code} is declared twice with different texts")
    CATALOGUE[code] = template
    return template


@dataclass(frozen=True)
class Message:
    """A sentence to show: its code, its parameters, and the English it had when made."""

    code: str
    params: tuple[tuple[str, str | int | float | Message], ...]
    stored_english: str = field(default="", compare=False)

    @property
    def english(self) -> str:
        return self.render(english, "cli")

    def __str__(self) -> str:
        return self.english

    def param(self, name: str) -> str | int | float | Message:
        return dict(self.params)[name]

    def render(self, translate: Translate, medium: Medium = "cli") -> str:
        """The sentence in the language of `translate`, as `medium` says it."""
        template = CATALOGUE.get(self.code)
        if template is None or frozenset(name for name, _ in self.params) != template.fields:
            # Written by another version of the program: its English is all there is.
            return self.stored_english
        return template.text_for(medium, translate, dict(self.params))

    def to_dict(self) -> dict[str, Any]:
        params = {
            name: value.to_dict() if isinstance(value, Message) else value
            for name, value in self.params
        }
        return {"code": self.code, "params": params, "english": self.english}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Message:
        params: list[tuple[str, str | int | float | Message]] = []
        for name, value in dict(data.get("params") or {}).items():
            if isinstance(value, Mapping):
                params.append((str(name), cls.from_dict(value)))
            elif isinstance(value, str | int | float):
                params.append((str(name), value))
            else:
                params.append((str(name), str(value)))
        return cls(str(data["code"]), tuple(sorted(params)), str(data.get("english", "")))


__all__ = [
    "CATALOGUE",
    "Medium",
    "Message",
    "MessageError",
    "Template",
    "Translate",
    "english",
    "message",
]
