"""The screenshots script (scripts/screenshots.py) and what its pictures show.

The script runs the program on the sandbox and takes every view; here it runs in French,
into a temporary folder, and the test looks at the pictures as an admin would: every view
is there and not blank, no text is cut short, no interface string is left in English, and
no English sentence shows anywhere: the pages, the dashboard, the logs, provisioning on
demand, the mapping editor's error and the error dialog (tests/gui/english.py).
The dashboard is also checked over two weeks of recorded cycles, in both languages.
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.dashboard.bridge import DashboardBridge
from app.ui.dashboard.window import DashboardWindow
from app.ui.i18n import install_translators, remove_translators
from app.ui.resources import translations_dir
from app.ui.tray import TrayController
from tests.gui.english import english_lines
from tests.support.gui import NAMES, history

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "screenshots.py"
VIEWS = [
    "page-welcome",
    "page-source",
    "page-credentials",
    "page-notifications",
    "page-mappings",
    "mapping-editor",
    "mappings-800x600",
    "page-scoping",
    "page-scope",
    "page-review",
    "page-run",
    "dashboard",
    "logs",
    "on-demand",
    "about",
    "error-dialog",
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


def screenshots_script() -> ModuleType:
    name = "webex_provisioner_screenshots"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def english_strings_with_french() -> set[str]:
    """The interface's English strings whose French differs (a plain label, no placeholder)."""
    root = ET.parse(translations_dir() / "webex_provisioner_fr.ts").getroot()  # noqa: S314
    found = set()
    for message in root.iter("message"):
        source = (message.findtext("source") or "").replace("&", "")
        french = (message.findtext("translation") or "").replace("&", "")
        if len(source) > 3 and "{" not in source and "<" not in source and source != french:
            found.add(source)
    return found


def not_blank(image: QImage) -> bool:
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }
    return len(colours) > 20


def test_the_script_takes_every_view_in_french(
    qapp: QApplication, qloop: asyncio.AbstractEventLoop, qtbot: QtBot, tmp_path: Path
) -> None:
    script = screenshots_script()
    task: asyncio.Task[Any] = qloop.tasks.start(  # type: ignore[attr-defined]
        script.shoot_language(qapp, "fr", tmp_path)
    )
    qtbot.waitUntil(task.done, timeout=150_000)
    shots = task.result()

    assert [shot.path.name for shot in shots] == [
        f"{number:02d}-{view}.png" for number, view in enumerate(VIEWS, start=1)
    ]
    for shot in shots:
        image = QImage(str(shot.path))
        small = shot.path.name.endswith(
            "error-dialog.png"
        )  # a message box, as small as Qt makes it
        assert image.width() > (300 if small else 500), shot.path.name
        assert image.height() > (100 if small else 250), shot.path.name
        assert not_blank(image), shot.path.name
    assert {shot.path.name: shot.clipped for shot in shots if shot.clipped} == {}
    english = english_strings_with_french()
    left_in_english = {shot.path.name: sorted(set(shot.texts) & english) for shot in shots}
    assert {name: texts for name, texts in left_in_english.items() if texts} == {}
    sentences = {shot.path.name: sorted(set(english_lines(shot.texts))) for shot in shots}
    assert {name: lines for name, lines in sentences.items() if lines} == {}
    by_view = {view: shot for view, shot in zip(VIEWS, shots, strict=True)}
    error = by_view["error-dialog"].texts
    assert any(text.startswith("Erreur") for text in error), error
    dashboard = by_view["dashboard"].texts
    assert "Retenu : les retraits attendent votre décision" in dashboard
    assert any("Retenu par le seuil de suppression accidentelle" in text for text in dashboard)
    assert "Synchroniser maintenant" in dashboard
    assert "Bienvenue" in by_view["page-welcome"].texts


def test_the_dashboard_over_two_weeks_of_cycles(
    language: str, qtbot: QtBot, qloop: asyncio.AbstractEventLoop
) -> None:
    history()
    bridge = DashboardBridge(qloop.tasks)  # type: ignore[attr-defined]
    tray = TrayController(available=False)
    window = DashboardWindow(bridge, tray=tray)
    qtbot.addWidget(window)
    window.resize(1000, 760)  # narrow enough that the held cycle's reason takes many lines
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
        assert window.last_counts_label.text() == (
            "Mise à jour 3, Désactivation 310 (non faites : 310)"
        )
        assert "Code d’erreur : uniqueness" in window.logs.detail.toPlainText()
        assert window.logs.model.headerData(3, Qt.Orientation.Horizontal) == "Utilisateur ou groupe"
        assert "(toutes les 40 minutes)" in window.next_cycle_label.text()
    else:
        assert window.sync_button.text() == "&Sync now"
        assert window.problem.text().startswith("Held: This cycle would disable or delete 310")
        assert window.last_counts_label.text() == "Update 3, Disable 310 (310 not done)"
        assert "(every 40 minutes)" in window.next_cycle_label.text()
    assert window.allow_deletes_button.isVisible()
    assert tray.state.value == "held"  # from the state file, before this window ran a cycle
    # The whole reason of the held cycle shows: the overview is as tall as its texts need.
    qtbot.waitUntil(
        lambda: (
            window.upper.height() >= window.upper.layout().totalHeightForWidth(window.upper.width())
        ),
        timeout=2_000,
    )
    assert window.problem.visibleRegion().boundingRect().height() == window.problem.height()
    assert not_blank(window.grab().toImage())
