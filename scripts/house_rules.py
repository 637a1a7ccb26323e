"""The house rules a reader relies on, checked on app/ (run by `./dev test` through its test).

- no module over 700 lines;
- no function over 80 lines (from its `def` line to its last line);
- no import inside a function, except where it keeps `--help` and start-up fast or loads an
  optional platform library: such an import carries a comment with the word "deferred" and
  its reason, on the import's line or on the line just above it.

`python scripts/house_rules.py [PATH ...]` prints each breach as path:line: rule and exits 1
when there is one.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

MAX_MODULE_LINES = 700
MAX_FUNCTION_LINES = 80
DEFERRED_MARK = "deferred"
ROOT = Path(__file__).resolve().parent.parent


def breaches(path: Path) -> Iterator[str]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    if len(lines) > MAX_MODULE_LINES:
        yield f"{shown}:1: module has {len(lines)} lines (at most {MAX_MODULE_LINES})"
    tree = ast.parse(text, filename=str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        length = (node.end_lineno or node.lineno) - node.lineno + 1
        if length > MAX_FUNCTION_LINES:
            yield (
                f"{shown}:{node.lineno}: function {node.name} has {length} lines"
                f" (at most {MAX_FUNCTION_LINES})"
            )
        for inner in ast.walk(node):
            if isinstance(inner, ast.Import | ast.ImportFrom):
                here = lines[inner.lineno - 1]
                above = lines[inner.lineno - 2] if inner.lineno > 1 else ""
                if DEFERRED_MARK not in here.lower() and DEFERRED_MARK not in above.lower():
                    yield (
                        f"{shown}:{inner.lineno}: import inside {node.name} without a"
                        f' "{DEFERRED_MARK}: <reason>" comment'
                    )


def python_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.py") if "__pycache__" not in p.parts)
        else:
            yield path


def main(argv: list[str]) -> int:
    paths = [Path(arg) for arg in argv] or [ROOT / "app"]
    found = [breach for path in python_files(paths) for breach in breaches(path)]
    for breach in found:
        print(breach)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
