"""Hostile runtime conditions (issue 22): slow and endless answers, a dead proxy, killed
cycles, damaged state, private files, concurrent commands. Each test runs the real program
(a subprocess where the operating system is part of the story) against loopback servers.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.mail import starttls_server, tls

__all__ = ["starttls_server", "tls"]  # fixtures used by name

REPO = Path(__file__).resolve().parents[2]
HANG_GUARD = 120  # seconds: only there so that a regression fails instead of hanging CI
ORG = "0d2b8d6e-5a1f-4c38-9a4e-3b1f7f1c2a11"


class TrickleServer:
    """A loopback HTTP server in a thread: `slow` sends one body byte a second for ever after
    its headers; `endless` sends body bytes as fast as it can, for ever."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.loop = asyncio.new_event_loop()
        self.started = threading.Event()
        self.served = 0
        self.port = 0
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TrickleServer:
        self._thread.start()
        assert self.started.wait(30)
        return self

    def __exit__(self, *exc: object) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(30)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(asyncio.start_server(self._handle, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self.started.set()
        self.loop.run_forever()
        server.close()
        pending = asyncio.all_tasks(self.loop)
        for task in pending:
            task.cancel()
        self.loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        self.loop.run_until_complete(server.wait_closed())
        self.loop.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await reader.readuntil(b"\r\n\r\n")
            self.served += 1
            # slow: a modest declared length; endless: no length, the body runs until close.
            length = b"Content-Length: 100000\r\n" if self.mode == "slow" else b""
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + length
                + b"\r\n"
            )
            if self.mode == "slow":
                while True:
                    writer.write(b" ")
                    await writer.drain()
                    await asyncio.sleep(1)
            else:
                chunk = b" " * 65536
                while True:
                    writer.write(chunk)
                    await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            writer.close()


def run_cli(
    args: list[str], env: dict[str, str], *, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=REPO,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )


@pytest.fixture
def cli_env(private_dirs: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("WEBEX_PROVISIONER_TOKEN", None)
    env["PYTHONPATH"] = str(REPO)
    return env


@pytest.fixture
def slow_server() -> Iterator[TrickleServer]:
    with TrickleServer("slow") as server:
        yield server


@pytest.fixture
def endless_server() -> Iterator[TrickleServer]:
    with TrickleServer("endless") as server:
        yield server


def test_an_answer_trickled_one_byte_a_second_ends_at_the_deadline(
    slow_server: TrickleServer, cli_env: dict[str, str]
) -> None:
    cli_env["WEBEX_PROVISIONER_HTTP_DEADLINE"] = "2"
    url = f"http://127.0.0.1:{slow_server.port}/identity/scim/{ORG}/v2/"
    result = run_cli(
        ["test-connection", "--tenant-url", url, "--token-stdin"], cli_env, stdin="a-token\n"
    )
    output = result.stdout + result.stderr
    assert result.returncode == 4, output
    assert "did not send its whole answer within 2 s" in output
    assert "WEBEX_PROVISIONER_HTTP_DEADLINE" in output
    assert "Traceback" not in output


def test_an_answer_that_never_ends_is_stopped_at_the_body_cap(
    endless_server: TrickleServer, cli_env: dict[str, str]
) -> None:
    cli_env["WEBEX_PROVISIONER_HTTP_MAX_BODY"] = str(1024 * 1024)
    url = f"http://127.0.0.1:{endless_server.port}/identity/scim/{ORG}/v2/"
    result = run_cli(
        ["test-connection", "--tenant-url", url, "--token-stdin"], cli_env, stdin="a-token\n"
    )
    output = result.stdout + result.stderr
    assert result.returncode == 4, output
    assert "sent an answer larger than 1,048,576 bytes" in output
    assert "Traceback" not in output


async def test_the_body_cap_keeps_memory_bounded(endless_server: TrickleServer) -> None:
    """Reading an endless body through the program's client stops at the cap: the peak of
    memory allocated while it reads stays near the cap, not near what the server sent."""
    import tracemalloc

    from app.net import ResponseTooLarge, make_async_client

    cap = 4 * 1024 * 1024
    tracemalloc.start()
    try:
        async with make_async_client(max_body=cap, http2=False) as client:
            with pytest.raises(ResponseTooLarge):
                await client.get(f"http://127.0.0.1:{endless_server.port}/Users")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * cap


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_dead_proxy_is_named_as_the_proxy(cli_env: dict[str, str]) -> None:
    port = _closed_port()
    for name in ("NO_PROXY", "no_proxy"):
        cli_env.pop(name, None)
    cli_env["HTTPS_PROXY"] = f"http://127.0.0.1:{port}"
    url = f"https://webexapis.com/identity/scim/{ORG}/v2/"
    result = run_cli(
        ["test-connection", "--tenant-url", url, "--token-stdin"], cli_env, stdin="a-token\n"
    )
    output = result.stdout + result.stderr
    assert result.returncode == 4, output
    assert f"Could not reach the proxy http://127.0.0.1:{port} set by HTTPS_PROXY" in output
    assert "Traceback" not in output


def _writes_answered(sandbox: object) -> int:
    requests = sandbox.requests  # type: ignore[attr-defined]
    return sum(1 for r in requests if r.method in ("POST", "PUT", "PATCH") and r.status < 300)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
@pytest.mark.parametrize("grace", ["0", "10"], ids=["forced-stop", "graceful-stop"])
def test_sigterm_mid_cycle_stops_and_the_next_run_creates_nothing_twice(
    grace: str, tmp_path: Path, cli_env: dict[str, str]
) -> None:
    import json
    import signal
    from collections import Counter

    from app.config.store import ProfileStore
    from app.paths import state_file
    from app.sandbox.server import SandboxConfig, SandboxServer
    from app.sync.state import StateStore
    from tests.support.sync import make_profile, make_rows, write_csv

    rows = make_rows(400)
    csv_path = write_csv(tmp_path / "users.csv", rows)
    with SandboxServer.in_thread(SandboxConfig(latency_ms=50)) as sandbox:
        ProfileStore().save(make_profile(sandbox.tenant_url, csv_path))
        env = {
            **cli_env,
            "WEBEX_PROVISIONER_TOKEN": sandbox.tokens.full_admin,
            "WEBEX_PROVISIONER_STOP_GRACE": grace,
        }
        first = subprocess.Popen(
            [sys.executable, "-m", "app", "sync", "--profile", "acme", "--json"],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            while _writes_answered(sandbox) < 1:  # the cycle is sending: mid-cycle
                assert first.poll() is None, first.communicate()
                threading.Event().wait(0.02)
            first.send_signal(signal.SIGTERM)
            _out, err = first.communicate(timeout=HANG_GUARD)
        finally:
            if first.poll() is None:
                first.kill()
                first.communicate()
        assert first.returncode == 1, err
        assert "Traceback" not in err
        assert "Stopping after the operations in flight" in err
        with StateStore(state_file("acme")) as state:
            last = state.last_cycle()
            unfinished = state.unfinished_cycles()
        # Recorded as stopped, never as completed: cancelled, or interrupted (no end).
        if grace == "0":  # cancelled at once: the cycle never recorded its end
            assert "Stopped. The cycle was interrupted" in err
            assert len(unfinished) == 1
        else:
            assert last is not None and last.outcome == "cancelled"

        second = run_cli(["sync", "--profile", "acme", "--json"], env)
        assert second.returncode == 0, second.stderr
        assert json.loads(second.stdout)["outcome"] == "completed"
        names = Counter(u["userName"].lower() for u in sandbox.users())
        assert [n for n, c in names.items() if c > 1] == []
        assert len(names) == len(rows)


# -- tokens are checked before they are sent --------------------------------------------

SAMPLE = REPO / "resources" / "sample" / "users.csv"
WEBEX_URL = f"https://webexapis.com/identity/scim/{ORG}/v2/"
BAD_TOKENS = {
    "non-ascii": "OWFkNmY0ZGEtNjgx\u00e9ZS00ZDYw_PF84_token",
    "control": "OWFkNmY0ZGEtNjgx\x07ZS00ZDYw_PF84_token",
    "zero-width": "OWFkNmY0ZGEtNjgx\u200bZS00ZDYw_PF84_token",
    "too-long": "A" * 20_000,
}


def _in_process(
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    stdin: str = "",
) -> tuple[int, str]:
    import io

    from app.cli import main

    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("kind", list(BAD_TOKENS))
def test_a_token_a_header_cannot_hold_is_refused_on_profile_create(
    kind: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    private_dirs: Path,
    memory_keyring: object,
) -> None:
    from app.config.store import ProfileStore

    token = BAD_TOKENS[kind]
    args = ["profile", "create", "acme", "--tenant-url", WEBEX_URL, "--token-stdin"]
    args += ["--source", "csv", "--csv-file", str(SAMPLE)]
    code, output = _in_process(args, capsys, monkeypatch, stdin=token + "\n")
    assert code == 2, output
    assert "The Webex token on standard input (--token-stdin)" in output
    expected = "characters long" if kind == "too-long" else "which a token cannot hold"
    assert expected in output
    assert token not in output and token[:16] + token[16:17] not in output
    assert ProfileStore().list() == []


@pytest.mark.parametrize("kind", ["non-ascii", "too-long"])
def test_a_bad_token_in_the_environment_is_refused_before_anything_is_sent(
    kind: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    private_dirs: Path,
    memory_keyring: object,
) -> None:
    from app.config.store import ProfileStore
    from app.sandbox.server import SandboxConfig, SandboxServer
    from tests.support.sync import make_profile, make_rows, write_csv

    csv_path = write_csv(private_dirs / "users.csv", make_rows(3))
    with SandboxServer.in_thread(SandboxConfig()) as sandbox:
        ProfileStore().save(make_profile(sandbox.tenant_url, csv_path))
        monkeypatch.setenv("WEBEX_PROVISIONER_TOKEN", BAD_TOKENS[kind])
        code, output = _in_process(["sync", "--profile", "acme"], capsys, monkeypatch)
        assert code == 2, output
        assert "The Webex token of profile acme (keyring or WEBEX_PROVISIONER_TOKEN)" in output
        assert BAD_TOKENS[kind] not in output
        assert sandbox.requests == []


def test_a_bad_token_given_to_test_connection_is_refused_with_exit_2(
    cli_env: dict[str, str],
) -> None:
    args = ["test-connection", "--tenant-url", WEBEX_URL, "--token-stdin"]
    result = run_cli(args, cli_env, stdin=BAD_TOKENS["control"] + "\n")
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "which a token cannot hold" in output


# -- personal data is private on disk -----------------------------------------------------


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_files_that_name_users_are_private_under_umask_022(
    private_dirs: Path, cli_env: dict[str, str]
) -> None:
    from app.config.store import ProfileStore
    from app.paths import log_dir, state_dir, state_file
    from app.sync.state import StateStore
    from tests.support.sync import make_profile

    ProfileStore().save(make_profile(WEBEX_URL, SAMPLE))
    previous = os.umask(0o022)
    try:
        # The state file and its -wal and -shm, while a connection holds them open.
        with StateStore(state_file("acme")) as state:
            state.set_profile_id("0" * 32)
            wal = Path(f"{state_file('acme')}-wal")
            shm = Path(f"{state_file('acme')}-shm")
            assert wal.exists() and shm.exists()
            assert {p.name: _mode(p) for p in (state_file("acme"), wal, shm)} == {
                "acme.sqlite3": 0o600,
                "acme.sqlite3-wal": 0o600,
                "acme.sqlite3-shm": 0o600,
            }
        assert _mode(state_dir()) == 0o700
        # The log, a profile export, the scheduler files: each written by the command line.
        export = private_dirs / "acme-export.toml"
        schedules = private_dirs / "schedules"
        for args in (
            ["profile", "export", "acme", "--output", str(export)],
            [
                "schedule",
                "install",
                "--profile",
                "acme",
                "--system",
                "linux",
                "--output",
                str(schedules),
            ],
            [
                "schedule",
                "install",
                "--profile",
                "acme",
                "--system",
                "macos",
                "--output",
                str(schedules / "mac"),
            ],
            [
                "schedule",
                "install",
                "--profile",
                "acme",
                "--system",
                "windows",
                "--output",
                str(schedules / "win"),
            ],
        ):
            result = subprocess.run(
                [sys.executable, "-m", "app", *args],
                cwd=REPO,
                env=cli_env,
                capture_output=True,
                text=True,
                timeout=HANG_GUARD,
                check=False,
                preexec_fn=lambda: os.umask(0o022),
            )
            assert result.returncode == 0, result.stdout + result.stderr
    finally:
        os.umask(previous)
    written = [export, *sorted(p for p in schedules.rglob("*") if p.is_file())]
    written += sorted(log_dir().glob("*.log"))
    assert len(written) >= 5
    assert {str(p): _mode(p) for p in written} == {str(p): 0o600 for p in written}
    folders = [log_dir(), schedules, schedules / "mac", schedules / "win"]
    assert {str(p): _mode(p) for p in folders} == {str(p): 0o700 for p in folders}


# -- state that is not the profile's is never trusted -------------------------------------


def test_a_profile_created_again_under_its_name_starts_with_fresh_state(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    private_dirs: Path,
    memory_keyring: object,
) -> None:
    from app.config.store import ProfileStore
    from app.paths import state_file
    from app.sandbox.server import SandboxConfig, SandboxServer
    from app.sync.state import StateStore
    from tests.support.sync import make_rows, write_csv

    csv_path = write_csv(private_dirs / "users.csv", make_rows(5))
    with SandboxServer.in_thread(SandboxConfig()) as sandbox:
        monkeypatch.setenv("WEBEX_PROVISIONER_TOKEN", sandbox.tokens.full_admin)
        create = ["profile", "create", "acme", "--tenant-url", sandbox.tenant_url]
        create += ["--source", "csv", "--csv-file", str(csv_path)]
        code, output = _in_process(create, capsys, monkeypatch)
        assert code == 0, output
        first_id = ProfileStore().load("acme").id
        code, output = _in_process(["sync", "--profile", "acme", "--force"], capsys, monkeypatch)
        assert code == 0, output
        with StateStore(state_file("acme")) as state:
            assert state.profile_id() == first_id
            assert len(state.links()) > 0

        code, output = _in_process(["profile", "delete", "acme"], capsys, monkeypatch)
        assert code == 0, output
        code, output = _in_process(create, capsys, monkeypatch)
        assert code == 0, output
        second_id = ProfileStore().load("acme").id
        assert second_id != first_id

        archived = sorted(state_file("acme").parent.glob("acme.archived-*.sqlite3"))
        assert len(archived) == 1  # the old history is kept beside, not reused
        with StateStore(archived[0]) as old:
            assert old.profile_id() == first_id and len(old.links()) > 0
        code, output = _in_process(
            ["sync", "--profile", "acme", "--dry-run", "--json"], capsys, monkeypatch
        )
        assert code == 0, output
        with StateStore(state_file("acme")) as state:
            assert state.profile_id() == second_id
            assert state.cycles(limit=10) == []  # none of the old profile's history


def test_a_state_file_of_another_profile_is_archived_when_opened(private_dirs: Path) -> None:
    from app.paths import state_file
    from app.sync.state import StateStore, open_profile_state

    with StateStore(state_file("acme")) as state:
        state.set_profile_id("a" * 32)
    with open_profile_state(state_file("acme"), "b" * 32) as state:
        assert state.profile_id() == "b" * 32
    archived = list(state_file("acme").parent.glob("acme.archived-*.sqlite3"))
    assert len(archived) == 1
    with open_profile_state(archived[0], "a" * 32) as old:
        assert old.profile_id() == "a" * 32


def test_a_damaged_state_file_is_named_with_what_to_do(
    private_dirs: Path, cli_env: dict[str, str]
) -> None:
    from app.config.store import ProfileStore
    from app.paths import state_file
    from tests.support.sync import make_profile

    ProfileStore().save(make_profile(WEBEX_URL, SAMPLE))
    path = state_file("acme")
    path.parent.mkdir(parents=True, exist_ok=True)
    garbage = b"this is not a database, but an admin's notes " * 200
    path.write_bytes(garbage)
    cli_env["WEBEX_PROVISIONER_TOKEN"] = "a-token"
    for args in (["sync", "--profile", "acme", "--dry-run"], ["logs", "--profile", "acme"]):
        result = run_cli(args, cli_env)
        output = result.stdout + result.stderr
        assert result.returncode == 2, output
        assert f"The state file {path} is damaged" in output
        assert "Restore acme.sqlite3 from a backup" in output
        assert "Traceback" not in output
        assert "admin's notes" not in output
    assert path.read_bytes() == garbage  # never overwritten


def _file_size_limit(limit: int) -> None:
    """In the child before exec: files may not grow past `limit` bytes (EFBIG, a full disk
    for this process); SIGXFSZ ignored so that the write fails instead of killing it."""
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_state_disk_stops_with_a_plain_message_and_keeps_the_journal(
    private_dirs: Path, cli_env: dict[str, str]
) -> None:
    import json
    import sqlite3
    from collections import Counter

    from app.config.store import ProfileStore
    from app.paths import log_dir, state_file
    from app.sandbox.server import SandboxConfig, SandboxServer
    from tests.support.sync import make_profile, make_rows, write_csv

    csv_path = private_dirs / "users.csv"
    write_csv(csv_path, make_rows(10))
    with SandboxServer.in_thread(SandboxConfig()) as sandbox:
        ProfileStore().save(make_profile(sandbox.tenant_url, csv_path))
        env = {**cli_env, "WEBEX_PROVISIONER_TOKEN": sandbox.tokens.full_admin}
        first = run_cli(["sync", "--profile", "acme", "--force"], env)
        assert first.returncode == 0, first.stderr
        rows = make_rows(800)
        write_csv(csv_path, rows)
        # The state may grow by a few pages only: a disk that fills up during the cycle.
        files = [state_file("acme"), *log_dir().glob("*")]
        limit = max(p.stat().st_size for p in files if p.is_file()) + 64 * 1024
        full = subprocess.run(
            [sys.executable, "-m", "app", "sync", "--profile", "acme", "--force"],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=HANG_GUARD,
            check=False,
            preexec_fn=lambda: _file_size_limit(limit),
        )
        output = full.stdout + full.stderr
        assert full.returncode == 2, output
        assert f"The state file {state_file('acme')} could not be written" in output
        assert "Free space on the disk" in output
        assert "Traceback" not in output

        with sqlite3.connect(state_file("acme")) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        again = run_cli(["sync", "--profile", "acme", "--force", "--json"], env)
        assert again.returncode == 0, again.stderr
        assert json.loads(again.stdout)["outcome"] == "completed"
        names = Counter(u["userName"].lower() for u in sandbox.users())
        assert [n for n, c in names.items() if c > 1] == []
        assert len(names) == len(rows)


# -- profiles ---------------------------------------------------------------------------


def test_of_creations_at_once_of_one_name_exactly_one_wins(private_dirs: Path) -> None:
    from app.config.store import ProfileExists, ProfileStore
    from tests.support.sync import make_profile

    racers = 8
    barrier = threading.Barrier(racers)
    outcomes: list[str] = []

    def create(n: int) -> None:
        profile = make_profile(WEBEX_URL, SAMPLE).model_copy(update={"concurrency_cap": n + 1})
        barrier.wait()
        try:
            ProfileStore().create(profile)
        except ProfileExists as exc:
            outcomes.append(f"refused: {exc.message}")
        else:
            outcomes.append(f"won {n + 1}")

    threads = [threading.Thread(target=create, args=(n,)) for n in range(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(HANG_GUARD)
    winners = [o for o in outcomes if o.startswith("won")]
    assert len(winners) == 1, outcomes
    assert outcomes.count("refused: A profile named acme already exists.") == racers - 1
    # The file is the winner's, whole.
    assert f"won {ProfileStore().load('acme').concurrency_cap}" == winners[0]
    assert [p.name for p in ProfileStore().directory.iterdir()] == ["acme.toml"]


def test_two_profile_create_commands_at_once_one_is_told(cli_env: dict[str, str]) -> None:
    args = [sys.executable, "-m", "app", "profile", "create", "acme", "--tenant-url", WEBEX_URL]
    args += ["--source", "csv", "--csv-file", str(SAMPLE)]
    runs = [
        subprocess.Popen(
            args, cwd=REPO, env=cli_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    results = [(run.wait(HANG_GUARD), *run.communicate()) for run in runs]
    assert sorted(code for code, _, _ in results) == [0, 2], results
    refused = next(err for code, _, err in results if code == 2)
    assert "A profile named acme already exists." in refused
    assert "Traceback" not in refused


def test_a_relative_csv_path_is_made_absolute_on_create_and_import(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    import shutil

    from app.config.store import ProfileStore

    folder = tmp_path / "exports"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "users.csv")
    create = ["profile", "create", "acme", "--tenant-url", WEBEX_URL, "--source", "csv"]
    result = subprocess.run(
        [sys.executable, "-m", "app", *create, "--csv-file", "users.csv"],
        cwd=folder,
        env=cli_env,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    profile = ProfileStore().load("acme")
    assert profile.source.csv is not None
    assert profile.source.csv.path == folder / "users.csv"

    # An exported profile whose CSV path is relative: relative to the imported file's folder.
    exported = ProfileStore().export("acme").replace(str(folder / "users.csv"), "users.csv")
    (folder / "acme.toml").write_text(exported, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "profile",
            "import",
            str(folder / "acme.toml"),
            "--name",
            "copy",
        ],
        cwd=tmp_path,
        env=cli_env,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    copy = ProfileStore().load("copy")
    assert copy.source.csv is not None
    assert copy.source.csv.path == folder / "users.csv"
    assert copy.id != profile.id


@pytest.mark.parametrize(
    "content",
    [
        b"root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:secret-line:/usr/sbin\n",
        b'[project]\nname = "secret-line"\nversion = "1"\n',
        b"\xff\xfesecret-line\x00\x01",
    ],
    ids=["not-toml", "other-toml", "binary"],
)
def test_an_error_never_prints_the_content_of_a_file(
    content: bytes, tmp_path: Path, cli_env: dict[str, str]
) -> None:
    from app.paths import profiles_dir

    stray = tmp_path / "stray.toml"
    stray.write_bytes(content)
    result = run_cli(["profile", "import", str(stray)], cli_env)
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert str(stray) in output
    assert "secret-line" not in output and "root:x" not in output
    # The same for a profile file of the config folder spoilt by hand.
    profiles_dir().mkdir(parents=True, exist_ok=True)
    (profiles_dir() / "acme.toml").write_bytes(content)
    result = run_cli(["profile", "show", "acme"], cli_env)
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "acme.toml" in output
    assert "secret-line" not in output and "root:x" not in output
    assert "Traceback" not in output


# -- the small ones -----------------------------------------------------------------------


@pytest.fixture
def synced_profile(private_dirs: Path, cli_env: dict[str, str]) -> dict[str, str]:
    """A profile with a cycle of 300 users in its provisioning log."""
    from app.config.store import ProfileStore
    from app.sandbox.server import SandboxConfig, SandboxServer
    from tests.support.sync import make_profile, make_rows, write_csv

    csv_path = write_csv(private_dirs / "users.csv", make_rows(300))
    with SandboxServer.in_thread(SandboxConfig()) as sandbox:
        ProfileStore().save(make_profile(sandbox.tenant_url, csv_path))
        env = {**cli_env, "WEBEX_PROVISIONER_TOKEN": sandbox.tokens.full_admin}
        result = run_cli(["sync", "--profile", "acme", "--force"], env)
        assert result.returncode == 0, result.stderr
    return cli_env


@pytest.mark.skipif(sys.platform == "win32", reason="SIGPIPE and EPIPE are POSIX")
def test_logs_piped_into_head_ends_quietly(synced_profile: dict[str, str]) -> None:
    for output_format in ("json", "csv", "table"):
        reader = subprocess.Popen(
            [sys.executable, "-m", "app", "logs", "--profile", "acme", "--format", output_format],
            cwd=REPO,
            env=synced_profile,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert reader.stdout is not None and reader.stderr is not None
        first = reader.stdout.readline()  # `head -1`: one line, then the pipe is closed
        reader.stdout.close()
        err = reader.stderr.read().decode()
        reader.stderr.close()
        assert reader.wait(HANG_GUARD) == 0, err
        assert first
        assert err == ""  # no traceback, no "Exception ignored ... BrokenPipeError"


def test_logs_limit_refuses_negative_numbers_and_0_means_all(
    synced_profile: dict[str, str],
) -> None:
    import json

    refused = run_cli(["logs", "--profile", "acme", "--limit", "-3"], synced_profile)
    assert refused.returncode == 2
    assert "-3 is negative; give 0 (all rows) or a positive number" in refused.stderr
    every = run_cli(["logs", "--profile", "acme", "--format", "json"], synced_profile)
    assert every.returncode == 0, every.stderr
    total = len(json.loads(every.stdout))
    assert total >= 300
    for limit, expected in (("0", total), ("5", 5)):
        args = ["logs", "--profile", "acme", "--format", "json", "--limit", limit]
        result = run_cli(args, synced_profile)
        assert result.returncode == 0, result.stderr
        assert len(json.loads(result.stdout)) == expected


# -- overlapping cycles, stuck holders, other hosts' lock records ---------------------------

HOLDER = """
import sys
from datetime import UTC, datetime, timedelta
from app.sync.lock import ProfileLock, _write_owner

lock = ProfileLock("acme", purpose="sync")
me = lock.acquire()
hours = float(sys.argv[1])
if hours:  # a holder that started that long ago (the record says so)
    _write_owner(lock._file, me.__class__(me.pid, me.host, me.started - timedelta(hours=hours),
                                          me.purpose))
print("HOLDING", flush=True)
sys.stdin.readline()
lock.release()
"""


def _hold_profile(env: dict[str, str], hours: float = 0) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(hours)],
        cwd=REPO,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "HOLDING"
    return holder


@pytest.fixture
def saved_profile(private_dirs: Path, cli_env: dict[str, str]) -> dict[str, str]:
    from app.config.store import ProfileStore
    from tests.support.sync import make_profile

    ProfileStore().save(make_profile(WEBEX_URL, SAMPLE))
    return {**cli_env, "WEBEX_PROVISIONER_TOKEN": "a-token-never-sent"}


def test_an_overlapping_cycle_exits_5_which_the_systemd_unit_counts_as_success(
    saved_profile: dict[str, str], tmp_path: Path
) -> None:
    from app import ossched

    holder = _hold_profile(saved_profile)
    try:
        result = run_cli(["sync", "--profile", "acme", "--scheduled", "--force"], saved_profile)
    finally:
        holder.communicate("\n", timeout=HANG_GUARD)
    assert result.returncode == 5, result.stderr
    assert f"(pid {holder.pid}) has run a cycle of profile acme" in result.stderr
    assert "may be stuck" not in result.stderr
    plan = ossched.plan_install("acme", 40, system="linux", output=tmp_path)
    service = next(f for f in plan.files if f.path.name.endswith(".service"))
    assert b"\nSuccessExitStatus=5\n" in service.content
    # Task Scheduler and launchd cannot map an exit code to success: their files say that 5
    # is a skipped run, for the admin who reads "Last Run Result 0x5" or launchd's log.
    for system, encoding in (("windows", "utf-16"), ("macos", "utf-8")):
        plan = ossched.plan_install("acme", 40, system=system, output=tmp_path / system)
        text = plan.files[0].content.decode(encoding)
        assert "exit code 5" in text and "a skipped run, not a failure" in text


def test_a_stuck_holder_is_reported_in_the_log(saved_profile: dict[str, str]) -> None:
    from app.paths import log_dir

    saved_profile["WEBEX_PROVISIONER_LOCK_STUCK_AFTER"] = "60"
    holder = _hold_profile(saved_profile, hours=3)
    try:
        result = run_cli(["sync", "--profile", "acme", "--force"], saved_profile)
    finally:
        holder.communicate("\n", timeout=HANG_GUARD)
    assert result.returncode == 5, result.stderr
    assert "(3 h). That is longer than 1 h" in result.stderr
    assert "it may be stuck" in result.stderr
    logged = "".join(p.read_text(encoding="utf-8") for p in log_dir().glob("*.log"))
    assert "WARNING app.commands.sync: Profile acme: webex-provisioner sync (pid" in logged
    assert "it may be stuck" in logged


async def test_the_failure_email_tells_of_a_stuck_holder(starttls_server: object) -> None:
    from datetime import UTC, datetime, timedelta

    from app.commands.sync import stuck_holder_result
    from app.notify.policy import FailureNotifier, NotifyOutcome
    from app.sync.lock import LockHeld, LockOwner
    from tests.support.mail import PASSWORD

    owner = LockOwner(4242, "scheduler-box", datetime.now(UTC) - timedelta(hours=5), "sync")
    held = LockHeld("acme", owner)
    assert held.stuck
    reasons: list[str | None] = [None]

    async def password() -> str | None:
        return PASSWORD

    notifier = FailureNotifier(
        "acme",
        starttls_server.settings(),  # type: ignore[attr-defined]
        password=password,
        get_last_reason=lambda: reasons[-1],
        set_last_reason=reasons.append,
    )
    assert await notifier.notify(stuck_holder_result(held)) == NotifyOutcome.SENT
    assert await notifier.notify(stuck_holder_result(held)) == NotifyOutcome.SAME_REASON
    mails = starttls_server.inbox.mails  # type: ignore[attr-defined]
    assert len(mails) == 1
    body = mails[0].message.as_string()
    assert "pid 4242 on scheduler-box" in body and "it may be stuck" in body


def test_another_hosts_lock_record_is_shown_and_cleared_after_a_confirmation(
    saved_profile: dict[str, str],
) -> None:
    from datetime import UTC, datetime, timedelta

    from app.sync.lock import LockOwner, ProfileLock, _write_owner

    lock = ProfileLock("acme")
    started = datetime.now(UTC) - timedelta(minutes=50)
    with open(lock.path, "wb", buffering=0) as handle:
        _write_owner(handle, LockOwner(4242, "scheduler-box", started, "sync"))

    refused = run_cli(["sync", "--profile", "acme", "--force"], saved_profile)
    assert refused.returncode == 5
    assert "(pid 4242 on scheduler-box) has run a cycle of profile acme" in refused.stderr
    assert "(50 min)" in refused.stderr
    assert "--clear-lock" in refused.stderr

    unconfirmed = run_cli(["restart", "--profile", "acme", "--clear-lock"], saved_profile)
    assert unconfirmed.returncode == 2
    assert "needs a confirmation" in unconfirmed.stderr
    assert "--clear-lock --yes" in unconfirmed.stderr
    assert lock.recorded_owner() is not None

    cleared = run_cli(["restart", "--profile", "acme", "--clear-lock", "--yes"], saved_profile)
    assert cleared.returncode == 0, cleared.stderr
    assert "pid 4242 on scheduler-box" in cleared.stdout and "(50 min)" in cleared.stdout
    assert "The lock record of profile acme was cleared." in cleared.stdout
    assert lock.recorded_owner() is None


def test_msal_requests_have_a_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """msal's session gives up on a sign-in endpoint that accepts and then says nothing."""
    import requests

    from app.directory.entra import auth

    monkeypatch.setattr(auth, "MSAL_TIMEOUT", (2.0, 1.0))
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        session = auth._msal_session(None)
        with pytest.raises(requests.exceptions.RequestException) as caught:
            session.get(f"https://127.0.0.1:{port}/organizations/oauth2/v2.0/token")
        session.close()
    assert "timed out" in str(caught.value).lower()


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_config_disk_keeps_the_profile_and_says_so(
    private_dirs: Path, cli_env: dict[str, str]
) -> None:
    from app.config.store import ProfileStore
    from app.paths import profiles_dir

    create = ["profile", "create", "acme", "--tenant-url", WEBEX_URL, "--source", "csv"]
    create += ["--csv-file", str(SAMPLE)]
    full = subprocess.run(
        [sys.executable, "-m", "app", *create],
        cwd=REPO,
        env=cli_env,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
        preexec_fn=lambda: _file_size_limit(64),  # no file may grow past 64 bytes
    )
    output = full.stdout + full.stderr
    assert full.returncode == 2, output
    assert "could not be saved: the disk is full" in output
    assert "Free space on the disk" in output
    assert "Traceback" not in output
    assert ProfileStore().list() == []
    assert list(profiles_dir().iterdir()) == []  # no half profile, no temporary file
