#!/usr/bin/env python3
"""Build the interface translations: resources/translations/*.ts -> .qm (pyside6-lrelease).

    python scripts/build_translations.py            compile every .ts to .qm
    python scripts/build_translations.py --update   first collect new strings from app/ui
                                                    into the .ts files (pyside6-lupdate)

The tools come with PySide6 in the virtual environment (./dev runs this after install).
The .qm files are committed too, so that a checkout works without building.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = [
    ROOT / "app" / "ui",
    ROOT / "app" / "commands" / "gui.py",
    ROOT / "app" / "config" / "settings.py",  # the wizard's labels of the profile settings
]
LANGUAGES = ("fr",)


def tool(name: str) -> str:
    """The PySide6 tool beside this Python (the venv), else one on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} was not found: install PySide6 in this environment first.")
    return found


def python_sources() -> list[str]:
    files: list[Path] = []
    for source in SOURCES:
        files.extend(sorted(source.rglob("*.py")) if source.is_dir() else [source])
    return [str(path) for path in files]


def update() -> None:
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"webex_provisioner_{language}.ts"
        subprocess.run(  # noqa: S603 - our own tool and file names
            [tool("pyside6-lupdate"), "-no-obsolete", *python_sources(), "-ts", str(ts)],
            check=True,
        )


def release() -> None:
    for ts in sorted(TRANSLATIONS.glob("webex_provisioner_*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run(  # noqa: S603 - our own tool and file names
            [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True
        )
        print(f"{qm.relative_to(ROOT)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--update", action="store_true", help="collect new strings into the .ts files first"
    )
    args = parser.parse_args()
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    if args.update:
        update()
    release()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
