"""The sentences of the failure e-mail and the test message (app.notify.mail_report), and
the words of the actions and statuses that the e-mail and the CLI's tables show. Each is a
coded message (app.messages); the French is in resources/locale/."""

from __future__ import annotations

from app.messages import Message, Template, message

# -- the actions and statuses of a cycle (plan, counts, log) ---------------------------------
ACTION_WORDS = {
    "Create": message("word.action.create", "Create"),
    "Update": message("word.action.update", "Update"),
    "Disable": message("word.action.disable", "Disable"),
    "Delete": message("word.action.delete", "Delete"),
    "Skip": message("word.action.skip", "Skip"),
    "NoChange": message("word.action.no_change", "NoChange"),
}
STATUS_WORDS = {
    "Success": message("word.status.success", "Success"),
    "Failure": message("word.status.failure", "Failure"),
    "Skipped": message("word.status.skipped", "Skipped"),
    "Warning": message("word.status.warning", "Warning"),
    "Held": message("word.status.held", "Held"),
}
OTHER_WORD = message("word.other", "{word}")  # a word this version does not know: as it is


def word(words: dict[str, Template], value: str) -> Message:
    """The coded word of an action or a status (an unknown one as it is)."""
    template = words.get(value)
    return template() if template is not None else OTHER_WORD(word=value)


# -- how the cycle ended (the subject line) -------------------------------------------------
OUTCOME_QUARANTINED = message("mail.outcome.quarantined", "provisioning quarantined")
OUTCOME_HELD = message("mail.outcome.held", "cycle held by the deletion threshold")
OUTCOME_FAILURES = message(
    "mail.outcome.failures",
    "cycle ended with {count} failure",
    plural="cycle ended with {count} failures",
    count="count",
)
OUTCOME_FAILED = message("mail.outcome.failed", "cycle failed")
OUTCOME_OTHER = message("mail.outcome.other", "cycle {outcome}")
SUBJECT = message("mail.subject", "{prefix} {profile}: {outcome}")

# -- the report's labels and lines ----------------------------------------------------------
PROFILE = message("mail.label.profile", "Profile")
OUTCOME = message("mail.label.outcome", "Outcome")
WHY = message("mail.label.why", "Why")
CYCLE = message("mail.label.cycle", "Cycle")
STARTED = message("mail.label.started", "Started")
FINISHED = message("mail.label.finished", "Finished")
NEXT_ATTEMPT = message("mail.label.next_attempt", "Next attempt")
LINE = message("mail.line", "{label}: {value}")
CYCLE_LINE = message("mail.cycle_line", "Cycle: {cycle}, started {started}, finished {finished}")
NOT_BEFORE = message("mail.not_before", "not before {when}")
WHAT_NEXT = message("mail.heading.next", "What to do next")
WHAT_NEXT_LINE = message("mail.heading.next_line", "What to do next:")
COUNTS = message("mail.heading.counts", "Counts")
COUNTS_LINE = message("mail.heading.counts_line", "Counts:")
NOTHING_PLANNED_LINE = message("mail.counts.nothing_line", "nothing was planned")
NOTHING_PLANNED = message("mail.counts.nothing", "Nothing was planned.")
COUNT = message("mail.counts.status", "{status} {number}")
FIRST_FAILURES = message("mail.failures.heading", "First failures ({shown} of {total})")
FIRST_FAILURES_LINE = message("mail.failures.heading_line", "First failures ({shown} of {total}):")
FAILURE_LINE = message("mail.failures.line", "{number}. {user}: {action} failed: {error}")
FAILURE_NEXT = message("mail.failures.next", "Next step: {step}")
USER = message("mail.failures.user", "User")
ACTION = message("mail.failures.action", "Action")
ERROR = message("mail.failures.error", "Error")
NEXT_STEP = message("mail.failures.next_step", "Next step")
NO_DETAIL = message("mail.failures.no_detail", "no detail")
UNKNOWN_USER = message("mail.failures.unknown_user", "(unknown)")

# -- what to do next, when the cycle gave no next step ------------------------------------------
NEXT_QUARANTINED = message(
    "mail.next.quarantined",
    "Fix the cause above, then restart provisioning (the dashboard's Restart, or "
    "`webex-provisioner restart --profile {profile}`).",
)
NEXT_HELD = message(
    "mail.next.held",
    "Review the planned disables and deletes (`webex-provisioner sync --profile "
    "{profile} --dry-run`); if they are expected, run `webex-provisioner sync "
    "--profile {profile} --allow-deletes`.",
)
NEXT_FAILURES = message(
    "mail.next.failures",
    "Look at the failures in the provisioning log (`webex-provisioner logs --profile {profile}`).",
)
FOOTER = message(
    "mail.footer",
    "Sent by webex-provisioner {version} on {host}, because this address is a failure "
    "e-mail recipient of the profile.",
)

# -- the test message -------------------------------------------------------------------------
TEST_SUBJECT = message("mail.test.subject", "{prefix} Test message")
TEST_SUBJECT_PROFILE = message(
    "mail.test.subject_profile", "{prefix} Test message for profile {profile}"
)
TEST_FROM = message("mail.test.from", "This is a test message from webex-provisioner.")
TEST_FROM_PROFILE = message(
    "mail.test.from_profile", "This is a test message from webex-provisioner for profile {profile}."
)
TEST_WORKS = message(
    "mail.test.works",
    "Failure e-mail works. When a provisioning cycle is quarantined, held by the "
    "accidental-deletion threshold, or ends with failures, a report like this one is "
    "sent to: {recipients}.",
)
TEST_ONCE = message(
    "mail.test.once", "One message is sent per new problem, not one per cycle while it lasts."
)
TEST_SERVER = message("mail.test.server", "Mail server: {server}")
SECURITY_WORDS = {
    "none": message("mail.security.none", "no encryption"),
    "starttls": message("mail.security.starttls", "STARTTLS"),
    "tls": message("mail.security.tls", "TLS"),
}
SERVER = message("mail.server", "{host}:{port} ({security})")
