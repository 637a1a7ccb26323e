"""The sentences the commands print (sync, the dry run's plan, logs, restart, notify test, the
error printer): coded messages (app.messages), printed in the reader's language
(app.language.cli_text); the French is in resources/locale/. The words of the actions and
statuses are app.notify.mail_messages's, shared with the failure e-mail."""

from __future__ import annotations

from app.messages import message

ERROR = message("cli.error", "error: {error}")
WARNING = message("cli.warning", "warning: {warning}")
NEXT_STEP = message("cli.next_step", "Next step: {step}")
INTERRUPTED = message("cli.interrupted", "interrupted")

# -- the dry run's plan ---------------------------------------------------------------------
PLAN_HEADING = message("cli.plan.heading", "Plan (dry run, nothing was sent): {counts}")
PLAN_COUNT = message("cli.plan.count", "{action} {number}")
PLAN_HELD = message("cli.plan.held", "HELD: {reason}")
PLAN_NOTE = message("cli.plan.note", "note: {note}")
PLAN_MORE = message(
    "cli.plan.more",
    "... and {rest} more (use --json for all of them)",
    plural="... and {rest} more (use --json for all of them)",
    count="rest",
)
OBJECT_WORDS = {
    "User": message("word.object.user", "User"),
    "Group": message("word.object.group", "Group"),
}

# -- a cycle's result -----------------------------------------------------------------------
OUTCOME_WORDS = {
    "completed": message("cli.outcome.completed", "completed"),
    "completed_with_failures": message(
        "cli.outcome.completed_with_failures", "completed with failures"
    ),
    "held": message("cli.outcome.held", "held"),
    "quarantined": message("cli.outcome.quarantined", "quarantined"),
    "cancelled": message("cli.outcome.cancelled", "cancelled"),
    "failed": message("cli.outcome.failed", "failed"),
}
CYCLE_SUMMARY = message("cli.cycle.summary", "Cycle {cycle} {outcome}: {done}.")
NOTHING_TO_DO = message("cli.cycle.nothing", "nothing to do")
CYCLE_FAILED_COUNT = message(
    "cli.cycle.failed_count", "{count} failed.", plural="{count} failed.", count="count"
)
MAIL_NOT_SENT = message("cli.mail_not_sent", "warning: the failure e-mail was not sent ({error})")
STOPPING = message("cli.stopping", "Stopping after the operations in flight...")
STOPPED = message(
    "cli.stopped",
    "Stopped. The cycle was interrupted; run `webex-provisioner sync --profile {profile}` to "
    "finish it (what was in flight is checked first).",
)
RUNNING_EVERY = message("cli.every", "Running a cycle every {every}; press Ctrl+C to stop.")

# -- logs -------------------------------------------------------------------------------------
LOGS_NONE_YET = message(
    "cli.logs.none_yet", "Profile {profile} has no provisioning log yet: no cycle has run."
)
LOGS_RESUME = message(
    "cli.logs.resume",
    "{interrupted} Run `webex-provisioner sync --profile {profile}` to resume it: the "
    "operations not answered are sent once, nothing is created twice.",
)
LOGS_INTERRUPTED_AT = message(
    "cli.logs.interrupted_at",
    "The last cycle ({cycle}) was interrupted at {done} of {planned} operations, at {when}.",
)
LOGS_RECENT = message("cli.logs.recent", "Recent cycles:")
LOGS_NO_ROWS = message("cli.logs.no_rows", "No log rows match.")
LOGS_INTERRUPTED = message("cli.logs.outcome.interrupted", "interrupted")
LOGS_RUNNING = message("cli.logs.outcome.running", "running")
LOGS_RESUMED = message("cli.logs.outcome.resumed", "interrupted, then resumed")
# The log's list of cycles names each outcome by its stored value, as it always did.
LOG_OUTCOME_WORDS = {
    "completed": message("cli.logs.outcome.completed", "completed"),
    "completed_with_failures": message(
        "cli.logs.outcome.completed_with_failures", "completed_with_failures"
    ),
    "held": message("cli.logs.outcome.held", "held"),
    "quarantined": message("cli.logs.outcome.quarantined", "quarantined"),
    "cancelled": message("cli.logs.outcome.cancelled", "cancelled"),
    "failed": message("cli.logs.outcome.failed", "failed"),
}
LOGS_NO_CYCLE = message("cli.logs.no_cycle", "Profile {profile} has no cycle {cycle}.")
LOGS_LIST_CYCLES = message(
    "cli.logs.list_cycles", "List its cycles with `webex-provisioner logs --profile {profile}`."
)

