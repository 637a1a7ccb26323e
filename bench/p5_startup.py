"""P5 start: `webex-provisioner --help`, and the wizard's first page painted, each in a fresh process.

Both are best of N subprocess runs (wall clock from just before the process starts). For
--help a separate process also checks that PySide6 is never imported. For the wizard,
bench/wizard_probe.py starts the program as the command does (no profile yet: the wizard,
offscreen) and reports the first paint event of page-welcome. Two floors are measured in
the same run for context: a bare interpreter start, and an empty QWidget painted by
PySide6 in a fresh process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

from bench.common import PYTHON, ROOT, BenchResult, Figure, RunContext, bench_env

NAME = "p5"
TITLE = "P5 start-up"
RUNS, QUICK_RUNS = 7, 3
PAINT_RUNS, QUICK_PAINT_RUNS = 5, 2
TARGET_HELP_SECONDS = 0.3
TARGET_PAINT_SECONDS = 1.5

_QT_CHECK = """
import sys
from app import cli
try:
    cli.main(["--help"])
except SystemExit:
    pass
qt = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6", "qasync"))
print("QT_MODULES=" + ",".join(qt))
"""


def _command() -> list[str]:
    script = Path(PYTHON).parent / "webex-provisioner"
    if script.exists():
        return [str(script)]
    found = shutil.which("webex-provisioner")
    return [found] if found else [PYTHON, "-m", "app"]


def _time_process(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=True, timeout=60)
    return time.perf_counter() - started


def _paint(env: dict[str, str], *, bare: bool) -> float | None:
    command = [PYTHON, str(ROOT / "bench" / "wizard_probe.py")]
    if bare:
        command.append("--bare")
    started = time.time()
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        print(f"  the paint probe reported nothing (exit {done.returncode}): {done.stderr[-800:]}")
        return None
    painted = json.loads(lines[-1]).get("painted")
    return None if painted is None else float(painted) - started


def run(context: RunContext) -> BenchResult:
    runs = QUICK_RUNS if context.quick else RUNS
    paint_runs = QUICK_PAINT_RUNS if context.quick else PAINT_RUNS
    env = bench_env(context.folder("p5"))
    env["QT_QPA_PLATFORM"] = "offscreen"
    command = [*_command(), "--help"]

    _time_process(command, env)  # one warm-up: the OS file cache, .pyc files
    help_samples = [_time_process(command, env) for _ in range(runs)]
    floor_samples = [_time_process([PYTHON, "-c", "pass"], env) for _ in range(runs)]
    qt_check = subprocess.run(
        [PYTHON, "-c", _QT_CHECK],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    marker = [line for line in qt_check.stdout.splitlines() if line.startswith("QT_MODULES=")]
    qt_modules = [name for name in marker[-1].removeprefix("QT_MODULES=").split(",") if name]

    _paint(env, bare=False)  # warm-up
    paint_samples = [_paint(env, bare=False) for _ in range(paint_runs)]
    bare_samples = [_paint(env, bare=True) for _ in range(paint_runs)]
    painted = [s for s in paint_samples if s is not None]
    bare = [s for s in bare_samples if s is not None]

    figures = [
        Figure(
            key="p5.help",
            title=f"`webex-provisioner --help`, best of {runs}",
            value=min(help_samples),
            unit="s",
            target=TARGET_HELP_SECONDS,
        ),
        Figure(
            key="p5.help_qt_modules",
            title="Qt modules imported by --help",
            value=float(len(qt_modules)),
            unit="modules",
            target=0.0,
        ),
        Figure(
            key="p5.wizard_paint",
            title=f"wizard's first page painted (offscreen), best of {paint_runs}",
            value=min(painted) if painted else None,
            unit="s",
            target=TARGET_PAINT_SECONDS,
            failed_reason="" if painted else "the probe never saw page-welcome painted",
        ),
    ]
    details: dict[str, Any] = {
        "help_command": " ".join(["webex-provisioner", "--help"]),
        "help_samples_s": [round(s, 4) for s in help_samples],
        "help_qt_modules": qt_modules,
        "floor_python_start_s": round(min(floor_samples), 4),
        "floor_python_start_samples_s": [round(s, 4) for s in floor_samples],
        "wizard_paint_samples_s": [None if s is None else round(s, 4) for s in paint_samples],
        "floor_bare_qwidget_paint_s": round(min(bare), 4) if bare else None,
        "floor_bare_qwidget_samples_s": [None if s is None else round(s, 4) for s in bare_samples],
        "qt_platform": env.get("QT_QPA_PLATFORM"),
        "method": (
            "wall clock from just before the subprocess starts; --help until it exits; the "
            "wizard until the first QEvent.Paint of page-welcome (bench/wizard_probe.py)"
        ),
        "cpu_count": os.cpu_count(),
    }
    return BenchResult(NAME, TITLE, figures, details)
