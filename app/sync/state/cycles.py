"""A profile's cycles as the state file keeps them: each cycle's start and end, the one an
interrupted run left, the source's watermarks, the quarantine, and the last notification
sent."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from app.sync.events import CycleResult
from app.sync.state.journal import JournalTable
from app.sync.state.records import (
    CycleRecord,
    InterruptedCycle,
    Quarantine,
    coded_from_json,
    coded_json,
    format_time,
    now_text,
    parse_time,
)


class CycleTable(JournalTable):
    """The cycles, watermarks, quarantine and notification rows of a state file (an
    interrupted cycle is told by its journal, hence the journal underneath)."""

    # -- cycles -----------------------------------------------------------------------

    def start_cycle(self, cycle_id: str, started: datetime, mode: str) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO cycles (cycle_id, started, mode) VALUES (?, ?, ?)",
                (cycle_id, format_time(started), mode),
            )

    def finish_cycle(self, result: CycleResult) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT INTO cycles (cycle_id, started, finished, mode, counts, outcome, reason,"
                " next_step, reason_json, next_step_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (cycle_id) DO UPDATE SET"
                " finished=excluded.finished, mode=excluded.mode, counts=excluded.counts,"
                " outcome=excluded.outcome, reason=excluded.reason,"
                " next_step=excluded.next_step, reason_json=excluded.reason_json,"
                " next_step_json=excluded.next_step_json",
                (
                    result.cycle_id,
                    format_time(result.started),
                    format_time(result.finished),
                    result.mode,
                    json.dumps({a: dict(s) for a, s in result.counts.items()}),
                    result.outcome,
                    result.reason,
                    result.next_step,
                    coded_json(result.coded_reason),
                    coded_json(result.coded_next_step),
                ),
            )

    def cycles(self, *, limit: int = 50) -> list[CycleRecord]:
        rows = self._query(
            "SELECT * FROM cycles ORDER BY started DESC, rowid DESC LIMIT ?",
            (limit,),
        )
        return [_cycle(row) for row in rows]

    def cycle(self, cycle_id: str) -> CycleRecord | None:
        rows = self._query("SELECT * FROM cycles WHERE cycle_id = ?", (cycle_id,))
        return _cycle(rows[0]) if rows else None

    def last_cycle(self) -> CycleRecord | None:
        """The newest finished cycle."""
        rows = self._query(
            "SELECT * FROM cycles WHERE finished IS NOT NULL"
            " ORDER BY finished DESC, rowid DESC LIMIT 1"
        )
        return _cycle(rows[0]) if rows else None

    def unfinished_cycles(self) -> list[CycleRecord]:
        rows = self._query("SELECT * FROM cycles WHERE finished IS NULL ORDER BY started")
        return [_cycle(row) for row in rows]

    def interrupted_cycle(self) -> InterruptedCycle | None:
        """The newest cycle that never recorded its end, newer than every finished one, with
        how far its journal got; None when the last cycle ended. Whether it is still running
        in another process is the profile lock's to tell (`ProfileLock.current_owner()`)."""
        rows = self._query(
            "SELECT * FROM cycles WHERE finished IS NULL AND mode != 'one'"
            " ORDER BY started DESC, rowid DESC LIMIT 1"
        )
        if not rows:
            return None
        record = _cycle(rows[0])
        last = self.last_cycle()
        if last is not None and last.mode != "one" and last.started > record.started:
            return None
        counts = self.journal_counts(record.cycle_id)
        times = [record.started]
        for sql in (
            "SELECT MAX(updated) FROM journal WHERE cycle_id = ?",
            "SELECT MAX(time) FROM log WHERE cycle_id = ?",
        ):
            value = self._query(sql, (record.cycle_id,))[0][0]
            if value:
                times.append(parse_time(value))
        return InterruptedCycle(
            cycle_id=record.cycle_id,
            started=record.started,
            stopped=max(times),
            mode=record.mode,
            done=counts.get("done", 0) + counts.get("failed", 0),
            planned=sum(counts.values()),
        )

    # -- watermarks -------------------------------------------------------------------

    def watermark(self, name: str = "source") -> str | None:
        rows = self._query("SELECT value FROM watermarks WHERE name = ?", (name,))
        return str(rows[0][0]) if rows else None

    def set_watermark(self, value: str | None, name: str = "source") -> None:
        with self._transaction() as db:
            if value is None:
                db.execute("DELETE FROM watermarks WHERE name = ?", (name,))
            else:
                db.execute(
                    "INSERT OR REPLACE INTO watermarks (name, value, updated) VALUES (?, ?, ?)",
                    (name, value, now_text()),
                )

    def clear_watermarks(self) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM watermarks")

    # -- quarantine -------------------------------------------------------------------

    def quarantine(self) -> Quarantine | None:
        rows = self._query("SELECT * FROM quarantine WHERE id = 1")
        if not rows:
            return None
        row = rows[0]
        return Quarantine(
            reason=row["reason"],
            next_step=row["next_step"],
            cause=row["cause"],
            since=parse_time(row["since"]),
            next_attempt=parse_time(row["next_attempt"]),
            level=int(row["level"]),
            coded_reason=coded_from_json(row["reason_json"]),
            coded_next_step=coded_from_json(row["next_step_json"]),
        )

    def set_quarantine(self, quarantine: Quarantine) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO quarantine (id, reason, next_step, cause, since,"
                " next_attempt, level, reason_json, next_step_json)"
                " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    quarantine.reason,
                    quarantine.next_step,
                    quarantine.cause,
                    format_time(quarantine.since),
                    format_time(quarantine.next_attempt),
                    quarantine.level,
                    coded_json(quarantine.coded_reason),
                    coded_json(quarantine.coded_next_step),
                ),
            )

    def clear_quarantine(self) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM quarantine")

    # -- notifications ----------------------------------------------------------------

    def last_notification_reason(self) -> str | None:
        rows = self._query("SELECT value FROM meta WHERE key = 'last_notification_reason'")
        return str(rows[0][0]) if rows else None

    def set_last_notification_reason(self, reason: str | None) -> None:
        with self._transaction() as db:
            if reason is None:
                db.execute("DELETE FROM meta WHERE key = 'last_notification_reason'")
            else:
                db.execute(
                    "INSERT OR REPLACE INTO meta (key, value)"
                    " VALUES ('last_notification_reason', ?)",
                    (reason,),
                )


def _cycle(row: sqlite3.Row) -> CycleRecord:
    return CycleRecord(
        cycle_id=row["cycle_id"],
        started=parse_time(row["started"]),
        finished=parse_time(row["finished"]) if row["finished"] else None,
        mode=row["mode"],
        counts=json.loads(row["counts"]),
        outcome=row["outcome"],
        reason=row["reason"],
        next_step=row["next_step"],
        coded_reason=coded_from_json(row["reason_json"]),
        coded_next_step=coded_from_json(row["next_step_json"]),
    )
