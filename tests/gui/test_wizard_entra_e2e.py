"""A newcomer's first run with Microsoft Entra ID: `--sandbox`, the Entra source, Next on
every page, then a real sync from the Graph sandbox into the Webex sandbox, and the saved
profile's next cycle (incremental: Graph's delta links). The Graph sandbox checks every
$select against Microsoft's metadata, so the default profile's reads are Graph's own.

The sandboxes are started as `webex-provisioner --sandbox` starts them (start_sandboxes);
the test only keeps a hand on the two servers to look at what they hold.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from app.config.secrets import SecretStore
from app.config.store import ProfileStore
from app.sandbox.graph.server import GraphSandbox
from app.sandbox.server import SandboxServer
from app.sync.events import Status
from app.ui.bridge import EngineBridge
from app.ui.sandbox_session import start_sandboxes
from app.ui.wizard_draft import WizardDefaults
from tests.support.gui import click_next


@dataclass
class SandboxSession:
    defaults: WizardDefaults
    webex: SandboxServer
    graph: GraphSandbox


@pytest.fixture
def session(monkeypatch: pytest.MonkeyPatch) -> Iterator[SandboxSession]:
    started: dict[str, Any] = {}

    def keep(name: str, real: Any) -> Any:
        @contextlib.contextmanager
        def in_thread(config: Any = None) -> Iterator[Any]:
            with real(config) as server:
                started[name] = server
                yield server

        return in_thread

    monkeypatch.setattr(SandboxServer, "in_thread", keep("webex", SandboxServer.in_thread))
    monkeypatch.setattr(GraphSandbox, "in_thread", keep("graph", GraphSandbox.in_thread))
    with contextlib.ExitStack() as stack:
        defaults = start_sandboxes(stack)
        yield SandboxSession(defaults, started["webex"], started["graph"])


def open_connections_to(port: int) -> int:
    """Established TCP connections of this machine towards 127.0.0.1:port (Linux)."""
    count = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        remote, state = fields[2], fields[3]
        if state == "01" and int(remote.split(":")[1], 16) == port:
            count += 1
    return count


def _events(activity: Any) -> list[Any]:
    model = activity.model
    return [model.event_at(row) for row in range(model.rowCount())]


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/net/tcp")
def test_next_on_every_page_with_entra_id_provisions_the_assigned_users(
    make_wizard: Any, session: SandboxSession, qtbot: QtBot, bridge: EngineBridge
) -> None:
    webex, graph = session.webex, session.graph
    tenant = graph.tenant
    expected = tenant.expected_user_names()
    default_access = {
        tenant.users[u]["userPrincipalName"].lower() for u in tenant.expected_default_access_only()
    }
    assert expected and default_access
    already_there = {u["userName"].lower() for u in webex.users()}

    wizard = make_wizard(session.defaults)
    click_next(qtbot, wizard)  # page-welcome
    assert wizard.current_name() == "page-source"
    source = wizard.currentPage()
    qtbot.mouseClick(source.source_entra, Qt.MouseButton.LeftButton)
    assert source.source_entra.isChecked()
    # --sandbox filled the Entra ID fields in from the Graph sandbox.
    assert source.entra_tenant.text() == graph.tenant_id
    assert source.entra_client.text() == graph.client_id
    assert source.entra_secret.text() == graph.client_secret
    assert source.entra_app.text() == "Cisco Webex"

    seen = ["page-welcome"]
    while wizard.current_name() != "page-run":
        seen.append(wizard.current_name())
        click_next(qtbot, wizard, timeout=60_000)
    assert seen == list(wizard.PAGE_IDS[:-1])
    assert wizard.draft.source is not None and wizard.draft.source.kind == "entra"
    assert wizard.draft.scope == "assigned"
    assert ProfileStore().list() == []  # nothing saved while the sync runs

    activity = wizard.currentPage().activity
    qtbot.waitUntil(lambda: activity.finished, timeout=120_000)
    result = activity.result
    assert result is not None and result.outcome == "completed", activity.summary.text()

    on_webex = {u["userName"].lower() for u in webex.users()}
    assert on_webex - already_there == expected
    assert not on_webex & default_access
    events = _events(activity)
    created = {e.user_name.lower() for e in events if e.action == "Create"}
    assert expected <= created
    succeeded = sum(1 for e in events if e.status == Status.SUCCESS)
    assert activity.counters[Status.SUCCESS.value].text().endswith(str(succeeded))
    assert activity.progress.value() == activity.progress.maximum() == len(expected)

    # Every connection the wizard opened to Microsoft Entra ID (sign-in and Graph) is
    # closed once its work is done: nothing stays open until the window is closed.
    def nothing_left_open() -> None:
        left = open_connections_to(graph.port)
        assert left == 0, (
            f"{left} connections to Microsoft Entra ID are still open after the sync: "
            "the wizard's dry run and sync never close the Entra source they open"
        )

    qtbot.waitUntil(nothing_left_open, timeout=10_000)

    finish = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(finish.isEnabled, timeout=5_000)
    finish.click()
    qtbot.waitUntil(lambda: ProfileStore().list() == ["sandbox"], timeout=10_000)
    profile = ProfileStore().load("sandbox")
    assert profile.source.kind == "entra" and profile.source.entra is not None
    assert profile.source.entra.tenant_id == graph.tenant_id
    assert SecretStore().get("sandbox", "entra-client-secret") == graph.client_secret
    saved = ProfileStore().path_for("sandbox").read_text(encoding="utf-8")
    assert graph.client_secret not in saved
    # The wizard's profile maps groups (the defaults): its user reads name user properties
    # only, and Graph refused none of them.
    assert any(m.source == "members" for m in profile.mappings.groups)
    assert [r for r in graph.graph_calls() if r.status >= 400] == []

    # The saved profile's next cycles (what the dashboard or the scheduler runs) follow
    # Graph's delta links: the wizard's run followed its dry run's plan, which carries the
    # read's change token; each sends only the user retitled before it.
    in_scope = sorted(
        tenant.expected_in_scope() & {u["id"] for u in tenant.live_users() if u["accountEnabled"]}
    )
    token = SecretStore().get("sandbox", "webex-token") or ""
    for cycle, (retitled, mode) in enumerate(
        ((in_scope[0], "incremental"), (in_scope[1], "incremental")), start=2
    ):
        tenant.update_user(retitled, jobTitle=f"Responsable des achats {cycle}")
        webex.reset_requests()
        graph.reset_requests()
        run = bridge.start_sync(profile, token, SecretStore())
        with qtbot.waitSignal(run.finished, timeout=120_000):
            pass
        result = run.result
        assert result is not None, run.error
        assert (result.outcome, result.mode) == ("completed", mode), (cycle, result.reason)
        written = [r for r in webex.requests if r.method in {"POST", "PUT", "PATCH", "DELETE"}]
        assert len(written) == 1, (cycle, [(r.method, r.path) for r in written])
        assert [r for r in graph.graph_calls() if r.status >= 400] == []
    assert any("deltatoken" in r.query for r in graph.graph_calls())
