"""The language of the CLI and the e-mail: chosen by --lang or the system, read through gettext.

`choose_language(explicit)` gives "fr" or "en"; `translator(language)` gives the `Translate`
function app.messages renders with, reading resources/locale/<lang>/LC_MESSAGES/
webex-provisioner.mo (built from the .po by scripts/build_translations.py). The CLI sets the
language of the process once (`set_language`, from --lang) and its commands print with
`cli_text(message)`. The window reads the same French through Qt (app.ui.i18n).
"""

from __future__ import annotations

import functools
import gettext
import os

from app.messages import Message, Translate, english
from app.paths import resources_dir

DOMAIN = "webex-provisioner"
LANGUAGES = ("en", "fr")  # English is the source language: it needs no catalogue
DEFAULT = "en"


def language_of(value: str) -> str | None:
    """The program's language for a locale name ("fr_FR.UTF-8" -> "fr"); None if it has none."""
    name = value.strip().split(".")[0].split("@")[0].replace("-", "_")
    if not name or name in ("C", "POSIX"):
        return None
    code = name.split("_")[0].lower()
    return code if code in LANGUAGES else None


def choose_language(explicit: str | None = None) -> str:
    """The --lang value, else LANGUAGE, LC_ALL, LC_MESSAGES, LANG in gettext's order.

    The first variable that is set decides, as in gettext (LANGUAGE may list several,
    "de:fr"); an unknown language, C or POSIX gives English.
    """
    if explicit:
        return language_of(explicit) or DEFAULT
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if not value:
            continue
        for part in value.split(":"):
            found = language_of(part)
            if found is not None:
                return found
        return DEFAULT
    return DEFAULT


def locale_dir() -> str:
    return str(resources_dir() / "locale")


@functools.cache
def translator(language: str) -> Translate:
    """The translation of templates into `language` (English: the identity)."""
    if language == DEFAULT:
        return english
    catalogue = gettext.translation(
        DOMAIN, localedir=locale_dir(), languages=[language], fallback=True
    )

    def translate(text: str, plural: str | None, n: int | None) -> str:
        if plural is None:
            return catalogue.gettext(text)
        return catalogue.ngettext(text, plural, 1 if n is None else n)

    return translate


_chosen: list[str] = []  # the language set for this process (the CLI's --lang), if any


def set_language(language: str) -> None:
    """The language the commands print in (app.cli, from --lang or the system)."""
    _chosen[:] = [language]


def current_language() -> str:
    return _chosen[0] if _chosen else choose_language(None)


def cli_text(message: Message) -> str:
    """`message` as the CLI prints it, in the language of the process."""
    return message.render(translator(current_language()), "cli")


__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "choose_language",
    "cli_text",
    "current_language",
    "language_of",
    "locale_dir",
    "set_language",
    "translator",
]
