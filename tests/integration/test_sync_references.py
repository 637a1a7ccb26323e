"""References between users (a mapping to the enterprise manager.value) synced from a CSV file
into the sandbox's Webex tenant over loopback HTTP: the manager's Webex id is sent, a manager
created in the same cycle is set after it, a crash between the two resumes from the journal,
and a manager whose create failed is set by the next cycle."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from app.config.defaults import WORK_EMAIL, default_mapping_set
from app.config.profile import Profile
from app.config.rules import AttributeMapping, MappingType
from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.engine import SyncEngine
from app.sync.events import SyncEvent
from app.sync.executor import Executor
from app.sync.state import StateStore
from app.webex.client import WebexClient
from tests.support.sync import write_csv, writes

ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
MANAGER_VALUE = f"{ENTERPRISE}:manager.value"
COLUMNS = ["userPrincipalName", "displayName", "mail", "manager", "accountEnabled"]


def _rows() -> list[dict[str, str]]:
    """A chief, two leads reporting to her, six people reporting to the leads, and one whose
    manager is not in the file. The file names managers by userName, in any letter case."""
    rows = [_row("chloe.lefevre@example.com", "Chloé Lefèvre", "")]
    for lead in ("jerome.cote", "emily.taylor"):
        rows.append(_row(f"{lead}@example.com", lead.title(), "Chloe.Lefevre@Example.com"))
    for n in range(6):
        lead = ("jerome.cote", "emily.taylor")[n % 2]
        rows.append(_row(f"agent.{n}@example.com", f"Agent {n}", f"{lead}@example.com"))
    rows.append(_row("zoe.dupre@example.com", "Zoé Dupré", "ghost@example.com"))
    return rows


def _row(user_name: str, display_name: str, manager: str) -> dict[str, str]:
    return {
        "userPrincipalName": user_name,
        "displayName": display_name,
        "mail": user_name,
        "manager": manager,
        "accountEnabled": "true",
    }


def _write(path: Path, rows: Sequence[dict[str, str]]) -> Path:
    return write_csv(path, rows, COLUMNS)


def _profile(tenant_url: str, csv_path: Path, *, work_email_from: str = "") -> Profile:
    mappings = default_mapping_set("webex")
    mappings.users.append(
        AttributeMapping(target=MANAGER_VALUE, type=MappingType.DIRECT, source="manager")
    )
    if work_email_from:
        for mapping in mappings.users:
            if mapping.target == WORK_EMAIL:
                mapping.source = work_email_from
    return Profile.model_validate(
        {
            "name": "acme",
            "target": {"tenant_url": tenant_url},
            "source": {"kind": "csv", "csv": {"path": str(csv_path)}},
            "mappings": mappings.model_dump(mode="json"),
        }
    )


def _managers(sandbox: SandboxServer) -> dict[str, str | None]:
    """Each Webex user's manager, by userName (None: no manager)."""
    users = sandbox.users()
    names = {u["id"]: u["userName"] for u in users}
    return {
        u["userName"]: names.get(((u.get(ENTERPRISE) or {}).get("manager") or {}).get("value"))
        for u in users
    }


EXPECTED = {
    "chloe.lefevre@example.com": None,
    "jerome.cote@example.com": "chloe.lefevre@example.com",
    "emily.taylor@example.com": "chloe.lefevre@example.com",
    **{
        f"agent.{n}@example.com": ("jerome.cote", "emily.taylor")[n % 2] + "@example.com"
        for n in range(6)
    },
    "zoe.dupre@example.com": None,
}


