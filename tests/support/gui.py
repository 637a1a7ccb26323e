"""Walking the wizard and filling a profile's history, for the GUI tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from app.config.profile import CsvSettings, Profile, SourceSettings, Target
from app.config.store import ProfileStore
from app.paths import state_file
from app.sandbox.server import SandboxServer
from app.sync.events import CycleResult, Status, SyncEvent
from app.sync.state import StateStore
from app.sync.state.records import Link
from app.ui.wizard import SetupWizard
from app.ui.wizard_draft import WizardDefaults

SAMPLE_CSV = Path(__file__).resolve().parents[2] / "resources" / "sample" / "users.csv"
TENANT = "https://webexapis.com/identity/scim/96abc2aa-3dcc-11e5-a152-fe34819cdc9a/v2/"
NOW = datetime.now(UTC).replace(second=0, microsecond=0)
NAMES = [
    "zoe.dupre",
    "jerome.lefevre",
    "anais.cote",
    "francois.garcon",
    "helene.belanger",
    "oliver.smith",
    "emily.brown",
    "noah.taylor",
]


def click_next(qtbot: QtBot, wizard: SetupWizard, *, timeout: int = 20_000) -> None:
    """Wait until the page is complete, press Next (or Start sync), wait for the next page."""
    page = wizard.currentPage()
    qtbot.waitUntil(page.isComplete, timeout=timeout)
    button = wizard.button(
        wizard.WizardButton.CommitButton if page.isCommitPage() else wizard.WizardButton.NextButton
    )
    assert button.isEnabled()
    button.click()
    qtbot.waitUntil(lambda: wizard.currentPage() is not page, timeout=timeout)


def walk_to(qtbot: QtBot, wizard: SetupWizard, name: str) -> Any:
    """Press Next with what is filled in until the page `name` shows; return that page."""
    while wizard.current_name() != name:
        click_next(qtbot, wizard)
    return wizard.currentPage()


def settings_defaults(sandbox: SandboxServer) -> WizardDefaults:
    profile = Profile(
        name="acme",
        target=Target(tenant_url=sandbox.tenant_url),
        source=SourceSettings(kind="csv", csv=CsvSettings(path=SAMPLE_CSV)),
    )
    return WizardDefaults(
        profile=profile, stored_secrets={"webex-token": sandbox.tokens.full_admin}
    )


def history() -> None:
    """Two weeks of cycles of a 1,200-user directory, the last one held by the threshold."""
    profile = Profile.model_validate(
        {
            "name": "acme",
            "target": {"tenant_url": TENANT},
            "source": {"kind": "csv", "csv": {"path": "/srv/exports/acme-users.csv"}},
            "provisioning_enabled": True,
        }
    )
    ProfileStore().save(profile)
    with StateStore(state_file("acme")) as state:
        for n in range(14):
            # The last one ten minutes ago: the next is due in half an hour, not during the test.
            started = NOW - timedelta(minutes=40 * (13 - n) + 10)
            creates = 1200 if n == 0 else (n * 7) % 11
            updates = 0 if n == 0 else (n * 5) % 9 + 1
            failed = 2 if n in (4, 9) else 0
            counts = {
                "Create": {"Success": creates},
                "Update": {"Success": updates, **({"Failure": failed} if failed else {})},
                "NoChange": {"Success": 0 if n == 0 else 1180},
            }
            outcome = "completed_with_failures" if failed else "completed"
            reason = f"{failed} operations failed." if failed else ""
            if n == 13:
                counts = {"Update": {"Success": 3}, "Disable": {"Skipped": 310}}
                outcome = "held"
                reason = (
                    "This cycle would disable or delete 310 users, more than the threshold of "
                    "250; no user was disabled or deleted."
                )
            state.finish_cycle(
                CycleResult(
                    cycle_id=f"c{n:02d}",
                    started=started,
                    finished=started + timedelta(seconds=25 if n else 190),
                    outcome=outcome,  # type: ignore[arg-type]
                    counts=counts,
                    reason=reason,
                    mode="full" if n == 0 else "incremental",
                )
            )
        events = []
        for n, login in enumerate(NAMES):
            failure = n == 2
            events.append(
                SyncEvent(
                    kind="operation",
                    cycle_id="c13",
                    time=NOW - timedelta(minutes=1, seconds=50 - n),
                    action="Update" if n % 3 else "Disable",
                    status=Status.FAILURE if failure else Status.SKIPPED if n % 3 == 0 else Status.SUCCESS,
                    user_name=f"{login}@example.com",
                    source_id=f"{login}@example.com",
                    modified=(("title", "Engineer", "Lead engineer"),) if n % 3 else (),
                    message="userName already exists in another organisation" if failure else "",
                    error_code="uniqueness" if failure else "",
                )
            )  # fmt: skip
        state.add_events(events)
        state.save_links(
            Link("User", f"user{n}", f"id{n}", f"user{n}@example.com") for n in range(1204)
        )
