"""ProfileStore: files under the config folder, atomic saves, export without secrets, import."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.config.profile import Profile, ProfileInvalid, profile_from_data
from app.config.secrets import SecretStore
from app.config.store import ProfileExists, ProfileNotFound, ProfileStore
from app.errors import InputError
from app.paths import profiles_dir
from tests.support.keyring import MemoryKeyring

WEBEX_URL = "https://webexapis.com/identity/scim/96abc2aa-3dcc-11e5-a152-fe34819cdc9a/v2/"
KNOWN_TOKEN = "NjQ4ZGM0YzYtZTQ1Mi00OTk5LWJmNDgtYjU2ZTJlMTAyNGQ5_PF84_secret-token-value"


def make_profile(name: str = "acme", **overrides: object) -> Profile:
    data: dict[str, object] = {
        "name": name,
        "target": {"tenant_url": WEBEX_URL},
        "source": {"kind": "csv", "csv": {"path": "/data/users.csv"}},
    }
    data.update(overrides)
    return profile_from_data(data)


def test_profiles_live_in_the_config_folder_and_list_sorted() -> None:
    store = ProfileStore()
    assert store.list() == []
    for name in ("zeta", "Acme", "beta-2"):
        store.save(make_profile(name))
    assert store.list() == ["Acme", "beta-2", "zeta"]
    assert (profiles_dir() / "beta-2.toml").is_file()


def test_save_then_load_gives_the_same_profile() -> None:
    store = ProfileStore()
    profile = make_profile(scope="all", concurrency_cap=4)
    store.save(profile)
    loaded = store.load("acme")
    assert loaded.model_dump(exclude={"id"}) == profile.model_dump(exclude={"id"})
    assert len(loaded.id) == 32  # a profile saved for the first time gets its unique id
    store.save(loaded.model_copy(update={"concurrency_cap": 5}))
    assert store.load("acme").id == loaded.id  # and keeps it


def test_loading_a_missing_profile_says_how_to_create_or_list() -> None:
    with pytest.raises(ProfileNotFound) as caught:
        ProfileStore().load("nope")
    text = str(caught.value)
    assert "No profile named nope" in text
    assert "webex-provisioner profile create nope" in text
    assert "profile list" in text


def test_a_broken_file_is_reported_with_its_path_and_line() -> None:
    store = ProfileStore()
    path = store.save(make_profile())
    lines = path.read_text(encoding="utf-8").splitlines()
    broken_line = next(i for i, line in enumerate(lines) if line.startswith("scope ="))
    lines[broken_line] = "scope = assigned"  # missing quotes
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ProfileInvalid) as caught:
        store.load("acme")
    assert str(path) in str(caught.value)
    assert f"line {broken_line + 1}" in str(caught.value)


def test_an_unknown_key_in_a_saved_file_is_refused() -> None:
    store = ProfileStore()
    path = store.save(make_profile())
    path.write_text(path.read_text(encoding="utf-8") + "\n[extra]\ncolour = 'blue'\n", "utf-8")
    with pytest.raises(ProfileInvalid) as caught:
        store.load("acme")
    assert "unknown setting `extra`" in str(caught.value)
    assert str(path) in str(caught.value)


def test_a_failed_write_keeps_the_previous_profile_and_leaves_no_temp_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = ProfileStore()
    store.save(make_profile(scope="assigned"))

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch, pytest.raises(InputError) as caught:
        patch.setattr(os, "fsync", disk_full)
        store.save(make_profile(scope="all"))
    assert "could not be saved: the disk is full" in str(caught.value)
    assert "Free space on the disk" in str(caught.value)
    assert caught.value.exit_code == 2
    assert store.load("acme").scope == "assigned"
    assert sorted(p.name for p in store.directory.iterdir()) == ["acme.toml"]


def test_delete_removes_the_file_and_every_keyring_entry(memory_keyring: MemoryKeyring) -> None:
    store = ProfileStore()
    secrets = SecretStore()
    store.save(make_profile())
    store.save(make_profile("other"))
    secrets.set("acme", "webex-token", KNOWN_TOKEN)
    secrets.set("acme", "smtp-password", "mail-pass")
    secrets.set("other", "webex-token", "other-token")
    removed = store.delete("acme")
    assert sorted(removed) == ["smtp-password", "webex-token"]
    assert store.list() == ["other"]
    assert secrets.get("acme", "webex-token") is None
    assert secrets.get("other", "webex-token") == "other-token"
    with pytest.raises(ProfileNotFound):
        store.delete("acme")


def test_export_never_contains_the_stored_token() -> None:
    store = ProfileStore()
    store.save(make_profile())
    SecretStore().set("acme", "webex-token", KNOWN_TOKEN)
    SecretStore().set("acme", "smtp-password", "hunter2-smtp")
    text = store.export("acme")
    assert KNOWN_TOKEN not in text
    assert "hunter2-smtp" not in text
    assert WEBEX_URL in text
    for path in store.directory.iterdir():
        assert KNOWN_TOKEN not in path.read_text(encoding="utf-8")


def test_import_round_trips_an_export_under_a_new_name() -> None:
    store = ProfileStore()
    original = make_profile(scope="all")
    store.save(original)
    copy = store.import_text(store.export("acme"), "acme-copy")
    assert copy.name == "acme-copy"
    assert store.load("acme-copy").model_dump(exclude={"name", "id"}) == original.model_dump(
        exclude={"name", "id"}
    )
    assert store.load("acme-copy").id != store.load("acme").id  # a copy is another profile


def test_import_refuses_an_existing_name_unless_replace() -> None:
    store = ProfileStore()
    store.save(make_profile(scope="assigned"))
    exported = (
        ProfileStore(directory=store.directory)
        .export("acme")
        .replace('scope = "assigned"', 'scope = "all"')
    )
    with pytest.raises(ProfileExists) as caught:
        store.import_text(exported)
    assert "--replace" in str(caught.value)
    assert store.load("acme").scope == "assigned"
    store.import_text(exported, replace=True)
    assert store.load("acme").scope == "all"


def test_import_validates_before_saving() -> None:
    store = ProfileStore()
    with pytest.raises(ProfileInvalid) as caught:
        store.import_text('name = "x"\ncolour = "blue"\n', origin="shared.toml")
    assert "shared.toml" in str(caught.value)
    assert store.list() == []


def test_a_store_can_use_its_own_folder(tmp_path: Path) -> None:
    store = ProfileStore(directory=tmp_path / "elsewhere")
    store.save(make_profile())
    assert (tmp_path / "elsewhere" / "acme.toml").is_file()
    assert ProfileStore().list() == []


def test_a_hand_renamed_file_loads_under_its_file_name() -> None:
    store = ProfileStore()
    path = store.save(make_profile())
    path.rename(path.with_name("renamed.toml"))
    assert store.list() == ["renamed"]
    assert store.load("renamed").name == "renamed"


def test_names_that_are_not_file_names_are_refused_before_any_file_access() -> None:
    with pytest.raises(Exception, match="letters, digits"):
        ProfileStore().load("../etc/passwd")
