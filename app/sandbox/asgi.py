"""The ASGI plumbing both sandboxes share: the message types, the lifespan exchange, a request
body read whole, and a response held whole until the sandbox's layer has had its say, then
sent (or dropped mid-answer).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


async def lifespan(receive: Receive, send: Send) -> None:
    """Answer the server's lifespan messages until it shuts down (nothing to start or stop)."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


async def read_body(receive: Receive) -> bytes:
    """The request's body, every chunk of it."""
    body = b""
    while True:
        message = await receive()
        chunk: bytes = message.get("body", b"")
        body += chunk
        if not message.get("more_body"):
            return body


class HeldResponse:
    """A whole response, held until the sandbox's layer has had its say."""

    def __init__(self, status: int = 500, headers: list[tuple[bytes, bytes]] | None = None):
        self.status = status
        self.headers = headers or []
        self.body = b""

    @classmethod
    def json(
        cls, status: int, body: dict[str, Any] | None, headers: dict[str, str] | None = None
    ) -> HeldResponse:
        response = cls(status, [(b"content-type", b"application/json")])
        for name, value in (headers or {}).items():
            response.headers.append((name.lower().encode(), value.encode()))
        response.body = b"" if body is None else json.dumps(body).encode()
        return response

    async def capture(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = int(message["status"])
            self.headers = [(bytes(k).lower(), bytes(v)) for k, v in message.get("headers", [])]
        elif message["type"] == "http.response.body":
            self.body += message.get("body", b"")

    def set_header(self, name: str, value: str) -> None:
        key = name.lower().encode()
        self.headers = [(k, v) for k, v in self.headers if k != key]
        self.headers.append((key, value.encode()))

    def header(self, name: str) -> str | None:
        key = name.lower().encode()
        return next((v.decode("latin-1") for k, v in self.headers if k == key), None)


async def emit(send: Send, response: HeldResponse) -> None:
    """Send a held response, with its Content-Length (204 and 304 without a body)."""
    if response.status not in (204, 304):
        response.set_header("Content-Length", str(len(response.body)))
    else:
        response.body = b""
    await send(
        {"type": "http.response.start", "status": response.status, "headers": response.headers}
    )
    await send({"type": "http.response.body", "body": response.body})


async def drop(send: Send) -> None:
    """Start an answer and stop: the server closes the connection mid-response."""
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"512")],
        }
    )


__all__ = [
    "HeldResponse",
    "Message",
    "Receive",
    "Scope",
    "Send",
    "drop",
    "emit",
    "lifespan",
    "read_body",
]
