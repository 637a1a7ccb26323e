"""English left in a French window: a word-list check over the texts a view shows.

The words are English words that are never French ("the", "with", "was" ...): a line that
still holds one, once the data is taken out of it (addresses, URLs, JSON, quoted values,
the modified properties "path: old -> new", product names), is an English sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

ENGLISH_WORDS = (
    "the",
    "and",
    "is",
    "not",
    "with",
    "your",
    "users",
    "was",
    "are",
    "this",
    "that",
    "will",
    "has",
    "have",
    "would",
    "were",
    "been",
    "which",
    "when",
    "from",
    "for",
    "it",
    "its",
    "by",
    "at",
    "of",
    "to",
    "there",
    "than",
    "should",
    "must",
    "could",
)
_WORD = re.compile(r"\b(" + "|".join(ENGLISH_WORDS) + r")\b", re.IGNORECASE)

# Data and names, never translated: taken out of a line before its words are looked at.
DATA = (
    re.compile(r"\b[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE),  # a URL
    re.compile(r"\S+@\S+"),  # an e-mail address, a user name
    re.compile(r"\{.*\}"),  # a JSON payload
    re.compile(r'"[^"]*"'),  # a quoted value
    re.compile(r"^\s*[\w.\[\]=\" ]+: .* -> .*$"),  # a modified property: path: old -> new
    re.compile(r"(?:^|\s)(?:/|[A-Za-z]:\\)\S+"),  # a file's path
    re.compile(r"\S+\.csv\b"),  # a file's name
    re.compile(r"Qt for Python \(PySide6-Essentials\) and Qt"),  # product names
    re.compile(r"\bSCIM \(Users\)"),  # SCIM's resource of users
    re.compile(r"^Copyright .*$"),
)


def without_data(line: str) -> str:
    for pattern in DATA:
        line = pattern.sub(" ", line)
    return line


def english_lines(texts: Iterable[str]) -> list[str]:
    """The lines of `texts` that hold an English word outside their data."""
    found = []
    for text in texts:
        if "\nLicence : " in text or "\nLicense: " in text:
            continue  # a licence's own text, in the language it was written in
        for line in text.replace("&", "").splitlines():
            words = _WORD.findall(without_data(line))
            # An acronym in capitals ("IT", a department) is data, not the word.
            if any(not (word.isupper() and len(word) > 1) for word in words):
                found.append(line.strip())
    return found
