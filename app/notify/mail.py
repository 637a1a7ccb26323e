"""Failure e-mail over SMTP (aiosmtplib): the test message and the failure report.

Each message has a plain-text body with no links and an HTML alternative that carries the
same words. Addresses that appear in error texts lose their scheme, so that no mail client
turns them into links. SMTP errors become MailError subclasses with plain words and the next
step; the password never appears in a message, a log line or an error.
"""

from __future__ import annotations

import asyncio
import errno
import socket
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import aiosmtplib

from app.errors import ExitCode, InputError, UserFacingError
from app.net import is_loopback_host, ssl_context
from app.notify.mail_report import (
    MAX_FAILURES_IN_MAIL,
    build_failure_message,
    build_test_message,
    failure_subject,
    outcome_words,
)

if TYPE_CHECKING:
    from app.config.profile import NotificationSettings, Profile
    from app.sync.events import CycleResult

Security = Literal["none", "starttls", "tls"]
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
    language: str = "system"  # the e-mail's language: "system" (the computer's), "en", "fr"

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
            language=notifications.language,
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
