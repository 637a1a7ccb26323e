"""The one place HTTP clients are built: proxies, corporate CA bundles, timeouts, User-Agent.

Every client honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY (httpx's trust_env) and trusts
the CA bundle named by SSL_CERT_FILE or REQUESTS_CA_BUNDLE (corporate TLS inspection)
on top of the system's. Certificate checks are never switched off.
"""

from __future__ import annotations

import functools
import os
import ssl
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import httpx

from app import USER_AGENT
from app.errors import InputError

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


def ca_bundle_path() -> Path | None:
    """The CA bundle the admin pointed us at, if any (SSL_CERT_FILE, then REQUESTS_CA_BUNDLE)."""
    for name in ("SSL_CERT_FILE", "REQUESTS_CA_BUNDLE"):
        value = os.environ.get(name)
        if value:
            path = Path(value)
            if not path.is_file():
                raise InputError(
                    f"The CA bundle named by {name} ({value}) does not exist.",
                    f"Fix {name} to point at a PEM file, or unset it.",
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
    try:
        import certifi

        context.load_verify_locations(cafile=certifi.where())
    except ImportError:  # certifi comes with httpx; without it the system store still applies
        pass
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
    **kwargs: Any,
) -> httpx.AsyncClient:
    """An httpx.AsyncClient with the program's network policy.

    HTTP/2 is used where the server offers it (over TLS); plain http is only ever used for
    loopback addresses, which the callers check when they parse URLs.
    """
    all_headers = {"User-Agent": USER_AGENT}
    if headers:
        all_headers.update(headers)
    return httpx.AsyncClient(
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
