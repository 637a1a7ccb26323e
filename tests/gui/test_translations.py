"""English and French: every string of the interface is translated, and --lang fr shows it."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from app.ui.i18n import install_translators, remove_translators
from app.ui.resources import translations_dir
from tests.support.gui import walk_to


def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()  # noqa: S314 - our own file
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return forms or [translation.text or ""]


def _untranslated(messages: list[tuple[str, ET.Element]]) -> list[tuple[str, str | None]]:
    missing = []
    for context, message in messages:
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        if translation.get("type") == "unfinished" or not all(t.strip() for t in _texts(message)):
            missing.append((context, message.findtext("source")))
    return missing


def test_every_string_has_a_french_translation() -> None:
    ts = translations_dir() / "webex_provisioner_fr.ts"
    messages = _messages(ts)
    assert len(messages) > 400
    assert _untranslated(messages) == []
    # Every string belongs to its class or module: an empty context is never looked up.
    assert [m.findtext("source") for context, m in messages if not context] == []
    assert (translations_dir() / "webex_provisioner_fr.qm").stat().st_size > 10_000


def test_the_catalog_has_every_string_of_the_sources(tmp_path: Path) -> None:
    """pyside6-lupdate over app/ui finds nothing new: no string was added without French."""
    script = Path(__file__).resolve().parents[2] / "scripts" / "build_translations.py"
    spec = importlib.util.spec_from_file_location("build_translations", script)
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    committed = translations_dir() / "webex_provisioner_fr.ts"
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    subprocess.run(
        [build.tool("pyside6-lupdate"), "-no-obsolete", *build.python_sources(), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    messages = _messages(fresh)
    assert _untranslated(messages) == []
    assert {(c, m.findtext("source")) for c, m in messages} == {
        (c, m.findtext("source")) for c, m in _messages(committed)
    }
    files = {
        Path(location.get("filename", "")).name
        for _context, message in messages
        for location in message.iter("location")
    }
    for name in (
        "window.py",
        "layout.py",
        "logs_view.py",
        "on_demand.py",
        "tray.py",
        "about.py",
        "chart.py",
    ):
        assert name in files, name


def test_french_typography() -> None:
    """A space before : ; ? ! and typographic apostrophes, as French text wants."""
    ts = translations_dir() / "webex_provisioner_fr.ts"
    tight = re.compile(r"[^\s\u00a0\u202f]([:;?!])(\s|$|<)")
    wrong = [
        text
        for _context, message in _messages(ts)
        for text in _texts(message)
        if tight.search(text) or "'" in text
    ]
    assert wrong == []


def test_french_wizard(qapp: QApplication, make_wizard, sandbox_defaults, qtbot: QtBot) -> None:
    translators = install_translators(qapp, "fr")
    try:
        assert translators, "the French catalog did not load"
        wizard = make_wizard(sandbox_defaults)
        assert wizard.windowTitle() == "Configuration du provisionnement Webex"
        assert wizard.currentPage().title() == "Bienvenue"
        # Qt's own strings are French too (qtbase_fr.qm): the wizard's Next button.
        next_text = wizard.button(QWizard.WizardButton.NextButton).text().replace("&", "")
        assert next_text.startswith("Suivant")
        page = walk_to(qtbot, wizard, "page-credentials")
        assert page.title() == "Informations d’identification de l’administrateur"
        assert page.fetch_button.text() == "&Obtenir mon orgId"
    finally:
        remove_translators(qapp, translators)
    assert QCoreApplication.translate("SetupWizard", "Start sync") == "Start sync"
