"""Issue 23 in the window: the deletion guard and provisioning status Off, driven by
objectNames on the sandbox (review page, dashboard)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QPushButton, QWizard
from pytestqt.qtbot import QtBot

from app.sandbox.server import SandboxServer
from app.ui.wizard import WizardDefaults

from .conftest import walk_to


def test_review_with_status_off_says_nothing_is_sent_and_saves_without_syncing(
    make_wizard, sandbox: SandboxServer, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    from app.config.store import ProfileStore

    wizard = make_wizard(sandbox_defaults)
    walk_to(qtbot, wizard, "page-scope")
    status = wizard.findChild(QComboBox, "provisioningStatus")
    status.setCurrentIndex(status.findData(False))
    users_before = len(sandbox.users())
    sandbox.reset_requests()
    page = walk_to(qtbot, wizard, "page-review")
    qtbot.waitUntil(lambda: page.draft.plan is not None, timeout=20_000)

    note = wizard.findChild(object, "reviewStatusOff")
    assert note.isVisible()
    assert "Provisioning status is Off: nothing will be sent to Webex." in note.text()
    assert "Nothing will be sent" in wizard.findChild(object, "reviewMessage").text()
    start = wizard.findChild(QPushButton, "startSync")
    assert not start.isVisible()
    save = wizard.button(QWizard.WizardButton.FinishButton)
    assert save.objectName() == "wizardFinish"
    assert save.isVisible() and save.isEnabled()
    assert save.text().replace("&", "") == "Save without syncing"
    wizard.grab().save("/tmp/F-review-off.png")

    with qtbot.waitSignal(wizard.finished, timeout=10_000):
        save.click()
    assert ProfileStore().load("sandbox").provisioning_enabled is False
    assert [r for r in sandbox.requests if r.method != "GET"] == []
    assert len(sandbox.users()) == users_before


def test_review_with_status_on_keeps_start_sync(
    make_wizard, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    page = walk_to(qtbot, wizard, "page-review")
    qtbot.waitUntil(page.isComplete, timeout=20_000)
    assert not wizard.findChild(object, "reviewStatusOff").isVisible()
    assert not wizard.findChild(object, "reviewHoldWarning").isVisible()
    start = wizard.findChild(QPushButton, "startSync")
    assert start.isVisible() and start.text() == "Start sync"
    assert not wizard.button(QWizard.WizardButton.FinishButton).isVisible()
