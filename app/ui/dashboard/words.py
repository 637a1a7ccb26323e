"""What the dashboard says: the engine's values in words (a cycle's outcome, the scheduler's
state, a cycle's counts) and the overview's texts for a profile's snapshot (the last cycle,
the problem line, the interrupted-cycle banner, statistics, the state and next-cycle lines).
Translated in the DashboardWindow context, where they were first written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app.sync.events import Status
from app.sync.scheduler import SchedulerState, SchedulerStatus
from app.sync.state.records import CycleRecord, InterruptedCycle, Quarantine
from app.ui.activity import format_duration
from app.ui.dashboard.snapshot import ProfileSnapshot
from app.ui.i18n import local_time_text, qt_translate, tr_said
from app.ui.models import action_label, status_label


def outcome_words(outcome: str) -> str:
    # Literal translate() calls: pyside6-lupdate collects these strings, not a variable's.
    words = {
        "completed": QCoreApplication.translate("DashboardWindow", "Completed"),
        "completed_with_failures": QCoreApplication.translate(
            "DashboardWindow", "Completed with failures"
        ),
        "held": QCoreApplication.translate(
            "DashboardWindow", "Held by the accidental-deletion threshold"
        ),
        "quarantined": QCoreApplication.translate("DashboardWindow", "Quarantined"),
        "cancelled": QCoreApplication.translate("DashboardWindow", "Cancelled"),
        "failed": QCoreApplication.translate("DashboardWindow", "Failed"),
    }
    return words.get(outcome, outcome or QCoreApplication.translate("DashboardWindow", "Running"))


def scheduler_state_words(state: SchedulerState | str) -> str:
    words = {
        SchedulerState.IDLE.value: QCoreApplication.translate("DashboardWindow", "Idle"),
        SchedulerState.RUNNING.value: QCoreApplication.translate(
            "DashboardWindow", "A cycle is running"
        ),
        SchedulerState.HELD.value: QCoreApplication.translate(
            "DashboardWindow", "Held: removals wait for your decision"
        ),
        SchedulerState.QUARANTINED.value: QCoreApplication.translate(
            "DashboardWindow", "Quarantined"
        ),
        SchedulerState.FAILED.value: QCoreApplication.translate(
            "DashboardWindow", "The last cycle failed"
        ),
    }
    return words.get(str(state), str(state))


def counts_words(counts: dict[str, dict[str, int]]) -> str:
    """ "Create 3, Update 1 (1 failed), No change 997"."""
    parts = []
    for action in ("Create", "Update", "Disable", "Delete", "Skip", "NoChange"):
        statuses = counts.get(action)
        if not statuses:
            continue
        text = f"{action_label(action)} {sum(statuses.values())}"
        failed = statuses.get(Status.FAILURE.value, 0)
        if failed:
            text += " " + QCoreApplication.translate("DashboardWindow", "({count} failed)").format(
                count=failed
            )
        held = statuses.get(Status.HELD.value, 0)
        if held:  # not sent: the deletion threshold held the cycle
            text += " " + QCoreApplication.translate("DashboardWindow", "({count} held)").format(
                count=held
            )
        skipped = statuses.get(Status.SKIPPED.value, 0)
        if skipped and action not in ("Skip", "NoChange"):  # e.g. removals skipped
            text += " " + QCoreApplication.translate(
                "DashboardWindow", "({count} not done)"
            ).format(count=skipped)
        parts.append(text)
    return ", ".join(parts) or QCoreApplication.translate("DashboardWindow", "nothing to do")


# --- the overview's texts, for a profile's snapshot and its scheduler -------------------------


@dataclass(frozen=True)
class Problem:
    """The overview's problem line: an error with its next step, or a piece of news."""

    text: str
    next_step: str = ""
    error: bool = True


def last_cycle_words(snapshot: ProfileSnapshot | None) -> tuple[str, str]:
    """The last cycle's two lines: when it ran and how it ended; what it did."""
    last = snapshot.last_cycle if snapshot else None
    interrupted = snapshot.interrupted if snapshot else None
    if interrupted is not None:
        # The last cycle is the one that never ended: said as such, not the one before.
        return (
            QCoreApplication.translate(
                "DashboardWindow", "{when}: interrupted, it never finished"
            ).format(when=local_time_text(interrupted.started)),
            QCoreApplication.translate(
                "DashboardWindow", "{done} of {planned} operations answered"
            ).format(done=interrupted.done, planned=interrupted.planned),
        )
    if last is None:
        return QCoreApplication.translate("DashboardWindow", "No cycle has run yet."), ""
    when = local_time_text(last.started)
    took = format_duration((last.finished - last.started).total_seconds()) if last.finished else ""
    mode = {
        "full": QCoreApplication.translate("DashboardWindow", "full"),
        "incremental": QCoreApplication.translate("DashboardWindow", "incremental"),
    }.get(last.mode, last.mode)
    return (
        QCoreApplication.translate(
            "DashboardWindow", "{when}, took {took} ({mode}): {outcome}"
        ).format(when=when, took=took, mode=mode, outcome=outcome_words(last.outcome)),
        counts_words(last.counts),
    )


