"""page-scope: the tutorial's Settings: scope, provisioning status, and the safety settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from app.ui.pages.base import BasePage, labelled

if TYPE_CHECKING:
    from app.ui.wizard import SetupWizard


class ScopePage(BasePage):
    def __init__(self, wizard: SetupWizard) -> None:
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
        settings = QGroupBox(self.tr("Settings"), self)
        form = QFormLayout(settings)
        self.scope = QComboBox(settings)
        self.scope.setObjectName("syncScope")
        self.scope.addItem(self.tr("Sync only assigned users and groups"), "assigned")
        self.scope.addItem(self.tr("Sync all users and groups"), "all")
        form.addRow(labelled(self.tr("&Scope:"), self.scope, settings), self.scope)
        self.scope_note = QLabel(settings)
        self.scope_note.setObjectName("syncScopeNote")
        self.scope_note.setWordWrap(True)
        form.addRow("", self.scope_note)
        self.status = QComboBox(settings)
        self.status.setObjectName("provisioningStatus")
        self.status.addItem(self.tr("On"), True)
        self.status.addItem(self.tr("Off"), False)
        form.addRow(labelled(self.tr("Provisioning s&tatus:"), self.status, settings), self.status)
        self.status_note = QLabel(settings)
        self.status_note.setObjectName("provisioningStatusNote")
        self.status_note.setWordWrap(True)
        form.addRow("", self.status_note)
        self.status.currentIndexChanged.connect(lambda _index: self._show_status_note())
        self.interval = QSpinBox(settings)
        self.interval.setObjectName("cycleInterval")
        self.interval.setRange(1, 7 * 24 * 60)  # the profile's own bounds
        self.interval.setValue(40)
        self.interval.setSuffix(self.tr(" minutes"))
        form.addRow(
            labelled(self.tr("Incremental cycle &every:"), self.interval, settings), self.interval
        )
        layout.addWidget(settings)

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
        safety_form.addRow(
            labelled(self.tr("Deletion threshold (&users):"), self.threshold_count, safety),
            self.threshold_count,
        )
        self.threshold_percent = QSpinBox(safety)
        self.threshold_percent.setObjectName("deletionThresholdPercent")
        self.threshold_percent.setRange(0, 100)
        self.threshold_percent.setSuffix(" %")
        self.threshold_percent.setSpecialValueText(self.tr("No limit by share"))
        safety_form.addRow(
            labelled(self.tr("Deletion threshold (&per cent):"), self.threshold_percent, safety),
            self.threshold_percent,
        )
        self.skip_out_of_scope = QCheckBox(
            self.tr("S&kip out-of-scope deletions (users leaving the scope stay active)"), safety
        )
        self.skip_out_of_scope.setObjectName("skipOutOfScopeDeletions")
        safety_form.addRow("", self.skip_out_of_scope)
        layout.addWidget(safety)
        layout.addStretch(1)

        # The draft's values: the defaults for a new profile, the saved ones in Settings.
        draft = self.draft
        self.status.setCurrentIndex(self.status.findData(draft.provisioning_enabled))
        self.interval.setValue(draft.every_minutes)
        self.threshold_count.setValue(draft.safety.deletion_threshold_count)
        self.threshold_percent.setValue(draft.safety.deletion_threshold_percent)
        self.skip_out_of_scope.setChecked(draft.safety.skip_out_of_scope_deletions)
        self._show_status_note()

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
