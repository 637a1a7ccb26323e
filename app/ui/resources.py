"""Where the program's resources/ folder (icons, translations, sample data) is found."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import app


def resources_dir() -> Path:
    """resources/ beside the package in a checkout, or inside a frozen (PyInstaller) bundle.

    WEBEX_PROVISIONER_RESOURCES_DIR overrides both (packagers that install it elsewhere).
    """
    override = os.environ.get("WEBEX_PROVISIONER_RESOURCES_DIR")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(app.__file__).resolve().parent.parent / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def icon_path() -> Path:
    return resources_dir() / "icons" / "webex-provisioner.svg"


def sample_csv_path() -> Path | None:
    """The sample users file the wizard offers by default, if the checkout has one."""
    folder = resources_dir() / "sample"
    if not folder.is_dir():
        return None
    preferred = folder / "users.csv"
    if preferred.is_file():
        return preferred
    candidates = sorted(folder.glob("*.csv"))
    return candidates[0] if candidates else None
