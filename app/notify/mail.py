"""Failure e-mail over SMTP (aiosmtplib): the test message and the failure report.

Each message has a plain-text body with no links and an HTML alternative that carries the
same words. Addresses that appear in error texts lose their scheme, so that no mail client
turns them into links. SMTP errors become MailError subclasses with plain words and the next
step; the password never appears in a message, a log line or an error.
"""

from __future__ import annotations

import asyncio
import errno
import html
import re
import socket
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import aiosmtplib

from app import __version__
from app.errors import ExitCode, InputError, UserFacingError
from app.net import is_loopback_host, ssl_context

if TYPE_CHECKING:
    from app.config.profile import NotificationSettings, Profile
    from app.sync.events import CycleResult, SyncEvent

Security = Literal["none", "starttls", "tls"]
SUBJECT_PREFIX = "[webex-provisioner]"
MAX_FAILURES_IN_MAIL = 10
_SCHEME = re.compile(r"(?i)\b(?:https?|ftp)://")
_SECURITY_WORDS = {"none": "no encryption", "starttls": "STARTTLS", "tls": "TLS"}


class MailError(UserFacingError):
    """A mail could not be sent; the message says why and what to change."""

    exit_code = ExitCode.UNREACHABLE


class MailNotConfigured(InputError):
    """The profile's mail settings are incomplete (no server, no recipient, no sender)."""


class MailLoginRefused(MailError):
    exit_code = ExitCode.AUTH


class MailServerUnreachable(MailError):
    pass


class MailTlsError(MailError):
    pass


class MailRejected(MailError):
    """The server took the connection but refused the sender, the recipients or the message."""

    exit_code = ExitCode.BAD_INPUT


@dataclass(frozen=True, slots=True)
class MailSettings:
    """Where and how failure e-mail is sent. The password is never a field: it is passed in."""

    host: str
    port: int = 587
    security: Security = "starttls"
    user: str = ""
    sender: str = ""
    recipients: tuple[str, ...] = ()
    timeout: float = 30.0
    extra_ca: Path | None = field(default=None, repr=False)  # a private CA (tests, a lab)

    @classmethod
    def from_notifications(cls, notifications: NotificationSettings) -> MailSettings:
        smtp = notifications.smtp
        return cls(
            host=smtp.host,
            port=smtp.port,
            security=smtp.security,
            user=smtp.user,
            sender=smtp.sender,
            recipients=tuple(notifications.emails),
        )

    @classmethod
    def from_profile(cls, profile: Profile) -> MailSettings:
        return cls.from_notifications(profile.notifications)

    @property
    def envelope_sender(self) -> str:
        """The sender address: the one given, else the SMTP user when it is an address."""
        if self.sender:
            return self.sender
        if "@" in self.user:
            return self.user
        return ""

    def describe(self) -> str:
        """'smtp.example.com:587 (STARTTLS)' for messages."""
        return f"{self.host}:{self.port} ({_SECURITY_WORDS[self.security]})"

    def check(self, password: str | None) -> None:
        """Raise MailNotConfigured when these settings cannot send anything."""
        if not self.host:
            raise MailNotConfigured(
                "No mail server (SMTP host) is set for failure e-mail.",
                "Set one with `webex-provisioner profile set NAME --smtp-host HOST --smtp-port "
                "PORT`, or on the wizard's Notification e-mail page.",
            )
        if not self.recipients:
            raise MailNotConfigured(
                "No recipient is set for failure e-mail.",
                "Add one with `webex-provisioner profile set NAME --notify-email ADDRESS`.",
            )
        if not self.envelope_sender:
            raise MailNotConfigured(
                "No sender address is set for failure e-mail.",
                "Set the sender on the wizard's Notification e-mail page (an address your "
                "mail server accepts), or use an e-mail address as the SMTP user.",
            )
        if self.user and not password:
            raise MailNotConfigured(
                f"The SMTP user {self.user} is set but no SMTP password is stored.",
                "Store it with `webex-provisioner profile set NAME --smtp-password-stdin`, "
                "or clear the SMTP user if the server takes mail without a login.",
            )
        if self.user and self.security == "none" and not is_loopback_host(self.host):
            raise MailNotConfigured(
                f"The SMTP password would cross the network to {self.host} unencrypted.",
                "Choose --smtp-security starttls (port 587) or tls (port 465).",
            )


