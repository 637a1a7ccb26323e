"""P3 a no-change incremental cycle over 10,000 users: what it sends to the target.

Runs on the tenant and state P1 provisioned in the same run when P1 ran first; otherwise it
provisions them itself (same sandbox shaping, one full cycle). The sandbox's request record
is cleared, one more cycle runs with nothing changed in the source, and the record says how
many writes and reads it cost.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from bench.common import BenchResult, Figure, RunContext
from bench.p1_provisioning import provision

NAME = "p3"
TITLE = "P3 no-change incremental cycle"
USERS, QUICK_USERS = 10_000, 1_000
READS_PER_THOUSAND = 1.0


async def no_change_cycle(provisioned: dict[str, Any]) -> dict[str, Any]:
    from app.sync.engine import SyncEngine
    from app.sync.state import StateStore

    sandbox = provisioned["sandbox"]
    await sandbox.aask("reset")
    state = StateStore(provisioned["state_path"])
    async with SyncEngine(provisioned["profile"], token=sandbox.token, state=state) as engine:
        started = time.perf_counter()
        result = await engine.run_cycle()
        seconds = time.perf_counter() - started
    state.close()
    requests = await sandbox.aask("requests")
    return {
        "seconds": seconds,
        "outcome": result.outcome,
        "mode": result.mode,
        "counts": result.counts,
        "requests": requests,
    }


def run(context: RunContext) -> BenchResult:
    users = QUICK_USERS if context.quick else USERS
    provisioned = context.shared.get("provisioned")
    reused = provisioned is not None and provisioned["users"] == users
    setup: dict[str, Any] | None = None
    if not reused:
        setup = asyncio.run(provision(context, users))
        provisioned = context.shared["provisioned"]
    assert provisioned is not None
    cycle = asyncio.run(no_change_cycle(provisioned))
    requests = cycle["requests"]
    # Every request a write could be: a throttled one was refused, but it was still sent.
    writes = int(requests["writes"])
    reads = int(requests["reads"])
    figures = [
        Figure(
            key="p3.writes",
            title=f"writes sent in a no-change cycle over {users:,} users",
            value=float(writes),
            unit="requests",
            target=0.0,
        ),
        Figure(
            key="p3.reads_per_1000_users",
            title="target reads per 1,000 users",
            value=reads * 1000.0 / users,
            unit="reads",
            target=READS_PER_THOUSAND,
        ),
        Figure(
            key="p3.duration",
            title="duration of the no-change cycle",
            value=cycle["seconds"],
            unit="s",
            target=None,
        ),
    ]
    details = {
        "users": users,
        "tenant_and_state": "provisioned by P1 in this run" if reused else "provisioned here",
        "setup": None
        if setup is None
        else {k: v for k, v in setup.items() if k in ("seconds", "outcome")},
        "cycle": cycle,
        "counted_from": "the sandbox's request record, cleared just before the cycle",
    }
    return BenchResult(NAME, TITLE, figures, details)
