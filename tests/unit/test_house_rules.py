"""The house rules hold on app/: module and function sizes, and no hidden imports in functions."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]


def _rules() -> ModuleType:
    spec = importlib.util.spec_from_file_location("house_rules", REPO / "scripts/house_rules.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("house_rules", module)
    spec.loader.exec_module(module)
    return module


def test_app_keeps_the_house_rules() -> None:
    rules = _rules()
    found = [b for p in rules.python_files([REPO / "app"]) for b in rules.breaches(p)]
    assert found == []


def test_the_rules_see_a_long_function_and_a_hidden_import(tmp_path: Path) -> None:
    rules = _rules()
    body = "\n".join(f"    x{n} = {n}" for n in range(80))
    sample = tmp_path / "sample.py"
    sample.write_text(
        f"def long():\n{body}\n\n\ndef hidden():\n    import json\n\n"
        "    # deferred: keeps --help fast\n    import csv\n    return json, csv\n"
    )
    found = list(rules.breaches(sample))
    assert len(found) == 2
    assert "function long has 81 lines" in found[0]
    assert "import inside hidden" in found[1] and ":85:" in found[1]


def test_the_rules_see_a_long_module(tmp_path: Path) -> None:
    rules = _rules()
    sample = tmp_path / "big.py"
    sample.write_text("x = 1\n" * 701)
    assert [b.split(": ", 1)[1] for b in rules.breaches(sample)] == [
        "module has 701 lines (at most 700)"
    ]
