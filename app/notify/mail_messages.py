"""The sentences of the failure e-mail and the test message (app.notify.mail_report). Each is
a coded message (app.messages); the French is in resources/locale/. The words of the actions
and statuses are app.sync.word_messages'."""

from __future__ import annotations

from app.messages import message

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

# -- settings that cannot send (MailNotConfigured) --------------------------------------------
NO_HOST = message("mail.config.no_host", "No mail server (SMTP host) is set for failure e-mail.")
NO_HOST_NEXT = message(
    "mail.config.no_host.next",
    "Set one with `webex-provisioner profile set NAME --smtp-host HOST --smtp-port PORT`, or "
    "on the wizard's Notification e-mail page.",
)
NO_RECIPIENT = message("mail.config.no_recipient", "No recipient is set for failure e-mail.")
NO_RECIPIENT_NEXT = message(
    "mail.config.no_recipient.next",
    "Add one with `webex-provisioner profile set NAME --notify-email ADDRESS`.",
)
NO_SENDER = message("mail.config.no_sender", "No sender address is set for failure e-mail.")
NO_SENDER_NEXT = message(
    "mail.config.no_sender.next",
    "Set the sender on the wizard's Notification e-mail page (an address your mail server "
    "accepts), or use an e-mail address as the SMTP user.",
)
NO_PASSWORD = message(
    "mail.config.no_password", "The SMTP user {user} is set but no SMTP password is stored."
)
NO_PASSWORD_NEXT = message(
    "mail.config.no_password.next",
    "Store it with `webex-provisioner profile set NAME --smtp-password-stdin`, or clear the "
    "SMTP user if the server takes mail without a login.",
)
UNENCRYPTED = message(
    "mail.config.unencrypted", "The SMTP password would cross the network to {host} unencrypted."
)
UNENCRYPTED_NEXT = message(
    "mail.config.unencrypted.next", "Choose --smtp-security starttls (port 587) or tls (port 465)."
)

# -- sending failed (MailError) -----------------------------------------------------------------
NO_LOGIN = message(
    "mail.error.no_login", "The mail server {server} offers no login on this connection."
)
NO_LOGIN_NEXT = message(
    "mail.error.no_login.next",
    "Use --smtp-security starttls or tls, or clear the SMTP user if the server takes mail "
    "without a login.",
)
LOGIN_REFUSED = message(
    "mail.error.login_refused",
    "The mail server {server} refused the login of {user} (SMTP {code}).",
)
LOGIN_REFUSED_NEXT = message(
    "mail.error.login_refused.next",
    "Check the SMTP user and password (`webex-provisioner profile set NAME --smtp-user USER "
    "--smtp-password-stdin`) and that this account may send mail.",
)
NO_STARTTLS = message("mail.error.no_starttls", "The mail server {server} does not offer STARTTLS.")
NO_STARTTLS_NEXT = message(
    "mail.error.no_starttls.next",
    "Choose --smtp-security tls (usually port 465), or ask the mail admin which security the "
    "server uses.",
)
NOT_SUPPORTED = message(
    "mail.error.not_supported",
    "The mail server {server} does not support what sending needs ({detail}).",
)
NOT_SUPPORTED_NEXT = message(
    "mail.error.not_supported.next",
    "Ask the mail admin which server and port to use for automated mail.",
)
ALL_RECIPIENTS = message("mail.error.all_recipients", "all recipients")
RECIPIENTS_REFUSED = message(
    "mail.error.recipients", "The mail server {server} refused the recipients {refused}."
)
RECIPIENTS_REFUSED_NEXT = message(
    "mail.error.recipients.next",
    "Check the addresses, and that this server relays mail to them "
    "(`webex-provisioner profile set NAME --notify-email ADDRESS`).",
)
SENDER_REFUSED = message(
    "mail.error.sender",
    "The mail server {server} refused the sender {sender} (SMTP {code}: {detail}).",
)
SENDER_REFUSED_NEXT = message(
    "mail.error.sender.next",
    "Use a sender address this server accepts, often the SMTP user's own.",
)
CLOSED = message("mail.error.closed", "The mail server {server} closed the connection ({detail}).")
CLOSED_NEXT = message(
    "mail.error.closed.next",
    "Check that the port matches the security (465 for tls, 587 for starttls, 25 for none) "
    "and try again.",
)
MESSAGE_REFUSED = message(
    "mail.error.message",
    "The mail server {server} refused the message (SMTP {code}: {detail}).",
)
MESSAGE_REFUSED_NEXT = message(
    "mail.error.message.next",
    "Ask the mail admin whether this server accepts automated mail from this computer.",
)
SENDING_FAILED = message("mail.error.sending", "Sending through {server} failed ({detail}).")
SENDING_FAILED_NEXT = message("mail.error.sending.next", "Check the SMTP settings and try again.")
UNTRUSTED = message(
    "mail.error.untrusted",
    "The certificate of the mail server {server} is not trusted ({detail}).",
)
UNTRUSTED_NEXT = message(
    "mail.error.untrusted.next",
    "If your company inspects TLS, point SSL_CERT_FILE at its CA bundle; otherwise check the "
    "SMTP host name (it must match the certificate).",
)
TLS_FAILED = message(
    "mail.error.tls", "The TLS connection to the mail server {server} failed ({detail})."
)
TLS_FAILED_NEXT = message(
    "mail.error.tls.next",
    "Check that the port matches the security: 465 for tls, 587 for starttls.",
)
UNREACHABLE = message("mail.error.unreachable", "Could not reach the mail server {server}: {why}.")
UNREACHABLE_NEXT = message(
    "mail.error.unreachable.next",
    "Check the SMTP host and port, that the server runs, and that no firewall blocks the "
    "port; then send a test message (`webex-provisioner notify test --profile NAME`).",
)
WHY_TIMEOUT = message("mail.error.why.timeout", "no answer in time")
WHY_UNKNOWN_HOST = message("mail.error.why.unknown_host", "unknown host name")
WHY_REFUSED = message("mail.error.why.refused", "connection refused")
