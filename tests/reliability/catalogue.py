"""The catalogue of bad input: each case, how an admin meets it, and what the admin must read.

Each case runs the program the way an admin meets the input: a command in-process through
app.cli.main (`test-connection`, `profile create`, `sync --dry-run`), with the Webex sandbox,
a scripted Webex look-alike (for answers no real server should give) and a network tripwire
(the proxy of every public host: a connection to it means something left this computer).

tests/reliability/test_bad_input.py runs every case; docs/reliability.md holds the table of
cases and messages, written by `python -m tests.reliability.catalogue --write`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import os
import re
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from app.cli import main as cli_main
from app.config.profile import Profile
from app.config.store import ProfileStore
from app.sandbox.server import SandboxConfig, SandboxServer
from app.sandbox.webex_tokens import webex_id
from app.webex.orgid import encode_webex_id

DOC = Path(__file__).resolve().parents[2] / "docs" / "reliability.md"
TABLE_START = "<!-- catalogue:start -->"
TABLE_END = "<!-- catalogue:end -->"
SCRIPTED_ORG = "96abc2aa-3dcc-11e5-a152-fe34819cdc9a"
LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

Sent = Literal["no request", "reads only"]


# -- the servers ------------------------------------------------------------------------------


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, status: int, data: Any) -> Answer:
        return cls(status, json.dumps(data).encode())


def people_me_body(org_uuid: str = SCRIPTED_ORG) -> dict[str, Any]:
    return {
        "id": encode_webex_id("PEOPLE", "f5b36187-c8dd-4727-8b2f-f9c447f29046"),
        "emails": ["admin@example.com"],
        "displayName": "Ada Admin",
        "orgId": webex_id("ORGANIZATION", org_uuid),
        "roles": [encode_webex_id("ROLE", "id_full_admin")],
        "type": "person",
        "status": "active",
    }


def empty_list() -> dict[str, Any]:
    return {
        "schemas": [LIST_SCHEMA],
        "totalResults": 0,
        "itemsPerPage": 0,
        "startIndex": 1,
        "Resources": [],
    }


class ScriptedWebex:
    """A Webex look-alike whose answers each case scripts: by (method, path suffix)."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []
        self.answers: dict[tuple[str, str], Answer] = {}
        self.base_url = ""

    @property
    def tenant_url(self) -> str:
        return f"{self.base_url}/identity/scim/{SCRIPTED_ORG}/v2/"

    def reset(self) -> None:
        self.seen.clear()
        self.answers = {
            ("GET", "/v1/people/me"): Answer.json(200, people_me_body()),
            ("GET", "/Users"): Answer.json(200, empty_list()),
            ("GET", "/Groups"): Answer.json(200, empty_list()),
        }

    def _answer(self, method: str, path: str) -> Answer:
        for (want_method, suffix), answer in self.answers.items():
            if want_method == method and path.rstrip("/").endswith(suffix):
                return answer
        return Answer.json(404, {"message": "Not found", "trackingId": "SCRIPTED_404"})

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                kind = message["type"].replace("lifespan.", "")
                await send({"type": f"lifespan.{kind}.complete"})
                if kind == "shutdown":
                    return
        if scope["type"] != "http":
            return
        while True:
            message = await receive()
            if not message.get("more_body"):
                break
        self.seen.append((scope["method"], scope["path"]))
        answer = self._answer(scope["method"], scope["path"])
        headers = [(b"trackingid", b"SCRIPTED_0001")]
        if answer.body:
            headers.append((b"content-type", answer.content_type.encode()))
        headers += [(k.lower().encode(), v.encode()) for k, v in answer.headers.items()]
        await send({"type": "http.response.start", "status": answer.status, "headers": headers})
        await send({"type": "http.response.body", "body": answer.body})


@contextlib.contextmanager
def serve_in_thread(app: ScriptedWebex) -> Iterator[ScriptedWebex]:
    """Serve the scripted app with hypercorn on 127.0.0.1 from a thread of its own."""
    from hypercorn.asyncio import serve
    from hypercorn.config import Config

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    config = Config()
    config.bind = [f"fd://{sock.fileno()}"]
    config.accesslog = None
    config.errorlog = None
    config.graceful_timeout = 1.0
    app.base_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    sock.detach()
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    stop: list[asyncio.Event] = []

    async def run() -> None:
        stop.append(asyncio.Event())
        ready.set()
        await serve(app, config, shutdown_trigger=stop[0].wait)  # type: ignore[arg-type]

    thread = threading.Thread(target=loop.run_until_complete, args=(run(),), daemon=True)
    thread.start()
    ready.wait()
    try:
        yield app
    finally:
        loop.call_soon_threadsafe(stop[0].set)
        thread.join(timeout=10)
        loop.close()


class Tripwire:
    """A TCP listener named as the proxy for every host that is not this computer's: any
    connection to it means the program tried to reach the outside world."""

    def __init__(self) -> None:
        self.connections = 0
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._sock.close()

    def environment(self) -> dict[str, str]:
        names = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy")
        return dict.fromkeys(names, self.url)


@dataclass
class Bench:
    """What a case runs against; `home` is the case's private folder (profiles, CSV files)."""

    sandbox: SandboxServer
    scripted: ScriptedWebex
    tripwire: Tripwire
    home: Path

    def reset(self) -> None:
        self.sandbox.reset_requests()
        self.sandbox.set_faults("")
        self.scripted.reset()

    def writes(self) -> list[str]:
        sandbox = [
            f"{r.method} {r.path}" for r in self.sandbox.requests if r.method in WRITE_METHODS
        ]
        scripted = [f"{m} {p}" for m, p in self.scripted.seen if m in WRITE_METHODS]
        return sandbox + scripted

    def requests(self) -> list[str]:
        return [f"{r.method} {r.path}" for r in self.sandbox.requests] + [
            f"{m} {p}" for m, p in self.scripted.seen
        ]


