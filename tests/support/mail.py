"""A real SMTP server (aiosmtpd) on loopback for the mail tests: STARTTLS, implicit TLS and
plain relays, with their fixtures, and a failed cycle to write about."""

from __future__ import annotations

import email
import email.policy
import socket
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from app.notify.mail import (
    MailSettings,
)
from app.sync.events import CycleResult, Status, SyncEvent

USER = "mailer@example.com"
PASSWORD = "s3cret-Pa55"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage


@dataclass
class Inbox:
    """An aiosmtpd handler that keeps what it receives."""

    mails: list[Received] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        self.mails.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted"


def authenticator(
    server: Any, session: Any, envelope: Any, mechanism: str, data: Any
) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False)


@dataclass
class MailServer:
    inbox: Inbox
    port: int
    ca_file: Path

    def settings(self, **changes: Any) -> MailSettings:
        base = MailSettings(
            host="127.0.0.1",
            port=self.port,
            security="starttls",
            user=USER,
            sender="provisioning@example.com",
            recipients=("ops@example.com", "it@example.com"),
            timeout=10,
            extra_ca=self.ca_file,
        )
        return replace(base, **changes)


@pytest.fixture(scope="module")
def tls(tmp_path_factory: pytest.TempPathFactory) -> tuple[ssl.SSLContext, Path]:
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    ca_file = tmp_path_factory.mktemp("mail-ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    return context, ca_file


class TrackingController(Controller):  # type: ignore[misc]
    """A Controller that knows its open sessions, so that it stops only once they are closed.

    Stopping while the server side of a connection is still open closes the server's loop
    with a live transport, which Python reports later as an unclosed socket.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sessions: set[object] = set()

    def factory(self) -> Any:
        smtp = super().factory()
        made, lost = smtp.connection_made, smtp.connection_lost

        def connection_made(transport: Any) -> None:
            self.sessions.add(smtp)
            made(transport)

        def connection_lost(error: Any) -> None:
            self.sessions.discard(smtp)
            lost(error)

        smtp.connection_made = connection_made
        smtp.connection_lost = connection_lost
        return smtp

    def stop(self, no_assert: bool = False) -> None:
        deadline = time.monotonic() + 10
        while self.sessions and time.monotonic() < deadline:
            time.sleep(0.01)
        super().stop(no_assert)


def _serve(inbox: Inbox, **kwargs: Any) -> tuple[Controller, int]:
    port = free_port()
    controller = TrackingController(inbox, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    return controller, port


@pytest.fixture
def starttls_server(tls: tuple[ssl.SSLContext, Path]) -> Iterator[MailServer]:
    """STARTTLS required, AUTH only after it, a trustme certificate."""
    context, ca_file = tls
    inbox = Inbox()
    controller, port = _serve(
        inbox, tls_context=context, require_starttls=True, authenticator=authenticator
    )
    try:
        yield MailServer(inbox, port, ca_file)
    finally:
        controller.stop()


@pytest.fixture
def implicit_tls_server(tls: tuple[ssl.SSLContext, Path]) -> Iterator[MailServer]:
    context, ca_file = tls
    inbox = Inbox()
    # aiosmtpd does not count implicit TLS as TLS for AUTH: the session is encrypted anyway.
    controller, port = _serve(
        inbox, ssl_context=context, authenticator=authenticator, auth_require_tls=False
    )
    try:
        yield MailServer(inbox, port, ca_file)
    finally:
        controller.stop()


@pytest.fixture
def plain_server(tls: tuple[ssl.SSLContext, Path]) -> Iterator[MailServer]:
    """No TLS at all, no login: an internal relay on port 25."""
    inbox = Inbox()
    controller, port = _serve(inbox)
    try:
        yield MailServer(inbox, port, tls[1])
    finally:
        controller.stop()


def failing_result(outcome: Any = "completed_with_failures", failures: int = 12) -> CycleResult:
    events = tuple(
        SyncEvent(
            kind="operation",
            cycle_id="c-42",
            action="Create",
            status=Status.FAILURE,
            user_name=f"user{n:02d}@example.com",
            error_code="InvalidValue",
            message=f"Webex refused the phone number of user{n:02d} (see https://developer.webex.com/docs)",
            next_step="Fix the phone number in the directory.",
        )
        for n in range(1, failures + 1)
    )
    started = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    return CycleResult(
        cycle_id="c-42",
        started=started,
        finished=started + timedelta(minutes=3),
        outcome=outcome,
        counts={"Create": {"Success": 988, "Failure": failures}, "Update": {"Success": 7}},
        reason=f"{failures} of 1007 operations failed.",
        next_step="Correct the rows named below and run the next cycle.",
        first_failures=events[:10],
    )


def parts(message: EmailMessage) -> tuple[str, str]:
    plain = message.get_body(preferencelist=("plain",))
    rich = message.get_body(preferencelist=("html",))
    assert plain is not None and rich is not None
    return plain.get_content(), rich.get_content()
