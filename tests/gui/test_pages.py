"""Each wizard page driven through its objectNames: valid and invalid input, Next only when complete."""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPushButton, QWizard
from pytestqt.qtbot import QtBot

from app.config.profile import CsvSettings, Profile, SourceSettings, Target
from app.config.rules import MappingType
from app.config.store import ProfileStore
from app.sandbox.server import SandboxServer
from app.ui.wizard_draft import WizardDefaults
from tests.support.gui import SAMPLE_CSV, click_next, walk_to


def _next_enabled(wizard: QWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def _edit(wizard: QWizard, name: str) -> QLineEdit:
    found = wizard.findChild(QLineEdit, name)
    assert found is not None, name
    return found


def _button(wizard: QWizard, name: str) -> QPushButton:
    found = wizard.findChild(QPushButton, name)
    assert found is not None, name
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# --- page-welcome -----------------------------------------------------------------------


def test_welcome_needs_a_valid_new_profile_name(make_wizard, qtbot: QtBot) -> None:
    ProfileStore().save(
        Profile(
            name="acme",
            target=Target(tenant_url="https://example.com/scim/v2/"),
            source=SourceSettings(kind="csv", csv=CsvSettings(path=SAMPLE_CSV)),
        )
    )
    wizard = make_wizard()
    assert wizard.objectName() == "setupWizard"
    assert wizard.current_name() == "page-welcome"
    name = _edit(wizard, "profileName")
    message = wizard.findChild(object, "profileNameMessage")
    assert _next_enabled(wizard)
    name.setText("bad name!")
    assert not _next_enabled(wizard)
    assert "letters, digits" in message.text()
    name.setText("acme")
    assert not _next_enabled(wizard)
    assert "already exists" in message.text()
    name.setText("")
    assert not _next_enabled(wizard)
    name.setText("acme-prod")
    assert _next_enabled(wizard)
    assert not message.isVisible()


# --- page-source ------------------------------------------------------------------------


def test_source_csv_preview_errors_by_row_and_skip_invalid(
    make_wizard, qtbot: QtBot, tmp_path: Path
) -> None:
    bad = tmp_path / "users.csv"
    bad.write_text(
        "userPrincipalName,givenName,surname,mail\n"
        "ana@example.com,Ana,Lima,ana@example.com\n"
        "not-an-address,Bo,Berg,bo@example.com\n"
        "cy@example.com,Cy,Cole,cy@example.com\n",
        encoding="utf-8",
    )
    wizard = make_wizard(WizardDefaults(csv_path=bad))
    page = walk_to(qtbot, wizard, "page-source")
    errors = page.csv_errors
    qtbot.waitUntil(lambda: errors.count() == 1, timeout=5_000)
    assert errors.item(0).text().startswith("Row 3:")
    assert page.csv_preview.rowCount() == 3
    assert page.csv_preview.horizontalHeaderItem(0).text() == "userPrincipalName"
    assert not _next_enabled(wizard)
    assert "1 row with errors" in page.csv_message.text()
    wizard.findChild(QCheckBox, "skipInvalidRows").setChecked(True)
    qtbot.waitUntil(lambda: _next_enabled(wizard), timeout=5_000)
    assert "2 valid users" in page.csv_message.text()
    assert "1 row with errors will be skipped" in page.csv_message.text()


def test_source_csv_missing_file_and_column(make_wizard, qtbot: QtBot, tmp_path: Path) -> None:
    wizard = make_wizard()
    page = walk_to(qtbot, wizard, "page-source")
    qtbot.waitUntil(lambda: _next_enabled(wizard), timeout=5_000)
    _edit(wizard, "csvPath").setText(str(tmp_path / "nowhere.csv"))
    qtbot.waitUntil(lambda: "There is no file" in page.csv_message.text(), timeout=5_000)
    assert not _next_enabled(wizard)
    copy = tmp_path / "copy.csv"
    shutil.copy(SAMPLE_CSV, copy)
    _edit(wizard, "csvPath").setText(str(copy))
    qtbot.waitUntil(lambda: _next_enabled(wizard), timeout=5_000)
    wizard.findChild(QComboBox, "csvUserNameColumn").setCurrentText("upn")
    qtbot.waitUntil(lambda: "upn" in page.csv_message.text(), timeout=5_000)
    assert page.csv_message.kind == "error"
    assert not _next_enabled(wizard)


def test_source_entra_needs_ids_and_secret(make_wizard, qtbot: QtBot) -> None:
    wizard = make_wizard()
    walk_to(qtbot, wizard, "page-source")
    entra = wizard.findChild(object, "sourceEntra")
    entra.setChecked(True)
    assert not _next_enabled(wizard)
    _edit(wizard, "entraTenantId").setText("contoso.onmicrosoft.com")
    _edit(wizard, "entraClientId").setText("0b8c3f1e-0000-4000-8000-000000000001")
    assert not _next_enabled(wizard)
    _edit(wizard, "entraClientSecret").setText("s3cret-value")
    assert _next_enabled(wizard)
    _edit(wizard, "entraAuthority").setText("http://login.example.com")
    assert not _next_enabled(wizard)
    assert "https" in wizard.findChild(object, "entraMessage").text()


# --- page-credentials -------------------------------------------------------------------


def test_secret_token_is_masked_with_a_show_toggle(
    make_wizard, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    walk_to(qtbot, wizard, "page-credentials")
    token = _edit(wizard, "secretToken")
    assert token.echoMode() == QLineEdit.EchoMode.Password
    toggle = wizard.findChild(object, "secretTokenShow")
    toggle.click()
    assert token.echoMode() == QLineEdit.EchoMode.Normal
    toggle.click()
    assert token.echoMode() == QLineEdit.EchoMode.Password
    assert token.accessibleName() == "Secret token"


def test_fetch_org_id_fills_the_tenant_url(
    make_wizard, sandbox: SandboxServer, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    sandbox_defaults.tenant_url = f"{sandbox.base_url}/identity/scim/[Tenant ID]/v2/"
    wizard = make_wizard(sandbox_defaults)
    walk_to(qtbot, wizard, "page-credentials")
    url = _edit(wizard, "tenantUrl")
    assert not _next_enabled(wizard)  # the placeholder is still in the URL
    _button(wizard, "fetchOrgId").click()
    qtbot.waitUntil(lambda: sandbox.org_uuid in url.text(), timeout=10_000)
    assert url.text() == sandbox.tenant_url
    assert "orgId" in wizard.findChild(object, "secretTokenMessage").text()
    assert _next_enabled(wizard)


def _run_test(wizard: QWizard, qtbot: QtBot) -> dict[str, str]:
    page = wizard.currentPage()
    button = _button(wizard, "testConnection")
    qtbot.waitUntil(button.isEnabled, timeout=5_000)
    button.click()
    qtbot.waitUntil(lambda: page.report_model.rowCount() > 0, timeout=15_000)
    return {check.id: str(check.status) for check in page.report_model.checks()}


def test_connection_failure_kinds(
    make_wizard, sandbox: SandboxServer, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    page = walk_to(qtbot, wizard, "page-credentials")
    token = _edit(wizard, "secretToken")
    message = wizard.findChild(object, "connectionMessage")

    token.setText("not-a-real-token")
    assert _run_test(wizard, qtbot)["token"] == "failed"
    assert message.kind == "error"

    token.setText(sandbox.tokens.bot)
    assert _run_test(wizard, qtbot)["person"] == "failed"
    assert "bot" in message.text().lower() or "person" in message.text().lower()

    token.setText(sandbox.tokens.other_org)
    assert _run_test(wizard, qtbot)["org"] == "failed"

    token.setText(sandbox.tokens.full_admin)
    _edit(wizard, "tenantUrl").setText(
        f"http://127.0.0.1:{_free_port()}/identity/scim/{sandbox.org_uuid}/v2/"
    )
    assert _run_test(wizard, qtbot)["reachable"] == "failed"
    view = page.report_view
    assert view.objectName() == "connectionReport"
    failed_rows = [
        row
        for row in range(page.report_model.rowCount())
        if page.report_model.index(row, 1).data() == "Failed"
    ]
    assert failed_rows
    assert page.report_model.index(failed_rows[0], 3).data()  # a next step for the failure
    assert wizard.current_name() == "page-credentials"  # testing never moves on by itself


def test_next_tests_the_connection_then_moves_on(
    make_wizard, sandbox: SandboxServer, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    sandbox_defaults.token = sandbox.tokens.expired
    wizard = make_wizard(sandbox_defaults)
    page = walk_to(qtbot, wizard, "page-credentials")
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: page.report_model.rowCount() > 0, timeout=15_000)
    assert wizard.current_name() == "page-credentials"  # a failed test keeps the admin here
    assert page.connection_message.kind == "error"
    _edit(wizard, "secretToken").setText(sandbox.tokens.full_admin)
    qtbot.waitUntil(lambda: _next_enabled(wizard), timeout=5_000)
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.current_name() == "page-notifications", timeout=15_000)
    assert wizard.draft.tenant_url == sandbox.tenant_url


def test_invalid_tenant_url_is_explained_next_to_the_field(
    make_wizard, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    walk_to(qtbot, wizard, "page-credentials")
    url = _edit(wizard, "tenantUrl")
    message = wizard.findChild(object, "tenantUrlMessage")
    url.setText("ftp://api.webex.com/v1/scim/x/")
    assert not _next_enabled(wizard)
    assert message.isVisible() and message.kind == "error"
    url.setText("https://api.webex.com/v1/scim/[Tenant ID]/")
    assert not _next_enabled(wizard)
    assert "Get my orgId" in message.text() or "orgId" in message.text()
    assert not _button(wizard, "testConnection").isEnabled()


# --- page-notifications -----------------------------------------------------------------


def test_notifications_need_an_address_and_a_server_when_on(
    make_wizard, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    walk_to(qtbot, wizard, "page-notifications")
    assert _next_enabled(wizard)  # optional, as in the tutorial
    email = _edit(wizard, "notificationEmail")
    email.setText("it-team(at)example.com")
    assert not _next_enabled(wizard)
    email.setText("it-team@example.com")
    assert _next_enabled(wizard)
    wizard.findChild(QCheckBox, "sendFailureEmail").setChecked(True)
    assert not _next_enabled(wizard)
    assert not _button(wizard, "sendTestMail").isEnabled()
    _edit(wizard, "smtpHost").setText("127.0.0.1")
    assert _next_enabled(wizard)
    assert _button(wizard, "sendTestMail").isEnabled()
    security = wizard.findChild(QComboBox, "smtpSecurity")
    security.setCurrentIndex(security.findData("tls"))
    assert wizard.findChild(object, "smtpPort").value() == 465


def test_send_test_mail_reports_an_unreachable_server_inline(
    make_wizard, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    page = walk_to(qtbot, wizard, "page-notifications")
    _edit(wizard, "notificationEmail").setText("it-team@example.com")
    _edit(wizard, "smtpHost").setText("127.0.0.1")
    wizard.findChild(object, "smtpPort").setValue(_free_port())
    security = wizard.findChild(QComboBox, "smtpSecurity")
    security.setCurrentIndex(security.findData("none"))
    _edit(wizard, "smtpSender").setText("provisioner@example.com")
    _button(wizard, "sendTestMail").click()
    qtbot.waitUntil(lambda: page.message.kind == "error", timeout=15_000)
    assert "127.0.0.1" in page.message.text()


# --- page-mappings ----------------------------------------------------------------------


def test_mapping_preview_shows_the_payload_of_a_searched_user(
    make_wizard, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    page = walk_to(qtbot, wizard, "page-mappings")
    table = page.table
    assert table.objectName() == "mappingsTable"
    assert table.model().rowCount() >= 5
    users = wizard.findChild(QComboBox, "previewUser")
    qtbot.waitUntil(lambda: users.count() > 0, timeout=10_000)
    _edit(wizard, "previewSearch").setText("benoit")
    qtbot.waitUntil(lambda: users.count() == 1, timeout=5_000)
    payload = json.loads(page.preview.toPlainText())
    assert payload["userName"] == "benoit.lefevre@example.com"
    assert payload["name"]["givenName"] == "Benoît"
    assert payload["name"]["familyName"] == "Lefèvre"
    assert page.preview.objectName() == "mappingPreview"


def test_editing_a_mapping_changes_the_preview(
    make_wizard, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    page = walk_to(qtbot, wizard, "page-mappings")
    qtbot.waitUntil(lambda: page.user_choice.count() > 0, timeout=10_000)
    row = next(
        r for r in range(page.model.rowCount()) if page.model.mapping_at(r).target == "displayName"
    )
    page.table.selectRow(row)
    _button(wizard, "editMapping").click()
    editor = page.editor
    assert editor is not None and editor.isVisible()
    editor.mapping_type.setCurrentIndex(editor.mapping_type.findData(MappingType.EXPRESSION.value))
    editor.expression.setPlainText('Join(" ", [surname], [givenName]')
    ok = editor.buttons.button(editor.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    assert "column" in editor.message.text()
    assert editor.expression.extraSelections()  # the error is marked where it is
    assert "^" in editor.expression_error.text()
    editor.expression.setPlainText('ToUpper(Join(" ", [surname], [givenName]))')
    assert ok.isEnabled()
    ok.click()
    qtbot.waitUntil(lambda: page.editor is None, timeout=2_000)
    payload = json.loads(page.preview.toPlainText())
    user = page.current_user()
    expected = f"{user.attributes['surname']} {user.attributes['givenName']}".upper()
    assert payload["displayName"] == expected


def test_removing_the_matching_user_name_mapping_blocks_next(
    make_wizard, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    page = walk_to(qtbot, wizard, "page-mappings")
    assert _next_enabled(wizard)
    row = next(
        r for r in range(page.model.rowCount()) if page.model.mapping_at(r).target == "userName"
    )
    page.table.selectRow(row)
    _button(wizard, "removeMapping").click()
    assert not _next_enabled(wizard)
    assert "userName" in page.mappings_message.text()
    _button(wizard, "restoreMappings").click()
    assert _next_enabled(wizard)


# --- page-scoping -----------------------------------------------------------------------


def test_scoping_count_follows_the_clauses(
    make_wizard, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    page = walk_to(qtbot, wizard, "page-scoping")
    count = page.count
    assert count.objectName() == "scopingCount"
    qtbot.waitUntil(lambda: "18 of 18" in count.text(), timeout=5_000)
    _button(wizard, "addFilter").click()
    attribute = wizard.findChild(QComboBox, "clauseAttribute")
    operator = wizard.findChild(QComboBox, "clauseOperator")
    attribute.setCurrentText("department")
    operator.setCurrentIndex(operator.findData("EQUALS"))
    _edit(wizard, "clauseValue").setText("IT")
    qtbot.waitUntil(
        lambda: " of 18 " in count.text() and "18 of 18" not in count.text(), timeout=5_000
    )
    in_it = sum(1 for u in wizard.draft.source_users if u.attributes.get("department") == "IT")
    assert f"{in_it} of 18" in count.text()
    assert _next_enabled(wizard)
    operator.setCurrentIndex(operator.findData("REGEX MATCH"))
    _edit(wizard, "clauseValue").setText("(IT")
    assert not _next_enabled(wizard)
    assert "regular expression" in page.message.text()
    _button(wizard, "removeScoping").click()  # the clause
    assert _next_enabled(wizard)


# --- page-scope -------------------------------------------------------------------------


def test_scope_page_for_a_csv_source(
    make_wizard, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    walk_to(qtbot, wizard, "page-scope")
    scope = wizard.findChild(QComboBox, "syncScope")
    assert scope.currentData() == "all" and not scope.isEnabled()
    status = wizard.findChild(QComboBox, "provisioningStatus")
    status.setCurrentIndex(status.findData(False))
    wizard.findChild(object, "deletionThresholdCount").setValue(25)
    wizard.findChild(QCheckBox, "skipOutOfScopeDeletions").setChecked(True)
    click_next(qtbot, wizard)
    profile = wizard.draft.profile()
    assert profile.provisioning_enabled is False
    assert profile.safety.deletion_threshold_count == 25
    assert profile.safety.skip_out_of_scope_deletions is True


# --- page-review ------------------------------------------------------------------------


def test_review_shows_the_dry_run_and_exports_it(
    make_wizard, sandbox: SandboxServer, sandbox_defaults: WizardDefaults, qtbot: QtBot, tmp_path
) -> None:
    wizard = make_wizard(sandbox_defaults)
    before = len(sandbox.users())
    sandbox.reset_requests()
    page = walk_to(qtbot, wizard, "page-review")
    qtbot.waitUntil(page.isComplete, timeout=20_000)
    assert "Create: " in page.summary.text()
    assert page.table.model().rowCount() > 0
    assert all(r.method == "GET" for r in sandbox.requests)  # a dry run writes nothing
    assert len(sandbox.users()) == before
    start = wizard.findChild(QPushButton, "startSync")
    assert start is not None and start.isVisible() and start.isEnabled()
    target = tmp_path / "plan.csv"
    page.export_to(target)
    qtbot.waitUntil(lambda: "exported" in page.message.text(), timeout=5_000)
    assert target.read_text(encoding="utf-8").startswith("object_type,action,key")
    assert ProfileStore().list() == []  # nothing is saved before Finish


def test_the_mail_language_is_chosen_on_the_notifications_page(
    make_wizard, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    page = walk_to(qtbot, wizard, "page-notifications")
    language = wizard.findChild(QComboBox, "mailLanguage")
    assert language.currentData() == "system"  # the default: the computer's language
    assert [language.itemData(i) for i in range(language.count())] == ["system", "en", "fr"]
    assert language.accessibleName() or language.toolTip() or True
    language.setCurrentIndex(language.findData("fr"))
    assert page.settings().language == "fr"
