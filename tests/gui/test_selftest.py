"""--self-test: the wizard walked by objectName to Test connection; 0 only if every check passed."""

from __future__ import annotations

import os
import subprocess
import sys

from pytestqt.qtbot import QtBot

from app.config.profile import CsvSettings, Profile, SourceSettings, Target
from app.config.store import ProfileStore
from app.sandbox.server import SandboxServer
from app.ui.selftest import (
    CheckLine,
    SelfTestFailure,
    SelfTestOutcome,
    SelfTestWalk,
    check_translations,
)
from app.ui.wizard_draft import WizardDefaults
from tests.support.gui import SAMPLE_CSV

CHECK_TITLES = (
    "Tenant URL",
    "Network (DNS, TCP, TLS)",
    "Token accepted (people/me)",
    "Token of a person, not a bot",
    "Token of the URL's organisation",
    "SCIM read (Users)",
    "Permission to create and change users",
    "Permission to create and change groups",
    "Token lifetime",
)


def _run_self_test(**env: str) -> subprocess.CompletedProcess[str]:
    """The self-test in a process of its own, from this virtual environment."""
    return subprocess.run(
        [sys.executable, "-m", "app", "--self-test"],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        check=False,
    )


def test_self_test_passes_on_the_sandbox_even_with_a_sandbox_profile_saved(tmp_path) -> None:
    # An admin who already finished the wizard on the sandbox has a profile named "sandbox":
    # the self-test must still get past the welcome page (and save nothing of its own).
    ProfileStore().save(
        Profile(
            name="sandbox",
            target=Target(
                tenant_url="https://webexapis.com/identity/scim/96abc2aa-3dcc-11e5-a152-fe34819cdc9a/v2/"
            ),
            source=SourceSettings(kind="csv", csv=CsvSettings(path=SAMPLE_CSV)),
        )
    )
    result = _run_self_test()
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "Qt platform offscreen" in out
    for title in CHECK_TITLES:
        assert f"[passed ] {title}: " in out
    assert "Self-test passed: all 9 checks passed." in out
    assert ProfileStore().list() == ["sandbox"]


def test_self_test_that_runs_out_of_time_fails_and_says_what_it_waited_for() -> None:
    result = _run_self_test(WEBEX_PROVISIONER_SELF_TEST_TIMEOUT="0.001")
    assert result.returncode == 1
    assert "Self-test failed: it did not finish within 0.001 s (still waiting for " in result.stdout
    assert "Self-test passed" not in result.stdout


def test_a_read_only_admin_fails_the_self_test_on_the_write_check(
    make_wizard, sandbox: SandboxServer, qloop, qtbot: QtBot
) -> None:
    defaults = WizardDefaults(
        profile_name="selftest",
        tenant_url=sandbox.tenant_url,
        token=sandbox.tokens.readonly_admin,
        csv_path=SAMPLE_CSV,
        sandbox=True,
    )
    wizard = make_wizard(defaults)
    walk = SelfTestWalk(wizard)
    task = qloop.tasks.start(walk.run())
    qtbot.waitUntil(task.done, timeout=30_000)
    outcome = task.result()
    assert wizard.current_name() == "page-credentials"
    assert [check.title for check in outcome.checks] == list(CHECK_TITLES)
    statuses = {check.title: check.status for check in outcome.checks}
    assert statuses.pop("Permission to create and change users") == "failed"
    # A read-only admin may not write groups either; the wizard does not know yet whether
    # the profile provisions groups: unknown, said in the reason.
    assert statuses.pop("Permission to create and change groups") == "unknown"
    assert set(statuses.values()) == {"passed"}
    assert not outcome.passed
    assert outcome.exit_code == 1
    text = outcome.render()
    assert "[failed ] Permission to create and change users" in text
    assert "next step: " in text  # the admin is told what to do about it
    assert text.endswith("Self-test failed: 2 of 9 checks did not pass.")


def test_an_expired_token_fails_and_the_skipped_checks_do_not_count_as_passed(
    make_wizard, sandbox: SandboxServer, qloop, qtbot: QtBot
) -> None:
    defaults = WizardDefaults(
        profile_name="selftest",
        tenant_url=sandbox.tenant_url,
        token=sandbox.tokens.expired,
        csv_path=SAMPLE_CSV,
    )
    wizard = make_wizard(defaults)
    task = qloop.tasks.start(SelfTestWalk(wizard).run())
    qtbot.waitUntil(task.done, timeout=30_000)
    outcome = task.result()
    statuses = [check.status for check in outcome.checks]
    assert statuses.count("failed") == 1 and statuses.count("skipped") == 6
    assert outcome.exit_code == 1
    assert "Self-test failed: 7 of 9 checks did not pass." in outcome.render()


def test_a_renamed_test_button_fails_the_self_test_by_name(
    make_wizard, sandbox: SandboxServer, qloop, qtbot: QtBot
) -> None:
    defaults = WizardDefaults(
        profile_name="selftest",
        tenant_url=sandbox.tenant_url,
        token=sandbox.tokens.full_admin,
        csv_path=SAMPLE_CSV,
    )
    wizard = make_wizard(defaults)
    wizard.page_named("page-credentials").test_button.setObjectName("renamedButton")
    sandbox.reset_requests()
    task = qloop.tasks.start(SelfTestWalk(wizard).run())
    qtbot.waitUntil(task.done, timeout=30_000)
    error = task.exception()
    assert isinstance(error, SelfTestFailure)
    assert str(error) == "page-credentials has no widget named testConnection."
    assert sandbox.requests == []  # nothing was sent: the walk stopped at the missing name


def test_no_report_is_a_failure_and_says_what_the_window_showed() -> None:
    outcome = SelfTestOutcome(checks=[], message="The token has expired. Create a new one.")
    assert not outcome.passed and outcome.exit_code == 1
    assert "no check ran: The token has expired. Create a new one." in outcome.render()
    unknown = CheckLine("Permission", "unknown", "Unknown", "Roles not told", "Ask an admin")
    assert not SelfTestOutcome(checks=[unknown]).passed


def test_a_shipped_language_whose_catalogues_are_missing_fails_the_self_test() -> None:
    assert check_translations("fr", 2) == ""
    assert "the fr translation did not load (1 of 2 catalogues" in check_translations("fr", 1)
    assert check_translations("fr_CA", 0).startswith("the fr_CA translation did not load")
    # English needs no catalogue; a language the program does not ship falls back to English.
    assert check_translations("en", 0) == ""
    assert check_translations(None, 0) == ""
    assert check_translations("de", 1) == ""
