"""How a big cycle keeps the target busy and the window responsive: user creations sent a
Bulk request at a time while the rest is planned (benchmark P1), and the cycle's plan freed
a slice at a time once it ends (benchmark P4)."""

from __future__ import annotations

import asyncio
from typing import Any

from app.directory.base import SourceRead
from app.sync.executor import Executor
from app.sync.plan import Plan, PlannedOperation
from app.sync.planner import Planner

# Operations freed per event-loop turn at the end of a cycle (see release_gradually).
RELEASE_CHUNK = 1_000


async def release_gradually(*lists: list[Any]) -> None:
    """Empty these lists a slice at a time, letting the event loop run in between.

    A cycle over 10,000 users ends holding its source records and planned operations with
    their payloads: several hundred thousand objects, whose freeing at once (when the cycle's
    frame goes) paused the window for 40 ms and more (benchmark P4), the engine running on
    the window's loop. Lists shared with a caller must not be passed.
    """
    for items in lists:
        while items:
            del items[-RELEASE_CHUNK:]
            await asyncio.sleep(0)


async def plan_sending_ahead(planner: Planner, read: SourceRead, executor: Executor) -> Plan:
    """The plan, with its user creations sent a Bulk request at a time while the rest is
    planned (users the target does not have yet are the bulk of a first cycle: their
    requests start seconds earlier, benchmark P1). The last, partial request goes with the
    rest of the plan (executor.run leaves out what send_ahead took).

    As many requests go at once as the executor lets Bulk requests be in flight: a first
    cycle's planning is done in a second or two, and the pumps then send every creation.
    With fewer, a 429's Retry-After left the target idle: the one other request in flight
    was answered, then nothing was sent until the pause ended.
    """
    if not executor.sends_in_bulk:
        return await planner.plan(read)
    size = executor.bulk_size
    batch: list[PlannedOperation] = []
    batches: asyncio.Queue[list[PlannedOperation] | None] = asyncio.Queue()

    async def pump() -> None:
        while (ops := await batches.get()) is not None:
            await executor.send_ahead(ops)

    def ready(op: PlannedOperation) -> None:
        batch.append(op)
        if len(batch) >= size:
            batches.put_nowait(batch[:])
            batch.clear()

    pumps = [asyncio.create_task(pump()) for _ in range(executor.bulk_concurrency)]
    try:
        return await planner.plan(read, ready=ready)
    finally:
        for _ in pumps:
            batches.put_nowait(None)
        await asyncio.gather(*pumps)
