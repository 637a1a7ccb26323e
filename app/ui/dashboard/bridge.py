"""The engine calls the dashboard needs (DashboardBridge): profiles, a profile's snapshot,
restart, provisioning on demand, the provisioning logs; each an Operation, with the
EngineBridge's patterns (tasks kept in the registry, results as Qt signals)."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

from app.config.profile import Profile
from app.config.secrets import aresolve_webex_token
from app.config.store import ProfileStore
from app.errors import InputError, UserFacingError
from app.paths import state_file, write_private_text
from app.run.cycle import ProfileEngine
from app.sync.events import SyncEvent
from app.sync.lock import ProfileLock
from app.sync.state import StateStore
from app.sync.state.records import LogEntry
from app.ui.bridge import EngineBridge, Operation, open_watched_source, operation_sign_in
from app.ui.dashboard.snapshot import ProfileSnapshot, read_snapshot
from app.ui.logs_view import log_matches, merge_newest
from app.ui.tasks import TaskRegistry

log = logging.getLogger(__name__)


class DashboardBridge(EngineBridge):
    """The engine calls the dashboard needs, as Operations (same rules as EngineBridge)."""

    @property
    def tasks(self) -> TaskRegistry:
        return self._tasks

    def load_profiles(self) -> Operation[list[Profile]]:
        """Every profile that loads; one that does not is logged and left out."""

        def read() -> list[Profile]:
            store = ProfileStore()
            loaded = []
            for name in store.list():
                try:
                    loaded.append(store.load(name))
                except UserFacingError as error:
                    log.warning("Profile %s cannot be loaded: %s", name, error)
            return loaded

        async def work() -> list[Profile]:
            return await asyncio.to_thread(read)

        return self._start(Operation("load-profiles"), work)

    def snapshot(self, profile_name: str) -> Operation[ProfileSnapshot]:
        async def work() -> ProfileSnapshot:
            return await asyncio.to_thread(read_snapshot, profile_name)

        return self._start(Operation("dashboard-snapshot"), work)

    def restart(self, profile_name: str) -> Operation[dict[str, int]]:
        """`webex-provisioner restart`: clear watermarks, quarantine and the journal.

        Under the profile's lock: clearing the journal under a running cycle would lose
        the record of what it sent.
        """

        def clear() -> dict[str, int]:
            with (
                ProfileLock(profile_name, purpose="gui"),
                StateStore(state_file(profile_name)) as state,
            ):
                return state.restart()

        async def work() -> dict[str, int]:
            return await asyncio.to_thread(clear)

        return self._start(Operation("restart"), work)

    def source_user_names(self, profile: Profile) -> Operation[list[str]]:
        """The userNames the source holds (for the provisioning-on-demand search)."""
        operation: Operation[list[str]] = Operation("source-users")

        async def work() -> list[str]:
            source = open_watched_source(profile, None, operation)
            try:
                return [user.user_name async for user in source.users()]
            finally:
                await source.aclose()

        return self._start(operation, work)

    def provision_one(self, profile: Profile, user_name: str, *, apply: bool) -> Operation[Any]:
        """One user, step by step; the result is a SyncEvent whose `steps` say what happened.

        Applying writes to the target and the state file: it takes the profile's lock.
        """
        operation: Operation[SyncEvent] = Operation("provision-on-demand")

        async def work() -> SyncEvent:
            token = await aresolve_webex_token(profile.name)
            # A device-code sign-in reports through the operation.
            opened = ProfileEngine(profile, token=token, sign_in=operation_sign_in(None, operation))
            if apply:
                async with ProfileLock(profile.name, purpose="gui"), opened:
                    return await opened.engine.provision_one(user_name, apply=True)
            async with opened:
                return await opened.engine.provision_one(user_name, apply=False)

        return self._start(operation, work)

    def query_log(
        self, profile_name: str, *, text: str, status: str, limit: int
    ) -> Operation[list[LogEntry]]:
        def read() -> list[LogEntry]:
            path = state_file(profile_name)
            if not path.exists():
                return []
            with StateStore(path) as state:
                found = state.query_log(
                    text=text or None, status=status or None, limit=limit, newest_first=True
                )
                if not text:
                    return found
                # The store matches the English it keeps; the newest rows also match on
                # what the window shows of them, in its language.
                newest = state.query_log(status=status or None, limit=limit, newest_first=True)
            return merge_newest(found, [e for e in newest if log_matches(e, text)], limit)

        async def work() -> list[LogEntry]:
            return await asyncio.to_thread(read)

        return self._start(Operation("query-log"), work)

    def export_log(
        self, profile_name: str, path: Path, *, text: str, status: str
    ) -> Operation[Path]:
        """Every row that matches, as CSV (the columns of `webex-provisioner logs --format csv`)."""

        def export() -> Path:
            source = state_file(profile_name)
            with StateStore(source) as state:
                content = state.export_log("csv", text=text or None, status=status or None)
            try:
                write_private_text(path, content)  # 0600: the rows name users
            except OSError as error:
                raise InputError(
                    self.tr("Could not write {path}: {why}.").format(
                        path=str(path), why=error.strerror or type(error).__name__
                    ),
                    self.tr("Choose another folder or file name."),
                ) from None
            return path

        async def work() -> Path:
            return await asyncio.to_thread(export)

        return self._start(Operation("export-log"), work)
