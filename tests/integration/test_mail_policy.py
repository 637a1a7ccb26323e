"""One failure mail per new reason, against aiosmtpd on loopback, with the reason kept in SQLite."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app import paths
from app.config.profile import (
    CsvSettings,
    NotificationSettings,
    Profile,
    SmtpSettings,
    SourceSettings,
    Target,
)
from app.config.secrets import SecretStore
from app.notify.policy import FailureNotifier, NotifyOutcome, reason_key
from app.sync.events import CycleResult, SyncEvent
from app.sync.state import StateStore
from tests.support.mail import (
    PASSWORD,
    MailServer,
    failing_result,
    free_port,
    implicit_tls_server,
    starttls_server,
    tls,
)

__all__ = ["implicit_tls_server", "starttls_server", "tls"]  # fixtures used by name


@pytest.fixture
def state() -> Iterator[StateStore]:
    store = StateStore(paths.state_file("acme"))
    try:
        yield store
    finally:
        store.close()


def notifier_for(server: MailServer, state: StateStore, **changes: object) -> FailureNotifier:
    async def password() -> str | None:
        return PASSWORD

    return FailureNotifier(
        "acme",
        server.settings(**changes),
        password=password,
        get_last_reason=state.last_notification_reason,
        set_last_reason=state.set_last_notification_reason,
    )


def completed() -> CycleResult:
    return replace(failing_result(failures=0), outcome="completed", reason="", counts={})


def quarantined(reason: str = "The Webex token has expired.") -> CycleResult:
    return replace(failing_result("quarantined", failures=0), reason=reason, cause="auth")


async def test_three_cycles_failing_for_one_reason_send_one_mail(
    starttls_server: MailServer, state: StateStore
) -> None:
    notifier = notifier_for(starttls_server, state)
    outcomes = [await notifier.notify(failing_result(failures=n)) for n in (12, 9, 14)]
    assert outcomes == [NotifyOutcome.SENT, NotifyOutcome.SAME_REASON, NotifyOutcome.SAME_REASON]
    assert len(starttls_server.inbox.mails) == 1
    assert state.last_notification_reason() == reason_key(failing_result())


async def test_a_new_reason_sends_a_new_mail(
    starttls_server: MailServer, state: StateStore
) -> None:
    notifier = notifier_for(starttls_server, state)
    await notifier.notify(failing_result())
    await notifier.notify(quarantined())
    await notifier.notify(quarantined())
    await notifier.notify(quarantined("The token lost the id_full_admin role."))
    subjects = [mail.message["Subject"] for mail in starttls_server.inbox.mails]
    assert subjects == [
        "[webex-provisioner] acme: cycle ended with 12 failures",
        "[webex-provisioner] acme: provisioning quarantined",
        "[webex-provisioner] acme: provisioning quarantined",
    ]


async def test_the_reason_survives_a_restart_of_the_program(
    starttls_server: MailServer, state: StateStore
) -> None:
    await notifier_for(starttls_server, state).notify(quarantined())
    with StateStore(paths.state_file("acme")) as reopened:
        outcome = await notifier_for(starttls_server, reopened).notify(quarantined())
    assert outcome is NotifyOutcome.SAME_REASON
    assert len(starttls_server.inbox.mails) == 1


async def test_trouble_that_comes_back_after_a_good_cycle_is_reported_again(
    starttls_server: MailServer, state: StateStore
) -> None:
    notifier = notifier_for(starttls_server, state)
    assert await notifier.notify(quarantined()) is NotifyOutcome.SENT
    assert await notifier.notify(completed()) is NotifyOutcome.NOT_NEEDED
    assert state.last_notification_reason() is None
    assert await notifier.notify(quarantined()) is NotifyOutcome.SENT
    assert len(starttls_server.inbox.mails) == 2


async def test_a_held_cycle_is_one_reason_while_the_numbers_move(
    starttls_server: MailServer, state: StateStore
) -> None:
    notifier = notifier_for(starttls_server, state)
    for count in (600, 610, 640):
        held = replace(
            failing_result("held", failures=0),
            reason=f"{count} disables exceed the threshold of 500.",
            next_step="",
            cause="threshold",
        )
        await notifier.notify(held)
    [mail] = starttls_server.inbox.mails
    assert (
        mail.message["Subject"] == "[webex-provisioner] acme: cycle held by the deletion threshold"
    )
    text = mail.message.get_body(preferencelist=("plain",))
    assert text is not None
    assert "600 disables exceed the threshold of 500." in text.get_content()
    assert "--allow-deletes" in text.get_content()


async def test_other_kinds_of_failure_are_a_new_reason(
    starttls_server: MailServer, state: StateStore
) -> None:
    notifier = notifier_for(starttls_server, state)
    first = failing_result()
    other = replace(
        first,
        first_failures=(
            SyncEvent(
                kind="operation", action="Update", user_name="x@example.com", error_code="Conflict"
            ),
        ),
    )
    await notifier.notify(first)
    await notifier.notify(other)
    assert len(starttls_server.inbox.mails) == 2


async def test_a_server_that_is_down_is_logged_and_never_fails_the_cycle(
    starttls_server: MailServer, state: StateStore, caplog: pytest.LogCaptureFixture
) -> None:
    down = notifier_for(starttls_server, state, port=free_port())
    with caplog.at_level(logging.WARNING, logger="app.notify.policy"):
        outcome = await down.notify(quarantined())
    assert outcome is NotifyOutcome.MAIL_FAILED
    [record] = [r for r in caplog.records if r.name == "app.notify.policy"]
    assert "could not be sent" in record.getMessage()
    assert "Could not reach the mail server" in record.getMessage()
    assert PASSWORD not in caplog.text
    assert state.last_notification_reason() is None  # so the next cycle tries again

    assert await notifier_for(starttls_server, state).notify(quarantined()) is NotifyOutcome.SENT
    assert len(starttls_server.inbox.mails) == 1


async def test_a_refused_login_is_logged_without_the_password(
    starttls_server: MailServer, state: StateStore, caplog: pytest.LogCaptureFixture
) -> None:
    async def wrong() -> str | None:
        return "wrong-one"

    notifier = FailureNotifier(
        "acme",
        starttls_server.settings(),
        password=wrong,
        get_last_reason=state.last_notification_reason,
        set_last_reason=state.set_last_notification_reason,
    )
    with caplog.at_level(logging.WARNING, logger="app.notify.policy"):
        assert await notifier.notify(quarantined()) is NotifyOutcome.MAIL_FAILED
    assert "refused the login" in caplog.text
    assert "wrong-one" not in caplog.text


async def test_a_broken_state_store_never_fails_the_cycle(
    starttls_server: MailServer, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> str | None:
        raise OSError("disk gone")

    async def password() -> str | None:
        return PASSWORD

    notifier = FailureNotifier(
        "acme",
        starttls_server.settings(),
        password=password,
        get_last_reason=broken,
        set_last_reason=lambda reason: None,
    )
    assert await notifier.notify(quarantined()) is NotifyOutcome.MAIL_FAILED
    assert "unexpected error" in caplog.text


async def test_a_profile_with_failure_mail_off_sends_nothing(
    starttls_server: MailServer, state: StateStore
) -> None:
    notifier = notifier_for(starttls_server, state)
    notifier.enabled = False
    assert await notifier.notify(quarantined()) is NotifyOutcome.DISABLED
    assert starttls_server.inbox.mails == []


async def test_for_profile_takes_the_settings_and_the_keyring_password(
    starttls_server: MailServer, state: StateStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(starttls_server.ca_file))
    SecretStore().set("acme", "smtp-password", PASSWORD)
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
                port=starttls_server.port,
                user="mailer@example.com",
                sender="provisioning@example.com",
            ),
        ),
    )
    notifier = FailureNotifier.for_profile(
        profile,
        get_last_reason=state.last_notification_reason,
        set_last_reason=state.set_last_notification_reason,
    )
    assert await notifier.notify(quarantined()) is NotifyOutcome.SENT
    assert starttls_server.inbox.mails[0].recipients == ["ops@example.com"]

    off = profile.model_copy(
        update={
            "notifications": profile.notifications.model_copy(update={"send_on_failure": False})
        }
    )
    assert not FailureNotifier.for_profile(
        off, get_last_reason=lambda: None, set_last_reason=lambda r: None
    ).enabled
