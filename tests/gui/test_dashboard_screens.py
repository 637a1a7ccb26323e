"""Screenshots of the dashboard and the About dialog, in English and French.

Each test checks what an admin would see in the picture's language; with
WEBEX_PROVISIONER_SCREENSHOTS=1 the pictures are also written to docs/screenshots/.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.config.profile import Profile
from app.config.store import ProfileStore
from app.paths import state_file
from app.sync.events import CycleResult, Status, SyncEvent
from app.sync.state import StateStore
from app.ui.about import AboutDialog
from app.ui.dashboard import DashboardBridge, DashboardWindow
from app.ui.i18n import install_translators, remove_translators
from app.ui.tray import TrayController

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
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


@pytest.fixture(params=["en", "fr"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    previous = QLocale()
    translators = install_translators(qapp, request.param)
    try:
        yield str(request.param)
    finally:
        remove_translators(qapp, translators)
        QLocale.setDefault(previous)


def save(widget: QWidget, name: str, folder: Path) -> Path:
    path = folder / name
    image = widget.grab().toImage()
    assert image.width() > 600 and image.height() > 400
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}  # fmt: skip
    assert len(colours) > 20  # a real picture, not a blank window
    assert image.save(str(path))
    if os.environ.get("WEBEX_PROVISIONER_SCREENSHOTS"):
        DOCS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOCS / name)
    return path


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
        from app.sync.state import Link

        state.save_links(
            Link("User", f"user{n}", f"id{n}", f"user{n}@example.com") for n in range(1204)
        )


def test_dashboard_screenshot(
    language: str,
    qtbot: QtBot,
    qloop: asyncio.AbstractEventLoop,
    tmp_path: Path,
) -> None:
    history()
    bridge = DashboardBridge(qloop.tasks)  # type: ignore[attr-defined]
    tray = TrayController(available=False)
    window = DashboardWindow(bridge, tray=tray)
    qtbot.addWidget(window)
    window.resize(1180, 860)
    window.show()
    with qtbot.waitSignal(window.snapshotShown, timeout=5_000):
        window.reload()
    qtbot.waitUntil(lambda: window.logs.model.rowCount() == len(NAMES), timeout=5_000)
    qtbot.waitUntil(lambda: window.runtimes["acme"].scheduler.started, timeout=5_000)
    window.logs.table.selectRow(5)
    assert "userName already exists" in window.logs.detail.toPlainText()
    if language == "fr":
        assert window.sync_button.text() == "&Synchroniser maintenant"
        assert window.problem.text().startswith("Retenu : This cycle would disable")
        assert "Retenu par le seuil de suppression accidentelle" in window.last_cycle_label.text()
        assert window.state_label.text() == "Retenu : les retraits attendent votre décision"
        assert window.logs.model.headerData(3, Qt.Orientation.Horizontal) != "User or group"
        window.logs.table.selectRow(5)
        assert "Code d’erreur : uniqueness" in window.logs.detail.toPlainText()
        assert window.logs.model.headerData(3, Qt.Orientation.Horizontal) == "Utilisateur ou groupe"
    else:
        assert window.sync_button.text() == "&Sync now"
        assert window.problem.text().startswith("Held: This cycle would disable or delete 310")
    assert window.allow_deletes_button.isVisible()
    assert tray.state.value == "held"  # from the state file, before this window ran a cycle
    assert "(every 40 minutes)" in window.next_cycle_label.text() or language == "fr"
    save(window, f"dashboard-{language}.png", tmp_path)


def test_about_screenshot(language: str, qtbot: QtBot, tmp_path: Path) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.resize(1000, 660)
    dialog.show()
    if language == "fr":
        assert dialog.windowTitle() == "À propos de Webex Provisioner"
    else:
        assert dialog.windowTitle() == "About Webex Provisioner"
    save(dialog, f"about-{language}.png", tmp_path)
