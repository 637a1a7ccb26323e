"""A cycle's source and its Microsoft Entra ID sign-in: the hooks that reach a person (the
device-code prompt, the news that the sign-in is done) and the sign-in failure it raised.

A CSV source never signs in: the hooks are simply never called for it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

from app.config.profile import Profile
from app.config.secrets import SecretStore
from app.directory.base import DirectorySource, SourceGroup, SourceRead, SourceUser
from app.directory.entra.auth import DeviceCodeCallback, SignInError
from app.directory.factory import open_source
from app.errors import UserFacingError

MSAL_CACHE = "msal-cache"  # the secret kind a completed Microsoft sign-in saves


@dataclass(frozen=True)
class SignInHooks:
    """How a source's Microsoft Entra ID sign-in reaches the person who started the cycle.

    `secrets`: where the source reads its secrets (None: the keyring's SecretStore; the
    wizard passes its unsaved draft). `device_code`: shows the device-code prompt (URL and
    code); None where nobody can act on it (a scheduler): an expired sign-in then fails at
    once instead of waiting. `signed_in`: called once the sign-in is done (the sign-in
    cache was saved), so that a prompt still shown can close.
    """

    secrets: Any = None
    device_code: DeviceCodeCallback | None = None
    signed_in: Callable[[], None] | None = None


class SignInCacheWatch:
    """The secrets a source reads, passed on to `inner` (the keyring's SecretStore or the
    wizard's draft); saving the Microsoft sign-in cache, which a completed sign-in does,
    calls `signed_in`."""

    def __init__(self, inner: Any, signed_in: Callable[[], None]) -> None:
        self._inner = inner
        self._signed_in = signed_in

    def _saved(self, kind: str) -> None:
        if kind == MSAL_CACHE:
            self._signed_in()

    def get(self, profile: str, kind: str) -> str | None:
        value: str | None = self._inner.get(profile, kind)
        return value

    def set(self, profile: str, kind: str, value: str) -> None:
        self._inner.set(profile, kind, value)
        self._saved(kind)

    def delete(self, profile: str, kind: str) -> bool:
        return bool(self._inner.delete(profile, kind))

    async def aget(self, profile: str, kind: str) -> str | None:
        value: str | None = await self._inner.aget(profile, kind)
        return value

    async def aset(self, profile: str, kind: str, value: str) -> None:
        await self._inner.aset(profile, kind, value)
        self._saved(kind)

    async def adelete(self, profile: str, kind: str) -> bool:
        return bool(await self._inner.adelete(profile, kind))

    def available(self) -> bool:
        return bool(getattr(self._inner, "available", lambda: True)())

    def __repr__(self) -> str:  # never show a secret
        return f"SignInCacheWatch({self._inner!r})"


class SignInFailureWatch:
    """A source, with the Microsoft Entra ID sign-in failure it last raised kept.

    The engine ends a cycle whose source cannot sign in as `failed`; `sign_in_error` tells
    the caller that the cause was the sign-in (the CLI's exit 3), not the configuration. A
    read that succeeds clears it.
    """

    def __init__(self, source: DirectorySource) -> None:
        self.source = source
        self.kind = source.kind
        self.sign_in_error: UserFacingError | None = None

    def __repr__(self) -> str:
        return f"SignInFailureWatch({self.source!r})"

    def _seen(self, error: UserFacingError) -> None:
        if isinstance(error, SignInError):
            self.sign_in_error = error

    async def read(self, watermark: str | None = None) -> SourceRead:
        try:
            read = await self.source.read(watermark)
        except UserFacingError as error:
            self._seen(error)
            raise
        self.sign_in_error = None
        return read

    async def users(self) -> AsyncIterator[SourceUser]:
        try:
            async for user in self.source.users():
                yield user
        except UserFacingError as error:
            self._seen(error)
            raise

    async def groups(self) -> AsyncIterator[SourceGroup]:
        try:
            async for group in self.source.groups():
                yield group
        except UserFacingError as error:
            self._seen(error)
            raise

    async def aclose(self) -> None:
        await self.source.aclose()


def open_signing_in_source(profile: Profile, hooks: SignInHooks) -> SignInFailureWatch:
    """The profile's source, ready to read (nothing is read or signed in yet), whose sign-in
    goes through `hooks` and whose sign-in failure is kept."""
    secrets = hooks.secrets
    if hooks.signed_in is not None:
        secrets = SignInCacheWatch(
            secrets if secrets is not None else SecretStore(), hooks.signed_in
        )
    source = open_source(profile, secrets, device_code_callback=hooks.device_code)
    return SignInFailureWatch(source)


__all__ = [
    "SignInCacheWatch",
    "SignInFailureWatch",
    "SignInHooks",
    "open_signing_in_source",
]
