"""What a page uses of the wizard it sits in (WizardHost), so that the pages need not import
the wizard that builds them. SetupWizard satisfies it; mypy proves it where the wizard hands
itself to build_pages."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QAbstractButton, QWizard

from app.config.profile import Profile
from app.ui.bridge import EngineBridge
from app.ui.sign_in import DeviceCodeHost
from app.ui.wizard_draft import WizardDefaults, WizardDraft


class WizardHost(Protocol):
    """The wizard as its pages see it."""

    bridge: EngineBridge  # the engine, run off the GUI thread
    device_code: DeviceCodeHost  # shows a Microsoft sign-in by device code over the wizard
    defaults: WizardDefaults  # what the fields start with
    draft: WizardDraft  # what the pages collected so far
    editing: Profile | None  # the saved profile being edited, else None (a new profile)
    finishing: bool  # True while Finish validates the page it was pressed on
    keyring_checked: bool  # the start-up look at the keyring is done
    keyring_problem: Any  # None when secrets can be kept in the keyring, else why not

    @property
    def keyringChecked(self) -> SignalInstance:
        """Emitted with keyring_problem when the start-up look at the keyring ends."""
        ...

    def mark_changed(self) -> None:
        """The admin changed a setting: Esc/Cancel asks before dropping it."""
        ...

    def accept(self) -> None:
        """Finish: save the profile and close."""
        ...

    def next(self) -> None:
        """Go to the next page."""
        ...

    def button(self, which: QWizard.WizardButton, /) -> QAbstractButton: ...

    def buttonText(self, which: QWizard.WizardButton, /) -> str: ...
