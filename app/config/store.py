"""ProfileStore: one TOML file per profile under app.paths.profiles_dir(), written atomically."""

from __future__ import annotations

import builtins
import contextlib
import errno
import os
import tempfile
import tomllib
import uuid
from collections.abc import Callable
from pathlib import Path

from app.config import config_messages as said
from app.config.profile import (
    Profile,
    ProfileInvalid,
    check_profile_name,
    profile_from_data,
    profile_from_toml,
    profile_to_toml,
)
from app.config.secrets import KeyringUnavailable, SecretKind, SecretStore
from app.errors import InputError
from app.paths import ensure_private_dir, profiles_dir

SUFFIX = ".toml"


class ProfileNotFound(InputError):
    """No profile file of that name."""


class ProfileExists(InputError):
    """A profile of that name is already saved."""


class ProfileStore:
    """Profiles on disk. `directory` defaults to app.paths.profiles_dir() (read at each call,
    so WEBEX_PROVISIONER_CONFIG_DIR set later is honoured).

    `on_new_profile` is called with each profile saved where none was (created, imported,
    or saved by the wizard): the layers above hook what a new profile means for them there
    (app.run.profiles.profile_store sets aside the state of an earlier profile of that name).
    """

    def __init__(
        self,
        directory: Path | None = None,
        secrets: SecretStore | None = None,
        *,
        on_new_profile: Callable[[Profile], None] | None = None,
    ) -> None:
        self._directory = directory
        self.secrets = secrets or SecretStore()
        self._on_new_profile = on_new_profile

    @property
    def directory(self) -> Path:
        return self._directory if self._directory is not None else profiles_dir()

    def path_for(self, name: str) -> Path:
        return self.directory / f"{check_profile_name(name)}{SUFFIX}"

    def list(self) -> list[str]:
        """The names of the saved profiles, sorted (case-insensitively, then exactly)."""
        if not self.directory.is_dir():
            return []
        names = [
            path.stem
            for path in self.directory.glob(f"*{SUFFIX}")
            if path.is_file() and not path.name.startswith(".")
        ]
        return sorted(names, key=lambda name: (name.lower(), name))

    def exists(self, name: str) -> bool:
        return self.path_for(name).is_file()

    def load(self, name: str) -> Profile:
        path = self.path_for(name)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ProfileNotFound(
                said.NO_PROFILE(name=name), said.NO_PROFILE_CREATE(name=name)
            ) from None
        except UnicodeDecodeError:
            raise ProfileInvalid(said.NOT_UTF8(path=str(path)), said.NOT_UTF8_NEXT()) from None
        profile = profile_from_toml(text, origin=str(path))
        if profile.name != name:
            # The file name is what `profile list` shows and what the admin types; a file
            # renamed by hand keeps working under its new name.
            profile = profile.model_copy(update={"name": name})
        return profile

    def save(self, profile: Profile) -> Path:
        """Write the profile atomically: a temporary file in the same folder (0600, flushed
        to the disk), then a rename, so a crash or a full disk never leaves half a profile.

        A profile without an id keeps the one of the file it replaces, or gets a new one;
        a profile saved where none was (a new one) never inherits the state file of an
        earlier profile of that name: `on_new_profile` is told (see create)."""
        path = self.path_for(profile.name)
        is_new = not path.exists()
        if not profile.id:
            profile = profile.model_copy(update={"id": self._stored_id(path) or new_profile_id()})
        self._write(profile, path, exclusive=False)
        if is_new and self._on_new_profile is not None:
            self._on_new_profile(profile)
        return path

    def create(self, profile: Profile) -> Path:
        """Save a new profile, with a new id; ProfileExists when a profile of that name is
        already saved, even one saved a moment ago by another process (exactly one of two
        creations at once wins: the file appears with os.link, which never replaces)."""
        path = self.path_for(profile.name)
        profile = _absolute_csv(profile.model_copy(update={"id": new_profile_id()}), None)
        self._write(profile, path, exclusive=True)
        if self._on_new_profile is not None:
            self._on_new_profile(profile)
        return path

    def _write(self, profile: Profile, path: Path, *, exclusive: bool) -> None:
        ensure_private_dir(path.parent)
        text = profile_to_toml(profile)
        try:
            handle, temp_name = tempfile.mkstemp(  # mkstemp makes it 0600
                prefix=f".{profile.name}.", suffix=".tmp", dir=path.parent
            )
        except OSError as exc:
            raise _config_write_error(path, exc) from None
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
            if exclusive:
                try:
                    os.link(temp_name, path)
                except FileExistsError:
                    raise ProfileExists(
                        said.EXISTS(name=profile.name), said.EXISTS_SET(name=profile.name)
                    ) from None
                finally:
                    with contextlib.suppress(OSError):
                        os.unlink(temp_name)
            else:
                os.replace(temp_name, path)
            _fsync_folder(path.parent)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            raise _config_write_error(path, exc) from None
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            raise

    def _stored_id(self, path: Path) -> str:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return ""
        value = data.get("id")
        return value if isinstance(value, str) else ""

    def delete(self, name: str) -> builtins.list[SecretKind]:
        """Remove the profile file and its keyring entries; the kinds of secret removed.

        The state file (links, provisioning log) is left: it is the history of what was done.
        """
        path = self.path_for(name)
        if not path.is_file():
            raise ProfileNotFound(said.NO_PROFILE(name=name), said.NO_PROFILE_LIST())
        path.unlink()
        try:
            return self.secrets.delete_all(name)
        except KeyringUnavailable:
            return []  # no keyring, so no entry to remove

    def export(self, name: str) -> str:
        """The profile as TOML text to copy elsewhere. It never holds a secret."""
        return profile_to_toml(self.load(name))

    def import_text(
        self,
        text: str,
        name: str | None = None,
        *,
        replace: bool = False,
        origin: str = "import",
        base_dir: Path | None = None,
    ) -> Profile:
        """Validate exported TOML and save it (under `name` if given); an existing profile
        of that name is refused unless replace=True."""
        if name is not None:
            check_profile_name(name)
            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError as exc:
                raise ProfileInvalid(
                    said.NOT_TOML(origin=origin, error=str(exc)), said.IMPORT_NOT_TOML_NEXT()
                ) from None
            data["name"] = name
            profile = profile_from_data(data, origin=origin)
        else:
            profile = profile_from_toml(text, origin=origin)
        # An exported id names the profile it came from, not this one: a replaced profile
        # keeps its own id (and state), a new one gets a new id.
        profile = _absolute_csv(profile.model_copy(update={"id": ""}), base_dir)
        if not replace and self.exists(profile.name):
            raise ProfileExists(said.EXISTS(name=profile.name), said.EXISTS_IMPORT())
        if replace and self.exists(profile.name):
            self.save(profile)
        else:
            try:
                self.create(profile)
            except ProfileExists:
                raise ProfileExists(said.EXISTS(name=profile.name), said.EXISTS_IMPORT()) from None
        return self.load(profile.name)


