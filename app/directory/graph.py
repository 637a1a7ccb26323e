"""Microsoft Graph v1.0 reads over httpx: paging, delta links, throttling, errors in plain words.

The client never signs in itself: a TokenProvider gives it a bearer token, which GraphBearer
(an httpx.Auth) puts on each request, asking for a fresh one after a 401, once. Waits follow
Retry-After or the shared back-off (app.retry), on an injected sleep and random source. Errors are UserFacingError subclasses naming the permission to grant
or the next step; none carries the token.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Generator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpx

from app.directory import graph_messages as say
from app.errors import ExitCode, InputError, UserFacingError
from app.messages import Message
from app.net import HttpLimitError, is_loopback_host, make_async_client
from app.retry import backoff_delay, retry_after_seconds

log = logging.getLogger(__name__)

MAX_PAGE_SIZE = 999
RETRYABLE_STATUSES = frozenset({429, 502, 503, 504})
# Graph's codes for a delta link it no longer knows (compared without case).
_EXPIRED_DELTA_CODES = frozenset({"syncstatenotfound", "resyncrequired", "syncstateinvalid"})


def says_sync_state_is_gone(status: int | None, code: str) -> bool:
    """Whether an error answer to a delta link means "start a full read again": any 410
    Gone (with a Location header or without), or any 4xx whose code names a lost sync
    state (400 syncStateNotFound, SyncStateNotFound, resyncRequired, ...)."""
    if status == 410:
        return True
    if status is None or not 400 <= status < 500:
        return False
    lowered = code.lower()
    return lowered in _EXPIRED_DELTA_CODES or "syncstate" in lowered


class TokenProvider(Protocol):
    """Where Graph bearer tokens come from (app.directory.entra.auth.EntraSignIn)."""

    permission_kind: str  # "application" (client secret) or "delegated" (device code)

    async def token(self) -> str: ...

    async def refresh(self) -> str:
        """A new token, not the cached one: called once after Graph answers 401."""
        ...


class GraphError(UserFacingError):
    """Microsoft Graph answered with an error (or could not be reached)."""

    exit_code = ExitCode.UNREACHABLE

    def __init__(
        self,
        message: str | Message,
        next_step: str | Message = "",
        *,
        status: int | None = None,
        code: str = "",
        request_id: str = "",
        url: str = "",
    ) -> None:
        super().__init__(message, next_step)
        self.status = status
        self.code = code
        self.request_id = request_id
        self.url = url

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status!r}, code={self.code!r}, request_id={self.request_id!r})"


class GraphAuthError(GraphError):
    """Graph refused the token even after a fresh sign-in."""

    exit_code = ExitCode.AUTH


class GraphPermissionError(GraphError):
    """The app (or the signed-in admin) lacks a Graph permission."""

    exit_code = ExitCode.AUTH

    def __init__(
        self,
        message: str | Message,
        next_step: str | Message = "",
        *,
        permission: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(message, next_step, **kwargs)
        self.permission = permission


class GraphNotFound(GraphError):
    """The object asked for does not exist (any more)."""


class DeltaExpired(GraphError):
    """Graph no longer knows a delta link: the source falls back to a full read."""


class GraphUnavailable(GraphError):
    """Graph could not be reached, kept throttling, or failed on its side."""


def required_permission(url: str) -> str:
    """The application permission a Graph read needs."""
    path = urlsplit(url).path.lower()
    if "/serviceprincipals" in path or "/applications" in path:
        return "Application.Read.All"
    if "/groups" in path:
        return "Group.Read.All"
    return "User.Read.All"


def check_graph_url(graph_url: str) -> str:
    """The Graph base URL without a trailing slash or version; https unless loopback."""
    url = graph_url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise InputError(say.NOT_GRAPH_URL(url=repr(graph_url)), say.NOT_GRAPH_URL_NEXT())
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise InputError(say.NOT_HTTPS(url=graph_url), say.NOT_HTTPS_NEXT())
    for version in ("/v1.0", "/beta"):
        url = url.removesuffix(version)
    return url


@dataclass
class GraphStats:
    """What the reads cost: shown in the provisioning log and checked by the tests."""

    requests: int = 0
    throttled: int = 0  # 429/503 answers that were waited out
    waited_seconds: float = 0.0  # total wait asked by Retry-After (or the back-off)
    reauthenticated: int = 0  # 401 answers followed by a fresh token
    network_retries: int = 0
    paths: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "requests": self.requests,
            "throttled": self.throttled,
            "waited_seconds": round(self.waited_seconds, 3),
            "reauthenticated": self.reauthenticated,
            "network_retries": self.network_retries,
        }


@dataclass
class DeltaResult:
    items: list[dict[str, Any]]
    delta_link: str


class GraphBearer(httpx.Auth):
    """The bearer token on each request of one Graph read; after a 401, one fresh token
    (TokenProvider.refresh: a new msal sign-in) and one resend.

    One instance per logical read (GraphClient.get), so the token is renewed at most once
    across that read's retries; a second 401 reaches the caller. Async clients only."""

    def __init__(self, tokens: TokenProvider, stats: GraphStats) -> None:
        self._tokens = tokens
        self._stats = stats
        self._token: str | None = None
        self.renewed = False

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        raise RuntimeError("GraphBearer signs requests of an httpx.AsyncClient only")

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if self._token is None:
            self._token = await self._tokens.token()
        request.headers["Authorization"] = f"Bearer {self._token}"
        response = yield request
        if response.status_code != 401 or self.renewed:
            return
        self.renewed = True
        self._stats.reauthenticated += 1
        log.info("Graph refused the token (401); signing in again")
        self._token = await self._tokens.refresh()
        request.headers["Authorization"] = f"Bearer {self._token}"
        self._stats.requests += 1
        yield request

    def __repr__(self) -> str:
        return "GraphBearer([redacted])"


