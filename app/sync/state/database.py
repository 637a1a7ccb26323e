"""The state file's SQLite connection: its schema and migrations, its transactions, and the
statements that write rows a few hundred at a time (see the package's docstring for why).
The table groups (links, journal, log, cycles) build on `Database`."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self, TypeVar

from app.paths import ensure_private_dir, private_file
from app.sync.state.files import StateFileError, state_file_error

SCHEMA_VERSION = 3  # 2: links.source_hash; 3: the coded messages (log, cycles, quarantine)

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
    duration_ms INTEGER NOT NULL,
    message_json TEXT NOT NULL DEFAULT '',
    next_step_json TEXT NOT NULL DEFAULT ''
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
    next_step TEXT NOT NULL DEFAULT '',
    reason_json TEXT NOT NULL DEFAULT '',
    next_step_json TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS watermarks (name TEXT PRIMARY KEY, value TEXT NOT NULL, updated TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS quarantine (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    reason TEXT NOT NULL,
    next_step TEXT NOT NULL,
    cause TEXT NOT NULL,
    since TEXT NOT NULL,
    next_attempt TEXT NOT NULL,
    level INTEGER NOT NULL,
    reason_json TEXT NOT NULL DEFAULT '',
    next_step_json TEXT NOT NULL DEFAULT ''
);
"""

ROWS_PER_STATEMENT = 250


def rows_per_statement(db: sqlite3.Connection, columns: int) -> int:
    """How many rows of `columns` values one statement may bind (SQLite's variable limit
    was 999 before 3.32)."""
    limit = db.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return max(1, min(ROWS_PER_STATEMENT, (limit - 1) // columns))


T = TypeVar("T")


def parts(rows: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """`rows` in consecutive parts of at most `size`."""
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def values_clause(count: int, columns: int) -> str:
    row = "(" + ", ".join("?" * columns) + ")"
    return " VALUES " + ", ".join([row] * count)


def insert_many(
    db: sqlite3.Connection, head: str, rows: Sequence[Sequence[Any]], tail: str = ""
) -> None:
    """INSERT `rows` (each the same width) a few hundred per statement: `head` names the
    table and columns, `tail` may add an ON CONFLICT clause."""
    if not rows:
        return
    columns = len(rows[0])
    for part in parts(rows, rows_per_statement(db, columns)):
        db.execute(
            head + values_clause(len(part), columns) + tail,
            [value for row in part for value in row],
        )


class Database:
    """One profile's SQLite file, opened with its schema up to date. Use as a context
    manager, or call close()."""

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
        the first cycle maps every user once and stores it. Before version 3 the log and
        the cycles (and the quarantine) kept their sentences in English only: their coded
        messages are empty, and those rows read in English in any language."""
        added = {
            "links": ("source_hash",),
            "log": ("message_json", "next_step_json"),
            "cycles": ("reason_json", "next_step_json"),
            "quarantine": ("reason_json", "next_step_json"),
        }
        for table, names in added.items():
            # Fixed table and column names from the dict above.
            info = self._db.execute(f"PRAGMA table_info({table})").fetchall()
            columns = {row[1] for row in info}
            for name in names:
                if name not in columns:
                    self._db.execute(
                        f"ALTER TABLE {table} ADD COLUMN {name} TEXT NOT NULL DEFAULT ''"
                    )

    @property
    def schema_version(self) -> int:
        rows = self._query("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(rows[0][0]) if rows else 0

    # -- plumbing ---------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Self:
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
