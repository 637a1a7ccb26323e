"""End to end from a shell: an Entra ID profile made with `profile create`, then `sync`.

The Graph sandbox (TLS on loopback, its own CA) and the Webex sandbox serve from threads of
this test; every command runs in a subprocess, as an admin's shell or a scheduler starts
it. The subprocesses share a keyring kept in a JSON file outside the program's folders
(this machine has no keyring service), so that the test can prove that the client secret
reaches the keyring and nothing else.
"""

from __future__ import annotations

import json
import os
import pty
import re
import ssl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import httpx
import keyring.backend
import pytest
from keyring.errors import PasswordDeleteError

from app.config.store import ProfileStore
from app.sandbox.graph.server import GraphSandbox, GraphSandboxConfig
from app.sandbox.server import SandboxConfig, SandboxServer

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a pty is POSIX")

REPO = Path(__file__).resolve().parents[2]
WRITES = {"POST", "PUT", "PATCH", "DELETE"}
CODE = re.compile(r"enter the code ([A-Z0-9]+)")


class JsonFileKeyring(keyring.backend.KeyringBackend):
    """The subprocesses' keyring: a JSON file named by WP_TEST_KEYRING (PYTHON_KEYRING_BACKEND)."""

    priority = 1  # type: ignore[assignment]

    def _path(self) -> Path:
        return Path(os.environ["WP_TEST_KEYRING"])

    def _load(self) -> dict[str, str]:
        path = self._path()
        return json.loads(path.read_text()) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self._path().write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError(username)
        self._path().write_text(json.dumps(data))


@pytest.fixture
def graph() -> Iterator[GraphSandbox]:
    with GraphSandbox.in_thread(GraphSandboxConfig(user_count=60)) as sandbox:
        yield sandbox


@pytest.fixture
def webex() -> Iterator[SandboxServer]:
    with SandboxServer.in_thread(SandboxConfig()) as server:
        yield server


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    values = dict(os.environ)  # holds the private config/state/log folders (conftest)
    values.update(
        PYTHONPATH=str(REPO),
        PYTHON_KEYRING_BACKEND=f"{__name__}.JsonFileKeyring",
        WP_TEST_KEYRING=str(tmp_path / "keyring.json"),
    )
    for name in ("WEBEX_PROVISIONER_TOKEN", "WEBEX_PROVISIONER_CLIENT_SECRET"):
        values.pop(name, None)
    return values


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "app", *args]


def run(
    env: dict[str, str], *args: str, stdin: str | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(*args),
        input=stdin,
        stdin=subprocess.DEVNULL if stdin is None else None,
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=timeout,
        check=False,
    )


def create_profile(
    env: dict[str, str],
    name: str,
    webex: SandboxServer,
    graph: GraphSandbox,
    *,
    device_code: bool = False,
) -> None:
    sign_in = ["--device-code"] if device_code else ["--client-secret-stdin"]
    secrets = webex.tokens.full_admin + "\n"
    if not device_code:
        secrets += graph.client_secret + "\n"
    created = run(
        env,
        "profile",
        "create",
        name,
        "--tenant-url",
        webex.tenant_url,
        "--token-stdin",
        "--source",
        "entra",
        "--tenant-id",
        graph.tenant_id,
        "--client-id",
        graph.client_id,
        *sign_in,
        "--authority",
        graph.authority_host,
        "--graph-url",
        graph.graph_url,
        "--entra-ca-file",
        graph.ca_file,
        "--provisioning",
        "on",
        stdin=secrets,
    )
    assert created.returncode == 0, created.stderr


def expected_user_names(graph: GraphSandbox) -> set[str]:
    """The users assigned to Cisco Webex with a real role (Default Access left out), enabled."""
    return graph.tenant.expected_user_names()


def webex_user_names(webex: SandboxServer) -> set[str]:
    return {u["userName"].lower() for u in webex.users()}


def writes(webex: SandboxServer) -> list[object]:
    return [r for r in webex.requests if r.method in WRITES]


def sign_in_on_the_other_device(graph: GraphSandbox, stream: IO[str]) -> str:
    """Read the prompt the command prints, then enter the code on the sign-in page."""
    seen = ""
    while True:
        line = stream.readline()
        assert line, f"the command ended without showing a code: {seen!r}"
        seen += line
        found = CODE.search(line)
        if found:
            break
    assert f"{graph.base_url}/devicelogin" in seen
    answer = httpx.post(
        f"{graph.base_url}/devicelogin",
        data={"code": found.group(1)},
        verify=ssl.create_default_context(cafile=graph.ca_file),
        timeout=10,
    )
    assert "You have signed in" in answer.text
    return seen