async def send_test_mail(
    settings: MailSettings, password: str | None, *, profile_name: str = ""
) -> EmailMessage:
    """Send the test message; returns it. Raises MailError / MailNotConfigured."""
    settings.check(password)
    message = build_test_message(settings, profile_name=profile_name)
    await _send(settings, password, message)
    return message


async def send_failure_mail(
    settings: MailSettings, password: str | None, *, profile_name: str, result: CycleResult
) -> EmailMessage:
    """Send the report of a cycle that was quarantined, held or ended with failures."""
    settings.check(password)
    message = build_failure_message(settings, profile_name=profile_name, result=result)
    await _send(settings, password, message)
    return message


def build_test_message(settings: MailSettings, *, profile_name: str = "") -> EmailMessage:
    about = f" for profile {profile_name}" if profile_name else ""
    subject = f"{SUBJECT_PREFIX} Test message{about}"
    lines = [
        f"This is a test message from webex-provisioner{about}.",
        "",
        "Failure e-mail works. When a provisioning cycle is quarantined, held by the "
        "accidental-deletion threshold, or ends with failures, a report like this one is "
        "sent to: " + ", ".join(settings.recipients) + ".",
        "One message is sent per new problem, not one per cycle while it lasts.",
        "",
        f"Mail server: {settings.describe()}",
    ]
    html_body = _html_page(subject, [_html_paragraphs(lines)])
    return _message(settings, subject, "\n".join(lines) + _footer_text(), html_body)


def failure_subject(profile_name: str, result: CycleResult) -> str:
    return f"{SUBJECT_PREFIX} {profile_name}: {outcome_words(result)}"


def outcome_words(result: CycleResult) -> str:
    """How the cycle ended, in the words of the subject line."""
    if result.outcome == "quarantined":
        return "provisioning quarantined"
    if result.outcome == "held":
        return "cycle held by the deletion threshold"
    if result.outcome == "completed_with_failures":
        count = result.failures
        return f"cycle ended with {count} failure{'s' if count != 1 else ''}"
    if result.outcome == "failed":
        return "cycle failed"
    return f"cycle {result.outcome.replace('_', ' ')}"


