"""What the sandbox keeps of its traffic: a `RequestRecord` of every request (its `requests`),
and, for an observer such as the contract tests, each exchange of the Webex side whole
(`Exchange`), with the request body recorded as the application reads it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from app.sandbox.asgi import HeldResponse, Message, Receive, Scope

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RequestRecord:
    """One request the sandbox answered. `status` is 0 when the connection was dropped."""

    method: str
    path: str
    query: str
    status: int
    time: float  # arrival, seconds since the epoch
    duration: float  # seconds spent answering
    fault: str | None  # the injected fault: "5xx", "reset", "malformed", "429" or "rate-limit"
    http_version: str


@dataclass(frozen=True)
class Exchange:
    """One request the Webex side answered and its answer, as they crossed the wire.

    Header names are lower case; the bodies are the exact bytes (empty when there is none).
    """

    method: str
    path: str
    query: str  # the raw query string, without "?"
    request_headers: tuple[tuple[str, str], ...]
    request_body: bytes
    status: int
    response_headers: tuple[tuple[str, str], ...]
    response_body: bytes

    @property
    def target(self) -> str:
        """The path with its query, as the request line had it."""
        return f"{self.path}?{self.query}" if self.query else self.path

    def request_header(self, name: str) -> str | None:
        return _first(self.request_headers, name)

    def response_header(self, name: str) -> str | None:
        return _first(self.response_headers, name)


def _first(headers: tuple[tuple[str, str], ...], name: str) -> str | None:
    key = name.lower()
    return next((value for header, value in headers if header == key), None)


def observe(
    observer: Callable[[Exchange], None], scope: Scope, body: bytes, response: HeldResponse
) -> None:
    """Hand the observer the exchange as it will cross the wire."""
    no_body = response.status in (204, 304)  # asgi.emit sends these without a body
    exchange = Exchange(
        method=scope["method"],
        path=scope["path"],
        query=scope.get("query_string", b"").decode("latin-1"),
        request_headers=tuple(
            (bytes(k).decode("latin-1").lower(), bytes(v).decode("latin-1"))
            for k, v in scope["headers"]
        ),
        request_body=body,
        status=response.status,
        response_headers=tuple(
            (k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers
        ),
        response_body=b"" if no_body else response.body,
    )
    try:
        observer(exchange)
    except Exception:  # an observer's bug must not take the sandbox's answer with it
        log.exception("The sandbox's exchange observer failed")


def recording(receive: Receive, into: bytearray) -> Receive:
    """`receive`, keeping a copy of the request body's bytes in `into` as they are read."""

    async def recorded() -> Message:
        message = await receive()
        if message["type"] == "http.request":
            into.extend(message.get("body", b""))
        return message

    return recorded


__all__ = ["Exchange", "RequestRecord", "observe", "recording"]
