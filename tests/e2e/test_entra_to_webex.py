"""End to end: the Graph sandbox (Entra ID, over TLS) -> the engine -> the Webex sandbox.

The first cycle provisions the users and groups assigned to Cisco Webex; the next one is
incremental (Graph delta queries) and sends only the changes.
"""

from __future__ import annotations

from pathlib import Path

from app.config.profile import Profile
from app.config.secrets import SecretStore
from app.sandbox.graph.server import GraphSandbox, GraphSandboxConfig
from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.engine import SyncEngine
from app.sync.state import StateStore

WRITES = {"POST", "PUT", "PATCH", "DELETE"}


async def test_entra_assignments_provisioned_then_only_the_changes(tmp_path: Path) -> None:
    async with (
        GraphSandbox(GraphSandboxConfig(user_count=120)) as graph,
        SandboxServer(SandboxConfig()) as webex,
    ):
        tenant = graph.tenant
        profile = Profile.model_validate(
            {
                "name": "contoso",
                "target": {"tenant_url": webex.tenant_url},
                "source": {"kind": "entra", "entra": graph.entra_settings()},
                "scope": "assigned",
            }
        )
        SecretStore().set("contoso", "entra-client-secret", graph.client_secret)
        state = StateStore(tmp_path / "contoso.sqlite3")
        # A user disabled in Entra is not created in Webex (there is nothing to deactivate).
        expected = {
            tenant.users[u]["userPrincipalName"]
            for u in tenant.expected_in_scope()
            if tenant.users[u]["accountEnabled"]
        }
        default_only = {
            tenant.users[u]["userPrincipalName"] for u in tenant.expected_default_access_only()
        }

        async with SyncEngine(profile, token=webex.tokens.full_admin, state=state) as engine:
            first = await engine.run_cycle()
            assert (first.outcome, first.mode) == ("completed", "full"), first.reason
            in_webex = {u["userName"] for u in webex.users()}
            assert in_webex == expected
            assert not in_webex & default_only
            assert {g["displayName"] for g in webex.groups()} == {
                "Webex - Ventes / Sales",
                "Webex - Support",
                "Webex - Pilotes",
            }
            webex_app = tenant.application()
            direct = sorted(
                a["principalId"]
                for a in tenant.assignments_to(webex_app["id"])
                if a["principalType"] == "User"
                and not a["appRoleId"].startswith("00000000")
                and tenant.users[a["principalId"]]["accountEnabled"]
            )
            retitled, to_disable, to_unassign = direct[:3]
            tenant.update_user(retitled, jobTitle="Responsable des achats")
            tenant.disable_user(to_disable)
            tenant.unassign(to_unassign)
            newcomer = tenant.add_user("Anaïs", "Thériault", department="Support")
            tenant.assign(newcomer)
            webex.reset_requests()

            second = await engine.run_cycle()

            assert (second.outcome, second.mode) == ("completed", "incremental"), second.reason
            writes = [r for r in webex.requests if r.method in WRITES]
            # One create, one update, two deactivations, in one Bulk request: nothing else.
            assert second.by_action() == {"Create": 1, "Update": 1, "Disable": 2}, second.counts
            assert len(writes) == 1, writes
            by_name = {u["userName"]: u for u in webex.users()}
            assert (
                by_name[tenant.users[retitled]["userPrincipalName"]]["title"]
                == "Responsable des achats"
            )
            assert by_name[tenant.users[to_disable]["userPrincipalName"]]["active"] is False
            assert by_name[tenant.users[to_unassign]["userPrincipalName"]]["active"] is False
            assert by_name[tenant.users[newcomer]["userPrincipalName"]]["active"] is True
