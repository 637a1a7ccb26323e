"""Where the program keeps its files: config (profiles), state (SQLite per profile), logs.

Each folder can be moved with an environment variable (tests and portable installs do):
WEBEX_PROVISIONER_CONFIG_DIR, WEBEX_PROVISIONER_STATE_DIR, WEBEX_PROVISIONER_LOG_DIR.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "webex-provisioner"


def _folder(env: str, default: str) -> Path:
    override = os.environ.get(env)
    path = Path(override) if override else Path(default)
    return path


def config_dir() -> Path:
    return _folder(
        "WEBEX_PROVISIONER_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME, appauthor=False)
    )


def state_dir() -> Path:
    return _folder(
        "WEBEX_PROVISIONER_STATE_DIR", platformdirs.user_state_dir(APP_NAME, appauthor=False)
    )


def log_dir() -> Path:
    return _folder(
        "WEBEX_PROVISIONER_LOG_DIR", platformdirs.user_log_dir(APP_NAME, appauthor=False)
    )


def profiles_dir() -> Path:
    return config_dir() / "profiles"


def state_file(profile_name: str) -> Path:
    """The SQLite file of one profile: links, hashes, journal, provisioning log, watermarks."""
    return state_dir() / f"{profile_name}.sqlite3"


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
    return Path(__file__).resolve().parent.parent / "resources"
