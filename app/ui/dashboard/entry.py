"""The dashboard for the application: `open_dashboard(shell)` builds the window, its bridge
and its tray, and opens the set-up wizard in its own window for a new profile or a saved
one's Settings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.config.profile import Profile
from app.ui.dashboard.bridge import DashboardBridge
from app.ui.dashboard.window import DashboardWindow
from app.ui.tray import TrayController
from app.ui.widgets import center_on
from app.ui.wizard_draft import WizardDefaults
from app.ui.wizard_window import WizardWindow


def wizard_defaults_for(
    profile: Profile | None, stored_secrets: dict[str, str] | None = None
) -> WizardDefaults:
    """WizardDefaults for a new profile (None) or for editing a saved one (its Settings).

    `stored_secrets` are the secrets the keyring holds for the profile: the wizard uses them
    while its fields are left empty and never shows them.
    """
    if profile is None:
        return WizardDefaults(profile_name="")
    return WizardDefaults(
        profile_name=profile.name,
        target_kind=profile.target.kind,
        source_kind=profile.source.kind,
        csv_path=profile.source.csv.path if profile.source.csv is not None else None,
        tenant_url=profile.target.tenant_url,
        entra=profile.source.entra,
        profile=profile,
        stored_secrets=dict(stored_secrets or {}),
    )


def open_dashboard(shell: Any) -> DashboardWindow:
    """Build the dashboard for the application shell (its task registry, its quit)."""
    bridge = DashboardBridge(shell.tasks)
    bridge.setParent(shell)
    tray = TrayController(shell)
    window = DashboardWindow(bridge, tray=tray)
    wizards: list[QWidget] = []

    def show_wizard(profile: Profile | None, stored: dict[str, str]) -> None:
        wizard = WizardWindow(bridge, wizard_defaults_for(profile, stored))
        wizard.wizard.profileSaved.connect(lambda saved: window.reload(select=saved.name))
        wizard.destroyed.connect(lambda *_: wizards.remove(wizard) if wizard in wizards else None)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizards.append(wizard)
        center_on(wizard, window)  # over the dashboard it was opened from
        wizard.show()

    def open_wizard(profile: Profile | None) -> None:
        if profile is None:
            show_wizard(None, {})
            return
        # The keyring is read off the loop; the wizard opens with what it holds.
        operation = bridge.stored_secrets(profile.name)
        operation.succeeded.connect(lambda stored: show_wizard(profile, stored))
        operation.failed.connect(lambda _error: show_wizard(profile, {}))

    window.newProfileRequested.connect(lambda: open_wizard(None))
    window.settingsRequested.connect(open_wizard)
    tray.quitRequested.connect(window.quit)
    tray.quitRequested.connect(lambda: shell.request_quit())
    tray.show()
    window.reload()
    return window
