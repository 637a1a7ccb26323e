"""The sentences of a profile's lock (app.sync.lock): who holds it, since when, and what to
do. Each is a coded message (app.messages); the French is in resources/locale/."""

from __future__ import annotations

from app.messages import message

ON_HOST = message("lock.on_host", " on {host}")
SINCE = message("lock.since", "{time} ({age})")
HELD_BY_WINDOW = message(
    "lock.holder.window",
    "{program} (the window, pid {pid}{where}) has held profile {profile} since {since}",
)
HELD_BY_CYCLE = message(
    "lock.holder.cycle",
    "{program} {purpose} (pid {pid}{where}) has run a cycle of profile {profile} since {since}",
)
SENTENCE = message("lock.sentence", "{text}.")
AGE_SECONDS = message("lock.age.seconds", "{seconds} s")
AGE_MINUTES = message("lock.age.minutes", "{minutes} min")
AGE_HOURS = message("lock.age.hours", "{hours} h")
AGE_HOURS_MINUTES = message("lock.age.hours_minutes", "{hours} h {minutes} min")
AGE_DAYS = message("lock.age.days", "{days} day", plural="{days} days", count="days")
AGE_DAYS_HOURS = message(
    "lock.age.days_hours", "{days} day {hours} h", plural="{days} days {hours} h", count="days"
)

ANOTHER_PROCESS = message(
    "lock.held.another",
    "Another webex-provisioner process is running a cycle of profile {profile}.",
)
WAIT = message("lock.held.wait", "Wait for it to end, then try again.")
WINDOW_NEXT = message(
    "lock.held.window_next",
    "Let that window finish its cycle or close it, then try again (the next scheduled run "
    "will catch up).",
)
CYCLE_NEXT = message(
    "lock.held.cycle_next",
    "Wait for that cycle to end, then try again; if it has hung, stop process {pid}.",
)
CYCLE_NEXT_HOST = message(
    "lock.held.cycle_next_host",
    "Wait for that cycle to end, then try again; if it has hung, stop process {pid} on {host}.",
)
STUCK = message(
    "lock.held.stuck",
    "{message} That is longer than {limit} ({variable}): it may be stuck.",
)
STUCK_NEXT = message(
    "lock.held.stuck_next",
    "{next_step} A lock left by a process that is gone is cleared with "
    "`webex-provisioner restart --profile {profile} --clear-lock`.",
)
OTHER_HOST_NEXT = message(
    "lock.held.other_host_next",
    "{next_step} If that host no longer runs it, clear the lock with "
    "`webex-provisioner restart --profile {profile} --clear-lock`.",
)
CANNOT_CREATE = message(
    "lock.error.cannot_create",
    "Cannot create the lock file of profile {profile} in {folder} ({problem}).",
)
CANNOT_CREATE_NEXT = message(
    "lock.error.cannot_create_next",
    "Check that this folder exists and that your account may write to it.",
)
REFUSED = message("lock.error.refused", "The system refused to lock {path} ({problem}).")
REFUSED_NEXT = message(
    "lock.error.refused_next",
    "Keep the state folder on a local disk, or check its permissions.",
)
