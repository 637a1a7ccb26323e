"""The system tray icon: the state of the cycles at a glance, and Sync now, Open, Quit.

Where the desktop has no tray (QSystemTrayIcon.isSystemTrayAvailable() is false, as on
many Wayland sessions and offscreen), the controller still keeps the state, the icon and
the menu, but shows nothing; the window then never hides into the tray.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.ui.resources import icon_path


class TrayState(StrEnum):
    """The scheduler's states (app.sync.scheduler.SchedulerState), as the tray shows them."""

    IDLE = "idle"
    RUNNING = "running"
    HELD = "held"
    QUARANTINED = "quarantined"
    FAILED = "failed"


# When several profiles run, the tray shows the one that most needs the admin.
_SEVERITY = {
    TrayState.IDLE: 0,
    TrayState.RUNNING: 1,
    TrayState.HELD: 2,
    TrayState.QUARANTINED: 3,
    TrayState.FAILED: 4,
}

BADGE_COLORS = {
    TrayState.IDLE: QColor("#2e7d32"),
    TrayState.RUNNING: QColor("#1565c0"),
    TrayState.HELD: QColor("#f9a825"),
    TrayState.QUARANTINED: QColor("#ef6c00"),
    TrayState.FAILED: QColor("#c62828"),
}


def state_words(state: TrayState | str) -> str:
    words = {
        TrayState.IDLE: QCoreApplication.translate("tray", "idle"),
        TrayState.RUNNING: QCoreApplication.translate("tray", "a cycle is running"),
        TrayState.HELD: QCoreApplication.translate(
            "tray", "held by the accidental-deletion threshold"
        ),
        TrayState.QUARANTINED: QCoreApplication.translate("tray", "quarantined"),
        TrayState.FAILED: QCoreApplication.translate("tray", "the last cycle failed"),
    }
    try:
        return words[TrayState(str(state))]
    except ValueError:
        return str(state)


def combined_state(states: Mapping[str, TrayState | str]) -> TrayState:
    """Running wins while a cycle runs, unless another profile needs attention more."""
    known = [TrayState(str(state)) for state in states.values() if str(state) in _SEVERITY]
    if not known:
        return TrayState.IDLE
    return max(known, key=lambda state: _SEVERITY[state])


def state_pixmap(state: TrayState | str, size: int = 64) -> QPixmap:
    """The app icon with a badge in the lower right corner: its colour and sign say the state."""
    state = TrayState(str(state))
    pixmap = QIcon(str(icon_path())).pixmap(size, size)
    if pixmap.isNull():  # no SVG support or no icon file: a plain tile keeps the badge legible
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor("#00a0d1"))
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        diameter = size * 0.5
        box = QRectF(size - diameter - 1, size - diameter - 1, diameter, diameter)
        painter.setPen(QPen(QColor("white"), max(1.5, size / 32)))
        painter.setBrush(BADGE_COLORS[state])
        painter.drawEllipse(box)
        _draw_sign(painter, state, box)
    finally:
        painter.end()
    return pixmap


def _draw_sign(painter: QPainter, state: TrayState, box: QRectF) -> None:
    """A sign inside the badge, so that the state does not rest on colour alone."""
    pen = QPen(QColor("white"), max(1.5, box.width() / 7))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inner = box.adjusted(box.width() * 0.28, box.height() * 0.28, -box.width() * 0.28,
                         -box.height() * 0.28)  # fmt: skip
    center = inner.center()
    if state is TrayState.IDLE:  # a tick
        painter.drawPolyline(
            [
                QPointF(inner.left(), center.y()),
                QPointF(center.x() - inner.width() * 0.1, inner.bottom()),
                QPointF(inner.right(), inner.top()),
            ]
        )
    elif state is TrayState.RUNNING:  # an open circle: turning
        painter.drawArc(inner, 30 * 16, 300 * 16)
    elif state is TrayState.HELD:  # pause bars
        painter.drawLine(QPointF(center.x() - inner.width() * 0.22, inner.top()),
                         QPointF(center.x() - inner.width() * 0.22, inner.bottom()))  # fmt: skip
        painter.drawLine(QPointF(center.x() + inner.width() * 0.22, inner.top()),
                         QPointF(center.x() + inner.width() * 0.22, inner.bottom()))  # fmt: skip
    elif state is TrayState.QUARANTINED:  # an exclamation mark
        painter.drawLine(QPointF(center.x(), inner.top()),
                         QPointF(center.x(), inner.bottom() - inner.height() * 0.35))  # fmt: skip
        painter.drawPoint(QPointF(center.x(), inner.bottom()))
    else:  # a cross
        painter.drawLine(inner.topLeft(), inner.bottomRight())
        painter.drawLine(inner.topRight(), inner.bottomLeft())


