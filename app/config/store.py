"""ProfileStore: one TOML file per profile under app.paths.profiles_dir(), written atomically."""

from __future__ import annotations

import builtins
import contextlib
import os
import tempfile
import tomllib
from pathlib import Path

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
from app.paths import profiles_dir

SUFFIX = ".toml"


class ProfileNotFound(InputError):
    """No profile file of that name."""


class ProfileExists(InputError):
    """A profile of that name is already saved."""


class ProfileStore:
    """Profiles on disk. `directory` defaults to app.paths.profiles_dir() (read at each call,
    so WEBEX_PROVISIONER_CONFIG_DIR set later is honoured)."""

    def __init__(self, directory: Path | None = None, secrets: SecretStore | None = None) -> None:
        self._directory = directory
        self.secrets = secrets or SecretStore()

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
                f"No profile named {name}.",
                f"Create it with `webex-provisioner profile create {name} ...` or list them "
                "with `webex-provisioner profile list`.",
            ) from None
        except UnicodeDecodeError:
            raise ProfileInvalid(
                f"The profile file {path} is not UTF-8 text.",
                "Save it as UTF-8, or import a corrected copy with "
                "`webex-provisioner profile import FILE --replace`.",
            ) from None
        profile = profile_from_toml(text, origin=str(path))
        if profile.name != name:
            # The file name is what `profile list` shows and what the admin types; a file
            # renamed by hand keeps working under its new name.
            profile = profile.model_copy(update={"name": name})
        return profile

    def save(self, profile: Profile) -> Path:
        """Write the profile atomically: a temporary file in the same folder, then a rename,
        so a crash never leaves half a profile."""
        path = self.path_for(profile.name)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = profile_to_toml(profile)
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{profile.name}.", suffix=".tmp", dir=path.parent
        )
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temp_name, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            raise
        return path

    def delete(self, name: str) -> builtins.list[SecretKind]:
        """Remove the profile file and its keyring entries; the kinds of secret removed.

        The state file (links, provisioning log) is left: it is the history of what was done.
        """
        path = self.path_for(name)
        if not path.is_file():
            raise ProfileNotFound(
                f"No profile named {name}.",
                "List them with `webex-provisioner profile list`.",
            )
        path.unlink()
        try:
            return self.secrets.delete_all(name)
        except KeyringUnavailable:
            return []  # no keyring, so no entry to remove

    def export(self, name: str) -> str:
        """The profile as TOML text to copy elsewhere. It never holds a secret."""
        return profile_to_toml(self.load(name))

    def import_text(
        self, text: str, name: str | None = None, *, replace: bool = False, origin: str = "import"
    ) -> Profile:
        """Validate exported TOML and save it (under `name` if given); an existing profile
        of that name is refused unless replace=True."""
        if name is not None:
            check_profile_name(name)
            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError as exc:
                raise ProfileInvalid(
                    f"The profile file {origin} is not valid TOML: {exc}.",
                    "Fix that line and import it again.",
                ) from None
            data["name"] = name
            profile = profile_from_data(data, origin=origin)
        else:
            profile = profile_from_toml(text, origin=origin)
        if not replace and self.exists(profile.name):
            raise ProfileExists(
                f"A profile named {profile.name} already exists.",
                "Import it under another name with --name NAME, or replace it with --replace.",
            )
        self.save(profile)
        return profile


__all__ = ["ProfileExists", "ProfileNotFound", "ProfileStore"]
