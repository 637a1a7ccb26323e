"""The dashboard's widgets and where they sit, built part by part (the way a Designer form's
setupUi builds a window): the profile bar, the overview (last cycle, statistics, chart),
the actions, the interrupted-cycle banner, then the logs and the running cycle in tabs.

Each part sets its widgets on the window under the names the window and the tests use;
the window connects them. The texts keep the DashboardWindow translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.activity import ActivityView
from app.ui.chart import CycleChart
from app.ui.logs_view import LogsView
from app.ui.widgets import ElidedLabel, FieldMessage

if TYPE_CHECKING:
    from app.ui.dashboard.window import DashboardWindow


class DashboardWidgets:
    """The widgets build_dashboard sets on the window, by the names the window and the tests
    use (objectNames in comments)."""

    profile_selector: QComboBox  # profileSelector
    target_label: ElidedLabel  # profileTarget
    new_profile_button: QPushButton  # newProfile
    settings_button: QPushButton  # profileSettings
    about_button: QPushButton  # aboutButton
    state_label: QLabel  # schedulerState
    last_cycle_label: QLabel  # lastCycle
    last_counts_label: QLabel  # lastCycleCounts
    next_cycle_label: QLabel  # nextCycle
    problem: FieldMessage  # cycleProblem
    statistics: QLabel  # statistics
    chart: CycleChart
    sync_button: QPushButton  # syncNow
    allow_deletes_button: QPushButton  # allowDeletes
    on_demand_button: QPushButton  # provisionOnDemand
    restart_button: QPushButton  # restartProvisioning
    keep_in_tray: QCheckBox  # keepRunningInTray
    action_message: FieldMessage  # dashboardMessage
    interrupted_banner: QFrame  # interruptedBanner
    interrupted_label: QLabel  # interruptedCycle
    resume_button: QPushButton  # resumeCycle
    upper: QWidget  # the overview, actions and banner, over the tabs
    splitter: QSplitter  # dashboardSplitter
    tabs: QTabWidget  # dashboardTabs
    logs: LogsView
    activity: ActivityView  # dashboardActivity


def build_dashboard(window: DashboardWindow) -> None:
    """Every widget of the window, laid out: the upper part over the tabs, in a splitter."""
    central = QWidget(window)
    central.setObjectName("dashboardCentral")
    window.setCentralWidget(central)
    layout = QVBoxLayout(central)
    layout.addLayout(profile_bar(window, central))
    splitter = QSplitter(Qt.Orientation.Vertical, central)
    splitter.setObjectName("dashboardSplitter")
    window.splitter = splitter
    upper = upper_part(window, splitter)
    window.upper = upper
    # A text of the overview that grows later (the scheduler's next cycle, a banner) asks
    # for a new layout: the overview is fitted again then, not only on resizes.
    upper.installEventFilter(window)
    splitter.addWidget(upper)
    splitter.addWidget(tabs(window, splitter))
    splitter.setStretchFactor(0, 0)
    splitter.setStretchFactor(1, 1)
    splitter.setChildrenCollapsible(False)
    layout.addWidget(splitter, 1)
    window.allow_deletes_button.hide()


def profile_bar(window: DashboardWindow, parent: QWidget) -> QHBoxLayout:
    """The profile selector, its source and target, New profile, Settings and About."""
    top = QHBoxLayout()
    profile_label = QLabel(QCoreApplication.translate("DashboardWindow", "&Profile:"), parent)
    window.profile_selector = QComboBox(parent)
    window.profile_selector.setObjectName("profileSelector")
    window.profile_selector.setAccessibleName(
        QCoreApplication.translate("DashboardWindow", "Profile")
    )
    window.profile_selector.setMinimumContentsLength(18)
    profile_label.setBuddy(window.profile_selector)
    window.target_label = ElidedLabel(parent)  # a long URL is elided; the tooltip has it all
    window.target_label.setObjectName("profileTarget")
    top.addWidget(profile_label)
    top.addWidget(window.profile_selector)
    top.addWidget(window.target_label, 1)
    window.new_profile_button = button(
        "newProfile", QCoreApplication.translate("DashboardWindow", "&New profile…"), parent
    )
    window.settings_button = button(
        "profileSettings", QCoreApplication.translate("DashboardWindow", "Se&ttings…"), parent
    )
    window.settings_button.setAccessibleName(
        QCoreApplication.translate("DashboardWindow", "Settings of this profile")
    )
    window.about_button = button(
        "aboutButton", QCoreApplication.translate("DashboardWindow", "A&bout"), parent
    )
    top.addWidget(window.new_profile_button)
    top.addWidget(window.settings_button)
    top.addWidget(window.about_button)
    return top


def upper_part(window: DashboardWindow, parent: QWidget) -> QWidget:
    """The overview, the actions, the tray choice, the window's message and the banner."""
    upper = QWidget(parent)
    upper_layout = QVBoxLayout(upper)
    upper_layout.setContentsMargins(0, 0, 0, 0)
    overview = QHBoxLayout()
    overview.addWidget(last_cycle_box(window, upper), 3)
    overview.addWidget(statistics_box(window, upper), 2)
    overview.addWidget(chart_box(window, upper), 3)
    upper_layout.addLayout(overview)
    upper_layout.addLayout(actions(window, upper))
    window.keep_in_tray = QCheckBox(
        QCoreApplication.translate(
            "DashboardWindow", "&Keep running in the system tray when this window is closed"
        ),
        upper,
    )
    window.keep_in_tray.setObjectName("keepRunningInTray")
    window.keep_in_tray.setAccessibleName(
        QCoreApplication.translate(
            "DashboardWindow", "Keep running in the system tray when this window is closed"
        )
    )
    upper_layout.addWidget(window.keep_in_tray)
    window.action_message = FieldMessage("dashboardMessage", upper)
    upper_layout.addWidget(window.action_message)
    upper_layout.addWidget(interrupted_banner(window, upper))
    line = QFrame(upper)
    line.setFrameShape(QFrame.Shape.HLine)
    upper_layout.addWidget(line)
    return upper


