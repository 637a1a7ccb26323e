"""Suite-wide set-up: offscreen Qt, an in-memory keyring, and private config/state/log folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Loopback servers must never be reached through a proxy a developer has configured.
os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost,::1"

import keyring

from tests.support.keyring import MemoryKeyring

# The suite reads English whatever the machine's language: the tests that want French ask
# for it (--lang fr, LANG=fr_FR.UTF-8 in a child's environment).
for _name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the program's config, state and log folders into the test's tmp_path."""
    home = tmp_path / "wp-home"
    for name in ("CONFIG", "STATE", "LOG"):
        folder = home / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(f"WEBEX_PROVISIONER_{name}_DIR", str(folder))
    for name in ("WEBEX_PROVISIONER_TOKEN", "WEBEX_PROVISIONER_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture(autouse=True)
def collector_mode_restored() -> Iterator[None]:
    """A test that opens the GUI's first window turns on the collector's keep-aside mode
    (app.gc_pause): turn it off after the test, as the program does when it quits."""
    yield
    from app.gc_pause import keep_long_lived_aside, keeping_aside

    if keeping_aside():
        keep_long_lived_aside(False)
