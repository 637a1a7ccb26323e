"""Safe and truthful at every click: where requests go, nothing lost without a question,
layout that holds at 800x600, the CSV page in the GUI's words (issue 23, items 5-9)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget, QWizard
from pytestqt.qtbot import QtBot

from app.sandbox.server import SandboxServer
from app.ui.wizard import WizardDefaults

from .conftest import walk_to


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