async def test_managers_from_a_csv_file_are_sent_as_webex_ids(tmp_path: Path) -> None:
    rows = _rows()
    csv_path = _write(tmp_path / "users.csv", rows)
    async with SandboxServer(SandboxConfig()) as sandbox:
        state = StateStore(tmp_path / "acme.sqlite3")
        profile = _profile(sandbox.tenant_url, csv_path)
        async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as engine:
            plan = await engine.dry_run()
            assert plan.counts()["Create"] == 10
            references = {op.key: op.changes for op in plan if op.reason == "SetReferences"}
            assert references == {
                user: [(MANAGER_VALUE, None, manager)]
                for user, manager in EXPECTED.items()
                if manager
            }
            assert any(
                note.startswith("manager ghost@example.com is not provisioned")
                and "zoe.dupre@example.com" in note
                for note in plan.notes
            ), plan.notes

            events: list[SyncEvent] = []
            engine.add_listener(events.append)
            first = await engine.run_cycle()

            assert first.outcome == "completed", first.reason
            assert _managers(sandbox) == EXPECTED
            assert first.counts["Update"] == {"Success": 8}
            zoe = next(e for e in events if e.user_name == "zoe.dupre@example.com")
            assert (zoe.action, zoe.status) == ("Create", "Success")
            assert "manager ghost@example.com is not provisioned" in zoe.message

            # The same file again: nothing sent, and no user read one by one.
            sandbox.reset_requests()
            again = await engine.run_cycle()
            assert again.by_action() == {"NoChange": 10}, again.counts
            assert writes(sandbox.requests) == [] and len(sandbox.requests) <= 5

            # One manager changes in the file: one update, shown by userName.
            rows[3]["manager"] = "emily.taylor@example.com"  # agent.0 moves to Emily
            _write(csv_path, rows)
            sandbox.reset_requests()
            moved = await engine.run_cycle()
            assert moved.by_action() == {"Update": 1, "NoChange": 9}, moved.counts
            assert len(writes(sandbox.requests)) == 1
            [entry] = state.query_log(cycle_id=moved.cycle_id, action="Update")
            assert (entry.user_name, entry.modified) == (
                "agent.0@example.com",
                [(MANAGER_VALUE, "jerome.cote@example.com", "emily.taylor@example.com")],
            )
            assert _managers(sandbox)["agent.0@example.com"] == "emily.taylor@example.com"

            # The manager's column emptied: the manager is removed.
            rows[3]["manager"] = ""
            _write(csv_path, rows)
            cleared = await engine.run_cycle()
            assert cleared.by_action() == {"Update": 1, "NoChange": 9}, cleared.counts
            assert _managers(sandbox)["agent.0@example.com"] is None

            # agent.1 moves to a lead who joins in the same cycle, agent.3 to someone not in
            # the file: agent.1's own operation leaves the manager alone (no removal first),
            # its reference update sets the new lead; agent.3 keeps the manager it has.
            rows.append(_row("noel.gagne@example.com", "Noël Gagné", "chloe.lefevre@example.com"))
            rows[4]["manager"] = "noel.gagne@example.com"
            rows[6]["manager"] = "nobody@example.com"
            _write(csv_path, rows)
            events.clear()
            joined = await engine.run_cycle()
            assert joined.by_action() == {"Create": 1, "Update": 1, "NoChange": 10}, joined.counts
            [entry] = state.query_log(cycle_id=joined.cycle_id, action="Update")
            assert (entry.user_name, entry.modified) == (
                "agent.1@example.com",
                [(MANAGER_VALUE, "emily.taylor@example.com", "noel.gagne@example.com")],
            )
            managers = _managers(sandbox)
            assert managers["agent.1@example.com"] == "noel.gagne@example.com"
            assert managers["noel.gagne@example.com"] == "chloe.lefevre@example.com"
            assert managers["agent.3@example.com"] == "emily.taylor@example.com"
            assert any(
                e.kind == "note" and e.message.startswith("manager nobody@example.com is not")
                for e in events
            )


