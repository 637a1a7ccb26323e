"""The same 1,000-row CSV into the Webex tenant and into the generic SCIM 2.0 app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.config.profile import Profile
from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.engine import SyncEngine
from app.sync.state import StateStore
from tests.support.sync import make_profile, make_rows, write_csv

COMPARED = ("userName", "name", "displayName", "title", "emails", "active", "externalId")


def essentials(user: dict[str, Any]) -> dict[str, Any]:
    return {key: user.get(key) for key in COMPARED}


async def test_the_same_csv_into_the_generic_scim_app_ends_with_the_same_users(
    tmp_path: Path,
) -> None:
    rows = make_rows(1000)
    rows[3]["accountEnabled"] = "false"
    csv_path = write_csv(tmp_path / "users.csv", rows)
    async with SandboxServer(SandboxConfig()) as sandbox:
        webex = make_profile(sandbox.tenant_url, csv_path)
        generic = Profile.model_validate(
            {
                "name": "generic",
                "target": {"tenant_url": sandbox.scim_app_url},
                "source": {"kind": "csv", "csv": {"path": str(csv_path)}},
            }
        )
        assert generic.target.kind == "scim"
        for profile, token in (
            (webex, sandbox.tokens.full_admin),
            (generic, sandbox.tokens.scim_app),
        ):
            state = StateStore(tmp_path / f"{profile.name}.sqlite3")
            async with SyncEngine(profile, token=token, state=state) as engine:
                result = await engine.run_cycle()
                assert result.outcome == "completed", result.reason
                assert result.counts["Create"] == {"Success": 999}
                assert result.counts["Skip"] == {"Skipped": 1}  # disabled, never provisioned

        on_webex = {u["userName"]: essentials(u) for u in sandbox.users()}
        on_generic = {u["userName"]: essentials(u) for u in sandbox.scim_app_users()}
        assert len(on_webex) == 999
        assert on_generic == on_webex
        # Webex-only: userType, sent on create; the generic app's mapping has none.
        assert all(u.get("userType") == "user" for u in sandbox.users())
        assert all("userType" not in u for u in sandbox.scim_app_users())
