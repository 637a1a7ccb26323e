"""A registry that keeps a reference to every task the GUI starts, and cancels them on quit.

asyncio keeps only weak references to tasks, and qasync's asyncSlot keeps none at all: a
task nobody holds can be collected mid-flight. Every coroutine the GUI starts goes through
TaskRegistry.start, and the application awaits TaskRegistry.shutdown before the loop closes.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class TaskRegistry:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False

    def start(self, coro: Coroutine[Any, Any, T], *, name: str | None = None) -> asyncio.Task[T]:
        if self._closed:
            coro.close()
            raise RuntimeError("the application is shutting down; no new task can start")
        try:
            task = asyncio.get_event_loop().create_task(coro, name=name)
        except BaseException:
            coro.close()  # never started: close it so that it is not reported as un-awaited
            raise
        self._tasks.add(task)
        task.add_done_callback(self._forget)
        return task

    def _forget(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            # Nobody awaited this task: hand the error to the loop's handler (logged and shown).
            task.get_loop().call_exception_handler(
                {"message": f"Task {task.get_name()} failed", "exception": error, "task": task}
            )

    def __len__(self) -> int:
        return len(self._tasks)

    @property
    def pending(self) -> list[asyncio.Task[Any]]:
        return [task for task in self._tasks if not task.done()]

    async def shutdown(self, grace: float = 10.0) -> None:
        """Cancel every task and wait for them to finish their clean-up."""
        self._closed = True
        tasks = self.pending
        for task in tasks:
            task.cancel()
        if not tasks:
            return
        _done, still_running = await asyncio.wait(tasks, timeout=grace)
        for task in still_running:
            log.warning("task %s did not stop within %.0f s", task.get_name(), grace)
