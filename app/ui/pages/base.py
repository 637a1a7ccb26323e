"""What every page shares: its wizard, the draft, the bridge, and the operations it started."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWizardPage

from app.ui.bridge import EngineBridge, Operation
from app.ui.pages.host import WizardHost
from app.ui.widgets import FieldMessage
from app.ui.wizard_draft import WizardDraft


class BasePage(QWizardPage):
    def __init__(self, wizard: WizardHost, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self._setup = wizard
        self._operations: list[Operation[Any]] = []
        self._save_message: FieldMessage | None = None

    @property
    def setup(self) -> WizardHost:
        return self._setup

    @property
    def draft(self) -> WizardDraft:
        return self._setup.draft

    @property
    def bridge(self) -> EngineBridge:
        return self._setup.bridge

    def track(self, operation: Operation[Any]) -> Operation[Any]:
        """Keep the operation so that leaving the wizard cancels it; a Microsoft sign-in by
        device code that it needs is shown over the wizard."""
        self._operations = [op for op in self._operations if op.running]
        self._operations.append(operation)
        self._setup.device_code.watch(operation)
        return operation

    def stop_work(self) -> None:
        for operation in self._operations:
            operation.cancel()
        self._operations = []

    def show_save_error(self, error: BaseException) -> None:
        """Finish could not save: say why at the bottom of the page (Save on any page)."""
        if self._save_message is None:
            self._save_message = FieldMessage("saveMessage", self)
            layout = self.layout()
            if layout is not None:
                layout.addWidget(self._save_message)
        self._save_message.show_exception(error)
