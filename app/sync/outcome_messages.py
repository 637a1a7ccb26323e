"""The sentences of a cycle's end (app.sync.outcome, safety, engine): the outcome's reason and
next step, the accidental-deletion threshold, the quarantine. Each is a coded message
(app.messages); the French is in resources/locale/.

A next step that names a command has a `gui=` variant naming the window's button instead
(the dashboard's "Allow the removals and run…", "Restart provisioning…", "Sync now")."""

from __future__ import annotations

from app.messages import Message, message

# -- the accidental-deletion threshold (safety) ------------------------------------------------
SHARE = {
    "User": message(
        "sync.threshold.share.users", "{removals} of {linked} provisioned users ({percent} %)"
    ),
    "Group": message(
        "sync.threshold.share.groups", "{removals} of {linked} provisioned groups ({percent} %)"
    ),
}
WOULD_REMOVE = message(
    "sync.threshold.would_remove",
    "This cycle would disable or delete {share}; the threshold is {limit}.",
)
LIMIT_COUNT = message("sync.threshold.limit.count", "more than {count}")
LIMIT_PERCENT = message(
    "sync.threshold.limit.percent", "more than {percent} % (from {minimum} removals)"
)
LIMIT_EITHER = message("sync.threshold.limit.either", "{first} or {second}")
LIMIT_NONE = message("sync.threshold.limit.none", "no limit")
BOTH = message("sync.threshold.both", "{users} {groups}")
HELD_NOW = message("sync.held.reason", "{reason} The cycle is held: nothing was sent.")
HELD_PLAN = message(
    "sync.held.plan_reason",
    "{reason} The cycle will be held: nothing will be sent until you allow the removals.",
)
ALLOW_NEXT = message(
    "sync.held.next_step",
    "Check the source (a wrong file or filter removes many users at once). If the "
    "removals are intended, run `webex-provisioner sync --profile {profile} --allow-deletes` "
    "or press Allow the removals and run in the dashboard.",
    gui="Check the source (a wrong file or filter removes many users at once). If the "
    'removals of {profile} are intended, press "Allow the removals and run…".',
)
HELD_OPERATION = message(
    "sync.held.operation", "held by the accidental-deletion threshold: the cycle sent nothing"
)
HELD_OPERATION_DETAIL = message(
    "sync.held.operation_detail", "{detail}; held by the accidental-deletion threshold"
)
HELD_OPERATION_NEXT = message(
    "sync.held.operation_next",
    "Run `webex-provisioner sync --allow-deletes` if the removals are intended.",
    gui='Press "Allow the removals and run…" if the removals are intended.',
)

# -- quarantine --------------------------------------------------------------------------------
QUARANTINED = message(
    "sync.quarantine.reason", "The profile is quarantined: {reason} The next attempt is at {when}."
)
QUARANTINE_THEN = message(
    "sync.quarantine.next_step",
    "{next_step} Then run `webex-provisioner restart --profile {profile}` to try again at once.",
    gui='{next_step} Then press "Restart provisioning…" for {profile} to try again at once.',
)
QUARANTINE_ONCE_FIXED = message(
    "sync.quarantine.waiting_next_step",
    "{next_step} Once fixed, run `webex-provisioner restart --profile {profile}` to try again "
    "at once.",
    gui='{next_step} Once fixed, press "Restart provisioning…" for {profile} to try again at once.',
)

# -- outcomes ----------------------------------------------------------------------------------
FAILURE_RATE = message(
    "sync.outcome.failure_rate",
    "{failed} of {attempted} operations failed (more than 40 %): something is wrong with the "
    "target or the mappings, not with a few users.",
)
FAILURE_RATE_NEXT = message(
    "sync.outcome.failure_rate_next",
    "Read the failures in the provisioning log (`webex-provisioner logs`).",
    gui="Read the failures in the provisioning log (the Logs tab).",
)
CANCELLED = message(
    "sync.outcome.cancelled", "The cycle was cancelled; the operations not sent yet are kept."
)
CANCELLED_NEXT = message(
    "sync.outcome.cancelled_next",
    "Run a cycle again to finish them.",
    gui='Press "Sync now" to finish them.',
)
FAILED_SOME = message(
    "sync.outcome.failures",
    "{failed} operation failed.",
    plural="{failed} operations failed.",
    count="failed",
)
FAILED_SOME_NEXT = message(
    "sync.outcome.failures_next",
    "Read the failures in the provisioning log; the next cycle retries them.",
)
UNEXPECTED = message(
    "sync.outcome.unexpected", "The cycle stopped on an unexpected error ({kind})."
)
UNEXPECTED_NEXT = message(
    "sync.outcome.unexpected_next",
    "See the program log; the next cycle resumes from the journal.",
)


def joined(first: Message | None, second: Message | None) -> Message | None:
    """Two sentences one after the other (either may be missing)."""
    if first is None or second is None:
        return first or second
    return BOTH(users=first, groups=second)


# -- the engine's notes and errors --------------------------------------------------------------
RESUMED_FIRST = message(
    "sync.engine.resumed_first",
    "{count} operation of an interrupted cycle will be resumed first.",
    plural="{count} operations of an interrupted cycle will be resumed first.",
    count="count",
)
RESUMING = message(
    "sync.engine.resuming",
    "Resuming {count} operation left unfinished by an interrupted cycle.",
    plural="Resuming {count} operations left unfinished by an interrupted cycle.",
    count="count",
)
GROUPS_DENIED = message(
    "sync.engine.groups_denied",
    "The token may not write groups (roles: {roles}): the users are provisioned, the groups "
    "are skipped. Use a full admin's or a group admin's token to provision groups.",
)
ALREADY_RUNNING = message(
    "sync.engine.already_running", "A cycle of this profile is already running."
)
ALREADY_RUNNING_NEXT = message("sync.engine.already_running_next", "Wait for it to finish.")
SOURCE_UNREADABLE = message(
    "sync.engine.source_unreadable", "The source could not be read ({problem})."
)
SOURCE_UNREADABLE_NEXT = message(
    "sync.engine.source_unreadable_next",
    "Check that the file or directory is reachable, then run the cycle again.",
)
INTERRUPTED = message(
    "sync.outcome.interrupted",
    "The program stopped before this cycle finished; the next cycle resumed its operations.",
)
INTERRUPTED_AT = message(
    "sync.outcome.interrupted_at",
    "The last cycle ({cycle_id}) was interrupted at {done} of {planned} operations, at {when}.",
)

# -- a cycle's one-line summary (CycleResult.summary) ------------------------------------------
OUTCOME_WORDS = {
    "completed": message("sync.outcome.word.completed", "completed"),
    "completed_with_failures": message(
        "sync.outcome.word.completed_with_failures", "completed with failures"
    ),
    "held": message("sync.outcome.word.held", "held"),
    "quarantined": message("sync.outcome.word.quarantined", "quarantined"),
    "cancelled": message("sync.outcome.word.cancelled", "cancelled"),
    "failed": message("sync.outcome.word.failed", "failed"),
}
SUMMARY = message("sync.summary", "Cycle {cycle_id} {outcome}: {done}.")
SUMMARY_NOTHING = message("sync.summary.nothing", "nothing to do")
SUMMARY_FAILED = message("sync.summary.failed", "{summary} {count} failed.")
SUMMARY_REASON = message("sync.summary.reason", "{summary} {reason}")
