"""The word-list check that finds English left in a French window (tests/gui/english.py)."""

from __future__ import annotations

from tests.gui.english import english_lines


def test_an_english_sentence_is_found_and_french_is_not() -> None:
    texts = [
        "Le jeton a été refusé. Collez un nouveau jeton.",
        "The token was rejected.\nCollez un nouveau jeton.",
        "Read users.csv: 18 users, 0 groups.",
    ]
    assert english_lines(texts) == [
        "The token was rejected.",
        "Read users.csv: 18 users, 0 groups.",
    ]


def test_data_and_names_are_not_sentences() -> None:
    texts = [
        "lea.fontaine@example.com",
        "https://webexapis.com/identity/scim/of-the-org/v2/",
        "active: true -> false",
        '      title: "Head of the team" -> "Head of sales"',
        'Charge utile : {"title": "Head of the team"}',
        "/tmp/the-folder/users.csv",
        "IT",
        "Lecture SCIM (Users)",
        "Qt for Python (PySide6-Essentials) and Qt 6.11.3 — LGPL-3.0-only",
        "Copyright (C) The Qt Company Ltd.",
        "Qt\nVersion 6.11.3\nLicence : LGPL-3.0-only\n\nThis is the licence's own text.",
    ]
    assert english_lines(texts) == []
