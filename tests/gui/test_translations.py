"""English and French: every string of the interface is translated, and --lang fr shows it."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from app.ui.i18n import install_translators, remove_translators
from app.ui.resources import translations_dir

from .conftest import walk_to


def test_every_string_has_a_french_translation() -> None:
    ts = translations_dir() / "webex_provisioner_fr.ts"
    messages = list(ET.parse(ts).getroot().iter("message"))  # noqa: S314 - our own file
    assert len(messages) > 300
    untranslated = []
    for message in messages:
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        forms = "".join(form.text or "" for form in translation.iter("numerusform"))
        text = (translation.text or "").strip() or forms
        if translation.get("type") == "unfinished" or not text.strip():
            untranslated.append(message.findtext("source"))
    assert untranslated == []
    assert (translations_dir() / "webex_provisioner_fr.qm").stat().st_size > 10_000


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
