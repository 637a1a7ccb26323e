#!/usr/bin/env python3
"""Screenshots of the program in English and French, taken from the running program on the
sandbox: every wizard page, the mapping editor, the dashboard, the provisioning logs,
provisioning on demand, the About dialog and the error dialog.

    python scripts/screenshots.py [--out docs/screenshots] [--lang en --lang fr]

Runs the program offscreen on the built-in sandbox (nothing leaves this computer), walks
the wizard with its defaults as a newcomer would (with a deletion threshold of five
users), then runs three more cycles from the dashboard (a change, nothing, then a source
that lost seven rows, which the threshold holds) and saves one PNG per view: docs/screenshots/<lang>/<nn>-<view>.png.
Config, state, logs and the CSV source go to a temporary folder; secrets to a keyring in
memory.

Every picture is also checked as an admin would look at it: texts cut short (a button or
an unwrapped label narrower than its text) are listed, and the run fails on them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

WINDOW_SIZE = (1040, 780)
DROPPED = 7  # rows removed from the source for the held cycle (six linked users)
DASHBOARD_SIZE = (1180, 860)


@dataclass
class Shot:
    """One picture, with the texts it shows (for the language checks) and those cut short."""

    path: Path
    texts: list[str] = field(default_factory=list)
    clipped: list[str] = field(default_factory=list)


async def wait_for(condition: Callable[[], bool], limit: float = 60.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    while not condition():
        if loop.time() > deadline:
            raise TimeoutError("the program did not get there in time")
        await asyncio.sleep(0.05)


async def settle() -> None:
    """Let timers (debounces, batches, repaint) fire before a picture is taken."""
    await asyncio.sleep(0.6)


def shown_texts(root: Any) -> tuple[list[str], list[str]]:
    """(every text the widget shows, the texts that do not fit their widget)."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTabBar,
        QWidget,
    )

    texts: list[str] = []
    clipped: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible() or widget.width() <= 1:
            continue
        text = ""
        if isinstance(widget, QAbstractButton):
            text = widget.text().replace("&", "")
            if text and widget.sizeHint().width() > widget.width() + 1:
                clipped.append(text)
        elif isinstance(widget, QLabel):
            text = widget.text()
            unwrapped = text and not widget.wordWrap() and widget.pixmap().isNull()
            if unwrapped and widget.minimumSizeHint().width() > widget.width() + 1:
                clipped.append(text)
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        elif isinstance(widget, QComboBox):
            text = widget.currentText()
        elif isinstance(widget, QLineEdit):
            text = widget.text() or widget.placeholderText()
        elif isinstance(widget, QPlainTextEdit):
            text = widget.toPlainText() or widget.placeholderText()
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model keeps columnCount private: one column
                columns = 1
            for column in range(columns):
                header = model.headerData(column, Qt.Orientation.Horizontal)
                if header:
                    texts.append(str(header))
            for row in range(min(model.rowCount(QModelIndex()), 30)):
                for column in range(columns):
                    value = model.index(row, column).data()
                    if isinstance(value, str) and value:
                        texts.append(value)
        if text:
            texts.append(text)
    title = root.windowTitle()
    if title:
        texts.append(title)
    return texts, clipped


def write_source(path: Path, *, retitle: int = 0, drop: int = 0) -> Path:
    """The sample users, with `retitle` job titles changed and the last `drop` rows gone."""
    from app.ui.resources import sample_csv_path

    with sample_csv_path().open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = list(reader.fieldnames or [])
        rows = list(reader)
    for row in rows[:retitle]:
        row["jobTitle"] = f"Senior {row['jobTitle']}"
    if drop:
        rows = rows[:-drop]
    temp = path.with_suffix(".tmp")
    with temp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    temp.replace(path)
    return path


