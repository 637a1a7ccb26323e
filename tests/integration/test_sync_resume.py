"""Journal, pause, resume and cancel against the sandbox tenant over loopback HTTP."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.engine import SyncEngine
from app.sync.events import SyncEvent
from app.sync.state import StateStore
from app.webex.client import WebexClient
from tests.support.sync import make_profile, make_rows, write_csv


async def test_an_in_flight_create_is_looked_up_before_it_is_sent_again(tmp_path: Path) -> None:
    rows = make_rows(40)
    csv_path = write_csv(tmp_path / "users.csv", rows)
    async with SandboxServer(SandboxConfig()) as sandbox:
        profile = make_profile(sandbox.tenant_url, csv_path)
        state = StateStore(tmp_path / "acme.sqlite3")
        async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as engine:
            plan = await engine.dry_run()
            creates = [op for op in plan if op.writes]
            # A run that died: all 40 journaled, 10 marked in flight, and of those 6 had
            # reached the target before the process was killed.
            plan_time = datetime.now(UTC)
            state.start_cycle("died", plan_time, "full")
            state.journal_add("died", creates)
            state.journal_mark([op.op_id for op in creates[:10]], "in_flight")
            async with WebexClient(sandbox.tenant_url, sandbox.tokens.full_admin) as client:
                for op in creates[:6]:
                    await client.create("User", op.payload)
            sandbox.reset_requests()

            # Meanwhile the export went wrong: nothing is sent, not even the resumed work.
            broken = [*rows, {**rows[0], "userPrincipalName": "not-an-address"}]
            write_csv(csv_path, broken)
            result = await engine.run_cycle()
            assert (result.outcome, result.cause) == ("failed", "input")
            assert "not-an-address" in result.reason
            assert sandbox.requests == []
            assert len(state.journal_pending()) == 40

            write_csv(csv_path, rows)
            result = await engine.run_cycle()
            assert result.outcome == "completed", result.reason
            names = Counter(u["userName"] for u in sandbox.users())
            assert set(names) == {row["userPrincipalName"] for row in rows}
            assert max(names.values()) == 1
            # The six that had landed were found and linked, not created a second time.
            found = state.query_log(text="interrupted run had created it")
            assert sorted(e.user_name for e in found) == sorted(op.key for op in creates[:6])
            assert state.count_log(status="Failure") == 0
            # The interrupted cycle is closed with a reason; the journal is empty.
            died = state.cycle("died")
            assert died is not None and died.outcome == "failed" and died.started == plan_time
            assert state.journal_pending() == []
            assert state.count_links("User") == 40


@pytest.mark.timing
async def test_cancel_stops_after_the_operations_in_flight_and_the_next_run_finishes(
    tmp_path: Path,
) -> None:
    rows = make_rows(200)
    csv_path = write_csv(tmp_path / "users.csv", rows)
    async with SandboxServer(SandboxConfig(latency_ms=5)) as sandbox:
        profile = make_profile(sandbox.tenant_url, csv_path)
        state = StateStore(tmp_path / "acme.sqlite3")
        async with SyncEngine(
            profile, token=sandbox.tokens.full_admin, state=state, use_bulk=False
        ) as engine:
            progress: list[SyncEvent] = []

            def listen(event: SyncEvent) -> None:
                if event.kind == "progress":
                    progress.append(event)
                    if event.done >= 30:
                        engine.cancel()

            remove = engine.add_listener(listen)
            result = await engine.run_cycle()
            remove()
            assert result.outcome == "cancelled"
            done = len(sandbox.users())
            assert 30 <= done < 200
            assert result.counts["Create"]["Success"] == done
            assert state.journal_counts().get("planned", 0) == 200 - done
            # Progress was counted in users, and coalesced: far fewer events than users.
            assert all(event.total == 200 for event in progress)
            assert len(progress) < done

            result = await engine.run_cycle()
            assert result.outcome == "completed", result.reason
            assert len(sandbox.users()) == 200
            assert state.journal_pending() == []


@pytest.mark.timing
async def test_pause_holds_new_operations_until_resume(tmp_path: Path) -> None:
    csv_path = write_csv(tmp_path / "users.csv", make_rows(60))
    async with SandboxServer(SandboxConfig(latency_ms=5)) as sandbox:
        profile = make_profile(sandbox.tenant_url, csv_path)
        state = StateStore(tmp_path / "acme.sqlite3")
        async with SyncEngine(
            profile, token=sandbox.tokens.full_admin, state=state, use_bulk=False
        ) as engine:
            paused = asyncio.Event()

            done: list[SyncEvent] = []

            def listen(event: SyncEvent) -> None:
                # Each operation's own event, not the coalesced progress: a busy machine can
                # coalesce the first 60 creations into one progress event.
                if event.kind == "operation":
                    done.append(event)
                if len(done) >= 10 and not paused.is_set():
                    engine.pause()
                    paused.set()

            def creates_sent() -> int:
                return sum(1 for r in sandbox.requests if r.method == "POST")

            engine.add_listener(listen)
            cycle = asyncio.create_task(engine.run_cycle())
            await paused.wait()
            # The requests already in flight finish; no new one starts.
            while engine.in_flight:
                await asyncio.sleep(0.01)
            while_paused = creates_sent()
            # A hundred turns of the loop the engine and the sandbox share: counted in turns,
            # not in time, so a busy machine cannot make this pass or fail by chance.
            for _ in range(100):
                await asyncio.sleep(0)
            assert engine.in_flight == 0
            assert creates_sent() == while_paused < 60  # nothing new was sent
            assert not cycle.done()
            engine.resume()
            result = await cycle
            assert result.outcome == "completed"
            assert len(sandbox.users()) == 60
