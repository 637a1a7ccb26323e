"""whoami and test-connection against the sandbox, for each kind of token: the functions
in-process, and the command in a subprocess (exit codes, readable and JSON output)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.sandbox.server import SandboxConfig, SandboxServer
from app.webex import checks
from app.webex.errors import ExpiredToken

# (token kind, exit code, {check id: status}) for test-connection on the Webex tenant
EXPECTED = {
    "full_admin": (
        0,
        {
            "url": "passed",
            "reachable": "passed",
            "token": "passed",
            "person": "passed",
            "org": "passed",
            "scim_read": "passed",
            "write": "passed",
        },
    ),
    "readonly_admin": (
        3,
        {
            "token": "passed",
            "person": "passed",
            "org": "passed",
            "scim_read": "passed",
            "write": "failed",
        },
    ),
    "bot": (3, {"token": "passed", "person": "failed", "scim_read": "failed", "write": "skipped"}),
    "expired": (
        3,
        {
            "token": "failed",
            "person": "skipped",
            "org": "skipped",
            "scim_read": "skipped",
            "write": "skipped",
        },
    ),
    "other_org": (3, {"token": "passed", "org": "failed", "scim_read": "failed"}),
}


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer.in_thread(SandboxConfig(seed_users=3)) as server:
        yield server


def start_cli(*args: str, token: str | None = None, home: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WEBEX_PROVISIONER_")}
    for name in ("CONFIG", "STATE", "LOG"):
        env[f"WEBEX_PROVISIONER_{name}_DIR"] = str(home / name.lower())
    if token is not None:
        env["WEBEX_PROVISIONER_TOKEN"] = token
    return subprocess.Popen(
        [sys.executable, "-m", "app", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def finish(
    process: subprocess.Popen[str], stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    out, err = process.communicate(stdin, timeout=90)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def run_cli(
    *args: str, token: str | None = None, stdin: str | None = None, home: Path
) -> subprocess.CompletedProcess[str]:
    return finish(start_cli(*args, token=token, home=home), stdin)


@pytest.mark.parametrize("kind", list(EXPECTED))
async def test_test_connection_in_process_for_each_token(sandbox: SandboxServer, kind: str) -> None:
    exit_code, statuses = EXPECTED[kind]
    report = await checks.test_connection(sandbox.tenant_url, getattr(sandbox.tokens, kind))
    assert report.exit_code == exit_code
    assert report.ok is (exit_code == 0)
    for check_id, status in statuses.items():
        assert report.check(check_id).status == status, (check_id, report.render_text())
    for check in report.checks:
        if check.status == "failed":
            assert check.reason and check.next_step


async def test_the_bot_is_told_it_cannot_provision(sandbox: SandboxServer) -> None:
    report = await checks.test_connection(sandbox.tenant_url, sandbox.tokens.bot)
    assert "a bot cannot provision" in report.check("person").reason
    assert "admin's token" in report.check("person").next_step


async def test_the_other_org_is_named(sandbox: SandboxServer) -> None:
    report = await checks.test_connection(sandbox.tenant_url, sandbox.tokens.other_org)
    assert report.me is not None
    assert report.me.org_uuid != sandbox.org_uuid
    assert report.me.org_uuid in report.check("org").reason


async def test_the_generic_scim_app_skips_the_org_steps_and_discovers(
    sandbox: SandboxServer,
) -> None:
    report = await checks.test_connection(sandbox.scim_app_url, sandbox.tokens.scim_app)
    assert report.ok
    assert [report.check(c).status for c in ("token", "person", "org")] == ["skipped"] * 3
    assert report.check("discovery").status == "passed"
    assert report.check("write").status == "unknown"


async def test_a_bad_url_stops_before_anything_is_sent(sandbox: SandboxServer) -> None:
    sandbox.reset_requests()
    report = await checks.test_connection(
        "https://api.webex.com/v1/scim/[Tenant ID]/", sandbox.tokens.full_admin
    )
    assert report.exit_code == 2
    assert report.check("url").status == "failed"
    assert "placeholder" in report.check("url").reason
    assert sandbox.requests == []


async def test_nothing_listening_is_a_network_failure() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    report = await checks.test_connection(
        f"http://127.0.0.1:{port}/identity/scim/96abc2aa-3dcc-11e5-a152-fe34819cdc9a/v2/", "x"
    )
    assert report.exit_code == 4
    assert "refused" in report.check("reachable").reason
    assert report.check("token").status == "skipped"


async def test_fetch_org_id_works_with_the_placeholder_left_in(sandbox: SandboxServer) -> None:
    me = await checks.fetch_org_id(
        f"{sandbox.base_url}/identity/scim/[Tenant ID]/v2/", sandbox.tokens.full_admin
    )
    assert me.org_uuid == sandbox.org_uuid
    assert me.org_id == sandbox.org_id
    with pytest.raises(ExpiredToken):
        await checks.fetch_org_id(sandbox.tenant_url, sandbox.tokens.expired)


# -- the command -------------------------------------------------------------------------------


def test_whoami_prints_the_org_and_the_tenant_url(sandbox: SandboxServer, tmp_path: Path) -> None:
    url = f"{sandbox.base_url}/identity/scim/[Tenant ID]/v2/"
    result = run_cli("whoami", "--tenant-url", url, token=sandbox.tokens.full_admin, home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Camille Martin" in result.stdout
    assert sandbox.org_uuid in result.stdout
    assert sandbox.tenant_url in result.stdout
    assert sandbox.tokens.full_admin not in result.stdout + result.stderr


WHOAMI = {
    "full_admin": (0, "person"),
    "readonly_admin": (0, "person"),
    "bot": (0, "bot"),
    "expired": (3, None),
    "other_org": (0, "person"),
}


def test_whoami_json_for_each_token(sandbox: SandboxServer, tmp_path: Path) -> None:
    # one process per kind of token, all started at once
    started = {
        kind: start_cli(
            "whoami", "--tenant-url", sandbox.tenant_url, "--json", "--token-stdin", home=tmp_path
        )
        for kind in WHOAMI
    }
    for kind, process in started.items():
        token = getattr(sandbox.tokens, kind)
        result = finish(process, token + "\n")
        exit_code, type_ = WHOAMI[kind]
        assert result.returncode == exit_code, (kind, result.stderr)
        data = json.loads(result.stdout)
        assert data["ok"] is (exit_code == 0)
        if type_ is None:
            assert data["error"]["error"] == "ExpiredToken"
            assert "new token" in data["error"]["next_step"]
        else:
            assert data["me"]["type"] == type_
            # the tenant URL of the token's own organisation (another one for other_org)
            assert data["tenant_url"] == sandbox.tenant_url.replace(
                sandbox.org_uuid, data["me"]["org_uuid"]
            )
            assert (data["me"]["org_uuid"] == sandbox.org_uuid) is (kind != "other_org")
        assert token not in result.stdout + result.stderr


def test_test_connection_command_for_each_token(sandbox: SandboxServer, tmp_path: Path) -> None:
    started = {
        kind: start_cli(
            "test-connection",
            "--tenant-url",
            sandbox.tenant_url,
            "--json",
            token=getattr(sandbox.tokens, kind),
            home=tmp_path,
        )
        for kind in EXPECTED
    }
    for kind, process in started.items():
        result = finish(process)
        exit_code, statuses = EXPECTED[kind]
        assert result.returncode == exit_code, (kind, result.stdout + result.stderr)
        report = json.loads(result.stdout)
        got = {c["id"]: c["status"] for c in report["checks"]}
        assert {k: got[k] for k in statuses} == statuses, kind
        assert getattr(sandbox.tokens, kind) not in result.stdout + result.stderr


def test_test_connection_readable_output(sandbox: SandboxServer, tmp_path: Path) -> None:
    result = run_cli(
        "test-connection",
        "--tenant-url",
        sandbox.tenant_url,
        token=sandbox.tokens.expired,
        home=tmp_path,
    )
    assert result.returncode == 3
    assert "[FAILED ] Token accepted (people/me): The token has expired." in result.stdout
    assert "Next: Create a new token" in result.stdout
    assert "Result: 1 check failed." in result.stdout


def test_without_a_token_the_command_says_how_to_give_one(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    result = run_cli("test-connection", "--tenant-url", sandbox.tenant_url, home=tmp_path)
    assert result.returncode == 2
    assert "--token-stdin" in result.stderr and "WEBEX_PROVISIONER_TOKEN" in result.stderr


def test_an_empty_stdin_is_refused(sandbox: SandboxServer, tmp_path: Path) -> None:
    result = run_cli(
        "whoami", "--tenant-url", sandbox.tenant_url, "--token-stdin", stdin="", home=tmp_path
    )
    assert result.returncode == 2
    assert "standard input held no token" in result.stderr


def test_a_bad_url_exits_2_and_a_dead_port_exits_4(tmp_path: Path) -> None:
    bad = run_cli(
        "test-connection",
        "--tenant-url",
        "https://api.webex.com/v1/scim/[Tenant ID]/",
        token="x",
        home=tmp_path,
    )
    assert bad.returncode == 2
    assert "placeholder" in bad.stdout
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    dead = run_cli(
        "whoami",
        "--tenant-url",
        f"http://127.0.0.1:{port}/identity/scim/",
        token="x",
        home=tmp_path,
    )
    assert dead.returncode == 4
    assert "refused" in dead.stderr


def test_there_is_no_token_option(tmp_path: Path) -> None:
    result = run_cli("whoami", "--token", "abc", home=tmp_path)
    assert result.returncode == 2
    assert "unrecognized arguments" in result.stderr


def test_profile_gives_the_tenant_url_and_the_keyring_gives_the_token(
    sandbox: SandboxServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main
    from app.config.profile import Profile
    from app.config.secrets import SecretStore
    from app.config.store import ProfileStore

    profile = Profile.model_validate(
        {
            "name": "sandbox",
            "target": {"tenant_url": sandbox.tenant_url},
            "source": {"kind": "csv", "csv": {"path": str(tmp_path / "users.csv")}},
        }
    )
    ProfileStore().save(profile)
    SecretStore().set("sandbox", "webex-token", sandbox.tokens.readonly_admin)
    assert main(["test-connection", "--profile", "sandbox", "--json"]) == 3
    report = json.loads(capsys.readouterr().out)
    assert report["tenant_url"] == sandbox.tenant_url
    assert report["me"]["display_name"] == "Oliver Hughes"
    assert main(["whoami", "--profile", "sandbox"]) == 0
    out = capsys.readouterr().out
    assert "Oliver Hughes" in out and "id_readonly_admin" in out
