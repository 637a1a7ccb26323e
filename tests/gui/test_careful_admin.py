"""Safe and truthful at every click: where requests go, nothing lost without a question,
layout that holds at 800x600, the CSV page in the GUI's words (issue 23, items 5-9)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from app.sandbox.server import SandboxServer
from app.ui.dashboard.bridge import DashboardBridge
from app.ui.dashboard.window import DashboardWindow
from app.ui.i18n import install_translators, remove_translators
from app.ui.pages.source import INVALID_ROLE
from app.ui.tray import TrayController
from app.ui.wizard_draft import WizardDefaults
from app.ui.wizard_window import WizardWindow
from tests.support.gui import click_next, history, settings_defaults, walk_to


def _edit(wizard: QWidget, name: str) -> QLineEdit:
    found = wizard.findChild(QLineEdit, name)
    assert found is not None, name
    return found


def _button(wizard: QWidget, name: str) -> QPushButton:
    found = wizard.findChild(QPushButton, name)
    assert found is not None, name
    return found


def _next_enabled(wizard: QWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


# --- 5. the credentials page is honest about where requests go --------------------------


@pytest.mark.timing
def test_get_my_org_id_in_the_sandbox_asks_the_sandbox_never_webex(
    make_wizard, sandbox: SandboxServer, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    walk_to(qtbot, wizard, "page-credentials")
    url = _edit(wizard, "tenantUrl")
    for typed in ("", "https://webexapis.com/identity/scim/{orgId}/v2/"):
        url.setText(typed)
        sandbox.reset_requests()
        fetch = _button(wizard, "fetchOrgId")
        qtbot.waitUntil(fetch.isEnabled, timeout=5_000)
        fetch.click()
        qtbot.waitUntil(lambda: url.text() == sandbox.tenant_url, timeout=10_000)
        asked = [(r.method, r.path) for r in sandbox.requests]
        assert ("GET", "/v1/people/me") in asked
        message = wizard.findChild(QWidget, "secretTokenMessage")
        assert message.kind == "ok" and "sandbox" in message.text()


def test_a_host_that_is_not_webex_is_flagged_not_passed(
    make_wizard, sandbox: SandboxServer, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    walk_to(qtbot, wizard, "page-credentials")
    url = _edit(wizard, "tenantUrl")
    message = wizard.findChild(QWidget, "tenantUrlMessage")
    for host in ("webexapi.com", "webex\u0430pis.com", "webexapis.com.evil.example"):
        url.setText(f"https://{host}/identity/scim/{sandbox.org_uuid}/v2/")
        assert message.isVisible() and message.kind == "error"
        assert "looks like Webex's API host" in message.text()
        assert not _button(wizard, "testConnection").isEnabled()
        assert not _next_enabled(wizard)
    url.setText(sandbox.tenant_url)  # loopback: the sandbox stays allowed
    assert not message.isVisible()
    qtbot.waitUntil(lambda: _next_enabled(wizard), timeout=5_000)


def test_old_results_go_when_the_url_or_token_changes_and_nothing_jumps(
    make_wizard, sandbox: SandboxServer, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    page = walk_to(qtbot, wizard, "page-credentials")
    message = page.connection_message
    token = _edit(wizard, "secretToken")
    test = _button(wizard, "testConnection")
    watched = [token, _edit(wizard, "tenantUrl"), test, _button(wizard, "fetchOrgId")]
    watched.append(page.report_view)
    page.layout().activate()
    before = [widget.geometry() for widget in watched]

    token.setText("not-a-real-token")
    test.click()
    qtbot.waitUntil(lambda: message.kind == "error", timeout=15_000)
    assert page.report_model.rowCount() > 0
    page.layout().activate()
    assert [widget.geometry() for widget in watched] == before  # the message had its room

    token.setText(sandbox.tokens.full_admin)  # another token: the old verdict goes
    assert not message.isVisible() and message.kind == ""
    assert page.report_model.rowCount() == 0
    qtbot.waitUntil(test.isEnabled, timeout=5_000)
    test.click()
    qtbot.waitUntil(lambda: message.kind == "ok", timeout=15_000)
    _edit(wizard, "tenantUrl").setText(sandbox.tenant_url + "x/")  # another URL: it goes too
    assert not message.isVisible()
    assert page.report_model.rowCount() == 0


# --- 6. nothing is lost without a question ----------------------------------------------


def _question(wizard: QWizard) -> QMessageBox | None:
    box = wizard.findChild(QMessageBox, "discardChangesQuestion")
    return box if box is not None and box.isVisible() else None


@pytest.mark.parametrize("settings", [False, True], ids=["wizard", "settings"])
def test_esc_with_unsaved_changes_asks_and_keeps_them_unless_discarded(
    make_wizard,
    sandbox: SandboxServer,
    sandbox_defaults: WizardDefaults,
    qtbot: QtBot,
    settings: bool,
) -> None:
    wizard = make_wizard(settings_defaults(sandbox) if settings else sandbox_defaults)
    walk_to(qtbot, wizard, "page-source")
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)  # nothing changed: it closes at once
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5_000)
    assert _question(wizard) is None

    wizard = make_wizard(settings_defaults(sandbox) if settings else sandbox_defaults)
    walk_to(qtbot, wizard, "page-source")
    skip = wizard.findChild(QCheckBox, "skipInvalidRows")
    skip.click()  # the admin's change
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: _question(wizard) is not None, timeout=5_000)
    box = _question(wizard)
    assert box is not None and wizard.isVisible()
    box.findChild(QPushButton, "keepEditing").click()  # keep editing: nothing lost
    qtbot.waitUntil(lambda: _question(wizard) is None, timeout=5_000)
    assert wizard.isVisible() and skip.isChecked()

    wizard.button(QWizard.WizardButton.CancelButton).click()  # Cancel asks too
    qtbot.waitUntil(lambda: _question(wizard) is not None, timeout=5_000)
    box = _question(wizard)
    assert box is not None
    with qtbot.waitSignal(wizard.rejected, timeout=5_000):
        box.findChild(QPushButton, "discardChanges").click()
    assert not wizard.isVisible()


def _mapping_targets(page: QWidget) -> list[str]:
    return [mapping.target for mapping in page.model.mappings()]


def test_remove_mapping_and_restore_defaults_can_be_undone(
    make_wizard, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    page = walk_to(qtbot, wizard, "page-mappings")
    undo = _button(wizard, "undoMappings")
    assert not undo.isEnabled()
    before = _mapping_targets(page)
    page.table.selectRow(1)
    _button(wizard, "removeMapping").click()
    assert _mapping_targets(page) == before[:1] + before[2:]
    assert undo.isEnabled()
    message = wizard.findChild(QWidget, "mappingsUndoMessage")
    assert message.isVisible() and before[1] in message.text()
    undo.click()
    assert _mapping_targets(page) == before
    assert not undo.isEnabled()

    page.table.selectRow(0)
    _button(wizard, "removeMapping").click()
    page.table.selectRow(0)
    _button(wizard, "removeMapping").click()
    edited = _mapping_targets(page)
    _button(wizard, "restoreMappings").click()
    assert _mapping_targets(page) == before
    undo.click()  # Restore defaults taken back: the admin's own list returns
    assert _mapping_targets(page) == edited
    assert wizard.changed  # and Esc would ask before dropping it


# --- 7. keyboard ----------------------------------------------------------------------


def test_enter_advances_and_alt_of_a_disabled_button_types_nothing(
    make_wizard, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow, timeout=5_000)
    name = _edit(wizard, "profileName")
    name.setFocus()
    qtbot.waitUntil(name.hasFocus, timeout=5_000)
    qtbot.keyClick(name, Qt.Key.Key_Return)  # Enter is Next
    qtbot.waitUntil(lambda: wizard.current_name() == "page-source", timeout=5_000)
    column = wizard.findChild(QComboBox, "csvUserNameColumn")
    qtbot.waitUntil(wizard.currentPage().isComplete, timeout=10_000)
    column.setFocus()
    qtbot.waitUntil(column.hasFocus, timeout=5_000)
    qtbot.keyClick(column, Qt.Key.Key_Return)  # in the editable list of columns too
    qtbot.waitUntil(lambda: wizard.current_name() == "page-credentials", timeout=5_000)
    token = _edit(wizard, "secretToken")
    url = _edit(wizard, "tenantUrl")
    token.setText("")  # no token: Get my orgId and Test connection are disabled
    test = _button(wizard, "testConnection")
    assert not test.isEnabled()
    url.setFocus()
    qtbot.waitUntil(url.hasFocus, timeout=5_000)
    before = url.text()
    qtbot.keyClick(url, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # Test &connection
    qtbot.keyClick(url, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # &Get my orgId
    assert url.text() == before
    assert token.text() == ""


# --- 8. layout at 800x600 -----------------------------------------------------------------


def _fits(window: QWidget, qtbot: QtBot) -> list[str]:
    """What does not fit when the window is 800x600: its minimum, or a visible control
    outside the window."""
    found = []
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    if hint.width() > 800 or hint.height() > 600:
        found.append(f"{window.objectName()} needs at least {hint.width()}x{hint.height()}")
    window.resize(800, 600)  # a resize below the minimum is refused at once
    window.layout().activate()
    if window.width() > 800 or window.height() > 600:
        found.append(f"{window.objectName()} stays {window.width()}x{window.height()}")
    area = window.rect()
    for button in window.findChildren(QPushButton):
        if not button.isVisibleTo(window) or not button.objectName():
            continue
        corner = button.mapTo(window, button.rect().bottomRight())
        if not area.contains(corner):
            found.append(f"{button.objectName()} is outside the window ({corner.toTuple()})")
    return found


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("settings", [False, True], ids=["wizard", "settings"])
def test_the_wizard_and_settings_are_usable_at_800x600(
    qapp: QApplication,
    bridge,
    sandbox: SandboxServer,
    sandbox_defaults: WizardDefaults,
    qtbot: QtBot,
    settings: bool,
    language: str,
) -> None:
    translators = install_translators(qapp, language)
    window = WizardWindow(bridge, settings_defaults(sandbox) if settings else sandbox_defaults)
    qtbot.addWidget(window)
    window.show()
    wizard = window.wizard
    found: list[str] = []
    try:
        while True:
            page = wizard.currentPage()
            qtbot.waitUntil(page.isComplete, timeout=30_000)
            found += [f"{wizard.current_name()}: {what}" for what in _fits(window, qtbot)]
            if wizard.current_name() == "page-review":
                break
            click_next(qtbot, wizard, timeout=30_000)
    finally:
        remove_translators(qapp, translators)
        wizard.changed = False
        for page_id in wizard.pageIds():
            wizard.page(page_id).stop_work()
    assert found == [], "\n".join(found)


def test_the_dashboard_is_usable_at_800x600(qtbot: QtBot, qloop) -> None:
    history()
    window = DashboardWindow(
        DashboardBridge(qloop.tasks),
        tray=TrayController(available=False),
        run_schedules=False,
    )
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.snapshotShown, timeout=10_000):
        window.reload()
    assert _fits(window, qtbot) == []
    target = window.findChild(QWidget, "profileTarget")
    whole = target.text()
    assert target.toolTip() == whole  # the whole URL in the tooltip
    assert target.fontMetrics().horizontalAdvance(whole) > target.width()  # too long here
    shown = target.shown_text()  # elided in the middle: both ends still show
    assert "…" in shown and shown[:4] == whole[:4] and shown[-4:] == whole[-4:]


# --- 9. the CSV page speaks GUI -------------------------------------------------------------


def _csv_page(
    make_wizard, qtbot: QtBot, path: Path, defaults: WizardDefaults | None = None
) -> tuple[QWizard, QWidget]:
    defaults = defaults or WizardDefaults()
    defaults.csv_path = path
    wizard = make_wizard(defaults)
    page = walk_to(qtbot, wizard, "page-source")
    return wizard, page


def test_csv_errors_match_the_preview_rows_which_are_highlighted(
    make_wizard, qtbot: QtBot, tmp_path: Path
) -> None:
    bad = tmp_path / "users.csv"
    lines = ["userPrincipalName,givenName,surname"]
    lines += [f"user{n}@example.com,Given{n},Sur{n}" for n in range(2, 40)]
    lines[3 - 1] = "not-an-address,Bo,Berg"  # spreadsheet row 3
    lines[30 - 1] = "also-bad,Cy,Cole"  # row 30: beyond the first rows, shown anyway
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    wizard, page = _csv_page(make_wizard, qtbot, bad)
    errors = page.csv_errors
    qtbot.waitUntil(lambda: errors.count() == 2, timeout=10_000)
    preview = page.csv_preview
    numbers = {
        preview.verticalHeaderItem(r).text().split()[0]: r for r in range(preview.rowCount())
    }
    for index, row in enumerate((3, 30)):
        assert errors.item(index).text().startswith(f"Row {row}:")
        shown = numbers[str(row)]  # the same number in the preview's margin
        assert preview.item(shown, 0).text() in ("not-an-address", "also-bad")
        assert preview.item(shown, 0).data(INVALID_ROLE) is True  # highlighted
        assert preview.item(shown, 0).toolTip()
    good = numbers["2"]
    assert preview.item(good, 0).data(INVALID_ROLE) is None
    errors.setCurrentRow(1)  # choosing an error selects its row in the preview
    assert preview.currentRow() == numbers["30"]
    assert "marked in the preview" in page.csv_message.text()
    assert "--" not in page.csv_message.text()
    assert not _next_enabled(wizard)


def test_a_header_only_file_says_why_next_is_disabled(
    make_wizard, qtbot: QtBot, tmp_path: Path
) -> None:
    empty = tmp_path / "header-only.csv"
    empty.write_text("userPrincipalName,givenName,surname\n", encoding="utf-8")
    wizard, page = _csv_page(make_wizard, qtbot, empty)
    message = page.csv_message
    qtbot.waitUntil(lambda: "no users" in message.text(), timeout=10_000)
    assert message.kind == "error" and "Next" in message.text()
    assert not _next_enabled(wizard)

    _edit(wizard, "csvPath").setText(str(tmp_path))  # a folder is called a folder
    qtbot.waitUntil(lambda: "is a folder" in message.text(), timeout=10_000)
    assert "Browse" in message.text()


def test_encoding_and_user_name_column_are_chosen_on_the_page(
    make_wizard, sandbox_defaults: WizardDefaults, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("upn;prénom;nom\nana@example.com;Hélène;Lima\n".encode("cp1252"))
    wizard, page = _csv_page(make_wizard, qtbot, path, sandbox_defaults)
    message = page.csv_message
    qtbot.waitUntil(lambda: message.kind == "error", timeout=10_000)
    assert "userName column" in message.text()  # the control, not --user-name-column
    assert "--" not in message.text()
    column = wizard.findChild(QComboBox, "csvUserNameColumn")
    column.setCurrentText("upn")
    qtbot.waitUntil(lambda: _next_enabled(wizard), timeout=10_000)
    assert [column.itemText(i) for i in range(column.count())] == ["upn", "prénom", "nom"]
    assert page.csv_preview.item(0, 1).text() == "Hélène"  # Automatic read Windows-1252

    encoding = wizard.findChild(QComboBox, "csvEncoding")
    encoding.setCurrentIndex(encoding.findData("utf-8"))  # the wrong one, chosen here
    qtbot.waitUntil(lambda: "Encoding" in message.text(), timeout=10_000)
    assert "--encoding" not in message.text()
    assert not _next_enabled(wizard)
    encoding.setCurrentIndex(encoding.findData("cp1252"))
    qtbot.waitUntil(lambda: _next_enabled(wizard), timeout=10_000)
    assert wizard.findChild(QComboBox, "csvEncoding").currentData() == "cp1252"

    page = walk_to(qtbot, wizard, "page-mappings")  # the defaults use the file's columns
    assert wizard.draft.source.csv.encoding == "cp1252"
    sources = {m.target: m.source or m.expression for m in page.model.mappings()}
    assert sources["userName"] == "upn"
    assert not any("mailNickname" in (text or "") for text in sources.values())


def test_counts_have_their_plural(make_wizard, qtbot: QtBot, tmp_path: Path) -> None:
    one = tmp_path / "one.csv"
    one.write_text("userPrincipalName,givenName\nana@example.com,Ana\n", encoding="utf-8")
    wizard, page = _csv_page(make_wizard, qtbot, one)
    qtbot.waitUntil(lambda: page.csv_message.kind == "ok", timeout=10_000)
    assert page.csv_message.text() == "1 user read; no errors."
    two = tmp_path / "two.csv"
    two.write_text(
        "userPrincipalName,givenName\nana@example.com,Ana\nbo@example.com,Bo\n", encoding="utf-8"
    )
    _edit(wizard, "csvPath").setText(str(two))
    qtbot.waitUntil(lambda: page.csv_message.text() == "2 users read; no errors.", timeout=10_000)
