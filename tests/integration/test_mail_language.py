"""The failure e-mail and the test message in the language chosen in the profile
(notifications.language): received by a real SMTP server, subject and both parts, in French
and in English; "system" follows the computer's locale."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app.config.profile import NotificationSettings, SmtpSettings
from app.config.secrets import SecretStore
from app.language import translator
from app.messages import message
from app.notify.mail import (
    MailLoginRefused,
    MailNotConfigured,
    MailSettings,
    send_failure_mail,
    send_test_mail,
)
from app.run.cycle import LockedCycle
from app.sandbox.server import SandboxConfig, SandboxServer
from app.sync.events import SyncEvent
from tests.support.mail import (
    PASSWORD,
    MailServer,
    failing_result,
    parts,
    starttls_server,
    tls,
)
from tests.support.sync import make_profile, make_rows, write_csv

__all__ = ["starttls_server", "tls"]  # fixtures used by name


async def test_a_failure_mail_in_french(starttls_server: MailServer) -> None:
    settings = starttls_server.settings(language="fr")
    result = replace(failing_result(), next_step="")  # the default next step: a command
    await send_failure_mail(settings, PASSWORD, profile_name="acme", result=result)

    [mail] = starttls_server.inbox.mails
    assert mail.message["Subject"] == "[webex-provisioner] acme : cycle terminé avec 12 échecs"
    text, rich = parts(mail.message)
    assert "Profil : acme" in text and "Résultat : cycle terminé avec 12 échecs" in text
    assert "Que faire ensuite :" in text
    assert "Consultez les échecs dans le journal de provisionnement" in text
    assert "`webex-provisioner logs --profile acme`" in text  # a command, not a button
    assert "Création : Échec 12, Réussite 988" in text
    assert "Premiers échecs (10 sur 12) :" in text
    assert "user01@example.com : échec de l’action Création" in text
    assert "Étape suivante : Fix the phone number" in text  # a plain str stays as it is
    for body in (text, rich):
        assert "Envoyé par webex-provisioner" in body
        assert "What to do next" not in body and "First failures" not in body
    assert "<h2>Que faire ensuite</h2>" in rich and "<th>Utilisateur</th>" in rich
    assert "<h2>Premiers échecs (10 sur 12)</h2>" in rich


async def test_one_failure_is_singular_in_both_languages(starttls_server: MailServer) -> None:
    for language in ("fr", "en"):
        await send_failure_mail(
            starttls_server.settings(language=language),
            PASSWORD,
            profile_name="acme",
            result=failing_result(failures=1),
        )
    french, english = (m.message["Subject"] for m in starttls_server.inbox.mails)
    assert french.endswith("cycle terminé avec 1 échec")
    assert english.endswith("cycle ended with 1 failure")


async def test_coded_reasons_and_next_steps_are_rendered_for_the_mail(
    starttls_server: MailServer,
) -> None:
    expired = message("test.mail.expired", "The Webex token has expired.")
    fix = message("test.mail.fix", "Paste a new token.", gui="Click Paste a new token.")
    event = SyncEvent(
        kind="operation",
        action="Update",
        user_name="ada@example.com",
        coded_message=expired(),
        coded_next_step=fix(),
        message="The Webex token has expired.",
    )
    result = replace(
        failing_result("quarantined", failures=0),
        coded_reason=expired(),
        coded_next_step=fix(),
        first_failures=(event,),
    )
    await send_failure_mail(
        starttls_server.settings(language="en"), PASSWORD, profile_name="acme", result=result
    )
    text, rich = parts(starttls_server.inbox.mails[0].message)
    assert "Why: The Webex token has expired." in text
    assert "Paste a new token." in text and "Click" not in text and "Click" not in rich


async def test_the_failure_mail_in_english(starttls_server: MailServer) -> None:
    settings = starttls_server.settings(language="en")
    await send_failure_mail(settings, PASSWORD, profile_name="acme", result=failing_result())
    [mail] = starttls_server.inbox.mails
    assert mail.message["Subject"] == "[webex-provisioner] acme: cycle ended with 12 failures"
    text, rich = parts(mail.message)
    assert "Outcome: cycle ended with 12 failures" in text
    assert "Create: Failure 12, Success 988" in text
    assert "<h2>What to do next</h2>" in rich and "Premiers" not in rich


@pytest.mark.parametrize(
    ("lang", "subject"),
    [
        ("fr_FR.UTF-8", "[webex-provisioner] Message de test pour le profil acme"),
        ("C", "[webex-provisioner] Test message for profile acme"),
    ],
)
async def test_the_test_mail_follows_the_system_language(
    starttls_server: MailServer, monkeypatch: pytest.MonkeyPatch, lang: str, subject: str
) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", lang)
    await send_test_mail(starttls_server.settings(), PASSWORD, profile_name="acme")
    [mail] = starttls_server.inbox.mails
    assert mail.message["Subject"] == subject
    text, rich = parts(mail.message)
    if lang.startswith("fr"):
        assert "L’e-mail d’échec fonctionne." in text and "(STARTTLS)" in text
        assert "Serveur de messagerie : 127.0.0.1:" in rich


async def test_a_refused_login_reads_in_french(starttls_server: MailServer) -> None:
    with pytest.raises(MailLoginRefused) as caught:
        await send_test_mail(starttls_server.settings(), "wrong password")
    error = caught.value
    assert error.message.startswith("The mail server 127.0.0.1:")  # the English as before
    french = error.render(translator("fr"), "cli")
    assert french.startswith(
        f"Le serveur de messagerie 127.0.0.1:{starttls_server.port} (STARTTLS)"
    )
    assert "a refusé la connexion de " in french and "Vérifiez l’utilisateur" in french


def test_settings_that_cannot_send_read_in_french() -> None:
    with pytest.raises(MailNotConfigured) as caught:
        MailSettings(host="", recipients=("ops@example.com",)).check(None)
    assert caught.value.message == "No mail server (SMTP host) is set for failure e-mail."
    assert caught.value.render(translator("fr"), "cli").startswith(
        "Aucun serveur de messagerie (hôte SMTP) n’est défini pour l’e-mail d’échec."
    )


async def test_a_cycle_on_the_sandbox_sends_its_failure_mail_in_the_profiles_language(
    starttls_server: MailServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(starttls_server.ca_file))
    async with SandboxServer(SandboxConfig()) as sandbox:
        profile = make_profile(sandbox.tenant_url, write_csv(tmp_path / "u.csv", make_rows(3)))
        SecretStore().set(profile.name, "smtp-password", PASSWORD)
        notifications = NotificationSettings(
            emails=["ops@example.com"],
            send_on_failure=True,
            language="fr",
            smtp=SmtpSettings(
                host="127.0.0.1",
                port=starttls_server.port,
                user="mailer@example.com",
                sender="provisioning@example.com",
            ),
        )
        profile = profile.model_copy(update={"notifications": notifications})
        async with LockedCycle(profile, token="refused-" + "x" * 40, purpose="sync") as cycle:
            assert (await cycle.run()).outcome == "quarantined"
    [mail] = starttls_server.inbox.mails
    assert mail.message["Subject"] == "[webex-provisioner] acme : provisionnement en quarantaine"
    text, rich = parts(mail.message)
    text = text.replace("\r\n", "\n")
    assert text.startswith("Profil : acme\nRésultat : provisionnement en quarantaine\n")
    assert "\nCause : " in text  # the reason: in French once the engine codes it
    assert "Que faire ensuite :" in text and "<h2>Que faire ensuite</h2>" in rich
    assert "Envoyé par webex-provisioner" in text
