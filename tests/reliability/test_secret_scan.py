"""Secrets never land where the program writes: a full sync and failing ones with known,
distinctive secrets, then every file the program wrote (profiles, state, logs, exports) and
everything it printed or logged is searched for them, as text and in base64: zero hits.

The secrets: the Webex token (the sandbox's full admin token), an expired token, the SMTP
password of the failure e-mail (the mail server refuses it, so the failure is logged), and
for an Entra ID source the client secret, a wrong one, and the Graph access tokens issued.
Once as an admin on a server runs it (commands in subprocesses, no keyring, secrets in the
environment, --verbose: DEBUG in the log file), once in-process (keyring, caplog at DEBUG).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from app.cli import main
from app.config.secrets import SecretStore
from app.sandbox.graph.server import GraphSandbox, GraphSandboxConfig
from app.sandbox.server import SandboxConfig, SandboxServer
from tests.reliability.support import REPO, find_secrets, load_chaos, scan_tree, secret_forms

chaos = load_chaos()

SMTP_USER = "mailer@example.com"
WRONG_SMTP_PASSWORD = "SmtpWrong-" + secrets.token_urlsafe(18)
WRONG_CLIENT_SECRET = "EntraWrong~" + secrets.token_urlsafe(24)


@dataclass
class MailServer:
    """aiosmtpd on loopback that refuses every login and keeps the passwords tried."""

    port: int = 0
    tried: list[bytes] = field(default_factory=list)

    def authenticator(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        if isinstance(data, LoginPassword):
            self.tried.append(data.password)
        return AuthResult(success=False, handled=False)


class Inbox:
    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        return "250 Message accepted"


@pytest.fixture
def mail_server() -> Iterator[MailServer]:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = MailServer(port=port)
    controller = Controller(
        Inbox(),
        hostname="127.0.0.1",
        port=port,
        authenticator=server.authenticator,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield server
    finally:
        controller.stop()


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer.in_thread(SandboxConfig()) as server:
        yield server


@pytest.fixture
def graph() -> Iterator[GraphSandbox]:
    with GraphSandbox.in_thread(GraphSandboxConfig(user_count=40)) as server:
        yield server


def entra_options(graph: GraphSandbox) -> list[str]:
    return [
        "--tenant-id",
        graph.tenant_id,
        "--client-id",
        graph.client_id,
        "--authority",
        graph.authority_host,
        "--graph-url",
        graph.graph_url,
        "--entra-ca-file",
        graph.ca_file,
    ]


def known_secrets(sandbox: SandboxServer) -> dict[str, str]:
    return {
        "Webex token": sandbox.tokens.full_admin,
        "expired Webex token": sandbox.tokens.expired,
        "SMTP password": WRONG_SMTP_PASSWORD,
    }


def profile_options(sandbox: SandboxServer, csv_path: Path, mail: MailServer) -> list[str]:
    return [
        "--tenant-url",
        sandbox.tenant_url,
        "--source",
        "csv",
        "--csv-file",
        str(csv_path),
        "--notify-email",
        "ops@example.com",
        "--smtp-host",
        "127.0.0.1",
        "--smtp-port",
        str(mail.port),
        "--smtp-security",
        "none",
        "--smtp-user",
        SMTP_USER,
        "--smtp-sender",
        "provisioning@example.com",
        "--provisioning",
        "on",  # `sync` refuses a profile whose provisioning is off (without --force)
    ]


def changed(rows: list[dict[str, str]], csv_path: Path) -> None:
    """Ten users change their title: the next cycle has writes to send."""
    for row in rows[:10]:
        row["jobTitle"] = "Promoted " + row["jobTitle"]
    chaos.write_csv(csv_path, rows)


@dataclass
class Command:
    args: tuple[str, ...]
    exit_code: int
    stdout: str
    stderr: str


def test_the_scan_finds_a_secret_however_it_is_written(tmp_path: Path) -> None:
    """The scanner itself: a secret in plain text, in UTF-16, or inside base64 at any offset."""
    import base64

    secret = "Tok-" + secrets.token_urlsafe(24)
    for prefix in (b"", b"u", b"us", b"\0user\0"):
        blob = base64.b64encode(prefix + secret.encode())
        assert find_secrets(b"AUTH PLAIN " + blob, {"t": secret}), prefix
    (tmp_path / "deep").mkdir()
    (tmp_path / "deep" / "a.log").write_bytes(b"x" + secret.encode("utf-16-le"))
    (tmp_path / "b.db").write_bytes(base64.urlsafe_b64encode(b"Bearer " + secret.encode()))
    hits = scan_tree(tmp_path, {"t": secret})
    assert set(hits) == {"b.db", os.path.join("deep", "a.log")}
    assert "t as base64url+1" in hits["b.db"]  # "Bearer " puts it at offset 7 = 1 (mod 3)
    assert hits[os.path.join("deep", "a.log")] == ["t as utf-16"]
    assert scan_tree(tmp_path, {"t": "Tok-" + secrets.token_urlsafe(24)}) == {}
    assert all(len(form) >= len(secret) for form in secret_forms(secret).values())


def test_no_secret_in_any_file_or_output_of_commands_run_as_on_a_server(
    tmp_path: Path,
    private_dirs: Path,
    sandbox: SandboxServer,
    mail_server: MailServer,
    graph: GraphSandbox,
) -> None:
    rows = chaos.make_rows(60, seed=5)
    csv_path = chaos.write_csv(tmp_path / "users.csv", rows)
    exports = tmp_path / "exports"
    exports.mkdir()
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("WEBEX_PROVISIONER_")}
    for name in ("CONFIG", "STATE", "LOG"):
        base_env[f"WEBEX_PROVISIONER_{name}_DIR"] = str(private_dirs / name.lower())
    base_env["PYTHONPATH"] = str(REPO)
    base_env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # a headless server
    commands: list[Command] = []

    def run(
        *args: str, token: str | None = None, client_secret: str | None = None, stdin: str = ""
    ) -> Command:
        env = dict(base_env)
        if token is not None:
            env["WEBEX_PROVISIONER_TOKEN"] = token
            env["WEBEX_PROVISIONER_SMTP_PASSWORD"] = WRONG_SMTP_PASSWORD
        if client_secret is not None:
            env["WEBEX_PROVISIONER_CLIENT_SECRET"] = client_secret
        done = subprocess.run(
            [sys.executable, "-m", "app", "--verbose", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=240,
        )
        command = Command(args, done.returncode, done.stdout, done.stderr)
        commands.append(command)
        return command

    token, expired = sandbox.tokens.full_admin, sandbox.tokens.expired
    created = run(
        "profile",
        "create",
        "acme",
        *profile_options(sandbox, csv_path, mail_server),
        "--token-stdin",
        "--smtp-password-stdin",
        stdin=f"{token}\n{WRONG_SMTP_PASSWORD}\n",
    )
    assert created.exit_code == 0, created.stderr
    assert "WEBEX_PROVISIONER_TOKEN" in created.stderr  # no keyring: told where to put it
    assert run("test-connection", "--profile", "acme", token=token).exit_code == 0
    assert run("whoami", "--profile", "acme", token=token).exit_code == 0
    full = run("sync", "--profile", "acme", "--json", token=token)
    assert full.exit_code == 0, full.stderr
    assert len(sandbox.users()) == len(rows)
    plan = run("sync", "--profile", "acme", "--dry-run", "--json", token=token)
    (exports / "plan.json").write_text(plan.stdout, encoding="utf-8")
    for kind in ("csv", "json"):
        logs = run("logs", "--profile", "acme", "--format", kind, token=token)
        (exports / f"log.{kind}").write_text(logs.stdout, encoding="utf-8")
    exported = run("profile", "export", "acme", "--output", str(exports / "acme.toml"))
    assert exported.exit_code == 0, exported.stderr
    assert run("profile", "show", "acme", "--json").exit_code == 0

    # The failing sync: ten users changed their title, the token has expired, the profile is
    # quarantined, and the failure e-mail is refused by the mail server (wrong SMTP password).
    changed(rows, csv_path)
    failing = run("sync", "--profile", "acme", token=expired)
    assert failing.exit_code == 4, failing.stderr
    assert "expired" in failing.stderr
    assert "e-mail for profile acme could not be sent" in failing.stderr
    assert set(mail_server.tried) == {WRONG_SMTP_PASSWORD.encode()}  # it did log in with it
    logins = len(mail_server.tried)
    assert run("test-connection", "--profile", "acme", token=expired).exit_code == 3
    assert run("notify", "test", "--profile", "acme", token=token).exit_code == 3
    assert len(mail_server.tried) > logins
    assert run("restart", "--profile", "acme").exit_code == 0
    failing_plan = run("sync", "--profile", "acme", "--dry-run", token=expired)
    assert failing_plan.exit_code == 3, failing_plan.stderr

    # Microsoft Entra ID as the source: the client secret, then a wrong one.
    created = run(
        "profile",
        "create",
        "contoso",
        "--tenant-url",
        sandbox.tenant_url,
        "--source",
        "entra",
        *entra_options(graph),
        "--provisioning",
        "on",
        "--token-stdin",
        "--client-secret-stdin",
        stdin=f"{token}\n{graph.client_secret}\n",
    )
    assert created.exit_code == 0, created.stderr
    entra = run(
        "sync", "--profile", "contoso", "--json", token=token, client_secret=graph.client_secret
    )
    assert entra.exit_code == 0, entra.stderr
    assert len(sandbox.users()) > len(rows)
    graph_tokens = list(getattr(graph.oauth, "_tokens", {}))  # the access tokens it handed out
    assert graph_tokens
    refused = run("sync", "--profile", "contoso", token=token, client_secret=WRONG_CLIENT_SECRET)
    assert refused.exit_code != 0
    assert "secret" in refused.stderr.lower(), refused.stderr[-1500:]

    wrote = {p.name for p in private_dirs.rglob("*") if p.is_file()}
    assert {"acme.toml", "acme.sqlite3", "webex-provisioner.log"} <= wrote, wrote
    assert "DEBUG" in (private_dirs / "log" / "webex-provisioner.log").read_text("utf-8")

    found = known_secrets(sandbox)
    found["Entra client secret"] = graph.client_secret
    found["wrong Entra client secret"] = WRONG_CLIENT_SECRET
    found.update({f"Graph access token {n}": t for n, t in enumerate(graph_tokens)})
    assert scan_tree(private_dirs, found) == {}
    assert scan_tree(exports, found) == {}
    leaks = {
        f"{' '.join(c.args)} ({stream})": hits
        for c in commands
        for stream, text in (("stdout", c.stdout), ("stderr", c.stderr))
        if (hits := find_secrets(text.encode("utf-8"), found))
    }
    assert leaks == {}


def test_no_secret_in_what_the_program_logs_or_prints_in_process(
    tmp_path: Path,
    private_dirs: Path,
    sandbox: SandboxServer,
    mail_server: MailServer,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", "hpack", "h11", "aiosmtplib", "mail.log"):
        caplog.set_level(logging.DEBUG, logger=name)
    rows = chaos.make_rows(40, seed=6)
    csv_path = chaos.write_csv(tmp_path / "users.csv", rows)
    exports = tmp_path / "exports"
    exports.mkdir()
    store = SecretStore()
    token, expired = sandbox.tokens.full_admin, sandbox.tokens.expired
    printed: list[str] = []

    def run(*args: str) -> int:
        code = main(["--verbose", *args])
        out, err = capsys.readouterr()
        printed.extend([out, err])
        return code

    assert run("profile", "create", "acme", *profile_options(sandbox, csv_path, mail_server)) == 0
    store.set("acme", "webex-token", token)
    store.set("acme", "smtp-password", WRONG_SMTP_PASSWORD)
    assert run("test-connection", "--profile", "acme") == 0
    assert run("sync", "--profile", "acme") == 0
    assert len(sandbox.users()) == len(rows)
    assert run("provision", "--profile", "acme", "--user", rows[0]["userPrincipalName"]) == 0
    assert run("logs", "--profile", "acme", "--format", "json") == 0
    (exports / "log.json").write_text(printed[-2], encoding="utf-8")
    assert run("profile", "export", "acme", "--output", str(exports / "acme.toml")) == 0

    store.set("acme", "webex-token", expired)
    changed(rows, csv_path)
    assert run("sync", "--profile", "acme") == 4
    assert any("could not be sent" in r.getMessage() for r in caplog.records)
    assert set(mail_server.tried) == {WRONG_SMTP_PASSWORD.encode()}
    assert run("test-connection", "--profile", "acme") == 3
    assert run("notify", "test", "--profile", "acme") == 3

    found = known_secrets(sandbox)
    assert scan_tree(private_dirs, found) == {}
    assert scan_tree(exports, found) == {}
    # Whatever log file this process writes (its folder is set by the first command run).
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            handler.flush()
            assert find_secrets(Path(handler.baseFilename).read_bytes(), found) == []
    records = "\n".join(
        f"{r.name} {r.getMessage()} {r.args!r} {r.exc_text or ''}" for r in caplog.records
    )
    assert any(r.levelno == logging.DEBUG for r in caplog.records)
    assert find_secrets(records.encode("utf-8"), found) == []
    assert find_secrets("\n".join(printed).encode("utf-8"), found) == []
