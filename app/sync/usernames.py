"""userNames Webex would store but nobody could read back: invisible characters, and letters of
another script hidden in an address (issue 22). Checked on every mapped user, whatever the
source, before anything is sent.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from app.errors import InputError
from app.messages import Message
from app.sync import input_messages as said

# Invisible although not in a "format" or "separator" category: Hangul fillers, the braille
# blank, the combining grapheme joiner, and the variation selectors.
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f")
_VARIATION_SELECTORS = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF), (0x180B, 0x180F))
# Unicode categories nobody can see or type: controls, format characters (zero-width space
# and joiners, the byte order mark, the soft hyphen, the bidirectional controls LRE ... PDI,
# LRM, RLM, ALM, tags), surrogates, private use, unassigned, and separators (spaces).
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})
# Scripts that are written together: Japanese mixes kanji and both kana.
# (Half- and full-width forms of letters other than Latin are East Asian ones.)
_SCRIPT_FAMILIES = dict.fromkeys(
    ("HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "HALFWIDTH", "FULLWIDTH"), "CJK"
)
# Compatibility forms of Latin letters: look like the letter, are another address.
_WIDTH_FORMS = ("FULLWIDTH", "HALFWIDTH")


class UnreadableUserName(InputError):
    """A userName that would be stored but not read back as written: one user is refused."""

    def __init__(self, user_name: str, problem: UserNameProblem, row: int | None = None) -> None:
        what: dict[str, str | int | Message] = {
            "user_name": shown(user_name),
            "character": problem.character,
            "position": problem.position,
            "reason": problem.reason,
        }
        super().__init__(
            said.USER_NAME_ROW(row=row, **what) if row is not None else said.USER_NAME(**what),
            problem.next_step,
        )
        self.user_name = user_name
        self.problem = problem
        self.row = row


@dataclass(frozen=True, slots=True)
class UserNameProblem:
    character: str  # "U+200B ZERO WIDTH SPACE"
    position: int  # 1-based
    reason: Message  # plain words, lower case
    next_step: Message


def character_name(char: str) -> str:
    """U+200B ZERO WIDTH SPACE; U+0000 for a control character (which has no name)."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X}"


def shown(user_name: str) -> str:
    """The userName in quotes, each invisible character written as \\u200b."""
    return (
        '"'
        + "".join(f"\\u{ord(c):04x}" if c != " " and _invisible(c) else c for c in user_name)
        + '"'
    )


def _invisible(char: str) -> bool:
    if char in _INVISIBLE_LETTERS:
        return True
    code = ord(char)
    if any(low <= code <= high for low, high in _VARIATION_SELECTORS):
        return True
    return unicodedata.category(char) in _INVISIBLE_CATEGORIES


def _script(char: str) -> str | None:
    """The script of a letter, from its Unicode name (LATIN, CYRILLIC, GREEK, FULLWIDTH,
    CJK ...); None for anything else (digits, punctuation, marks)."""
    if not unicodedata.category(char).startswith("L"):
        return None
    name = unicodedata.name(char, "")
    if not name:
        return None
    first = name.split(" ", 1)[0]
    if first in _WIDTH_FORMS and "LATIN" in name:
        return first
    if first == "CJK" or first in _SCRIPT_FAMILIES:
        return _SCRIPT_FAMILIES.get(first, "CJK")
    return first


def user_name_problem(user_name: str) -> UserNameProblem | None:
    """Why Webex would store `user_name` but nobody could read it back, or None."""
    if user_name.isascii() and user_name.isprintable() and " " not in user_name:
        return None  # the common address: nothing to look at
    for position, char in enumerate(user_name, start=1):
        if _invisible(char):
            space = unicodedata.category(char).startswith("Z")
            return UserNameProblem(
                character_name(char),
                position,
                said.SPACE() if space else said.INVISIBLE(),
                said.REMOVE_IT(),
            )
    position = 0
    for part in _parts(user_name):
        scripts: dict[str, tuple[int, str]] = {}  # script -> its first letter
        for offset, char in enumerate(part):
            script = _script(char)
            if script is None:
                continue
            where = position + offset + 1
            if script in _WIDTH_FORMS:
                plain = unicodedata.normalize("NFKC", char)
                return UserNameProblem(
                    character_name(char),
                    where,
                    said.FULL_WIDTH(plain=repr(plain)),
                    said.WRITE_PLAIN(plain=repr(plain)),
                )
            scripts.setdefault(script, (where, char))
        if len(scripts) > 1:
            # The letters of the script in the minority are the ones that look out of place.
            main = max(scripts, key=lambda s: sum(1 for c in part if _script(c) == s))
            odd = next(s for s in scripts if s != main)
            where, char = scripts[odd]
            return UserNameProblem(
                character_name(char),
                where,
                said.MIXED_SCRIPTS(odd=odd.title(), main=main.title()),
                said.ONE_SCRIPT(main=main.title()),
            )
        position += len(part) + 1
    return None


def _parts(user_name: str) -> list[str]:
    """The local part and each label of the domain: each may be in its own script."""
    local, at, domain = user_name.rpartition("@")
    return [local, *domain.split(".")] if at else user_name.split(".")


def check_user_name(user_name: object, row: int | None = None) -> None:
    """Raise UnreadableUserName when the userName about to be sent cannot be read back."""
    if not isinstance(user_name, str):
        return
    problem = user_name_problem(user_name)
    if problem is not None:
        raise UnreadableUserName(user_name, problem, row)


__all__ = [
    "UnreadableUserName",
    "UserNameProblem",
    "character_name",
    "check_user_name",
    "shown",
    "user_name_problem",
]
