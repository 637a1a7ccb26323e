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
from app.messages import Message
from app.net import is_loopback_host, ssl_context
from app.notify import mail_messages as words
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
            raise MailNotConfigured(words.NO_HOST(), words.NO_HOST_NEXT())
        if not self.recipients:
            raise MailNotConfigured(words.NO_RECIPIENT(), words.NO_RECIPIENT_NEXT())
        if not self.envelope_sender:
            raise MailNotConfigured(words.NO_SENDER(), words.NO_SENDER_NEXT())
        if self.user and not password:
            raise MailNotConfigured(words.NO_PASSWORD(user=self.user), words.NO_PASSWORD_NEXT())
        if self.user and self.security == "none" and not is_loopback_host(self.host):
            raise MailNotConfigured(words.UNENCRYPTED(host=self.host), words.UNENCRYPTED_NEXT())


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
                        words.NO_LOGIN(server=_server(settings)), words.NO_LOGIN_NEXT()
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
    server = _server(settings)
    tls_cause = _ssl_cause(exc)
    if tls_cause is not None:
        return _tls_error(settings, tls_cause)
    if isinstance(exc, aiosmtplib.SMTPAuthenticationError):
        return MailLoginRefused(
            words.LOGIN_REFUSED(server=server, user=settings.user, code=exc.code),
            words.LOGIN_REFUSED_NEXT(),
        )
    said = str(exc).lower()
    # aiosmtplib reports a missing extension as SMTPNotSupported or as a plain SMTPException.
    if type(exc) in (aiosmtplib.SMTPException, aiosmtplib.SMTPNotSupported):
        if "starttls" in said:
            return MailTlsError(words.NO_STARTTLS(server=server), words.NO_STARTTLS_NEXT())
        if "auth" in said:
            return MailLoginRefused(words.NO_LOGIN(server=server), words.NO_LOGIN_NEXT())
    if isinstance(exc, aiosmtplib.SMTPNotSupported):
        return MailRejected(
            words.NOT_SUPPORTED(server=server, detail=_short(str(exc))), words.NOT_SUPPORTED_NEXT()
        )
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
        named = ", ".join(r.recipient for r in exc.recipients)
        refused = named or words.ALL_RECIPIENTS()
        return MailRejected(
            words.RECIPIENTS_REFUSED(server=server, refused=refused),
            words.RECIPIENTS_REFUSED_NEXT(),
        )
    if isinstance(exc, aiosmtplib.SMTPSenderRefused):
        return MailRejected(
            words.SENDER_REFUSED(
                server=server, sender=exc.sender, code=exc.code, detail=_short(exc.message)
            ),
            words.SENDER_REFUSED_NEXT(),
        )
    if isinstance(exc, aiosmtplib.SMTPConnectError | aiosmtplib.SMTPTimeoutError):
        return _unreachable(settings, exc)
    if isinstance(exc, aiosmtplib.SMTPServerDisconnected):
        return MailServerUnreachable(
            words.CLOSED(server=server, detail=_short(str(exc))), words.CLOSED_NEXT()
        )
    if isinstance(exc, aiosmtplib.SMTPResponseException):
        return MailRejected(
            words.MESSAGE_REFUSED(server=server, code=exc.code, detail=_short(exc.message)),
            words.MESSAGE_REFUSED_NEXT(),
        )
    return MailServerUnreachable(
        words.SENDING_FAILED(server=server, detail=_short(str(exc))), words.SENDING_FAILED_NEXT()
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
    server = _server(settings)
    if isinstance(exc, ssl.SSLCertVerificationError):
        detail = _short(exc.verify_message or str(exc))
        return MailTlsError(words.UNTRUSTED(server=server, detail=detail), words.UNTRUSTED_NEXT())
    detail = _short(exc.reason or str(exc))
    return MailTlsError(words.TLS_FAILED(server=server, detail=detail), words.TLS_FAILED_NEXT())


def _unreachable(settings: MailSettings, exc: BaseException) -> MailServerUnreachable:
    server = _server(settings)
    causes = _chain(exc)
    why: str | Message
    if any(isinstance(cause, TimeoutError) for cause in causes):
        why = words.WHY_TIMEOUT()
    elif any(isinstance(cause, socket.gaierror) for cause in causes):
        why = words.WHY_UNKNOWN_HOST()
    elif any(
        isinstance(cause, ConnectionRefusedError)
        or getattr(cause, "errno", None) == errno.ECONNREFUSED
        for cause in causes
    ):
        why = words.WHY_REFUSED()
    else:
        why = _short(str(exc)) or type(exc).__name__
    return MailServerUnreachable(
        words.UNREACHABLE(server=server, why=why), words.UNREACHABLE_NEXT()
    )


def _server(settings: MailSettings) -> Message:
    """'smtp.example.com:587 (STARTTLS)', coded (MailSettings.describe in any language)."""
    security = words.SECURITY_WORDS[settings.security]()
    return words.SERVER(host=settings.host, port=str(settings.port), security=security)


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
