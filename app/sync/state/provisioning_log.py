"""The provisioning log: one row per operation answered (or skipped, or held), filtered and
searched by the log views, exported as CSV or JSON, pruned by age."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, Literal

from app.sync.events import SyncEvent
from app.sync.spreadsheet import spreadsheet_row
from app.sync.state.database import Database, insert_many
from app.sync.state.records import (
    LogEntry,
    coded_from_json,
    coded_json,
    format_time,
    parse_time,
)

LOG_COLUMNS = (
    "time",
    "cycle_id",
    "action",
    "status",
    "object_type",
    "source_id",
    "user_name",
    "target_id",
    "modified",
    "error_code",
    "message",
    "next_step",
    "tracking_id",
    "duration_ms",
)

# The coded messages beside the English ones (JSON of app.messages.Message.to_dict(); empty
# when the producer made none). Not exported: the export keeps LOG_COLUMNS.
CODED_COLUMNS = ("message_json", "next_step_json")

# Built from the fixed column names above; every value is a bound parameter.
INSERT_LOG = f"INSERT INTO log ({', '.join(LOG_COLUMNS + CODED_COLUMNS)})"


class LogTable(Database):
    """The log table of a state file."""

    def add_events(self, events: Iterable[SyncEvent]) -> None:
        added = list(events)
        if not added:
            return
        with self._transaction() as db:
            write_log(db, added)

    def query_log(
        self,
        *,
        cycle_id: str | None = None,
        text: str | None = None,
        status: str | Sequence[str] | None = None,
        action: str | None = None,
        object_type: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = False,
    ) -> list[LogEntry]:
        """Rows of the provisioning log, filtered; `text` matches names, ids and messages."""
        where, params = _log_filter(cycle_id, text, status, action, object_type)
        # `where` holds only fixed column names and ? placeholders; values are bound.
        sql = f"SELECT * FROM log{where} ORDER BY id {'DESC' if newest_first else 'ASC'}"  # noqa: S608
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params.extend([limit, offset])
        return [_log_entry(row) for row in self._query(sql, params)]

    def count_log(
        self,
        *,
        cycle_id: str | None = None,
        text: str | None = None,
        status: str | Sequence[str] | None = None,
        action: str | None = None,
        object_type: str | None = None,
    ) -> int:
        where, params = _log_filter(cycle_id, text, status, action, object_type)
        return int(self._query(f"SELECT COUNT(*) FROM log{where}", params)[0][0])  # noqa: S608

    def export_log(
        self, fmt: Literal["csv", "json"], *, cycle_id: str | None = None, **filters: Any
    ) -> str:
        entries = self.query_log(cycle_id=cycle_id, **filters)
        if fmt == "json":
            return json.dumps(
                [entry.to_dict() for entry in entries], ensure_ascii=False, indent=2, default=str
            )
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(LOG_COLUMNS)
        for entry in entries:
            row = entry.to_dict()
            row["modified"] = "; ".join(
                f"{c['path']}: {json.dumps(c['old'], ensure_ascii=False, default=str)} -> "
                f"{json.dumps(c['new'], ensure_ascii=False, default=str)}"
                for c in row["modified"]
            )
            writer.writerow(spreadsheet_row(row[column] for column in LOG_COLUMNS))
        return out.getvalue()

    def oldest_log_time(self) -> datetime | None:
        rows = self._query("SELECT MIN(time) FROM log")
        value = rows[0][0] if rows else None
        return parse_time(value) if value else None

    def delete_log_before(self, cutoff: datetime) -> int:
        """Delete log rows and finished cycles older than `cutoff`; returns log rows deleted."""
        limit = format_time(cutoff)
        with self._transaction() as db:
            deleted = db.execute("DELETE FROM log WHERE time < ?", (limit,)).rowcount
            db.execute(
                "DELETE FROM cycles WHERE finished IS NOT NULL AND finished < ?",
                (limit,),
            )
            return deleted

    def vacuum(self) -> None:
        with self._lock:
            self._db.execute("VACUUM")


def write_log(db: sqlite3.Connection, events: Sequence[SyncEvent]) -> None:
    """Insert the operation events of `events` (in the caller's transaction)."""
    insert_many(db, INSERT_LOG, [_log_row(event) for event in events if event.kind == "operation"])


def _log_row(event: SyncEvent) -> tuple[Any, ...]:
    return (
        format_time(event.time),
        event.cycle_id,
        event.action,
        event.status.value if event.status else "",
        event.object_type,
        event.source_id,
        event.user_name,
        event.target_id,
        json.dumps([list(change) for change in event.modified], ensure_ascii=False, default=str),
        event.error_code,
        event.message,
        event.next_step,
        event.tracking_id,
        event.duration_ms,
        coded_json(event.coded_message),
        coded_json(event.coded_next_step),
    )


def _log_entry(row: sqlite3.Row) -> LogEntry:
    return LogEntry(
        id=int(row["id"]),
        time=parse_time(row["time"]),
        cycle_id=row["cycle_id"],
        action=row["action"],
        status=row["status"],
        object_type=row["object_type"],
        source_id=row["source_id"],
        user_name=row["user_name"],
        target_id=row["target_id"],
        modified=[(p, o, n) for p, o, n in json.loads(row["modified"])],
        error_code=row["error_code"],
        message=row["message"],
        next_step=row["next_step"],
        tracking_id=row["tracking_id"],
        duration_ms=int(row["duration_ms"]),
        coded_message=coded_from_json(row["message_json"]),
        coded_next_step=coded_from_json(row["next_step_json"]),
    )


def _log_filter(
    cycle_id: str | None,
    text: str | None,
    status: str | Sequence[str] | None,
    action: str | None,
    object_type: str | None,
) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if cycle_id:
        clauses.append("cycle_id = ?")
        params.append(cycle_id)
    if status:
        statuses = [status] if isinstance(status, str) else list(status)
        clauses.append(f"status IN ({', '.join('?' for _ in statuses)})")
        params.extend(statuses)
    if action:
        clauses.append("action = ?")
        params.append(action)
    if object_type:
        clauses.append("object_type = ?")
        params.append(object_type)
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        columns = ("user_name", "source_id", "target_id", "message", "error_code", "modified")
        clauses.append(
            "(" + " OR ".join(f"{column} LIKE ? ESCAPE '\\'" for column in columns) + ")"
        )
        params.extend([pattern] * len(columns))
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    return where, params
