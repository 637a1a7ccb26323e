"""The state of one profile in one SQLite file (WAL): links, hashes, journal, log, quarantine.

`StateStore` is the one entry point, composed of the table groups: `links` (source objects
and their target twins), `journal` (the operations of a cycle until they are answered),
`provisioning_log` (what each operation did), `cycles` (cycles, watermarks, quarantine),
on `database` (the connection, schema and migrations, transactions); the records they
return are in `records`, and the file's errors and archiving in `files`.

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

from pathlib import Path

from app.sync.state.cycles import CycleTable
from app.sync.state.files import archive_state_file
from app.sync.state.journal import write_marks
from app.sync.state.links import LinkTable, write_links
from app.sync.state.provisioning_log import LogTable, write_log
from app.sync.state.records import StateBatch, now_text


class StateStore(LinkTable, CycleTable, LogTable):
    """One profile's SQLite file. Use as a context manager, or call close()."""

    def apply(self, batch: StateBatch) -> None:
        """Write links, journal marks and log rows of one batch in one transaction."""
        if not batch:
            return
        now = now_text()
        with self._transaction() as db:
            if batch.links:
                write_links(db, batch.links, now)
            if batch.removed_links:
                db.executemany(
                    "DELETE FROM links WHERE object_type = ? AND source_id = ?",
                    batch.removed_links,
                )
            if batch.marks:
                write_marks(db, batch.marks, now)
            if batch.events:
                write_log(db, batch.events)

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
                (now_text(),),
            )
        return cleared


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


__all__ = ["StateStore", "open_profile_state"]
