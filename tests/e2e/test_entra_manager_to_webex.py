"""End to end: Entra's manager (Graph sandbox, over TLS) -> the engine -> the Webex sandbox's
enterprise manager.value, which must hold the manager's *Webex* id.

The first cycle creates every user, then sets the managers created in that same cycle;
managers that are not provisioned are left alone with a note. Later cycles send one write
for a changed manager, one for a cleared one, and nothing when nothing changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.config.defaults import default_mapping_set
from app.config.profile import Profile
from app.config.rules import AttributeMapping, MappingType
from app.config.secrets import SecretStore
from app.sandbox.graph.server import GraphSandbox, GraphSandboxConfig
from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.engine import SyncEngine
from app.sync.events import SyncEvent
from app.sync.state import StateStore

WRITES = {"POST", "PUT", "PATCH", "DELETE"}
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
MANAGER_VALUE = f"{ENTERPRISE}:manager.value"


def _profile(graph: GraphSandbox, webex: SandboxServer) -> Profile:
    mappings = default_mapping_set("webex")
    mappings.users.append(
        AttributeMapping(target=MANAGER_VALUE, type=MappingType.DIRECT, source="manager")
    )
    return Profile.model_validate(
        {
            "name": "contoso",
            "target": {"tenant_url": webex.tenant_url},
            "source": {"kind": "entra", "entra": graph.entra_settings()},
            "scope": "assigned",
            "mappings": mappings.model_dump(mode="json"),
        }
    )


def _manager_value(user: dict[str, Any]) -> str | None:
    return ((user.get(ENTERPRISE) or {}).get("manager") or {}).get("value")


def _webex_by_upn(webex: SandboxServer) -> dict[str, dict[str, Any]]:
    return {u["userName"]: u for u in webex.users()}


async def test_managers_are_sent_as_webex_ids_then_only_their_changes(tmp_path: Path) -> None:
    async with (
        GraphSandbox(GraphSandboxConfig(user_count=150)) as graph,
        SandboxServer(SandboxConfig()) as webex,
    ):
        tenant = graph.tenant
        upn = {uid: u["userPrincipalName"] for uid, u in tenant.users.items()}
        SecretStore().set("contoso", "entra-client-secret", graph.client_secret)
        state = StateStore(tmp_path / "contoso.sqlite3")
        provisioned = {u for u in tenant.expected_in_scope() if tenant.users[u]["accountEnabled"]}
        has_provisioned_manager = {u for u in provisioned if tenant.manager_of(u) in provisioned}
        not_provisioned_manager = {
            u for u in provisioned if tenant.manager_of(u) and u not in has_provisioned_manager
        }
        # The sample gives both kinds: managers in the same cycle, managers left out.
        assert len(has_provisioned_manager) >= 10 and not_provisioned_manager

        async with SyncEngine(
            _profile(graph, webex), token=webex.tokens.full_admin, state=state
        ) as engine:
            events: list[SyncEvent] = []
            engine.add_listener(events.append)

            # The dry run shows each manager by its userName, never by an opaque id.
            plan = await engine.dry_run()
            reference_updates = [op for op in plan if op.reason == "SetReferences"]
            assert {op.source_id for op in reference_updates} == has_provisioned_manager
            for op in reference_updates:
                assert op.changes == [(MANAGER_VALUE, None, upn[tenant.manager_of(op.source_id)])]
            text = plan.render_text(limit=10_000)
            some = sorted(has_provisioned_manager)[0]
            assert f'{MANAGER_VALUE}: (empty) -> "{upn[tenant.manager_of(some)]}"' in text
            left_out = sorted(not_provisioned_manager)[0]
            left_out_manager = tenant.manager_of(left_out) or ""
            assert any(
                note.startswith(f"manager {upn[left_out_manager]} is not provisioned")
                for note in plan.notes
            ), plan.notes
            assert not [r for r in webex.requests if r.method in WRITES]

            first = await engine.run_cycle()

            assert (first.outcome, first.mode) == ("completed", "full"), first.reason
            done = [e for e in events if e.kind == "operation" and e.object_type == "User"]
            assert {e.source_id for e in done if e.action == "Create"} == provisioned
            # Then one reference update each for the users whose manager was just created.
            updates = [e for e in done if e.action == "Update"]
            assert {e.source_id for e in updates} == has_provisioned_manager
            assert len(updates) == len(has_provisioned_manager)
            assert first.counts["Update"] == {"Success": len(has_provisioned_manager)}
            held = _webex_by_upn(webex)
            webex_id = {uid: held[upn[uid]]["id"] for uid in provisioned}
            for uid in provisioned:
                manager = tenant.manager_of(uid)
                expected = webex_id[manager] if manager in provisioned else None
                assert _manager_value(held[upn[uid]]) == expected, upn[uid]
            # A manager out of scope is a note, never a failure.
            assert not any(e.status == "Failure" for e in events if e.kind == "operation")
            assert any(
                e.kind == "note"
                and f"manager {upn[left_out_manager]} is not provisioned" in e.message
                for e in events
            )

            # One manager changes (to another provisioned user): one write, that user only.
            moved = sorted(has_provisioned_manager)[1]
            new_boss = next(
                u for u in sorted(provisioned) if u not in (moved, tenant.manager_of(moved))
            )
            old_boss = tenant.manager_of(moved) or ""
            tenant.set_manager(moved, new_boss)
            webex.reset_requests()
            second = await engine.run_cycle()
            assert (second.outcome, second.mode) == ("completed", "incremental"), second.reason
            assert second.by_action() == {"Update": 1}, second.counts
            assert len([r for r in webex.requests if r.method in WRITES]) == 1
            changed = state.query_log(cycle_id=second.cycle_id, action="Update")
            # The log shows the managers by their userNames, old -> new.
            assert [(e.user_name, e.modified) for e in changed] == [
                (upn[moved], [(MANAGER_VALUE, upn[old_boss], upn[new_boss])])
            ]
            held = _webex_by_upn(webex)
            assert _manager_value(held[upn[moved]]) == webex_id[new_boss]

            # A cleared manager: one write that removes it.
            cleared = sorted(has_provisioned_manager)[2]
            tenant.set_manager(cleared, None)
            webex.reset_requests()
            third = await engine.run_cycle()
            assert third.by_action() == {"Update": 1}, third.counts
            assert len([r for r in webex.requests if r.method in WRITES]) == 1
            assert _manager_value(_webex_by_upn(webex)[upn[cleared]]) is None

            # Nothing changed: nothing sent, neither by a delta cycle nor by a full one.
            webex.reset_requests()
            quiet = await engine.run_cycle()
            assert quiet.outcome == "completed" and not quiet.by_action().get("Update")
            state.clear_watermarks()
            full = await engine.run_cycle()
            assert (full.outcome, full.mode) == ("completed", "full"), full.reason
            assert set(full.by_action()) <= {"NoChange", "Skip"}, full.counts
            assert not [r for r in webex.requests if r.method in WRITES]
            # Not even a read per user: the links hold the hashes the reference updates left.
            assert len(webex.requests) <= 5, [r.path for r in webex.requests]
