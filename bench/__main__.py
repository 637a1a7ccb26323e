"""The bench runner: `python -m bench [NAMES...] [--quick]`.

Runs the named benchmarks (all of P1-P5 by default), writes bench/results/<name>.json
(bench/results/quick/ with --quick, which runs smaller sizes against scaled targets) and
prints one table of every figure: value, target, baseline measured in the same run, ratio,
and whether the target is met.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import importlib
import json
import os
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import (
    RESULTS,
    ROOT,
    BenchResult,
    Figure,
    RunContext,
    machine,
    private_dirs,
    versions,
)

BENCHES = {
    "p1": "bench.p1_provisioning",
    "p2": "bench.p2_planning",
    "p3": "bench.p3_incremental",
    "p4": "bench.p4_responsiveness",
    "p5": "bench.p5_startup",
}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "names", nargs="*", metavar="NAME", help=f"benchmarks to run: {', '.join(BENCHES)}"
    )
    parser.add_argument(
        "--quick", action="store_true", help="smaller sizes, scaled targets (a smoke run)"
    )
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name.lower() not in BENCHES]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHES)}")
    args.all = not args.names
    args.names = [name.lower() for name in args.names] or list(BENCHES)
    return args


def command_line(args: argparse.Namespace) -> str:
    words = ["python", "-m", "bench", *([] if args.all else args.names)]
    if args.quick:
        words.append("--quick")
    return " ".join(words)


def _load_average() -> list[float] | None:
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:  # not offered on this system
        return None


def result_document(
    result: BenchResult, args: argparse.Namespace, started: datetime, load_before: Any
) -> dict[str, Any]:
    host = machine()
    # Other work on the machine slows every figure: the load says how busy it was.
    host["load_average_1_5_15_min"] = {"before": load_before, "after": _load_average()}
    host["bytecode"] = "compiled before the run, as an installed program (see compile_bytecode)"
    return {
        "name": result.name,
        "title": result.title,
        "command": command_line(args),
        "quick": args.quick,
        "started": started.isoformat(timespec="seconds"),
        "seconds": round(result.seconds, 3),
        "machine": host,
        "versions": versions(),
        "met": all(figure.met for figure in result.figures if figure.target is not None)
        and all(figure.met for figure in result.figures if figure.ratio_target is not None),
        "figures": [figure.to_dict() for figure in result.figures],
        "details": result.details,
    }


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    text = f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.4g}"
    return f"{text} {unit}".strip()


def _verdict(figure: Figure) -> str:
    if figure.target is None and figure.ratio_target is None:
        return "info"
    if figure.met:
        return "met"
    missed = figure.missed_by() or {}
    parts = []
    if "value" in missed:
        percent = f" ({missed['percent']:+.0f} %)" if "percent" in missed else ""
        parts.append(f"by {_number(missed['value'], figure.unit)}{percent}")
    if "ratio" in missed:
        parts.append(f"ratio short by {missed['ratio']:.3g}")
    return "MISSED " + ", ".join(parts) if parts else "MISSED"


def table(results: list[BenchResult]) -> str:
    rows = [("figure", "value", "target", "baseline", "ratio", "verdict")]
    for result in results:
        for figure in result.figures:
            target = "-"
            if figure.target is not None:
                sign = "<=" if figure.better == "lower" else ">="
                target = f"{sign} {_number(figure.target, figure.unit)}"
            if figure.ratio_target is not None:
                target = (target + "; " if target != "-" else "") + f"x{figure.ratio_target:g}"
            ratio = figure.ratio
            rows.append(
                (
                    figure.key,
                    _number(figure.value, figure.unit)
                    if not figure.failed_reason
                    else "not measured",
                    target,
                    _number(figure.baseline, figure.unit),
                    "-" if ratio is None else f"x{ratio:.3g}",
                    _verdict(figure),
                )
            )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def compile_bytecode() -> None:
    """Measure the program as installed, with its modules compiled to bytecode.

    An installed program (the bundle, a wheel installed by pip) imports compiled modules; a
    machine with PYTHONDONTWRITEBYTECODE set would make every process of the bench compile
    the program's sources again at each import, a cost no admin pays (tens of milliseconds
    in the middle of a sync, when the engine imports its client). The bench's processes may
    write bytecode (bench_env), and the program's and the bench's modules are compiled once
    here, into the __pycache__ folders git ignores.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False
    for folder in ("app", "bench"):
        compileall.compile_dir(str(ROOT / folder), quiet=1)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    folder = RESULTS / "quick" if args.quick else RESULTS
    folder.mkdir(parents=True, exist_ok=True)
    results: list[BenchResult] = []
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="wp-bench-") as work, contextlib.ExitStack() as stack:
        workdir = Path(work)
        # The engine under measurement must never touch the admin's own profiles or state.
        os.environ.update(private_dirs(workdir / "home"))
        os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost,::1"
        compile_bytecode()
        context = RunContext(quick=args.quick, workdir=workdir, stack=stack)
        for name in args.names:
            module = importlib.import_module(BENCHES[name])
            started = datetime.now(UTC)
            print(f"running {module.TITLE}{' (quick)' if args.quick else ''}...", flush=True)
            load_before = _load_average()
            clock = time.perf_counter()
            try:
                result: BenchResult = module.run(context)
            except Exception:
                traceback.print_exc()
                failed.append(name)
                continue
            result.seconds = time.perf_counter() - clock
            results.append(result)
            path = folder / f"{name}.json"
            document = result_document(result, args, started, load_before)
            path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
            print(f"  {result.seconds:.1f} s, written to {path.relative_to(RESULTS.parent.parent)}")
    print()
    print(table(results))
    if failed:
        print(f"\nThese benchmarks could not run: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
