#!/usr/bin/env python3
"""Build the translations: the window's (Qt) and the coded messages' (gettext and Qt).

    python scripts/build_translations.py            build everything below
    python scripts/build_translations.py --update   first collect new strings from app/ui
                                                    into the .ts files (pyside6-lupdate)

The window: resources/translations/*.ts -> .qm (pyside6-lrelease).
The coded messages (app.messages.CATALOGUE, declared by the modules of app/ outside app/ui):
  resources/locale/webex-provisioner.pot               extracted from the catalogue (Babel)
  resources/locale/<lang>/LC_MESSAGES/webex-provisioner.po   the translations, written once:
                                                       updated from the .pot (new entries
                                                       empty, unused ones dropped)
  resources/locale/<lang>/LC_MESSAGES/webex-provisioner.mo   compiled (the CLI, the e-mail)
  resources/locale/qt/messages_<lang>.ts / .qm          the same .po for the window (context
                                                       "Messages", numerus forms for plurals)

The tools come with PySide6 and Babel in the virtual environment (./dev runs this after
install). The built files are committed too, so that a checkout works without building; a
file is rewritten only when its content (dates aside) changes.
"""

from __future__ import annotations

import argparse
import importlib
import io
import pkgutil
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

import app
from app.messages import CATALOGUE

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LOCALE = ROOT / "resources" / "locale"
SOURCES = [
    ROOT / "app" / "ui",
    ROOT / "app" / "commands" / "gui.py",
    ROOT / "app" / "config" / "settings.py",  # the wizard's labels of the profile settings
]
LANGUAGES = ("fr",)
DOMAIN = "webex-provisioner"
QT_CONTEXT = "Messages"  # app.ui.i18n.qt_translate looks the messages up in this context
# Modules that declare no message and must not be imported to collect them.
NOT_COLLECTED = ("app.ui", "app.__main__")
POT_HEADER = (
    "# The coded messages of webex-provisioner (app.messages.CATALOGUE), extracted by\n"
    "# scripts/build_translations.py: do not edit; translate in <lang>/LC_MESSAGES/*.po."
)
PO_HEADER = (
    "# {language} of webex-provisioner's coded messages (app/messages.py), written here once:\n"
    "# scripts/build_translations.py updates the entries and builds the .mo and the Qt .qm."
)
PLURAL_FORMS = {"fr": "nplurals=2; plural=(n > 1);"}
DATE_LINES = ('"POT-Creation-Date:', '"PO-Revision-Date:')


