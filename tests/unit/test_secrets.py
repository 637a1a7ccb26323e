"""Secrets in the keyring, the environment-variable fallback, and refused keyrings."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import keyring
import keyring.backend
import pytest
from keyring.backends import chainer, fail, null

from app.config.secrets import (
    SERVICE,
    KeyringUnavailable,
    MissingSecret,
    SecretStore,
    aresolve_webex_token,
    resolve_client_secret,
    resolve_smtp_password,
    resolve_webex_token,
)
from tests.support.keyring import MemoryKeyring

TOKEN = "ZjViMzYxODctYzhkZC00NzI3LThiMmYtZjljNDQ3ZjI5MDQ2_PF84_known-token"


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def test_one_entry_per_profile_and_kind(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore()
    store.set("acme", "webex-token", TOKEN)
    store.set("acme", "entra-client-secret", "client-secret")
    store.set("other", "webex-token", "other-token")
    assert memory_keyring.secrets[(SERVICE, "acme:webex-token")] == TOKEN
    assert memory_keyring.secrets[(SERVICE, "acme:entra-client-secret")] == "client-secret"
    assert store.get("acme", "webex-token") == TOKEN
    assert store.get("other", "webex-token") == "other-token"
    assert store.get("acme", "smtp-password") is None


def test_delete_says_whether_there_was_a_secret() -> None:
    store = SecretStore()
    store.set("acme", "msal-cache", '{"AccessToken": {}}')
    assert store.delete("acme", "msal-cache") is True
    assert store.delete("acme", "msal-cache") is False
    assert store.get("acme", "msal-cache") is None


def test_an_empty_secret_is_refused() -> None:
    with pytest.raises(Exception, match="is empty"):
        SecretStore().set("acme", "webex-token", "")


def test_the_store_repr_shows_no_secret() -> None:
    store = SecretStore()
    store.set("acme", "webex-token", TOKEN)
    assert TOKEN not in repr(store)


async def test_async_wrappers_run_off_the_event_loop_thread(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[int] = []
    original = memory_keyring.get_password

    def recording_get(service: str, username: str) -> str | None:
        threads.append(threading.get_ident())
        return original(service, username)

    monkeypatch.setattr(memory_keyring, "get_password", recording_get)
    store = SecretStore()
    await store.aset("acme", "webex-token", TOKEN)
    assert await store.aget("acme", "webex-token") == TOKEN
    assert await aresolve_webex_token("acme") == TOKEN
    assert await store.adelete("acme", "webex-token") is True
    assert threads and threading.get_ident() not in threads


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keyring_service_the_error_says_so_and_names_the_variables() -> None:
    with pytest.raises(KeyringUnavailable) as caught:
        SecretStore().set("acme", "webex-token", TOKEN)
    text = str(caught.value)
    assert "no keyring service" in text
    assert "WEBEX_PROVISIONER_TOKEN" in text
    assert "WEBEX_PROVISIONER_CLIENT_SECRET" in text
    assert TOKEN not in text
    assert SecretStore().available() is False


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keyring_the_token_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WEBEX_PROVISIONER_TOKEN", f"  {TOKEN}\n")
    monkeypatch.setenv("WEBEX_PROVISIONER_CLIENT_SECRET", "entra-secret")
    assert resolve_webex_token("acme") == TOKEN
    assert resolve_client_secret("acme") == "entra-secret"


@pytest.mark.usefixtures("no_keyring")
def test_without_keyring_or_variable_the_error_names_both_ways() -> None:
    with pytest.raises(MissingSecret) as caught:
        resolve_webex_token("acme")
    text = str(caught.value)
    assert "no keyring service" in text
    assert "WEBEX_PROVISIONER_TOKEN" in text
    assert "profile set acme --token-stdin" in text
    assert caught.value.exit_code == 2


def test_the_keyring_comes_before_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEBEX_PROVISIONER_TOKEN", "from-environment")
    assert resolve_webex_token("acme") == "from-environment"
    SecretStore().set("acme", "webex-token", TOKEN)
    assert resolve_webex_token("acme") == TOKEN


def test_a_missing_token_names_the_keyring_command_and_the_variable() -> None:
    with pytest.raises(MissingSecret) as caught:
        resolve_webex_token("acme")
    assert "No Webex token is stored for profile acme" in str(caught.value)
    assert "WEBEX_PROVISIONER_TOKEN" in str(caught.value)
    with pytest.raises(MissingSecret) as caught:
        resolve_client_secret("acme")
    assert "--client-secret-stdin" in str(caught.value)
    assert "WEBEX_PROVISIONER_CLIENT_SECRET" in str(caught.value)


def test_an_smtp_password_is_optional() -> None:
    assert resolve_smtp_password("acme") is None
    SecretStore().set("acme", "smtp-password", "mail-pass")
    assert resolve_smtp_password("acme") == "mail-pass"


def _keyring_class(module: str, name: str) -> type[keyring.backend.KeyringBackend]:
    """A stand-in for a keyrings.alt backend (the package must never be installed here)."""

    def get_password(self: object, service: str, username: str) -> str | None:
        raise AssertionError("a refused keyring must never be read")

    def set_password(self: object, service: str, username: str, password: str) -> None:
        raise AssertionError("a refused keyring must never be written")

    cls = type(
        name,
        (keyring.backend.KeyringBackend,),
        {
            "priority": 1,
            "get_password": get_password,
            "set_password": set_password,
            "delete_password": set_password,
            "__module__": module,
        },
    )
    return cls


@pytest.mark.parametrize("module", ["keyrings.alt.file", "keyrings.alt.pyfs"])
def test_a_plaintext_file_keyring_is_refused(module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    backend = _keyring_class(module, "PlaintextKeyring")()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", f"{module}.PlaintextKeyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        with pytest.raises(KeyringUnavailable) as caught:
            SecretStore().set("acme", "webex-token", TOKEN)
        assert "plain text" in str(caught.value)
        assert "WEBEX_PROVISIONER_TOKEN" in str(caught.value)
        monkeypatch.setenv("WEBEX_PROVISIONER_TOKEN", "from-environment")
        assert resolve_webex_token("acme") == "from-environment"
    finally:
        keyring.set_keyring(previous)


def test_an_encrypted_file_keyring_needs_an_explicit_choice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend = _keyring_class("keyrings.alt.file", "EncryptedKeyring")()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
        with pytest.raises(KeyringUnavailable, match="without your explicit choice"):
            SecretStore().check_available()
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.EncryptedKeyring")
        SecretStore().check_available()
    finally:
        keyring.set_keyring(previous)


@pytest.mark.parametrize("backend", [null.Keyring(), chainer.ChainerBackend()])
def test_keyrings_that_silently_drop_secrets_count_as_none(
    backend: keyring.backend.KeyringBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With no real backend installed, the chainer has nothing to chain: set_password would
    # silently do nothing and the admin would believe the token saved.
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [], raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        with pytest.raises(KeyringUnavailable, match="no keyring service"):
            SecretStore().set("acme", "webex-token", TOKEN)
    finally:
        keyring.set_keyring(previous)


def test_a_locked_keyring_says_to_unlock_it(memory_keyring: MemoryKeyring) -> None:
    def locked(service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("collection is locked")

    memory_keyring.get_password = locked  # type: ignore[method-assign]
    with pytest.raises(KeyringUnavailable) as caught:
        SecretStore().get("acme", "webex-token")
    assert "locked" in str(caught.value)
    assert "Unlock" in str(caught.value)
