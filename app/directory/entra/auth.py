"""Sign-in to Microsoft Entra ID with msal: client credentials or device code.

msal blocks (it uses requests), so every msal call runs in a thread (asyncio.to_thread).
Its token cache is a SerializableTokenCache kept in the keyring (kind "msal-cache"), never
in a file; without a keyring it lives in memory for the life of the process. The client
secret comes from the keyring ("entra-client-secret") or WEBEX_PROVISIONER_CLIENT_SECRET and
is handed to msal only: it is never logged, cached or put in a message.

msal talks through a requests.Session whose TLS trust is app.net.ssl_context (the system
store, certifi, SSL_CERT_FILE / REQUESTS_CA_BUNDLE, plus the profile's CA file): the same
trust as the httpx clients. (A plain `verify=` path on msal's session would be overridden by
REQUESTS_CA_BUNDLE whenever that variable is set: requests lets the environment win.)
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from app.config.secrets import KeyringUnavailable, SecretStore, aresolve_client_secret
from app.directory.entra import messages as say
from app.errors import ExitCode, InputError, UserFacingError
from app.messages import Message
from app.net import http_deadline, http_max_body, is_loopback_host, ssl_context

if TYPE_CHECKING:
    import msal
    import requests

    from app.config.profile import EntraSettings

log = logging.getLogger(__name__)

# Refresh a token this long before it expires, so no request carries one that lapses mid-way.
REFRESH_MARGIN_SECONDS = 300
MICROSOFT_AUTHORITY_HOSTS = frozenset(
    {
        "login.microsoftonline.com",
        "login.microsoft.com",
        "login.windows.net",
        "login.microsoftonline.us",
        "login.partner.microsoftonline.cn",
        "login.chinacloudapi.cn",
        "login.sovcloud-identity.fr",
        "login.sovcloud-identity.de",
        "login.sovcloud-identity.sg",
    }
)


class SignInError(UserFacingError):
    """Microsoft Entra ID refused the sign-in, or could not be reached."""

    exit_code = ExitCode.AUTH

    def __init__(
        self,
        message: str | Message,
        next_step: str | Message = "",
        *,
        error: str = "",
        codes: tuple[int, ...] = (),
    ) -> None:
        super().__init__(message, next_step)
        self.error = error
        self.codes = codes


@dataclass(frozen=True)
class DeviceCodePrompt:
    """What the admin must do on another device: open `verification_uri`, enter `user_code`."""

    message: str
    verification_uri: str
    user_code: str
    expires_at: float


DeviceCodeCallback = Callable[[DeviceCodePrompt], None]


def authority_url(settings: EntraSettings) -> str:
    """https://HOST/TENANT from the profile's authority (host) and tenant id."""
    base = settings.authority.rstrip("/")
    parts = urlsplit(base)
    if parts.scheme != "https":
        raise InputError(say.AUTHORITY_NOT_HTTPS(authority=base), say.AUTHORITY_NOT_HTTPS_NEXT())
    if parts.path.strip("/"):
        # The profile may already name the tenant in the authority.
        return base
    return f"{base}/{settings.tenant_id}"


def graph_scope(graph_url: str) -> str:
    parts = urlsplit(graph_url.rstrip("/"))
    return f"{parts.scheme}://{parts.netloc}/.default"


def token_claims(access_token: str) -> dict[str, Any]:
    """The claims of a JWT access token, unverified: only to read `roles` / `scp` for checks."""
    try:
        payload = access_token.split(".")[1]
        data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def granted_permissions(access_token: str) -> set[str]:
    """Application roles (client secret) or delegated scopes (device code) in a token."""
    claims = token_claims(access_token)
    roles = claims.get("roles") or []
    scopes = str(claims.get("scp") or "").split()
    return {str(r) for r in roles} | set(scopes)


# (connect, read) seconds for msal's requests: each read, as requests counts them.
MSAL_TIMEOUT = (10.0, 30.0)


