"""page-run: the first sync, live: progress in users, counters, activity, pause and cancel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout

from app.ui.activity import ActivityView
from app.ui.bridge import SyncRun
from app.ui.i18n import tr_error_text
from app.ui.pages.base import BasePage
from app.ui.widgets import FieldMessage

if TYPE_CHECKING:
    from app.ui.pages.host import WizardHost


class RunPage(BasePage):
    def __init__(self, wizard: WizardHost) -> None:
        super().__init__(wizard, "page-run")
        self.setTitle(self.tr("Provisioning"))
        self.setSubTitle(
            self.tr(
                "The initial sync of every user in scope is running. It takes longer than "
                "the incremental cycles that follow. Finish saves the profile."
            )
        )
        self.setFinalPage(True)
        layout = QVBoxLayout(self)
        self.activity = ActivityView(self)
        layout.addWidget(self.activity, 1)
        self.message = FieldMessage("runMessage", self)
        layout.addWidget(self.message)
        self.run: SyncRun | None = None
        self.activity.runFinished.connect(lambda _result: self.completeChanged.emit())

    def initializePage(self) -> None:
        if self.run is not None:
            return
        draft = self.draft
        try:
            profile = draft.profile()
        except Exception as error:
            self.message.show_error(tr_error_text(error))
            return
        plan = draft.plan
        run = self.bridge.start_sync(profile, draft.webex_token, draft.draft_secrets(), plan=plan)
        self.track(run)
        self.run = run
        expected = plan.users_total() if plan is not None else 0
        self.activity.attach(run, expected_total=expected)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.run is not None and self.activity.finished

    def show_save_error(self, error: BaseException) -> None:
        self.message.show_exception(error)

    def stop_work(self) -> None:
        if self.run is not None and self.run.running:
            self.run.cancel()
