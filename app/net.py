"""The one place HTTP clients are built: proxies, corporate CA bundles, timeouts, User-Agent.

Every client honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY (httpx's trust_env) and trusts
the CA bundle named by SSL_CERT_FILE or REQUESTS_CA_BUNDLE (corporate TLS inspection)
on top of the system's. Certificate checks are never switched off.
"""

from __future__ import annotations

import asyncio
import functools
import os
import ssl
import urllib.request
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import certifi
import httpx

from app import USER_AGENT
from app import net_messages as M
from app.errors import InputError
from app.messages import Message

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)

# httpx's timeouts apply to each read, so a server that trickles one byte every few seconds
# would keep a request alive for ever: every exchange also has a total deadline (connect,
# headers and the whole body) and a cap on the size of the body it reads (issue 22).
DEADLINE_ENV = "WEBEX_PROVISIONER_HTTP_DEADLINE"
MAX_BODY_ENV = "WEBEX_PROVISIONER_HTTP_MAX_BODY"
DEFAULT_DEADLINE_SECONDS = 120.0
DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024


class HttpLimitError(httpx.TransportError):
    """An exchange stopped by one of the program's own limits (deadline, body cap, proxy).

    `message` and `next_step` are for the admin (English; `coded_message` and
    `coded_next_step` the same as Messages); `kind`, `sent` and `retryable` tell the
    callers (app.webex.transport, app.directory.graph) how to treat it.
    """

    kind = "other"
    sent = True
    retryable = False

    def __init__(
        self, message: str | Message, next_step: str | Message, *, request: httpx.Request
    ) -> None:
        super().__init__(str(message), request=request)
        self.coded_message = message if isinstance(message, Message) else None
        self.coded_next_step = next_step if isinstance(next_step, Message) else None
        self.message = str(message)
        self.next_step = str(next_step)


class DeadlineExceeded(HttpLimitError, httpx.TimeoutException):
    kind = "timeout"
    retryable = True


class ResponseTooLarge(HttpLimitError):
    kind = "too_large"


class ProxyUnreachable(HttpLimitError, httpx.ProxyError):
    kind = "proxy"
    sent = False
    retryable = True


def _positive_number_from_env(name: str, default: float) -> float:
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0 or value == float("inf"):
        raise InputError(
            M.NOT_POSITIVE(name=name, value=repr(text)),
            M.NOT_POSITIVE_STEP(name=name, default=f"{default:g}"),
        )
    return value


def http_deadline() -> float:
    """Seconds one exchange may last in all (WEBEX_PROVISIONER_HTTP_DEADLINE, default 120)."""
    return _positive_number_from_env(DEADLINE_ENV, DEFAULT_DEADLINE_SECONDS)


def http_max_body() -> int:
    """Bytes of one answer's body we accept (WEBEX_PROVISIONER_HTTP_MAX_BODY, default 64 MiB)."""
    return int(_positive_number_from_env(MAX_BODY_ENV, DEFAULT_MAX_BODY_BYTES))


def proxy_for(url: httpx.URL) -> tuple[str | Message, str] | None:
    """(proxy URL without credentials, the variable that set it) for `url`, from the environment.

    Only used to name the proxy when it cannot be reached; httpx does the routing.
    """
    host = url.host
    # NO_PROXY as the standard library reads it (not in typeshed, hence getattr).
    bypass: Callable[[str], bool] = getattr(urllib.request, "proxy_bypass_environment")  # noqa: B009
    if not host or bypass(host):
        return None
    scheme = url.scheme.lower()
    for name in (f"{scheme}_proxy", "all_proxy"):
        for variable in (name.upper(), name):
            value = os.environ.get(variable, "").strip()
            if value:
                try:
                    proxy = httpx.URL(value if "://" in value else f"http://{value}")
                    shown: str | Message = str(proxy.copy_with(username=None, password=None))
                except (httpx.InvalidURL, TypeError, ValueError):
                    shown = M.UNREADABLE_ADDRESS()
                return shown, variable
    return None