# -- restart ----------------------------------------------------------------------------------
RESTART_NOTHING = message("cli.restart.nothing", "Nothing was cleared.")
RESTART_LIFTED = message("cli.restart.lifted", "The quarantine is lifted (it said: {reason})")
RESTART_DONE = message(
    "cli.restart.done",
    "Profile {profile} restarted: {watermarks} watermarks and {journal} journal entries "
    "cleared. The next cycle reads the whole source.",
)

# -- notify test ------------------------------------------------------------------------------
TEST_MAIL_SENT = message("cli.notify.sent", "Test e-mail sent to {recipients} through {server}.")
TEST_MAIL_OFF = message(
    "cli.notify.off",
    "Note: failure e-mail is off for this profile; turn it on in the wizard's "
    "Notification e-mail page or with `webex-provisioner profile set`.",
)

# -- provisioning switched off (sync) -------------------------------------------------------------
OFF_SCHEDULED = message(
    "cli.off.scheduled",
    "Provisioning is off for profile {profile}: the scheduled cycle was skipped and nothing "
    "was sent. Turn it on with `{turn_on}`.",
)
OFF_EVERY = message(
    "cli.off.every",
    "Provisioning is off for profile {profile}: --every runs scheduled cycles, which do not "
    "run while it is off; nothing was sent. Turn it on with `{turn_on}`, or run one cycle "
    "with `webex-provisioner sync --profile {profile} --force`.",
)
OFF_REFUSED = message(
    "cli.off.refused",
    "Provisioning is off for profile {profile}: no cycle was run and nothing was sent. To "
    "run one cycle anyway, add --force (`webex-provisioner sync --profile {profile} "
    "--force`); to keep it running, `{turn_on}`. `--dry-run` shows what a cycle would do.",
)
OFF_FORCED = message(
    "cli.off.forced",
    "Provisioning is off for profile {profile}: running one cycle anyway (--force).",
)

# -- the lock (restart --clear-lock) --------------------------------------------------------------
LOCK_FREE = message(
    "cli.lock.free", "The lock of profile {profile} is free: there is no record to clear."
)
LOCK_RECORD = message("cli.lock.record", "Lock record of profile {profile}: {owner}.")
LOCK_NO_TERMINAL = message(
    "cli.lock.no_terminal",
    "Clearing the lock needs a confirmation, and there is no terminal to ask.",
)
LOCK_NO_TERMINAL_NEXT = message(
    "cli.lock.no_terminal.next",
    "Check that process {pid} on {host} no longer runs a cycle, then run "
    "`webex-provisioner restart --profile {profile} --clear-lock --yes`.",
)
LOCK_ASK = message(
    "cli.lock.ask", "Clear it? Only if process {pid} on {host} no longer runs. [y/N] "
)
LOCK_CLEARED = message("cli.lock.cleared", "The lock record of profile {profile} was cleared.")
NOT_A_NUMBER = message(
    "cli.limit.not_number", "{text!r} is not a whole number; give 0 (all rows) or a positive number"
)
NEGATIVE = message(
    "cli.limit.negative", "{value} is negative; give 0 (all rows) or a positive number"
)

# -- schedule install|remove ----------------------------------------------------------------------
SCHEDULE_WROTE = message("cli.schedule.wrote", "Wrote the {what} {path}")
SCHEDULE_RUNS = message("cli.schedule.runs", "It runs every {every}: {command}")
SCHEDULE_TURN_ON = message("cli.schedule.turn_on", "Turn it on with:")
SCHEDULE_NOTE = message("cli.schedule.note", "Note: {note}")
SCHEDULE_OFF = message(
    "cli.schedule.off",
    "Note: provisioning is off for this profile, so the scheduled runs do nothing until it is "
    "turned on: `webex-provisioner profile set {profile} --provisioning on` (or the wizard's "
    "Scope and provisioning status page).",
)
SCHEDULE_NONE = message(
    "cli.schedule.none", "No scheduler file of profile {profile} was found in {folder}."
)
SCHEDULE_DELETED = message("cli.schedule.deleted", "Deleted {path}")
SCHEDULE_STOP = message("cli.schedule.stop", "If the schedule is running now, stop it with:")

