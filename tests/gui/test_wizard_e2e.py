"""A newcomer's first run: Next on every page of the wizard on the sandbox, then a real sync."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QPushButton, QWizard
from pytestqt.qtbot import QtBot

from app.config.secrets import SecretStore
from app.config.store import ProfileStore
from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.events import Status
from app.ui.wizard_draft import WizardDefaults
from tests.support.gui import SAMPLE_CSV, click_next


def _sample_user_names() -> set[str]:
    lines = SAMPLE_CSV.read_text(encoding="utf-8").splitlines()[1:]
    return {line.split(",")[0].lower() for line in lines if line.strip()}


def test_next_on_every_page_leads_to_a_real_sync(
    make_wizard, sandbox: SandboxServer, sandbox_defaults: WizardDefaults, qtbot: QtBot
) -> None:
    wizard = make_wizard(sandbox_defaults)
    seen = []
    while wizard.current_name() != "page-run":
        seen.append(wizard.current_name())
        click_next(qtbot, wizard, timeout=30_000)
    assert seen == list(wizard.PAGE_IDS[:-1])
    assert ProfileStore().list() == []  # still nothing saved while the sync runs

    page = wizard.currentPage()
    activity = page.activity
    qtbot.waitUntil(lambda: activity.finished, timeout=60_000)
    result = activity.result
    assert result is not None and result.outcome == "completed", activity.summary.text()
    assert activity.summary.kind == "ok"

    on_webex = {user["userName"].lower() for user in sandbox.users()}
    expected = _sample_user_names()
    # Every valid row of the sample file is now a Webex user (the sample has one row the
    # engine skips on purpose; it is counted below).
    created = {e.user_name.lower() for e in _events(activity) if e.action == "Create"}
    assert created and created <= on_webex
    assert created <= expected
    progress = activity.progress
    assert progress.objectName() == "syncProgress"
    assert progress.maximum() == len(created) and progress.value() == len(created)
    assert activity.counters[Status.SUCCESS.value].text().endswith(str(len(created)))

    # The activity table filters by status and by text.
    status_filter = wizard.findChild(QComboBox, "activityStatusFilter")
    status_filter.setCurrentIndex(status_filter.findData(Status.SUCCESS.value))
    assert activity.proxy.rowCount() == len(created)
    one = sorted(created)[0]
    activity.filter_text.setText(one)
    assert activity.proxy.rowCount() == 1
    activity.table.selectRow(0)
    assert one in activity.detail.toPlainText().lower()

    finish = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(finish.isEnabled, timeout=5_000)
    finish.click()
    qtbot.waitUntil(lambda: ProfileStore().list() == ["sandbox"], timeout=10_000)
    profile = ProfileStore().load("sandbox")
    assert profile.target.tenant_url == sandbox.tenant_url
    assert SecretStore().get("sandbox", "webex-token") == sandbox.tokens.full_admin
    saved = ProfileStore().path_for("sandbox").read_text(encoding="utf-8")
    assert sandbox.tokens.full_admin not in saved


def _events(activity):
    model = activity.model
    return [model.event_at(row) for row in range(model.rowCount())]


def test_cancel_stops_the_sync_and_pause_holds_it(
    make_wizard, qtbot: QtBot, tmp_path: Path
) -> None:
    many = tmp_path / "many.csv"
    rows = [
        f"user{n:04d}@example.com,Given{n},Family{n},User {n},user{n:04d}@example.com,true"
        for n in range(1500)
    ]
    many.write_text(
        "userPrincipalName,givenName,surname,displayName,mail,accountEnabled\n"
        + "\n".join(rows)
        + "\n",
        encoding="utf-8",
    )
    # A tenant of its own, slow enough to press Pause and Cancel in the middle.
    with SandboxServer.in_thread(SandboxConfig(latency_ms=300)) as slow:
        wizard = make_wizard(
            WizardDefaults(
                profile_name="slow",
                tenant_url=slow.tenant_url,
                token=slow.tokens.full_admin,
                csv_path=many,
            )
        )
        while wizard.current_name() != "page-run":
            click_next(qtbot, wizard, timeout=60_000)
        activity = wizard.currentPage().activity
        qtbot.waitUntil(lambda: activity.done >= 1, timeout=30_000)
        activity.pause_button.click()
        assert activity.pause_button.text().replace("&", "") == "Resume"
        assert activity.rate.text() == "Paused."
        activity.pause_button.click()
        activity.cancel_button.click()  # asks first (a dialog opened with open())
        qtbot.waitUntil(lambda: activity.confirm_box is not None, timeout=5_000)
        box = activity.confirm_box
        assert box is not None and box.objectName() == "cancelSyncConfirm"
        yes = box.findChild(QPushButton, "cancelSyncYes")
        assert yes is not None
        yes.click()
        qtbot.waitUntil(lambda: activity.finished, timeout=60_000)
        assert activity.result is not None
        assert activity.result.outcome == "cancelled"
        assert activity.done < activity.total
        assert len(slow.users()) < activity.total
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        assert finish.isEnabled()  # a cancelled first sync can still be saved
