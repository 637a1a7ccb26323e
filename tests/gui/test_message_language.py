"""The coded messages in the window: Qt's "Messages" catalogue, built from the same .po as
the CLI's, gives their French once the translators are installed; English without them."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from app.checks import CheckResult
from app.directory.entra_checks import USERS
from app.ui.i18n import install_translators, remove_translators, tr_check, tr_message
from app.ui.wizard_draft import WizardDefaults
from app.webex import check_messages as say
from tests.support.gui import walk_to


def test_messages_follow_the_window_language(qapp: QApplication) -> None:
    check = CheckResult.of("person", say.TITLES["person"](), "failed", say.BOT(), say.BOT_NEXT(), 3)
    assert tr_message(USERS(count=1)) == "1 user"
    assert tr_message(USERS(count=2)) == "2 users"
    assert tr_check(check) == check  # English: the sentences the engine made
    translators = install_translators(qapp, "fr")
    try:
        assert tr_message(USERS(count=1)) == "1 utilisateur"
        assert tr_message(USERS(count=2)) == "2 utilisateurs"
        assert tr_message(say.REPORT_FAILED(count=2)) == "Résultat : 2 vérifications ont échoué."
        french = tr_check(check)
        assert french.title == "Jeton d’une personne, pas d’un bot"
        assert french.reason == "Le jeton appartient à un bot : un bot ne peut pas provisionner."
        assert french.next_step.startswith("Utilisez le jeton d’un administrateur")
        assert (french.id, french.status, french.exit_code) == ("person", "failed", 3)
    finally:
        remove_translators(qapp, translators)
    assert tr_message(USERS(count=2)) == "2 users"


def test_the_wizard_connection_report_in_french(
    qapp: QApplication, make_wizard, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    translators = install_translators(qapp, "fr")
    try:
        wizard = make_wizard(sandbox_defaults)
        page = walk_to(qtbot, wizard, "page-credentials")
        wizard.findChild(QLineEdit, "secretToken").setText(sandbox_defaults.token)
        button = wizard.findChild(QPushButton, "testConnection")
        qtbot.waitUntil(button.isEnabled, timeout=5_000)
        button.click()
        qtbot.waitUntil(lambda: page.report_model.rowCount() > 0, timeout=15_000)
        reasons = {check.id: check.reason for check in page.report_model.checks()}
        assert reasons["person"] == "Le jeton appartient à une personne."
        assert reasons["url"].startswith("Locataire Webex, organisation ")
    finally:
        remove_translators(qapp, translators)
