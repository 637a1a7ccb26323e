"""Provisioning on demand: pick one user by search, see what the next cycle would do, then do it.

The tutorial's "Provision on demand": each step (found in the source, in scope, matched on
the target, the payload, the action, the result) is shown as the engine reports it. The
plan is read first with nothing sent; only "Provision this user" writes, under the
profile's cross-process lock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.sync.events import Status, SyncEvent
from app.sync.plan import Action
from app.ui.activity_model import event_steps, event_texts
from app.ui.models import action_label, failure_brush
from app.ui.sign_in import DeviceCodeHost
from app.ui.widgets import BusyBar, FieldMessage

if TYPE_CHECKING:
    from app.config.profile import Profile
    from app.ui.bridge import Operation

WRITING_ACTIONS = frozenset(
    {Action.CREATE.value, Action.UPDATE.value, Action.DISABLE.value, Action.DELETE.value}
)


class OnDemandSource(Protocol):
    """What the dialog needs from the dashboard's bridge."""

    def source_user_names(self, profile: Profile) -> Operation[list[str]]: ...

    def provision_one(self, profile: Profile, user_name: str, *, apply: bool) -> Operation[Any]: ...


class OnDemandDialog(QDialog):
    """onDemandDialog: search, the user list, the steps, See the plan, Provision this user."""

    planShown = Signal(object)  # the SyncEvent of the dry run
    applied = Signal(object)  # the SyncEvent once applied

    def __init__(self, bridge: OnDemandSource, profile: Profile, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("onDemandDialog")
        self.setWindowTitle(self.tr("Provision on demand: {profile}").format(profile=profile.name))
        self.setModal(False)
        self.resize(860, 560)
        self._bridge = bridge
        self.profile = profile
        self._operation: Operation[Any] | None = None
        self.device_code = DeviceCodeHost(self)  # the source's sign-in by device code
        self.plan_event: SyncEvent | None = None
        self.result_event: SyncEvent | None = None

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Pick a user of the source directory. <b>See the plan</b> shows what the next "
                "cycle would do for this user and sends nothing; <b>Provision this user</b> "
                "does it now, without waiting for the next cycle."
            ),
            self,
        )
        intro.setObjectName("onDemandIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = self._build_users_panel(splitter)
        right = self._build_steps_panel(splitter)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        layout.addWidget(splitter, 1)

        self.message = FieldMessage("onDemandMessage", self)
        layout.addWidget(self.message)
        self.busy = BusyBar("onDemandBusy", self)
        layout.addWidget(self.busy)
        layout.addLayout(self._build_buttons())

        self.search.textChanged.connect(self._search_changed)
        self.users.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.users.doubleClicked.connect(lambda _index: self.show_plan())
        self.plan_button.clicked.connect(self.show_plan)
        self.apply_button.clicked.connect(self.apply)
        self.busy.cancelRequested.connect(self.stop_work)
        self.rejected.connect(self.stop_work)
        self._update_buttons()

    def _build_users_panel(self, splitter: QSplitter) -> QWidget:
        """The search, the list of the source's users and their count."""
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        search_label = QLabel(self.tr("&Search the source:"), left)
        self.search = QLineEdit(left)
        self.search.setObjectName("onDemandSearch")
        self.search.setPlaceholderText(self.tr("userName, e.g. alice@example.com"))
        self.search.setAccessibleName(self.tr("Search the users of the source"))
        self.search.setClearButtonEnabled(True)
        search_label.setBuddy(self.search)
        left_layout.addWidget(search_label)
        left_layout.addWidget(self.search)
        self.users_model = QStringListModel(self)
        self.users_proxy = QSortFilterProxyModel(self)
        self.users_proxy.setSourceModel(self.users_model)
        self.users_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.users = QListView(left)
        self.users.setObjectName("onDemandUsers")
        self.users.setAccessibleName(self.tr("Users of the source"))
        self.users.setModel(self.users_proxy)
        self.users.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.users.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        left_layout.addWidget(self.users, 1)
        self.user_count = QLabel(left)
        self.user_count.setObjectName("onDemandUserCount")
        left_layout.addWidget(self.user_count)
        return left

    def _build_steps_panel(self, splitter: QSplitter) -> QWidget:
        """The phase, and the steps of the plan or of the provisioning."""
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.phase = QLabel(self.tr("Steps"), right)
        self.phase.setObjectName("onDemandPhase")
        right_layout.addWidget(self.phase)
        self.steps = QListWidget(right)
        self.steps.setObjectName("onDemandSteps")
        self.steps.setAccessibleName(self.tr("Steps of provisioning on demand"))
        self.steps.setWordWrap(True)
        self.steps.setTextElideMode(Qt.TextElideMode.ElideNone)
        right_layout.addWidget(self.steps, 1)
        return right

    def _build_buttons(self) -> QHBoxLayout:
        """See the plan, Provision this user, Close."""
        buttons = QHBoxLayout()
        self.plan_button = QPushButton(self.tr("See the &plan"), self)
        self.plan_button.setObjectName("onDemandPlan")
        self.plan_button.setAccessibleName(self.tr("See the plan for this user; nothing is sent"))
        self.apply_button = QPushButton(self.tr("P&rovision this user"), self)
        self.apply_button.setObjectName("onDemandApply")
        self.apply_button.setAccessibleName(self.tr("Provision this user now"))
        close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close_button = close_box.button(QDialogButtonBox.StandardButton.Close)
        close_button.setObjectName("onDemandClose")
        close_button.setAccessibleName(self.tr("Close"))
        close_box.rejected.connect(self.reject)
        buttons.addWidget(self.plan_button)
        buttons.addWidget(self.apply_button)
        buttons.addStretch(1)
        buttons.addWidget(close_box)
        return buttons

    # --- the users of the source ----------------------------------------------------------

    def load_users(self) -> Operation[list[str]]:
        operation = self._bridge.source_user_names(self.profile)
        self._follow(operation, self.tr("Reading the users of the source…"))
        operation.succeeded.connect(self._users_loaded)
        return operation

    def _users_loaded(self, names: list[str]) -> None:
        self.users_model.setStringList(sorted(names, key=str.casefold))
        self._show_user_count()
        self._update_buttons()

    def _search_changed(self, text: str) -> None:
        self.users_proxy.setFilterFixedString(text.strip())
        self._show_user_count()
        if self.users_proxy.rowCount() == 1:
            self.users.setCurrentIndex(self.users_proxy.index(0, 0))
        self._update_buttons()

    def _show_user_count(self) -> None:
        shown, total = self.users_proxy.rowCount(), self.users_model.rowCount()
        self.user_count.setText(
            self.tr("{shown} of {total} users").format(shown=shown, total=total)
        )

    def chosen_user(self) -> str:
        """The selected user, else exactly what was typed (a user the list may not hold)."""
        indexes = self.users.selectionModel().selectedIndexes()
        if indexes:
            return str(self.users_proxy.data(indexes[0]))
        return self.search.text().strip()

    def select_user(self, user_name: str) -> bool:
        self.search.setText(user_name)
        for row in range(self.users_proxy.rowCount()):
            index = self.users_proxy.index(row, 0)
            if str(self.users_proxy.data(index)).casefold() == user_name.casefold():
                self.users.setCurrentIndex(index)
                return True
        return False

    # --- plan and apply -------------------------------------------------------------------

    def show_plan(self) -> Operation[Any] | None:
        user = self.chosen_user()
        if not user or self.working:
            return None
        self.plan_event = None
        self.result_event = None
        operation = self._bridge.provision_one(self.profile, user, apply=False)
        self._follow(operation, self.tr("Reading {user} in the source and on the target…").format(
            user=user))  # fmt: skip
        operation.succeeded.connect(self._plan_ready)
        return operation

    def _plan_ready(self, event: SyncEvent) -> None:
        self.plan_event = event
        self.phase.setText(self.tr("The plan for {user} (nothing was sent):").format(
            user=event.user_name))  # fmt: skip
        self._show_steps(event)
        message, next_step = event_texts(event)
        if event.status == Status.SKIPPED and message:
            self.message.show_info(f"{message} {next_step}".strip())
        elif self.will_write:
            self.message.show_info(self.tr("Press Provision this user to send it."))
        else:
            self.message.show_ok(self.tr("This user is up to date: nothing to send."))
        self._update_buttons()
        self.planShown.emit(event)

    @property
    def will_write(self) -> bool:
        event = self.plan_event
        return (
            event is not None and event.action in WRITING_ACTIONS and event.status != Status.SKIPPED
        )

    def apply(self) -> Operation[Any] | None:
        if self.plan_event is None or not self.will_write or self.working:
            return None
        user = self.plan_event.user_name
        operation = self._bridge.provision_one(self.profile, user, apply=True)
        self._follow(operation, self.tr("Provisioning {user}…").format(user=user))
        operation.succeeded.connect(self._applied)
        return operation

    def _applied(self, event: SyncEvent) -> None:
        self.result_event = event
        self.plan_event = None
        self.phase.setText(self.tr("Provisioning of {user}:").format(user=event.user_name))
        self._show_steps(event)
        if event.status == Status.FAILURE:
            self.message.show_error(*event_texts(event))
        else:
            self.message.show_ok(
                self.tr("{action} of {user}: done.").format(
                    action=_action_words(event.action), user=event.user_name
                )
            )
        self._update_buttons()
        self.applied.emit(event)

    def _show_steps(self, event: SyncEvent) -> None:
        self.steps.clear()
        number = 0
        for english, shown in event_steps(event):  # the English tells the step's shape
            if english.startswith("  "):
                text = "      " + shown.strip()  # a detail of the step above (old -> new)
            else:
                number += 1
                text = f"{number}. {shown}"
            item = QListWidgetItem(text)
            item.setToolTip(shown.strip())
            if english.startswith("Result: Failure"):
                item.setForeground(failure_brush())
            self.steps.addItem(item)

    def step_texts(self) -> list[str]:
        return [self.steps.item(row).text() for row in range(self.steps.count())]

    # --- plumbing -------------------------------------------------------------------------

    @property
    def working(self) -> bool:
        return self._operation is not None and self._operation.running

    def _follow(self, operation: Operation[Any], text: str) -> None:
        self._operation = operation
        self.device_code.watch(operation)
        self.message.clear_message()
        self.busy.start(text)
        operation.failed.connect(self.message.show_exception)
        operation.finished.connect(self._finished)
        self._update_buttons()

    def _finished(self) -> None:
        self._operation = None
        self.busy.stop()
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.plan_button.setEnabled(not self.working and bool(self.chosen_user()))
        self.apply_button.setEnabled(not self.working and self.will_write)

    def stop_work(self) -> None:
        if self._operation is not None:
            self._operation.cancel()


def _action_words(action: str) -> str:
    return action_label(action)
