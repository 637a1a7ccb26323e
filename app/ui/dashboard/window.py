"""The dashboard window (objectName dashboard): each profile's last cycle, the next one,
statistics, provisioning on demand, restart, allow deletes, the provisioning logs and a
chart of cycles; it follows each profile's ProfileRuntime and acts on the admin's requests.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QWidget,
)

from app.config.profile import Profile
from app.paths import config_dir
from app.sync.events import CycleResult, SyncEvent
from app.sync.scheduler import SchedulerState, SchedulerStatus
from app.ui.about import AboutDialog
from app.ui.activity import CLOSE_STOP, CLOSE_TRAY, ask_close_during_cycle
from app.ui.bridge import Operation, SyncRun
from app.ui.dashboard.bridge import DashboardBridge
from app.ui.dashboard.dialogs import allow_deletes_box, ask, restart_box, sync_while_off_box
from app.ui.dashboard.layout import DashboardWidgets, build_dashboard
from app.ui.dashboard.runtime import ProfileRuntime
from app.ui.dashboard.snapshot import ProfileSnapshot, cycle_bars
from app.ui.dashboard.words import (
    interrupted_words,
    last_cycle_words,
    next_cycle_words,
    problem_words,
    state_words,
    statistics_words,
)
from app.ui.i18n import local_time_text, tr_said
from app.ui.on_demand import OnDemandDialog
from app.ui.resources import icon_path
from app.ui.sign_in import DeviceCodeHost
from app.ui.tray import TrayController, TrayState
from app.ui.widgets import fit_to_screen

SETTINGS_KEEP_IN_TRAY = "dashboard/keepRunningInTray"


def gui_settings() -> QSettings:
    """The window's own preferences, in the program's config folder (never in the registry)."""
    return QSettings(str(config_dir() / "gui.ini"), QSettings.Format.IniFormat)


class DashboardWindow(QMainWindow, DashboardWidgets):
    """The dashboard; `open_dashboard(shell)` (app.ui.dashboard.entry) builds it for the
    application. Its widgets are built by app.ui.dashboard.layout, its texts said by
    app.ui.dashboard.words, its questions asked by app.ui.dashboard.dialogs."""

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
        build_dashboard(self)
        self._restore_keep_in_tray()
        self._connect_widgets()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setObjectName("dashboardRefreshTimer")
        self._refresh_timer.setInterval(self.REFRESH_MS)
        self._refresh_timer.timeout.connect(self._show_status)
        if tray is not None:
            tray.syncNowRequested.connect(self.sync_now)
            tray.openRequested.connect(self.bring_to_front)
        fit_to_screen(self, 1120, 820)  # smaller on a small screen

    def _restore_keep_in_tray(self) -> None:
        settings = gui_settings()
        keep = settings.value(SETTINGS_KEEP_IN_TRAY, False, type=bool)
        self.keep_in_tray.setChecked(bool(keep))
        self.keep_in_tray.setEnabled(self.tray is not None and self.tray.available)
        if not self.keep_in_tray.isEnabled():
            self.keep_in_tray.setToolTip(self.tr("This desktop has no system tray."))
        self.keep_in_tray.toggled.connect(self._keep_in_tray_toggled)

    def _connect_widgets(self) -> None:
        self.profile_selector.currentIndexChanged.connect(lambda _i: self._profile_chosen())
        self.new_profile_button.clicked.connect(self.newProfileRequested)
        self.settings_button.clicked.connect(self._settings_clicked)
        self.about_button.clicked.connect(self.open_about)
        self.sync_button.clicked.connect(self.sync_now)
        self.allow_deletes_button.clicked.connect(self.confirm_allow_deletes)
        self.on_demand_button.clicked.connect(self.open_on_demand)
        self.restart_button.clicked.connect(self.confirm_restart)
        self.resume_button.clicked.connect(self.resume_interrupted)

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
        when, done = last_cycle_words(snapshot)
        self.last_cycle_label.setText(when)
        self.last_counts_label.setText(done)
        self._show_problem(snapshot)
        self._show_interrupted()
        self.statistics.setText(statistics_words(snapshot))
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
        problem = problem_words(snapshot)
        if problem is None:
            self.problem.clear_message()
        elif problem.error:
            self.problem.show_error(problem.text, problem.next_step)
        else:
            self.problem.show_info(problem.text)
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
        self.interrupted_label.setText(interrupted_words(interrupted))
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
        name = runtime.profile.name
        progress = self._progress.get(name, (0, 0))
        self.state_label.setText(state_words(self.state_of(name), status, progress))
        self.next_cycle_label.setText(
            next_cycle_words(
                runtime.automatic, status.next_cycle_at, runtime.profile.schedule.every_minutes
            )
        )
        self._update_buttons()

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

        def yes() -> None:
            if name in self.runtimes:
                self._sync_now_confirmed(self.runtimes[name])

        self._off_box = ask(sync_while_off_box(self, name), yes, answered=self._off_box_closed)
        return self._off_box

    def _off_box_closed(self) -> None:
        self._off_box = None

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
        name = runtime.profile.name

        def yes() -> None:
            if name in self.runtimes:
                self.runtimes[name].sync_now(allow_deletes=True)
                self.action_message.show_info(
                    self.tr("A cycle of {name} with the removals starts now.").format(name=name)
                )

        reason = tr_said(last.reason, last.coded_reason) if last is not None else None
        return ask(allow_deletes_box(self, name, reason), yes)

    def confirm_restart(self) -> QMessageBox | None:
        runtime = self.current_runtime
        if runtime is None:
            return None
        name = runtime.profile.name
        return ask(restart_box(self, name), lambda: self.restart(name))

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
