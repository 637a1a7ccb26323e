"""Keyboard only: Tab walks every wizard page and the dashboard in reading order, reaches
every input and button, never gets stuck in a table, and each stop has a name a screen
reader can read."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QRadioButton,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from app.ui.dashboard.bridge import DashboardBridge
from app.ui.dashboard.window import DashboardWindow
from app.ui.tray import TrayController
from app.ui.wizard_draft import WizardDefaults
from tests.support.gui import click_next, history

# What Tab reaches on each page, in order, with the sandbox's defaults filled in (controls
# that are disabled at that moment, such as Pause after the sync, are skipped by Qt).
PAGE_ORDER = {
    "page-welcome": ["targetWebex", "profileName"],
    "page-source": [
        "sourceCsv",
        "csvPath",
        "browseCsv",
        "csvEncoding",
        "csvUserNameColumn",
        "skipInvalidRows",
        "csvPreview",
    ],
    "page-credentials": [
        "tenantUrl",
        "secretToken",
        "secretTokenShow",
        "fetchOrgId",
        "testConnection",
        "connectionReport",
    ],
    "page-notifications": [
        "notificationEmail",
        "sendFailureEmail",
        "mailLanguage",
        "smtpHost",
        "smtpPort",
        "smtpSecurity",
        "smtpUser",
        "smtpPassword",
        "smtpPasswordShow",
        "smtpSender",
    ],
    "page-mappings": [
        "mappingsTable",
        "addMapping",
        "editMapping",
        "removeMapping",
        "restoreMappings",
        "previewSearch",
        "previewUser",
        "mappingPreview",
    ],
    "page-scoping": [
        "scopingFilters",
        "addFilter",
        "addClause",
        "removeScoping",
        "clauseAttribute",
        "clauseOperator",
        "clauseValue",
        "clauseCaseInsensitive",
    ],
    "page-scope": [
        "provisioningStatus",
        "cycleInterval",
        "deletionThresholdCount",
        "deletionThresholdPercent",
        "skipOutOfScopeDeletions",
    ],
    "page-review": ["dryRunTable", "showUnchanged", "rerunDryRun", "exportDryRun"],
    "page-run": ["activityFilter", "activityStatusFilter", "activityTable", "activityDetail"],
}
WIZARD_BUTTONS = ["wizardBack", "wizardNext", "startSync", "wizardFinish", "wizardCancel"]


def tab_cycle(start: QWidget, limit: int = 80) -> list[QWidget]:
    """Press Tab from `start` until the focus comes back to where it began."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    seen: list[QWidget] = []
    for _ in range(limit):
        focused = QApplication.focusWidget()
        assert focused is not None, "Tab left the window"
        if seen and focused is seen[0]:
            return seen
        seen.append(focused)
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        QApplication.processEvents()
    raise AssertionError(f"Tab never came back: stuck in {[w.objectName() for w in seen[-5:]]}")


def spoken_name(widget: QWidget) -> str:
    """The name assistive technology reads for the control."""
    name = widget.accessibleName()
    if not name and isinstance(widget, QAbstractButton):
        name = widget.text().replace("&", "")
    return name.strip()


def reachable_controls(root: QWidget) -> set[str]:
    """Every named control under `root` that Tab should reach now."""
    found = set()
    for widget in root.findChildren(QWidget):
        name = widget.objectName()
        if not name or name.startswith("qt_") or not widget.isVisible():
            continue
        if not widget.isEnabled() or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if isinstance(widget, QRadioButton) and not widget.isChecked():
            continue  # a group of radio buttons is one Tab stop; the arrows choose in it
        found.add(name)
    return found


def check_cycle(root: QWidget, cycle: list[QWidget]) -> list[str]:
    names = [widget.objectName() for widget in cycle]
    assert len(set(names)) == len(names), f"Tab stops twice on a control (a trap): {names}"
    unnamed = [widget.objectName() for widget in cycle if not spoken_name(widget)]
    assert unnamed == [], f"no accessible name: {unnamed}"
    missed = reachable_controls(root) - set(names)
    assert missed == set(), f"Tab never reaches {sorted(missed)}"
    return names


