"""`python -m bench.report`: the Markdown table of the latest figures in bench/results/*.json
(what the README's "Performance" section shows)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from bench.common import RESULTS

ORDER = ("p1", "p2", "p3", "p4", "p5")


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "not measured"
    if unit == "s" and value < 10:
        text = f"{value:.2f}"
    elif abs(value) >= 1000:
        text = f"{value:,.0f}"
    else:
        text = f"{value:.3g}"
    return f"{text} {unit}"


def _target(figure: dict[str, Any]) -> str:
    parts = []
    if figure.get("target") is not None:
        sign = "≤" if figure["better"] == "lower" else "≥"
        parts.append(f"{sign} {_number(figure['target'], figure['unit'])}")
    if figure.get("ratio_target") is not None:
        parts.append(f"≥ {figure['ratio_target']:g}× the baseline")
    return "; ".join(parts) or "(reported)"


def _verdict(figure: dict[str, Any]) -> str:
    if figure.get("target") is None and figure.get("ratio_target") is None:
        return ""
    if figure["met"]:
        return "met"
    missed = figure.get("missed_by") or {}
    if "percent" in missed:
        return f"missed (+{missed['percent']:.0f} %)"
    if "ratio" in missed:
        return f"missed (ratio {figure['ratio']:.3g})"
    return "missed"


def markdown(folder: Path = RESULTS) -> str:
    lines = [
        "| Figure | Measured | Target | Baseline (same run) | Verdict |",
        "|---|---|---|---|---|",
    ]
    commands: set[str] = set()
    machines: set[str] = set()
    for name in ORDER:
        path = folder / f"{name}.json"
        if not path.is_file():
            continue
        document = json.loads(path.read_text())
        commands.add(document["command"])
        machine = document["machine"]
        machines.add(
            f"{machine['cpu_count']} CPUs, {machine['platform']}, Python {machine['python']}"
        )
        for figure in document["figures"]:
            baseline = ""
            if figure.get("baseline") is not None:
                baseline = (
                    f"{_number(figure['baseline'], figure['unit'])} ({figure['baseline_title']})"
                )
                if figure.get("ratio") is not None:
                    baseline += f"; ratio {figure['ratio']:.3g}×"
            lines.append(
                f"| {figure['title']} | {_number(figure['value'], figure['unit'])} | "
                f"{_target(figure)} | {baseline} | {_verdict(figure)} |"
            )
    lines.append("")
    lines.append(
        "Produced by `"
        + "`, `".join(sorted(commands))
        + "` on "
        + "; ".join(sorted(machines))
        + "."
    )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(markdown() + "\n")