def tool(name: str) -> str:
    """The PySide6 tool beside this Python (the venv), else one on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} was not found: install PySide6 in this environment first.")
    return found


def python_sources() -> list[str]:
    files: list[Path] = []
    for source in SOURCES:
        files.extend(sorted(source.rglob("*.py")) if source.is_dir() else [source])
    return [str(path) for path in files]


def update() -> None:
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"webex_provisioner_{language}.ts"
        subprocess.run(  # noqa: S603 - our own tool and file names
            [tool("pyside6-lupdate"), "-no-obsolete", *python_sources(), "-ts", str(ts)],
            check=True,
        )


def release() -> None:
    for ts in sorted(TRANSLATIONS.glob("webex_provisioner_*.ts")):
        qm = ts.with_suffix(".qm")
        lrelease(ts, qm)
        print(f"{qm.relative_to(ROOT)}")


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(  # noqa: S603 - our own tool and file names
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True
    )


# -- the coded messages ------------------------------------------------------------------------


def collect_messages() -> Catalog:
    """Import every module of app/ (outside app/ui) and return the catalogue as a .pot."""
    for module in pkgutil.walk_packages(app.__path__, "app."):
        if not module.name.startswith(NOT_COLLECTED):
            importlib.import_module(module.name)
    template = Catalog(
        project="webex-provisioner", locale=None, fuzzy=False, header_comment=POT_HEADER
    )
    for code in sorted(CATALOGUE):
        if not CATALOGUE[code].module.startswith("app."):
            continue  # declared by a test
        for text, plural in CATALOGUE[code].msgids():
            msgid: str | tuple[str, str] = (text, plural) if plural is not None else text
            known = template.get(msgid)
            if known is not None:
                known.auto_comments.append(code)
            else:
                template.add(msgid, auto_comments=[code], flags=["python-brace-format"])
    return template


def po_text(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, ignore_obsolete=True, include_previous=False)
    return out.getvalue()


def without_dates(data: bytes) -> list[bytes]:
    return [
        line
        for line in data.splitlines()
        if not line.startswith(tuple(d.encode() for d in DATE_LINES))
    ]


def write_if_changed(path: Path, data: bytes, *, dates: bool = False) -> None:
    """Write `data` unless the file holds the same (for .pot/.po: the same apart from dates)."""
    if path.exists():
        old = path.read_bytes()
        if old == data or (dates and without_dates(old) == without_dates(data)):
            return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(f"{path.relative_to(ROOT)}")


def po_path(language: str, root: Path = LOCALE) -> Path:
    return root / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def update_po(template: Catalog, language: str) -> None:
    """The .po of `language` brought up to the template: new entries empty, unused dropped."""
    path = po_path(language)
    if path.exists():
        with path.open("rb") as file:
            catalog = read_po(file, locale=language, domain=DOMAIN)
    else:
        catalog = Catalog(
            locale=language,
            domain=DOMAIN,
            project="webex-provisioner",
            fuzzy=False,
            header_comment=PO_HEADER.format(language=language),
        )
        # Qt's numerus forms for the language, so that one .po serves gettext and Qt alike
        # (CLDR's French has a third form, for millions, that Qt does not know).
        catalog.mime_headers = [("Plural-Forms", PLURAL_FORMS[language])]
    catalog.update(template, no_fuzzy_matching=True)
    write_if_changed(path, po_text(catalog), dates=True)


def read_language(language: str, root: Path = LOCALE) -> Catalog:
    with po_path(language, root).open("rb") as file:
        return read_po(file, locale=language, domain=DOMAIN)


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def qt_ts(catalog: Catalog, language: str) -> bytes:
    """The .po as a Qt .ts: one context, a numerus message for each plural."""
    root = ET.Element("TS", version="2.1", language=f"{language}_{language.upper()}")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = QT_CONTEXT
    for entry in catalog:
        if not entry.id:
            continue  # the header
        element = ET.SubElement(context, "message")
        singular = entry.id[0] if isinstance(entry.id, tuple | list) else entry.id
        ET.SubElement(element, "source").text = singular
        ET.SubElement(element, "extracomment").text = " ".join(entry.auto_comments)
        translation = ET.SubElement(element, "translation")
        if entry.fuzzy or not any(
            entry.string if isinstance(entry.string, tuple | list) else [entry.string]
        ):
            translation.set("type", "unfinished")
        if isinstance(entry.id, tuple | list):
            element.set("numerus", "yes")
            for form in entry.string:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = str(entry.string)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n").encode()


def qt_paths(language: str, root: Path = LOCALE) -> tuple[Path, Path]:
    folder = root / "qt"
    return folder / f"messages_{language}.ts", folder / f"messages_{language}.qm"


def compile_language(language: str, root: Path = LOCALE, source: Path = LOCALE) -> None:
    """The .mo and the Qt .ts/.qm of `language`, from its .po under `source`, into `root`."""
    catalog = read_language(language, source)
    mo = po_path(language, root).with_suffix(".mo")
    mo.parent.mkdir(parents=True, exist_ok=True)
    if not mo.exists() or mo.read_bytes() != mo_bytes(catalog):
        mo.write_bytes(mo_bytes(catalog))
    ts, qm = qt_paths(language, root)
    ts.parent.mkdir(parents=True, exist_ok=True)
    data = qt_ts(catalog, language)
    if not ts.exists() or ts.read_bytes() != data or not qm.exists():
        ts.write_bytes(data)
        lrelease(ts, qm)


def build_messages() -> None:
    template = collect_messages()
    write_if_changed(LOCALE / f"{DOMAIN}.pot", po_text(template), dates=True)
    for language in LANGUAGES:
        update_po(template, language)
        compile_language(language)
        print(f"{po_path(language).relative_to(ROOT).with_suffix('.mo')}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--update", action="store_true", help="collect new strings into the .ts files first"
    )
    args = parser.parse_args()
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    if args.update:
        update()
    release()
    build_messages()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