def build_failure_message(
    settings: MailSettings, *, profile_name: str, result: CycleResult
) -> EmailMessage:
    subject = failure_subject(profile_name, result)
    failures = list(result.first_failures[:MAX_FAILURES_IN_MAIL])
    total_failures = result.failures

    text: list[str] = [
        f"Profile: {profile_name}",
        f"Outcome: {outcome_words(result)}",
    ]
    if result.reason:
        text.append(f"Why: {_unlink(result.reason)}")
    text.append(
        f"Cycle: {result.cycle_id}, started {_when(result.started)}, "
        f"finished {_when(result.finished)}"
    )
    if result.next_attempt is not None:
        text.append(f"Next attempt: not before {_when(result.next_attempt)}")
    text += [
        "",
        "What to do next:",
        _unlink(result.next_step or _default_next_step(result, profile_name)),
    ]
    rows = _count_rows(result.counts)
    text += ["", "Counts:"]
    text += [f"  {action}: {detail}" for action, detail in rows] or ["  nothing was planned"]
    if failures:
        shown = f"{len(failures)} of {max(total_failures, len(failures))}"
        text += ["", f"First failures ({shown}):"]
        for number, event in enumerate(failures, 1):
            user, action, error, step = _failure_fields(event)
            text.append(f"  {number}. {user}: {action} failed: {error}")
            if step:
                text.append(f"     Next step: {step}")

    sections = [
        _html_table(
            [
                ("Profile", profile_name),
                ("Outcome", outcome_words(result)),
                *([("Why", _unlink(result.reason))] if result.reason else []),
                ("Cycle", result.cycle_id),
                ("Started", _when(result.started)),
                ("Finished", _when(result.finished)),
                *(
                    [("Next attempt", f"not before {_when(result.next_attempt)}")]
                    if result.next_attempt is not None
                    else []
                ),
            ]
        ),
        "<h2>What to do next</h2>"
        + _html_paragraphs([_unlink(result.next_step or _default_next_step(result, profile_name))]),
        "<h2>Counts</h2>"
        + (_html_table(rows) if rows else _html_paragraphs(["Nothing was planned."])),
    ]
    if failures:
        header = "<tr><th>User</th><th>Action</th><th>Error</th><th>Next step</th></tr>"
        body = "".join(
            "<tr>"
            + "".join(f"<td>{html.escape(cell)}</td>" for cell in _failure_fields(e))
            + "</tr>"
            for e in failures
        )
        sections.append(
            f"<h2>First failures ({len(failures)} of {max(total_failures, len(failures))})</h2>"
            f'<table border="1" cellpadding="4" cellspacing="0">{header}{body}</table>'
        )
    html_body = _html_page(subject, sections)
    return _message(settings, subject, "\n".join(text) + _footer_text(), html_body)


def _failure_fields(event: SyncEvent) -> tuple[str, str, str, str]:
    error = event.message or event.error_code or "no detail"
    if event.error_code and event.message and event.error_code not in event.message:
        error = f"{event.message} ({event.error_code})"
    return (
        event.user_name or event.source_id or "(unknown)",
        event.action or "-",
        _unlink(error),
        _unlink(event.next_step),
    )


def _default_next_step(result: CycleResult, profile_name: str) -> str:
    if result.outcome == "quarantined":
        return (
            "Fix the cause above, then restart provisioning (the dashboard's Restart, or "
            f"`webex-provisioner restart --profile {profile_name}`)."
        )
    if result.outcome == "held":
        return (
            "Review the planned disables and deletes (`webex-provisioner sync --profile "
            f"{profile_name} --dry-run`); if they are expected, run `webex-provisioner sync "
            f"--profile {profile_name} --allow-deletes`."
        )
    return (
        "Look at the failures in the provisioning log "
        f"(`webex-provisioner logs --profile {profile_name}`)."
    )


def _count_rows(counts: Mapping[str, Mapping[str, int]]) -> list[tuple[str, str]]:
    rows = []
    for action in sorted(counts):
        statuses = counts[action]
        detail = ", ".join(f"{status} {number}" for status, number in sorted(statuses.items()))
        rows.append((action, detail))
    return rows


def _unlink(text: str) -> str:
    return _SCHEME.sub("", text)


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()


def _footer_text() -> str:
    return (
        "\n\n-- \n"
        f"Sent by webex-provisioner {__version__} on {socket.gethostname()}, because this "
        "address is a failure e-mail recipient of the profile.\n"
    )


def _html_page(title: str, sections: Sequence[str]) -> str:
    footer = html.escape(_footer_text().strip().removeprefix("--").strip())
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head>"
        '<body style="font-family: sans-serif">'
        + "".join(sections)
        + f'<hr><p style="color: #666; font-size: small">{footer}</p></body></html>'
    )


def _html_paragraphs(lines: Sequence[str]) -> str:
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line:
            paragraphs[-1].append(html.escape(line))
        elif paragraphs[-1]:
            paragraphs.append([])
    return "".join(f"<p>{'<br>'.join(p)}</p>" for p in paragraphs if p)


