"""The journal: every operation of a cycle recorded as planned before anything is sent,
marked in flight before its request leaves, done or failed after; what a killed run left
planned or in flight is resumed by the next cycle."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from app.sync.plan import Action, PlannedOperation
from app.sync.state.database import Database, insert_many, parts, rows_per_statement, values_clause
from app.sync.state.records import JournalEntry, JournalState, now_text

INSERT_JOURNAL = (
    "INSERT OR REPLACE INTO journal (op_id, cycle_id, seq, object_type, action, source_id,"
    " user_name, target_id, operation, payload_hash, state, updated)"
)
# One statement for many marks: each op_id's state, target and error from a table of values
# (a target of '' keeps the one recorded).
MARK_JOURNAL = (
    "UPDATE journal SET"
    " state = (SELECT m.state FROM m WHERE m.op_id = journal.op_id),"
    " target_id = COALESCE("
    "(SELECT NULLIF(m.target, '') FROM m WHERE m.op_id = journal.op_id), target_id),"
    " error = (SELECT m.error FROM m WHERE m.op_id = journal.op_id),"
    " updated = ?"
    " WHERE op_id IN (SELECT op_id FROM m)"
)


class JournalTable(Database):
    """The journal table of a state file."""

    def journal_add(self, cycle_id: str, operations: Sequence[PlannedOperation]) -> None:
        """Record operations as planned (one transaction); each gets its op_id.

        A cycle may journal its operations in several calls (the creations it sends while
        planning, then the rest): numbers go on from the cycle's last one, so that no call
        replaces what an earlier one recorded.
        """
        now = now_text()
        with self._transaction() as db:
            row = db.execute(
                "SELECT COALESCE(MAX(seq), -1) + 1 FROM journal WHERE cycle_id = ?", (cycle_id,)
            ).fetchone()
            first = int(row[0])
            rows = []
            for seq, op in enumerate(operations, start=first):
                if not op.op_id:
                    op.op_id = f"{cycle_id}:{seq}"
                rows.append(
                    (
                        op.op_id,
                        cycle_id,
                        seq,
                        op.object_type,
                        op.action.value,
                        op.source_id,
                        op.key,
                        op.target_id,
                        json.dumps(_operation_record(op), ensure_ascii=False, default=str),
                        op.payload_hash,
                        "planned",
                        now,
                    )
                )
            insert_many(db, INSERT_JOURNAL, rows)

    def journal_mark(
        self,
        op_ids: Iterable[str],
        state: JournalState,
        *,
        bulk_id: str = "",
    ) -> None:
        """Mark several operations at once (e.g. in_flight before a batch is sent)."""
        now = now_text()
        ids = list(op_ids)
        with self._transaction() as db:
            for part in parts(ids, max(1, rows_per_statement(db, 1) - 4)):
                placeholders = ", ".join("?" * len(part))
                db.execute(
                    "UPDATE journal SET state = ?, bulk_id = CASE WHEN ? != '' THEN ?"  # noqa: S608
                    f" ELSE bulk_id END, updated = ? WHERE op_id IN ({placeholders})",
                    [state, bulk_id, bulk_id, now, *part],
                )

    def journal_pending(self) -> list[JournalEntry]:
        """Operations of earlier cycles that never finished (planned or in flight)."""
        rows = self._query(
            "SELECT * FROM journal WHERE state IN ('planned', 'in_flight') ORDER BY cycle_id, seq",
        )
        return [_journal_entry(row) for row in rows]

    def journal_counts(self, cycle_id: str | None = None) -> dict[str, int]:
        sql = "SELECT state, COUNT(*) FROM journal"
        params: tuple[str, ...] = ()
        if cycle_id is not None:
            sql += " WHERE cycle_id = ?"
            params = (cycle_id,)
        return {row[0]: int(row[1]) for row in self._query(sql + " GROUP BY state", params)}

    def journal_forget_finished(self) -> int:
        """Drop journal rows that are done or failed (the provisioning log keeps them)."""
        with self._transaction() as db:
            cursor = db.execute("DELETE FROM journal WHERE state IN ('done', 'failed')")
            return cursor.rowcount

    def journal_clear(self) -> int:
        """Drop every journal row, finished or not (restart)."""
        with self._transaction() as db:
            return db.execute("DELETE FROM journal").rowcount


def write_marks(
    db: sqlite3.Connection, marks: Iterable[tuple[str, str, str, str]], now: str
) -> None:
    """Apply (op_id, state, target_id, error) marks in the caller's transaction, a few
    hundred per statement (a target of '' keeps the one recorded)."""
    for part in parts(merged_marks(marks), rows_per_statement(db, 4)):
        db.execute(
            "WITH m (op_id, state, target, error) AS ("
            + values_clause(len(part), 4)[1:]
            + ") "
            + MARK_JOURNAL,
            [*(value for mark in part for value in mark), now],
        )


def merged_marks(marks: Iterable[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    """One mark per op_id, as applying them in order would leave it: the last state and
    error, the last target that was not ''."""
    merged: dict[str, tuple[str, str, str, str]] = {}
    for op_id, state, target, error in marks:
        earlier = merged.get(op_id)
        if not target and earlier is not None:
            target = earlier[2]
        merged[op_id] = (op_id, state, target, error)
    return list(merged.values())


def _operation_record(op: PlannedOperation) -> dict[str, Any]:
    return {
        "object_type": op.object_type,
        "action": op.action.value,
        "source_id": op.source_id,
        "key": op.key,
        "target_id": op.target_id,
        "changes": [list(change) for change in op.changes],
        "payload": op.payload,
        "reason": op.reason,
        "detail": op.detail,
        "payload_hash": op.payload_hash,
        "member_source_ids": list(op.member_source_ids),
        "current_member_ids": list(op.current_member_ids),
        "patch": op.patch,
        "active": op.active,
        "source_hash": op.source_hash,
    }


def _journal_entry(row: sqlite3.Row) -> JournalEntry:
    record = json.loads(row["operation"])
    operation = PlannedOperation(
        object_type=record["object_type"],
        action=Action(record["action"]),
        source_id=record["source_id"],
        key=record["key"],
        target_id=row["target_id"] or record["target_id"],
        changes=[(p, o, n) for p, o, n in record["changes"]],
        payload=record["payload"],
        reason=record["reason"],
        detail=record["detail"],
        payload_hash=record["payload_hash"],
        member_source_ids=tuple(record["member_source_ids"]),
        current_member_ids=tuple(record["current_member_ids"]),
        patch=record.get("patch") or [],
        active=bool(record.get("active", True)),
        source_hash=str(record.get("source_hash") or ""),
        verify_before_create=row["state"] == "in_flight",
        op_id=row["op_id"],
    )
    return JournalEntry(
        op_id=row["op_id"],
        cycle_id=row["cycle_id"],
        seq=int(row["seq"]),
        state=row["state"],
        operation=operation,
        bulk_id=row["bulk_id"],
    )
