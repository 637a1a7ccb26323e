"""The state file keeps the coded messages of the log and the cycles beside their English, so
that a log written in English reads in French, and a file of the previous version still opens."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from app.directory.entra_checks import USERS
from app.language import translator
from app.messages import english, message
from app.sync.events import CycleResult, Status, SyncEvent
from app.sync.state import StateStore
from app.sync.state.database import SCHEMA_VERSION

SKIPPED = message("test.state.skipped", "Skipped: {users} in scope.")

STARTED = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_log_rows_keep_their_coded_messages(tmp_path: Path) -> None:
    said = SKIPPED(users=USERS(count=2))
    with StateStore(tmp_path / "p.sqlite3") as state:
        state.add_events(
            [
                SyncEvent(
                    "operation",
                    cycle_id="c1",
                    action="Create",
                    status=Status.SKIPPED,
                    user_name="ada@example.com",
                    message=said.english,
                    coded_message=said,
                ),
                SyncEvent("operation", cycle_id="c1", action="Update", message="Plain English."),
            ]
        )
        coded, plain = state.query_log(cycle_id="c1")
    assert coded.message == "Skipped: 2 users in scope."
    assert coded.coded_message == said
    assert coded.texts(english) == ("Skipped: 2 users in scope.", "")
    # The nested count reads in French; this test's own template has no French: English.
    assert coded.texts(translator("fr"))[0] == "Skipped: 2 utilisateurs in scope."
    assert coded.to_dict()["messages"]["message"]["code"] == "test.state.skipped"
    assert plain.coded_message is None and "messages" not in plain.to_dict()
    assert plain.texts(translator("fr")) == ("Plain English.", "")


def test_cycles_keep_their_coded_reason(tmp_path: Path) -> None:
    reason = USERS(count=1)
    with StateStore(tmp_path / "p.sqlite3") as state:
        state.start_cycle("c1", STARTED, "full")
        state.finish_cycle(
            CycleResult(
                "c1",
                STARTED,
                STARTED,
                "completed",
                reason=reason.english,
                coded_reason=reason,
            )
        )
        record = state.cycle("c1")
    assert record is not None
    assert record.reason == "1 user" and record.coded_reason == reason
    assert record.texts(translator("fr")) == ("1 utilisateur", "")


def test_a_file_of_the_previous_version_opens_and_reads_in_english(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with StateStore(path) as state:
        state.add_events([SyncEvent("operation", cycle_id="c1", message="Old row.")])
    db = sqlite3.connect(path)
    db.execute("ALTER TABLE log DROP COLUMN message_json")
    db.execute("ALTER TABLE log DROP COLUMN next_step_json")
    db.execute("ALTER TABLE cycles DROP COLUMN reason_json")
    db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    with StateStore(path) as state:
        assert state.schema_version == SCHEMA_VERSION == 3
        (row,) = state.query_log()
        assert row.message == "Old row." and row.coded_message is None
        state.add_events([SyncEvent("operation", cycle_id="c2", coded_message=USERS(count=3))])
        assert state.query_log(cycle_id="c2")[0].coded_message == USERS(count=3)


def test_an_unreadable_coded_column_falls_back_to_english(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    with StateStore(path) as state:
        state.add_events([SyncEvent("operation", cycle_id="c1", message="Kept.")])
    db = sqlite3.connect(path)
    db.execute("UPDATE log SET message_json = ?", (json.dumps({"no": "code"}),))
    db.commit()
    db.close()
    with StateStore(path) as state:
        (row,) = state.query_log()
    assert row.coded_message is None and row.texts(translator("fr"))[0] == "Kept."
