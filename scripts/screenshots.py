#!/usr/bin/env python3
"""Screenshots of every wizard page (and the dashboard), in English and French, on the sandbox.

    python scripts/screenshots.py [--out docs/screenshots] [--lang en --lang fr]

Runs the program offscreen on the built-in sandbox (nothing leaves this computer), walks
the wizard with its defaults as a newcomer would, and saves one PNG per page:
docs/screenshots/<lang>/<nn>-<page>.png. Config, state and logs go to a temporary folder.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


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


async def shoot_language(app: object, language: str, out: Path) -> list[Path]:
    from PySide6.QtWidgets import QApplication, QWizard

    from app.ui.application import Shell, WizardWindow
    from app.ui.i18n import install_translators, remove_translators
    from app.ui.sandbox_session import start_sandboxes

    assert isinstance(app, QApplication)
    # Each language starts as a newcomer: no profile yet, config and state of its own.
    home = Path(tempfile.mkdtemp(prefix=f"wp-screenshots-{language}-"))
    for name in ("CONFIG", "STATE", "LOG"):
        os.environ[f"WEBEX_PROVISIONER_{name}_DIR"] = str(home / name.lower())
    folder = out / language
    folder.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    translators = install_translators(app, language)
    loop = asyncio.get_running_loop()
    shell = Shell(app, loop)
    try:
        with contextlib.ExitStack() as stack:
            defaults = start_sandboxes(stack)
            window = shell.open_first_window(defaults)
            assert isinstance(window, WizardWindow)
            window.resize(1040, 780)
            wizard = window.wizard

            def save(name: str, widget: object = window) -> None:
                path = folder / f"{len(saved) + 1:02d}-{name}.png"
                widget.grab().save(str(path))  # type: ignore[attr-defined]
                saved.append(path)
                print(path.relative_to(ROOT))

            for _ in range(len(wizard.PAGE_IDS)):
                page = wizard.currentPage()
                name = page.objectName()
                await wait_for(page.isComplete)
                if name == "page-credentials":
                    operation = page.run_test()  # type: ignore[attr-defined]
                    await wait_for(lambda op=operation: not op.running)
                if name == "page-scoping":
                    page.add_filter()  # type: ignore[attr-defined]
                    page.attribute.setCurrentText("department")  # type: ignore[attr-defined]
                    page.value.setText("IT")  # type: ignore[attr-defined]
                    await settle()
                    save(name)
                    page.remove_selected()  # type: ignore[attr-defined]
                    page.tree.setCurrentItem(page.tree.topLevelItem(0))  # type: ignore[attr-defined]
                    page.remove_selected()  # type: ignore[attr-defined]
                    await wait_for(page.isComplete)
                    wizard.next()
                    continue
                if name == "page-run":
                    activity = page.activity  # type: ignore[attr-defined]
                    await wait_for(lambda a=activity: a.finished, limit=120)
                    activity.table.selectRow(1)
                await settle()
                save(name)
                if name == "page-mappings":
                    page.table.selectRow(7)  # type: ignore[attr-defined]
                    page.edit_selected()  # type: ignore[attr-defined]
                    editor = page.editor  # type: ignore[attr-defined]
                    editor.expression.setPlainText("Coalesce([mailNickname], Left([mail]")
                    await settle()
                    save("mapping-editor", editor)
                    editor.reject()
                if name == "page-run":
                    break
                button = (
                    QWizard.WizardButton.CommitButton
                    if page.isCommitPage()
                    else (QWizard.WizardButton.NextButton)
                )
                wizard.button(button).click()
                await wait_for(lambda p=page: wizard.currentPage() is not p, limit=60)
            wizard.button(QWizard.WizardButton.FinishButton).click()
            await wait_for(lambda: shell.window is not window or not window.isVisible())
            if shell.window is not None and shell.window is not window:
                dashboard = shell.window
                dashboard.resize(1040, 780)
                await asyncio.sleep(2.0)
                save("dashboard", dashboard)
                dashboard.close()
            window.close()
            await shell.shutdown()
    finally:
        remove_translators(app, translators)
    return saved


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

    async def run_all() -> None:
        for language in languages:
            await shoot_language(app, language, args.out)

    with loop:
        loop.run_until_complete(run_all())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