def _html_table(rows: Sequence[tuple[str, str]]) -> str:
    cells = "".join(
        f'<tr><th align="left">{html.escape(key)}</th><td>{html.escape(value)}</td></tr>'
        for key, value in rows
    )
    return f'<table cellpadding="4" cellspacing="0">{cells}</table>'


def _message(settings: MailSettings, subject: str, text: str, html_body: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = settings.envelope_sender
    message["To"] = ", ".join(settings.recipients)
    message["Date"] = format_datetime(datetime.now().astimezone())
    domain = settings.envelope_sender.rpartition("@")[2] or "webex-provisioner.invalid"
    message["Message-ID"] = make_msgid("webex-provisioner", domain=domain)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies
    message.set_content(text)
    message.add_alternative(html_body, subtype="html")
    return message


async def _send(settings: MailSettings, password: str | None, message: EmailMessage) -> None:
    context = ssl_context(settings.extra_ca) if settings.security != "none" else None
    client = aiosmtplib.SMTP(
        hostname=settings.host,
        port=settings.port,
        use_tls=settings.security == "tls",
        start_tls=settings.security == "starttls",
        tls_context=context,
        timeout=settings.timeout,
    )
    protocol: Any = None
    try:
        async with client:
            protocol = client.protocol
            if settings.user:
                if client.is_ehlo_or_helo_needed:  # after STARTTLS the server is asked again
                    await client.ehlo()
                if not client.supports_extension("auth"):
                    raise MailLoginRefused(
                        f"The mail server {settings.describe()} offers no login on this "
                        "connection.",
                        "Use --smtp-security starttls or tls, or clear the SMTP user if the "
                        "server takes mail without a login.",
                    )
                await client.login(settings.user, password or "")
            await client.send_message(
                message, sender=settings.envelope_sender, recipients=list(settings.recipients)
            )
    except aiosmtplib.SMTPException as exc:
        raise _mail_error(settings, exc) from exc
    except ssl.SSLError as exc:
        raise _tls_error(settings, exc) from exc
    except OSError as exc:
        raise _unreachable(settings, exc) from exc
    finally:
        await _closed(protocol)


async def _closed(protocol: Any, limit: float = 5.0) -> None:
    """Wait until the connection is really closed.

    After STARTTLS, closing is a TLS shutdown that ends later, on the loop; a command that
    ends its loop right after sending would leave the socket open. Bounded: a server that
    never answers the shutdown does not hold the caller.
    """
    if protocol is None:
        return
    deadline = asyncio.get_running_loop().time() + limit
    while getattr(protocol, "transport", None) is not None:
        if asyncio.get_running_loop().time() >= deadline:
            transport = protocol.transport
            if transport is not None:
                transport.abort()
            return
        await asyncio.sleep(0.01)


def _mail_error(settings: MailSettings, exc: aiosmtplib.SMTPException) -> MailError:
    server = settings.describe()
    tls_cause = _ssl_cause(exc)
    if tls_cause is not None:
        return _tls_error(settings, tls_cause)
    if isinstance(exc, aiosmtplib.SMTPAuthenticationError):
        return MailLoginRefused(
            f"The mail server {server} refused the login of {settings.user} (SMTP {exc.code}).",
            "Check the SMTP user and password (`webex-provisioner profile set NAME "
            "--smtp-user USER --smtp-password-stdin`) and that this account may send mail.",
        )
    words = str(exc).lower()
    # aiosmtplib reports a missing extension as SMTPNotSupported or as a plain SMTPException.
    if type(exc) in (aiosmtplib.SMTPException, aiosmtplib.SMTPNotSupported):
        if "starttls" in words:
            return MailTlsError(
                f"The mail server {server} does not offer STARTTLS.",
                "Choose --smtp-security tls (usually port 465), or ask the mail admin "
                "which security the server uses.",
            )
        if "auth" in words:
            return MailLoginRefused(
                f"The mail server {server} offers no login on this connection.",
                "Use --smtp-security starttls or tls, or clear the SMTP user if the server "
                "takes mail without a login.",
            )
    if isinstance(exc, aiosmtplib.SMTPNotSupported):
        return MailRejected(
            f"The mail server {server} does not support what sending needs ({_short(str(exc))}).",
            "Ask the mail admin which server and port to use for automated mail.",
        )
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
        refused = ", ".join(r.recipient for r in exc.recipients) or "all recipients"
        return MailRejected(
            f"The mail server {server} refused the recipients {refused}.",
            "Check the addresses, and that this server relays mail to them "
            "(`webex-provisioner profile set NAME --notify-email ADDRESS`).",
        )
    if isinstance(exc, aiosmtplib.SMTPSenderRefused):
        return MailRejected(
            f"The mail server {server} refused the sender {exc.sender} "
            f"(SMTP {exc.code}: {_short(exc.message)}).",
            "Use a sender address this server accepts, often the SMTP user's own.",
        )
    if isinstance(exc, aiosmtplib.SMTPConnectError | aiosmtplib.SMTPTimeoutError):
        return _unreachable(settings, exc)
    if isinstance(exc, aiosmtplib.SMTPServerDisconnected):
        return MailServerUnreachable(
            f"The mail server {server} closed the connection ({_short(str(exc))}).",
            "Check that the port matches the security (465 for tls, 587 for starttls, "
            "25 for none) and try again.",
        )
    if isinstance(exc, aiosmtplib.SMTPResponseException):
        return MailRejected(
            f"The mail server {server} refused the message (SMTP {exc.code}: "
            f"{_short(exc.message)}).",
            "Ask the mail admin whether this server accepts automated mail from this computer.",
        )
    return MailServerUnreachable(
        f"Sending through {server} failed ({_short(str(exc))}).",
        "Check the SMTP settings and try again.",
    )


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception and its causes, outermost first."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _ssl_cause(exc: BaseException) -> ssl.SSLError | None:
    for cause in _chain(exc):
        if isinstance(cause, ssl.SSLError):
            return cause
    return None


def _tls_error(settings: MailSettings, exc: ssl.SSLError) -> MailTlsError:
    server = settings.describe()
    if isinstance(exc, ssl.SSLCertVerificationError):
        return MailTlsError(
            f"The certificate of the mail server {server} is not trusted "
            f"({_short(exc.verify_message or str(exc))}).",
            "If your company inspects TLS, point SSL_CERT_FILE at its CA bundle; otherwise "
            "check the SMTP host name (it must match the certificate).",
        )
    return MailTlsError(
        f"The TLS connection to the mail server {server} failed ({_short(exc.reason or str(exc))}).",
        "Check that the port matches the security: 465 for tls, 587 for starttls.",
    )


def _unreachable(settings: MailSettings, exc: BaseException) -> MailServerUnreachable:
    server = settings.describe()
    causes = _chain(exc)
    if any(isinstance(cause, TimeoutError) for cause in causes):
        why = "no answer in time"
    elif any(isinstance(cause, socket.gaierror) for cause in causes):
        why = "unknown host name"
    elif any(
        isinstance(cause, ConnectionRefusedError)
        or getattr(cause, "errno", None) == errno.ECONNREFUSED
        for cause in causes
    ):
        why = "connection refused"
    else:
        why = _short(str(exc)) or type(exc).__name__
    return MailServerUnreachable(
        f"Could not reach the mail server {server}: {why}.",
        "Check the SMTP host and port, that the server runs, and that no firewall blocks "
        "the port; then send a test message (`webex-provisioner notify test --profile NAME`).",
    )


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = [
    "MAX_FAILURES_IN_MAIL",
    "MailError",
    "MailLoginRefused",
    "MailNotConfigured",
    "MailRejected",
    "MailServerUnreachable",
    "MailSettings",
    "MailTlsError",
    "build_failure_message",
    "build_test_message",
    "failure_subject",
    "outcome_words",
    "send_failure_mail",
    "send_test_mail",
]
