"""P4 the window stays responsive: event-loop stalls during a 10,000-user sync, and filtering
100,000 activity rows.

A worker process (`python -m bench.p4_responsiveness worker`) runs the program's own GUI
offscreen: the qasync loop, the EngineBridge, and the set-up wizard opened straight on its
run page (page-run, with its ActivityView), which starts the sync as Finish-bound admins see
it. A 10 ms heartbeat QTimer (precise) notes every tick; the longest gap between two ticks,
less the 10 ms period, is the longest stall. The sandbox (P1's shaping) serves from a third
process.

Then 100,000 operation events are loaded into an ActivityView (the table the GUI filters
with its ActivityFilterModel proxy), and each filter an admin would type or pick is timed
until the view has processed it (setText/setCurrentIndex plus processEvents).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.common import (
    PYTHON,
    BenchResult,
    Figure,
    RunContext,
    SandboxProcess,
    bench_env,
    run_json_subprocess,
    write_users_csv,
)
from bench.p1_provisioning import sandbox_shaping

NAME = "p4"
TITLE = "P4 responsiveness"
USERS, QUICK_USERS = 10_000, 1_000
LOG_ROWS, QUICK_LOG_ROWS = 100_000, 10_000
HEARTBEAT_MS = 10
TARGET_STALL_MS = 50.0
TARGET_FILTER_MS = 100.0


# -- the worker (Qt, offscreen) -------------------------------------------------------------


class Heartbeat:
    """Ticks every HEARTBEAT_MS; keeps the longest gaps and what the engine was doing then."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self.tick)
        self.started = 0.0
        self.last = 0.0
        self.gaps: list[float] = []
        self.worst: list[tuple[float, float, str]] = []  # (gap s, at s, last event kind)
        self.phase = "start"

    def start(self) -> None:
        self.started = self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def tick(self) -> None:
        now = time.perf_counter()
        gap = now - self.last
        self.gaps.append(gap)
        self.worst.append((gap, self.last - self.started, self.phase))
        if len(self.worst) > 64:
            self.worst = sorted(self.worst, reverse=True)[:8]
        self.last = now

    def summary(self) -> dict[str, Any]:
        gaps = sorted(self.gaps)
        period = HEARTBEAT_MS / 1000

        def ms(value: float) -> float:
            return round(value * 1000, 2)

        longest = gaps[-1] if gaps else 0.0
        return {
            "ticks": len(gaps),
            "longest_gap_ms": ms(longest),
            "longest_stall_ms": ms(max(0.0, longest - period)),
            "p99_gap_ms": ms(gaps[int(len(gaps) * 0.99)]) if gaps else None,
            "median_gap_ms": ms(gaps[len(gaps) // 2]) if gaps else None,
            "gaps_over_50ms": sum(1 for g in gaps if g - period > 0.050),
            "worst": [
                {"stall_ms": ms(gap - period), "at_s": round(at, 3), "after_event": phase}
                for gap, at, phase in sorted(self.worst, reverse=True)[:8]
            ],
        }


class StallSampler:
    """While the heartbeat is late, samples what the GUI thread is running (every 5 ms).

    The samples name the innermost frame of the program (app/...) and the innermost frame
    overall, so a stall can be traced to the code that caused it; each sample is ~5 ms.
    """

    PERIOD = 0.005
    LATE = 0.040

    def __init__(self, heartbeat: Heartbeat) -> None:
        self.heartbeat = heartbeat
        self.main_id = threading.get_ident()
        self.samples: Counter[str] = Counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stall-sampler", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        root = str(Path(__file__).resolve().parent.parent / "app") + os.sep
        while not self._stop.wait(self.PERIOD):
            if time.perf_counter() - self.heartbeat.last < self.LATE:
                continue
            frame = sys._current_frames().get(self.main_id)
            if frame is None:
                continue
            innermost = f"{Path(frame.f_code.co_filename).name}:{frame.f_code.co_name}"
            ours = ""
            walker: Any = frame
            while walker is not None:
                if walker.f_code.co_filename.startswith(root):
                    name = walker.f_code.co_filename[len(root) :]
                    ours = f"app/{name}:{walker.f_lineno} {walker.f_code.co_name}"
                    break
                walker = walker.f_back
            if not ours:
                # Qt's own C++ work, or the GUI thread waiting for the GIL: say which other
                # thread of the program was running Python then.
                ours = "(in Qt, no Python frame)" + self._other_threads(root)
            self.samples[f"{ours} <- {innermost}"] += 1

    def _other_threads(self, root: str) -> str:
        busy = []
        for ident, frame in sys._current_frames().items():
            if ident in (self.main_id, threading.get_ident()):
                continue
            walker: Any = frame
            while walker is not None:
                if walker.f_code.co_filename.startswith(root):
                    name = walker.f_code.co_filename[len(root) :]
                    busy.append(f"app/{name}:{walker.f_lineno} {walker.f_code.co_name}")
                    break
                walker = walker.f_back
        return f"; other thread in {', '.join(sorted(set(busy)))}" if busy else ""

    def summary(self) -> list[dict[str, Any]]:
        return [
            {"where": where, "samples": count, "about_ms": round(count * self.PERIOD * 1000)}
            for where, count in self.samples.most_common(15)
        ]


def _sync_under_watch(
    app: Any, loop: Any, tenant_url: str, token: str, csv_path: Path
) -> dict[str, Any]:
    from app.config.profile import CsvSettings, SourceSettings
    from app.ui.bridge import EngineBridge
    from app.ui.pages.run import RunPage
    from app.ui.tasks import TaskRegistry
    from app.ui.wizard_draft import WizardDefaults
    from app.ui.wizard_window import WizardWindow

    tasks = TaskRegistry()
    bridge = EngineBridge(tasks)
    defaults = WizardDefaults(
        profile_name="bench-p4", tenant_url=tenant_url, token=token, csv_path=csv_path
    )
    window = WizardWindow(bridge, defaults)
    wizard = window.wizard
    draft = wizard.draft
    draft.source = SourceSettings(kind="csv", csv=CsvSettings(path=csv_path))
    draft.tenant_url = tenant_url
    draft.token = token
    draft.scope = "all"
    run_page = wizard.page_named("page-run")
    assert isinstance(run_page, RunPage)
    run_id = next(i for i in wizard.pageIds() if wizard.page(i) is run_page)
    wizard.setStartId(run_id)

    heartbeat = Heartbeat()
    done = loop.create_future()
    events = {"count": 0}

    window.show()  # QWizard shows its start page: RunPage.initializePage starts the sync
    # What Shell.open_first_window does once the program's first window is shown.
    from app.gc_pause import keep_long_lived_aside

    keep_long_lived_aside()
    run = run_page.run
    if run is None:
        window.close()
        return {"error": run_page.message.text() if hasattr(run_page.message, "text") else ""}

    def on_event(event: Any) -> None:
        events["count"] += 1
        heartbeat.phase = event.kind

    run.eventReceived.connect(on_event)
    run.finished.connect(lambda: done.done() or done.set_result(True))
    sampler = StallSampler(heartbeat)
    started = time.perf_counter()
    heartbeat.start()
    sampler.start()
    loop.run_until_complete(done)
    heartbeat.stop()
    sampler.stop()
    seconds = time.perf_counter() - started
    activity = run_page.activity
    result = activity.result
    outcome = {
        "seconds": round(seconds, 3),
        "outcome": getattr(result, "outcome", None),
        "counts": getattr(result, "counts", None),
        "events": events["count"],
        "table_rows": activity.model.rowCount(),
        "heartbeat": heartbeat.summary(),
        "stall_samples": sampler.summary(),
        "view": "SetupWizard page-run (ActivityView), offscreen, 980x760",
    }
    window.close()
    loop.run_until_complete(tasks.shutdown())
    return outcome


def _filter_timings(app: Any, rows: int) -> dict[str, Any]:
    from app.sync.events import Status, SyncEvent
    from app.ui.activity import ActivityView

    view = ActivityView()
    view.resize(980, 600)
    view.show()
    statuses = (Status.SUCCESS,) * 17 + (Status.FAILURE, Status.SKIPPED, Status.WARNING)
    events = [
        SyncEvent(
            kind="operation",
            cycle_id="bench",
            action="Create",
            status=statuses[number % len(statuses)],
            source_id=f"user{number:06d}@example.com",
            user_name=f"user{number:06d}@example.com",
            target_id=f"00000000-0000-4000-8000-{number:012d}",
            message="created" if number % 20 else "The target refused the request (409).",
        )
        for number in range(rows)
    ]
    loaded = time.perf_counter()
    view.model.add_events(events)
    view.model.flush()
    app.processEvents()
    load_seconds = time.perf_counter() - loaded

    def timed(action: Any) -> float:
        app.processEvents()
        started = time.perf_counter()
        action()
        app.processEvents()
        return (time.perf_counter() - started) * 1000

    combo = view.filter_status
    failure_index = combo.findData(Status.FAILURE.value)
    steps = [
        ("type 'user000421' (one row)", lambda: view.filter_text.setText("user000421")),
        ("clear the text", lambda: view.filter_text.setText("")),
        ("type 'refused' (5 % of rows)", lambda: view.filter_text.setText("refused")),
        ("clear the text again", lambda: view.filter_text.setText("")),
        ("status Failure", lambda: combo.setCurrentIndex(failure_index)),
        ("status all", lambda: combo.setCurrentIndex(0)),
    ]
    timings: list[dict[str, Any]] = []
    for title, action in steps:
        milliseconds = timed(action)
        timings.append(
            {"step": title, "ms": round(milliseconds, 2), "rows_shown": view.proxy.rowCount()}
        )
    view.close()
    return {
        "rows": view.model.rowCount(),
        "load_seconds": round(load_seconds, 3),
        "steps": timings,
        "slowest_ms": max(float(step["ms"]) for step in timings),
        "filter": "ActivityView.filter_text / filter_status -> ActivityFilterModel",
    }


def worker(csv_path: Path, tenant_url: str, token: str, log_rows: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import asyncio

    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        sync = _sync_under_watch(app, loop, tenant_url, token, csv_path)
        filtering = _filter_timings(app, log_rows)
    finally:
        asyncio.set_event_loop(None)
        loop.close()
    return {"sync": sync, "filter": filtering}


# -- the bench (runner side) --------------------------------------------------------------


def run(context: RunContext) -> BenchResult:
    users = QUICK_USERS if context.quick else USERS
    rows = QUICK_LOG_ROWS if context.quick else LOG_ROWS
    folder = context.folder("p4")
    env = bench_env(folder)
    env["QT_QPA_PLATFORM"] = "offscreen"
    csv_path = write_users_csv(folder / "users.csv", users)
    with SandboxProcess(**sandbox_shaping(), env=env) as sandbox:
        measured = run_json_subprocess(
            [
                PYTHON,
                "-m",
                "bench.p4_responsiveness",
                "worker",
                "--csv",
                str(csv_path),
                "--tenant-url",
                sandbox.tenant_url,
                "--log-rows",
                str(rows),
            ],
            env=env,
            stdin_text=sandbox.token,
            timeout=900,
        )
        requests = sandbox.ask("requests")
        tenant = sandbox.ask("users")
    sync = measured["sync"]
    heartbeat = sync.get("heartbeat", {})
    filtering = measured["filter"]
    figures = [
        Figure(
            key="p4.longest_stall",
            title=f"longest event-loop stall during a {users:,}-user sync (activity view open)",
            value=heartbeat.get("longest_stall_ms"),
            unit="ms",
            target=TARGET_STALL_MS,
            failed_reason="" if heartbeat else f"the sync did not start: {sync.get('error')}",
        ),
        Figure(
            key="p4.filter",
            title=f"slowest filter of {rows:,} activity rows",
            value=filtering["slowest_ms"],
            unit="ms",
            target=TARGET_FILTER_MS,
        ),
    ]
    details = {
        "users": users,
        "log_rows": rows,
        "heartbeat_ms": HEARTBEAT_MS,
        "stall": "longest gap between two heartbeat ticks minus the 10 ms period",
        "sync": sync,
        "filter": filtering,
        "sandbox_requests": requests,
        "tenant": tenant,
        "sandbox": "bench/sandbox_process.py in a separate process, P1's shaping",
    }
    return BenchResult(NAME, TITLE, figures, details)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.p4_responsiveness")
    parser.add_argument("step", choices=("worker",))
    parser.add_argument("--csv", type=Path, required=True)
    parser.add_argument("--tenant-url", required=True)
    parser.add_argument("--log-rows", type=int, default=LOG_ROWS)
    args = parser.parse_args()
    token = sys.stdin.readline().strip()
    print(json.dumps(worker(args.csv, args.tenant_url, token, args.log_rows)))


if __name__ == "__main__":
    main()
