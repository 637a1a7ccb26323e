"""page-welcome: what the wizard will do, the prerequisites, the target and the profile name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

from app.config.profile import profile_name_problem
from app.ui.pages.base import BasePage
from app.ui.widgets import FieldMessage, labelled

if TYPE_CHECKING:
    from app.ui.pages.host import WizardHost


class WelcomePage(BasePage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard, "page-welcome")
        self.setTitle(self.tr("Welcome"))
        self.setSubTitle(
            self.tr(
                "This wizard connects a directory to Cisco Webex and keeps its users "
                "provisioned over SCIM 2.0, step by step as in Microsoft's tutorial "
                "“Configure Cisco Webex for automatic user provisioning”."
            )
        )
        layout = QVBoxLayout(self)
        self._build_introduction(layout)
        layout.addWidget(self._build_target_box())
        layout.addLayout(self._build_name_row())
        layout.addStretch(1)
        self._fill_in(wizard)
        self.profile_name.textChanged.connect(self._name_changed)
        self._name_changed(self.profile_name.text())

    def _build_introduction(self, layout: QVBoxLayout) -> None:
        """What the wizard will do, and the prerequisites."""
        steps = QLabel(
            self.tr(
                "<b>What the wizard will do</b><ol>"
                "<li>Choose the source directory: Microsoft Entra ID or a CSV file.</li>"
                "<li>Enter the admin credentials (tenant URL and secret token) and test the "
                "connection.</li>"
                "<li>Choose who receives an e-mail when provisioning fails.</li>"
                "<li>Review the attribute mappings and preview them on a real user.</li>"
                "<li>Add scoping filters, choose the scope and the provisioning status.</li>"
                "<li>Review a dry run of what will be created, updated and disabled, then "
                "start the first sync.</li></ol>"
            ),
            self,
        )
        steps.setObjectName("welcomeSteps")
        steps.setWordWrap(True)
        layout.addWidget(steps)

        prerequisites = QLabel(
            self.tr(
                "<b>Prerequisites</b><ul>"
                "<li>A Cisco Webex tenant and a user account in it with administrator "
                "permissions (full or user administrator).</li>"
                "<li>A source directory: a Microsoft Entra ID tenant with an app "
                "registration, or a CSV export of your users.</li></ul>"
            ),
            self,
        )
        prerequisites.setObjectName("welcomePrerequisites")
        prerequisites.setWordWrap(True)
        layout.addWidget(prerequisites)

    def _build_target_box(self) -> QGroupBox:
        """Cisco Webex or another SCIM 2.0 application."""
        target_box = QGroupBox(self.tr("Provision users into"), self)
        target_layout = QVBoxLayout(target_box)
        self.target_webex = QRadioButton(self.tr("&Cisco Webex"), target_box)
        self.target_webex.setObjectName("targetWebex")
        self.target_scim = QRadioButton(self.tr("&Another SCIM 2.0 application"), target_box)
        self.target_scim.setObjectName("targetScim")
        self.target_group = QButtonGroup(self)
        self.target_group.addButton(self.target_webex)
        self.target_group.addButton(self.target_scim)
        target_layout.addWidget(self.target_webex)
        target_layout.addWidget(self.target_scim)
        return target_box

    def _build_name_row(self) -> QFormLayout:
        """The profile's name and its message."""
        form = QFormLayout()
        self.profile_name = QLineEdit(self)
        self.profile_name.setObjectName("profileName")
        self.profile_name.setPlaceholderText(self.tr("e.g. acme"))
        form.addRow(labelled(self.tr("&Profile name:"), self.profile_name, self), self.profile_name)
        self.profile_name_message = FieldMessage("profileNameMessage", self)
        form.addRow("", self.profile_name_message)
        return form

    def _fill_in(self, wizard: WizardHost) -> None:
        """The name and the target of the saved profile (its Settings), else the defaults'."""
        defaults = wizard.defaults
        editing = wizard.editing
        if editing is not None:
            # Settings of a saved profile: its name is its file and its keyring entries.
            self.setTitle(self.tr("Settings of the profile {name}").format(name=editing.name))
            self.setSubTitle(
                self.tr(
                    "The pages of the set-up, filled in with this profile's settings. Change "
                    "what you need, then Save on any page; the changes apply from the next "
                    "cycle."
                )
            )
            self.profile_name.setText(editing.name)
            self.profile_name.setReadOnly(True)
            self.profile_name.setToolTip(self.tr("The name of a saved profile cannot change."))
            target_kind = editing.target.kind
        else:
            self.profile_name.setText(defaults.profile_name)
            target_kind = defaults.target_kind
        (self.target_scim if target_kind == "scim" else self.target_webex).setChecked(True)

    def _name_problem(self, name: str) -> str | None:
        if not name:
            return self.tr("Give the profile a name, e.g. acme.")
        if profile_name_problem(name):
            return self.tr("A profile name may contain only letters, digits, - and _ (at most 64).")
        editing = self.setup.editing
        if editing is not None and name == editing.name:
            return None  # the profile being edited: saved over
        if self.bridge.profile_exists(name):
            return self.tr("A profile named {name} already exists; choose another name.").format(
                name=name
            )
        return None

    def _name_changed(self, text: str) -> None:
        problem = self._name_problem(text.strip())
        if problem and text:
            self.profile_name_message.show_error(problem)
        else:
            self.profile_name_message.clear_message()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._name_problem(self.profile_name.text().strip()) is None

    def validatePage(self) -> bool:
        self.draft.name = self.profile_name.text().strip()
        self.draft.target_kind = "scim" if self.target_scim.isChecked() else "webex"
        return True
