"""The dashboard (objectName dashboard): each profile's last cycle, the next one, statistics,
provisioning on demand, restart, allow deletes, the provisioning logs and a chart of cycles.

It also runs the cycles while the program is open: one ProfileRuntime per profile keeps a
CycleScheduler on the qasync loop (every `schedule.every_minutes` when the profile's
provisioning status is on; on request only when it is off). Every cycle takes the
profile's cross-process lock, so that this window and a scheduled `webex-provisioner sync`
never run the same profile together. The window itself never calls the engine: the
DashboardBridge does, with the EngineBridge's patterns (tasks kept in the registry, results
as Qt signals).
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError
from app.paths import config_dir, state_file
from app.sync.events import CycleResult, Status, SyncEvent
from app.sync.lock import ProfileLock
from app.sync.scheduler import CycleScheduler, SchedulerState, SchedulerStatus
from app.ui.activity import (
    CLOSE_STOP,
    CLOSE_TRAY,
    ActivityView,
    ask_close_during_cycle,
    format_duration,
)
from app.ui.bridge import EngineBridge, Operation, SyncRun, open_watched_source
from app.ui.chart import ChartBar, CycleChart, bar_from_counts, interrupted_bar
from app.ui.i18n import local_time_text
from app.ui.logs_view import LogsView
from app.ui.models import action_label, status_label
from app.ui.resources import icon_path
from app.ui.sign_in import DeviceCodeHost
from app.ui.tasks import TaskRegistry
from app.ui.tray import TrayController, TrayState
from app.ui.widgets import ElidedLabel, FieldMessage, center_on, fit_to_screen

if TYPE_CHECKING:
    from app.config.profile import Profile
    from app.sync.state.records import CycleRecord, InterruptedCycle, LogEntry, Quarantine

log = logging.getLogger(__name__)

# With provisioning status off, the profile's scheduler still exists (so that "Sync now" and
# "Allow deletes" go through the one queue that never runs two cycles at once) but its
# interval is so long that it never starts a cycle by itself.
MANUAL_ONLY = timedelta(days=3650)
CHART_CYCLES = 20
SETTINGS_KEEP_IN_TRAY = "dashboard/keepRunningInTray"


def gui_settings() -> QSettings:
    """The window's own preferences, in the program's config folder (never in the registry)."""
    return QSettings(str(config_dir() / "gui.ini"), QSettings.Format.IniFormat)


def _utc_now() -> datetime:
    return datetime.now(UTC)


# --- what the dashboard reads ----------------------------------------------------------------


@dataclass(frozen=True)
class ProfileSnapshot:
    """One profile's state file, read at once: the last cycles, the quarantine, statistics."""

    profile_name: str
    cycles: list[CycleRecord] = field(default_factory=list)  # newest first, real cycles only
    quarantine: Quarantine | None = None
    users_linked: int = 0
    users_active: int = 0
    groups_linked: int = 0
    log_counts: dict[str, int] = field(default_factory=dict)  # status -> rows to date
    since: datetime | None = None  # the oldest record kept (the log's retention)
    pending_operations: int = 0  # left by an interrupted cycle
    # The last cycle started and never ended, and no process runs it (killed, crashed, its
    # window closed): shown on the dashboard and in the chart until a cycle resumes it.
    interrupted: InterruptedCycle | None = None

    @property
    def last_cycle(self) -> CycleRecord | None:
        return next((cycle for cycle in self.cycles if not cycle.unfinished), None)

    @property
    def held(self) -> bool:
        last = self.last_cycle
        return last is not None and last.outcome == "held"


def read_snapshot(profile_name: str, *, limit: int = 200) -> ProfileSnapshot:
    """Read the profile's state file (blocking: call it through asyncio.to_thread)."""
    from app.sync.state import StateStore

    path = state_file(profile_name)
    if not path.exists():  # no cycle has run: do not create the file just to look at it
        return ProfileSnapshot(profile_name)
    with StateStore(path) as state:
        cycles = [cycle for cycle in state.cycles(limit=limit) if cycle.mode != "one"]
        times = [cycle.started for cycle in cycles]
        oldest_log = state.oldest_log_time()
        if oldest_log is not None:
            times.append(oldest_log)
        return ProfileSnapshot(
            profile_name=profile_name,
            cycles=cycles,
            quarantine=state.quarantine(),
            users_linked=state.count_links("User"),
            users_active=state.count_links("User", active_only=True),
            groups_linked=state.count_links("Group"),
            log_counts={status.value: state.count_log(status=status.value) for status in Status},
            since=min(times) if times else None,
            pending_operations=len(state.journal_pending()),
            interrupted=interrupted_cycle(profile_name, state),
        )


def interrupted_cycle(profile_name: str, state: Any) -> InterruptedCycle | None:
    """The state's unfinished last cycle when nobody runs it (the profile lock is free)."""
    found: InterruptedCycle | None = state.interrupted_cycle()
    if found is None or ProfileLock(profile_name).current_owner() is not None:
        return None
    return found


def cycle_bars(
    cycles: list[CycleRecord], interrupted: InterruptedCycle | None = None
) -> list[ChartBar]:
    """The chart's bars, oldest first, from cycle records (newest first); an interrupted
    cycle is the last bar, with its own mark."""
    finished = [cycle for cycle in cycles if not cycle.unfinished][:CHART_CYCLES]
    bars = [
        interrupted_bar(c.started, 0)  # resumed by a later cycle: still marked as interrupted
        if c.was_interrupted
        else bar_from_counts(c.started, c.counts, c.outcome)
        for c in reversed(finished)
    ]
    if interrupted is not None:
        bars.append(interrupted_bar(interrupted.started, interrupted.done))
    return bars


# --- the bridge -------------------------------------------------------------------------------


class DashboardBridge(EngineBridge):
    """The engine calls the dashboard needs, as Operations (same rules as EngineBridge)."""

    @property
    def tasks(self) -> TaskRegistry:
        return self._tasks

    def load_profiles(self) -> Operation[list[Profile]]:
        """Every profile that loads; one that does not is logged and left out."""
        from app.config.store import ProfileStore

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
        from app.sync.state import StateStore

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
        from app.config.secrets import aresolve_webex_token
        from app.sync.engine import SyncEngine

        operation: Operation[SyncEvent] = Operation("provision-on-demand")

        async def work() -> SyncEvent:
            token = await aresolve_webex_token(profile.name)
            # Opened here (the engine closes only what it opened) so that a device-code
            # sign-in reports through the operation.
            source = open_watched_source(profile, None, operation)
            try:
                if apply:
                    async with (
                        ProfileLock(profile.name, purpose="gui"),
                        SyncEngine(profile, token=token, source=source) as engine,
                    ):
                        return await engine.provision_one(user_name, apply=True)
                async with SyncEngine(profile, token=token, source=source) as engine:
                    return await engine.provision_one(user_name, apply=False)
            finally:
                await source.aclose()

        return self._start(operation, work)

    def query_log(
        self, profile_name: str, *, text: str, status: str, limit: int
    ) -> Operation[list[LogEntry]]:
        from app.sync.state import StateStore

        def read() -> list[LogEntry]:
            path = state_file(profile_name)
            if not path.exists():
                return []
            with StateStore(path) as state:
                return state.query_log(
                    text=text or None, status=status or None, limit=limit, newest_first=True
                )

        async def work() -> list[LogEntry]:
            return await asyncio.to_thread(read)

        return self._start(Operation("query-log"), work)

    def export_log(
        self, profile_name: str, path: Path, *, text: str, status: str
    ) -> Operation[Path]:
        """Every row that matches, as CSV (the columns of `webex-provisioner logs --format csv`)."""
        from app.errors import InputError
        from app.paths import write_private_text
        from app.sync.state import StateStore

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


