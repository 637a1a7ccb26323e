"""Where the program keeps its files: config (profiles), state (SQLite per profile), logs.

Each folder can be moved with an environment variable (tests and portable installs do):
WEBEX_PROVISIONER_CONFIG_DIR, WEBEX_PROVISIONER_STATE_DIR, WEBEX_PROVISIONER_LOG_DIR.
"""

from __future__ import annotations

import contextlib
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


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and its missing parents) readable by this user only on POSIX (0700).

    The folders hold personal data (names, e-mail addresses, logs); the umask is not trusted
    (issue 22). A folder that already exists keeps its mode unless it is one of the program's
    own (the state, log and config folders and their subfolders), which is made 0700.
    """
    if os.name != "posix":
        path.mkdir(parents=True, exist_ok=True)  # Windows: the user's own profile folders
        return path
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700)
        _chmod_quietly(folder, 0o700)
    if _is_own_folder(path):
        _chmod_quietly(path, 0o700)
    return path


def private_file(path: Path) -> Path:
    """Make sure `path` exists and is readable by this user only (0600 on POSIX), in a
    private folder, before anything writes personal data into it."""
    ensure_private_dir(path.parent)
    if os.name == "posix":
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
        try:
            os.fchmod(fd, 0o600)
        finally:
            os.close(fd)
    else:
        path.touch(exist_ok=True)
    return path


def _is_own_folder(path: Path) -> bool:
    resolved = path.resolve()
    for root in (config_dir(), state_dir(), log_dir()):
        try:
            resolved.relative_to(root.resolve())
        except ValueError:
            continue
        return True
    return False


def _chmod_quietly(path: Path, mode: int) -> None:
    with contextlib.suppress(OSError):  # not ours (another owner, a read-only mount)
        os.chmod(path, mode)


def write_private_text(path: Path, text: str, *, newline: str | None = None) -> None:
    """Write an export (it names users) readable by this user only (0600 on POSIX), whatever
    the umask; the folder is the admin's choice and keeps its mode."""
    data = text.encode("utf-8") if newline is None else text.replace("\n", newline).encode()
    write_private_bytes(path, data)


def write_private_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path`, readable by this user only (0600 on POSIX) whatever the umask."""
    if os.name != "posix":
        path.write_bytes(data)
        return
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb", closefd=False) as file:
            file.write(data)
    finally:
        os.close(fd)
