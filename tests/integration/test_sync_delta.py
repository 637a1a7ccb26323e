"""Incremental cycles from a source with deltas (as Entra's delta queries give them).

The directory here is a small in-memory DirectorySource (a source with deltas that needs
no Microsoft sign-in); the target is the sandbox tenant over loopback HTTP.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

from app.config.profile import Profile
from app.directory.base import SourceGroup, SourceRead, SourceUser
from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.engine import SyncEngine
from app.sync.state import StateStore


def person(n: int, title: str = "Engineer") -> SourceUser:
    upn = f"person{n}@example.com"
    return SourceUser(
        source_id=f"obj-{n}",
        user_name=upn,
        attributes={
            "userPrincipalName": upn,
            "givenName": f"Given{n}",
            "surname": f"Family{n}",
            "displayName": f"Person {n}",
            "jobTitle": title,
        },
    )


class DeltaDirectory:
    """Full read without a watermark; afterwards only what changed since it."""

    kind = "entra"

    def __init__(self, users: list[SourceUser]) -> None:
        self.users_now = {u.source_id: u for u in users}
        self.version = 1
        self.changed: set[str] = set()
        self.deleted: set[str] = set()
        self.watermarks_seen: list[str | None] = []

    def change(self, user: SourceUser) -> None:
        self.users_now[user.source_id] = user
        self.changed.add(user.source_id)
        self.version += 1

    def delete(self, source_id: str) -> None:
        self.users_now.pop(source_id)
        self.deleted.add(source_id)
        self.version += 1

    async def read(self, watermark: str | None = None) -> SourceRead:
        self.watermarks_seen.append(watermark)
        mark = f"v{self.version}"
        if watermark is None:
            return SourceRead(full=True, users=list(self.users_now.values()), watermark=mark)
        read = SourceRead(
            full=False,
            users=[self.users_now[s] for s in sorted(self.changed)],
            deleted_user_ids=sorted(self.deleted),
            watermark=mark,
        )
        self.changed, self.deleted = set(), set()
        return read

    async def users(self) -> AsyncIterator[SourceUser]:
        for user in self.users_now.values():
            yield user

    async def groups(self) -> AsyncIterator[SourceGroup]:
        for group in ():
            yield group

    async def aclose(self) -> None:
        return None


def profile_for(tenant_url: str, *, allow_hard_delete: bool) -> Profile:
    return Profile.model_validate(
        {
            "name": "entra",
            "target": {"tenant_url": tenant_url},
            "source": {
                "kind": "entra",
                "entra": {"tenant_id": "contoso.example", "client_id": "11111111-2222"},
            },
            "safety": {"allow_hard_delete": allow_hard_delete},
        }
    )


async def test_incremental_cycles_follow_the_watermark_and_hard_deletes(tmp_path: Path) -> None:
    directory = DeltaDirectory([person(n) for n in range(20)])
    async with SandboxServer(SandboxConfig()) as sandbox:
        profile = profile_for(sandbox.tenant_url, allow_hard_delete=True)
        state = StateStore(tmp_path / "entra.sqlite3")
        async with SyncEngine(
            profile, token=sandbox.tokens.full_admin, source=directory, state=state
        ) as engine:
            first = await engine.run_cycle()
            assert (first.outcome, first.mode) == ("completed", "full")
            assert state.watermark() == "v1"

            directory.change(person(3, title="Manager"))
            directory.delete("obj-7")
            sandbox.reset_requests()
            second = await engine.run_cycle()
            assert (second.outcome, second.mode) == ("completed", "incremental")
            assert directory.watermarks_seen == [None, "v1"]
            assert second.by_action() == {"Update": 1, "Delete": 1}
            # A delta lists only what changed: the 18 others cost nothing.
            assert len(sandbox.requests) <= 4
            names = {u["userName"]: u for u in sandbox.users()}
            assert "person7@example.com" not in names
            assert names["person3@example.com"]["title"] == "Manager"
            assert state.link("User", "obj-7") is None
            assert state.watermark() == "v3"


async def test_without_hard_delete_a_deleted_user_is_disabled(tmp_path: Path) -> None:
    directory = DeltaDirectory([person(n) for n in range(5)])
    async with SandboxServer(SandboxConfig()) as sandbox:
        profile = profile_for(sandbox.tenant_url, allow_hard_delete=False)
        state = StateStore(tmp_path / "entra.sqlite3")
        async with SyncEngine(
            profile, token=sandbox.tokens.full_admin, source=directory, state=state
        ) as engine:
            await engine.run_cycle()
            directory.delete("obj-2")
            result = await engine.run_cycle()
            assert result.by_action() == {"Disable": 1}
            names = {u["userName"]: u for u in sandbox.users()}
            assert names["person2@example.com"]["active"] is False
            assert len(names) == 5
            assert not any(r.method == "DELETE" for r in sandbox.requests)


async def test_a_cycle_with_failures_keeps_the_old_watermark(tmp_path: Path) -> None:
    directory = DeltaDirectory([person(n) for n in range(3)])
    async with SandboxServer(SandboxConfig()) as sandbox:
        profile = profile_for(sandbox.tenant_url, allow_hard_delete=False)
        state = StateStore(tmp_path / "entra.sqlite3")
        async with SyncEngine(
            profile, token=sandbox.tokens.full_admin, source=directory, state=state
        ) as engine:
            await engine.run_cycle()
            # The sandbox, as Webex, refuses a userName that is not an e-mail address.
            directory.change(
                SourceUser(
                    source_id="obj-9",
                    user_name="not-an-address",
                    attributes={"userPrincipalName": "not-an-address"},
                )
            )
            result = await engine.run_cycle()
            assert result.outcome == "completed_with_failures", result.reason
            # The changes since v1 will be read again next time.
            assert state.watermark() == "v1"