# --- cycles while the program runs -----------------------------------------------------------


class ProfileRuntime(QObject):
    """One profile's cycles in this process: its CycleScheduler, its lock, its failure e-mail."""

    statusChanged = Signal(object)  # SchedulerStatus
    eventReceived = Signal(object)  # SyncEvent of the running cycle
    cycleFinished = Signal(object)  # CycleResult
    # An Operation per engine cycle that reports its Microsoft sign-in by device code
    # (deviceCodeShown, signedIn, finished when the cycle ends); cancelling it stops the cycle.
    signInWatched = Signal(object)
    # The same object as a SyncRun (events, pause, resume, graceful cancel), for the
    # dashboard's live activity view.
    runStarted = Signal(object)
    # The profile file changed on disk (`webex-provisioner profile ...`): read again before
    # the cycle that follows.
    profileReloaded = Signal(object)

    def __init__(
        self,
        profile: Profile,
        tasks: TaskRegistry,
        *,
        run_cycle: Callable[[bool], Awaitable[CycleResult]] | None = None,
        clock: Callable[[], datetime] = _utc_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self._tasks = tasks
        self._clock = clock
        self._run = run_cycle or self._run_engine_cycle
        self._allow_deletes_next = False
        self._keeper: asyncio.Task[None] | None = None
        self.current_run: SyncRun | None = None
        self.scheduler = CycleScheduler(
            self._scheduled_cycle,
            every=self._interval(profile),
            clock=clock,
            not_before=self._quarantine_until,
            # Status Off: no automatic cycle, whatever the interval (issue 23).
            enabled=lambda: self.profile.provisioning_enabled,
        )
        self.scheduler.add_listener(self.statusChanged.emit)

    def __repr__(self) -> str:
        return f"<ProfileRuntime {self.profile.name!r} {self.scheduler.state.value}>"

    @staticmethod
    def _interval(profile: Profile) -> timedelta:
        if profile.provisioning_enabled:
            return timedelta(minutes=profile.schedule.every_minutes)
        return MANUAL_ONLY

    @property
    def automatic(self) -> bool:
        return self.profile.provisioning_enabled

    @property
    def status(self) -> SchedulerStatus:
        return self.scheduler.status()

    @property
    def running(self) -> bool:
        return self.scheduler.running

    def start(self, last_started: datetime | None = None) -> None:
        """Start the schedule: the first automatic cycle is due one interval after the last."""
        if self.scheduler.started:
            return
        now = self._clock()
        every = self.scheduler.every
        first = now + every if not self.automatic else now
        if self.automatic and last_started is not None and last_started + every > now:
            first = last_started + every
        self.scheduler.start(first_cycle_at=first)
        # The registry cancels this keeper on quit; its clean-up stops the scheduler (and
        # the cycle in flight) before the loop closes.
        self._keeper = self._tasks.start(self._keep(), name=f"schedule {self.profile.name}")

    async def _keep(self) -> None:
        try:
            await asyncio.get_running_loop().create_future()
        finally:
            await self.scheduler.stop()

    async def stop(self) -> None:
        keeper, self._keeper = self._keeper, None
        if keeper is not None and not keeper.done():
            keeper.cancel()
            await asyncio.gather(keeper, return_exceptions=True)
        await self.scheduler.stop()

    def update_profile(self, profile: Profile) -> None:
        """The profile was saved again: new settings for the next cycles (the schedule too)."""
        self.profile = profile
        every = self._interval(profile)
        if every != self.scheduler.every:
            self.scheduler.set_interval(every)

    def sync_now(self, *, allow_deletes: bool = False) -> None:
        """A cycle now, or right after the running one; `allow_deletes` for that cycle only."""
        if allow_deletes:
            self._allow_deletes_next = True
        if not self.scheduler.started:
            self.start()
        self.scheduler.sync_now()

    def wake(self) -> None:
        """Look at the quarantine again (after a restart lifted it)."""
        if self.scheduler.started:
            self.scheduler.set_interval(self.scheduler.every)

    def _quarantine_until(self) -> datetime | None:
        from app.sync.state import StateStore

        path = state_file(self.profile.name)
        if not path.exists():
            return None
        with StateStore(path) as state:
            quarantine = state.quarantine()
        return quarantine.next_attempt if quarantine is not None else None

    async def _scheduled_cycle(self) -> CycleResult:
        allow, self._allow_deletes_next = self._allow_deletes_next, False
        await self.reload_profile()
        result = await self._run(allow)
        self.cycleFinished.emit(result)
        return result

    async def reload_profile(self) -> bool:
        """Read the profile file again when it changed on disk since this window loaded it
        (the CLI may have edited it); True when the profile changed. A file that no longer
        loads raises its error: the cycle does not run on settings nobody can see."""
        from app.config.store import ProfileStore

        def read() -> Profile | None:
            store = ProfileStore()
            if not store.exists(self.profile.name):
                return None
            return store.load(self.profile.name)

        loaded = await asyncio.to_thread(read)
        if loaded is None or loaded == self.profile:
            return False
        log.info("Profile %s changed on disk: read again before its cycle", self.profile.name)
        self.update_profile(loaded)
        self.profileReloaded.emit(loaded)
        return True

    async def _run_engine_cycle(self, allow_deletes: bool) -> CycleResult:
        from app.config.secrets import aresolve_webex_token
        from app.sync.engine import SyncEngine

        profile = self.profile
        token = await aresolve_webex_token(profile.name)
        sign_in = CycleRun(f"cycle {profile.name}")
        self.current_run = sign_in

        def relay(event: SyncEvent) -> None:
            self.eventReceived.emit(event)
            sign_in.eventReceived.emit(event)

        async def cycle() -> CycleResult:
            async with ProfileLock(profile.name, purpose="gui"):
                source = open_watched_source(profile, None, sign_in)
                try:
                    async with SyncEngine(profile, token=token, source=source) as engine:
                        remove = engine.add_listener(relay)
                        sign_in.engine = engine
                        try:
                            result = await engine.run_cycle(allow_deletes=allow_deletes)
                        finally:
                            sign_in.engine = None
                            remove()
                        sign_in.result = result
                        await notify_failure(profile, engine.state, result)
                        return result
                finally:
                    await source.aclose()

        # The cycle runs as a task of its own: "Cancel the sign-in" cancels it, and the
        # schedule goes on (it stops only when its own task is cancelled).
        task = asyncio.ensure_future(cycle())
        sign_in.task = task
        self.signInWatched.emit(sign_in)
        self.runStarted.emit(sign_in)
        try:
            result = await task
        except UserFacingError as error:
            sign_in._fail(error)
            raise
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if not task.cancelled() or (current is not None and current.cancelling()):
                raise
            raise SignInCancelled(
                self.tr("The Microsoft sign-in was cancelled: the cycle did not run."),
                self.tr("Press Sync now and sign in with the code shown."),
            ) from None
        else:
            sign_in._succeed(result)
            return result
        finally:
            sign_in._cancelled()  # finished: a device-code prompt still shown closes
            if self.current_run is sign_in:
                self.current_run = None


class CycleRun(SyncRun):
    """A dashboard cycle as a SyncRun. While its Microsoft sign-in waits for a device code,
    cancel() ends the cycle at once (the prompt's Cancel: nothing was sent); afterwards it is
    the engine's graceful cancel (the operations in flight finish)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self._signing_in = False
        self.deviceCodeShown.connect(self._code_shown)
        self.signedIn.connect(self._signed_in)

    def _code_shown(self, _prompt: object) -> None:
        self._signing_in = True

    def _signed_in(self) -> None:
        self._signing_in = False

    def cancel(self) -> None:
        if self._signing_in:
            Operation.cancel(self)
        else:
            super().cancel()


class SignInCancelled(UserFacingError):
    """The admin closed the device-code prompt of a cycle."""


async def notify_failure(profile: Profile, state: Any, result: CycleResult) -> None:
    """The failure e-mail policy, when the notifier is part of this build; never raises."""
    try:
        from app.notify.policy import FailureNotifier
    except ImportError:  # the notifier is optional in this build
        return
    try:
        notifier = FailureNotifier.for_profile(
            profile,
            get_last_reason=state.last_notification_reason,
            set_last_reason=state.set_last_notification_reason,
        )
        await notifier.notify(result)
    except asyncio.CancelledError:
        raise
    except Exception:  # a mail problem never fails the cycle
        log.exception("The failure e-mail of profile %s was not sent", profile.name)


# --- words ---------------------------------------------------------------------------------


def outcome_words(outcome: str) -> str:
    # Literal translate() calls: pyside6-lupdate collects these strings, not a variable's.
    words = {
        "completed": QCoreApplication.translate("DashboardWindow", "Completed"),
        "completed_with_failures": QCoreApplication.translate(
            "DashboardWindow", "Completed with failures"
        ),
        "held": QCoreApplication.translate(
            "DashboardWindow", "Held by the accidental-deletion threshold"
        ),
        "quarantined": QCoreApplication.translate("DashboardWindow", "Quarantined"),
        "cancelled": QCoreApplication.translate("DashboardWindow", "Cancelled"),
        "failed": QCoreApplication.translate("DashboardWindow", "Failed"),
    }
    return words.get(outcome, outcome or QCoreApplication.translate("DashboardWindow", "Running"))


def scheduler_state_words(state: SchedulerState | str) -> str:
    words = {
        SchedulerState.IDLE.value: QCoreApplication.translate("DashboardWindow", "Idle"),
        SchedulerState.RUNNING.value: QCoreApplication.translate(
            "DashboardWindow", "A cycle is running"
        ),
        SchedulerState.HELD.value: QCoreApplication.translate(
            "DashboardWindow", "Held: removals wait for your decision"
        ),
        SchedulerState.QUARANTINED.value: QCoreApplication.translate(
            "DashboardWindow", "Quarantined"
        ),
        SchedulerState.FAILED.value: QCoreApplication.translate(
            "DashboardWindow", "The last cycle failed"
        ),
    }
    return words.get(str(state), str(state))


def counts_words(counts: dict[str, dict[str, int]]) -> str:
    """ "Create 3, Update 1 (1 failed), No change 997"."""
    parts = []
    for action in ("Create", "Update", "Disable", "Delete", "Skip", "NoChange"):
        statuses = counts.get(action)
        if not statuses:
            continue
        text = f"{action_label(action)} {sum(statuses.values())}"
        failed = statuses.get(Status.FAILURE.value, 0)
        if failed:
            text += " " + QCoreApplication.translate("DashboardWindow", "({count} failed)").format(
                count=failed
            )
        held = statuses.get(Status.HELD.value, 0)
        if held:  # not sent: the deletion threshold held the cycle
            text += " " + QCoreApplication.translate("DashboardWindow", "({count} held)").format(
                count=held
            )
        skipped = statuses.get(Status.SKIPPED.value, 0)
        if skipped and action not in ("Skip", "NoChange"):  # e.g. removals skipped
            text += " " + QCoreApplication.translate(
                "DashboardWindow", "({count} not done)"
            ).format(count=skipped)
        parts.append(text)
    return ", ".join(parts) or QCoreApplication.translate("DashboardWindow", "nothing to do")


# --- the window ------------------------------------------------------------------------------


class DashboardWindow(QMainWindow):
    """The dashboard; `open_dashboard(shell)` builds it for the application."""

    snapshotShown = Signal(object)  # ProfileSnapshot
    profilesLoaded = Signal(list)  # profile names
    newProfileRequested = Signal()
    settingsRequested = Signal(object)  # Profile

    REFRESH_MS = 500  # progress of a running cycle, repainted on a timer, not per event

    def __init__(
        self,
        bridge: DashboardBridge,
        *,
        tray: TrayController | None = None,
        run_schedules: bool = True,
        runtime_factory: Callable[[Profile], ProfileRuntime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.setWindowTitle(self.tr("Webex Provisioner"))
        self.setWindowIcon(QIcon(str(icon_path())))
        self.bridge = bridge
        self.tray = tray
        self.run_schedules = run_schedules
        self._runtime_factory = runtime_factory
        self.profiles: dict[str, Profile] = {}
        self.runtimes: dict[str, ProfileRuntime] = {}
        self.snapshot: ProfileSnapshot | None = None
        self._off_box: QMessageBox | None = None  # "run one cycle while Off?" (issue 23)
        self._progress: dict[str, tuple[int, int]] = {}
        self._recorded: dict[str, SchedulerState] = {}  # from each state file, at start
        self._dialogs: list[QWidget] = []
        self._quitting = False
        self._runs: dict[str, SyncRun] = {}  # the running cycle of each profile
        self.close_box: QMessageBox | None = None  # "a cycle is running" while closing
        self._stop_then_close = False
        self.device_code = DeviceCodeHost(self)  # a cycle's Microsoft sign-in by device code
        self._build()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setObjectName("dashboardRefreshTimer")
        self._refresh_timer.setInterval(self.REFRESH_MS)
        self._refresh_timer.timeout.connect(self._show_status)
        if tray is not None:
            tray.syncNowRequested.connect(self.sync_now)
            tray.openRequested.connect(self.bring_to_front)
        fit_to_screen(self, 1120, 820)  # smaller on a small screen

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(self)
        central.setObjectName("dashboardCentral")
        self.setCentralWidget(central)
        layout = QVBoxLayout(central)

        top = QHBoxLayout()
        profile_label = QLabel(self.tr("&Profile:"), central)
        self.profile_selector = QComboBox(central)
        self.profile_selector.setObjectName("profileSelector")
        self.profile_selector.setAccessibleName(self.tr("Profile"))
        self.profile_selector.setMinimumContentsLength(18)
        profile_label.setBuddy(self.profile_selector)
        self.target_label = ElidedLabel(central)  # a long URL is elided; the tooltip has it all
        self.target_label.setObjectName("profileTarget")
        top.addWidget(profile_label)
        top.addWidget(self.profile_selector)
        top.addWidget(self.target_label, 1)
        self.new_profile_button = self._button("newProfile", self.tr("&New profile…"), central)
        self.settings_button = self._button("profileSettings", self.tr("Se&ttings…"), central)
        self.settings_button.setAccessibleName(self.tr("Settings of this profile"))
        self.about_button = self._button("aboutButton", self.tr("A&bout"), central)
        top.addWidget(self.new_profile_button)
        top.addWidget(self.settings_button)
        top.addWidget(self.about_button)
        layout.addLayout(top)

        overview = QHBoxLayout()
        last_box = QGroupBox(self.tr("Last cycle"), central)
        last_box.setObjectName("lastCycleBox")
        grid = QGridLayout(last_box)
        self.state_label = self._value_label("schedulerState", self.tr("State"), last_box)
        self.last_cycle_label = self._value_label("lastCycle", self.tr("Last cycle"), last_box)
        self.last_counts_label = self._value_label("lastCycleCounts", self.tr("Counts"), last_box)
        self.next_cycle_label = self._value_label("nextCycle", self.tr("Next cycle"), last_box)
        rows = (
            (self.tr("State:"), self.state_label),
            (self.tr("When:"), self.last_cycle_label),
            (self.tr("Done:"), self.last_counts_label),
            (self.tr("Next cycle:"), self.next_cycle_label),
        )
        for row, (title, value) in enumerate(rows):
            label = QLabel(title, last_box)
            label.setBuddy(value)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1)
        self.problem = FieldMessage("cycleProblem", last_box)
        grid.addWidget(self.problem, len(rows), 0, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(rows) + 1, 1)
        overview.addWidget(last_box, 3)

        stats_box = QGroupBox(self.tr("Statistics to date"), central)
        stats_box.setObjectName("statisticsBox")
        stats_layout = QVBoxLayout(stats_box)
        self.statistics = QLabel(stats_box)
        self.statistics.setObjectName("statistics")
        self.statistics.setAccessibleName(self.tr("Statistics to date"))
        self.statistics.setWordWrap(True)
        self.statistics.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        stats_layout.addWidget(self.statistics, 1)
        overview.addWidget(stats_box, 2)

        chart_box = QGroupBox(self.tr("Last cycles"), central)
        chart_box.setObjectName("chartBox")
        chart_layout = QVBoxLayout(chart_box)
        self.chart = CycleChart(chart_box)
        chart_layout.addWidget(self.chart)
        overview.addWidget(chart_box, 3)

        actions = QHBoxLayout()
        self.sync_button = self._button("syncNow", self.tr("&Sync now"), central)
        self.allow_deletes_button = self._button(
            "allowDeletes", self.tr("&Allow the removals and run…"), central
        )
        self.allow_deletes_button.setAccessibleName(
            self.tr("Allow the removals held by the threshold and run the cycle")
        )
        self.on_demand_button = self._button(
            "provisionOnDemand", self.tr("Provision on &demand…"), central
        )
        self.restart_button = self._button(
            "restartProvisioning", self.tr("&Restart provisioning…"), central
        )
        self.keep_in_tray = QCheckBox(
            self.tr("&Keep running in the system tray when this window is closed"), central
        )
        self.keep_in_tray.setObjectName("keepRunningInTray")
        self.keep_in_tray.setAccessibleName(
            self.tr("Keep running in the system tray when this window is closed")
        )
        for widget in (
            self.sync_button,
            self.allow_deletes_button,
            self.on_demand_button,
            self.restart_button,
        ):
            actions.addWidget(widget)
        actions.addStretch(1)

        upper = QWidget(central)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(overview)
        upper_layout.addLayout(actions)
        upper_layout.addWidget(self.keep_in_tray)
        self.action_message = FieldMessage("dashboardMessage", upper)
        upper_layout.addWidget(self.action_message)
        upper_layout.addWidget(self._build_interrupted(upper))
        line = QFrame(upper)
        line.setFrameShape(QFrame.Shape.HLine)
        upper_layout.addWidget(line)

        splitter = QSplitter(Qt.Orientation.Vertical, central)
        splitter.setObjectName("dashboardSplitter")
        self.splitter = splitter
        self.upper = upper
        # A text of the overview that grows later (the scheduler's next cycle, a banner) asks
        # for a new layout: the overview is fitted again then, not only on resizes.
        upper.installEventFilter(self)
        splitter.addWidget(upper)
        self.tabs = QTabWidget(splitter)
        self.tabs.setObjectName("dashboardTabs")
        self.tabs.tabBar().setAccessibleName(self.tr("Logs or the running cycle"))
        # Tab reaches the tab bar itself; the frame around the pages is no stop of its own.
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.logs = LogsView(self.bridge, self.tabs)
        self.tabs.addTab(self.logs, self.tr("Provisioning &logs"))
        self.activity = ActivityView(self.tabs)
        self.activity.setObjectName("dashboardActivity")
        self.activity.setAccessibleName(self.tr("The cycle running now"))
        # Alt letters of their own: P, N and R are the profile's, New profile's and Restart's.
        self.activity.use_button_texts(
            self.tr("Pa&use"), self.tr("Res&ume"), self.tr("Cancel s&ync")
        )
        self.tabs.addTab(self.activity, self.tr("&Current cycle"))
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        self.allow_deletes_button.hide()
        settings = gui_settings()
        keep = settings.value(SETTINGS_KEEP_IN_TRAY, False, type=bool)
        self.keep_in_tray.setChecked(bool(keep))
        self.keep_in_tray.setEnabled(self.tray is not None and self.tray.available)
        if not self.keep_in_tray.isEnabled():
            self.keep_in_tray.setToolTip(self.tr("This desktop has no system tray."))
        self.keep_in_tray.toggled.connect(self._keep_in_tray_toggled)

        self.profile_selector.currentIndexChanged.connect(lambda _i: self._profile_chosen())
        self.new_profile_button.clicked.connect(self.newProfileRequested)
        self.settings_button.clicked.connect(self._settings_clicked)
        self.about_button.clicked.connect(self.open_about)
        self.sync_button.clicked.connect(self.sync_now)
        self.allow_deletes_button.clicked.connect(self.confirm_allow_deletes)
        self.on_demand_button.clicked.connect(self.open_on_demand)
        self.restart_button.clicked.connect(self.confirm_restart)

    def _build_interrupted(self, parent: QWidget) -> QWidget:
        """The banner that says the last cycle was interrupted, and offers to resume it."""
        frame = QFrame(parent)
        frame.setObjectName("interruptedBanner")
        frame.setAccessibleName(self.tr("Interrupted cycle"))
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setStyleSheet(
            "QFrame#interruptedBanner { background: #fff4e5; border: 1px solid #f9a825; }"
            " QFrame#interruptedBanner QLabel { color: #4e342e; }"
        )
        row = QHBoxLayout(frame)
        self.interrupted_label = QLabel(frame)
        self.interrupted_label.setObjectName("interruptedCycle")
        self.interrupted_label.setAccessibleName(self.tr("Interrupted cycle"))
        self.interrupted_label.setWordWrap(True)
        self.interrupted_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.resume_button = self._button(
            "resumeCycle", self.tr("Resu&me the interrupted cycle"), frame
        )
        row.addWidget(self.interrupted_label, 1)
        row.addWidget(self.resume_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.resume_button.clicked.connect(self.resume_interrupted)
        frame.hide()
        self.interrupted_banner = frame
        return frame

    @staticmethod
    def _button(name: str, text: str, parent: QWidget) -> QPushButton:
        button = QPushButton(text, parent)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        return button

    @staticmethod
    def _value_label(name: str, accessible: str, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # --- profiles -------------------------------------------------------------------------

    @property
    def current_name(self) -> str:
        value = self.profile_selector.currentData()
        return value if isinstance(value, str) else ""

    @property
    def current_profile(self) -> Profile | None:
        return self.profiles.get(self.current_name)

    @property
    def current_runtime(self) -> ProfileRuntime | None:
        return self.runtimes.get(self.current_name)

    def reload(self, select: str | None = None) -> Operation[list[Profile]]:
        """Read the profiles again (after the wizard saved one) and show `select` or the current."""
        wanted = select or self.current_name
        operation = self.bridge.load_profiles()
        operation.succeeded.connect(lambda profiles: self._profiles_loaded(profiles, wanted))
        operation.failed.connect(self.action_message.show_exception)
        return operation

    def _profiles_loaded(self, profiles: list[Profile], wanted: str) -> None:
        self.profiles = {profile.name: profile for profile in profiles}
        for name in list(self.runtimes):
            if name not in self.profiles:
                gone = self.runtimes.pop(name)
                self._start_task(gone.stop(), f"stop {name}")
                if self.tray is not None:
                    self.tray.forget_profile(name)
        for profile in profiles:
            existing = self.runtimes.get(profile.name)
            if existing is None:
                self._add_runtime(profile)
            else:
                existing.update_profile(profile)
        self.profile_selector.blockSignals(True)
        self.profile_selector.clear()
        for profile in profiles:
            self.profile_selector.addItem(profile.name, profile.name)
        index = self.profile_selector.findData(wanted)
        self.profile_selector.setCurrentIndex(index if index >= 0 else 0)
        self.profile_selector.blockSignals(False)
        self.profilesLoaded.emit(list(self.profiles))
        self._profile_chosen()

    def _add_runtime(self, profile: Profile) -> ProfileRuntime:
        if self._runtime_factory is not None:
            runtime = self._runtime_factory(profile)
        else:
            runtime = ProfileRuntime(profile, self.bridge.tasks, parent=self)
        name = profile.name
        # Bound methods, not lambdas: Qt drops these connections when the window goes,
        # while a runtime may still report its last state as it stops.
        runtime.statusChanged.connect(self._runtime_status_changed)
        runtime.eventReceived.connect(self._runtime_event)
        runtime.cycleFinished.connect(self._runtime_cycle_finished)
        runtime.signInWatched.connect(self._watch_sign_in)
        runtime.runStarted.connect(self._runtime_run_started)
        runtime.profileReloaded.connect(self._runtime_profile_reloaded)
        self.runtimes[name] = runtime
        if self.run_schedules:
            # The first automatic cycle is due one interval after the last one recorded.
            operation = self.bridge.snapshot(name)
            operation.succeeded.connect(lambda snap: self._start_runtime(runtime, snap))
            operation.failed.connect(lambda _error: self._start_runtime(runtime, None))
        self._update_tray(name)
        return runtime

    def _remember_state(self, snapshot: ProfileSnapshot) -> None:
        last = snapshot.last_cycle
        if snapshot.quarantine is not None:
            state = SchedulerState.QUARANTINED
        elif last is not None and last.outcome == "held":
            state = SchedulerState.HELD
        elif last is not None and last.outcome in ("failed", "completed_with_failures"):
            state = SchedulerState.FAILED
        else:
            state = SchedulerState.IDLE
        self._recorded[snapshot.profile_name] = state
        self._update_tray(snapshot.profile_name)

    def _start_runtime(self, runtime: ProfileRuntime, snapshot: ProfileSnapshot | None) -> None:
        if self._quitting or self.runtimes.get(runtime.profile.name) is not runtime:
            return
        if snapshot is not None:
            self._remember_state(snapshot)
        last = snapshot.last_cycle if snapshot is not None else None
        runtime.start(last.started if last is not None else None)

    def _profile_chosen(self) -> None:
        profile = self.current_profile
        # The snapshot shown next reloads the logs: one read, not two.
        self.logs.set_profile(profile.name if profile is not None else "", reload=profile is None)
        if profile is None:
            self.target_label.setText(self.tr("No profile yet: create one with New profile."))
            self.snapshot = None
            self._show_snapshot(None)
            return
        self._show_target(profile)
        run = self._runs.get(profile.name)
        if run is not None and run.running and self.activity.run is not run:
            self.activity.attach(run)
        self.refresh()

    def _show_target(self, profile: Profile) -> None:
        source = profile.source.kind.upper() if profile.source.kind == "csv" else "Entra ID"
        self.target_label.setText(
            self.tr("{source} → {target}").format(source=source, target=profile.target.tenant_url)
        )

    def refresh(self) -> Operation[ProfileSnapshot] | None:
        """Read the selected profile's state file again and show it."""
        name = self.current_name
        if not name:
            return None
        operation = self.bridge.snapshot(name)
        # A bound slot, not a lambda: Qt disconnects it when the window is destroyed, so a
        # snapshot that arrives after closing is dropped instead of touching deleted widgets.
        operation.succeeded.connect(self._show_snapshot_if_current)
        operation.failed.connect(self.action_message.show_exception)
        return operation

    def _show_snapshot_if_current(self, snapshot: ProfileSnapshot) -> None:
        if snapshot.profile_name == self.current_name:
            self._show_snapshot(snapshot)

    # --- showing ----------------------------------------------------------------------------

    def _show_snapshot(self, snapshot: ProfileSnapshot | None) -> None:
        self.snapshot = snapshot
        if snapshot is not None:
            self._remember_state(snapshot)
        self.chart.set_bars(cycle_bars(snapshot.cycles, snapshot.interrupted) if snapshot else [])
        last = snapshot.last_cycle if snapshot else None
        interrupted = snapshot.interrupted if snapshot else None
        if interrupted is not None:
            # The last cycle is the one that never ended: said as such, not the one before.
            self.last_cycle_label.setText(
                self.tr("{when}: interrupted, it never finished").format(
                    when=local_time_text(interrupted.started)
                )
            )
            self.last_counts_label.setText(
                self.tr("{done} of {planned} operations answered").format(
                    done=interrupted.done, planned=interrupted.planned
                )
            )
        elif last is None:
            self.last_cycle_label.setText(self.tr("No cycle has run yet."))
            self.last_counts_label.setText("")
        else:
            when = local_time_text(last.started)
            took = (
                format_duration((last.finished - last.started).total_seconds())
                if last.finished
                else ""
            )
            mode = {"full": self.tr("full"), "incremental": self.tr("incremental")}.get(
                last.mode, last.mode
            )
            self.last_cycle_label.setText(
                self.tr("{when}, took {took} ({mode}): {outcome}").format(
                    when=when, took=took, mode=mode, outcome=outcome_words(last.outcome)
                )
            )
            self.last_counts_label.setText(counts_words(last.counts))
        self._show_problem(snapshot)
        self._show_interrupted()
        self._show_statistics(snapshot)
        self._show_status()
        self.logs.reload()
        QTimer.singleShot(0, self, self.fit_overview)  # once the new texts are laid out
        if snapshot is not None:
            self.snapshotShown.emit(snapshot)

    def fit_overview(self) -> None:
        """Give the upper part the height its wrapped texts need (a held cycle's reason, in
        French, takes more lines than the splitter's first guess); never shrink it."""
        layout = self.upper.layout()
        if layout is None:
            return
        width = self.upper.width()
        needed = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.sizeHint().height()
        )
        sizes = self.splitter.sizes()
        if len(sizes) == 2 and needed > sizes[0]:
            total = sum(sizes)
            lower = max(total - needed, self.logs.minimumSizeHint().height())
            self.splitter.setSizes([needed, lower])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self.fit_overview)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.upper and event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self.fit_overview)
        return super().eventFilter(watched, event)

    def _show_problem(self, snapshot: ProfileSnapshot | None) -> None:
        last = snapshot.last_cycle if snapshot else None
        if snapshot is not None and snapshot.quarantine is not None:
            quarantine = snapshot.quarantine
            self.problem.show_error(
                self.tr("Quarantined since {since}: {reason}").format(
                    since=local_time_text(quarantine.since), reason=quarantine.reason
                ),
                self.tr(
                    "{next_step} The next attempt is at {time}; Restart provisioning tries "
                    "again at once."
                ).format(
                    next_step=quarantine.next_step, time=local_time_text(quarantine.next_attempt)
                ),
            )
        elif last is not None and last.outcome == "held":
            self.problem.show_error(
                self.tr("Held: {reason}").format(reason=last.reason),
                self.tr(
                    "Nothing was disabled or deleted. If these removals are intended, press "
                    "Allow the removals and run; otherwise fix the source or the scoping filters."
                ),
            )
        elif last is not None and last.outcome in ("failed", "completed_with_failures"):
            self.problem.show_error(last.reason, last.next_step)
        elif snapshot is not None and snapshot.pending_operations and snapshot.interrupted is None:
            self.problem.show_info(
                self.tr(
                    "{count} operations of an interrupted cycle wait; the next cycle finishes them."
                ).format(count=snapshot.pending_operations)
            )
        else:
            self.problem.clear_message()
        self._update_buttons()

    def _show_interrupted(self) -> None:
        """The banner, while the selected profile's last cycle is interrupted and none runs."""
        snapshot = self.snapshot
        runtime = self.current_runtime
        interrupted = (
            snapshot.interrupted
            if snapshot is not None and snapshot.profile_name == self.current_name
            else None
        )
        if interrupted is None or (runtime is not None and runtime.running):
            self.interrupted_banner.hide()
            return
        self.interrupted_label.setText(
            self.tr(
                "The last cycle was interrupted at {done} of {planned} operations, at {time}."
            ).format(
                done=interrupted.done,
                planned=interrupted.planned,
                time=local_time_text(interrupted.stopped),
            )
            + "\n"
            + self.tr(
                "Resume finishes it: the operations that were not answered are sent once "
                "more, and nobody is created twice."
            )
        )
        self.resume_button.setEnabled(runtime is not None)
        self.interrupted_banner.show()

    def resume_interrupted(self) -> None:
        """Start a cycle: it resumes the interrupted one from its journal first."""
        runtime = self.current_runtime
        if runtime is None:
            return
        runtime.sync_now()
        self.interrupted_banner.hide()
        self.tabs.setCurrentWidget(self.activity)
        self.action_message.show_info(
            self.tr("A cycle of {name} starts now and resumes the interrupted one.").format(
                name=runtime.profile.name
            )
        )

    def _show_statistics(self, snapshot: ProfileSnapshot | None) -> None:
        if snapshot is None or (not snapshot.cycles and not snapshot.users_linked):
            self.statistics.setText(self.tr("Nothing yet: statistics start with the first cycle."))
            return
        counts = snapshot.log_counts
        lines = [
            self.tr("Users provisioned: {active} active, {total} in all").format(
                active=snapshot.users_active, total=snapshot.users_linked
            ),
            self.tr("Groups provisioned: {count}").format(count=snapshot.groups_linked),
            self.tr("Cycles: {count}").format(count=len(snapshot.cycles)),
        ]
        lines.append(
            self.tr("Logged operations: {counts}").format(
                counts=" · ".join(
                    f"{status_label(status.value)} {counts.get(status.value, 0)}"
                    for status in Status
                )
            )
        )
        if snapshot.since is not None:
            lines.append(self.tr("Since {time}").format(time=local_time_text(snapshot.since)))
        self.statistics.setText("\n".join(lines))

    def state_of(self, name: str) -> SchedulerState:
        """The scheduler's state; before this window ran a cycle, the one the state file tells."""
        runtime = self.runtimes.get(name)
        if runtime is None:
            return SchedulerState.IDLE
        status = runtime.status
        if status.cycles_run or status.last_error or status.state is SchedulerState.RUNNING:
            return status.state
        return self._recorded.get(name, status.state)

    def _show_status(self) -> None:
        runtime = self.current_runtime
        if runtime is None:
            self.state_label.setText("")
            self.next_cycle_label.setText("")
            self._update_buttons()
            return
        status = runtime.status
        state_text = scheduler_state_words(self.state_of(runtime.profile.name))
        if status.state is SchedulerState.RUNNING:
            done, total = self._progress.get(runtime.profile.name, (0, 0))
            if total:
                state_text += " " + self.tr("({done} of {total} users)").format(
                    done=done, total=total
                )
            if status.queued:
                state_text += " " + self.tr("; another cycle is queued")
        if status.last_error:
            state_text += "\n" + status.last_error
        self.state_label.setText(state_text)
        self.next_cycle_label.setText(self._next_cycle_text(runtime, status))
        self._update_buttons()

    def _next_cycle_text(self, runtime: ProfileRuntime, status: SchedulerStatus) -> str:
        if not runtime.automatic:
            return self.tr("Only when you press Sync now (provisioning status is off).")
        if status.next_cycle_at is None:
            return self.tr("Not scheduled")
        every = runtime.profile.schedule.every_minutes
        return self.tr("{time} (every {minutes} minutes)").format(
            time=local_time_text(status.next_cycle_at), minutes=every
        )

    def _update_buttons(self) -> None:
        runtime = self.current_runtime
        has_profile = runtime is not None
        running = runtime is not None and runtime.running
        held = (
            self.snapshot is not None
            and self.snapshot.held
            and self.snapshot.profile_name == self.current_name
        )
        self.allow_deletes_button.setVisible(held)
        self.allow_deletes_button.setEnabled(held and not running)
        self.sync_button.setEnabled(has_profile)
        self.on_demand_button.setEnabled(has_profile)
        self.restart_button.setEnabled(has_profile and not running)
        self.settings_button.setEnabled(has_profile)
        if self.tray is not None:
            self.tray.set_sync_enabled(has_profile)

    # --- scheduler and engine signals -------------------------------------------------------

    def _sender_name(self) -> str:
        runtime = self.sender()
        return runtime.profile.name if isinstance(runtime, ProfileRuntime) else ""

    def _watch_sign_in(self, operation: Operation[Any]) -> None:
        self.device_code.watch(operation)

    def _runtime_status_changed(self, status: SchedulerStatus) -> None:
        self._status_changed(self._sender_name(), status)

    def _runtime_event(self, event: SyncEvent) -> None:
        self._event_received(self._sender_name(), event)

    def _runtime_cycle_finished(self, result: CycleResult) -> None:
        self._cycle_finished(self._sender_name(), result)

    def _runtime_run_started(self, run: SyncRun) -> None:
        name = self._sender_name()
        self._runs[name] = run
        run.finished.connect(self._run_ended)
        if name == self.current_name:
            self.activity.attach(run)

    def _run_ended(self) -> None:
        for name, run in list(self._runs.items()):
            if not run.running:
                del self._runs[name]

    def _runtime_profile_reloaded(self, profile: Profile) -> None:
        self.profiles[profile.name] = profile
        if profile.name == self.current_name:
            self._show_target(profile)
            self.action_message.show_info(
                self.tr(
                    "The profile {name} changed on disk; this cycle uses the saved settings."
                ).format(name=profile.name)
            )

    def _status_changed(self, name: str, status: SchedulerStatus) -> None:
        self._update_tray(name)
        if self._stop_then_close and not any(r.running for r in self.runtimes.values()):
            self._stop_then_close = False
            QTimer.singleShot(0, self, self.quit)
        if name != self.current_name:
            return
        if status.state is SchedulerState.RUNNING:
            if not self._refresh_timer.isActive():
                self._refresh_timer.start()
        else:
            self._refresh_timer.stop()
        self._show_status()
        self._show_interrupted()

    def _event_received(self, name: str, event: SyncEvent) -> None:
        if event.kind == "cycle_started":
            self._progress[name] = (0, 0)
        done, total = self._progress.get(name, (0, 0))
        self._progress[name] = (max(done, event.done), max(total, event.total))

    def _cycle_finished(self, name: str, result: CycleResult) -> None:
        self._progress.pop(name, None)
        if name == self.current_name:
            if self.action_message.kind == "info":  # "A cycle ... starts now." is over
                self.action_message.clear_message()
            self.refresh()

    def _update_tray(self, name: str) -> None:
        runtime = self.runtimes.get(name)
        if self.tray is None or runtime is None:
            return
        status = runtime.status
        detail = ""
        if (
            status.state is not SchedulerState.RUNNING
            and runtime.automatic
            and status.next_cycle_at is not None
        ):
            detail = self.tr("next cycle at {time}").format(
                time=local_time_text(status.next_cycle_at, with_date=False)
            )
        self.tray.set_profile_state(name, TrayState(self.state_of(name).value), detail)

    # --- actions ----------------------------------------------------------------------------

    def sync_now(self) -> None:
        runtime = self.current_runtime
        if runtime is None:
            return
        if not runtime.automatic:
            # Provisioning status Off: one rule everywhere (issue 23), a cycle runs only
            # when the admin says so, once.
            self.confirm_sync_while_off()
            return
        self._sync_now_confirmed(runtime)

    def confirm_sync_while_off(self) -> QMessageBox | None:
        """Ask before running one cycle of a profile whose provisioning is Off (open())."""
        runtime = self.current_runtime
        if runtime is None:
            return None
        if self._off_box is not None and self._off_box.isVisible():
            return self._off_box
        if not self.isVisible():  # asked from the tray: the question needs its window
            self.bring_to_front()
        name = runtime.profile.name
        box = QMessageBox(self)
        box.setObjectName("syncWhileOffConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Provisioning is off"))
        box.setText(
            self.tr("Provisioning status of {name} is Off. Run one cycle now anyway?").format(
                name=name
            )
        )
        box.setInformativeText(
            self.tr(
                "While the status is Off no cycle runs by itself and nothing is sent. This "
                "runs one cycle, once; the status stays Off. To keep the profile in sync, "
                "turn provisioning on in Settings."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(self.tr("&Run one cycle"))
        yes.setObjectName("syncWhileOffYes")
        box.button(QMessageBox.StandardButton.Cancel).setObjectName("syncWhileOffCancel")
        self._off_box = box

        def answered(result: int) -> None:
            self._off_box = None
            if result == QMessageBox.StandardButton.Yes and name in self.runtimes:
                self._sync_now_confirmed(self.runtimes[name])
            box.deleteLater()

        box.finished.connect(answered)
        box.open()
        return box

    def _sync_now_confirmed(self, runtime: ProfileRuntime) -> None:
        runtime.sync_now()
        self.tabs.setCurrentWidget(self.activity)
        self.action_message.show_info(self.tr("A cycle of {name} starts now.").format(
            name=runtime.profile.name))  # fmt: skip

    def confirm_allow_deletes(self) -> QMessageBox | None:
        """Ask before running the held removals (a dialog opened with open())."""
        runtime, snapshot = self.current_runtime, self.snapshot
        if runtime is None or snapshot is None or not snapshot.held:
            return None
        last = snapshot.last_cycle
        box = QMessageBox(self)
        box.setObjectName("allowDeletesConfirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Allow the removals"))
        box.setText(
            self.tr("Run a cycle of {name} that disables or deletes the users held back?").format(
                name=runtime.profile.name
            )
        )
        box.setInformativeText(
            (last.reason + "\n\n" if last is not None else "")
            + self.tr("This is done once, for this cycle only; the threshold stays in force.")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Run with the removals"))
        box.button(QMessageBox.StandardButton.Yes).setObjectName("allowDeletesYes")
        name = runtime.profile.name

        def answered(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes and name in self.runtimes:
                self.runtimes[name].sync_now(allow_deletes=True)
                self.action_message.show_info(
                    self.tr("A cycle of {name} with the removals starts now.").format(name=name)
                )
            box.deleteLater()

        box.finished.connect(answered)
        box.open()
        return box

    def confirm_restart(self) -> QMessageBox | None:
        runtime = self.current_runtime
        if runtime is None:
            return None
        box = QMessageBox(self)
        box.setObjectName("restartConfirm")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Restart provisioning"))
        box.setText(
            self.tr("Restart the provisioning of {name}?").format(name=runtime.profile.name)
        )
        box.setInformativeText(
            self.tr(
                "The quarantine is lifted, the source is read in full at the next cycle and "
                "operations left by an interrupted cycle are dropped. The links between users "
                "and the provisioning logs are kept."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Restart"))
        box.button(QMessageBox.StandardButton.Yes).setObjectName("restartYes")
        name = runtime.profile.name

        def answered(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes:
                self.restart(name)
            box.deleteLater()

        box.finished.connect(answered)
        box.open()
        return box

    def restart(self, name: str) -> Operation[dict[str, int]]:
        operation = self.bridge.restart(name)
        self.restart_button.setEnabled(False)

        def done(cleared: dict[str, int]) -> None:
            self.action_message.show_ok(
                self.tr(
                    "Provisioning of {name} restarted: the quarantine is lifted and the next "
                    "cycle reads the whole source."
                ).format(name=name)
                if cleared.get("quarantine")
                else self.tr(
                    "Provisioning of {name} restarted: the next cycle reads the whole source."
                ).format(name=name)
            )
            runtime = self.runtimes.get(name)
            if runtime is not None:
                runtime.wake()
            self.refresh()

        operation.succeeded.connect(done)
        operation.failed.connect(self.action_message.show_exception)
        operation.finished.connect(self._update_buttons)
        return operation

    def open_on_demand(self) -> QWidget | None:
        from app.ui.on_demand import OnDemandDialog

        profile = self.current_profile
        if profile is None:
            return None
        dialog = OnDemandDialog(self.bridge, profile, self)
        dialog.applied.connect(lambda _event: self.refresh())
        self._keep_dialog(dialog)
        dialog.open()
        dialog.load_users()
        return dialog

    def open_about(self) -> QWidget:
        from app.ui.about import AboutDialog

        dialog = AboutDialog(self)
        self._keep_dialog(dialog)
        dialog.open()
        return dialog

    def _settings_clicked(self) -> None:
        profile = self.current_profile
        if profile is not None:
            self.settingsRequested.emit(profile)

    def _keep_dialog(self, dialog: QWidget) -> None:
        self._dialogs.append(dialog)

        def forget(*_args: Any) -> None:
            if dialog in self._dialogs:
                self._dialogs.remove(dialog)
            dialog.deleteLater()

        dialog.finished.connect(forget)  # type: ignore[attr-defined]

    def _start_task(self, coro: Coroutine[Any, Any, None], name: str) -> None:
        # RuntimeError: the application is shutting down, and its own clean-up runs.
        with contextlib.suppress(RuntimeError):
            self.bridge.tasks.start(coro, name=name)

    def bring_to_front(self) -> None:
        self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()

    # --- closing ----------------------------------------------------------------------------

    def _keep_in_tray_toggled(self, keep: bool) -> None:
        settings = gui_settings()
        settings.setValue(SETTINGS_KEEP_IN_TRAY, keep)
        settings.sync()

    @property
    def hides_in_tray(self) -> bool:
        return (
            self.keep_in_tray.isChecked()
            and self.tray is not None
            and self.tray.available
            and not self._quitting
        )

    def quit(self) -> None:
        """Close for good, even when the tray would keep the window."""
        self._quitting = True
        self.close()

    @property
    def cycle_running(self) -> bool:
        return any(runtime.running for runtime in self.runtimes.values())

    def _close_choice(self, choice: str) -> None:
        self.close_box = None
        if choice == CLOSE_STOP:
            self._stop_then_close = True
            for run in list(self._runs.values()):
                run.cancel()  # the engine's graceful cancel: the operations in flight finish
            self.action_message.show_info(
                self.tr(
                    "Stopping after the operations in flight; the window closes once they "
                    "are recorded."
                )
            )
            if not self.cycle_running:
                self._stop_then_close = False
                self.quit()
        elif choice == CLOSE_TRAY:
            self.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.hides_in_tray:
            event.ignore()
            self.hide()
            return
        if self.cycle_running and not self._stop_then_close:
            # Never hidden: closing during a cycle asks what becomes of it.
            event.ignore()
            self._quitting = False
            if self.close_box is None:
                self.close_box = ask_close_during_cycle(
                    self,
                    tray_available=self.tray is not None and self.tray.available,
                    on_choice=self._close_choice,
                )
            return
        if self._stop_then_close:
            event.ignore()  # it closes by itself once the cycle has stopped
            return
        self._quitting = True
        for dialog in list(self._dialogs):
            dialog.close()
        for runtime in self.runtimes.values():
            self._start_task(runtime.stop(), f"stop {runtime.profile.name}")
        if self.tray is not None:
            self.tray.hide()
        super().closeEvent(event)


# --- the application's entry -----------------------------------------------------------------


def wizard_defaults_for(
    profile: Profile | None, stored_secrets: dict[str, str] | None = None
) -> Any:
    """WizardDefaults for a new profile (None) or for editing a saved one (its Settings).

    `stored_secrets` are the secrets the keyring holds for the profile: the wizard uses them
    while its fields are left empty and never shows them.
    """
    from app.ui.wizard import WizardDefaults

    if profile is None:
        return WizardDefaults(profile_name="")
    return WizardDefaults(
        profile_name=profile.name,
        target_kind=profile.target.kind,
        source_kind=profile.source.kind,
        csv_path=profile.source.csv.path if profile.source.csv is not None else None,
        tenant_url=profile.target.tenant_url,
        entra=profile.source.entra,
        profile=profile,
        stored_secrets=dict(stored_secrets or {}),
    )


def open_dashboard(shell: Any) -> DashboardWindow:
    """Build the dashboard for the application shell (its task registry, its quit)."""
    bridge = DashboardBridge(shell.tasks)
    bridge.setParent(shell)
    tray = TrayController(shell)
    window = DashboardWindow(bridge, tray=tray)
    wizards: list[QWidget] = []

    def show_wizard(profile: Profile | None, stored: dict[str, str]) -> None:
        # Looked up at run time: app.ui.application imports this module (a static import
        # back would be a cycle that mypy resolves badly).
        wizard_window: Any = importlib.import_module("app.ui.application").WizardWindow

        wizard = wizard_window(bridge, wizard_defaults_for(profile, stored))
        wizard.wizard.profileSaved.connect(lambda saved: window.reload(select=saved.name))
        wizard.destroyed.connect(lambda *_: wizards.remove(wizard) if wizard in wizards else None)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizards.append(wizard)
        center_on(wizard, window)  # over the dashboard it was opened from
        wizard.show()

    def open_wizard(profile: Profile | None) -> None:
        if profile is None:
            show_wizard(None, {})
            return
        # The keyring is read off the loop; the wizard opens with what it holds.
        operation = bridge.stored_secrets(profile.name)
        operation.succeeded.connect(lambda stored: show_wizard(profile, stored))
        operation.failed.connect(lambda _error: show_wizard(profile, {}))

    window.newProfileRequested.connect(lambda: open_wizard(None))
    window.settingsRequested.connect(open_wizard)
    tray.quitRequested.connect(window.quit)
    tray.quitRequested.connect(lambda: shell.request_quit())
    tray.show()
    window.reload()
    return window


__all__ = [
    "DashboardBridge",
    "DashboardWindow",
    "ProfileRuntime",
    "ProfileSnapshot",
    "open_dashboard",
    "read_snapshot",
]