class BoundedAsyncClient(httpx.AsyncClient):
    """An httpx.AsyncClient whose every exchange has a total deadline and a body cap.

    `send` is what `request`, `get`, `post`... call: connect, headers and body are read
    inside one asyncio.timeout, and the body is read chunk by chunk and refused past the cap
    (so memory stays bounded even when a server never ends its answer). A caller that asks
    for `stream=True` gets the deadline up to the headers only and reads the rest itself.
    """

    def __init__(self, *args: Any, deadline: float, max_body: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.deadline = deadline
        self.max_body = max_body

    async def send(
        self, request: httpx.Request, *, stream: bool = False, **kwargs: Any
    ) -> httpx.Response:
        response: httpx.Response | None = None
        try:
            async with asyncio.timeout(self.deadline):
                response = await super().send(request, stream=True, **kwargs)
                if not stream:
                    await self._read_capped(response, request)
        except TimeoutError as exc:
            if response is not None:
                await response.aclose()
            raise DeadlineExceeded(
                M.DEADLINE(host=request.url.host, seconds=f"{self.deadline:g}"),
                M.DEADLINE_STEP(variable=DEADLINE_ENV),
                request=request,
            ) from exc
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.ProxyError) as exc:
            if response is not None:
                await response.aclose()
            proxy = proxy_for(request.url)
            if proxy is None or isinstance(exc, HttpLimitError):
                raise
            address, variable = proxy
            raise ProxyUnreachable(
                M.PROXY(address=address, variable=variable, host=request.url.host),
                M.PROXY_STEP(variable=variable),
                request=request,
            ) from exc
        except BaseException:
            if response is not None:
                await response.aclose()
            raise
        return response

    async def _read_capped(self, response: httpx.Response, request: httpx.Request) -> None:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body:
            self._too_large(request)
        chunks: list[bytes] = []
        total = 0
        async for chunk in response.aiter_bytes():
            total += len(chunk)
            if total > self.max_body:
                self._too_large(request)
            chunks.append(chunk)
        # What Response.aread() does once the body is in; the body was read within the cap.
        response._content = b"".join(chunks)

    def _too_large(self, request: httpx.Request) -> None:
        raise ResponseTooLarge(
            M.TOO_LARGE(host=request.url.host, size=f"{self.max_body:,}"),
            M.TOO_LARGE_STEP(variable=MAX_BODY_ENV),
            request=request,
        )


def ca_bundle_path() -> Path | None:
    """The CA bundle the admin pointed us at, if any (SSL_CERT_FILE, then REQUESTS_CA_BUNDLE)."""
    for name in ("SSL_CERT_FILE", "REQUESTS_CA_BUNDLE"):
        value = os.environ.get(name)
        if value:
            path = Path(value)
            if not path.is_file():
                raise InputError(
                    M.NO_CA_BUNDLE(name=name, path=value),
                    M.NO_CA_BUNDLE_STEP(name=name),
                )
            return path
    return None


def ssl_context(extra_ca: Path | None = None) -> ssl.SSLContext:
    """System trust plus the corporate bundle (and an explicit extra CA, e.g. the sandbox's).

    Loading the certificate stores costs about half a second, so one context is built per
    set of CA files and shared by every client (an SSLContext is safe to share).
    """
    return _cached_ssl_context(ca_bundle_path(), extra_ca)


@functools.lru_cache(maxsize=16)
def _cached_ssl_context(bundle: Path | None, extra_ca: Path | None) -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.load_verify_locations(cafile=certifi.where())  # certifi comes with httpx
    if bundle is not None:
        context.load_verify_locations(cafile=str(bundle))
    if extra_ca is not None:
        context.load_verify_locations(cafile=str(extra_ca))
    return context


def make_async_client(
    *,
    base_url: str = "",
    headers: Mapping[str, str] | None = None,
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    http2: bool = True,
    max_connections: int = 100,
    extra_ca: Path | None = None,
    deadline: float | None = None,
    max_body: int | None = None,
    **kwargs: Any,
) -> httpx.AsyncClient:
    """An httpx.AsyncClient with the program's network policy.

    HTTP/2 is used where the server offers it (over TLS); plain http is only ever used for
    loopback addresses, which the callers check when they parse URLs. Every exchange has
    a total deadline and a body cap (BoundedAsyncClient).
    """
    all_headers = {"User-Agent": USER_AGENT}
    if headers:
        all_headers.update(headers)
    return BoundedAsyncClient(
        deadline=http_deadline() if deadline is None else deadline,
        max_body=http_max_body() if max_body is None else max_body,
        base_url=base_url,
        headers=all_headers,
        timeout=timeout,
        http2=http2,
        verify=ssl_context(extra_ca),
        trust_env=True,
        limits=httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=max_connections
        ),
        **kwargs,
    )


def is_loopback_host(host: str) -> bool:
    host = host.lower().strip("[]")
    return host in {"localhost", "::1"} or host.startswith("127.")
