"""Where the window shows what the engine, the checks, the sources and the clients said, it
says their coded messages in its own language: a log written in English reads in French
when the window is French, and the other way round; a plain str is shown as it is."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from app.errors import UserFacingError
from app.sync.events import Status, SyncEvent
from app.sync.state.records import CycleRecord, LogEntry
from app.ui.activity_model import event_detail_text, event_summary
from app.ui.crash import describe
from app.ui.dashboard.snapshot import ProfileSnapshot
from app.ui.dashboard.words import problem_words
from app.ui.i18n import install_translators, remove_translators
from app.ui.logs_view import log_detail_text, log_matches, log_summary
from app.ui.widgets import FieldMessage
from app.webex import check_messages as say

ENGLISH = "The token belongs to a bot: a bot cannot provision."
FRENCH = "Le jeton appartient à un bot : un bot ne peut pas provisionner."
MOMENT = datetime(2026, 11, 26, 10, 42, tzinfo=UTC)


@pytest.fixture(params=["en", "fr"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    previous = QLocale()
    translators = install_translators(qapp, request.param)
    try:
        yield str(request.param)
    finally:
        remove_translators(qapp, translators)
        QLocale.setDefault(previous)


def said(language: str) -> str:
    return FRENCH if language == "fr" else ENGLISH


def log_entry(*, coded: bool) -> LogEntry:
    return LogEntry(
        id=7,
        time=MOMENT,
        cycle_id="c1",
        action="Create",
        status=Status.FAILURE.value,
        object_type="User",
        source_id="ada",
        user_name="ada@example.com",
        target_id="",
        modified=[],
        error_code="401",
        message=ENGLISH,
        next_step="Use the token of an administrator.",
        tracking_id="",
        duration_ms=0,
        coded_message=say.BOT() if coded else None,
        coded_next_step=say.BOT_NEXT() if coded else None,
    )


def test_the_log_reads_in_the_window_language(language: str) -> None:
    assert str(say.BOT()) == ENGLISH  # the row was written in English
    entry = log_entry(coded=True)
    assert log_summary(entry) == said(language)
    assert said(language) in log_detail_text(entry)
    assert log_matches(entry, "provisionner" if language == "fr" else "cannot provision")
    assert log_matches(entry, "ada@")
    # A row written before the codes were kept reads as it was written.
    assert log_summary(log_entry(coded=False)) == ENGLISH


def test_the_run_the_dashboard_and_the_errors_in_the_window_language(
    language: str, qapp: QApplication
) -> None:
    event = SyncEvent(
        "operation",
        action="Create",
        status=Status.FAILURE,
        user_name="ada@example.com",
        message=ENGLISH,
        coded_message=say.BOT(),
    )
    assert event_summary(event) == said(language)
    assert said(language) in event_detail_text(event)
    cycle = CycleRecord(
        "c1", MOMENT, MOMENT, "full", {}, "failed", ENGLISH, "", coded_reason=say.BOT()
    )
    problem = problem_words(ProfileSnapshot("acme", cycles=[cycle]))
    assert problem is not None and problem.text == said(language)
    error = UserFacingError(say.BOT(), say.BOT_NEXT())
    assert describe(error)[0] == said(language)
    field = FieldMessage("message")
    field.show_exception(error)
    assert field.text().startswith(said(language))
    assert str(error).startswith(ENGLISH)  # the error's own English never changes
