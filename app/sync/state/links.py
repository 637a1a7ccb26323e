"""The links: each source object and its target twin, with the hash of what was last written
(the planner compares against it, the executor writes it)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from app.gc_pause import paused_gc
from app.sync.events import ObjectType
from app.sync.state.database import Database, insert_many
from app.sync.state.records import Link, now_text

INSERT_LINKS = (
    "INSERT INTO links (object_type, source_id, target_id, user_name, hash, active, updated,"
    " source_hash)"
)
UPSERT_LINKS = (
    " ON CONFLICT (object_type, source_id) DO UPDATE SET"
    " target_id=excluded.target_id, user_name=excluded.user_name, hash=excluded.hash,"
    " active=excluded.active, updated=excluded.updated, source_hash=excluded.source_hash"
)


class LinkTable(Database):
    """The links table of a state file."""

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
        saved = list(links)
        if not saved:
            return
        now = now_text()
        with self._transaction() as db:
            write_links(db, saved, now)

    def count_links(self, object_type: ObjectType = "User", *, active_only: bool = False) -> int:
        sql = "SELECT COUNT(*) FROM links WHERE object_type = ?"
        if active_only:
            sql += " AND active = 1"
        return int(self._query(sql, (object_type,))[0][0])


def write_links(db: sqlite3.Connection, links: Sequence[Link], now: str) -> None:
    """Insert or update `links` (in the caller's transaction), each stamped `now`."""
    insert_many(
        db,
        INSERT_LINKS,
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
            for link in links
        ],
        UPSERT_LINKS,
    )


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