def test_tab_walks_every_wizard_page_in_reading_order(
    make_wizard, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    wizard.resize(1040, 780)
    visited = []
    while True:
        name = wizard.current_name()
        page = wizard.currentPage()
        qtbot.waitUntil(page.isComplete, timeout=30_000)
        if name == "page-mappings":
            qtbot.waitUntil(lambda p=page: p.user_choice.count() > 0, timeout=10_000)
            page.table.selectRow(0)  # Edit and Remove need a selected mapping
        if name == "page-scoping":
            page.add_filter()  # the clause editor is enabled for a clause
        if name == "page-run":
            qtbot.waitUntil(lambda p=page: p.activity.finished, timeout=60_000)

        buttons = [
            button
            for button in (wizard.findChild(QAbstractButton, b) for b in WIZARD_BUTTONS)
            if button is not None and button.isVisible() and button.isEnabled()
        ]
        cycle = tab_cycle(buttons[-1])
        names = check_cycle(wizard, cycle)
        first = next(i for i, widget in enumerate(cycle) if page.isAncestorOf(widget))
        names = names[first:] + names[:first]
        assert names == PAGE_ORDER[name] + [b.objectName() for b in buttons], name
        visited.append(name)

        if name == "page-scoping":
            page.tree.setCurrentItem(page.tree.topLevelItem(0))
            page.remove_selected()
        if name == "page-run":
            break
        click_next(qtbot, wizard, timeout=30_000)
    assert visited == list(wizard.PAGE_IDS)


def test_tab_walks_the_dashboard_and_reaches_allow_deletes_when_held(
    qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    history()  # two weeks of cycles, the last one held by the deletion threshold
    window = DashboardWindow(
        DashboardBridge(qloop.tasks),  # type: ignore[attr-defined]
        tray=TrayController(available=False),
        run_schedules=False,
    )
    qtbot.addWidget(window)
    window.resize(1180, 860)
    window.show()
    with qtbot.waitSignal(window.snapshotShown, timeout=10_000):
        window.reload()
    qtbot.waitUntil(lambda: window.logs.model.rowCount() > 0, timeout=5_000)

    names = check_cycle(window, tab_cycle(window.profile_selector))
    assert names == [
        "profileSelector",
        "newProfile",
        "profileSettings",
        "aboutButton",
        "syncNow",
        "allowDeletes",
        "provisionOnDemand",
        "restartProvisioning",
        "logFilter",
        "logStatusFilter",
        "exportLogs",
        "logTable",
        "logDetail",
    ]
    # In the log table the arrow keys move between rows; Tab goes on to the detail.
    table = window.logs.table
    assert isinstance(table, QAbstractItemView) and not table.tabKeyNavigation()
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    QTest.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 1
    assert "User or group:" in window.logs.detail.toPlainText()


def test_alt_letters_press_next_and_jump_to_labelled_fields(
    make_wizard, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    """The underlined letters work: Alt+N is Next, Alt+U goes to the userName column field."""
    wizard = make_wizard(sandbox_defaults)
    qtbot.waitUntil(wizard.currentPage().isComplete, timeout=5_000)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.text() == "&Next >"
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow, timeout=5_000)

    def alt(key: Qt.Key) -> None:
        QTest.keyClick(QApplication.focusWidget() or wizard, key, Qt.KeyboardModifier.AltModifier)

    alt(Qt.Key.Key_N)
    qtbot.waitUntil(lambda: wizard.current_name() == "page-source", timeout=5_000)
    alt(Qt.Key.Key_U)
    focused = QApplication.focusWidget()
    assert focused is not None and focused.objectName() == "csvUserNameColumn"
