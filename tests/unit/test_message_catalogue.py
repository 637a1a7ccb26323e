"""The coded messages' French catalogue (resources/locale/): every code translated, nothing
unused, no English left, French typography, and the committed .mo built from the .po."""

from __future__ import annotations

import importlib.util
import re
import string
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog, Message

from app.messages import CATALOGUE

ROOT = Path(__file__).resolve().parents[2]
# Words that are never French: one of them in a translation is English left behind.
ENGLISH_WORDS = (
    " the ",
    " and ",
    " is ",
    " not ",
    " with ",
    " your ",
    "please",
    " which ",
    " cannot ",
    " was ",
    " were ",
    " does ",
    " should ",
    " first ",
    " found ",
    " token ",
    " check ",
)


@pytest.fixture(scope="module")
def build() -> ModuleType:
    """scripts/build_translations.py; loading it imports every module of app/ outside app/ui,
    so CATALOGUE holds every message of the program."""
    script = ROOT / "scripts" / "build_translations.py"
    spec = importlib.util.spec_from_file_location("build_translations", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.collect_messages()
    return module


@pytest.fixture(scope="module")
def french(build: ModuleType) -> Catalog:
    catalog: Catalog = build.read_language("fr")
    return catalog


def _entries(catalog: Catalog) -> list[Message]:
    return [entry for entry in catalog if entry.id]


def _forms(entry: Message) -> list[str]:
    return list(entry.string) if isinstance(entry.string, tuple | list) else [entry.string]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _singular(entry: Message) -> str:
    return str(entry.id[0] if isinstance(entry.id, tuple | list) else entry.id)


def test_every_code_has_its_french(french: Catalog) -> None:
    missing = []
    for code, template in CATALOGUE.items():
        if not template.module.startswith("app."):
            continue  # declared by the tests themselves
        for text, plural in template.msgids():
            entry = french.get(text)
            forms = _forms(entry) if entry is not None else []
            if entry is None or entry.fuzzy or not forms or not all(f.strip() for f in forms):
                missing.append((code, text))
                continue
            if plural is not None and (len(forms) != 2 or entry.id != (text, plural)):
                missing.append((code, f"{text} (both plural forms)"))
            for form in forms:
                if _fields(form) != _fields(text):
                    missing.append((code, f"{form!r} has other fields than {text!r}"))
    assert missing == []


def test_no_entry_is_unused(french: Catalog) -> None:
    used = {
        text
        for template in CATALOGUE.values()
        if template.module.startswith("app.")
        for text, _ in template.msgids()
    }
    assert [_singular(e) for e in _entries(french) if _singular(e) not in used] == []


def test_no_english_left_in_french(french: Catalog) -> None:
    english = [
        form
        for entry in _entries(french)
        for form in _forms(entry)
        if any(word in f" {form.lower()} " for word in ENGLISH_WORDS)
    ]
    assert english == []


def test_french_typography(french: Catalog) -> None:
    """A space before : ; ? ! and typographic apostrophes, as tests/gui/test_translations.py
    asks of the window's catalogue."""
    tight = re.compile(r"[^\s\u00a0\u202f]([:;?!])(\s|$|<)")
    wrong = [
        form
        for entry in _entries(french)
        for form in _forms(entry)
        if tight.search(form) or "'" in form
    ]
    assert wrong == []


def test_the_committed_mo_is_built_from_the_po(build: ModuleType, french: Catalog) -> None:
    mo = build.po_path("fr").with_suffix(".mo")
    assert mo.read_bytes() == build.mo_bytes(french)
    ts, _qm = build.qt_paths("fr")
    assert ts.read_bytes() == build.qt_ts(french, "fr")


def test_the_template_lists_every_message(build: ModuleType) -> None:
    pot = build.LOCALE / f"{build.DOMAIN}.pot"
    fresh = build.po_text(build.collect_messages())
    assert build.without_dates(pot.read_bytes()) == build.without_dates(fresh)
