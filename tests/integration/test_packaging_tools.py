"""The packaging checked by outside tools: the desktop entry by its validator, the version by
the installed command."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import app

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "resources" / "linux" / "webex-provisioner.desktop"


def test_the_desktop_entry_passes_desktop_file_validate_where_it_is_installed() -> None:
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    result = subprocess.run([validate, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


def test_the_version_comes_from_the_package_metadata() -> None:
    from importlib import metadata

    assert app.__version__ == metadata.version("webex-provisioner")
    result = subprocess.run(
        [sys.executable, "-m", "app", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"webex-provisioner {app.__version__}"
