"""Start the program as `webex-provisioner` does (no profile: the wizard) and report, as one JSON
line, the wall-clock time (time.time()) of the first paint event of the page-welcome page.

The parent notes time.time() just before it starts this process; the difference is what the
admin waits for. The probe only watches: it wraps Shell.open_first_window to put an event
filter on the welcome page, then closes the window at the first paint.

`--bare` instead paints an empty QWidget: the floor that PySide6 and Qt set on this machine.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

GIVE_UP_MS = 60_000


def _report(painted: float | None, what: str) -> None:
    print(json.dumps({"painted": painted, "what": what}), flush=True)


def _watcher(name: str) -> Any:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        """Notes the first paint event of the object it watches, then closes every window."""

        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                _report(time.time(), name)
                QTimer.singleShot(0, QApplication.closeAllWindows)
            return False

    return FirstPaint()


def probe_wizard() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from app import cli
    from app.ui import application

    original = application.Shell.open_first_window
    keep: list[Any] = []

    def open_and_watch(self: Any, defaults: Any) -> QWidget:
        window: QWidget = original(self, defaults)
        page = window.findChild(QWidget, "page-welcome")
        if page is None:
            _report(None, "no widget named page-welcome")
            QTimer.singleShot(0, QApplication.closeAllWindows)
            return window
        watcher = _watcher("page-welcome")
        keep.append(watcher)
        page.installEventFilter(watcher)
        QTimer.singleShot(GIVE_UP_MS, QApplication.closeAllWindows)
        return window

    application.Shell.open_first_window = open_and_watch  # type: ignore[method-assign]
    return cli.main([])


def probe_bare() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    widget = QWidget()
    widget.setObjectName("bare")
    widget.resize(980, 760)
    watcher = _watcher("bare QWidget")
    widget.installEventFilter(watcher)
    widget.show()
    QTimer.singleShot(GIVE_UP_MS, app.quit)
    app.lastWindowClosed.connect(app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(probe_bare() if "--bare" in sys.argv[1:] else probe_wizard())
