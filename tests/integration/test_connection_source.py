"""`test-connection --profile NAME` on a profile whose source is Microsoft Entra ID.

The target's checks run against the Webex sandbox (loopback HTTP), the source's against the
Graph sandbox (TLS on loopback, its own CA): the command reports both, in that order, in
the readable and the JSON output, and its exit code names the first failure.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from typing import Any

import pytest

from app.cli import main
from app.config.profile import Profile
from app.config.secrets import SecretStore
from app.config.store import ProfileStore
from app.sandbox.graph.server import GraphSandbox, GraphSandboxConfig
from app.sandbox.server import SandboxConfig, SandboxServer

TARGET_IDS = [
    "url",
    "reachable",
    "token",
    "person",
    "org",
    "scim_read",
    "write",
    "write_groups",
    "token_expiry",
]
SOURCE_IDS = [
    "entra.reachable",
    "entra.sign-in",
    "entra.permission.user-read-all",
    "entra.permission.group-read-all",
    "entra.permission.application-read-all",
    "entra.application",
]


@pytest.fixture(scope="module")
def webex() -> Iterator[SandboxServer]:
    with SandboxServer.in_thread(SandboxConfig()) as server:
        yield server


@pytest.fixture(scope="module")
def graph() -> Iterator[GraphSandbox]:
    with GraphSandbox.in_thread(GraphSandboxConfig(user_count=60)) as sandbox:
        yield sandbox


def save_profile(
    webex: SandboxServer,
    entra: dict[str, Any],
    *,
    client_secret: str | None,
    name: str = "contoso",
    token: str | None = None,
) -> str:
    profile = Profile.model_validate(
        {
            "name": name,
            "target": {"tenant_url": webex.tenant_url},
            "source": {"kind": "entra", "entra": entra},
            "scope": "assigned",
        }
    )
    ProfileStore().save(profile)
    store = SecretStore()
    store.set(name, "webex-token", token or webex.tokens.full_admin)
    if client_secret is not None:
        store.set(name, "entra-client-secret", client_secret)
    return name


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["test-connection", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(capsys: pytest.CaptureFixture[str], name: str) -> tuple[int, dict[str, Any]]:
    code, out, _err = run(capsys, "--profile", name, "--json")
    return code, {c["id"]: c for c in json.loads(out)["checks"]}


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_every_check_of_the_target_and_the_source_passes(
    webex: SandboxServer, graph: GraphSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    name = save_profile(webex, graph.entra_settings(), client_secret=graph.client_secret)

    code, out, err = run(capsys, "--profile", name)
    assert code == 0, out + err
    lines = out.splitlines()
    assert lines[-1] == "Result: the connection works."
    # The source's checks come after the target's, one line each.
    target_line = next(i for i, line in enumerate(lines) if "SCIM read (Users)" in line)
    sign_in_line = next(
        i for i, line in enumerate(lines) if "Sign-in to Microsoft Entra ID" in line
    )
    assert target_line < sign_in_line
    assert f"Signed in to tenant {graph.tenant_id} with the client secret" in lines[sign_in_line]
    for permission in ("User.Read.All", "Group.Read.All", "Application.Read.All"):
        assert any(f"[ok     ] Permission {permission}" in line for line in lines), out
    assert "Cisco Webex" in next(line for line in lines if "Enterprise application" in line)
    assert graph.client_secret not in out + err

    code, checks = run_json(capsys, name)
    assert code == 0
    assert list(checks) == TARGET_IDS + SOURCE_IDS
    assert {c["status"] for c in checks.values()} == {"passed"}


def test_a_wrong_client_secret_fails_the_sign_in_with_the_next_step(
    webex: SandboxServer, graph: GraphSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = "sbx~this-is-not-the-secret-0123456789"
    name = save_profile(webex, graph.entra_settings(), client_secret=wrong)

    code, out, err = run(capsys, "--profile", name)
    assert code == 3, out + err
    assert (
        "[FAILED ] Sign-in to Microsoft Entra ID: Microsoft Entra ID refused the client secret"
        in out
    )
    assert "Next: Create a new client secret" in out
    assert "--client-secret-stdin" in out
    assert "Result: 1 check failed." in out
    assert wrong not in out + err

    code, checks = run_json(capsys, name)
    assert code == 3
    assert checks["token"]["status"] == "passed"  # the Webex side is fine
    assert checks["entra.sign-in"]["status"] == "failed"
    assert {checks[i]["status"] for i in SOURCE_IDS[2:]} == {"skipped"}


def test_an_app_without_application_read_all_is_told_which_permission_to_grant(
    webex: SandboxServer, graph: GraphSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    limited = graph.register_client(("User.Read.All", "Group.Read.All"))
    name = save_profile(
        webex, graph.entra_settings(client_id=limited.client_id), client_secret=limited.secret
    )

    code, checks = run_json(capsys, name)
    assert code == 3
    missing = checks["entra.permission.application-read-all"]
    assert missing["status"] == "failed"
    assert "Application.Read.All (application)" in missing["next_step"]
    assert "Grant admin consent" in missing["next_step"]
    assert checks["entra.permission.user-read-all"]["status"] == "passed"
    assert checks["entra.permission.group-read-all"]["status"] == "passed"
    assert checks["entra.application"]["status"] == "unknown"

    code, out, _err = run(capsys, "--profile", name)
    assert code == 3
    assert "[FAILED ] Permission Application.Read.All" in out


def test_an_unreachable_sign_in_service_is_a_network_failure(
    webex: SandboxServer, graph: GraphSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    nowhere = f"https://127.0.0.1:{closed_port()}"
    name = save_profile(
        webex, graph.entra_settings(authority=nowhere), client_secret=graph.client_secret
    )

    code, checks = run_json(capsys, name)
    assert code == 4
    network = checks["entra.reachable"]
    assert network["status"] == "failed"
    assert "refused the connection" in network["reason"]
    assert "authority" in network["next_step"]
    assert {checks[i]["status"] for i in SOURCE_IDS[1:]} == {"skipped"}


def test_a_target_failure_comes_first_and_the_source_is_still_checked(
    webex: SandboxServer, graph: GraphSandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    name = save_profile(
        webex,
        graph.entra_settings(),
        client_secret=graph.client_secret,
        token=webex.tokens.readonly_admin,
    )
    code, checks = run_json(capsys, name)
    assert code == 3
    assert checks["write"]["status"] == "failed"
    assert {checks[i]["status"] for i in SOURCE_IDS} == {"passed"}


def test_a_device_code_profile_prints_the_code_then_reuses_the_saved_sign_in(
    webex: SandboxServer, capsys: pytest.CaptureFixture[str]
) -> None:
    # A sandbox where the admin signs in as soon as the code is shown.
    with GraphSandbox.in_thread(
        GraphSandboxConfig(user_count=30, auto_approve_device_codes=True)
    ) as graph:
        name = save_profile(webex, graph.entra_settings(auth="device_code"), client_secret=None)

        code, out, err = run(capsys, "--profile", name, "--json")
        assert code == 0, out + err
        checks = {c["id"]: c for c in json.loads(out)["checks"]}  # stdout stays JSON
        assert "by device code" in checks["entra.sign-in"]["reason"]
        assert f"{graph.base_url}/devicelogin" in err
        assert "enter the code" in err
        assert graph.pending_device_codes() == []
        assert SecretStore().get(name, "msal-cache")  # the sign-in is kept in the keyring

        # Next time the saved sign-in is used: no code to enter.
        code, out, err = run(capsys, "--profile", name)
        assert code == 0, out + err
        assert "devicelogin" not in err
