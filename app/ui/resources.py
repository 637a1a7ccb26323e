"""Where the program's resources/ folder (icons, translations, sample data) is found."""

from __future__ import annotations

from pathlib import Path

from app.paths import resources_dir as resources_dir


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
