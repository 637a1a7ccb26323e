"""Failure e-mail against a real SMTP server (aiosmtpd) on loopback: content, TLS, errors."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.config.profile import (
    CsvSettings,
    NotificationSettings,
    Profile,
    SmtpSettings,
    SourceSettings,
    Target,
)
from app.config.secrets import SecretStore
from app.config.store import ProfileStore
from app.errors import ExitCode
from app.notify.mail import (
    MailLoginRefused,
    MailNotConfigured,
    MailRejected,
    MailServerUnreachable,
    MailSettings,
    MailTlsError,
    send_failure_mail,
    send_test_mail,
)
from tests.support.mail import (
    PASSWORD,
    USER,
    MailServer,
    failing_result,
    free_port,
    implicit_tls_server,
    parts,
    plain_server,
    starttls_server,
    tls,
)

__all__ = ["implicit_tls_server", "plain_server", "starttls_server", "tls"]  # fixtures used by name


async def test_the_test_mail_arrives_over_starttls_with_both_parts(
    starttls_server: MailServer,
) -> None:
    await send_test_mail(starttls_server.settings(), PASSWORD, profile_name="acme")

    [mail] = starttls_server.inbox.mails
    assert mail.sender == "provisioning@example.com"
    assert mail.recipients == ["ops@example.com", "it@example.com"]
    assert mail.message["Subject"] == "[webex-provisioner] Test message for profile acme"
    assert mail.message["Auto-Submitted"] == "auto-generated"
    text, rich = parts(mail.message)
    assert "Failure e-mail works" in text
    assert "ops@example.com, it@example.com" in text
    assert "Failure e-mail works" in rich and rich.lstrip().startswith("<!DOCTYPE html>")
    assert PASSWORD not in mail.message.as_string()


async def test_the_test_mail_arrives_over_implicit_tls(implicit_tls_server: MailServer) -> None:
    await send_test_mail(implicit_tls_server.settings(security="tls"), PASSWORD)
    assert len(implicit_tls_server.inbox.mails) == 1


async def test_a_relay_without_tls_or_login_takes_the_mail(plain_server: MailServer) -> None:
    await send_test_mail(plain_server.settings(security="none", user=""), None)
    assert len(plain_server.inbox.mails) == 1


async def test_a_failure_mail_has_counts_first_failures_and_next_step(
    starttls_server: MailServer,
) -> None:
    await send_failure_mail(
        starttls_server.settings(), PASSWORD, profile_name="acme", result=failing_result()
    )

    [mail] = starttls_server.inbox.mails
    assert mail.message["Subject"] == "[webex-provisioner] acme: cycle ended with 12 failures"
    text, rich = parts(mail.message)
    for body in (text, rich):
        assert "Success 988" in body and "Failure 12" in body  # counts
        assert "user01@example.com" in body and "user10@example.com" in body
        assert "user11@example.com" not in body  # the first ten only
        assert "Fix the phone number in the directory." in body  # each failure's next step
        assert "Correct the rows named below and run the next cycle." in body
        assert "10 of 12" in body
    assert "://" not in text  # no links in the plain text
    assert "developer.webex.com/docs" in text
    assert "<a " not in rich.lower() and "href" not in rich.lower()


async def test_a_quarantine_mail_says_why_and_when_the_next_attempt_is(
    starttls_server: MailServer,
) -> None:
    result = replace(
        failing_result("quarantined", failures=0),
        reason="The Webex token has expired.",
        next_step="",
        next_attempt=datetime(2026, 3, 2, 15, 0, tzinfo=UTC),
        counts={},
    )
    await send_failure_mail(
        starttls_server.settings(), PASSWORD, profile_name="acme", result=result
    )
    [mail] = starttls_server.inbox.mails
    assert mail.message["Subject"] == "[webex-provisioner] acme: provisioning quarantined"
    text, _ = parts(mail.message)
    assert "The Webex token has expired." in text
    assert "Next attempt: not before 2026-03-02" in text
    assert "webex-provisioner restart --profile acme" in text  # the default next step


async def test_a_refused_login_is_a_clear_error(starttls_server: MailServer) -> None:
    with pytest.raises(MailLoginRefused) as caught:
        await send_test_mail(starttls_server.settings(), "wrong-password")
    error = caught.value
    assert "refused the login of mailer@example.com" in error.message
    assert "--smtp-password-stdin" in error.next_step
    assert error.exit_code == ExitCode.AUTH
    assert "wrong-password" not in str(error)
    assert starttls_server.inbox.mails == []


async def test_a_server_that_is_down_is_a_clear_error(starttls_server: MailServer) -> None:
    settings = starttls_server.settings(port=free_port())
    with pytest.raises(MailServerUnreachable) as caught:
        await send_test_mail(settings, PASSWORD)
    assert (
        f"Could not reach the mail server 127.0.0.1:{settings.port} (STARTTLS)"
        in caught.value.message
    )
    assert "connection refused" in caught.value.message
    assert "firewall" in caught.value.next_step
    assert caught.value.exit_code == ExitCode.UNREACHABLE


async def test_an_untrusted_certificate_is_a_tls_error(starttls_server: MailServer) -> None:
    with pytest.raises(MailTlsError) as caught:
        await send_test_mail(starttls_server.settings(extra_ca=None), PASSWORD)
    assert "is not trusted" in caught.value.message
    assert "SSL_CERT_FILE" in caught.value.next_step


async def test_starttls_asked_of_a_server_without_it_is_a_tls_error(
    plain_server: MailServer,
) -> None:
    with pytest.raises(MailTlsError) as caught:
        await send_test_mail(plain_server.settings(user=""), None)
    assert "does not offer STARTTLS" in caught.value.message


async def test_tls_on_a_plain_port_is_a_clear_error(plain_server: MailServer) -> None:
    with pytest.raises(MailTlsError) as caught:
        await send_test_mail(plain_server.settings(user="", security="tls"), None)
    assert "The TLS connection to the mail server" in caught.value.message
    assert "465 for tls" in caught.value.next_step


async def test_a_refused_recipient_is_named(starttls_server: MailServer) -> None:
    async def refuse(server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address.startswith("it@"):
            return "550 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    starttls_server.inbox.handle_RCPT = refuse  # type: ignore[attr-defined]
    with pytest.raises(MailRejected) as caught:
        await send_test_mail(starttls_server.settings(recipients=("it@example.com",)), PASSWORD)
    assert "refused the recipients it@example.com" in caught.value.message


def test_incomplete_settings_are_refused_before_connecting() -> None:
    complete = MailSettings(
        host="smtp.example.com", recipients=("ops@example.com",), sender="p@example.com"
    )
    with pytest.raises(MailNotConfigured, match="No mail server"):
        replace(complete, host="").check(None)
    with pytest.raises(MailNotConfigured, match="No recipient"):
        replace(complete, recipients=()).check(None)
    with pytest.raises(MailNotConfigured, match="no SMTP password is stored"):
        replace(complete, user="someone").check(None)
    with pytest.raises(MailNotConfigured, match="unencrypted"):
        replace(complete, user="someone", security="none").check("pw")
    with pytest.raises(MailNotConfigured, match="No sender"):
        replace(complete, sender="", user="not-an-address").check("pw")
    assert replace(complete, sender="", user="me@example.com").envelope_sender == "me@example.com"
    assert "password" not in repr(complete).lower()


def _save_profile(server: MailServer, *, user: str = USER) -> None:
    profile = Profile(
        name="acme",
        target=Target(
            tenant_url="https://webexapis.com/identity/scim/96abc2aa-3dcc-11e5-a152-fe34819cdc9a/v2/"
        ),
        source=SourceSettings(kind="csv", csv=CsvSettings(path=Path("users.csv"))),
        notifications=NotificationSettings(
            emails=["ops@example.com"],
            send_on_failure=True,
            smtp=SmtpSettings(
                host="127.0.0.1",
                port=server.port,
                security="starttls",
                user=user,
                sender="provisioning@example.com",
            ),
        ),
    )
    ProfileStore().save(profile)


def test_notify_test_command_sends_with_the_profiles_settings(
    starttls_server: MailServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(starttls_server.ca_file))
    _save_profile(starttls_server)
    SecretStore().set("acme", "smtp-password", PASSWORD)

    assert main(["notify", "test", "--profile", "acme"]) == 0
    out = capsys.readouterr().out
    assert (
        f"Test e-mail sent to ops@example.com through 127.0.0.1:{starttls_server.port} (STARTTLS)."
        in out
    )
    [mail] = starttls_server.inbox.mails
    assert mail.message["Subject"] == "[webex-provisioner] Test message for profile acme"

    assert main(["notify", "test", "--profile", "acme", "--to", "sec@example.com"]) == 0
    assert starttls_server.inbox.mails[-1].recipients == ["sec@example.com"]


def test_notify_test_command_reports_a_refused_login_with_its_exit_code(
    starttls_server: MailServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(starttls_server.ca_file))
    _save_profile(starttls_server)
    SecretStore().set("acme", "smtp-password", "not-it")

    assert main(["notify", "test", "--profile", "acme"]) == ExitCode.AUTH
    err = capsys.readouterr().err
    assert "refused the login of mailer@example.com" in err
    assert "not-it" not in err


def test_notify_test_command_without_a_password_says_how_to_store_it(
    starttls_server: MailServer, capsys: pytest.CaptureFixture[str]
) -> None:
    _save_profile(starttls_server)
    assert main(["notify", "test", "--profile", "acme"]) == ExitCode.BAD_INPUT
    assert "--smtp-password-stdin" in capsys.readouterr().err
