"""page-review: the dry run: counts by action, each object with its changes, export, start."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from app.sync.plan import Action
from app.ui.i18n import tr_error_text, tr_text
from app.ui.models import DryRunModel, action_label
from app.ui.pages.base import BasePage
from app.ui.widgets import BusyBar, FieldMessage, compact_rows

if TYPE_CHECKING:
    from app.sync.plan import Plan
    from app.ui.pages.host import WizardHost


class DryRunFilter(QSortFilterProxyModel):
    """Hides the NoChange rows unless asked: the admin reviews what will change."""

    def __init__(self) -> None:
        super().__init__()
        self.show_unchanged = False

    def set_show_unchanged(self, show: bool) -> None:
        self.beginFilterChange()
        self.show_unchanged = show
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:
        if self.show_unchanged:
            return True
        model = self.sourceModel()
        assert isinstance(model, DryRunModel)
        return model.operation_at(source_row).action != Action.NO_CHANGE


class ReviewPage(BasePage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard, "page-review")
        self.setTitle(self.tr("Review: dry run"))
        self.setSubTitle(
            self.tr(
                "This is what the first sync will do. Nothing has been sent yet: the source "
                "and the target were only read."
            )
        )
        self.setCommitPage(True)
        layout = QVBoxLayout(self)
        self.busy = BusyBar("reviewBusy", self)
        self.busy.cancelRequested.connect(self.stop_work)
        layout.addWidget(self.busy)
        self.summary = QLabel(self)
        self.summary.setObjectName("dryRunSummary")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Dry run summary"))
        layout.addWidget(self.summary)
        self.message = FieldMessage("reviewMessage", self)
        layout.addWidget(self.message)
        # Issue 23: said before "Start sync", not after it: a cycle the deletion threshold
        # will hold, and a profile whose provisioning status is Off.
        self.hold_warning = FieldMessage("reviewHoldWarning", self)
        self.hold_warning.setAccessibleName(self.tr("The sync will be held"))
        layout.addWidget(self.hold_warning)
        self.status_note = FieldMessage("reviewStatusOff", self)
        self.status_note.setAccessibleName(self.tr("Provisioning status is Off"))
        layout.addWidget(self.status_note)
        self.model = DryRunModel(self)
        self.proxy = DryRunFilter()
        self.proxy.setParent(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("dryRunTable")
        self.table.setAccessibleName(self.tr("Planned operations"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the plan's own order first
        compact_rows(self.table)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 240), (1, 100), (2, 110), (3, 320)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.show_unchanged = QCheckBox(self.tr("Show &unchanged objects"), self)
        self.show_unchanged.setObjectName("showUnchanged")
        self.show_unchanged.toggled.connect(self.proxy.set_show_unchanged)
        self.export_button = QPushButton(self.tr("E&xport to CSV…"), self)
        self.export_button.setObjectName("exportDryRun")
        self.export_button.clicked.connect(self.choose_export_file)
        self.rerun_button = QPushButton(self.tr("Run the dry run a&gain"), self)
        self.rerun_button.setObjectName("rerunDryRun")
        self.rerun_button.clicked.connect(self.start_dry_run)
        row.addWidget(self.show_unchanged)
        row.addStretch(1)
        row.addWidget(self.rerun_button)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        # Tab follows the row from left to right.
        QWidget.setTabOrder(self.show_unchanged, self.rerun_button)
        QWidget.setTabOrder(self.rerun_button, self.export_button)
        self._running: Any = None

    @property
    def provisioning_off(self) -> bool:
        return not self.draft.provisioning_enabled

    def nextId(self) -> int:
        # Status Off: nothing is sent, so no run page: this page saves (Finish).
        return -1 if self.provisioning_off else super().nextId()

    def initializePage(self) -> None:
        # The wizard's commit button is this page's "Start sync".
        self.setup.button(QWizard.WizardButton.CommitButton).setObjectName("startSync")
        self.setButtonText(QWizard.WizardButton.FinishButton, self._finish_text())
        if self.provisioning_off:
            self.status_note.show_info(
                self.tr(
                    "Provisioning status is Off: nothing will be sent to Webex. Save without "
                    "syncing saves the profile; no cycle runs until you turn provisioning on "
                    "(or press Sync now in the dashboard, which runs one cycle after asking)."
                )
            )
        else:
            self.status_note.clear_message()
        if self.draft.plan is None:
            self.start_dry_run()
        else:
            self._show_plan(self.draft.plan)

    def _finish_text(self) -> str:
        if self.provisioning_off:
            return self.tr("Save &without syncing")
        return self.setup.buttonText(QWizard.WizardButton.FinishButton)

    def start_dry_run(self) -> None:
        self.stop_work()
        self.draft.plan = None
        self.model.set_operations([])
        self.summary.clear()
        self.message.clear_message()
        self.hold_warning.clear_message()
        try:
            profile = self.draft.profile()
        except Exception as error:
            self.message.show_error(tr_error_text(error))
            return
        operation = self.track(
            self.bridge.dry_run(profile, self.draft.webex_token, self.draft.draft_secrets())
        )
        self._running = operation
        self.busy.start(self.tr("Reading the source and the target to plan the sync…"))
        operation.succeeded.connect(self._planned)
        operation.failed.connect(self.message.show_exception)
        operation.finished.connect(self._idle)
        self._update_buttons()
        self.completeChanged.emit()

    def _idle(self) -> None:
        self._running = None
        self.busy.stop()
        self._update_buttons()
        self.completeChanged.emit()

    def _update_buttons(self) -> None:
        idle = self._running is None
        self.export_button.setEnabled(idle and self.draft.plan is not None)
        self.rerun_button.setEnabled(idle)

    def _planned(self, plan: Plan) -> None:
        self.draft.plan = plan
        self._show_plan(plan)

    def _show_plan(self, plan: Plan) -> None:
        self.model.set_operations(plan.operations)
        counts = plan.counts()
        parts = [
            self.tr("{action}: {count}").format(action=action_label(action), count=number)
            for action, number in counts.items()
        ]
        text = "  ·  ".join(parts)
        if plan.notes:
            text += "\n" + "\n".join(tr_text(note) for note in plan.said_notes())
        self.summary.setText(text)
        writes = len(plan.writes())
        if plan.hold is not None:
            self.hold_warning.show_error(self._hold_text(plan))
        else:
            self.hold_warning.clear_message()
        if self.provisioning_off:
            self.message.show_info(self.tr("Nothing will be sent: provisioning status is Off."))
        elif plan.hold is not None:
            self.message.show_info(self.tr("Start sync will send nothing: the cycle will be held."))
        elif writes == 0:
            self.message.show_info(self.tr("Everything is already in sync: nothing to send."))
        else:
            self.message.show_info(
                self.tr("{count} objects will be written when you start the sync.").format(
                    count=writes
                )
            )
        self._update_buttons()
        self.completeChanged.emit()

    def _hold_text(self, plan: Plan) -> str:
        """Why the deletion threshold will hold the cycle, with the numbers."""
        hold = plan.hold
        assert hold is not None
        parts = []
        if hold.users_removed:
            parts.append(
                self.tr(
                    "{removed} of {linked} provisioned users ({percent} %) would be disabled "
                    "or deleted."
                ).format(
                    removed=hold.users_removed,
                    linked=hold.users_linked,
                    percent=_percent(hold.users_removed, hold.users_linked),
                )
            )
        if hold.groups_removed:
            parts.append(
                self.tr(
                    "{removed} of {linked} provisioned groups ({percent} %) would be deleted."
                ).format(
                    removed=hold.groups_removed,
                    linked=hold.groups_linked,
                    percent=_percent(hold.groups_removed, hold.groups_linked),
                )
            )
        safety = self.draft.safety
        count, percent = safety.deletion_threshold_count, safety.deletion_threshold_percent
        limits = []
        if count:
            limits.append(self.tr("more than {count}").format(count=count))
        if percent:
            limits.append(self.tr("more than {percent} %").format(percent=percent))
        if limits:
            parts.append(
                self.tr("The threshold is {limits}.").format(limits=self.tr(" or ").join(limits))
            )
        parts.append(
            self.tr(
                "The cycle will be held: nothing at all will be sent, no creation either, "
                "until you allow the removals (Allow the removals and run in the dashboard). "
                "Check the source first: a wrong file or filter removes many users at once."
            )
        )
        return " ".join(parts)

    # --- export -----------------------------------------------------------------------

    def choose_export_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Export the dry run"))
        dialog.setObjectName("exportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("CSV files (*.csv)")])
        dialog.setDefaultSuffix("csv")
        dialog.selectFile(f"{self.draft.name}-dry-run.csv")
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.open()  # never exec(): the qasync loop keeps running

    def export_to(self, path: Path) -> None:
        plan = self.draft.plan
        if plan is None:
            return
        operation = self.track(self.bridge.write_text(path, plan.to_csv()))
        operation.succeeded.connect(
            lambda _r: self.message.show_ok(
                self.tr("The dry run was exported to {path}.").format(path=str(path))
            )
        )
        operation.failed.connect(self.message.show_exception)

    # --- the page ---------------------------------------------------------------------

    def isComplete(self) -> bool:
        if self.provisioning_off:  # saving sends nothing: the dry run is for information
            return self._running is None
        return self._running is None and self.draft.plan is not None

    def validatePage(self) -> bool:
        return self.provisioning_off or self.draft.plan is not None


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 100
