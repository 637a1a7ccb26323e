"""test-connection in French and in English on the sandbox: the language from --lang or the
locale (LANG), the same checks, and the window's Qt catalogue of the messages up to date."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.sandbox.server import SandboxConfig, SandboxServer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer.in_thread(SandboxConfig(seed_users=3)) as server:
        yield server


def run_cli(
    sandbox: SandboxServer,
    tmp_path: Path,
    *args: str,
    token: str,
    lang_env: str | None,
    json_output: bool = False,
) -> subprocess.CompletedProcess[str]:
    """`webex-provisioner ARGS test-connection` with LANG set to `lang_env` (None: no locale
    variable at all)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("WEBEX_PROVISIONER_")
        and k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
    }
    for name in ("CONFIG", "STATE", "LOG"):
        env[f"WEBEX_PROVISIONER_{name}_DIR"] = str(tmp_path / name.lower())
    env["WEBEX_PROVISIONER_TOKEN"] = token
    if lang_env is not None:
        env["LANG"] = lang_env
    command = [sys.executable, "-m", "app", *args, "test-connection"]
    command += ["--tenant-url", sandbox.tenant_url, *(["--json"] if json_output else [])]
    return subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_a_french_locale_prints_the_report_in_french(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    done = run_cli(sandbox, tmp_path, token=sandbox.tokens.full_admin, lang_env="fr_FR.UTF-8")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("Test de connexion : ")
    assert "URL du locataire : Locataire Webex, organisation " in out
    assert "Le jeton appartient à une personne." in out
    assert out.rstrip().endswith("Résultat : la connexion fonctionne.")
    assert "The token" not in out and "Result:" not in out


def test_lang_fr_names_the_failure_and_its_next_step_in_french(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    done = run_cli(sandbox, tmp_path, "--lang", "fr", token=sandbox.tokens.bot, lang_env=None)
    assert done.returncode == 3
    assert "[ÉCHEC" in done.stdout
    assert "Le jeton appartient à un bot : un bot ne peut pas provisionner." in done.stdout
    assert "Ensuite : Utilisez le jeton d’un administrateur" in done.stdout
    assert "vérifications ont échoué." in done.stdout


def test_lang_en_keeps_english_whatever_the_locale(sandbox: SandboxServer, tmp_path: Path) -> None:
    done = run_cli(
        sandbox, tmp_path, "--lang", "en", token=sandbox.tokens.bot, lang_env="fr_FR.UTF-8"
    )
    assert done.returncode == 3
    assert done.stdout.startswith("Test connection: ")
    assert "The token belongs to a bot: a bot cannot provision." in done.stdout
    assert "Next: Use an admin's token" in done.stdout
    assert done.stdout.rstrip().endswith("checks failed.")


def test_json_keeps_english_and_adds_the_codes(sandbox: SandboxServer, tmp_path: Path) -> None:
    done = run_cli(
        sandbox,
        tmp_path,
        "--lang",
        "fr",
        token=sandbox.tokens.full_admin,
        lang_env=None,
        json_output=True,
    )
    assert done.returncode == 0, done.stderr
    person = {c["id"]: c for c in json.loads(done.stdout)["checks"]}["person"]
    assert person["reason"] == "The token belongs to a person."
    assert person["messages"]["reason"]["code"] == "check.person.person"
    assert person["messages"]["title"]["english"] == "Token of a person, not a bot"


def test_the_committed_qt_catalogue_of_the_messages_is_built_from_the_po(tmp_path: Path) -> None:
    script = ROOT / "scripts" / "build_translations.py"
    spec = importlib.util.spec_from_file_location("build_translations", script)
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    build.compile_language("fr", root=tmp_path)
    fresh_ts, fresh_qm = build.qt_paths("fr", tmp_path)
    ts, qm = build.qt_paths("fr")
    assert fresh_ts.read_bytes() == ts.read_bytes()
    assert fresh_qm.read_bytes() == qm.read_bytes()
    mo = build.po_path("fr").with_suffix(".mo")
    assert build.po_path("fr", tmp_path).with_suffix(".mo").read_bytes() == mo.read_bytes()
