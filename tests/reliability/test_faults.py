"""A sync under a fault mix converges in later cycles, and every failure on the way is classified.

The Webex sandbox answers 10 % of requests with 500/502/503, drops 1 % of connections
(half of them after doing the work), and in gusts answers bursts of 429 and adds latency
spikes. Cycles run until one completes; each failure in the provisioning log must carry an
error code from the client's error tree (the admin can act on it), none "unexpected".
In the end the tenant equals the source: no duplicate, none missing, every attribute right.
Operations go one by one (Bulk would pack 600 users into six requests, too few for a 1 %
fault to strike); tests/reliability/test_chaos.py covers the bulk path when killed.
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.engine import SyncEngine
from app.sync.events import CycleResult
from app.sync.state import StateStore
from app.webex import errors as webex_errors
from tests.reliability.support import load_chaos

chaos = load_chaos()

USERS = 600
MAX_CYCLES = 5
BASE_FAULTS = "5xx=0.1,reset=0.01"
BURST_FAULTS = "5xx=0.1,reset=0.01,429=0.6"
SPIKE_MS = 250.0


def error_classes() -> set[str]:
    """The names of the client's error tree: what a classified failure's code starts with."""
    names: set[str] = set()
    pending: list[type] = [webex_errors.WebexError]
    while pending:
        cls = pending.pop()
        names.add(cls.__name__)
        pending.extend(cls.__subclasses__())
    return names


@dataclass
class Weather:
    """Gusts over the base fault mix: bursts of 429 and latency spikes, at seeded moments."""

    sandbox: SandboxServer
    rng: random.Random
    bursts: int = 0
    spikes: int = 0
    log: list[str] = field(default_factory=list)

    async def blow(self) -> None:
        while True:
            await asyncio.sleep(self.rng.uniform(0.3, 0.9))
            if self.rng.random() < 0.5:
                self.bursts += 1
                self.sandbox.set_faults(BURST_FAULTS)
                await asyncio.sleep(self.rng.uniform(0.2, 0.5))
                self.sandbox.set_faults(BASE_FAULTS)
            else:
                self.spikes += 1
                self.sandbox.set_latency_ms(SPIKE_MS)
                await asyncio.sleep(self.rng.uniform(0.2, 0.4))
                self.sandbox.set_latency_ms(0.0)


@pytest.fixture
async def weather_sandbox() -> AsyncIterator[tuple[SandboxServer, Weather]]:
    with SandboxServer.in_thread(SandboxConfig(faults=BASE_FAULTS, seed=8)) as sandbox:
        weather = Weather(sandbox, random.Random("weather:8"))
        task = asyncio.create_task(weather.blow())
        try:
            yield sandbox, weather
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)


@pytest.mark.timeout(600)
async def test_a_sync_under_a_fault_mix_converges_with_every_failure_classified(
    tmp_path: Path, weather_sandbox: tuple[SandboxServer, Weather]
) -> None:
    sandbox, weather = weather_sandbox
    rows = chaos.make_rows(USERS, seed=8)
    profile = chaos.make_profile(sandbox.tenant_url, chaos.write_csv(tmp_path / "users.csv", rows))
    state = StateStore(tmp_path / "chaos.sqlite3")
    results: list[CycleResult] = []
    # One request per operation (no Bulk): hundreds of requests, so that every fault of the
    # mix, 1 % resets included, strikes creates, updates and reads alike.
    async with SyncEngine(
        profile, token=sandbox.tokens.full_admin, state=state, use_bulk=False
    ) as engine:
        for _ in range(MAX_CYCLES):
            results.append(await engine.run_cycle())
            if results[-1].outcome == "completed":
                break
    outcomes = [r.outcome for r in results]

    # The faults really happened, in every kind the mix names.
    faults = Counter(r.fault for r in sandbox.requests if r.fault)
    assert faults["5xx"] > 0 and faults["reset"] > 0 and faults["429"] > 0, faults
    assert weather.bursts > 0 and weather.spikes > 0
    assert any(r.duration >= SPIKE_MS / 1000 for r in sandbox.requests)

    # It converged: a cycle completed within MAX_CYCLES, and none was quarantined.
    assert outcomes[-1] == "completed", outcomes
    assert "quarantined" not in outcomes, [r.reason for r in results]

    # Every failure on the way says what it was, in the client's words, with a next step.
    known = error_classes()
    failures = state.query_log(status="Failure")
    unclassified = [
        (f.user_name, f.error_code, f.message)
        for f in failures
        if f.error_code.split("/")[0].split(" ")[0] not in known or not f.next_step
    ]
    assert unclassified == []
    for result in results:
        if result.outcome == "completed":
            continue
        assert result.outcome in ("completed_with_failures", "failed"), result.to_dict()
        assert result.reason and result.next_step, result.to_dict()
        if result.outcome == "failed":
            assert result.cause in ("network", "target"), result.to_dict()
        for event in result.first_failures:
            assert event.error_code.split("/")[0].split(" ")[0] in known, event

    # And the tenant equals the source.
    assert chaos.tenant_problems(sandbox.users(), sandbox.groups(), rows) == []
    assert state.journal_pending() == []
    assert state.count_links("User") == USERS
    state.close()
