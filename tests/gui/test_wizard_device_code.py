"""Microsoft Entra ID signed in as an administrator (device code) in the wizard, on the sandbox.

The Graph sandbox plays Microsoft: the wizard shows the page and the code, the test enters
the code as the admin would (the sandbox's /devicelogin, through its API), and the pages go
on with that one sign-in up to the dry run.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from app.config.profile import EntraSettings
from app.sandbox.graph.server import GraphSandbox, GraphSandboxConfig
from app.sandbox.server import SandboxServer
from app.sync.plan import Action
from app.ui.sign_in import DeviceCodeDialog
from app.ui.wizard import SetupWizard
from app.ui.wizard_draft import WizardDefaults
from tests.support.gui import click_next


@pytest.fixture(scope="module")
def graph() -> Iterator[GraphSandbox]:
    with GraphSandbox.in_thread(GraphSandboxConfig(user_count=40)) as server:
        yield server


def _defaults(graph: GraphSandbox, webex: SandboxServer) -> WizardDefaults:
    return WizardDefaults(
        profile_name="entra-admin",
        source_kind="entra",
        tenant_url=webex.tenant_url,
        token=webex.tokens.full_admin,
        entra=EntraSettings(
            tenant_id=graph.tenant_id,
            client_id=graph.client_id,
            authority=graph.authority,
            graph_url=graph.graph_url,
            ca_file=graph.ca_file,
        ),
    )


def _dialog(wizard: SetupWizard) -> DeviceCodeDialog | None:
    dialog = wizard.device_code.dialog
    return dialog if dialog is not None and dialog.isVisible() else None


def _walk_to(qtbot: QtBot, wizard: SetupWizard, name: str) -> None:
    while wizard.current_name() != name:
        click_next(qtbot, wizard, timeout=30_000)


def test_device_code_sign_in_shows_the_code_and_the_dry_run_lists_the_assigned_users(
    make_wizard: Any, graph: GraphSandbox, sandbox: SandboxServer, qtbot: QtBot
) -> None:
    tenant = graph.tenant
    assigned = tenant.expected_user_names()
    assert assigned
    wizard = make_wizard(_defaults(graph, sandbox))
    click_next(qtbot, wizard)  # page-welcome
    source = wizard.currentPage()
    assert wizard.current_name() == "page-source" and source.source_entra.isChecked()
    # A client secret is the default way in; with the admin's own sign-in none is asked.
    assert source.entra_secret.isVisible() and not source.isComplete()
    qtbot.mouseClick(source.entra_auth_device, Qt.MouseButton.LeftButton)
    assert not source.entra_secret.isVisible()
    assert "delegated permissions" in source.entra_intro.text()
    qtbot.waitUntil(source.isComplete, timeout=5_000)

    # The first page that reads the users (page-mappings) needs the sign-in: the code shows.
    _walk_to(qtbot, wizard, "page-mappings")
    qtbot.waitUntil(lambda: _dialog(wizard) is not None, timeout=15_000)
    dialog = _dialog(wizard)
    assert dialog is not None
    url = dialog.findChild(QLabel, "deviceCodeUrl")
    code = dialog.findChild(QLineEdit, "deviceCodeValue")
    assert url is not None and code is not None
    assert f"{graph.authority.split('/' + graph.tenant_id)[0]}/devicelogin" in url.text()
    assert code.text() and code.isReadOnly()  # selectable, not editable
    copy = dialog.findChild(QPushButton, "copyDeviceCode")
    assert copy is not None
    copy.click()
    assert QGuiApplication.clipboard().text() == code.text()
    assert wizard.draft.source_users == []  # nothing read before the admin signs in

    graph.approve_device_code(code.text())  # the admin enters the code and signs in
    qtbot.waitUntil(lambda: _dialog(wizard) is None, timeout=15_000)
    qtbot.waitUntil(lambda: bool(wizard.draft.source_users), timeout=30_000)

    _walk_to(qtbot, wizard, "page-review")
    review = wizard.currentPage()
    qtbot.waitUntil(lambda: review.model.rowCount() > 0, timeout=60_000)
    assert _dialog(wizard) is None  # signed in once: no second code for the dry run
    operations = [review.model.operation_at(row) for row in range(review.model.rowCount())]
    created = {
        op.key.lower()
        for op in operations
        if op.object_type == "User" and op.action == Action.CREATE
    }
    assert created == assigned
    # No secret was typed or will be saved; the sign-in is what Finish keeps.
    secrets = wizard.draft.secrets()
    assert "entra-client-secret" not in secrets
    assert secrets.get("msal-cache")
    assert wizard.draft.source is not None and wizard.draft.source.entra is not None
    assert wizard.draft.source.entra.auth == "device_code"


def test_closing_the_code_dialog_cancels_the_read_and_says_so(
    make_wizard: Any, graph: GraphSandbox, sandbox: SandboxServer, qtbot: QtBot
) -> None:
    wizard = make_wizard(_defaults(graph, sandbox))
    click_next(qtbot, wizard)
    source = wizard.currentPage()
    qtbot.mouseClick(source.entra_auth_device, Qt.MouseButton.LeftButton)
    _walk_to(qtbot, wizard, "page-mappings")
    qtbot.waitUntil(lambda: _dialog(wizard) is not None, timeout=15_000)
    dialog = _dialog(wizard)
    assert dialog is not None
    mappings = wizard.currentPage()
    assert mappings.busy.isVisible()  # reading the users waits for the sign-in
    dialog.cancel_button.click()
    assert _dialog(wizard) is None
    # The read stopped with the dialog: nothing waits for a code any more, nothing was read.
    qtbot.waitUntil(lambda: not mappings.busy.isVisible(), timeout=5_000)
    assert wizard.draft.source_users == []
    assert wizard.draft.sign_in == {}