def state_icon(state: TrayState | str) -> QIcon:
    icon = QIcon()
    for size in (16, 22, 32, 48, 64):
        icon.addPixmap(state_pixmap(state, size))
    return icon


class TrayController(QObject):
    """The tray icon, its tooltip and menu; the dashboard tells it each profile's state."""

    syncNowRequested = Signal()
    openRequested = Signal()
    quitRequested = Signal()
    stateChanged = Signal(str)

    def __init__(self, parent: QObject | None = None, *, available: bool | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trayController")
        self.available = QSystemTrayIcon.isSystemTrayAvailable() if available is None else available
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self.menu.setAccessibleName(self.tr("Webex Provisioner"))
        self.sync_action = QAction(self.tr("&Sync now"), self.menu)
        self.sync_action.setObjectName("traySyncNow")
        self.open_action = QAction(self.tr("&Open"), self.menu)
        self.open_action.setObjectName("trayOpen")
        self.quit_action = QAction(self.tr("&Quit"), self.menu)
        self.quit_action.setObjectName("trayQuit")
        for action in (self.sync_action, self.open_action, self.quit_action):
            self.menu.addAction(action)
        self.sync_action.triggered.connect(self.syncNowRequested)
        self.open_action.triggered.connect(self.openRequested)
        self.quit_action.triggered.connect(self.quitRequested)
        self._states: dict[str, TrayState] = {}
        self._details: dict[str, str] = {}
        self.state = TrayState.IDLE
        self.icon = state_icon(self.state)
        self.tooltip = ""
        self.tray: QSystemTrayIcon | None = None
        if self.available:
            self.tray = QSystemTrayIcon(self.icon, self)
            self.tray.setObjectName("trayIcon")
            self.tray.setContextMenu(self.menu)
            self.tray.activated.connect(self._activated)
        self._refresh()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.openRequested.emit()

    def show(self) -> None:
        if self.tray is not None:
            self.tray.show()

    def hide(self) -> None:
        if self.tray is not None:
            self.tray.hide()

    def set_profile_state(self, profile: str, state: TrayState | str, detail: str = "") -> None:
        """One profile's state and, in a few words, what comes next (e.g. the next cycle)."""
        self._states[profile] = TrayState(str(state))
        self._details[profile] = detail
        self._refresh()

    def forget_profile(self, profile: str) -> None:
        self._states.pop(profile, None)
        self._details.pop(profile, None)
        self._refresh()

    def set_sync_enabled(self, enabled: bool) -> None:
        self.sync_action.setEnabled(enabled)

    def _refresh(self) -> None:
        state = combined_state(self._states)
        lines = [self.tr("Webex Provisioner: {state}").format(state=state_words(state))]
        for profile in sorted(self._states):
            line = self.tr("{profile}: {state}").format(
                profile=profile, state=state_words(self._states[profile])
            )
            if self._details.get(profile):
                line += f" ({self._details[profile]})"
            lines.append(line)
        self.tooltip = "\n".join(lines)
        changed = state is not self.state
        self.state = state
        if changed:
            self.icon = state_icon(state)
        if self.tray is not None:
            if changed:
                self.tray.setIcon(self.icon)
            self.tray.setToolTip(self.tooltip)
        if changed:
            self.stateChanged.emit(state.value)

    def close(self) -> None:
        self.hide()
        self.menu.deleteLater()
