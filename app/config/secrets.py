"""Secrets of a profile in the OS keyring; environment variables where there is no keyring.

One keyring entry per profile and kind of secret, under the service "webex-provisioner"
with the user name "<profile>:<kind>". keyring calls block (D-Bus, the Windows credential
store, the macOS keychain), so async code uses the `a*` wrappers, which run them in a thread.

A machine without a keyring service (a headless server, CI) gets a plain message and the
environment variables WEBEX_PROVISIONER_TOKEN / WEBEX_PROVISIONER_CLIENT_SECRET instead.
Backends that write secrets to a file in plain text (keyrings.alt) are refused.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Iterator
from typing import Literal, get_args

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import chainer, fail, null

from app.config import secret_messages as said
from app.config.config_messages import PLAIN, Clause
from app.errors import ExitCode, InputError, UserFacingError
from app.webex.tokens import clean_token

SERVICE = "webex-provisioner"

SecretKind = Literal["webex-token", "entra-client-secret", "smtp-password", "msal-cache"]
SECRET_KINDS: tuple[SecretKind, ...] = get_args(SecretKind)

# Names of environment variables, not secrets.
TOKEN_ENV = "WEBEX_PROVISIONER_TOKEN"  # noqa: S105
CLIENT_SECRET_ENV = "WEBEX_PROVISIONER_CLIENT_SECRET"  # noqa: S105
SMTP_PASSWORD_ENV = "WEBEX_PROVISIONER_SMTP_PASSWORD"  # noqa: S105

ENV_FOR_KIND: dict[SecretKind, str] = {
    "webex-token": TOKEN_ENV,
    "entra-client-secret": CLIENT_SECRET_ENV,
    "smtp-password": SMTP_PASSWORD_ENV,
}


class KeyringUnavailable(UserFacingError):
    """No usable keyring service on this machine (none at all, or one that is refused)."""

    exit_code = ExitCode.BAD_INPUT
    severity = "warning"


class MissingSecret(InputError):
    """A secret the profile needs is neither in the keyring nor in its environment variable."""


def _backend_name(backend: keyring.backend.KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _chosen_explicitly(backend: keyring.backend.KeyringBackend) -> bool:
    # The admin named this backend in PYTHON_KEYRING_BACKEND: an explicit choice.
    return os.environ.get("PYTHON_KEYRING_BACKEND", "") == _backend_name(backend)


def _refusal(backend: keyring.backend.KeyringBackend) -> KeyringUnavailable | None:
    """Why the active keyring cannot keep secrets, or None when it can."""
    if isinstance(backend, fail.Keyring | null.Keyring):
        return KeyringUnavailable(said.NO_KEYRING(), said.ENV_STEP())
    if isinstance(backend, chainer.ChainerBackend):
        members = list(backend.backends)
        if not members:
            return KeyringUnavailable(said.NO_KEYRING(), said.ENV_STEP())
        for member in members:
            refusal = _refusal(member)
            if refusal is not None:
                return refusal
        return None
    module = type(backend).__module__
    if module.startswith("keyrings.alt"):
        # keyrings.alt is picked automatically once installed. Its plaintext backends write
        # secrets to a file anyone with the account can read: never acceptable. Its encrypted
        # file backends prompt for a password on the terminal: only if chosen explicitly.
        plaintext = "plaintext" in type(backend).__name__.lower()
        if plaintext or not _chosen_explicitly(backend):
            refused = said.PLAIN_TEXT_FILE if plaintext else said.UNCHOSEN_FILE
            return KeyringUnavailable(refused(backend=_backend_name(backend)), said.FILE_NEXT())
    return None


class SecretStore:
    """get/set/delete one secret of one profile; the `a*` methods do it off the event loop."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    def __repr__(self) -> str:
        return f"SecretStore(service={self.service!r})"

    @staticmethod
    def username(profile: str, kind: SecretKind) -> str:
        if kind not in SECRET_KINDS:
            raise ValueError(f"unknown secret kind {kind!r}")
        return f"{profile}:{kind}"

    def check_available(self) -> None:
        """Raise KeyringUnavailable if secrets cannot be kept here (no service, refused)."""
        refusal = _refusal(keyring.get_keyring())
        if refusal is not None:
            raise refusal

    def available(self) -> bool:
        try:
            self.check_available()
        except KeyringUnavailable:
            return False
        return True

    def get(self, profile: str, kind: SecretKind) -> str | None:
        self.check_available()
        with _keyring_errors("read", kind):
            value: str | None = keyring.get_password(self.service, self.username(profile, kind))
        return value

    def set(self, profile: str, kind: SecretKind, value: str) -> None:
        if not value:
            raise InputError(said.EMPTY(what=said.WHAT[kind]()), said.EMPTY_NEXT())
        self.check_available()
        with _keyring_errors("save", kind):
            keyring.set_password(self.service, self.username(profile, kind), value)

    def delete(self, profile: str, kind: SecretKind) -> bool:
        """Remove a secret; True if there was one. No error when there was none."""
        self.check_available()
        with _keyring_errors("delete", kind):
            try:
                keyring.delete_password(self.service, self.username(profile, kind))
            except keyring.errors.PasswordDeleteError:
                return False
        return True

    def delete_all(self, profile: str) -> list[SecretKind]:
        """Remove every secret of a profile; the kinds that were there."""
        return [kind for kind in SECRET_KINDS if self.delete(profile, kind)]

    async def aget(self, profile: str, kind: SecretKind) -> str | None:
        return await asyncio.to_thread(self.get, profile, kind)

    async def aset(self, profile: str, kind: SecretKind, value: str) -> None:
        await asyncio.to_thread(self.set, profile, kind, value)

    async def adelete(self, profile: str, kind: SecretKind) -> bool:
        return await asyncio.to_thread(self.delete, profile, kind)

    async def adelete_all(self, profile: str) -> list[SecretKind]:
        return await asyncio.to_thread(self.delete_all, profile)


