"""Alt+letter: on every wizard page, in Settings and on the dashboard, in English and in
French, each underlined letter is used once (else Alt+letter only cycles between the
controls that share it), and every push button has one."""

from __future__ import annotations

import asyncio
import re
from collections import defaultdict

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QPushButton,
    QTabBar,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from app.sandbox.server import SandboxServer
from app.ui.dashboard.bridge import DashboardBridge
from app.ui.dashboard.window import DashboardWindow
from app.ui.i18n import install_translators, remove_translators
from app.ui.tray import TrayController
from app.ui.wizard_draft import WizardDefaults
from tests.support.gui import click_next, history, settings_defaults

_MNEMONIC = re.compile(r"&(?!&)(.)")
# Push buttons that need no letter: Esc is the wizard's Cancel.
NO_LETTER_NEEDED = {"wizardCancel"}


def mnemonic(text: str) -> str:
    found = _MNEMONIC.search(text)
    return found.group(1).lower() if found else ""


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.window() is root.window()


def letters(root: QWidget) -> tuple[dict[str, list[str]], list[str]]:
    """The Alt letters of what `root` shows (buttons, group boxes, tabs, labels of a field),
    and the push buttons without one."""
    used: dict[str, list[str]] = defaultdict(list)
    without: list[str] = []
    for widget in root.findChildren(QWidget):
        if not _shown(widget, root):
            continue
        if isinstance(widget, QTabBar):
            text = ""
        elif isinstance(widget, QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            if not _shown(widget.buddy(), root):
                continue
            text = widget.text()
        else:
            continue
        if isinstance(widget, QTabBar):  # each tab's title: Alt+letter shows the tab
            for index in range(widget.count()):
                if widget.isTabVisible(index) and (letter := mnemonic(widget.tabText(index))):
                    used[letter].append(f"tab {widget.tabText(index)}")
            continue
        letter = mnemonic(text)
        name = widget.objectName() or text
        if letter:
            used[letter].append(f"{name} ({text})")
        elif (
            isinstance(widget, QPushButton)
            and widget.objectName() not in NO_LETTER_NEEDED
            and widget.text().strip()
        ):
            without.append(f"{name} ({text})")
    return used, without


def problems(root: QWidget, where: str) -> list[str]:
    used, without = letters(root)
    found = [
        f"{where}: Alt+{letter.upper()} is {' and '.join(names)}"
        for letter, names in sorted(used.items())
        if len(names) > 1
    ]
    found += [f"{where}: no Alt letter on {name}" for name in without]
    return found


def walk(qtbot: QtBot, wizard: QWizard, where: str) -> list[str]:
    """Every page of the wizard, as the admin sees it with the sandbox's defaults."""
    found: list[str] = []
    while True:
        page = wizard.currentPage()
        name = wizard.current_name()
        qtbot.waitUntil(page.isComplete, timeout=30_000)
        if name == "page-source":
            # Both sources' panels: the CSV file's and Microsoft Entra ID's.
            found += problems(wizard, f"{where} {name} (CSV)")
            wizard.findChild(QAbstractButton, "sourceEntra").click()
            found += problems(wizard, f"{where} {name} (Entra ID)")
            wizard.findChild(QAbstractButton, "sourceCsv").click()
            qtbot.waitUntil(page.isComplete, timeout=30_000)
        elif name == "page-mappings":
            page.table.selectRow(1)
            wizard.findChild(QAbstractButton, "removeMapping").click()  # Undo shows
            found += problems(wizard, f"{where} {name}")
            wizard.findChild(QAbstractButton, "undoMappings").click()
        else:
            found += problems(wizard, f"{where} {name}")
        if name == "page-review" or wizard.currentPage().isCommitPage():
            break
        click_next(qtbot, wizard, timeout=30_000)
    return found


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_page_has_unique_alt_letters(
    qapp: QApplication,
    make_wizard,
    sandbox: SandboxServer,
    sandbox_defaults: WizardDefaults,
    qtbot: QtBot,
    language: str,
) -> None:
    translators = install_translators(qapp, language)
    try:
        if language == "fr":
            assert translators, "the French catalog did not load"
        found = walk(qtbot, make_wizard(sandbox_defaults), f"[{language}] set-up")
        found += walk(qtbot, make_wizard(settings_defaults(sandbox)), f"[{language}] Settings")
    finally:
        remove_translators(qapp, translators)
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_dashboard_has_unique_alt_letters(
    qapp: QApplication, qloop: asyncio.AbstractEventLoop, qtbot: QtBot, language: str
) -> None:
    history()  # two weeks of cycles, the last one held: Allow deletions shows
    translators = install_translators(qapp, language)
    try:
        window = DashboardWindow(
            DashboardBridge(qloop.tasks),  # type: ignore[attr-defined]
            tray=TrayController(available=False),
            run_schedules=False,
        )
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.snapshotShown, timeout=10_000):
            window.reload()
        found = problems(window, f"[{language}] dashboard")
    finally:
        remove_translators(qapp, translators)
    assert found == [], "\n".join(found)
