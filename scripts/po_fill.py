#!/usr/bin/env python3
"""Write French (or another language's) texts of coded messages into the .po, by code.

    python scripts/po_fill.py [--language fr] FILE.tsv [FILE.tsv ...]

Each line of a FILE: `code<TAB>text`, or `code<TAB>singular<TAB>plural` for a message with a
plural, or `code@gui<TAB>text` for the window's variant of a message (app.messages). Lines
starting with # are comments. The .po is first brought up to the catalogue (new messages
added, unused ones dropped), then the given texts are written and the .mo and the Qt
catalogue compiled, all under a lock, so that several people can fill it at once. A code the
catalogue does not know is reported, and the script exits 1.
"""

from __future__ import annotations

import argparse
import fcntl
import importlib.util
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
LOCK = Path(tempfile.gettempdir()) / "webex-provisioner-po.lock"


def _build() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_translations", ROOT / "scripts" / "build_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_lines(paths: list[Path]) -> list[tuple[str, list[str]]]:
    rows: list[tuple[str, list[str]]] = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            code, *texts = line.split("\t")
            if not texts or not all(texts):
                raise SystemExit(f"{path}:{number}: expected code<TAB>text[<TAB>plural]")
            rows.append((code.strip(), texts))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="fr")
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()
    rows = read_lines(args.files)
    build = _build()
    from app.messages import CATALOGUE

    unknown: list[str] = []
    with LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        template = build.collect_messages()
        build.write_if_changed(
            build.LOCALE / f"{build.DOMAIN}.pot", build.po_text(template), dates=True
        )
        build.update_po(template, args.language)
        catalog = build.read_language(args.language)
        for code, texts in rows:
            name, _, variant = code.partition("@")
            known = CATALOGUE.get(name)
            if known is None or (variant == "gui" and known.gui is None):
                unknown.append(code)
                continue
            if variant == "gui":
                msgid: str | tuple[str, str] = known.gui or ""
            elif known.plural is not None:
                msgid = (known.english, known.plural)
            else:
                msgid = known.english
            entry = catalog.get(msgid)
            assert entry is not None, code
            entry.string = tuple(texts) if isinstance(msgid, tuple) else texts[0]
            entry.flags.discard("fuzzy")
        build.write_if_changed(build.po_path(args.language), build.po_text(catalog), dates=True)
        build.compile_language(args.language)
    for code in unknown:
        print(f"unknown code (not declared, or no gui variant): {code}", file=sys.stderr)
    return 1 if unknown else 0


if __name__ == "__main__":
    raise SystemExit(main())