def last_cycle_box(window: DashboardWindow, parent: QWidget) -> QGroupBox:
    """The scheduler's state, the last cycle (when, what it did), the next, any problem."""
    box = QGroupBox(QCoreApplication.translate("DashboardWindow", "Last cycle"), parent)
    box.setObjectName("lastCycleBox")
    grid = QGridLayout(box)
    window.state_label = value_label(
        "schedulerState", QCoreApplication.translate("DashboardWindow", "State"), box
    )
    window.last_cycle_label = value_label(
        "lastCycle", QCoreApplication.translate("DashboardWindow", "Last cycle"), box
    )
    window.last_counts_label = value_label(
        "lastCycleCounts", QCoreApplication.translate("DashboardWindow", "Counts"), box
    )
    window.next_cycle_label = value_label(
        "nextCycle", QCoreApplication.translate("DashboardWindow", "Next cycle"), box
    )
    rows = (
        (QCoreApplication.translate("DashboardWindow", "State:"), window.state_label),
        (QCoreApplication.translate("DashboardWindow", "When:"), window.last_cycle_label),
        (QCoreApplication.translate("DashboardWindow", "Done:"), window.last_counts_label),
        (QCoreApplication.translate("DashboardWindow", "Next cycle:"), window.next_cycle_label),
    )
    for row, (title, value) in enumerate(rows):
        label = QLabel(title, box)
        label.setBuddy(value)
        grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(value, row, 1)
    window.problem = FieldMessage("cycleProblem", box)
    grid.addWidget(window.problem, len(rows), 0, 1, 2)
    grid.setColumnStretch(1, 1)
    grid.setRowStretch(len(rows) + 1, 1)
    return box


def statistics_box(window: DashboardWindow, parent: QWidget) -> QGroupBox:
    box = QGroupBox(QCoreApplication.translate("DashboardWindow", "Statistics to date"), parent)
    box.setObjectName("statisticsBox")
    stats_layout = QVBoxLayout(box)
    window.statistics = QLabel(box)
    window.statistics.setObjectName("statistics")
    window.statistics.setAccessibleName(
        QCoreApplication.translate("DashboardWindow", "Statistics to date")
    )
    window.statistics.setWordWrap(True)
    window.statistics.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    stats_layout.addWidget(window.statistics, 1)
    return box


