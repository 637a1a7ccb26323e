"""Settings of a saved profile: the dashboard reopens the wizard's pages filled in, and Save
writes over the profile file, keeping the secrets already in the keyring unless new ones
are typed."""

from __future__ import annotations

import asyncio
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWizard
from pytestqt.qtbot import QtBot

from app.config.profile import Profile
from app.config.rules import MappingType
from app.config.secrets import SecretStore
from app.config.store import ProfileStore
from app.sandbox.graph.server import GraphSandbox, GraphSandboxConfig
from app.sandbox.server import SandboxServer
from app.ui.application import Shell
from app.ui.dashboard.entry import open_dashboard
from app.ui.dashboard.window import DashboardWindow
from app.ui.widgets import center_on
from app.ui.wizard import SetupWizard
from app.ui.wizard_window import WizardWindow
from tests.support.gui import SAMPLE_CSV, click_next


@pytest.fixture(scope="module")
def graph() -> Iterator[GraphSandbox]:
    with GraphSandbox.in_thread(GraphSandboxConfig(user_count=24)) as server:
        yield server


@pytest.fixture
def open_app_dashboard(
    qapp: QApplication, qloop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> Iterator[Callable[[], DashboardWindow]]:
    """The dashboard as the program opens it: open_dashboard on a real Shell."""
    made: list[DashboardWindow] = []

    def make() -> DashboardWindow:
        shell = Shell(qapp, qloop)
        shell.tasks = qloop.tasks  # type: ignore[attr-defined]  # the qloop fixture cancels them
        window = open_dashboard(shell)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.profile_selector.count() > 0, timeout=10_000)
        made.append(window)
        return window

    yield make
    for wizard in _wizard_windows():
        wizard.wizard.changed = False  # closing here is the test's end, not the admin's
        wizard.close()
    for window in made:
        for runtime in window.runtimes.values():
            window.bridge.tasks.start(runtime.stop())
        if window.tray is not None:
            window.tray.hide()


def _wizard_windows() -> list[WizardWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, WizardWindow)]


def _open_settings(qtbot: QtBot, dashboard: DashboardWindow) -> SetupWizard:
    before = set(map(id, _wizard_windows()))
    dashboard.settings_button.click()
    qtbot.waitUntil(lambda: any(id(w) not in before for w in _wizard_windows()), timeout=10_000)
    window = next(w for w in _wizard_windows() if id(w) not in before)
    qtbot.waitUntil(window.isVisible, timeout=5_000)
    return window.wizard


def _edit(wizard: QWizard, name: str) -> QLineEdit:
    found = wizard.findChild(QLineEdit, name)
    assert found is not None, name
    return found


def _saved_toml(name: str) -> dict[str, object]:
    return tomllib.loads(ProfileStore().path_for(name).read_text(encoding="utf-8"))


def test_settings_change_the_scope_and_a_mapping_and_keep_the_secrets(
    open_app_dashboard, qtbot: QtBot, sandbox: SandboxServer, graph: GraphSandbox
) -> None:
    profile = Profile.model_validate(
        {
            "name": "contoso",
            "target": {"tenant_url": sandbox.tenant_url},
            "source": {"kind": "entra", "entra": graph.entra_settings()},
            "scope": "assigned",
            "retention_days": 45,  # not on any page: must survive the edit
        }
    )
    ProfileStore().save(profile)
    secrets = SecretStore()
    secrets.set("contoso", "webex-token", sandbox.tokens.full_admin)
    secrets.set("contoso", "entra-client-secret", graph.client_secret)
    dashboard = open_app_dashboard()
    wizard = _open_settings(qtbot, dashboard)

    # The welcome page: the name is the profile's, fixed, and accepted as it stands.
    assert wizard.windowTitle() == "Settings of the profile contoso"
    name = _edit(wizard, "profileName")
    assert name.text() == "contoso" and name.isReadOnly()
    assert wizard.currentPage().isComplete()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible() and finish.text().replace("&", "") == "Save"

    click_next(qtbot, wizard)  # page-source: Entra, the stored client secret is kept
    assert wizard.current_name() == "page-source"
    assert wizard.findChild(object, "sourceEntra").isChecked()
    assert _edit(wizard, "entraTenantId").text() == graph.tenant_id
    secret = _edit(wizard, "entraClientSecret")
    assert secret.text() == ""
    assert "Stored in the keyring" in secret.placeholderText()

    click_next(qtbot, wizard)  # page-credentials: the stored token, shown only as stored
    assert wizard.current_name() == "page-credentials"
    assert _edit(wizard, "tenantUrl").text() == sandbox.tenant_url
    assert _edit(wizard, "secretToken").text() == ""
    assert "token is stored" in wizard.findChild(object, "secretTokenMessage").text()

    click_next(qtbot, wizard, timeout=30_000)  # Next tests the connection with the stored token
    click_next(qtbot, wizard)  # page-notifications
    page = wizard.currentPage()
    assert wizard.current_name() == "page-mappings"
    # The preview reads the Entra users with the stored client secret.
    qtbot.waitUntil(lambda: page.user_choice.count() > 0, timeout=20_000)
    row = next(
        r for r in range(page.model.rowCount()) if page.model.mapping_at(r).target == "title"
    )
    page.table.selectRow(row)
    page.edit_selected()
    editor = page.editor
    assert editor is not None
    editor.mapping_type.setCurrentIndex(editor.mapping_type.findData(MappingType.CONSTANT.value))
    editor.constant.setText("Staff")
    editor.buttons.button(editor.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: page.editor is None, timeout=2_000)

    click_next(qtbot, wizard)  # page-scoping
    click_next(qtbot, wizard)  # page-scope
    scope = wizard.findChild(QComboBox, "syncScope")
    assert scope.isEnabled() and scope.currentData() == "assigned"
    scope.setCurrentIndex(scope.findData("all"))
    finish.click()  # Save, here, without a sync

    qtbot.waitUntil(lambda: not _wizard_windows(), timeout=10_000)
    saved = _saved_toml("contoso")
    assert saved["scope"] == "all"
    title = next(m for m in saved["mappings"]["users"] if m["target"] == "title")  # type: ignore[index]
    assert (title["type"], title["constant"]) == ("Constant", "Staff")
    assert saved["retention_days"] == 45
    assert ProfileStore().load("contoso").source.entra.ca_file == Path(graph.ca_file)  # type: ignore[union-attr]
    assert secrets.get("contoso", "webex-token") == sandbox.tokens.full_admin
    assert secrets.get("contoso", "entra-client-secret") == graph.client_secret
    assert sandbox.tokens.full_admin not in ProfileStore().path_for("contoso").read_text("utf-8")
    # The dashboard runs the edited profile from now on.
    qtbot.waitUntil(lambda: dashboard.runtimes["contoso"].profile.scope == "all", timeout=10_000)


