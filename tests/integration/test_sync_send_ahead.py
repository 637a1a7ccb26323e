"""A first cycle's creations: sent while the source is still being planned, as many Bulk
requests at once as the profile allows, their results shown a few at a time."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import app.sync.planner.users as planner_users
from app.directory.base import SourceRead, SourceUser
from app.directory.factory import open_source
from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.engine import SyncEngine
from app.sync.state import StateStore
from app.webex.client import WebexClient
from tests.support.sync import make_profile, make_rows, write_csv


class WatchedUsers(list[SourceUser]):
    """The source's users; each pass over them notes how many Bulk requests the tenant had
    answered when each user was handed over (a millisecond a user: a source read over the
    network, and time for the worker threads that journal each Bulk request)."""

    def __init__(self, users: list[SourceUser], sandbox: SandboxServer) -> None:
        super().__init__(users)
        self.sandbox = sandbox
        self.passes: list[list[int]] = []

    def __iter__(self) -> Iterator[SourceUser]:
        seen: list[int] = []
        self.passes.append(seen)
        for user in super().__iter__():
            seen.append(
                sum(
                    1 for r in self.sandbox.requests if r.path.endswith("/Bulk") and r.status == 200
                )
            )
            time.sleep(0.001)
            yield user


class WatchedSource:
    def __init__(self, inner: Any, sandbox: SandboxServer) -> None:
        self.inner = inner
        self.sandbox = sandbox
        self.users: WatchedUsers | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    async def read(self, watermark: str | None = None) -> SourceRead:
        read = await self.inner.read(watermark)
        self.users = WatchedUsers(list(read.users), self.sandbox)
        return replace(read, users=self.users)


@pytest.mark.timing
async def test_the_first_bulk_request_leaves_before_the_last_user_is_planned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The target's users are listed as soon as planning meets more unknown users than
    are worth a search each, and each unknown user is matched as it is planned: users
    appear in Webex while the rest of the source is still being mapped."""
    monkeypatch.setattr(planner_users, "SLICE_SECONDS", 0.0)  # a loop turn after each user
    rows = make_rows(450)
    csv_path = write_csv(tmp_path / "users.csv", rows)
    async with SandboxServer(SandboxConfig()) as sandbox:
        profile = make_profile(sandbox.tenant_url, csv_path)
        source = WatchedSource(open_source(profile), sandbox)
        state = StateStore(tmp_path / "acme.sqlite3")
        try:
            async with SyncEngine(
                profile, token=sandbox.tokens.full_admin, state=state, source=source
            ) as engine:
                result = await engine.run_cycle()
        finally:
            state.close()
            await source.inner.aclose()
        assert result.outcome == "completed", result.reason
        assert result.counts["Create"] == {"Success": 450}
        assert {u["userName"] for u in sandbox.users()} == {r["userPrincipalName"] for r in rows}
        assert source.users is not None
        planned = source.users.passes[0]
        # The tenant had answered Bulk requests (users created) before the last user was
        # planned.
        assert planned[-1] >= 1, planned[-1]
        assert len([r for r in sandbox.requests if r.method == "GET"]) == 1  # one listing


class BulkGate:
    """Counts the Bulk requests the engine has in flight, on the event loop (no clock), and
    holds the first ones until `wanted` are in flight together: the test then knows that the
    engine reached that many at once, and the counter that it never went beyond."""

    def __init__(self, wanted: int) -> None:
        self.wanted = wanted
        self.in_flight = self.peak = self.calls = 0
        self.reached = asyncio.Event()

    def wrap(self, bulk: Any) -> Any:
        async def gated(client: WebexClient, operations: Any) -> Any:
            self.calls += 1
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
            try:
                if self.in_flight >= self.wanted:
                    self.reached.set()
                # Bounded: an engine that never reaches `wanted` fails here, it does not hang.
                await asyncio.wait_for(self.reached.wait(), timeout=60)
                return await bulk(client, operations)
            finally:
                self.in_flight -= 1

        return gated


@pytest.mark.parametrize(("cap", "expected"), [(16, 8), (4, 2)])
@pytest.mark.timing
async def test_bulk_requests_in_flight_are_half_the_profile_s_requests_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cap: int, expected: int
) -> None:
    """A first cycle of 1,200 users has as many Bulk requests on the tenant at once as half
    the profile's cap (at most 8), never more: those already sent keep Webex busy while a
    429's Retry-After holds back new ones."""
    gate = BulkGate(expected)
    monkeypatch.setattr(WebexClient, "bulk", gate.wrap(WebexClient.bulk))
    csv_path = write_csv(tmp_path / "users.csv", make_rows(1_200))
    async with SandboxServer(SandboxConfig()) as sandbox:
        profile = make_profile(sandbox.tenant_url, csv_path).model_copy(
            update={"concurrency_cap": cap}
        )
        with StateStore(tmp_path / "acme.sqlite3") as state:
            async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as engine:
                result = await engine.run_cycle()
        assert result.outcome == "completed", result.reason
        assert result.counts["Create"] == {"Success": 1_200}
        assert gate.calls == len([r for r in sandbox.requests if r.path.endswith("/Bulk")]) == 12
        assert gate.reached.is_set()
        assert gate.peak == expected


@pytest.mark.timing
async def test_the_results_of_a_bulk_request_leave_the_window_turns(tmp_path: Path) -> None:
    """The 100 results of a Bulk request are recorded a few at a time: something the
    window queued on the loop (a repaint, a click) runs before the request's last result
    is shown, not after all of them."""
    from app.sync.executor import RECORDS_PER_TURN

    csv_path = write_csv(tmp_path / "users.csv", make_rows(300))
    shown: list[int] = []  # how many results were shown when the queued callback ran
    events: list[str] = []

    def listener(event: Any) -> None:
        if event.kind != "operation":
            return
        events.append(event.user_name)
        if len(events) == 1:
            asyncio.get_running_loop().call_soon(lambda: shown.append(len(events)))

    async with SandboxServer(SandboxConfig()) as sandbox:
        profile = make_profile(sandbox.tenant_url, csv_path)
        with StateStore(tmp_path / "acme.sqlite3") as state:
            async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as engine:
                engine.add_listener(listener)
                result = await engine.run_cycle()
    assert result.counts["Create"] == {"Success": 300}
    assert shown and shown[0] <= RECORDS_PER_TURN, shown
