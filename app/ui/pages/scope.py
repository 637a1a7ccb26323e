"""page-scope: the tutorial's Settings: scope, provisioning status, and the safety settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from app.config.settings import setting
from app.ui.pages.base import BasePage
from app.ui.widgets import labelled

if TYPE_CHECKING:
    from app.ui.pages.host import WizardHost


def _words(text: str) -> str:
    """A label or choice of the settings table (app/config/settings.py), translated in this
    page's context."""
    return QCoreApplication.translate("ScopePage", text)


class ScopePage(BasePage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard, "page-scope")
        self.setTitle(self.tr("Scope and provisioning status"))
        self.setSubTitle(
            self.tr(
                "Choose which users and groups are provisioned, and whether provisioning "
                "keeps running: incremental cycles then run about every 40 minutes while "
                "the program is open or scheduled."
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self._settings_box())
        layout.addWidget(self._safety_box())
        layout.addStretch(1)
        self.status.currentIndexChanged.connect(lambda _index: self._show_status_note())

        # The draft's values: the defaults for a new profile, the saved ones in Settings.
        draft = self.draft
        self.status.setCurrentIndex(self.status.findData(draft.provisioning_enabled))
        self.interval.setValue(draft.every_minutes)
        self.threshold_count.setValue(draft.safety.deletion_threshold_count)
        self.threshold_percent.setValue(draft.safety.deletion_threshold_percent)
        self.skip_out_of_scope.setChecked(draft.safety.skip_out_of_scope_deletions)
        self._show_status_note()

    def _settings_box(self) -> QGroupBox:
        """Scope, provisioning status and the cycle interval."""
        settings = QGroupBox(self.tr("Settings"), self)
        form = QFormLayout(settings)
        scope = setting("--scope")
        self.scope = QComboBox(settings)
        self.scope.setObjectName("syncScope")
        for value in scope.choices:
            self.scope.addItem(_words(scope.choice_label(value)), value)
        form.addRow(labelled(_words(scope.label), self.scope, settings), self.scope)
        self.scope_note = QLabel(settings)
        self.scope_note.setObjectName("syncScopeNote")
        self.scope_note.setWordWrap(True)
        form.addRow("", self.scope_note)
        status = setting("--provisioning")
        self.status = QComboBox(settings)
        self.status.setObjectName("provisioningStatus")
        for value in status.choices:
            self.status.addItem(_words(status.choice_label(value)), value == "on")
        form.addRow(labelled(_words(status.label), self.status, settings), self.status)
        self.status_note = QLabel(settings)
        self.status_note.setObjectName("provisioningStatusNote")
        self.status_note.setWordWrap(True)
        form.addRow("", self.status_note)
        self.interval = QSpinBox(settings)
        self.interval.setObjectName("cycleInterval")
        self.interval.setRange(1, 7 * 24 * 60)  # the profile's own bounds
        self.interval.setValue(40)
        self.interval.setSuffix(self.tr(" minutes"))
        every = setting("--every")
        form.addRow(labelled(_words(every.label), self.interval, settings), self.interval)
        return settings

    def _safety_box(self) -> QGroupBox:
        """The deletion thresholds and what happens to users leaving the scope."""
        safety = QGroupBox(self.tr("Prevent accidental deletions"), self)
        safety_form = QFormLayout(safety)
        explain = QLabel(
            self.tr(
                "When one cycle would disable or delete more users than this (or more "
                "groups), counted against what was provisioned before the cycle, nothing at "
                "all is sent and the cycle is held until you allow it. Exactly at a limit "
                "is not held."
            ),
            safety,
        )
        explain.setWordWrap(True)
        safety_form.addRow(explain)
        self.threshold_count = QSpinBox(safety)
        self.threshold_count.setObjectName("deletionThresholdCount")
        self.threshold_count.setRange(0, 1_000_000)
        self.threshold_count.setSpecialValueText(self.tr("No limit by count"))
        count = setting("--deletion-threshold")
        safety_form.addRow(
            labelled(_words(count.label), self.threshold_count, safety), self.threshold_count
        )
        self.threshold_percent = QSpinBox(safety)
        self.threshold_percent.setObjectName("deletionThresholdPercent")
        self.threshold_percent.setRange(0, 100)
        self.threshold_percent.setSuffix(" %")
        self.threshold_percent.setSpecialValueText(self.tr("No limit by share"))
        percent = setting("--deletion-threshold-percent")
        safety_form.addRow(
            labelled(_words(percent.label), self.threshold_percent, safety),
            self.threshold_percent,
        )
        skip = setting("--skip-out-of-scope-deletions")
        self.skip_out_of_scope = QCheckBox(_words(skip.label), safety)
        self.skip_out_of_scope.setObjectName("skipOutOfScopeDeletions")
        safety_form.addRow("", self.skip_out_of_scope)
        return safety

    def _show_status_note(self) -> None:
        # One rule everywhere (issue 23): Off means no cycle runs by itself.
        if self.status.currentData():
            self.status_note.setText(
                self.tr(
                    "On: a cycle runs at the interval below, while the program is open or "
                    "from the system's scheduler."
                )
            )
        else:
            self.status_note.setText(
                self.tr(
                    "Off: no cycle runs by itself and nothing is sent. Sync now in the "
                    "dashboard asks before running one cycle; from the command line, "
                    "`sync --force` runs one."
                )
            )

    def initializePage(self) -> None:
        csv = self.draft.source is not None and self.draft.source.kind == "csv"
        self.scope.setCurrentIndex(self.scope.findData(self.draft.scope))
        self.scope.setEnabled(not csv)
        if csv:
            self.scope.setCurrentIndex(self.scope.findData("all"))
            self.scope_note.setText(
                self.tr("A CSV file lists exactly the users to provision: every row is in scope.")
            )
        else:
            self.scope_note.setText(
                self.tr(
                    "Assigned: the users and groups assigned to the enterprise application "
                    "(users with the role Default Access are left out)."
                )
            )

    def validatePage(self) -> bool:
        draft = self.draft
        draft.scope = self.scope.currentData()
        draft.provisioning_enabled = bool(self.status.currentData())
        draft.every_minutes = self.interval.value()
        draft.safety = draft.safety.model_copy(
            update={
                "deletion_threshold_count": self.threshold_count.value(),
                "deletion_threshold_percent": self.threshold_percent.value(),
                "skip_out_of_scope_deletions": self.skip_out_of_scope.isChecked(),
            }
        )
        draft.plan = None
        return True