@contextlib.contextmanager
def _keyring_errors(action: Literal["read", "save", "delete"], kind: SecretKind) -> Iterator[None]:
    """Turn keyring's own exceptions into a KeyringUnavailable with plain words."""
    try:
        yield
    except keyring.errors.NoKeyringError as exc:
        raise KeyringUnavailable(said.NO_KEYRING(), said.ENV_STEP()) from exc
    except keyring.errors.KeyringLocked as exc:
        raise KeyringUnavailable(
            said.LOCKED[action](what=said.WHAT[kind]()), said.LOCKED_NEXT()
        ) from exc
    except keyring.errors.PasswordDeleteError:
        raise
    except keyring.errors.KeyringError as exc:
        # The backend's own message is not shown: nothing guarantees that it never
        # echoes what it was given.
        raise KeyringUnavailable(
            said.REFUSED[action](what=said.WHAT[kind](), error=type(exc).__name__),
            said.REFUSED_NEXT(),
        ) from exc


def _from_env(kind: SecretKind) -> str | None:
    value = os.environ.get(ENV_FOR_KIND[kind], "").strip()
    return value or None


def secret_from_environment(kind: SecretKind) -> str | None:
    """The secret its environment variable holds (ENV_FOR_KIND), or None (unset, empty, or a
    kind without a variable, such as the Microsoft sign-in cache)."""
    return _from_env(kind) if kind in ENV_FOR_KIND else None


def environment_secrets() -> dict[SecretKind, str]:
    """Every secret the environment variables hold, by kind."""
    found: dict[SecretKind, str] = {}
    for kind in ENV_FOR_KIND:
        value = _from_env(kind)
        if value:
            found[kind] = value
    return found


