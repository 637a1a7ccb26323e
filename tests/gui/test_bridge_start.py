"""A sync started from the wizard's run page waits for the page to be drawn before its
start-up work."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.config.profile import CsvSettings, SourceSettings
from app.errors import InputError
from app.ui import bridge as bridge_module
from app.ui.bridge import EngineBridge
from app.ui.pages.run import RunPage
from app.ui.wizard_draft import WizardDefaults
from app.ui.wizard_window import WizardWindow
from tests.support.gui import SAMPLE_CSV


class PaintCounter(QObject):
    """Paint events of one window's widgets, counted as Qt delivers them."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.window = window
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            self.paints += 1
        return False


def test_the_engine_starts_once_the_run_page_is_painted(
    bridge: EngineBridge, qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The engine's start-up (imports, the source read in a worker thread) holds the GIL
    that the page's first paint needs: together they froze the window (benchmark P4).
    Without the turns it waits for (bridge.START_AFTER_TURNS = 0), the engine was built
    before the page had any paint event, in every run of this test."""
    assert bridge_module.START_AFTER_TURNS > 0
    paints_when_started: list[int] = []
    window = WizardWindow(
        bridge,
        WizardDefaults(
            profile_name="paint-first",
            tenant_url="https://example.com/scim/v2/",
            token="x" * 40,
            csv_path=SAMPLE_CSV,
        ),
    )
    qtbot.addWidget(window)
    counter = PaintCounter(window)
    qapp.installEventFilter(counter)

    def engine(self: EngineBridge, *args: Any) -> Any:
        paints_when_started.append(counter.paints)
        raise InputError("Stopped by the test.", "Nothing to do.")

    monkeypatch.setattr(EngineBridge, "_locked_cycle", engine)
    wizard = window.wizard
    wizard.draft.source = SourceSettings(kind="csv", csv=CsvSettings(path=SAMPLE_CSV))
    wizard.draft.tenant_url = "https://example.com/scim/v2/"
    wizard.draft.token = "x" * 40
    run_page = wizard.page_named("page-run")
    assert isinstance(run_page, RunPage)
    wizard.setStartId(next(i for i in wizard.pageIds() if wizard.page(i) is run_page))
    try:
        window.show()  # the run page starts the sync as it is shown
        assert run_page.run is not None
        qtbot.waitUntil(lambda: bool(paints_when_started), timeout=10_000)
    finally:
        qapp.removeEventFilter(counter)
    assert paints_when_started[0] > 0
