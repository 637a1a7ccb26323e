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


def most_at_once(records: list[Any]) -> int:
    """The most requests the sandbox was answering at the same moment."""
    edges = sorted(
        [(r.time, 1) for r in records] + [(r.time + r.duration, -1) for r in records],
        key=lambda edge: (edge[0], edge[1]),
    )
    now = peak = 0
    for _, step in edges:
        now += step
        peak = max(peak, now)
    return peak


@pytest.mark.parametrize(("cap", "expected"), [(16, 8), (4, 2)])
async def test_bulk_requests_in_flight_are_half_the_profile_s_requests_at_once(
    tmp_path: Path, cap: int, expected: int
) -> None:
    """With every request slowed to 300 ms, a first cycle of 1,200 users has as many Bulk
    requests on the tenant at once as half the profile's cap (at most 8): those already
    sent keep Webex busy while a 429's Retry-After holds back new ones."""
    csv_path = write_csv(tmp_path / "users.csv", make_rows(1_200))
    async with SandboxServer(SandboxConfig(latency_ms=300)) as sandbox:
        profile = make_profile(sandbox.tenant_url, csv_path).model_copy(
            update={"concurrency_cap": cap}
        )
        with StateStore(tmp_path / "acme.sqlite3") as state:
            async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as engine:
                result = await engine.run_cycle()
        assert result.counts["Create"] == {"Success": 1_200}
        bulks = [r for r in sandbox.requests if r.path.endswith("/Bulk")]
        assert len(bulks) == 12
        assert most_at_once(bulks) == expected


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
