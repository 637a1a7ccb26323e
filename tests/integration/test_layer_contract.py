"""The layer contract in pyproject.toml is wired: it passes on app/ and fails when an import climbs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(REPO / "pyproject.toml")],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def _copy_of_app(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "app", tmp_path / "app", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def test_the_layers_hold_in_the_project() -> None:
    result = _lint(REPO)
    assert result.returncode == 0, result.stdout[-3000:]


def test_an_import_that_climbs_is_refused(tmp_path: Path) -> None:
    root = _copy_of_app(tmp_path)
    orgid = root / "app/webex/orgid.py"
    orgid.write_text(orgid.read_text() + "\nfrom app.sync import engine  # climbs\n")
    result = _lint(root)
    assert result.returncode == 1
    assert "app.webex is not allowed to import app.sync" in result.stdout


def test_qt_outside_the_ui_is_refused(tmp_path: Path) -> None:
    root = _copy_of_app(tmp_path)
    planner = root / "app/sync/scoping.py"
    planner.write_text(planner.read_text() + "\nimport PySide6  # noqa\n")
    result = _lint(root)
    assert result.returncode == 1
    assert "app.sync is not allowed to import PySide6" in result.stdout