def chart_box(window: DashboardWindow, parent: QWidget) -> QGroupBox:
    box = QGroupBox(QCoreApplication.translate("DashboardWindow", "Last cycles"), parent)
    box.setObjectName("chartBox")
    chart_layout = QVBoxLayout(box)
    window.chart = CycleChart(box)
    chart_layout.addWidget(window.chart)
    return box


def actions(window: DashboardWindow, parent: QWidget) -> QHBoxLayout:
    """Sync now, Allow the removals (shown while a cycle is held), on demand, Restart."""
    row = QHBoxLayout()
    window.sync_button = button(
        "syncNow", QCoreApplication.translate("DashboardWindow", "&Sync now"), parent
    )
    window.allow_deletes_button = button(
        "allowDeletes",
        QCoreApplication.translate("DashboardWindow", "&Allow the removals and run…"),
        parent,
    )
    window.allow_deletes_button.setAccessibleName(
        QCoreApplication.translate(
            "DashboardWindow", "Allow the removals held by the threshold and run the cycle"
        )
    )
    window.on_demand_button = button(
        "provisionOnDemand",
        QCoreApplication.translate("DashboardWindow", "Provision on &demand…"),
        parent,
    )
    window.restart_button = button(
        "restartProvisioning",
        QCoreApplication.translate("DashboardWindow", "&Restart provisioning…"),
        parent,
    )
    for widget in (
        window.sync_button,
        window.allow_deletes_button,
        window.on_demand_button,
        window.restart_button,
    ):
        row.addWidget(widget)
    row.addStretch(1)
    return row


def interrupted_banner(window: DashboardWindow, parent: QWidget) -> QFrame:
    """The banner that says the last cycle was interrupted, and offers to resume it."""
    frame = QFrame(parent)
    frame.setObjectName("interruptedBanner")
    frame.setAccessibleName(QCoreApplication.translate("DashboardWindow", "Interrupted cycle"))
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setStyleSheet(
        "QFrame#interruptedBanner { background: #fff4e5; border: 1px solid #f9a825; }"
        " QFrame#interruptedBanner QLabel { color: #4e342e; }"
    )
    row = QHBoxLayout(frame)
    window.interrupted_label = QLabel(frame)
    window.interrupted_label.setObjectName("interruptedCycle")
    window.interrupted_label.setAccessibleName(
        QCoreApplication.translate("DashboardWindow", "Interrupted cycle")
    )
    window.interrupted_label.setWordWrap(True)
    window.interrupted_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    window.resume_button = button(
        "resumeCycle",
        QCoreApplication.translate("DashboardWindow", "Resu&me the interrupted cycle"),
        frame,
    )
    row.addWidget(window.interrupted_label, 1)
    row.addWidget(window.resume_button, 0, Qt.AlignmentFlag.AlignVCenter)
    frame.hide()
    window.interrupted_banner = frame
    return frame


def tabs(window: DashboardWindow, parent: QWidget) -> QTabWidget:
    """The provisioning logs and the cycle running now, one tab each."""
    window.tabs = QTabWidget(parent)
    window.tabs.setObjectName("dashboardTabs")
    window.tabs.tabBar().setAccessibleName(
        QCoreApplication.translate("DashboardWindow", "Logs or the running cycle")
    )
    # Tab reaches the tab bar itself; the frame around the pages is no stop of its own.
    window.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    window.logs = LogsView(window.bridge, window.tabs)
    window.tabs.addTab(
        window.logs, QCoreApplication.translate("DashboardWindow", "Provisioning &logs")
    )
    window.activity = ActivityView(window.tabs)
    window.activity.setObjectName("dashboardActivity")
    window.activity.setAccessibleName(
        QCoreApplication.translate("DashboardWindow", "The cycle running now")
    )
    # Alt letters of their own: P, N and R are the profile's, New profile's and Restart's.
    window.activity.use_button_texts(
        QCoreApplication.translate("DashboardWindow", "Pa&use"),
        QCoreApplication.translate("DashboardWindow", "Res&ume"),
        QCoreApplication.translate("DashboardWindow", "Cancel s&ync"),
    )
    window.tabs.addTab(
        window.activity, QCoreApplication.translate("DashboardWindow", "&Current cycle")
    )
    return window.tabs


def button(name: str, text: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    return button


def value_label(name: str, accessible: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