def _error_body(response: httpx.Response) -> tuple[str, str, str]:
    """(code, message, request-id) of a Graph error answer."""
    try:
        data = response.json()
    except ValueError:
        return "", response.text[:200], response.headers.get("request-id", "")
    error = data.get("error") if isinstance(data, dict) else None
    if not isinstance(error, dict):
        return "", "", response.headers.get("request-id", "")
    inner = error.get("innerError") or {}
    request_id = str(inner.get("request-id") or response.headers.get("request-id", ""))
    return str(error.get("code") or ""), str(error.get("message") or "")[:300], request_id


class GraphClient:
    """Reads from Microsoft Graph v1.0. Use as `async with GraphClient(...) as graph:`."""

    def __init__(
        self,
        graph_url: str,
        tokens: TokenProvider,
        *,
        extra_ca: Path | None = None,
        max_attempts: int = 8,
        backoff_base: float = 1.0,
        max_wait: float = 300.0,
        client: httpx.AsyncClient | None = None,
        stats: GraphStats | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        rng: random.Random | None = None,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.base_url = check_graph_url(graph_url)
        self.api_url = f"{self.base_url}/v1.0"
        self._tokens = tokens
        self._client = client or make_async_client(
            extra_ca=extra_ca, headers={"Accept": "application/json"}
        )
        self._owns_client = client is None
        self._max_attempts = max_attempts
        self._backoff_base = backoff_base
        self._max_wait = max_wait
        self.stats = stats if stats is not None else GraphStats()
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._wall_clock = wall_clock  # what a Retry-After date is measured from

    async def __aenter__(self) -> GraphClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._owns_client:
            await self._client.aclose()

    def url(self, path_or_url: str) -> str:
        if path_or_url.startswith(("https://", "http://")):
            return path_or_url
        return f"{self.api_url}/{path_or_url.lstrip('/')}"

    async def get(
        self,
        path_or_url: str,
        params: Mapping[str, str] | None = None,
        *,
        headers: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """One GET, with re-authentication on 401 (once) and waits on 429/503/502/504."""
        url = self.url(path_or_url)
        if not url.startswith(self.base_url):
            # A nextLink or deltaLink must stay on the Graph host the profile names: the
            # bearer token is never sent anywhere else.
            raise GraphError(
                say.OTHER_SERVER(),
                say.OTHER_SERVER_NEXT(),
                url=urlsplit(url).netloc,
            )
        auth = GraphBearer(self._tokens, self.stats)
        attempt = 0
        while True:
            attempt += 1
            self.stats.requests += 1
            try:
                response = await self._client.get(url, params=params, headers=headers, auth=auth)
            except httpx.TransportError as exc:
                final = isinstance(exc, HttpLimitError) and not exc.retryable
                if (
                    final
                    or attempt >= self._max_attempts
                    or isinstance(exc, httpx.UnsupportedProtocol)
                ):
                    raise self._network_error(exc) from exc
                self.stats.network_retries += 1
                await self._wait(self._backoff(attempt))
                continue
            status = response.status_code
            if 200 <= status < 300:
                data = response.json()
                if not isinstance(data, dict):
                    raise GraphError(
                        say.NOT_JSON(),
                        say.TRY_LATER(),
                        status=status,
                        url=url,
                    )
                return data
            if status in RETRYABLE_STATUSES and attempt < self._max_attempts:
                wait = retry_after_seconds(
                    response.headers.get("Retry-After"), now=self._wall_clock()
                )
                if wait is None:
                    wait = self._backoff(attempt)
                wait = min(wait, self._max_wait)
                self.stats.throttled += 1
                log.info("Graph answered %s; waiting %.1f s before retrying", status, wait)
                await self._wait(wait)
                continue
            raise self._error(response, url)

    async def _wait(self, seconds: float) -> None:
        self.stats.waited_seconds += seconds
        await self._sleep(seconds)

    def _backoff(self, attempt: int) -> float:
        """Exponential back-off with jitter (app.retry) when the server gives no Retry-After."""
        return backoff_delay(attempt, base=self._backoff_base, cap=self._max_wait, rng=self._rng)

    def _network_error(self, exc: httpx.TransportError) -> GraphUnavailable:
        if isinstance(exc, HttpLimitError):  # our deadline, body cap or proxy check
            return GraphUnavailable(
                exc.coded_message or exc.message, exc.coded_next_step or exc.next_step
            )
        host = urlsplit(self.base_url).netloc
        text = str(exc)
        if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
            return GraphUnavailable(say.CERTIFICATE(host=host), say.CERTIFICATE_NEXT())
        return GraphUnavailable(
            say.UNREACHABLE(host=host, error=type(exc).__name__), say.UNREACHABLE_NEXT()
        )

    def _error(self, response: httpx.Response, url: str) -> GraphError:
        status = response.status_code
        code, message, request_id = _error_body(response)
        where = urlsplit(url).path.removeprefix("/v1.0")
        details: dict[str, Any] = {
            "status": status,
            "code": code,
            "request_id": request_id,
            "url": where,
        }
        if 400 <= status < 500 and code.lower() in _EXPIRED_DELTA_CODES:
            return DeltaExpired(say.DELTA_EXPIRED(), say.DELTA_EXPIRED_NEXT(), **details)
        if status == 401:
            return GraphAuthError(say.AUTH(), say.AUTH_NEXT(), **details)
        if status == 403:
            permission = required_permission(url)
            kind = self._tokens.permission_kind
            return GraphPermissionError(
                say.PERMISSION(where=where, code=code or "Forbidden", permission=permission),
                say.CONSENT_STEP(permission=permission, kind=say.permission_kind(kind)),
                permission=permission,
                **details,
            )
        if status == 404:
            return GraphNotFound(say.NOT_FOUND(where=where), say.NOT_FOUND_NEXT(), **details)
        if status in RETRYABLE_STATUSES or status >= 500:
            return GraphUnavailable(
                say.UNAVAILABLE(status=f"{status} {code}".rstrip()),
                say.UNAVAILABLE_NEXT(),
                **details,
            )
        return GraphError(
            say.REFUSED(where=where, status=status, code=code, message=message),
            say.REFUSED_NEXT(request_id=request_id) if request_id else say.REFUSED_NEXT_NO_ID(),
            **details,
        )

    async def pages(
        self,
        path: str,
        params: Mapping[str, str] | None = None,
        *,
        headers: Mapping[str, str] | None = None,
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """Each page of a collection, following @odata.nextLink."""
        data = await self.get(path, params, headers=headers)
        while True:
            value = data.get("value", [])
            yield [item for item in value if isinstance(item, dict)]
            next_link = data.get("@odata.nextLink")
            if not next_link:
                return
            data = await self.get(str(next_link), headers=headers)

    async def collect(
        self,
        path: str,
        params: Mapping[str, str] | None = None,
        *,
        headers: Mapping[str, str] | None = None,
    ) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        async for page in self.pages(path, params, headers=headers):
            items.extend(page)
        return items

    async def delta(
        self, path_or_link: str, params: Mapping[str, str] | None = None
    ) -> DeltaResult:
        """A delta round: every page up to the @odata.deltaLink.

        Raises DeltaExpired when Graph no longer knows a link it gave (a saved delta link,
        a next link of the round; see says_sync_state_is_gone): the caller starts a full
        read again."""
        items: list[dict[str, Any]] = []
        data = await self._delta_page(path_or_link, params, link=params is None)
        while True:
            items.extend(item for item in data.get("value", []) if isinstance(item, dict))
            next_link = data.get("@odata.nextLink")
            if next_link:
                data = await self._delta_page(str(next_link), link=True)
                continue
            delta_link = data.get("@odata.deltaLink")
            if not delta_link:
                raise GraphError(
                    say.NO_DELTA_LINK(),
                    say.TRY_LATER(),
                    url=path_or_link,
                )
            return DeltaResult(items, str(delta_link))

    async def _delta_page(
        self, path_or_link: str, params: Mapping[str, str] | None = None, *, link: bool
    ) -> dict[str, Any]:
        try:
            return await self.get(path_or_link, params)
        except DeltaExpired:
            raise
        except GraphError as exc:
            if not (link and says_sync_state_is_gone(exc.status, exc.code)):
                raise
            raise DeltaExpired(
                say.DELTA_EXPIRED(),
                say.DELTA_EXPIRED_NEXT(),
                status=exc.status,
                code=exc.code,
                request_id=exc.request_id,
                url=exc.url,
            ) from exc


__all__ = [
    "MAX_PAGE_SIZE",
    "DeltaExpired",
    "DeltaResult",
    "GraphAuthError",
    "GraphBearer",
    "GraphClient",
    "GraphError",
    "GraphNotFound",
    "GraphPermissionError",
    "GraphStats",
    "GraphUnavailable",
    "TokenProvider",
    "check_graph_url",
    "required_permission",
    "says_sync_state_is_gone",
]