def _absolute_csv(profile: Profile, base_dir: Path | None) -> Profile:
    """A relative CSV path made absolute (against `base_dir`, else the current folder): a
    scheduled run starts in another folder, where a relative path names another file."""
    csv = profile.source.csv
    if csv is None or csv.path.is_absolute():
        return profile
    base = base_dir if base_dir is not None else Path.cwd()
    absolute = (base / csv.path.expanduser()).resolve()
    source = profile.source.model_copy(update={"csv": csv.model_copy(update={"path": absolute})})
    return profile.model_copy(update={"source": source})


def new_profile_id() -> str:
    return uuid.uuid4().hex


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _config_write_error(path: Path, exc: OSError) -> InputError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return InputError(
            said.DISK_FULL(path=str(path)), said.DISK_FULL_NEXT(folder=str(path.parent))
        )
    if isinstance(exc, PermissionError) or exc.errno in (errno.EROFS, errno.EACCES):
        return InputError(
            said.NO_PERMISSION(path=str(path), folder=str(path.parent)),
            said.NO_PERMISSION_NEXT(folder=str(path.parent)),
        )
    return InputError(
        said.NOT_SAVED(path=str(path), why=exc.strerror or type(exc).__name__),
        said.NOT_SAVED_NEXT(folder=str(path.parent)),
    )


__all__ = ["ProfileExists", "ProfileNotFound", "ProfileStore", "new_profile_id"]