async def shoot_language(app: Any, language: str, out: Path) -> list[Shot]:
    """Every view in one language; the program starts as a newcomer's, in a folder of its own."""
    from PySide6.QtWidgets import QApplication, QWizard

    from app.ui.application import Shell
    from app.ui.dashboard.window import DashboardWindow
    from app.ui.i18n import install_translators, remove_translators
    from app.ui.sandbox_session import start_sandboxes
    from app.ui.wizard_window import WizardWindow

    assert isinstance(app, QApplication)
    home = Path(tempfile.mkdtemp(prefix=f"wp-screenshots-{language}-"))
    for name in ("CONFIG", "STATE", "LOG"):
        os.environ[f"WEBEX_PROVISIONER_{name}_DIR"] = str(home / name.lower())
    folder = out / language
    if folder.exists():
        shutil.rmtree(folder)  # one set of pictures, named by view: none left from before
    folder.mkdir(parents=True)
    source = write_source(home / "users.csv")
    shots: list[Shot] = []
    translators = install_translators(app, language)
    loop = asyncio.get_running_loop()
    shell = Shell(app, loop)

    def save(name: str, widget: Any) -> None:
        path = folder / f"{len(shots) + 1:02d}-{name}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        texts, clipped = shown_texts(widget)
        shots.append(Shot(path, texts, clipped))
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        for text in clipped:
            print(f"  cut short: {text!r}")

    try:
        with contextlib.ExitStack() as stack:
            defaults = start_sandboxes(stack)
            defaults.csv_path = source
            window = shell.open_first_window(defaults)
            assert isinstance(window, WizardWindow)
            window.resize(*WINDOW_SIZE)
            wizard = window.wizard
            await walk_the_wizard(wizard, save)
            wizard.button(QWizard.WizardButton.FinishButton).click()
            await wait_for(lambda: shell.window is not window)
            dashboard = shell.window
            assert isinstance(dashboard, DashboardWindow)
            window.close()
            await shoot_dashboard(dashboard, source, save)
            await shoot_error_dialog(shell, dashboard, save)
            dashboard.quit()
            await shell.shutdown()
    finally:
        remove_translators(app, translators)
        shutil.rmtree(home, ignore_errors=True)
    return shots


async def walk_the_wizard(wizard: Any, save: Callable[[str, Any], None]) -> None:
    """Next on every page with the sandbox's defaults, a picture of each (and the editor)."""
    from PySide6.QtWidgets import QWizard

    window = wizard.window()
    for _ in range(len(wizard.PAGE_IDS)):
        page = wizard.currentPage()
        name = page.objectName()
        await wait_for(page.isComplete)
        if name == "page-credentials":
            operation = page.run_test()
            await wait_for(lambda op=operation: not op.running)
        if name == "page-mappings":
            await wait_for(lambda p=page: p.user_choice.count() > 0)
            page.search.setText("benoit")
        if name == "page-scoping":
            page.add_filter()
            page.attribute.setCurrentText("department")
            page.value.setText("IT")
            await settle()
            save(name, window)
            page.remove_selected()
            page.tree.setCurrentItem(page.tree.topLevelItem(0))
            page.remove_selected()
            await wait_for(page.isComplete)
            wizard.next()
            continue
        if name == "page-scope":
            # A small directory: hold a cycle that would disable more than five users.
            page.threshold_count.setValue(5)
        if name == "page-run":
            activity = page.activity
            await wait_for(lambda a=activity: a.finished, limit=120)
            activity.table.selectRow(1)
        await settle()
        save(name, window)
        if name == "page-mappings":
            row = next(
                r for r in range(page.model.rowCount()) if page.model.mapping_at(r).target == "externalId"
            )  # fmt: skip
            page.table.selectRow(row)
            page.edit_selected()
            editor = page.editor
            # The CSV file's externalId is Direct from its id; the picture shows an
            # expression being typed, with the editor's message about what is wrong in it.
            editor.mapping_type.setCurrentIndex(editor.mapping_type.findData("Expression"))
            editor.expression.setPlainText("Coalesce([department], Left([mail]")
            await settle()
            save("mapping-editor", editor)
            editor.reject()
            # The smallest screen the program is made for, just after Remove: Undo offered.
            window.resize(800, 600)
            page.table.selectRow(row)
            page.remove_selected()
            await settle()
            save("mappings-800x600", window)
            page.undo()
            window.resize(*WINDOW_SIZE)
        if name == "page-run":
            return
        kind = (
            QWizard.WizardButton.CommitButton
            if page.isCommitPage()
            else QWizard.WizardButton.NextButton
        )
        wizard.button(kind).click()
        await wait_for(lambda p=page: wizard.currentPage() is not p, limit=60)


