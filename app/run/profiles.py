"""Saving profiles with their history in mind: a profile created under the name of a deleted
one never inherits that one's state (links, provisioning log), which is archived instead.

The profile store (app.config.store) sits below the engine and knows nothing of state
files; the commands and the wizard save through profile_store(), which adds that step.
"""

from __future__ import annotations

from app.config.profile import Profile
from app.config.secrets import SecretStore
from app.config.store import ProfileStore
from app.paths import state_file
from app.sync.state import StateStore
from app.sync.state.files import archive_state_file


def profile_store(secrets: SecretStore | None = None) -> ProfileStore:
    """The ProfileStore the commands and the wizard save through (`secrets` defaults to the
    system keyring): a new profile archives the state an earlier one of its name left."""
    return ProfileStore(secrets=secrets, on_new_profile=archive_earlier_state)


def archive_earlier_state(profile: Profile) -> None:
    """A state file of this name left by a deleted profile is archived, never reused.

    One that names no profile is this profile's own: the set-up wizard's first sync runs
    before Finish saves the profile, and what it did (links, an interrupted cycle's journal)
    must stay with it (issue 23: an interrupted cycle is never hidden)."""
    path = state_file(profile.name)
    if not path.exists():
        return
    try:
        with StateStore(path) as state:
            owner = state.profile_id()
    except Exception:  # unreadable: set aside as before, never reused
        owner = ""
    if owner is not None and owner != profile.id:
        archive_state_file(path, why=f"profile {profile.name} was created again")


__all__ = ["archive_earlier_state", "profile_store"]
