"""Cycles over the sandbox skip the mapping of unchanged CSV rows and still catch every change.

A real SQLite state file and the Webex sandbox over loopback HTTP: after a first cycle each
link holds the hash of its row; a cycle over the same file maps nobody and sends nothing;
an edited row, an edited mapping and a new scoping filter each reach the tenant. A state
file written before the row hashes existed is migrated and fills them in on its first cycle.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from app.config.profile import Profile
from app.config.rules import ScopingClause, ScopingFilter, ScopingOperator
from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.engine import SyncEngine
from app.sync.mapping import Mapper
from app.sync.state import StateStore
from app.sync.state.database import SCHEMA_VERSION
from tests.support.sync import make_profile, make_rows, write_csv, writes

COUNT = 40


@pytest.fixture
def mapped(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The user names the engine's Mapper builds a payload for (the work the rule saves)."""
    calls: list[str] = []
    original = Mapper.user_payload

    def counting(self: Mapper, user: Any, *, creating: bool) -> dict[str, Any]:
        calls.append(user.user_name)
        return original(self, user, creating=creating)

    monkeypatch.setattr(Mapper, "user_payload", counting)
    return calls


async def cycle(profile: Profile, sandbox: SandboxServer, state: StateStore) -> Any:
    async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as engine:
        result = await engine.run_cycle()
    assert result.outcome == "completed", result.reason
    return result


def titles(sandbox: SandboxServer) -> dict[str, Any]:
    return {u["userName"]: u.get("title") for u in sandbox.users()}


async def test_unchanged_rows_are_not_mapped_and_every_change_still_reaches_webex(
    tmp_path: Path, mapped: list[str]
) -> None:
    rows = make_rows(COUNT)
    csv_path = write_csv(tmp_path / "users.csv", rows)
    async with SandboxServer(SandboxConfig()) as sandbox:
        profile = make_profile(
            sandbox.tenant_url,
            csv_path,
            deletion_threshold_count=COUNT,
            deletion_threshold_percent=100,
        )
        with StateStore(tmp_path / "acme.sqlite3") as state:
            result = await cycle(profile, sandbox, state)
            assert result.counts["Create"] == {"Success": COUNT}
            links = state.links("User")
            assert all(link.source_hash for link in links.values())
            assert len({link.source_hash for link in links.values()}) == COUNT

            # The same file again: nobody mapped, nothing sent.
            mapped.clear()
            sandbox.reset_requests()
            result = await cycle(profile, sandbox, state)
            assert result.by_action() == {"NoChange": COUNT}
            assert mapped == []
            assert writes(sandbox.requests) == []

            # One edited row: that user alone is mapped, and updated on the tenant.
            rows[3]["jobTitle"] = "Directrice"
            write_csv(csv_path, rows)
            mapped.clear()
            result = await cycle(profile, sandbox, state)
            assert result.counts["Update"] == {"Success": 1}
            assert set(mapped) == {rows[3]["userPrincipalName"]}
            assert titles(sandbox)[rows[3]["userPrincipalName"]] == "Directrice"

            # An edited mapping (title from the department): every user again, same rows.
            users = [
                m.model_copy(update={"source": "department"}) if m.target == "title" else m
                for m in profile.mappings.users
            ]
            remapped = profile.model_copy(
                update={"mappings": profile.mappings.model_copy(update={"users": users})}
            )
            result = await cycle(remapped, sandbox, state)
            assert result.counts["Update"] == {"Success": COUNT}
            assert titles(sandbox) == {r["userPrincipalName"]: r["department"] for r in rows}

            # A new scoping filter: users outside it are disabled, though no row changed.
            only_sales = ScopingFilter(
                name="Ventes",
                clauses=[
                    ScopingClause(
                        attribute="department", operator=ScopingOperator.EQUALS, value="Ventes"
                    )
                ],
            )
            scoped = remapped.model_copy(update={"scoping": [only_sales]})
            result = await cycle(scoped, sandbox, state)
            others = [r for r in rows if r["department"] != "Ventes"]
            assert result.counts["Disable"] == {"Success": len(others)}
            active = {u["userName"]: u["active"] for u in sandbox.users()}
            assert all(
                active[r["userPrincipalName"]] is (r["department"] == "Ventes") for r in rows
            )


async def test_a_state_file_from_before_the_row_hashes_is_migrated_and_filled_in(
    tmp_path: Path, mapped: list[str]
) -> None:
    rows = make_rows(COUNT)
    csv_path = write_csv(tmp_path / "users.csv", rows)
    state_path = tmp_path / "acme.sqlite3"
    async with SandboxServer(SandboxConfig()) as sandbox:
        profile = make_profile(sandbox.tenant_url, csv_path)
        with StateStore(state_path) as state:
            await cycle(profile, sandbox, state)
        # What version 1 wrote: no source_hash column, schema_version 1.
        with sqlite3.connect(state_path) as db:
            db.execute("ALTER TABLE links DROP COLUMN source_hash")
            db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        with StateStore(state_path) as state:
            assert state.schema_version == SCHEMA_VERSION
            assert len(state.links("User")) == COUNT
            assert {link.source_hash for link in state.links("User").values()} == {""}

            # The first cycle maps everyone once, sends nothing, and remembers the rows.
            mapped.clear()
            sandbox.reset_requests()
            result = await cycle(profile, sandbox, state)
            assert result.by_action() == {"NoChange": COUNT}
            assert len(mapped) == COUNT
            assert writes(sandbox.requests) == []
            assert all(link.source_hash for link in state.links("User").values())

            # The next one skips them all.
            mapped.clear()
            result = await cycle(profile, sandbox, state)
            assert result.by_action() == {"NoChange": COUNT}
            assert mapped == []
