"""The state of one profile in one SQLite file (WAL): links, hashes, journal, log, quarantine.

sqlite3 blocks: every method is short, and writes that come in numbers (links, journal
marks, log rows) go through `apply(StateBatch)`, one transaction per batch, so that a
10,000-user cycle never pays a commit per row. The connection is shared between the
event loop's thread and asyncio.to_thread workers behind a lock.

Rows that come in numbers are written a few hundred per statement, not with executemany:
sqlite3 gives the GIL back around each step of a statement, and executemany steps once
a row, so a worker thread writing 100 journal rows waited for the GIL 100 times while
the event loop's thread was busy planning (a switch interval, 5 ms, each time: 0.6 s
before the first Bulk request of a first cycle could leave).
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

from app.errors import ExitCode, UserFacingError
from app.gc_pause import paused_gc
from app.paths import ensure_private_dir, private_file
from app.sync.events import CycleResult, ObjectType, SyncEvent
from app.sync.plan import Action, PlannedOperation
from app.sync.spreadsheet import spreadsheet_row

SCHEMA_VERSION = 2  # 2: links.source_hash

log = logging.getLogger(__name__)


class StateFileError(UserFacingError):
    """The state file cannot be opened, read or written: damaged, read-only, or disk full.

    The message names the file and what to do; SQLite's transactions make sure a failed write
    changed nothing (the journal is as the last good write left it)."""

    def __init__(self, message: str, next_step: str, *, exit_code: ExitCode) -> None:
        super().__init__(message, next_step)
        self.exit_code = exit_code


def state_file_error(path: Path, exc: BaseException) -> StateFileError:
    """A plain sentence for what SQLite (or the OS) said about the state file `path`."""
    text = str(exc).lower()
    code = getattr(exc, "sqlite_errorcode", None)
    full = (
        code == sqlite3.SQLITE_FULL
        or "disk is full" in text
        or (isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG))
    )
    if full or (code is not None and code & 0xFF == sqlite3.SQLITE_IOERR) or "i/o error" in text:
        return StateFileError(
            f"The state file {path} could not be written: the disk is full or failing "
            "(nothing of the failed write was kept; the journal is as the last good write "
            "left it).",
            f"Free space on the disk that holds {path.parent} (or check the disk), then run "
            "the command again: it resumes where it stopped.",
            exit_code=ExitCode.BAD_INPUT,  # as a cycle that stops on it (cause "input")
        )
    if (
        "readonly" in text
        or "read-only" in text
        or "unable to open" in text
        or isinstance(exc, PermissionError)
        or (code is not None and code & 0xFF in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN))
    ):
        return StateFileError(
            f"The state file {path} cannot be opened for writing (read-only, or a folder "
            "this user may not write).",
            f"Give this user write permission on {path} and its folder {path.parent} (and "
            "their -wal and -shm files), then run the command again.",
            exit_code=ExitCode.BAD_INPUT,
        )
    if isinstance(exc, sqlite3.DatabaseError) and (
        "not a database" in text or "malformed" in text or "corrupt" in text
    ):
        return StateFileError(
            f"The state file {path} is damaged (it is not a readable SQLite database).",
            f"Restore {path.name} from a backup; or move it aside, and the next cycle starts "
            "with fresh state (it matches the users already in Webex by userName).",
            exit_code=ExitCode.BAD_INPUT,
        )
    return StateFileError(
        f"The state file {path} could not be used ({type(exc).__name__}: {exc}).",
        f"Check the file and its folder {path.parent}; restore it from a backup, or move it "
        "aside to start with fresh state.",
        exit_code=ExitCode.BAD_INPUT,
    )


def archive_state_file(path: Path, *, why: str) -> Path:
    """Move a state file (and its -wal and -shm) aside, beside it, never deleting it; the
    archived name, `<name>.archived-<UTC time>.sqlite3`."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    archived = path.with_name(f"{path.stem}.archived-{stamp}{path.suffix}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            os.replace(part, Path(f"{archived}{suffix}"))
    log.warning("The state file %s was archived as %s: %s", path, archived, why)
    return archived


