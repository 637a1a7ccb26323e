"""sync --dry-run, sync, logs and the error printer in the reader's language on the sandbox:
French with --lang fr or a French locale, English with --lang en whatever the locale; a log
written in English reads in French."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.config.store import ProfileStore
from app.sandbox.server import SandboxConfig, SandboxServer
from tests.support.sync import make_profile, make_rows, write_csv


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer.in_thread(SandboxConfig()) as server:
        yield server


@pytest.fixture
def profile(sandbox: SandboxServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    csv_path = write_csv(tmp_path / "users.csv", make_rows(3))
    ProfileStore().save(make_profile(sandbox.tenant_url, csv_path))
    monkeypatch.setenv("WEBEX_PROVISIONER_TOKEN", sandbox.tokens.full_admin)
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    return "acme"


def test_a_french_locale_prints_the_plan_in_french(
    profile: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert main(["sync", "--profile", profile, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Plan (simulation, rien n’a été envoyé) : Création 3, Mise à jour 0")
    assert "\nCréation Utilisateur " in out
    assert "Plan (dry run" not in out


def test_lang_en_keeps_the_plan_in_english(
    profile: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert main(["--lang", "en", "sync", "--profile", profile, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Plan (dry run, nothing was sent): Create 3, Update 0, Disable 0")
    assert "\nCreate   User  " in out


def test_a_cycle_logged_in_english_reads_in_french(
    profile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "sync", "--profile", profile]) == 0
    english = capsys.readouterr().out
    assert english.startswith("Cycle ") and "completed: Create 3." in english

    assert main(["--lang", "fr", "logs", "--profile", profile]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Cycles récents :")
    assert " terminé  Création 3" in out
    assert "Création Réussite Utilisateur " in out
    assert "Recent cycles" not in out

    assert main(["--lang", "en", "logs", "--profile", profile]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Recent cycles:") and " completed  Create 3" in out
    assert "Create   Success  User  " in out


def test_a_cycle_in_french_says_how_it_ended_in_french(
    profile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "fr", "sync", "--profile", profile]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Cycle ") and " terminé : Création 3." in out


def test_an_error_is_printed_in_french(profile: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr", "logs", "--profile", profile]) == 0
    assert "aucun cycle n’a été exécuté" in capsys.readouterr().out
    assert main(["sync", "--profile", profile]) == 0
    assert main(["--lang", "fr", "logs", "--profile", profile, "--cycle", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("erreur : Le profil acme n’a pas de cycle nope.")
    assert "Affichez ses cycles avec `webex-provisioner logs --profile acme`." in err
    assert main(["--lang", "en", "logs", "--profile", profile, "--cycle", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: Profile acme has no cycle nope. List its cycles")


def test_a_wrong_setting_is_refused_in_french(
    profile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["--lang", "fr", "profile", "set", profile, "--notify-email", "nope", "--every", "2h"]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("erreur : Les paramètres du profil ne sont pas valides : ")
    assert "« nope » n’est pas une adresse e-mail" in err and "Corrigez-le et réessayez." in err
    assert main(["--lang", "en", "profile", "set", profile, "--notify-email", "nope"]) == 2
    err = capsys.readouterr().err
    assert "'nope' is not an e-mail address; " not in err  # one problem: no separator
    assert err.startswith("error: The profile settings are not valid: ")
    assert "'nope' is not an e-mail address. Correct it and try again." in err


def test_a_missing_token_is_explained_in_french(
    profile: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("WEBEX_PROVISIONER_TOKEN")
    assert main(["--lang", "fr", "sync", "--profile", profile]) == 2
    err = capsys.readouterr().err
    assert err.startswith("erreur : Aucun jeton Webex ")
    assert "WEBEX_PROVISIONER_TOKEN n’est pas définie." in err
    assert "`webex-provisioner profile set acme --token-stdin`" in err
    assert main(["--lang", "en", "sync", "--profile", profile]) == 2
    assert capsys.readouterr().err.startswith("error: No Webex token ")


def test_profile_set_says_what_it_did_in_french(
    profile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["--lang", "fr", "profile", "set", profile, "--every", "2h", "--encoding", "auto"])
        == 0
    )
    out = capsys.readouterr().out
    assert ": 3 utilisateurs, " in out and " groupes (" in out  # the CSV read again
    assert "Profil acme mis à jour." in out
    assert main(["--lang", "en", "profile", "set", profile, "--every", "2h"]) == 0
    assert "Profile acme unchanged." in capsys.readouterr().out


def test_schedule_install_speaks_french(
    profile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "sched"
    args = ["schedule", "install", "--profile", profile, "--every", "2h", "--output", str(out_dir)]
    assert main(["--lang", "fr", *args]) == 0
    out = capsys.readouterr().out
    assert "Il s’exécute à un intervalle de 2 heures : " in out
    assert "Activez-le avec :" in out
    assert main(["--lang", "en", *args]) == 0
    out = capsys.readouterr().out
    assert "It runs every 2 hours: " in out and "Turn it on with:" in out


def test_profile_show_and_list_speak_french(
    profile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "fr", "profile", "show", profile]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Profil acme\n  Fichier :")
    assert "  Jeton Webex :     lu dans WEBEX_PROVISIONER_TOKEN" in out
    assert "E-mail d’échec :" in out and "Failure e-mail" not in out
    assert main(["--lang", "en", "profile", "show", profile]) == 0
    out = capsys.readouterr().out
    assert "  Webex token:    taken from WEBEX_PROVISIONER_TOKEN" in out


def _run(*args: str, lang: str | None) -> subprocess.CompletedProcess[str]:
    """`webex-provisioner ARGS` in a new process, with LANG set to `lang` (None: no locale)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
    }
    if lang is not None:
        env["LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_a_french_locale_runs_the_dry_run_and_the_logs_in_french(profile: str) -> None:
    done = _run("sync", "--profile", profile, "--dry-run", lang="fr_FR.UTF-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Plan (simulation, rien n’a été envoyé) : Création 3")
    assert _run("sync", "--profile", profile, lang="C").returncode == 0  # logged in English
    done = _run("logs", "--profile", profile, lang="fr_FR.UTF-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Cycles récents :") and "Création Réussite" in done.stdout
    done = _run("--lang", "en", "logs", "--profile", profile, lang="fr_FR.UTF-8")
    assert done.stdout.startswith("Recent cycles:") and "Create   Success" in done.stdout