# -- running a command as the admin does ----------------------------------------------------


@dataclass
class Seen:
    """What the admin saw: the message (the error, or the failed check and its next step)."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def message(self) -> str:
        return admin_message(self.stdout, self.stderr)


def admin_message(stdout: str, stderr: str) -> str:
    """The lines that tell the admin what is wrong and what to do."""
    if "error: " in stderr:
        return stderr[stderr.index("error: ") :].strip()
    lines = stdout.splitlines()
    failed: list[str] = []
    for index, line in enumerate(lines):
        if "[FAILED" in line:
            failed.append(line.split("]", 1)[1].strip())
            if index + 1 < len(lines) and lines[index + 1].strip().startswith("Next:"):
                failed.append(lines[index + 1].strip())
    if failed:
        return "\n".join(failed)
    return (stderr.strip() + "\n" + stdout.strip()).strip()


def run_cli(*args: str, token: str | None = None, stdin: str = "") -> Seen:
    """app.cli.main in-process, with the token in WEBEX_PROVISIONER_TOKEN (or none)."""
    saved = os.environ.get("WEBEX_PROVISIONER_TOKEN")
    if token is None:
        os.environ.pop("WEBEX_PROVISIONER_TOKEN", None)
    else:
        os.environ["WEBEX_PROVISIONER_TOKEN"] = token
    out, err = io.StringIO(), io.StringIO()
    stdin_before = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli_main(list(args))
    finally:
        sys.stdin = stdin_before
        if saved is None:
            os.environ.pop("WEBEX_PROVISIONER_TOKEN", None)
        else:
            os.environ["WEBEX_PROVISIONER_TOKEN"] = saved
    return Seen(code, out.getvalue(), err.getvalue())


GOOD_CSV = (
    "userPrincipalName,givenName,surname,displayName,accountEnabled\n"
    "zoe.dupre@example.com,Zoé,Dupré,Zoé Dupré,true\n"
    "oliver.smith@example.com,Oliver,Smith,Oliver Smith,true\n"
)


def write_file(bench: Bench, name: str, content: str | bytes) -> Path:
    path = bench.home / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def save_profile(
    bench: Bench,
    *,
    tenant_url: str,
    csv_path: Path,
    csv: dict[str, Any] | None = None,
    user_mapping: dict[str, Any] | None = None,
    scoping: list[dict[str, Any]] | None = None,
) -> None:
    """Save profile `acme` as an admin would import it (mappings and filters unchecked)."""
    data: dict[str, Any] = {
        "name": "acme",
        "target": {"tenant_url": tenant_url},
        "source": {"kind": "csv", "csv": {"path": str(csv_path), **(csv or {})}},
    }
    profile = Profile.model_validate(data)
    if user_mapping is not None:
        users = [m.model_dump() for m in profile.mappings.users]
        for mapping in users:
            if mapping["target"] == user_mapping["target"]:
                mapping.update(user_mapping)
        data["mappings"] = {**profile.mappings.model_dump(), "users": users}
    if scoping is not None:
        data["scoping"] = scoping
    ProfileStore().save(Profile.model_validate(data))


def dry_run(bench: Bench, token: str | None = None) -> Seen:
    return run_cli(
        "sync", "--profile", "acme", "--dry-run", token=token or bench.sandbox.tokens.full_admin
    )


def test_connection(bench: Bench, url: str, token: str | None = None) -> Seen:
    return run_cli(
        "test-connection", "--tenant-url", url, token=token or bench.sandbox.tokens.full_admin
    )


# -- the cases --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One bad input. `expect`: words the message must hold (what is wrong, what to do)."""

    id: str
    group: str
    given: str  # the input, in words, for the table
    via: str  # where the admin meets it
    expect: tuple[str, ...]
    run: Callable[[Bench], Seen]
    exit_code: int
    sent: Sent = "no request"
    max_length: int | None = None  # the message stays short whatever the server sent


CASES: list[Case] = []


def case(
    id: str,
    group: str,
    given: str,
    via: str,
    expect: tuple[str, ...],
    exit_code: int,
    sent: Sent = "no request",
    max_length: int | None = None,
) -> Callable[[Callable[[Bench], Seen]], Callable[[Bench], Seen]]:
    def register(run: Callable[[Bench], Seen]) -> Callable[[Bench], Seen]:
        CASES.append(Case(id, group, given, via, expect, run, exit_code, sent, max_length))
        return run

    return register


def sandbox_url(bench: Bench, org: str | None = None) -> str:
    return f"{bench.sandbox.base_url}/identity/scim/{org or bench.sandbox.org_uuid}/v2/"


# Tenant URLs ---------------------------------------------------------------------------------

TC = "test-connection"


@case("url-empty", "Tenant URL", "an empty tenant URL", TC, ("no tenant url", "--tenant-url"), 2)
def _(bench: Bench) -> Seen:
    return test_connection(bench, "")


@case(
    "url-empty-profile",
    "Tenant URL",
    "an empty tenant URL",
    "profile create",
    ("tenant url is empty", "--tenant-url", "correct"),
    2,
)
def _(bench: Bench) -> Seen:
    csv_path = write_file(bench, "users.csv", GOOD_CSV)
    return run_cli("profile", "create", "acme", "--tenant-url", " ", "--csv-file", str(csv_path))