def test_profile_create_then_sync_provisions_the_assigned_users_and_keeps_the_secret_out_of_files(
    graph: GraphSandbox,
    webex: SandboxServer,
    env: dict[str, str],
    private_dirs: Path,
    tmp_path: Path,
) -> None:
    create_profile(env, "contoso", webex, graph)

    first = run(env, "sync", "--profile", "contoso", "--json")
    assert first.returncode == 0, first.stderr
    result = json.loads(first.stdout)
    assert (result["outcome"], result["mode"]) == ("completed", "full")
    expected = expected_user_names(graph)
    default_access = {
        graph.tenant.users[u]["userPrincipalName"].lower()
        for u in graph.tenant.expected_default_access_only()
    }
    assert default_access  # the sample tenant has some: the exclusion is tested
    assert webex_user_names(webex) == expected
    assert not webex_user_names(webex) & default_access
    # One create per user and per assigned group, nothing else.
    assert result["counts"]["Create"] == {"Success": len(expected) + len(webex.groups())}
    assert set(result["counts"]) == {"Create", "Skip"}  # Default Access and disabled users

    webex.reset_requests()
    second = run(env, "sync", "--profile", "contoso", "--json")
    assert second.returncode == 0, second.stderr
    again = json.loads(second.stdout)
    assert (again["outcome"], again["mode"]) == ("completed", "incremental")
    assert "Create" not in again["counts"] and "Update" not in again["counts"]
    assert writes(webex) == []
    # The profile maps groups (the defaults), and the Graph sandbox, which checks every
    # $select against Microsoft's metadata, refused none of the two cycles' reads.
    profile = ProfileStore().load("contoso")
    assert any(m.source == "members" for m in profile.mappings.groups)
    assert [(r.path, r.status) for r in graph.graph_calls() if r.status >= 400] == []
    assert any("deltatoken" in r.query for r in graph.graph_calls())

    # Provisioning on demand reads the same source, step by step.
    one = sorted(expected)[0]
    shown = run(env, "provision", "--profile", "contoso", "--user", one, "--dry-run")
    assert shown.returncode == 0, shown.stderr
    assert f"1. Found in the source: {one}" in shown.stdout
    assert writes(webex) == []

    # The secret went to the keyring, and into no file of the program's own folders.
    keyring_text = (tmp_path / "keyring.json").read_text()
    assert graph.client_secret in keyring_text
    files = [p for p in private_dirs.rglob("*") if p.is_file()]
    assert any(p.suffix == ".toml" for p in files)
    assert any("sqlite" in p.name for p in files)
    for path in files:
        content = path.read_bytes()
        assert graph.client_secret.encode() not in content, path
        assert webex.tokens.full_admin.encode() not in content, path
    for output in (first, second, shown):
        assert graph.client_secret not in output.stdout + output.stderr


def test_a_device_code_profile_signs_in_once_on_a_terminal_then_syncs_unattended(
    graph: GraphSandbox, webex: SandboxServer, env: dict[str, str]
) -> None:
    create_profile(env, "admin", webex, graph, device_code=True)

    # Unattended, with no saved sign-in: nobody can enter a code, so it fails at once.
    for extra in (["--scheduled"], []):  # a scheduler; a pipe instead of a terminal
        refused = run(env, "sync", "--profile", "admin", *extra, timeout=60)
        assert refused.returncode == 3, refused.stderr
        assert "the saved sign-in has expired" in refused.stderr
        assert "webex-provisioner test-connection --profile admin" in refused.stderr
        assert "devicelogin" not in refused.stderr
    assert graph.pending_device_codes() == []
    assert writes(webex) == []

    # On a terminal, `sync` prints the URL and the code and waits for the admin.
    controller, terminal = pty.openpty()
    try:
        with subprocess.Popen(
            command("sync", "--profile", "admin", "--json"),
            stdin=terminal,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=REPO,
        ) as process:
            os.close(terminal)
            try:
                assert process.stderr is not None
                shown = sign_in_on_the_other_device(graph, process.stderr)
                out, err = process.communicate(timeout=120)
            finally:
                if process.poll() is None:
                    process.kill()
    finally:
        os.close(controller)
    assert process.returncode == 0, shown + err
    assert json.loads(out)["outcome"] == "completed"
    assert webex_user_names(webex) == expected_user_names(graph)

    # The sign-in is saved in the keyring: the scheduler's next cycle needs nobody.
    graph.tenant.update_user(sorted(graph.tenant.expected_in_scope())[0], jobTitle="Acheteuse")
    webex.reset_requests()
    unattended = run(env, "sync", "--profile", "admin", "--scheduled", "--json", timeout=60)
    assert unattended.returncode == 0, unattended.stderr
    assert "devicelogin" not in unattended.stderr
    assert json.loads(unattended.stdout)["mode"] == "incremental"


def test_test_connection_shows_the_code_and_waits_for_the_sign_in(
    graph: GraphSandbox, webex: SandboxServer, env: dict[str, str]
) -> None:
    create_profile(env, "admin", webex, graph, device_code=True)
    with subprocess.Popen(
        command("test-connection", "--profile", "admin"),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    ) as process:
        try:
            assert process.stderr is not None
            shown = sign_in_on_the_other_device(graph, process.stderr)
            out, err = process.communicate(timeout=120)
        finally:
            if process.poll() is None:
                process.kill()
    assert process.returncode == 0, shown + err
    assert "Signed in to tenant" in out and "by device code" in out
    assert "Result: the connection works." in out
    # The saved sign-in serves the next run, even without a terminal.
    again = run(env, "sync", "--profile", "admin", "--dry-run", timeout=60)
    assert again.returncode == 0, again.stderr
    assert "devicelogin" not in again.stderr