# -- the token and the tenant URL of whoami and test-connection -----------------------------------
EMPTY_STDIN = message(
    "cli.token.empty_stdin", "--token-stdin was given but standard input held no token."
)
EMPTY_STDIN_NEXT = message(
    "cli.token.empty_stdin.next",
    "Pipe the token in, e.g. `printenv {env} | webex-provisioner ...`.",
)
NO_TOKEN = message("cli.token.none", "No token was given.")
NO_TOKEN_NEXT = message(
    "cli.token.none.next", "Pipe it with --token-stdin, set {env}, or use --profile NAME."
)
NO_TENANT_URL = message("cli.tenant_url.none", "No tenant URL was given.")
NO_TENANT_URL_NEXT = message(
    "cli.tenant_url.none.next",
    "Add --tenant-url https://webexapis.com/identity/scim/ORGID/v2/ or --profile NAME.",
)

# -- secrets on standard input (profile create|set) -----------------------------------------------
SECRET_PROMPT = message("cli.stdin.prompt", "{what}: ")
NO_SECRET_ON_STDIN = message("cli.stdin.no_secret", "No {what} on standard input ({option}).")
PIPE_IT = message(
    "cli.stdin.pipe",
    "Pipe it in, e.g. `printenv MY_SECRET | webex-provisioner profile ... {option}`.",
)
PIPE_THEM = message(
    "cli.stdin.pipe_several",
    "Pipe it in, e.g. `printenv MY_SECRET | webex-provisioner profile ... {option}`; with "
    "several *-stdin options give one line each: {order}.",
)

# -- sandbox serve ----------------------------------------------------------------------------------
SANDBOX_STOPPED = message("cli.sandbox.stopped", "Sandbox stopped.")
SANDBOX_SERVING = message(
    "cli.sandbox.serving", "Webex sandbox serving on {url} (nothing leaves this computer)"
)
SANDBOX_ADDRESSES = {
    "tenant_url": message("cli.sandbox.tenant_url", "Tenant URL (Webex SCIM):"),
    "org_id": message("cli.sandbox.org_id", "orgId:"),
    "people_me": message("cli.sandbox.people_me", "people/me:"),
    "scim_app": message("cli.sandbox.scim_app", "Generic SCIM 2.0 app URL:"),
}
SANDBOX_TOKENS = message(
    "cli.sandbox.tokens", "Sandbox-only tokens (they open this sandbox and nothing else):"
)
SANDBOX_TOKEN_NAMES = {
    "full_admin": message("cli.sandbox.token.full_admin", "admin (full administrator):"),
    "readonly_admin": message("cli.sandbox.token.readonly_admin", "read-only administrator:"),
    "bot": message("cli.sandbox.token.bot", "bot:"),
    "expired": message("cli.sandbox.token.expired", "expired:"),
    "other_org": message("cli.sandbox.token.other_org", "administrator of other org:"),
    "scim_app": message("cli.sandbox.token.scim_app", "generic SCIM app:"),
}
SANDBOX_SETTINGS = message(
    "cli.sandbox.settings", "Rate limit: {rate}; added latency: {latency} ms; faults: {faults}"
)
SANDBOX_NO_LIMIT = message("cli.sandbox.no_limit", "none")
SANDBOX_RATE = message("cli.sandbox.rate", "{rate} requests/s")
SANDBOX_CHANGE = message(
    "cli.sandbox.change",
    "Settings can change while it runs: POST JSON to {url}/_sandbox/settings with the admin token.",
)
SANDBOX_CTRL_C = message("cli.sandbox.ctrl_c", "Press Ctrl+C to stop.")
