"""The dashboard's questions before an action: run one cycle while provisioning is off, run
the removals a threshold held, restart provisioning. Each box is built here, unopened; the
window opens it (open(), never exec()) and acts on the answer. The texts keep the
DashboardWindow translation context."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

YES = QMessageBox.StandardButton.Yes
CANCEL = QMessageBox.StandardButton.Cancel


def ask(
    box: QMessageBox, yes: Callable[[], object], *, answered: Callable[[], None] | None = None
) -> QMessageBox:
    """Open `box` (open(): the window's loop goes on) and return it; once answered,
    `answered()` runs, then `yes()` if the answer was Yes, and the box is deleted."""

    def done(result: int) -> None:
        if answered is not None:
            answered()
        if result == YES:
            yes()
        box.deleteLater()

    box.finished.connect(done)
    box.open()
    return box


def sync_while_off_box(parent: QWidget, name: str) -> QMessageBox:
    """Run one cycle of a profile whose provisioning status is Off (issue 23)?"""
    box = QMessageBox(parent)
    box.setObjectName("syncWhileOffConfirm")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("DashboardWindow", "Provisioning is off"))
    box.setText(
        QCoreApplication.translate(
            "DashboardWindow", "Provisioning status of {name} is Off. Run one cycle now anyway?"
        ).format(name=name)
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "DashboardWindow",
            "While the status is Off no cycle runs by itself and nothing is sent. This "
            "runs one cycle, once; the status stays Off. To keep the profile in sync, "
            "turn provisioning on in Settings.",
        )
    )
    box.setStandardButtons(YES | CANCEL)
    box.setDefaultButton(CANCEL)
    yes = box.button(YES)
    yes.setText(QCoreApplication.translate("DashboardWindow", "&Run one cycle"))
    yes.setObjectName("syncWhileOffYes")
    box.button(CANCEL).setObjectName("syncWhileOffCancel")
    return box


def allow_deletes_box(parent: QWidget, name: str, reason: str | None) -> QMessageBox:
    """Run a cycle with the removals the deletion threshold held (`reason`: the held cycle's)?"""
    box = QMessageBox(parent)
    box.setObjectName("allowDeletesConfirm")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("DashboardWindow", "Allow the removals"))
    box.setText(
        QCoreApplication.translate(
            "DashboardWindow",
            "Run a cycle of {name} that disables or deletes the users held back?",
        ).format(name=name)
    )
    box.setInformativeText(
        (reason + "\n\n" if reason is not None else "")
        + QCoreApplication.translate(
            "DashboardWindow",
            "This is done once, for this cycle only; the threshold stays in force.",
        )
    )
    box.setStandardButtons(YES | CANCEL)
    box.setDefaultButton(CANCEL)
    box.button(YES).setText(QCoreApplication.translate("DashboardWindow", "Run with the removals"))
    box.button(YES).setObjectName("allowDeletesYes")
    return box


def restart_box(parent: QWidget, name: str) -> QMessageBox:
    """Restart the provisioning of a profile (quarantine lifted, a full read next)?"""
    box = QMessageBox(parent)
    box.setObjectName("restartConfirm")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("DashboardWindow", "Restart provisioning"))
    box.setText(
        QCoreApplication.translate("DashboardWindow", "Restart the provisioning of {name}?").format(
            name=name
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "DashboardWindow",
            "The quarantine is lifted, the source is read in full at the next cycle and "
            "operations left by an interrupted cycle are dropped. The links between users "
            "and the provisioning logs are kept.",
        )
    )
    box.setStandardButtons(YES | CANCEL)
    box.button(YES).setText(QCoreApplication.translate("DashboardWindow", "Restart"))
    box.button(YES).setObjectName("restartYes")
    return box