async def test_reference_updates_left_in_the_journal_are_resumed(tmp_path: Path) -> None:
    csv_path = _write(tmp_path / "users.csv", _rows())
    async with SandboxServer(SandboxConfig()) as sandbox:
        state = StateStore(tmp_path / "acme.sqlite3")
        profile = _profile(sandbox.tenant_url, csv_path)
        async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as engine:
            plan = await engine.dry_run()
            # A run that died after its creates: every write journaled, the creates done,
            # the reference updates (one of them already in flight) never answered.
            state.start_cycle("died", datetime.now(UTC), "full")
            planned = plan.writes()
            state.journal_add("died", planned)
            creates = [op for op in planned if op.action == "Create"]
            references = [op for op in planned if op.reason == "SetReferences"]
            state.journal_mark([references[0].op_id], "in_flight")
            async with WebexClient(sandbox.tenant_url, sandbox.tokens.full_admin) as client:
                executor = Executor(client, state, cycle_id="died", emit=lambda event: None)
                report = await executor.run(creates)
            assert report.failed == 0
            assert all(manager is None for manager in _managers(sandbox).values())
            assert len(state.journal_pending()) == len(references) == 8

            result = await engine.run_cycle()

            assert result.outcome == "completed", result.reason
            assert _managers(sandbox) == EXPECTED
            assert len(sandbox.users()) == 10
            assert state.journal_pending() == []
            # The resumed updates left the links whole: the next cycle sends and reads nothing.
            sandbox.reset_requests()
            quiet = await engine.run_cycle()
            assert quiet.by_action() == {"NoChange": 10}, quiet.counts
            assert writes(sandbox.requests) == [] and len(sandbox.requests) <= 5


async def test_a_manager_whose_create_failed_is_set_by_the_next_cycle(tmp_path: Path) -> None:
    rows = _rows()
    # Webex refuses a user whose work e-mail is not its userName: Jérôme's create fails.
    rows[1]["mail"] = "j.cote@example.org"
    csv_path = _write(tmp_path / "users.csv", rows)
    async with SandboxServer(SandboxConfig()) as sandbox:
        state = StateStore(tmp_path / "acme.sqlite3")
        profile = _profile(sandbox.tenant_url, csv_path, work_email_from="mail")
        async with SyncEngine(profile, token=sandbox.tokens.full_admin, state=state) as engine:
            events: list[SyncEvent] = []
            engine.add_listener(events.append)
            first = await engine.run_cycle()

            assert first.outcome == "completed_with_failures", first.reason
            failed = [
                e.user_name for e in events if e.kind == "operation" and e.status == "Failure"
            ]
            assert failed == ["jerome.cote@example.com"]
            # His reports are created without a manager; their reference updates are skipped
            # with the reason, not counted as failures (and so is his own, to Chloé: his
            # create failed).
            skipped = {
                e.user_name: e.message
                for e in events
                if e.kind == "operation" and e.action == "Update" and e.status == "Skipped"
            }
            assert sorted(skipped) == [
                "agent.0@example.com",
                "agent.2@example.com",
                "agent.4@example.com",
                "jerome.cote@example.com",
            ]
            assert "own operation failed" in skipped["jerome.cote@example.com"]
            assert all(
                "manager jerome.cote@example.com not on the target"
                in skipped[f"agent.{n}@example.com"]
                for n in (0, 2, 4)
            )
            assert first.counts["Update"] == {"Success": 4, "Skipped": 4}
            managers = _managers(sandbox)
            assert "jerome.cote@example.com" not in managers
            assert managers["agent.0@example.com"] is None
            assert managers["agent.1@example.com"] == "emily.taylor@example.com"

            rows[1]["mail"] = rows[1]["userPrincipalName"]
            _write(csv_path, rows)
            sandbox.reset_requests()
            second = await engine.run_cycle()

            assert second.outcome == "completed", second.reason
            assert _managers(sandbox) == EXPECTED
            # Jérôme created with his manager (Chloé is linked now), then his three reports'
            # managers set (their own operations are NoChange): nothing else is sent.
            assert second.by_action() == {"Create": 1, "Update": 3, "NoChange": 9}, second.counts
            assert len(writes(sandbox.requests)) == 2  # one Bulk request each
