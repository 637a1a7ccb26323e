"""`webex-provisioner profile ...` in-process and as a real subprocess (--token-stdin)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import keyring.backend
import pytest
from keyring.backends import fail
from keyring.errors import PasswordDeleteError

from app.cli import main
from app.config.secrets import SERVICE, SecretStore
from app.config.store import ProfileStore
from app.paths import profiles_dir
from tests.support.keyring import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "users.csv"
FRENCH_SAMPLE = ROOT / "resources" / "sample" / "users-fr-excel.csv"
URL = "https://webexapis.com/identity/scim/96abc2aa-3dcc-11e5-a152-fe34819cdc9a/v2/"
Cli = Callable[..., tuple[int, str, str]]
TOKEN = "OWFkNmY0ZGEtNjgxZS00ZDYwLTk3NzYtY2Q4ZGU0ZTk3ZjY2_PF84_cli-known-token"


class JsonFileKeyring(keyring.backend.KeyringBackend):
    """A keyring for the subprocess tests, which cannot share the in-memory one: this machine
    has no keyring service. Chosen with PYTHON_KEYRING_BACKEND; file from WP_TEST_KEYRING."""

    priority = 1  # type: ignore[assignment]

    def _load(self) -> dict[str, str]:
        path = Path(os.environ["WP_TEST_KEYRING"])
        return json.loads(path.read_text()) if path.exists() else {}

    def _save(self, data: dict[str, str]) -> None:
        Path(os.environ["WP_TEST_KEYRING"]).write_text(json.dumps(data))

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError(username)
        self._save(data)


def run(
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    try:
        code = main(args)
    except SystemExit as exc:  # argparse refusals
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Iterator[Cli]:
    def call(*args: str, stdin: str = "") -> tuple[int, str, str]:
        return run(["profile", *args], capsys, monkeypatch, stdin)

    yield call


def create_args(name: str = "acme", *extra: str) -> list[str]:
    return [
        "create",
        name,
        "--tenant-url",
        URL,
        "--source",
        "csv",
        "--csv-file",
        str(SAMPLE),
        *extra,
    ]


def all_profile_text() -> str:
    return "".join(p.read_text(encoding="utf-8") for p in profiles_dir().glob("*"))


def test_create_keeps_the_token_in_the_keyring_and_out_of_the_file(
    cli: Cli, memory_keyring: MemoryKeyring
) -> None:
    code, out, err = cli(*create_args("acme", "--token-stdin"), stdin=TOKEN + "\n")
    assert code == 0, err
    assert "Profile acme created" in out
    assert "18 users" in out  # the CSV was read to check it
    assert memory_keyring.secrets[(SERVICE, "acme:webex-token")] == TOKEN
    assert TOKEN not in all_profile_text()
    assert TOKEN not in out + err

    code, out, err = cli("show", "acme")
    assert code == 0
    assert "Webex token:    stored in the system keyring" in out
    assert str(SAMPLE) in out
    assert TOKEN not in out

    code, out, _ = cli("show", "acme", "--json")
    document = json.loads(out)
    assert document["token_stored"] is True
    assert document["profile"]["source"]["csv"]["path"] == str(SAMPLE)
    assert TOKEN not in out


def test_create_refuses_bad_input_with_exit_code_2(cli: Cli, tmp_path: Path) -> None:
    code, _, err = cli("create", "bad name", "--tenant-url", URL, "--csv-file", str(SAMPLE))
    assert code == 2 and "letters, digits, - and _" in err

    code, _, err = cli("create", "acme", "--csv-file", str(SAMPLE))
    assert code == 2 and "--tenant-url" in err

    code, _, err = cli("create", "acme", "--tenant-url", URL)
    assert code == 2 and "--source csv --csv-file FILE" in err

    code, _, err = cli(*create_args("acme", "--every", "soon"))
    assert code == 2 and "40m" in err

    code, _, err = cli("create", "acme", "--tenant-url", URL, "--csv-file", str(tmp_path / "x.csv"))
    assert code == 2 and "does not exist" in err

    no_upn = tmp_path / "people.csv"
    no_upn.write_text("email,name\na@example.com,A\n", encoding="utf-8")
    code, _, err = cli("create", "acme", "--tenant-url", URL, "--csv-file", str(no_upn))
    assert code == 2 and "email, name" in err and "--user-name-column email" in err

    code, _, err = cli(*create_args("acme", "--token-stdin"), stdin="\n")
    assert code == 2 and "No Webex token on standard input" in err

    code, _, err = cli(
        *create_args("acme", "--concurrency", "0", "--deletion-threshold-percent", "101")
    )
    assert code == 2
    assert "--concurrency (`concurrency_cap`)" in err
    assert "--deletion-threshold-percent" in err

    code, _, err = cli(*create_args("acme", "--scope", "everyone"))
    assert code == 2  # argparse's own refusal

    code, _, err = cli()
    assert code == 2 and "ACTION" in err

    assert ProfileStore().list() == []  # nothing was saved by any refusal


def test_create_refuses_an_existing_profile(cli: Cli) -> None:
    assert cli(*create_args())[0] == 0
    code, _, err = cli(*create_args())
    assert code == 2
    assert "already exists" in err and "profile set acme" in err


def test_create_warns_about_invalid_rows_and_still_saves(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "users.csv"
    path.write_text("userPrincipalName\na@example.com\nbroken\n", encoding="utf-8")
    code, _, err = cli("create", "acme", "--tenant-url", URL, "--csv-file", str(path))
    assert code == 0
    assert "1 invalid rows in the CSV file (rows 3)" in err
    assert "--skip-invalid" in err
    assert ProfileStore().list() == ["acme"]


def test_set_changes_only_the_options_given(cli: Cli) -> None:
    cli(*create_args("acme", "--deletion-threshold", "50", "--skip-out-of-scope-deletions"))
    before = ProfileStore().load("acme")
    code, out, err = cli(
        "set", "acme", "--every", "2h", "--scope", "all", "--no-skip-out-of-scope-deletions"
    )
    assert code == 0, err
    assert "updated" in out
    after = ProfileStore().load("acme")
    assert after.schedule.every_minutes == 120
    assert after.scope == "all"
    assert after.safety.skip_out_of_scope_deletions is False
    assert after.safety.deletion_threshold_count == 50
    assert after.source == before.source
    assert after.target == before.target
    assert after.mappings == before.mappings


def test_set_notification_settings_and_the_smtp_password(
    cli: Cli, memory_keyring: MemoryKeyring
) -> None:
    cli(*create_args())
    code, _, err = cli(
        "set", "acme",
        "--notify-email", "ops@example.com", "--notify-email", "it@example.fr",
        "--smtp-host", "smtp.example.com", "--smtp-port", "465", "--smtp-security", "tls",
        "--smtp-user", "robot", "--smtp-password-stdin", "--smtp-sender", "wp@example.com",
        stdin="mail-secret\n",
    )  # fmt: skip
    assert code == 0, err
    notifications = ProfileStore().load("acme").notifications
    assert notifications.emails == ["ops@example.com", "it@example.fr"]
    assert notifications.send_on_failure is True
    assert (notifications.smtp.host, notifications.smtp.port) == ("smtp.example.com", 465)
    assert notifications.smtp.security == "tls" and notifications.smtp.user == "robot"
    assert memory_keyring.secrets[(SERVICE, "acme:smtp-password")] == "mail-secret"
    assert "mail-secret" not in all_profile_text()

    code, _, err = cli("set", "acme", "--notify-email", "not-an-address")
    assert code == 2 and "not an e-mail address" in err


def test_the_mail_language_is_a_setting_of_the_profile(cli: Cli) -> None:
    cli(*create_args())
    assert ProfileStore().load("acme").notifications.language == "system"
    code, _, err = cli("set", "acme", "--mail-language", "fr")
    assert code == 0, err
    assert ProfileStore().load("acme").notifications.language == "fr"
    code, _, err = cli("set", "acme", "--mail-language", "de")
    assert code == 2 and "--mail-language" in err


def test_set_switches_to_an_entra_source_reading_two_secrets_in_order(
    cli: Cli, memory_keyring: MemoryKeyring
) -> None:
    cli(*create_args())
    code, _, err = cli(
        "set", "acme", "--source", "entra", "--tenant-id", "contoso.onmicrosoft.com",
        "--client-id", "11111111-2222-3333-4444-555555555555", "--client-secret-stdin",
        "--token-stdin", "--app-id", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        "--authority", "https://login.microsoftonline.us", "--scope", "all",
        stdin=f"{TOKEN}\nentra-client-secret\n",
    )  # fmt: skip
    assert code == 0, err
    profile = ProfileStore().load("acme")
    assert profile.source.kind == "entra"
    assert profile.source.entra is not None
    assert profile.source.entra.auth == "client_secret"
    assert profile.source.entra.app_id == "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
    assert profile.source.entra.authority == "https://login.microsoftonline.us"
    assert profile.source.csv is not None  # kept, for switching back
    assert memory_keyring.secrets[(SERVICE, "acme:webex-token")] == TOKEN
    assert memory_keyring.secrets[(SERVICE, "acme:entra-client-secret")] == "entra-client-secret"

    code, out, _ = cli("show", "acme")
    assert "Microsoft Entra ID, tenant contoso.onmicrosoft.com" in out
    assert "Client secret:  stored in the system keyring" in out

    code, _, err = cli("set", "acme", "--device-code", "--client-secret-stdin")
    assert code == 2  # mutually exclusive


def test_an_entra_source_needs_its_ids(cli: Cli) -> None:
    code, _, err = cli("create", "acme", "--tenant-url", URL, "--source", "entra", "--device-code")
    assert code == 2
    assert "--tenant-id ID and --client-id ID" in err


def test_list_delete_export_import(cli: Cli, tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    code, out, err = cli("list")
    assert code == 0 and out == "" and "No profiles yet" in err
    cli(*create_args("beta", "--token-stdin"), stdin=TOKEN + "\n")
    cli(*create_args("alpha", "--scope", "all"))
    assert cli("list")[1].split() == ["alpha", "beta"]

    exported = tmp_path / "beta.toml"
    code, out, _ = cli("export", "beta", "--output", str(exported))
    assert code == 0 and "secrets are not included" in out
    assert TOKEN not in exported.read_text(encoding="utf-8")
    code, out, _ = cli("export", "beta")
    assert out == exported.read_text(encoding="utf-8")

    code, _, err = cli("import", str(exported))
    assert code == 2 and "already exists" in err
    code, out, _ = cli("import", str(exported), "--name", "gamma")
    assert code == 0 and "Profile gamma imported" in out and "--token-stdin" in out
    assert cli("list")[1].split() == ["alpha", "beta", "gamma"]

    code, out, _ = cli("delete", "beta")
    assert code == 0 and "webex-token" in out
    assert (SERVICE, "beta:webex-token") not in memory_keyring.secrets
    assert cli("list")[1].split() == ["alpha", "gamma"]
    code, _, err = cli("delete", "beta")
    assert code == 2 and "No profile named beta" in err


def test_import_from_standard_input(cli: Cli) -> None:
    cli(*create_args("acme", "--scope", "all"))
    text = cli("export", "acme")[1]
    code, _, err = cli("import", "-", "--name", "copy", stdin=text)
    assert code == 0, err
    assert ProfileStore().load("copy").scope == "all"


def test_without_a_keyring_the_profile_is_saved_and_the_variable_explained(
    cli: Cli,
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        code, out, err = cli(*create_args("acme", "--token-stdin"), stdin=TOKEN + "\n")
        assert code == 0
        assert "no keyring service" in err
        assert "WEBEX_PROVISIONER_TOKEN" in err
        assert ProfileStore().list() == ["acme"]
        assert TOKEN not in all_profile_text() + out + err
        code, out, _ = cli("show", "acme")
        assert "no keyring on this machine, and WEBEX_PROVISIONER_TOKEN is not set" in out
    finally:
        keyring.set_keyring(previous)


def test_a_french_excel_export_can_be_the_source(cli: Cli) -> None:
    code, out, err = cli("create", "paris", "--tenant-url", URL, "--csv-file", str(FRENCH_SAMPLE))
    assert code == 0, err
    assert "cp1252, semicolon-separated" in out


# --- a real subprocess: what an admin's shell or a scheduler runs -------------------------


def subprocess_env(tmp_path: Path, backend: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PYTHON_KEYRING_BACKEND=backend,
        WP_TEST_KEYRING=str(tmp_path / "keyring.json"),
        PYTHONPATH=str(ROOT),
    )
    env.pop("WEBEX_PROVISIONER_TOKEN", None)
    return env


def run_cli(
    args: list[str], env: dict[str, str], stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "profile", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_token_stdin_in_a_subprocess_reaches_the_keyring_only(tmp_path: Path) -> None:
    env = subprocess_env(tmp_path, f"{__name__}.JsonFileKeyring")
    result = run_cli(create_args("acme", "--token-stdin"), env, stdin=TOKEN + "\n")
    assert result.returncode == 0, result.stderr
    stored = json.loads((tmp_path / "keyring.json").read_text())
    assert stored == {f"{SERVICE}/acme:webex-token": TOKEN}
    assert TOKEN not in all_profile_text()
    assert TOKEN not in result.stdout + result.stderr

    shown = run_cli(["show", "acme", "--json"], env)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["token_stored"] is True


def test_a_subprocess_without_keyring_says_how_to_use_the_variable(tmp_path: Path) -> None:
    env = subprocess_env(tmp_path, "keyring.backends.fail.Keyring")
    result = run_cli(create_args("acme", "--token-stdin"), env, stdin=TOKEN + "\n")
    assert result.returncode == 0
    assert "no keyring service" in result.stderr
    assert "WEBEX_PROVISIONER_TOKEN" in result.stderr
    assert ProfileStore().list() == ["acme"]

    env["WEBEX_PROVISIONER_TOKEN"] = TOKEN
    shown = run_cli(["show", "acme", "--json"], env)
    assert json.loads(shown.stdout)["secrets"]["webex-token"] == "environment"
    assert TOKEN not in shown.stdout
    bad = run_cli(["show", "nobody"], env)
    assert bad.returncode == 2 and "No profile named nobody" in bad.stderr


def test_secret_store_sees_what_the_cli_stored(cli: Cli) -> None:
    cli(*create_args("acme", "--token-stdin"), stdin=TOKEN + "\n")
    assert SecretStore().get("acme", "webex-token") == TOKEN
