"""Serve a sandbox (an async context manager) from a thread with its own event loop.

For callers that are not on an asyncio loop of their own, or must not share it: the GUI,
the commands and subprocess tests.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import AbstractAsyncContextManager, contextmanager
from typing import TypeVar

ServerT = TypeVar("ServerT", bound=AbstractAsyncContextManager[object])


@contextmanager
def serve_in_thread(server: ServerT, *, name: str) -> Iterator[ServerT]:
    """Enter `server` on a new loop in a thread; leave it (and end the thread) on exit.

    An error while starting is raised here, in the caller's thread.
    """
    ready = threading.Event()
    failures: list[BaseException] = []
    loop = asyncio.new_event_loop()
    stop: asyncio.Event | None = None

    async def serve() -> None:
        nonlocal stop
        stop = asyncio.Event()
        try:
            async with server:
                ready.set()
                await stop.wait()
        except BaseException as exc:  # reported to the caller below
            failures.append(exc)
            ready.set()

    def run() -> None:
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(serve())
        finally:
            loop.close()

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    ready.wait()
    if failures:
        thread.join()
        raise failures[0]
    try:
        yield server
    finally:
        assert stop is not None
        loop.call_soon_threadsafe(stop.set)
        thread.join(timeout=15)