@case(
    "url-spaces",
    "Tenant URL",
    "a space inside the URL",
    TC,
    ("contains spaces", "remove the spaces"),
    2,
)
def _(bench: Bench) -> Seen:
    return test_connection(bench, sandbox_url(bench).replace("/v2/", " /v2/"))


@case("url-ftp", "Tenant URL", "ftp:// instead of https://", TC, ("ftp://", "use an https://"), 2)
def _(bench: Bench) -> Seen:
    return test_connection(bench, sandbox_url(bench).replace("http://", "ftp://"))


@case(
    "url-no-scheme",
    "Tenant URL",
    "no scheme (webexapis.com/identity/...)",
    TC,
    ("does not start with https://", "whole url"),
    2,
)
def _(bench: Bench) -> Seen:
    return test_connection(bench, f"webexapis.com/identity/scim/{SCRIPTED_ORG}/v2/")


@case(
    "url-http-public",
    "Tenant URL",
    "http:// on a public host",
    TC,
    ("plain http://", "only allowed for this computer", "use https://"),
    2,
)
def _(bench: Bench) -> Seen:
    return test_connection(bench, f"http://webexapis.com/identity/scim/{SCRIPTED_ORG}/v2/")


@case(
    "url-no-org",
    "Tenant URL",
    "no orgId (…/identity/scim/v2/)",
    TC,
    ("has no orgid", "get my orgid"),
    2,
)
def _(bench: Bench) -> Seen:
    return test_connection(bench, "https://webexapis.com/identity/scim/v2/")


@case(
    "url-legacy-no-org",
    "Tenant URL",
    "the 2018 form with no Tenant ID (https://api.webex.com/v1/scim/)",
    TC,
    ("has no orgid", "get my orgid"),
    2,
)
def _(bench: Bench) -> Seen:
    return test_connection(bench, "https://api.webex.com/v1/scim/")


@case(
    "url-placeholder",
    "Tenant URL",
    "[Tenant ID] left in (https://api.webex.com/v1/scim/[Tenant ID]/)",
    TC,
    ("placeholder", "[tenant id]", "replace it with your orgid"),
    2,
)
def _(bench: Bench) -> Seen:
    return test_connection(bench, "https://api.webex.com/v1/scim/[Tenant ID]/")


@case(
    "url-placeholder-profile",
    "Tenant URL",
    "{orgId} left in the URL of a new profile",
    "profile create",
    ("placeholder", "replace it with your orgid"),
    2,
)
def _(bench: Bench) -> Seen:
    csv_path = write_file(bench, "users.csv", GOOD_CSV)
    url = "https://webexapis.com/identity/scim/{orgId}/v2/"
    return run_cli("profile", "create", "acme", "--tenant-url", url, "--csv-file", str(csv_path))


@case(
    "url-people-id",
    "Tenant URL",
    "a PEOPLE id (people/me's `id`) where the orgId goes",
    TC,
    ("person id, not the organisation id", 'copy "orgid", not "id"'),
    2,
)
def _(bench: Bench) -> Seen:
    person = encode_webex_id("PEOPLE", "f5b36187-c8dd-4727-8b2f-f9c447f29046")
    return test_connection(bench, sandbox_url(bench, person))


@case(
    "url-role-id",
    "Tenant URL",
    "a ROLE id where the orgId goes",
    TC,
    ("role id, not the organisation id", "orgid"),
    2,
)
def _(bench: Bench) -> Seen:
    return test_connection(bench, sandbox_url(bench, encode_webex_id("ROLE", "id_full_admin")))


@case(
    "url-bad-base64",
    "Tenant URL",
    "an orgId that is neither a UUID nor base64",
    TC,
    ("neither a uuid nor a webex organisation id", 'copy the "orgid"'),
    2,
)
def _(bench: Bench) -> Seen:
    return test_connection(bench, sandbox_url(bench, "Y2lzY29zcGFyazovL3VzL09SR0FOSV!!"))


