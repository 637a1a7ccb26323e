"""The setup wizard (objectName setupWizard): one page per step of Microsoft's tutorial.

Each page collects its part of a WizardDraft in validatePage; nothing is saved until
Finish, when the profile goes to the ProfileStore and the secrets to the keyring.

The same pages edit an existing profile (WizardDefaults.profile, the dashboard's Settings):
the draft starts from the profile, the name is fixed, a secret already in the keyring is
kept unless a new one is typed, and Save (the Finish button, offered on every page) writes
over the profile without a sync.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.config.profile import Profile
from app.ui.bridge import EngineBridge
from app.ui.pages import build_pages
from app.ui.pages.host import WizardHost
from app.ui.resources import icon_path
from app.ui.sign_in import DeviceCodeHost
from app.ui.widgets import AltLettersTypeNothing
from app.ui.wizard_draft import WizardDefaults, WizardDraft

log = logging.getLogger(__name__)

# Controls that look at the settings without changing them: using them is no change to keep.
NOT_SETTINGS = frozenset(
    {"previewSearch", "previewUser", "showUnchanged", "activityFilter", "activityStatusFilter"}
)


class SetupWizard(QWizard):
    """The wizard; pages find the draft, the defaults and the bridge through it."""

    profileSaved = Signal(object)  # Profile, after Finish saved it
    # The start-up look at the keyring: None when secrets can be kept there, else why not
    # (a UserFacingError); the credentials page then says so.
    keyringChecked = Signal(object)

    PAGE_IDS = (
        "page-welcome",
        "page-source",
        "page-credentials",
        "page-notifications",
        "page-mappings",
        "page-scoping",
        "page-scope",
        "page-review",
        "page-run",
    )

    def __init__(
        self,
        bridge: EngineBridge,
        defaults: WizardDefaults | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.bridge = bridge
        self.device_code = DeviceCodeHost(self)  # the pages' Entra sign-ins by device code
        self.defaults = defaults or WizardDefaults()
        self.editing = self.defaults.profile
        self.finishing = False  # True while Finish validates the page it was pressed on
        # Found out at start-up, not at Finish: whether a keyring can keep the secrets.
        self.keyring_checked = False
        self.keyring_problem: Any = None
        if self.editing is not None:
            self.draft = WizardDraft.from_profile(self.editing, self.defaults.stored_secrets)
            self.setWindowTitle(
                self.tr("Settings of the profile {name}").format(name=self.editing.name)
            )
        else:
            self.draft = WizardDraft(
                name=self.defaults.profile_name, target_kind=self.defaults.target_kind
            )
            self.setWindowTitle(self.tr("Webex provisioning set-up"))
        self.draft.environment = bridge.environment_secrets()
        self.setWindowIcon(QIcon(str(icon_path())))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Start sync"))
        # No minimum beyond what the pages need: the wizard is usable at 800x600 (issue 23).
        self._saving = False
        host: WizardHost = self  # mypy proves that the wizard is what its pages expect
        for page in build_pages(host):
            self.addPage(page)
        if self.editing is not None:
            # Editing: Save is offered on every page (the run page keeps its own Finish).
            self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, True)
            self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Sa&ve"))
            for page_id in self.pageIds():
                self.page(page_id).setFinalPage(True)
        self.button(QWizard.WizardButton.NextButton).setObjectName("wizardNext")
        self.button(QWizard.WizardButton.BackButton).setObjectName("wizardBack")
        self.button(QWizard.WizardButton.FinishButton).setObjectName("wizardFinish")
        self.button(QWizard.WizardButton.CancelButton).setObjectName("wizardCancel")
        self.button(QWizard.WizardButton.CommitButton).setObjectName("wizardCommit")
        self.changed = False  # the admin typed, ticked or chose something not yet saved
        self._discarding = False
        self._question: QMessageBox | None = None
        self._alt_guard = AltLettersTypeNothing(self)
        self._watch_inputs()
        self.currentIdChanged.connect(lambda _id: self._watch_inputs())
        check = bridge.keyring_status()
        check.succeeded.connect(self._keyring_checked)

    def _keyring_checked(self, problem: Any) -> None:
        self.keyring_checked = True
        self.keyring_problem = problem
        if problem is not None:
            log.info("no keyring: %s", getattr(problem, "message", problem))
        self.keyringChecked.emit(problem)

    # --- unsaved changes --------------------------------------------------------------

    def mark_changed(self) -> None:
        """Something the admin did changed the settings: Esc/Cancel asks before dropping it."""
        self.changed = True

    def _watch_inputs(self) -> None:
        """Notice the admin's own edits (not the pages filling fields in), on every control
        that holds a setting; called again when a page shows, for controls made since."""
        for widget in self.findChildren(QWidget):
            if isinstance(widget, (QLineEdit, QPlainTextEdit)) and not widget.property(
                "altGuarded"
            ):
                widget.installEventFilter(self._alt_guard)
                widget.setProperty("altGuarded", True)
            if widget.property("watchedForChanges") or widget.objectName() in NOT_SETTINGS:
                continue
            if isinstance(widget, QLineEdit) and not isinstance(
                widget.parent(), (QAbstractSpinBox, QComboBox)
            ):
                widget.textEdited.connect(self.mark_changed)
            elif isinstance(widget, QAbstractButton) and widget.isCheckable():
                if widget.objectName().endswith("Show"):
                    continue  # Show/Hide of a secret field
                widget.clicked.connect(self.mark_changed)
            elif isinstance(widget, QComboBox):
                widget.activated.connect(self.mark_changed)
                typed = widget.lineEdit() if widget.isEditable() else None
                if typed is not None:
                    typed.textEdited.connect(self.mark_changed)
            elif isinstance(widget, QAbstractSpinBox):
                spin = widget
                spin.editingFinished.connect(lambda s=spin: self._changed_if_focused(s))
                for signal_name in ("valueChanged", "dateTimeChanged"):
                    signal = getattr(spin, signal_name, None)
                    if signal is not None:
                        signal.connect(lambda *_a, s=spin: self._changed_if_focused(s))
            elif isinstance(widget, QPlainTextEdit) and not widget.isReadOnly():
                edit = widget
                edit.textChanged.connect(lambda e=edit: self._changed_if_focused(e))
            else:
                continue
            widget.setProperty("watchedForChanges", True)

    def _changed_if_focused(self, widget: QWidget) -> None:
        if widget.hasFocus():  # the admin's keystroke or click, not the page setting a value
            self.mark_changed()

    def _ask_before_discarding(self) -> None:
        if self._question is not None:
            self._question.raise_()
            return
        box = QMessageBox(self)
        box.setObjectName("discardChangesQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        if self.editing is not None:
            box.setWindowTitle(self.tr("Unsaved changes"))
            box.setText(self.tr("Close the settings without saving your changes?"))
            box.setInformativeText(
                self.tr("The profile keeps its saved settings; what you changed here is lost.")
            )
        else:
            box.setWindowTitle(self.tr("Leave the set-up"))
            box.setText(self.tr("Leave the set-up without saving?"))
            box.setInformativeText(
                self.tr("Nothing has been saved yet; what you entered here is lost.")
            )
        discard = box.addButton(self.tr("&Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("discardChanges")
        keep = box.addButton(self.tr("&Keep editing"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepEditing")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.finished.connect(lambda _result: self._discard_answered(box, discard))
        self._question = box
        box.open()  # never exec(): the qasync loop keeps running

    def _discard_answered(self, box: QMessageBox, discard: QAbstractButton) -> None:
        self._question = None
        box.deleteLater()
        if box.clickedButton() is discard:
            self._discarding = True
            self.reject()

    def page_named(self, object_name: str) -> QWizardPage:
        for page_id in self.pageIds():
            page = self.page(page_id)
            if page.objectName() == object_name:
                return page
        raise KeyError(object_name)

    def current_name(self) -> str:
        page = self.currentPage()
        return page.objectName() if page is not None else ""

    def accept(self) -> None:
        """Finish: take the current page's input, save the profile and its secrets, close."""
        if self._saving:
            return
        self.finishing = True
        try:
            if not self.validateCurrentPage():
                return  # the page says why (or tests first, then finishes by itself)
        finally:
            self.finishing = False
        try:
            profile = self.draft.profile()
        except Exception as error:  # a page let something invalid through: say so, stay open
            log.exception("the profile does not validate at Finish")
            run_page = self.currentPage()
            show = getattr(run_page, "show_save_error", None)
            if show is not None:
                show(error)
            else:
                log.error("the profile cannot be saved from %s", self.current_name())
            return
        self._saving = True
        operation = self.bridge.save_profile(
            profile, self.draft.secrets(), forget=self.draft.secrets_to_forget()
        )
        operation.succeeded.connect(lambda saved: self._saved(saved))
        operation.failed.connect(self._save_failed)

    def _saved(self, profile: Profile) -> None:
        self._saving = False
        self.profileSaved.emit(profile)
        # The page was validated before saving: close without QWizard validating it again.
        QDialog.done(self, int(QDialog.DialogCode.Accepted))

    def _save_failed(self, error: BaseException) -> None:
        self._saving = False
        show = getattr(self.currentPage(), "show_save_error", None)
        if show is not None:
            show(error)

    def reject(self) -> None:
        window = self.window()
        if window is not self and getattr(window, "running_sync", lambda: None)() is not None:
            # Esc during the first sync: the window asks what becomes of the cycle (stop
            # after the operations in flight, keep running in the tray, or stay).
            window.close()
            return
        if self.changed and not self._discarding:
            self._ask_before_discarding()  # Esc or Cancel with unsaved changes: ask first
            return
        self.device_code.close_prompt()
        for page_id in self.pageIds():
            stop = getattr(self.page(page_id), "stop_work", None)
            if stop is not None:
                stop()
        super().reject()