def _msal_session(extra_ca: Path | None) -> requests.Session:
    # deferred: requests loads with msal, slowly; only a sign-in needs it
    import requests
    from requests.adapters import HTTPAdapter  # deferred: as requests above

    context = ssl_context(extra_ca)

    class TrustAdapter(HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            kwargs["ssl_context"] = context
            super().init_poolmanager(*args, **kwargs)

        def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
            kwargs["ssl_context"] = context
            return super().proxy_manager_for(proxy, **kwargs)

        def send(self, request: Any, *args: Any, **kwargs: Any) -> Any:
            # msal sets no timeout: never wait for ever on the sign-in endpoints (issue 22).
            if kwargs.get("timeout") is None:
                kwargs["timeout"] = MSAL_TIMEOUT
            if kwargs.get("stream"):
                return super().send(request, *args, **kwargs)  # msal never streams
            # requests' timeouts count each read: the body is read here, a piece as soon as
            # it arrives, within the same total deadline and size cap as every httpx client.
            started = time.monotonic()
            kwargs["stream"] = True
            response = super().send(request, *args, **kwargs)
            try:
                response._content = _bounded_body(response.raw, request.url, started)
            finally:
                response.close()
            return response

    session = requests.Session()
    adapter = TrustAdapter(max_retries=1)
    session.mount("https://", adapter)
    return session


def _bounded_body(raw: Any, url: str, started: float) -> bytes:
    """The whole body of a sign-in answer, or SignInError past the deadline or the size cap."""
    deadline, cap = http_deadline(), http_max_body()
    host = urlsplit(url).netloc
    body = bytearray()
    while True:
        piece = raw.read1(65536, decode_content=True)
        if not piece:
            return bytes(body)
        body += piece
        if len(body) > cap:
            raise SignInError(say.TOO_LARGE(host=host, cap=f"{cap:,}"), say.TOO_LARGE_NEXT())
        if time.monotonic() - started > deadline:
            raise SignInError(say.TOO_SLOW(host=host, seconds=f"{deadline:g}"), say.TOO_SLOW_NEXT())


def _describe_failure(result: dict[str, Any], settings: EntraSettings) -> SignInError:
    """A plain sentence for an msal error answer (AADSTS codes), never echoing the secret."""
    error = str(result.get("error") or "")
    codes = tuple(int(c) for c in result.get("error_codes") or [] if str(c).isdigit())
    app = settings.client_id
    if 7000215 in codes or 7000222 in codes:
        return SignInError(
            say.BAD_SECRET(),
            say.BAD_SECRET_NEXT(),
            error=error,
            codes=codes,
        )
    if 700016 in codes:
        return SignInError(
            say.NO_APPLICATION(client_id=app, tenant=settings.tenant_id),
            say.NO_APPLICATION_NEXT(),
            error=error,
            codes=codes,
        )
    if 90002 in codes or 900023 in codes:
        return SignInError(
            say.NO_TENANT(tenant=settings.tenant_id),
            say.NO_TENANT_NEXT(),
            error=error,
            codes=codes,
        )
    if 7000218 in codes:
        return SignInError(
            say.NO_DEVICE_CODE(),
            say.NO_DEVICE_CODE_NEXT(),
            error=error,
            codes=codes,
        )
    if error == "expired_token":
        return SignInError(
            say.CODE_EXPIRED(),
            say.CODE_EXPIRED_NEXT(),
            error=error,
            codes=codes,
        )
    if error in ("authorization_declined", "access_denied"):
        return SignInError(
            say.DECLINED(),
            say.DECLINED_NEXT(),
            error=error,
            codes=codes,
        )
    first_line = str(result.get("error_description") or "").split("\r\n")[0].split("\n")[0][:200]
    return SignInError(
        say.REFUSED(error=error, description=first_line),
        say.REFUSED_NEXT(),
        error=error,
        codes=codes,
    )


def _unreachable(exc: Exception, settings: EntraSettings) -> SignInError:
    host = urlsplit(settings.authority).netloc
    text = f"{exc!r}"
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
        return SignInError(say.CERTIFICATE(host=host), say.CERTIFICATE_NEXT())
    if isinstance(exc, ValueError) and "authority" in str(exc).lower():
        return SignInError(
            say.NO_TENANT_DESCRIBED(host=host, tenant=settings.tenant_id),
            say.NO_TENANT_DESCRIBED_NEXT(),
        )
    return SignInError(say.UNREACHABLE(host=host, error=type(exc).__name__), say.UNREACHABLE_NEXT())


class EntraSignIn:
    """Bearer tokens for Microsoft Graph, from msal; a TokenProvider for app.directory.graph."""

    def __init__(
        self,
        settings: EntraSettings,
        *,
        profile_name: str,
        secrets: SecretStore,
        device_code_callback: DeviceCodeCallback | None = None,
    ) -> None:
        self.settings = settings
        self.profile_name = profile_name
        self._secrets = secrets
        self._device_code_callback = device_code_callback
        self.auth: Literal["client_secret", "device_code"] = settings.auth
        self.permission_kind = "application" if settings.auth == "client_secret" else "delegated"
        self.scopes = [graph_scope(settings.graph_url)]
        self._app: msal.ClientApplication | None = None
        self._cache: msal.SerializableTokenCache | None = None
        self._cache_persisted = True
        self._access_token: str | None = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()
        self.notes: list[str] = []

    def __repr__(self) -> str:
        return f"EntraSignIn(profile={self.profile_name!r}, auth={self.auth!r}, tenant={self.settings.tenant_id!r})"

    @property
    def ca_file(self) -> Path | None:
        return Path(self.settings.ca_file) if self.settings.ca_file else None

    async def token(self) -> str:
        async with self._lock:
            if self._access_token and time.time() < self._expires_at - REFRESH_MARGIN_SECONDS:
                return self._access_token
            return await self._acquire(force=False)

    async def refresh(self) -> str:
        async with self._lock:
            return await self._acquire(force=True)

    async def aclose(self) -> None:
        if self._app is not None:
            await asyncio.to_thread(self._app.http_client.close)
            self._app = None

    # ----- msal ---------------------------------------------------------------------

    async def _application(self) -> msal.ClientApplication:
        if self._app is not None:
            return self._app
        # deferred: msal (and requests under it) takes long to import; only a sign-in needs it
        import msal

        self._cache = msal.SerializableTokenCache()
        try:
            state = await self._secrets.aget(self.profile_name, "msal-cache")
        except KeyringUnavailable:
            state, self._cache_persisted = None, False
            self.notes.append(str(say.NO_KEYRING()))
        if state:
            try:
                self._cache.deserialize(state)
            except ValueError:
                log.warning(
                    "The saved Microsoft sign-in cache could not be read; signing in afresh"
                )
        authority = authority_url(self.settings)
        host = (urlsplit(authority).hostname or "").lower()
        if not (host in MICROSOFT_AUTHORITY_HOSTS or is_loopback_host(host)):
            log.info(
                "Custom sign-in authority %s: Microsoft's instance discovery is not used", host
            )
        options: dict[str, Any] = {
            "authority": authority,
            "token_cache": self._cache,
            "http_client": _msal_session(self.ca_file),
            # Microsoft's instance discovery is for Microsoft's own hosts: any other authority
            # (the sandbox, a look-alike, a private cloud) is taken as given.
            "instance_discovery": host in MICROSOFT_AUTHORITY_HOSTS,
        }
        try:
            if self.auth == "client_secret":
                secret = await aresolve_client_secret(self.profile_name, self._secrets)
                app: msal.ClientApplication = await asyncio.to_thread(
                    msal.ConfidentialClientApplication,
                    self.settings.client_id,
                    client_credential=secret,
                    **options,
                )
            else:
                app = await asyncio.to_thread(
                    msal.PublicClientApplication, self.settings.client_id, **options
                )
        except UserFacingError:
            raise
        except Exception as exc:  # requests' network errors, msal's ValueError for a bad authority
            options["http_client"].close()
            raise _unreachable(exc, self.settings) from None
        self._app = app
        return app

    async def _acquire(self, *, force: bool) -> str:
        app = await self._application()
        try:
            if self.auth == "client_secret":
                result = await self._client_credentials(app, force=force)
            else:
                result = await self._device_code(app, force=force)
        except UserFacingError:
            raise
        except Exception as exc:
            raise _unreachable(exc, self.settings) from None
        await self._save_cache()
        if "access_token" not in result:
            raise _describe_failure(result, self.settings)
        self._access_token = str(result["access_token"])
        self._expires_at = time.time() + float(result.get("expires_in") or 3600)
        return self._access_token

    async def _client_credentials(
        self, app: msal.ClientApplication, *, force: bool
    ) -> dict[str, Any]:
        import msal  # deferred: msal takes long to import; only a sign-in needs it

        assert isinstance(app, msal.ConfidentialClientApplication)
        if force and self._cache is not None:
            # acquire_token_for_client has no force_refresh: drop the cached access tokens.
            cache = self._cache
            for item in list(cache.search(msal.TokenCache.CredentialType.ACCESS_TOKEN)):
                cache.remove_at(item)
        result: dict[str, Any] = await asyncio.to_thread(app.acquire_token_for_client, self.scopes)
        return result

    async def _device_code(self, app: msal.ClientApplication, *, force: bool) -> dict[str, Any]:
        import msal  # deferred: msal takes long to import; only a sign-in needs it

        assert isinstance(app, msal.PublicClientApplication)
        accounts = await asyncio.to_thread(app.get_accounts)
        if accounts:
            silent = await asyncio.to_thread(
                app.acquire_token_silent, self.scopes, accounts[0], force_refresh=force
            )
            if silent and "access_token" in silent:
                return dict(silent)
        if self._device_code_callback is None:
            raise SignInError(say.NEEDS_YOU(), say.NEEDS_YOU_NEXT(profile=self.profile_name))
        flow: dict[str, Any] = await asyncio.to_thread(app.initiate_device_flow, self.scopes)
        if "user_code" not in flow:
            return flow
        prompt = DeviceCodePrompt(
            message=str(flow.get("message") or ""),
            verification_uri=str(
                flow.get("verification_uri") or flow.get("verification_url") or ""
            ),
            user_code=str(flow["user_code"]),
            expires_at=float(flow["expires_at"]),
        )
        self._device_code_callback(prompt)
        while True:
            # One poll per call (exit_condition True); the waiting happens here, on the loop.
            result: dict[str, Any] = await asyncio.to_thread(
                app.acquire_token_by_device_flow, flow, exit_condition=lambda _flow: True
            )
            if result.get("error") not in ("authorization_pending", "slow_down"):
                return result
            if time.time() > prompt.expires_at:
                return {"error": "expired_token"}
            await asyncio.sleep(max(1, int(flow.get("interval", 5))))

    async def _save_cache(self) -> None:
        if self._cache is None or not self._cache.has_state_changed or not self._cache_persisted:
            return
        try:
            await self._secrets.aset(self.profile_name, "msal-cache", self._cache.serialize())
        except KeyringUnavailable:
            self._cache_persisted = False
            self.notes.append(str(say.NO_KEYRING()))


__all__ = [
    "DeviceCodeCallback",
    "DeviceCodePrompt",
    "EntraSignIn",
    "SignInError",
    "authority_url",
    "granted_permissions",
    "graph_scope",
    "token_claims",
]