def keyring_problem() -> KeyringUnavailable | None:
    """Why this machine cannot keep secrets in a keyring, or None when it can (blocking: the
    first look starts the keyring library's backend detection; GUI code runs it in a thread)."""
    try:
        SecretStore().check_available()
    except KeyringUnavailable as problem:
        return problem
    return None


def resolve_secret(
    profile_name: str, kind: SecretKind, store: SecretStore | None = None
) -> tuple[str | None, KeyringUnavailable | None]:
    """The secret from the keyring, else from its environment variable; and why the keyring
    could not be used, if it could not. (None, ...) when neither has it."""
    store = store or SecretStore()
    problem: KeyringUnavailable | None = None
    try:
        value = store.get(profile_name, kind)
    except KeyringUnavailable as exc:
        value, problem = None, exc
    if value:
        return value, None
    if kind in ENV_FOR_KIND:
        value = _from_env(kind)
    return value, problem


def _resolve_required(profile_name: str, kind: SecretKind, store: SecretStore | None) -> str:
    value, problem = resolve_secret(profile_name, kind, store)
    if value:
        return value
    env = ENV_FOR_KIND[kind]
    what = said.WHAT[kind]()
    option = {"webex-token": "--token-stdin", "entra-client-secret": "--client-secret-stdin"}.get(
        kind, "--smtp-password-stdin"
    )
    where = {"profile": profile_name, "option": option, "env": env}
    if problem is not None:
        coded = problem.coded_message or PLAIN(text=problem.message)
        raise MissingSecret(
            said.MISSING_BECAUSE(
                what=what, profile=profile_name, problem=Clause.of(coded), env=env
            ),
            said.MISSING_BECAUSE_NEXT(**where),
        )
    raise MissingSecret(
        said.MISSING(what=what, profile=profile_name, env=env), said.MISSING_NEXT(**where)
    )


def resolve_webex_token(profile_name: str, store: SecretStore | None = None) -> str:
    """The profile's Webex token: keyring first, then WEBEX_PROVISIONER_TOKEN; checked
    (visible ASCII, a few KB at most) before anything is sent with it."""
    return clean_token(
        _resolve_required(profile_name, "webex-token", store),
        what=f"The Webex token of profile {profile_name} (keyring or {TOKEN_ENV})",
    )


def resolve_client_secret(profile_name: str, store: SecretStore | None = None) -> str:
    """The profile's Entra client secret: keyring first, then WEBEX_PROVISIONER_CLIENT_SECRET."""
    return _resolve_required(profile_name, "entra-client-secret", store)


def resolve_smtp_password(profile_name: str, store: SecretStore | None = None) -> str | None:
    """The SMTP password (keyring, then WEBEX_PROVISIONER_SMTP_PASSWORD), or None: many relays
    take mail without a login."""
    value, _problem = resolve_secret(profile_name, "smtp-password", store)
    return value


async def aresolve_webex_token(profile_name: str, store: SecretStore | None = None) -> str:
    return await asyncio.to_thread(resolve_webex_token, profile_name, store)


async def aresolve_client_secret(profile_name: str, store: SecretStore | None = None) -> str:
    return await asyncio.to_thread(resolve_client_secret, profile_name, store)


async def aresolve_smtp_password(profile_name: str, store: SecretStore | None = None) -> str | None:
    return await asyncio.to_thread(resolve_smtp_password, profile_name, store)


__all__ = [
    "CLIENT_SECRET_ENV",
    "ENV_FOR_KIND",
    "SECRET_KINDS",
    "SERVICE",
    "SMTP_PASSWORD_ENV",
    "TOKEN_ENV",
    "KeyringUnavailable",
    "MissingSecret",
    "SecretKind",
    "SecretStore",
    "aresolve_client_secret",
    "aresolve_smtp_password",
    "aresolve_webex_token",
    "environment_secrets",
    "keyring_problem",
    "resolve_client_secret",
    "resolve_secret",
    "resolve_smtp_password",
    "resolve_webex_token",
    "secret_from_environment",
]