def problem_words(snapshot: ProfileSnapshot | None) -> Problem | None:
    """What stands in the profile's way: a quarantine, a held cycle, failures, operations
    left by an interrupted cycle; None when nothing does."""
    last = snapshot.last_cycle if snapshot else None
    if snapshot is not None and snapshot.quarantine is not None:
        quarantine = snapshot.quarantine
        reason, next_step = quarantine_texts(quarantine, last)
        return Problem(
            QCoreApplication.translate(
                "DashboardWindow", "Quarantined since {since}: {reason}"
            ).format(since=local_time_text(quarantine.since), reason=reason),
            QCoreApplication.translate(
                "DashboardWindow",
                "{next_step} The next attempt is at {time}; Restart provisioning tries "
                "again at once.",
            ).format(next_step=next_step, time=local_time_text(quarantine.next_attempt)),
        )
    if last is not None and last.outcome == "held":
        return Problem(
            QCoreApplication.translate("DashboardWindow", "Held: {reason}").format(
                reason=tr_said(last.reason, last.coded_reason)
            ),
            QCoreApplication.translate(
                "DashboardWindow",
                "Nothing was disabled or deleted. If these removals are intended, press "
                "Allow the removals and run; otherwise fix the source or the scoping filters.",
            ),
        )
    if last is not None and last.outcome in ("failed", "completed_with_failures"):
        return Problem(*last.texts(qt_translate, "gui"))
    if snapshot is not None and snapshot.pending_operations and snapshot.interrupted is None:
        return Problem(
            QCoreApplication.translate(
                "DashboardWindow",
                "{count} operations of an interrupted cycle wait; the next cycle finishes them.",
            ).format(count=snapshot.pending_operations),
            error=False,
        )
    return None


def quarantine_texts(quarantine: Quarantine, last: CycleRecord | None) -> tuple[str, str]:
    """The quarantine's reason and next step in the window's language: from their codes; a
    quarantine kept before the codes were, from the codes of the cycle that gave it (when the
    last cycle's record has the same English)."""
    if quarantine.coded_reason is not None or quarantine.coded_next_step is not None:
        return quarantine.texts(qt_translate, "gui")
    reason, next_step = quarantine.reason, quarantine.next_step  # kept before the codes were
    if last is not None and last.reason == reason:
        reason = tr_said(last.reason, last.coded_reason)
    if last is not None and last.next_step == next_step:
        next_step = tr_said(last.next_step, last.coded_next_step)
    return reason, next_step


def interrupted_words(interrupted: InterruptedCycle) -> str:
    """The interrupted-cycle banner's text."""
    return (
        QCoreApplication.translate(
            "DashboardWindow",
            "The last cycle was interrupted at {done} of {planned} operations, at {time}.",
        ).format(
            done=interrupted.done,
            planned=interrupted.planned,
            time=local_time_text(interrupted.stopped),
        )
        + "\n"
        + QCoreApplication.translate(
            "DashboardWindow",
            "Resume finishes it: the operations that were not answered are sent once "
            "more, and nobody is created twice.",
        )
    )


def statistics_words(snapshot: ProfileSnapshot | None) -> str:
    """Statistics to date: users and groups provisioned, cycles, logged operations, since."""
    if snapshot is None or (not snapshot.cycles and not snapshot.users_linked):
        return QCoreApplication.translate(
            "DashboardWindow", "Nothing yet: statistics start with the first cycle."
        )
    counts = snapshot.log_counts
    lines = [
        QCoreApplication.translate(
            "DashboardWindow", "Users provisioned: {active} active, {total} in all"
        ).format(active=snapshot.users_active, total=snapshot.users_linked),
        QCoreApplication.translate("DashboardWindow", "Groups provisioned: {count}").format(
            count=snapshot.groups_linked
        ),
        QCoreApplication.translate("DashboardWindow", "Cycles: {count}").format(
            count=len(snapshot.cycles)
        ),
    ]
    lines.append(
        QCoreApplication.translate("DashboardWindow", "Logged operations: {counts}").format(
            counts=" · ".join(
                f"{status_label(status.value)} {counts.get(status.value, 0)}" for status in Status
            )
        )
    )
    if snapshot.since is not None:
        lines.append(
            QCoreApplication.translate("DashboardWindow", "Since {time}").format(
                time=local_time_text(snapshot.since)
            )
        )
    return "\n".join(lines)


def state_words(state: SchedulerState, status: SchedulerStatus, progress: tuple[int, int]) -> str:
    """The State line: the scheduler's state, a running cycle's progress (`progress`: users
    done and in all), a queued cycle, why the last attempt could not run."""
    text = scheduler_state_words(state)
    if status.state is SchedulerState.RUNNING:
        done, total = progress
        if total:
            text += " " + QCoreApplication.translate(
                "DashboardWindow", "({done} of {total} users)"
            ).format(done=done, total=total)
        if status.queued:
            text += " " + QCoreApplication.translate("DashboardWindow", "; another cycle is queued")
    if status.last_error:
        text += "\n" + tr_said(status.last_error, status.coded_last_error)
    return text


def next_cycle_words(automatic: bool, next_cycle_at: datetime | None, every_minutes: int) -> str:
    """The Next cycle line."""
    if not automatic:
        return QCoreApplication.translate(
            "DashboardWindow", "Only when you press Sync now (provisioning status is off)."
        )
    if next_cycle_at is None:
        return QCoreApplication.translate("DashboardWindow", "Not scheduled")
    return QCoreApplication.translate("DashboardWindow", "{time} (every {minutes} minutes)").format(
        time=local_time_text(next_cycle_at), minutes=every_minutes
    )