def test_settings_that_move_from_the_admin_s_sign_in_to_a_secret_forget_the_sign_in(
    open_app_dashboard, qtbot: QtBot, sandbox: SandboxServer, graph: GraphSandbox
) -> None:
    profile = Profile.model_validate(
        {
            "name": "contoso",
            "target": {"tenant_url": sandbox.tenant_url},
            "source": {"kind": "entra", "entra": graph.entra_settings(auth="device_code")},
            "provisioning_enabled": False,
        }
    )
    ProfileStore().save(profile)
    secrets = SecretStore()
    secrets.set("contoso", "webex-token", sandbox.tokens.full_admin)
    secrets.set("contoso", "msal-cache", '{"RefreshToken": {}}')
    dashboard = open_app_dashboard()
    wizard = _open_settings(qtbot, dashboard)
    click_next(qtbot, wizard)
    assert wizard.current_name() == "page-source"
    page = wizard.currentPage()
    assert page.entra_auth_device.isChecked()
    assert not _edit(wizard, "entraClientSecret").isVisible()  # no secret with a sign-in
    page.entra_auth_secret.click()
    assert not page.isComplete()  # now the secret is needed
    _edit(wizard, "entraClientSecret").setText(graph.client_secret)
    qtbot.waitUntil(page.isComplete, timeout=2_000)
    wizard.button(QWizard.WizardButton.FinishButton).click()  # Save

    qtbot.waitUntil(lambda: not _wizard_windows(), timeout=10_000)
    entra = ProfileStore().load("contoso").source.entra
    assert entra is not None and entra.auth == "client_secret"
    assert secrets.get("contoso", "entra-client-secret") == graph.client_secret
    assert secrets.get("contoso", "msal-cache") is None  # the old sign-in is gone


def test_a_new_token_typed_in_settings_replaces_the_stored_one_after_a_test(
    open_app_dashboard, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    ProfileStore().save(
        Profile.model_validate(
            {
                "name": "acme",
                "target": {"tenant_url": sandbox.tenant_url},
                "source": {"kind": "csv", "csv": {"path": str(SAMPLE_CSV)}},
            }
        )
    )
    SecretStore().set("acme", "webex-token", sandbox.tokens.expired)
    wizard = _open_settings(qtbot, open_app_dashboard())
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    assert wizard.current_name() == "page-credentials"
    page = wizard.currentPage()
    finish = wizard.button(QWizard.WizardButton.FinishButton)

    finish.click()  # Save tests the stored (expired) token first: it fails, nothing is saved
    qtbot.waitUntil(lambda: page.report_model.rowCount() > 0, timeout=15_000)
    qtbot.waitUntil(lambda: page.connection_message.kind == "error", timeout=5_000)
    assert wizard.isVisible()
    assert SecretStore().get("acme", "webex-token") == sandbox.tokens.expired

    _edit(wizard, "secretToken").setText(sandbox.tokens.full_admin)
    assert "replaces the stored one" in page.token_message.text()
    qtbot.waitUntil(finish.isEnabled, timeout=5_000)
    finish.click()  # tested, then saved without another press
    qtbot.waitUntil(
        lambda: SecretStore().get("acme", "webex-token") == sandbox.tokens.full_admin,
        timeout=15_000,
    )
    qtbot.waitUntil(lambda: not _wizard_windows(), timeout=5_000)
    assert _saved_toml("acme")["target"] == {"tenant_url": sandbox.tenant_url, "kind": "webex"}


def test_settings_open_centred_on_the_dashboard(
    open_app_dashboard, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    ProfileStore().save(
        Profile.model_validate(
            {
                "name": "centred",
                "target": {"tenant_url": sandbox.tenant_url},
                "source": {"kind": "csv", "csv": {"path": str(SAMPLE_CSV)}},
            }
        )
    )
    dashboard = open_app_dashboard()
    wizard = _open_settings(qtbot, dashboard)
    window = wizard.window()
    screen = dashboard.screen().availableGeometry()
    assert screen.contains(window.frameGeometry().topLeft())  # its title bar on the screen

    # A smaller window over a dashboard elsewhere on the screen: centred on it too.
    dashboard.setGeometry(100, 80, 600, 400)
    window.resize(300, 200)
    center_on(window, dashboard)
    middle, expected = window.frameGeometry().center(), dashboard.frameGeometry().center()
    assert abs(middle.x() - expected.x()) <= 2 and abs(middle.y() - expected.y()) <= 2