async def shoot_dashboard(dashboard: Any, source: Path, save: Callable[[str, Any], None]) -> None:
    """Three more cycles (a change, nothing, a held removal), then the dashboard's views."""
    dashboard.resize(*DASHBOARD_SIZE)
    await wait_for(lambda: dashboard.snapshot is not None and dashboard.snapshot.cycles)

    async def cycle(expected: int) -> None:
        dashboard.sync_now()
        await wait_for(lambda: dashboard.snapshot is not None and len(dashboard.snapshot.cycles) >= expected, 120)  # fmt: skip

    write_source(source, retitle=4)
    await cycle(2)
    await cycle(3)
    write_source(source, retitle=4, drop=DROPPED)
    await cycle(4)
    await wait_for(lambda: dashboard.allow_deletes_button.isVisible())
    logs = dashboard.logs
    await wait_for(lambda: logs.model.rowCount() > 0)
    await settle()
    logs.table.selectRow(min(2, logs.model.rowCount() - 1))
    await settle()
    save("dashboard", dashboard)
    changed = next(
        (row for row in range(logs.model.rowCount()) if logs.model.entry_at(row).modified), 0
    )
    logs.table.selectRow(changed)
    dashboard.tabs.setCurrentWidget(logs)
    await settle()
    save("logs", logs)

    # One more change in the source, not synced yet: the plan for that user shows it.
    write_source(source, retitle=5, drop=DROPPED)
    dialog = dashboard.open_on_demand()
    await wait_for(lambda: dialog.users_model.rowCount() > 0)
    dialog.resize(760, 560)
    dialog.select_user("elodie.girard@example.com")
    operation = dialog.show_plan()
    await wait_for(lambda: not operation.running)
    await settle()
    save("on-demand", dialog)
    dialog.close()

    about = dashboard.open_about()
    await settle()
    save("about", about)
    about.close()


async def shoot_error_dialog(shell: Any, dashboard: Any, save: Callable[[str, Any], None]) -> None:
    """The error dialog, with what Webex answers a token it does not know (a real 401)."""
    runtime = dashboard.current_runtime
    operation = dashboard.bridge.fetch_org_id(runtime.profile.target.tenant_url, "not-a-token")
    await wait_for(lambda: not operation.running)
    assert operation.error is not None, "the sandbox took a token it does not know"
    shell.reporter.report(operation.error)
    dialog = shell.reporter.dialog
    await settle()
    save("error-dialog", dialog)
    dialog.done(0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", action="append", help="en, fr (default: both)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import keyring
    import qasync
    from PySide6.QtWidgets import QApplication

    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import MemoryKeyring  # the screenshots never touch the real keyring

    keyring.set_keyring(MemoryKeyring())
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("webex-provisioner")
    app.setQuitOnLastWindowClosed(False)  # each language closes its windows; go on
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    languages = args.lang or ["en", "fr"]
    shots: list[Shot] = []

    async def run_all() -> None:
        for language in languages:
            shots.extend(await shoot_language(app, language, args.out))

    with loop:
        loop.run_until_complete(run_all())
    cut = [shot for shot in shots if shot.clipped]
    for shot in cut:
        print(f"{shot.path.name}: text cut short: {shot.clipped}", file=sys.stderr)
    return 1 if cut else 0


if __name__ == "__main__":
    raise SystemExit(main())