@case(
    "url-truncated-base64",
    "Tenant URL",
    "an orgId cut short when copied (base64 of half an id)",
    TC,
    ("organisation id does not hold a uuid", 'copy the "orgid"'),
    2,
)
def _(bench: Bench) -> Seen:
    org_id = bench.sandbox.org_id
    return test_connection(bench, sandbox_url(bench, org_id[: len(org_id) // 2]))


@case(
    "url-query",
    "Tenant URL",
    "a query string (…/v2/?orgId=…)",
    TC,
    ("query string", "remove everything from the '?'"),
    2,
)
def _(bench: Bench) -> Seen:
    return test_connection(bench, sandbox_url(bench) + "?orgId=abc")


@case(
    "url-fragment",
    "Tenant URL",
    "a fragment (…/v2/#users)",
    TC,
    ("fragment", "remove everything from the '#'"),
    2,
)
def _(bench: Bench) -> Seen:
    return test_connection(bench, sandbox_url(bench) + "#users")


@case(
    "url-credentials",
    "Tenant URL",
    "a user name and password in the URL",
    TC,
    ("user name or password", "remove them", "token is given separately"),
    2,
)
def _(bench: Bench) -> Seen:
    return test_connection(
        bench, f"https://admin:hunter2@webexapis.com/identity/scim/{SCRIPTED_ORG}/v2/"
    )


# Tokens --------------------------------------------------------------------------------------


@case(
    "token-empty",
    "Token",
    "an empty line on standard input (--token-stdin)",
    TC,
    ("standard input held no token", "pipe the token in"),
    2,
)
def _(bench: Bench) -> Seen:
    return run_cli(
        "test-connection", "--tenant-url", sandbox_url(bench), "--token-stdin", stdin="\n"
    )


@case(
    "token-missing",
    "Token",
    "no token anywhere (no keyring entry, no WEBEX_PROVISIONER_TOKEN)",
    "sync --dry-run",
    ("webex token", "webex_provisioner_token", "--token-stdin"),
    2,
)
def _(bench: Bench) -> Seen:
    save_profile(
        bench, tenant_url=sandbox_url(bench), csv_path=write_file(bench, "u.csv", GOOD_CSV)
    )
    return run_cli("sync", "--profile", "acme", "--dry-run", token=None)


@case(
    "token-spaces",
    "Token",
    "a token with a space inside (two pieces pasted)",
    TC,
    ("token", "space", "copy"),
    2,
)
def _(bench: Bench) -> Seen:
    token = bench.sandbox.tokens.full_admin
    return test_connection(bench, sandbox_url(bench), token[:20] + " " + token[20:])


@case(
    "token-newline",
    "Token",
    "a token with a line break inside (wrapped when copied)",
    TC,
    ("token", "line break", "copy"),
    2,
)
def _(bench: Bench) -> Seen:
    token = bench.sandbox.tokens.full_admin
    return test_connection(bench, sandbox_url(bench), token[:20] + "\n" + token[20:])


@case(
    "token-unknown",
    "Token",
    "a token Webex does not know (mistyped)",
    TC,
    ("token is not valid", "create a new token"),
    3,
    "reads only",
)
def _(bench: Bench) -> Seen:
    return test_connection(bench, sandbox_url(bench), "NotAToken" + "x" * 40)


@case(
    "token-expired",
    "Token",
    "an expired token",
    TC,
    ("token has expired", "create a new token"),
    3,
    "reads only",
)
def _(bench: Bench) -> Seen:
    return test_connection(bench, sandbox_url(bench), bench.sandbox.tokens.expired)


@case(
    "token-expired-dry-run",
    "Token",
    "an expired token in the profile",
    "sync --dry-run",
    ("token has expired", "create a new token"),
    3,
    "reads only",
)
def _(bench: Bench) -> Seen:
    save_profile(
        bench, tenant_url=sandbox_url(bench), csv_path=write_file(bench, "u.csv", GOOD_CSV)
    )
    return dry_run(bench, bench.sandbox.tokens.expired)


@case(
    "token-bot",
    "Token",
    "a bot's token",
    TC,
    ("belongs to a bot", "cannot provision", "admin's token"),
    3,
    "reads only",
)
def _(bench: Bench) -> Seen:
    return test_connection(bench, sandbox_url(bench), bench.sandbox.tokens.bot)


@case(
    "token-other-org",
    "Token",
    "an admin token of another organisation",
    TC,
    ("belongs to organisation", "the tenant url names", "use a token of an admin of"),
    3,
    "reads only",
)
def _(bench: Bench) -> Seen:
    return test_connection(bench, sandbox_url(bench), bench.sandbox.tokens.other_org)


@case(
    "token-read-only",
    "Token",
    "a read-only admin's token",
    TC,
    ("can read users but not create or change them", "full admin or a user admin"),
    3,
    "reads only",
)
def _(bench: Bench) -> Seen:
    return test_connection(bench, sandbox_url(bench), bench.sandbox.tokens.readonly_admin)


# CSV files -----------------------------------------------------------------------------------

DR = "sync --dry-run"


def csv_dry_run(bench: Bench, content: str | bytes, **csv: Any) -> Seen:
    path = write_file(bench, "users.csv", content)
    save_profile(bench, tenant_url=sandbox_url(bench), csv_path=path, csv=csv or None)
    return dry_run(bench)


@case(
    "csv-missing",
    "CSV file",
    "a CSV file that does not exist",
    "profile create",
    ("does not exist", "check the path", "--csv-file"),
    2,
)
def _(bench: Bench) -> Seen:
    missing = bench.home / "nowhere" / "users.csv"
    url = sandbox_url(bench)
    return run_cli("profile", "create", "acme", "--tenant-url", url, "--csv-file", str(missing))


@case(
    "csv-moved",
    "CSV file",
    "the profile's CSV file deleted since",
    DR,
    ("does not exist", "check the path"),
    2,
)
def _(bench: Bench) -> Seen:
    path = write_file(bench, "users.csv", GOOD_CSV)
    save_profile(bench, tenant_url=sandbox_url(bench), csv_path=path)
    path.unlink()
    return dry_run(bench)


@case(
    "csv-folder",
    "CSV file",
    "a folder instead of a file",
    DR,
    ("is a folder", "choose the csv file"),
    2,
)
def _(bench: Bench) -> Seen:
    folder = bench.home / "exports"
    folder.mkdir()
    save_profile(bench, tenant_url=sandbox_url(bench), csv_path=folder)
    return dry_run(bench)


@case(
    "csv-empty",
    "CSV file",
    "an empty file",
    DR,
    ("is empty", "export it again with a header row"),
    2,
)
def _(bench: Bench) -> Seen:
    return csv_dry_run(bench, "")


@case(
    "csv-no-user-name-column",
    "CSV file",
    "no userPrincipalName column",
    DR,
    ("has no column userprincipalname", "its columns are", "--user-name-column"),
    2,
)
def _(bench: Bench) -> Seen:
    return csv_dry_run(bench, "email,givenName\nzoe@example.com,Zoé\n")


@case(
    "csv-duplicate-header",
    "CSV file",
    "a column named twice in the header",
    DR,
    ("appears twice in the header", "rename or remove one"),
    2,
)
def _(bench: Bench) -> Seen:
    return csv_dry_run(bench, "userPrincipalName,givenName,givenName\nzoe@example.com,Zoé,Z\n")


@case(
    "csv-duplicate-user-name",
    "CSV file",
    "the same userName in two rows (different case)",
    DR,
    ("invalid row", "row 3", "also in row 2", "--skip-invalid"),
    2,
)
def _(bench: Bench) -> Seen:
    return csv_dry_run(
        bench,
        "userPrincipalName,givenName\nzoe.dupre@example.com,Zoé\nZoe.Dupre@example.com,Zoe\n",
    )


@case(
    "csv-malformed-email",
    "CSV file",
    "a userName that is not an e-mail address",
    DR,
    ("row 2", "is not an e-mail address", "fix these rows"),
    2,
)
def _(bench: Bench) -> Seen:
    return csv_dry_run(bench, "userPrincipalName,givenName\nzoe.dupre@example,Zoé\n")


@case(
    "csv-empty-user-name",
    "CSV file",
    "a row with an empty userName",
    DR,
    ("row 3", "no username", "fix these rows"),
    2,
)
def _(bench: Bench) -> Seen:
    return csv_dry_run(bench, "userPrincipalName,givenName\nzoe@example.com,Zoé\n,Oliver\n")


@case(
    "csv-unknown-boolean",
    "CSV file",
    "accountEnabled = maybe",
    DR,
    ("row 2", "'maybe'", "not a yes/no value", "fix these rows"),
    2,
)
def _(bench: Bench) -> Seen:
    return csv_dry_run(bench, "userPrincipalName,accountEnabled\nzoe@example.com,maybe\n")


@case(
    "csv-wrong-encoding",
    "CSV file",
    "bytes that are neither UTF-8 nor Windows-1252",
    DR,
    ("is not utf-8 or windows-1252 text", "csv utf-8", "--encoding"),
    2,
)
def _(bench: Bench) -> Seen:
    return csv_dry_run(bench, b"userPrincipalName,givenName\nzoe@example.com,Zo\x81\xe9\n")


@case(
    "csv-declared-encoding",
    "CSV file",
    "a cp1252 file read as UTF-8 (--encoding utf-8)",
    DR,
    ("is not utf-8 text", "csv utf-8", "--encoding"),
    2,
)
def _(bench: Bench) -> Seen:
    content = "userPrincipalName,givenName\nzoe@example.com,Zoé\n".encode("cp1252")
    return csv_dry_run(bench, content, encoding="utf-8")


@case(
    "csv-extra-cells",
    "CSV file",
    "a row with more cells than the header (an unquoted comma)",
    DR,
    ("row 2", "3 cells but the header has 2 columns", "fix these rows"),
    2,
)
def _(bench: Bench) -> Seen:
    return csv_dry_run(bench, "userPrincipalName,displayName\nzoe@example.com,Dupré, Zoé\n")


@case(
    "csv-group-column",
    "CSV file",
    "a group column that the file does not have",
    DR,
    ("has no group column teams", "--group-column"),
    2,
)
def _(bench: Bench) -> Seen:
    return csv_dry_run(bench, GOOD_CSV, group_columns=["teams"])


# Hostile CSV files (issue 22); tests/reliability/test_hostile_csv.py runs the larger ones
# (2,000 rows, a live tenant, a child process for the FIFO and /dev/zero).

CSV_HEADER = "userPrincipalName,givenName,surname,displayName,accountEnabled\n"


@case(
    "csv-unclosed-quote",
    "CSV file",
    "a double quote left open (the rest of the file would be one cell)",
    DR,
    ("row 4", "never closed", "nothing was sent", "correct the quotes"),
    2,
)
def _(bench: Bench) -> Seen:
    rows = 'ann.lee@example.com,Ann,Lee,"Ann Lee,true\nbob.ray@example.com,Bob,Ray,Bob Ray,true\n'
    return csv_dry_run(bench, GOOD_CSV + rows)


@case(
    "csv-merged-rows",
    "CSV file",
    "a double quote closed rows later (the rows between merged into one value)",
    DR,
    ("row 2", "look like rows", "close the quote"),
    2,
)
def _(bench: Bench) -> Seen:
    return csv_dry_run(
        bench,
        CSV_HEADER + 'zoe@example.com,Zoé,"Dupré,Zoé Dupré,true\n'
        "ann@example.com,Ann,Lee,Ann Lee,true\n"
        'bob@example.com,Bob,Ray",Bob Ray,true\n',
    )


@case(
    "csv-fewer-cells",
    "CSV file",
    "a row with fewer cells than the header",
    DR,
    ("row 4", "4 cells but the header has 5 columns", "fix these rows", "--skip-invalid"),
    2,
)
def _(bench: Bench) -> Seen:
    return csv_dry_run(bench, GOOD_CSV + "ann.lee@example.com,Ann,Lee,true\n")


@case(
    "csv-control-character",
    "CSV file",
    "a NUL byte inside a name",
    DR,
    ("row 2", "u+0000 (nul)", "column givenname", "fix these rows"),
    2,
)
def _(bench: Bench) -> Seen:
    return csv_dry_run(bench, CSV_HEADER + "zoe@example.com,Zo\x00é,Dupré,Zoé Dupré,true\n")


@case(
    "csv-mixed-encoding",
    "CSV file",
    "a UTF-8 file with one Windows-1252 byte (é as 0xE9)",
    DR,
    ("mixes encodings", "row 4", "0xe9", "csv utf-8"),
    2,
)
def _(bench: Bench) -> Seen:
    # GOOD_CSV is UTF-8 text (Zoé, Dupré); the row added writes its é as one cp1252 byte.
    return csv_dry_run(bench, GOOD_CSV.encode() + b"ann@example.com,Ren\xe9,Lee,Ren\xe9 Lee,true\n")


@case(
    "csv-fifo",
    "CSV file",
    "a named pipe (FIFO) nobody writes to",
    DR,
    ("named pipe (fifo), not a csv file", "regular file"),
    2,
)
def _(bench: Bench) -> Seen:
    fifo = bench.home / "users.csv"
    os.mkfifo(fifo)
    save_profile(bench, tenant_url=sandbox_url(bench), csv_path=fifo)
    return dry_run(bench)


@case(
    "csv-device",
    "CSV file",
    "/dev/zero (endless)",
    DR,
    ("/dev/zero is a device, not a csv file", "regular file"),
    2,
)
def _(bench: Bench) -> Seen:
    save_profile(bench, tenant_url=sandbox_url(bench), csv_path=Path("/dev/zero"))
    return dry_run(bench)


@case(
    "csv-too-large",
    "CSV file",
    "a file above the profile's size limit (3 MB, limit 2 MB)",
    DR,
    ("is 3 mb, more than the limit of 2 mb", "--csv-max-mb"),
    2,
)
def _(bench: Bench) -> Seen:
    path = write_file(bench, "users.csv", GOOD_CSV)
    with path.open("r+b") as handle:
        handle.truncate(3 * 1024 * 1024)
    save_profile(bench, tenant_url=sandbox_url(bench), csv_path=path, csv={"max_file_mb": 2})
    return dry_run(bench)


@case(
    "csv-changed-while-read",
    "CSV file",
    "a file rewritten while it is read (an export still writing)",
    DR,
    ("changed while it was read", "nothing was sent", "sync again"),
    2,
)
def _(bench: Bench) -> Seen:
    from app.directory.csv import reading as csv_reading

    path = write_file(bench, "users.csv", GOOD_CSV)
    save_profile(bench, tenant_url=sandbox_url(bench), csv_path=path)

    def export_writes_again(read: Path) -> None:
        read.write_text(CSV_HEADER, encoding="utf-8")

    csv_reading.after_read_hook = export_writes_again
    try:
        return dry_run(bench)
    finally:
        csv_reading.after_read_hook = None


@case(
    "csv-unnamed-columns",
    "CSV file",
    "a header with columns that have no name",
    DR,
    ("has 6 columns", "columns 2 and 4 have no name", "give every column a name"),
    2,
)
def _(bench: Bench) -> Seen:
    return csv_dry_run(bench, "userPrincipalName,,givenName,,surname,x\nzoe@example.com,,Zoé,,D,\n")


@case(
    "csv-other-delimiter",
    "CSV file",
    "a file separated by vertical bars (|), read as comma-separated",
    DR,
    ("read as comma-separated", "one column", "--delimiter"),
    2,
)
def _(bench: Bench) -> Seen:
    return csv_dry_run(bench, "userPrincipalName|givenName\nzoe@example.com|Zoé\n")


@case(
    "csv-unreadable-user-name",
    "CSV file",
    "userNames with a zero-width space, and with a Cyrillic а among Latin letters",
    DR,
    ("skip", "row 4", "u+200b zero width space", "row 5", "u+0430 cyrillic small letter a"),
    0,
    sent="reads only",
)
def _(bench: Bench) -> Seen:
    # Refused one by one (nothing sent for them); the other users are planned as usual.
    rows = "ann\u200b.lee@example.com,Ann,Lee,Ann Lee,true\np\u0430ul@example.com,Paul,Roy,Paul Roy,true\n"
    return csv_dry_run(bench, GOOD_CSV + rows)


# Expressions ---------------------------------------------------------------------------------


def expression_dry_run(bench: Bench, expression: str) -> Seen:
    save_profile(
        bench,
        tenant_url=sandbox_url(bench),
        csv_path=write_file(bench, "users.csv", GOOD_CSV),
        user_mapping={"target": "displayName", "type": "Expression", "expression": expression},
    )
    return dry_run(bench)


@case(
    "expression-unknown-function",
    "Expression",
    'Joinn(" ", [givenName], [surname])',
    DR,
    ('mapping for "displayname"', "column 1", "joinn", "correct the mapping"),
    2,
)
def _(bench: Bench) -> Seen:
    return expression_dry_run(bench, 'Joinn(" ", [givenName], [surname])')


@case(
    "expression-argument-count",
    "Expression",
    "Left([givenName]) (Left takes two arguments)",
    DR,
    ('mapping for "displayname"', "left", "2", "correct the mapping"),
    2,
)
def _(bench: Bench) -> Seen:
    return expression_dry_run(bench, "Left([givenName])")


@case(
    "expression-unclosed-bracket",
    "Expression",
    'Join(" ", [givenName, [surname])',
    DR,
    ('mapping for "displayname"', "column", "]", "correct the mapping"),
    2,
)
def _(bench: Bench) -> Seen:
    return expression_dry_run(bench, 'Join(" ", [givenName, [surname])')


@case(
    "expression-unclosed-parenthesis",
    "Expression",
    "ToLower([givenName]",
    DR,
    ('mapping for "displayname"', "column", ")", "correct the mapping"),
    2,
)
def _(bench: Bench) -> Seen:
    return expression_dry_run(bench, "ToLower([givenName]")


@case(
    "expression-unclosed-quote",
    "Expression",
    'Join(" , [givenName], [surname])',
    DR,
    ('mapping for "displayname"', "column 6", "quote", "correct the mapping"),
    2,
)
def _(bench: Bench) -> Seen:
    return expression_dry_run(bench, 'Join(" , [givenName], [surname])')


# Scoping filters -----------------------------------------------------------------------------


def scoping_dry_run(bench: Bench, clause: dict[str, Any]) -> Seen:
    save_profile(
        bench,
        tenant_url=sandbox_url(bench),
        csv_path=write_file(bench, "users.csv", GOOD_CSV),
        scoping=[{"name": "Staff", "clauses": [clause]}],
    )
    return dry_run(bench)


@case(
    "scoping-bad-regex",
    "Scoping filter",
    "REGEX MATCH ^(Sales",
    DR,
    ('scoping filter "staff", clause 1', "regular expression", "not valid", "correct the clause"),
    2,
)
def _(bench: Bench) -> Seen:
    return scoping_dry_run(
        bench, {"attribute": "department", "operator": "REGEX MATCH", "value": "^(Sales"}
    )


@case(
    "scoping-greater-than-text",
    "Scoping filter",
    "GREATER_THAN abc",
    DR,
    ('scoping filter "staff", clause 1', "compares numbers", '"abc" is not a number', "correct"),
    2,
)
def _(bench: Bench) -> Seen:
    return scoping_dry_run(
        bench, {"attribute": "employeeNumber", "operator": "GREATER_THAN", "value": "abc"}
    )


@case(
    "scoping-missing-value",
    "Scoping filter",
    "EQUALS with no value",
    DR,
    ('scoping filter "staff", clause 1', "equals needs a value", "correct the clause"),
    2,
)
def _(bench: Bench) -> Seen:
    return scoping_dry_run(bench, {"attribute": "department", "operator": "EQUALS", "value": ""})


@case(
    "scoping-bad-mask",
    "Scoping filter",
    "& (bit mask) with the value 'high'",
    DR,
    ('scoping filter "staff", clause 1', "whole number", "correct the clause"),
    2,
)
def _(bench: Bench) -> Seen:
    return scoping_dry_run(bench, {"attribute": "flags", "operator": "&", "value": "high"})


# Server answers ------------------------------------------------------------------------------

HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>Sign in - Corporate Proxy</title></head>"
    "<body><form>Please sign in to continue.</form></body></html>"
)


def scripted_connection(bench: Bench, path: str, answer: Answer, method: str = "GET") -> Seen:
    bench.scripted.answers[(method, path)] = answer
    return test_connection(bench, bench.scripted.tenant_url, "scripted-token-0123456789")


def scripted_dry_run(bench: Bench, path: str, answer: Answer) -> Seen:
    bench.scripted.answers[("GET", path)] = answer
    save_profile(
        bench,
        tenant_url=bench.scripted.tenant_url,
        csv_path=write_file(bench, "users.csv", GOOD_CSV),
    )
    return dry_run(bench, "scripted-token-0123456789")


@case(
    "body-html-sign-in-page",
    "Server answer",
    "people/me answers 200 with a proxy's HTML sign-in page",
    TC,
    ("people/me answered something that is not json", "a proxy or a sign-in page"),
    4,
    "reads only",
)
def _(bench: Bench) -> Seen:
    return scripted_connection(
        bench, "/v1/people/me", Answer(200, HTML_PAGE.encode(), "text/html; charset=utf-8")
    )


@case(
    "body-html-error-page",
    "Server answer",
    "people/me answers 403 with an HTML error page",
    TC,
    ("http 403 with an html page instead of json", "a proxy or a sign-in page"),
    4,
    "reads only",
)
def _(bench: Bench) -> Seen:
    return scripted_connection(bench, "/v1/people/me", Answer(403, HTML_PAGE.encode(), "text/html"))


@case(
    "body-html-search",
    "Server answer",
    "the Users search answers 500 with an HTML page",
    DR,
    ("http 500 with an html page instead of json", "a proxy or a sign-in page"),
    4,
    "reads only",
)
def _(bench: Bench) -> Seen:
    return scripted_dry_run(bench, "/Users", Answer(500, HTML_PAGE.encode(), "text/html"))


@case(
    "body-truncated-json",
    "Server answer",
    "the Users search answers 200 with JSON cut in the middle",
    DR,
    ("search user", "not scim json", "check the tenant url"),
    4,
    "reads only",
)
def _(bench: Bench) -> Seen:
    body = json.dumps(empty_list()).encode()
    return scripted_dry_run(bench, "/Users", Answer(200, body[: len(body) // 2]))


@case(
    "body-wrong-schema",
    "Server answer",
    "the Users search answers JSON of another shape",
    DR,
    ("search answer is not a valid scim listresponse", "check the tenant url"),
    4,
    "reads only",
)
def _(bench: Bench) -> Seen:
    return scripted_dry_run(
        bench, "/Users", Answer.json(200, {"users": [{"name": "zoe"}], "count": "many"})
    )


@case(
    "body-wrong-schema-people-me",
    "Server answer",
    "people/me answers JSON without id or orgId",
    TC,
    ("people/me answered without an id or an orgid", "points at the webex api"),
    4,
    "reads only",
)
def _(bench: Bench) -> Seen:
    return scripted_connection(bench, "/v1/people/me", Answer.json(200, {"hello": "world"}))


@case(
    "body-empty-200",
    "Server answer",
    "people/me answers 200 with an empty body",
    TC,
    ("people/me answered something that is not json", "a proxy or a sign-in page"),
    4,
    "reads only",
)
def _(bench: Bench) -> Seen:
    return scripted_connection(bench, "/v1/people/me", Answer(200, b""))


@case(
    "body-empty-200-search",
    "Server answer",
    "the Users search answers 200 with an empty body",
    DR,
    ("answered a search without a json object", "check the tenant url"),
    4,
    "reads only",
)
def _(bench: Bench) -> Seen:
    return scripted_dry_run(bench, "/Users", Answer(200, b""))


@case(
    "body-huge-error-page",
    "Server answer",
    "people/me answers 502 with a 5 MB HTML page",
    TC,
    ("unavailable (http 502)", "try again"),
    4,
    "reads only",
    400,
)
def _(bench: Bench) -> Seen:
    page = ("<html><body>" + "Bad gateway. " * 400_000 + "</body></html>").encode()
    return scripted_connection(bench, "/v1/people/me", Answer(502, page, "text/html"))


@case(
    "body-huge-detail",
    "Server answer",
    "the Users search answers 400 with a 1 MB error detail",
    DR,
    ("refused the request", "http 400", "check"),
    1,
    "reads only",
    800,
)
def _(bench: Bench) -> Seen:
    detail = "The filter is not supported. " * 36_000
    return scripted_dry_run(
        bench, "/Users", Answer.json(400, {"schemas": [], "detail": detail, "status": "400"})
    )


@case(
    "body-huge-json",
    "Server answer",
    "the Users search answers 200 with 30 MB that are not JSON",
    DR,
    ("search user", "not scim json", "check the tenant url"),
    4,
    "reads only",
    400,
)
def _(bench: Bench) -> Seen:
    return scripted_dry_run(bench, "/Users", Answer(200, b"{" + b"x" * 30_000_000))


@case(
    "body-malformed-fault",
    "Server answer",
    "the sandbox's malformed-body fault on every answer",
    DR,
    ("not scim json", "check the tenant url"),
    4,
    "reads only",
)
def _(bench: Bench) -> Seen:
    save_profile(
        bench, tenant_url=sandbox_url(bench), csv_path=write_file(bench, "u.csv", GOOD_CSV)
    )
    bench.sandbox.set_faults("malformed=1")
    try:
        return dry_run(bench)
    finally:
        bench.sandbox.set_faults("")


# -- the table in docs/reliability.md ------------------------------------------------------------


_PORT = re.compile(r"127\.0\.0\.1:\d+")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TRACKING = re.compile(r"(SANDBOX|SCRIPTED)_[0-9A-Za-z_-]+")


def normalize(message: str, bench: Bench) -> str:
    """The message as the table shows it: this run's ports, folders and ids made generic."""
    text = message.replace(str(bench.home.resolve()), "<folder>")
    text = text.replace(str(bench.home), "<folder>")
    text = _PORT.sub("127.0.0.1:PORT", text)
    text = _TRACKING.sub("<trackingid>", text)
    text = _UUID.sub("<uuid>", text)
    for org_id in (bench.sandbox.org_id,):
        text = text.replace(org_id, "<orgId>")
    return " / ".join(line.strip() for line in text.strip().splitlines() if line.strip())


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_table(messages: dict[str, str]) -> str:
    lines = [
        "| Case | Input | Where the admin meets it | Sent to Webex | Exit | What the admin reads |",
        "|---|---|---|---|---|---|",
    ]
    for c in CASES:
        lines.append(
            f"| `{c.id}` | {_cell(c.given)} | `{c.via}` | {c.sent} | {c.exit_code} | "
            f"{_cell(messages.get(c.id, '(not run)'))} |"
        )
    return "\n".join(lines)


def documented_messages(doc: Path = DOC) -> dict[str, str]:
    """The table in docs/reliability.md: case id -> the message it shows."""
    text = doc.read_text(encoding="utf-8")
    table = text[text.index(TABLE_START) : text.index(TABLE_END)]
    messages = {}
    for line in table.splitlines():
        match = re.match(r"^\| `([a-z0-9-]+)` \|", line)
        if match:
            cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
            messages[match[1]] = cells[-1].strip().replace("\\|", "|")
    return messages


def write_table(messages: dict[str, str], doc: Path = DOC) -> None:
    text = doc.read_text(encoding="utf-8")
    start, end = text.index(TABLE_START) + len(TABLE_START), text.index(TABLE_END)
    doc.write_text(text[:start] + "\n" + render_table(messages) + "\n" + text[end:], "utf-8")


@contextlib.contextmanager
def bench_environment(home: Path) -> Iterator[tuple[SandboxServer, ScriptedWebex, Tripwire]]:
    """The servers, and the proxy variables that send anything non-local to the tripwire."""
    tripwire = Tripwire()
    saved = {k: os.environ.get(k) for k in tripwire.environment()}
    os.environ.update(tripwire.environment())
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost,::1"
    try:
        with (
            SandboxServer.in_thread(SandboxConfig()) as sandbox,
            serve_in_thread(ScriptedWebex()) as scripted,
        ):
            yield sandbox, scripted, tripwire
    finally:
        tripwire.close()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _collect() -> dict[str, str]:
    """Run every case outside pytest (private folders, an in-memory keyring) for the table."""
    import tempfile

    import keyring

    from tests.support.keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    messages: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp, bench_environment(Path(tmp)) as servers:
        for number, c in enumerate(CASES):
            home = Path(tmp) / f"case-{number}"
            for name in ("config", "state", "log"):
                (home / name).mkdir(parents=True)
                os.environ[f"WEBEX_PROVISIONER_{name.upper()}_DIR"] = str(home / name)
            bench = Bench(*servers, home=home)
            bench.reset()
            messages[c.id] = normalize(c.run(bench).message, bench)
    return messages


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.reliability.catalogue")
    parser.add_argument("--write", action="store_true", help="rewrite the table in the doc")
    args = parser.parse_args()
    messages = _collect()
    if args.write:
        write_table(messages)
    else:
        print(render_table(messages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