def open_profile_state(path: Path, profile_id: str) -> StateStore:
    """The state of the profile whose unique id is `profile_id`, never another's.

    A state file written for another profile of the same name (deleted and created again)
    is archived beside it, and fresh state starts. A file with no profile id yet (an older
    version's) is adopted. An empty `profile_id` (a profile saved by an older version)
    checks nothing.
    """
    state = StateStore(path)
    if not profile_id:
        return state
    try:
        owner = state.profile_id()
        if owner is None:
            state.set_profile_id(profile_id)
            return state
        if owner == profile_id:
            return state
    except BaseException:
        state.close()
        raise
    state.close()
    archive_state_file(
        path, why=f"it belongs to an earlier profile of that name (id {owner}), not {profile_id}"
    )
    state = StateStore(path)
    state.set_profile_id(profile_id)
    return state


JournalState = Literal["planned", "in_flight", "done", "failed"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS links (
    object_type TEXT NOT NULL,
    source_id TEXT NOT NULL,
    target_id TEXT NOT NULL,
    user_name TEXT NOT NULL DEFAULT '',
    hash TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    updated TEXT NOT NULL,
    source_hash TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (object_type, source_id)
);
CREATE INDEX IF NOT EXISTS links_by_target ON links (object_type, target_id);
CREATE TABLE IF NOT EXISTS journal (
    op_id TEXT PRIMARY KEY,
    cycle_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    object_type TEXT NOT NULL,
    action TEXT NOT NULL,
    source_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    target_id TEXT NOT NULL DEFAULT '',
    operation TEXT NOT NULL,
    payload_hash TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    bulk_id TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT '',
    updated TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS journal_by_state ON journal (state, cycle_id, seq);
CREATE TABLE IF NOT EXISTS log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time TEXT NOT NULL,
    cycle_id TEXT NOT NULL,
    action TEXT NOT NULL,
    status TEXT NOT NULL,
    object_type TEXT NOT NULL,
    source_id TEXT NOT NULL,
    user_name TEXT NOT NULL,
    target_id TEXT NOT NULL,
    modified TEXT NOT NULL,
    error_code TEXT NOT NULL,
    message TEXT NOT NULL,
    next_step TEXT NOT NULL,
    tracking_id TEXT NOT NULL,
    duration_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS log_by_cycle ON log (cycle_id);
CREATE INDEX IF NOT EXISTS log_by_time ON log (time);
CREATE TABLE IF NOT EXISTS cycles (
    cycle_id TEXT PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    mode TEXT NOT NULL DEFAULT '',
    counts TEXT NOT NULL DEFAULT '{}',
    outcome TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    next_step TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS watermarks (name TEXT PRIMARY KEY, value TEXT NOT NULL, updated TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS quarantine (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    reason TEXT NOT NULL,
    next_step TEXT NOT NULL,
    cause TEXT NOT NULL,
    since TEXT NOT NULL,
    next_attempt TEXT NOT NULL,
    level INTEGER NOT NULL
);
"""

_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def format_time(value: datetime) -> str:
    """UTC, fixed width: text order is time order (the log is filtered and pruned by it)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime(_TIME_FORMAT)


def parse_time(text: str) -> datetime:
    return datetime.strptime(text, _TIME_FORMAT).replace(tzinfo=UTC)


def _now_text() -> str:
    return format_time(datetime.now(UTC))


# Not frozen, though never changed once made: a frozen dataclass takes twice as long to
# build, and a cycle reads every link of the profile (100,000 in benchmark P2).
@dataclass(slots=True)
class Link:
    """A source object and its target twin, with the hash of what was last written."""

    object_type: ObjectType
    source_id: str
    target_id: str
    user_name: str = ""
    hash: str = ""  # empty: unknown, the next cycle compares with the target
    active: bool = True  # False once the engine disabled the target user
    # The source record (and the mappings and scoping filters) that gave `hash`
    # (planner.source_record_hash): while it is the same, the planner skips mapping the
    # user. Empty: not known, the user is mapped and compared by `hash`.
    source_hash: str = ""


@dataclass(frozen=True, slots=True)
class JournalEntry:
    op_id: str
    cycle_id: str
    seq: int
    state: JournalState
    operation: PlannedOperation
    bulk_id: str = ""


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One row of the provisioning log."""

    id: int
    time: datetime
    cycle_id: str
    action: str
    status: str
    object_type: str
    source_id: str
    user_name: str
    target_id: str
    modified: list[tuple[str, Any, Any]]
    error_code: str
    message: str
    next_step: str
    tracking_id: str
    duration_ms: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "time": format_time(self.time),
            "cycle_id": self.cycle_id,
            "action": self.action,
            "status": self.status,
            "object_type": self.object_type,
            "source_id": self.source_id,
            "user_name": self.user_name,
            "target_id": self.target_id,
            "modified": [{"path": p, "old": o, "new": n} for p, o, n in self.modified],
            "error_code": self.error_code,
            "message": self.message,
            "next_step": self.next_step,
            "tracking_id": self.tracking_id,
            "duration_ms": self.duration_ms,
        }


@dataclass(frozen=True, slots=True)
class CycleRecord:
    cycle_id: str
    started: datetime
    finished: datetime | None
    mode: str
    counts: dict[str, dict[str, int]]
    outcome: str
    reason: str
    next_step: str

    @property
    def unfinished(self) -> bool:
        return self.finished is None

    @property
    def was_interrupted(self) -> bool:
        """It never ended by itself: a later cycle resumed it (INTERRUPTED_REASON)."""
        return self.outcome == "failed" and self.reason == INTERRUPTED_REASON


# How a cycle that never ended is recorded once the next one resumed it (engine._resume):
# its outcome stays "failed", and the chart and logs still tell it was interrupted.
INTERRUPTED_REASON = (
    "The program stopped before this cycle finished; the next cycle resumed its operations."
)


@dataclass(frozen=True, slots=True)
class InterruptedCycle:
    """A cycle that started and never recorded its end: the program was killed, crashed or
    its window closed. Only a cycle whose profile lock nobody holds is interrupted (the one
    a live process runs is merely unfinished): callers check the lock.

    `done` of `planned` counts the cycle's journal (operations answered, failed included, of
    those it had recorded); `stopped` is the last thing it wrote (journal, log, or its start).
    """

    cycle_id: str
    started: datetime
    stopped: datetime
    mode: str
    done: int
    planned: int

    def describe(self) -> str:
        """One sentence in English (the CLI's; the GUI says it in its own language)."""
        when = self.stopped.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        return (
            f"The last cycle ({self.cycle_id}) was interrupted at {self.done} of "
            f"{self.planned} operations, at {when}."
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "cycle_id": self.cycle_id,
            "started": format_time(self.started),
            "stopped": format_time(self.stopped),
            "mode": self.mode,
            "done": self.done,
            "planned": self.planned,
        }


@dataclass(frozen=True, slots=True)
class Quarantine:
    """Why the profile stopped, since when, and when the next cycle may try again."""

    reason: str
    next_step: str
    cause: str
    since: datetime
    next_attempt: datetime
    level: int  # 1: first quarantine (6 h), 2: 12 h, 3: 24 h, then daily


@dataclass(slots=True)
class StateBatch:
    """Writes gathered by the executor and applied in one transaction."""

    links: list[Link] = field(default_factory=list)
    removed_links: list[tuple[str, str]] = field(default_factory=list)  # (type, source id)
    marks: list[tuple[str, JournalState, str, str]] = field(default_factory=list)
    # (op_id, state, target_id, error)
    events: list[SyncEvent] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.links or self.removed_links or self.marks or self.events)

    def take(self) -> StateBatch:
        """Hand the gathered writes over and start empty again."""
        taken = StateBatch(self.links, self.removed_links, self.marks, self.events)
        self.links, self.removed_links, self.marks, self.events = [], [], [], []
        return taken


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

# Built from the fixed column names above; every value is a bound parameter.
_INSERT_LOG = f"INSERT INTO log ({', '.join(LOG_COLUMNS)})"

_INSERT_LINKS = (
    "INSERT INTO links (object_type, source_id, target_id, user_name, hash, active, updated,"
    " source_hash)"
)
_UPSERT_LINKS = (
    " ON CONFLICT (object_type, source_id) DO UPDATE SET"
    " target_id=excluded.target_id, user_name=excluded.user_name, hash=excluded.hash,"
    " active=excluded.active, updated=excluded.updated, source_hash=excluded.source_hash"
)
_INSERT_JOURNAL = (
    "INSERT OR REPLACE INTO journal (op_id, cycle_id, seq, object_type, action, source_id,"
    " user_name, target_id, operation, payload_hash, state, updated)"
)
# One statement for many marks: each op_id's state, target and error from a table of values
# (a target of '' keeps the one recorded).
_MARK_JOURNAL = (
    "UPDATE journal SET"
    " state = (SELECT m.state FROM m WHERE m.op_id = journal.op_id),"
    " target_id = COALESCE("
    "(SELECT NULLIF(m.target, '') FROM m WHERE m.op_id = journal.op_id), target_id),"
    " error = (SELECT m.error FROM m WHERE m.op_id = journal.op_id),"
    " updated = ?"
    " WHERE op_id IN (SELECT op_id FROM m)"
)
ROWS_PER_STATEMENT = 250


def _rows_per_statement(db: sqlite3.Connection, columns: int) -> int:
    """How many rows of `columns` values one statement may bind (SQLite's variable limit
    was 999 before 3.32)."""
    limit = db.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return max(1, min(ROWS_PER_STATEMENT, (limit - 1) // columns))


T = TypeVar("T")


def _parts(rows: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """`rows` in consecutive parts of at most `size`."""
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _values(count: int, columns: int) -> str:
    row = "(" + ", ".join("?" * columns) + ")"
    return " VALUES " + ", ".join([row] * count)


def _insert_many(
    db: sqlite3.Connection, head: str, rows: Sequence[Sequence[Any]], tail: str = ""
) -> None:
    """INSERT `rows` (each the same width) a few hundred per statement: `head` names the
    table and columns, `tail` may add an ON CONFLICT clause."""
    if not rows:
        return
    columns = len(rows[0])
    for part in _parts(rows, _rows_per_statement(db, columns)):
        db.execute(
            head + _values(len(part), columns) + tail,
            [value for row in part for value in row],
        )


def _merged_marks(marks: Iterable[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    """One mark per op_id, as applying them in order would leave it: the last state and
    error, the last target that was not ''."""
    merged: dict[str, tuple[str, str, str, str]] = {}
    for op_id, state, target, error in marks:
        earlier = merged.get(op_id)
        if not target and earlier is not None:
            target = earlier[2]
        merged[op_id] = (op_id, state, target, error)
    return list(merged.values())


class StateStore:
    """One profile's SQLite file. Use as a context manager, or call close()."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        try:
            if str(path) != ":memory:":
                # 0600 in a 0700 folder whatever the umask: SQLite gives the -wal and -shm
                # files the mode of the database file (issue 22).
                ensure_private_dir(self.path.parent)
                private_file(self.path)
            self._db = sqlite3.connect(
                str(path), timeout=30.0, check_same_thread=False, isolation_level=None
            )
        except (OSError, sqlite3.Error) as exc:
            raise state_file_error(self.path, exc) from None
        self._db.row_factory = sqlite3.Row
        try:
            with self._lock:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.execute("PRAGMA foreign_keys=ON")
                with self._transaction():
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            self._db.execute(statement)
                    self._migrate()
                    self._db.execute(
                        "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                        (str(SCHEMA_VERSION),),
                    )
        except (sqlite3.Error, StateFileError) as exc:
            self._db.close()
            if isinstance(exc, StateFileError):
                raise
            raise state_file_error(self.path, exc) from None

    def profile_id(self) -> str | None:
        """The unique id of the profile this state was written for, or None (not yet set)."""
        rows = self._query("SELECT value FROM meta WHERE key = 'profile_id'")
        return str(rows[0][0]) if rows else None

    def set_profile_id(self, profile_id: str) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('profile_id', ?)", (profile_id,)
            )

    def _migrate(self) -> None:
        """Bring a file written by an older version up to SCHEMA_VERSION (in the open
        transaction). Version 1 had no links.source_hash: its links get an empty one, so
        the first cycle maps every user once and stores it."""
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(links)").fetchall()}
        if "source_hash" not in columns:
            self._db.execute("ALTER TABLE links ADD COLUMN source_hash TEXT NOT NULL DEFAULT ''")

    @property
    def schema_version(self) -> int:
        rows = self._query("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(rows[0][0]) if rows else 0

    # -- plumbing ---------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> StateStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction; a failure rolls all of it back, and an SQLite error (disk full,
        read-only, damaged file) becomes a StateFileError that names the file."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise state_file_error(self.path, exc) from None
            try:
                yield self._db
            except BaseException as exc:
                # SQLite may have rolled back already (SQLITE_FULL): no second error then.
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise state_file_error(self.path, exc) from None
                raise
            else:
                try:
                    self._db.execute("COMMIT")
                except sqlite3.Error as exc:
                    with contextlib.suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                    raise state_file_error(self.path, exc) from None

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise state_file_error(self.path, exc) from None

    def apply(self, batch: StateBatch) -> None:
        """Write links, journal marks and log rows of one batch in one transaction."""
        if not batch:
            return
        now = _now_text()
        with self._transaction() as db:
            if batch.links:
                _insert_many(
                    db,
                    _INSERT_LINKS,
                    [
                        (
                            link.object_type,
                            link.source_id,
                            link.target_id,
                            link.user_name,
                            link.hash,
                            int(link.active),
                            now,
                            link.source_hash,
                        )
                        for link in batch.links
                    ],
                    _UPSERT_LINKS,
                )
            if batch.removed_links:
                db.executemany(
                    "DELETE FROM links WHERE object_type = ? AND source_id = ?",
                    batch.removed_links,
                )
            if batch.marks:
                for part in _parts(_merged_marks(batch.marks), _rows_per_statement(db, 4)):
                    db.execute(
                        "WITH m (op_id, state, target, error) AS ("
                        + _values(len(part), 4)[1:]
                        + ") "
                        + _MARK_JOURNAL,
                        [*(value for mark in part for value in mark), now],
                    )
            if batch.events:
                _insert_many(
                    db,
                    _INSERT_LOG,
                    [_log_row(event) for event in batch.events if event.kind == "operation"],
                )

    # -- links ------------------------------------------------------------------------

    def links(self, object_type: ObjectType = "User") -> dict[str, Link]:
        """Every link of one object type, by source id."""
        with self._lock, paused_gc():
            cursor = self._db.execute(
                # NOT INDEXED: one pass over the table is twice as quick as the primary
                # key's index plus a table lookup for each of 100,000 rows.
                "SELECT source_id, target_id, user_name, hash, active, source_hash"
                " FROM links NOT INDEXED WHERE object_type = ?",
                (object_type,),
            )
            cursor.row_factory = None  # plain tuples: 100,000 links in a fraction of a second
            return {
                row[0]: Link(object_type, row[0], row[1], row[2], row[3], bool(row[4]), row[5])
                for row in cursor.fetchall()
            }

    def link(self, object_type: ObjectType, source_id: str) -> Link | None:
        rows = self._query(
            "SELECT * FROM links WHERE object_type = ? AND source_id = ?",
            (object_type, source_id),
        )
        return _link(rows[0]) if rows else None

    def link_for_target(self, object_type: ObjectType, target_id: str) -> Link | None:
        rows = self._query(
            "SELECT * FROM links WHERE object_type = ? AND target_id = ?",
            (object_type, target_id),
        )
        return _link(rows[0]) if rows else None

    def save_links(self, links: Iterable[Link]) -> None:
        self.apply(StateBatch(links=list(links)))

    def count_links(self, object_type: ObjectType = "User", *, active_only: bool = False) -> int:
        sql = "SELECT COUNT(*) FROM links WHERE object_type = ?"
        if active_only:
            sql += " AND active = 1"
        return int(self._query(sql, (object_type,))[0][0])

    # -- journal ----------------------------------------------------------------------

    def journal_add(self, cycle_id: str, operations: Sequence[PlannedOperation]) -> None:
        """Record operations as planned (one transaction); each gets its op_id.

        A cycle may journal its operations in several calls (the creations it sends while
        planning, then the rest): numbers go on from the cycle's last one, so that no call
        replaces what an earlier one recorded.
        """
        now = _now_text()
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
            _insert_many(db, _INSERT_JOURNAL, rows)

    def journal_mark(
        self,
        op_ids: Iterable[str],
        state: JournalState,
        *,
        bulk_id: str = "",
    ) -> None:
        """Mark several operations at once (e.g. in_flight before a batch is sent)."""
        now = _now_text()
        ids = list(op_ids)
        with self._transaction() as db:
            for part in _parts(ids, max(1, _rows_per_statement(db, 1) - 4)):
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

    # -- provisioning log -------------------------------------------------------------

    def add_events(self, events: Iterable[SyncEvent]) -> None:
        self.apply(StateBatch(events=list(events)))

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
                " next_step) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (cycle_id) DO UPDATE SET"
                " finished=excluded.finished, mode=excluded.mode, counts=excluded.counts,"
                " outcome=excluded.outcome, reason=excluded.reason,"
                " next_step=excluded.next_step",
                (
                    result.cycle_id,
                    format_time(result.started),
                    format_time(result.finished),
                    result.mode,
                    json.dumps({a: dict(s) for a, s in result.counts.items()}),
                    result.outcome,
                    result.reason,
                    result.next_step,
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
                    (name, value, _now_text()),
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
        )

    def set_quarantine(self, quarantine: Quarantine) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO quarantine (id, reason, next_step, cause, since,"
                " next_attempt, level) VALUES (1, ?, ?, ?, ?, ?, ?)",
                (
                    quarantine.reason,
                    quarantine.next_step,
                    quarantine.cause,
                    format_time(quarantine.since),
                    format_time(quarantine.next_attempt),
                    quarantine.level,
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

    # -- restart ----------------------------------------------------------------------

    def restart(self) -> dict[str, int]:
        """Clear watermarks, quarantine and the journal; links and the log stay."""
        with self._transaction() as db:
            cleared = {
                "watermarks": db.execute("DELETE FROM watermarks").rowcount,
                "quarantine": db.execute("DELETE FROM quarantine").rowcount,
                "journal": db.execute("DELETE FROM journal").rowcount,
            }
            db.execute(
                "UPDATE cycles SET finished = ?, outcome = 'cancelled',"
                " reason = 'Cleared by restart.' WHERE finished IS NULL",
                (_now_text(),),
            )
        return cleared


# -- row conversions ----------------------------------------------------------------------


def _link(row: sqlite3.Row) -> Link:
    return Link(
        object_type=row["object_type"],
        source_id=row["source_id"],
        target_id=row["target_id"],
        user_name=row["user_name"],
        hash=row["hash"],
        active=bool(row["active"]),
        source_hash=row["source_hash"],
    )


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
    )
