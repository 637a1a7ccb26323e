"""A computer without a keyring (keyring's fail backend, as on CI): the wizard finds out when
it opens, says so on the credentials page, takes the token from WEBEX_PROVISIONER_TOKEN and
saves the profile without it; Settings shows where the token comes from."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QWizard
from pytestqt.qtbot import QtBot

from app.config.profile import Profile
from app.config.secrets import TOKEN_ENV, resolve_webex_token
from app.config.store import ProfileStore
from app.sandbox.server import SandboxServer
from app.ui.dashboard.entry import wizard_defaults_for
from app.ui.widgets import FieldMessage
from app.ui.wizard import SetupWizard
from app.ui.wizard_draft import WizardDefaults
from tests.support.gui import SAMPLE_CSV, click_next, walk_to


@pytest.fixture
def no_keyring(memory_keyring: object) -> Iterator[keyring.backends.fail.Keyring]:
    """keyring's own backend for a machine without a keyring service (it raises
    NoKeyringError), over the suite's in-memory one."""
    backend = keyring.backends.fail.Keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(memory_keyring)  # type: ignore[arg-type]


def _notice(wizard: SetupWizard) -> FieldMessage:
    found = wizard.findChild(FieldMessage, "keyringNotice")
    assert found is not None
    return found


def _env_label(wizard: SetupWizard) -> QLabel:
    found = wizard.findChild(QLabel, "tokenFromEnvironment")
    assert found is not None
    return found


def test_without_a_keyring_the_wizard_says_so_at_once_and_saves_with_the_environment_token(
    no_keyring: object,
    make_wizard,
    sandbox: SandboxServer,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(TOKEN_ENV, sandbox.tokens.full_admin)
    wizard = make_wizard(
        WizardDefaults(profile_name="nokeyring", tenant_url=sandbox.tenant_url, csv_path=SAMPLE_CSV)
    )
    # Found out when the wizard opens, before any page needs it.
    qtbot.waitUntil(lambda: wizard.keyring_checked, timeout=10_000)
    assert wizard.keyring_problem is not None
    page = walk_to(qtbot, wizard, "page-credentials")
    notice = _notice(wizard)
    assert notice.isVisible()
    assert "no keyring" in notice.text()
    assert TOKEN_ENV in notice.text()
    label = _env_label(wizard)
    assert label.isVisible()
    assert label.text() == f"From the environment variable {TOKEN_ENV}"
    assert not page.token.isVisible()  # no empty field that blocks Next
    assert page.isComplete()

    # Next tests the connection with the environment's token, then the rest of the wizard
    # and a real first sync.
    while wizard.current_name() != "page-run":
        click_next(qtbot, wizard, timeout=30_000)
    activity = wizard.currentPage().activity
    qtbot.waitUntil(lambda: activity.finished, timeout=60_000)
    assert activity.result is not None and activity.result.outcome == "completed"
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(finish.isEnabled, timeout=5_000)
    finish.click()
    qtbot.waitUntil(lambda: ProfileStore().exists("nokeyring"), timeout=10_000)
    saved = ProfileStore().path_for("nokeyring").read_text(encoding="utf-8")
    assert sandbox.tokens.full_admin not in saved
    # Every cycle finds the token where the wizard took it from.
    assert resolve_webex_token("nokeyring") == sandbox.tokens.full_admin


def test_without_a_keyring_or_variable_a_typed_token_is_refused_at_save_with_the_next_step(
    no_keyring: object, make_wizard, sandbox: SandboxServer, qtbot: QtBot
) -> None:
    profile = Profile.model_validate(
        {
            "name": "typed",
            "target": {"tenant_url": sandbox.tenant_url},
            "source": {"kind": "csv", "csv": {"path": str(SAMPLE_CSV)}},
        }
    )
    ProfileStore().save(profile)
    # Settings of a saved profile: nothing is stored (no keyring), nothing in the environment.
    wizard = make_wizard(wizard_defaults_for(profile, {}))
    qtbot.waitUntil(lambda: wizard.keyring_checked, timeout=10_000)
    page = walk_to(qtbot, wizard, "page-credentials")
    notice = _notice(wizard)
    assert notice.isVisible() and notice.kind == "error"
    assert f"Set the environment variable {TOKEN_ENV}" in notice.text()
    assert not _env_label(wizard).isVisible()
    assert page.token.isVisible()
    page.token.setText(sandbox.tokens.full_admin)
    save = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(save.isEnabled, timeout=5_000)
    save.click()  # tests the connection first, then saves: the token cannot be kept

    def save_message() -> FieldMessage | None:
        found = wizard.findChild(FieldMessage, "saveMessage")
        return found if found is not None and found.isVisible() else None

    qtbot.waitUntil(lambda: save_message() is not None, timeout=20_000)
    message = save_message()
    assert message is not None
    assert "no keyring" in message.text() and TOKEN_ENV in message.text()
    assert wizard.isVisible()  # still open: nothing was saved without the admin knowing


def test_settings_show_the_token_comes_from_the_environment(
    no_keyring: object,
    make_wizard,
    sandbox: SandboxServer,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(TOKEN_ENV, sandbox.tokens.full_admin)
    profile = Profile.model_validate(
        {
            "name": "fromenv",
            "target": {"tenant_url": sandbox.tenant_url},
            "source": {"kind": "csv", "csv": {"path": str(SAMPLE_CSV)}},
            "schedule": {"every_minutes": 40},
        }
    )
    ProfileStore().save(profile)
    wizard = make_wizard(wizard_defaults_for(profile, {}))
    page = walk_to(qtbot, wizard, "page-credentials")
    label = _env_label(wizard)
    assert label.isVisible() and label.text() == f"From the environment variable {TOKEN_ENV}"
    assert not page.token.isVisible()
    save = wizard.button(QWizard.WizardButton.FinishButton)
    assert save.isEnabled()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    # Another token can still be typed instead.
    another = wizard.findChild(QPushButton, "useAnotherToken")
    assert another is not None
    another.click()
    assert page.token.isVisible() and not label.isVisible()
    assert not page.isComplete()  # now the field is the token's source, and it is empty
