"""The client's HTTP behaviour over real loopback HTTP: retries, Retry-After, budgets, errors,
POST resend only after a check, connection resets, token redaction, adaptive concurrency."""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import random
import socket
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

import pytest
from hypercorn.asyncio import serve
from hypercorn.config import Config

from app.webex.client import WebexClient
from app.webex.constants import CORE_USER
from app.webex.errors import (
    BadRequest,
    Conflict,
    ExpiredToken,
    InvalidToken,
    NetworkError,
    NotFound,
    PermissionDenied,
    ProtocolError,
    RateLimited,
    ServerError,
    WebexError,
)
from app.webex.orgid import org_id_from_uuid
from app.webex.transport import RetryPolicy

ORG = "96abc2aa-3dcc-11e5-a152-fe34819cdc9a"
TOKEN = "NjQ5ZTk4YzAtZmFrZS10b2tlbi12YWx1ZS1mb3ItdGVzdHMtb25seQ_PF84_secret"
LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error"


@dataclass
class Answer:
    status: int = 200
    body: Any = None
    text: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    content_type: str = "application/scim+json"


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any


Script = Callable[[Seen], Answer] | Answer


class ScriptedWebex:
    """An ASGI app answering each (method, path suffix) from a script, consumed in order."""

    def __init__(self) -> None:
        self.scripts: dict[tuple[str, str], list[Script]] = defaultdict(list)
        self.defaults: dict[tuple[str, str], Script] = {}
        self.seen: list[Seen] = []
        self.in_flight = 0
        self.peak_in_flight = 0

    def script(
        self, method: str, suffix: str, *answers: Script, then: Script | None = None
    ) -> None:
        self.scripts[(method, suffix)].extend(answers)
        if then is not None:
            self.defaults[(method, suffix)] = then

    def requests(self, method: str, suffix: str = "") -> list[Seen]:
        return [s for s in self.seen if s.method == method and s.path.endswith(suffix)]

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        raw = b""
        while True:
            message = await receive()
            raw += message.get("body", b"")
            if not message.get("more_body"):
                break
        seen = Seen(
            scope["method"],
            scope["path"],
            parse_qs(scope["query_string"].decode()),
            {k.decode().lower(): v.decode() for k, v in scope["headers"]},
            json.loads(raw) if raw else None,
        )
        self.seen.append(seen)
        answer = self._answer_for(seen)
        self.in_flight += 1
        self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
        try:
            if answer.delay:
                await asyncio.sleep(answer.delay)
        finally:
            self.in_flight -= 1
        if answer.text is not None:
            payload = answer.text.encode()
        elif answer.body is not None:
            payload = json.dumps(answer.body).encode()
        else:
            payload = b""
        headers = [(b"trackingid", b"ROUTER_TEST_0001")]
        if payload:
            headers.append((b"content-type", answer.content_type.encode()))
        headers += [(k.lower().encode(), v.encode()) for k, v in answer.headers.items()]
        await send({"type": "http.response.start", "status": answer.status, "headers": headers})
        await send({"type": "http.response.body", "body": payload})

    def _answer_for(self, seen: Seen) -> Answer:
        for (method, suffix), queue in self.scripts.items():
            if method == seen.method and seen.path.endswith(suffix) and queue:
                script = queue.pop(0)
                return script(seen) if callable(script) else script
        for (method, suffix), script in self.defaults.items():
            if method == seen.method and seen.path.endswith(suffix):
                return script(seen) if callable(script) else script
        return Answer(
            404, {"message": "no script", "trackingId": "T-404"}, content_type="application/json"
        )


@asynccontextmanager
async def serve_asgi(app: Any) -> AsyncIterator[str]:
    """Serve an ASGI app with hypercorn on 127.0.0.1, on a port the system picks."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    config = Config()
    config.bind = [f"fd://{sock.fileno()}"]
    config.accesslog = None
    config.errorlog = None
    config.graceful_timeout = 1.0
    port = sock.getsockname()[1]
    sock.detach()  # hypercorn owns the descriptor from here on
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, config, shutdown_trigger=stop.wait))
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop.set()
        await task


class FakeTime:
    """A clock that moves only when the code under test sleeps: delays are recorded, not waited."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(0.0, seconds)
        await asyncio.sleep(0)


@pytest.fixture
async def webex() -> AsyncIterator[tuple[ScriptedWebex, str]]:
    app = ScriptedWebex()
    async with serve_asgi(app) as base:
        yield app, f"{base}/identity/scim/{ORG}/v2/"


def client_for(url: str, fake: FakeTime, **kwargs: Any) -> WebexClient:
    kwargs.setdefault("retry_policy", RetryPolicy(max_attempts=5, max_total_seconds=60.0))
    return WebexClient(
        url, TOKEN, clock=fake.clock, sleep=fake.sleep, rng=random.Random(7), **kwargs
    )


def user(user_id: str, name: str) -> dict[str, Any]:
    return {"schemas": [CORE_USER], "id": user_id, "userName": name, "userType": "user"}


def page(*users: dict[str, Any], total: int | None = None) -> Answer:
    return Answer(
        200,
        {
            "schemas": [LIST_SCHEMA],
            "totalResults": len(users) if total is None else total,
            "itemsPerPage": len(users),
            "startIndex": 1,
            "Resources": list(users),
        },
    )


def scim_error(status: int, detail: str, scim_type: str | None = None) -> Answer:
    body: dict[str, Any] = {"schemas": [ERROR_SCHEMA], "status": str(status), "detail": detail}
    if scim_type:
        body["scimType"] = scim_type
    return Answer(status, body)


# -- Retry-After and back-off --------------------------------------------------------------


async def test_429_with_retry_after_in_seconds_waits_that_long_then_succeeds(webex) -> None:
    app, url = webex
    app.script(
        "GET", "/Users", Answer(429, {"message": "slow down"}, headers={"Retry-After": "3"}), page()
    )
    fake = FakeTime()
    async with client_for(url, fake) as client:
        assert await client.count("User") == 0
        assert fake.sleeps == [3.0]
        assert client.stats.throttled == 1
        assert client.stats.retries == 1
        assert client.stats.requests["GET"] == 2
    assert len(app.requests("GET", "/Users")) == 2


async def test_423_with_retry_after_as_http_date_waits_until_that_date(webex) -> None:
    app, url = webex
    when = email.utils.formatdate(time.time() + 5, usegmt=True)
    app.script(
        "GET", "/Users", Answer(423, {"message": "locked"}, headers={"Retry-After": when}), page()
    )
    fake = FakeTime()
    async with client_for(url, fake) as client:
        await client.count("User")
    assert len(fake.sleeps) == 1
    assert 3.0 <= fake.sleeps[0] <= 5.0  # the date has one-second resolution


async def test_503_is_retried_with_jittered_exponential_back_off(webex) -> None:
    app, url = webex
    app.script(
        "GET",
        "/Users",
        Answer(503, {"message": "busy"}),
        Answer(502, text="<html>bad gateway</html>", content_type="text/html"),
        Answer(504),
        page(),
    )
    fake = FakeTime()
    policy = RetryPolicy(max_attempts=5, max_total_seconds=60, base_delay=1.0, max_delay=30)
    async with client_for(url, fake, retry_policy=policy) as client:
        assert await client.count("User") == 0
        assert client.stats.server_errors == 3
    assert len(fake.sleeps) == 3
    for attempt, delay in enumerate(fake.sleeps, start=1):
        ceiling = 2.0 ** (attempt - 1)
        assert ceiling / 2 <= delay <= ceiling


async def test_retries_stop_when_the_attempt_budget_is_spent(webex) -> None:
    app, url = webex
    app.script("GET", "/Users", then=Answer(503, {"message": "down"}))
    fake = FakeTime()
    async with client_for(url, fake, retry_policy=RetryPolicy(max_attempts=3)) as client:
        with pytest.raises(ServerError) as caught:
            await client.count("User")
    assert caught.value.status == 503
    assert caught.value.retryable
    assert len(app.requests("GET", "/Users")) == 3
    assert len(fake.sleeps) == 2


async def test_retries_stop_when_the_time_budget_is_spent(webex) -> None:
    app, url = webex
    app.script(
        "GET", "/Users", then=Answer(429, {"message": "slow"}, headers={"Retry-After": "40"})
    )
    fake = FakeTime()
    policy = RetryPolicy(max_attempts=10, max_total_seconds=100.0)
    async with client_for(url, fake, retry_policy=policy) as client:
        with pytest.raises(RateLimited) as caught:
            await client.count("User")
    assert caught.value.retry_after == 40.0
    assert fake.sleeps == [40.0, 40.0]  # a third wait would pass 100 s
    assert len(app.requests("GET", "/Users")) == 3


async def test_a_500_is_retried_and_the_read_succeeds(webex) -> None:
    app, url = webex
    app.script("GET", "/Users", scim_error(500, "internal"), page())
    fake = FakeTime()
    async with client_for(url, fake) as client:
        assert await client.count("User") == 0
    assert len(app.requests("GET", "/Users")) == 2


# -- errors as the admin sees them -----------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "error_class", "scim_type"),
    [
        (
            Answer(
                401,
                {
                    "message": "The request requires a valid access token set in the Authorization request header.",
                    "errors": [
                        {
                            "description": "The request requires a valid access token set in the Authorization request header."
                        }
                    ],
                    "trackingId": "T1",
                },
                content_type="application/json",
            ),
            InvalidToken,
            None,
        ),
        (
            Answer(
                401,
                {"message": "Token expired", "trackingId": "T1"},
                content_type="application/json",
            ),
            ExpiredToken,
            None,
        ),
        (scim_error(403, "Not allowed"), PermissionDenied, None),
        (scim_error(404, "User not found"), NotFound, None),
        (scim_error(409, "userName already exists", "uniqueness"), Conflict, "uniqueness"),
        (scim_error(400, "userType is required", "invalidValue"), BadRequest, "invalidValue"),
        (
            Answer(200, text="<html><body>Sign in</body></html>", content_type="text/html"),
            ProtocolError,
            None,
        ),
        (
            Answer(401, text="<!DOCTYPE html><p>proxy</p>", content_type="text/html"),
            ProtocolError,
            None,
        ),
    ],
)
async def test_each_answer_becomes_the_error_that_tells_what_to_do(
    webex, answer, error_class, scim_type
) -> None:
    app, url = webex
    app.script("GET", "/Users/u1", answer)
    async with client_for(url, FakeTime()) as client:
        with pytest.raises(error_class) as caught:
            await client.get("User", "u1")
    error = caught.value
    assert type(error) is error_class
    assert error.scim_type == scim_type
    assert error.next_step  # always a next step
    if answer.status >= 400:
        assert error.status == answer.status
    assert error.tracking_id in {"ROUTER_TEST_0001", "T1"}


async def test_a_scim_error_keeps_its_detail_and_the_tracking_id_from_the_body() -> None:
    import httpx

    from app.webex.errors import error_from_response

    response = httpx.Response(
        400,
        json={
            "schemas": [ERROR_SCHEMA],
            "status": "400",
            "scimType": "mutability",
            "detail": "id is read-only",
            "trackingId": "BODY_TRACK",
        },
        request=httpx.Request("PUT", "https://webexapis.com/identity/scim/x/v2/Users/1?x=1"),
    )
    error = error_from_response(response)
    assert isinstance(error, BadRequest)
    assert (error.status, error.scim_type, error.detail, error.tracking_id) == (
        400,
        "mutability",
        "id is read-only",
        "BODY_TRACK",
    )
    assert "id is read-only" in str(error) and "BODY_TRACK" in str(error)
    assert error.url == "https://webexapis.com/identity/scim/x/v2/Users/1"


async def test_a_search_answer_that_is_not_a_list_response_is_a_protocol_error(webex) -> None:
    app, url = webex
    app.script("GET", "/Users", Answer(200, {"schemas": ["urn:other"], "users": []}))
    async with client_for(url, FakeTime()) as client:
        with pytest.raises(ProtocolError):
            await client.count("User")


# -- a create is resent only when the target shows it did not land ---------------------------


async def test_a_failed_create_that_landed_is_found_and_not_sent_again(webex) -> None:
    app, url = webex
    app.script("POST", "/Users", Answer(503, {"message": "timeout upstream"}))
    app.script("GET", "/Users", lambda seen: page(user("u-9", "ann@example.com")))
    fake = FakeTime()
    async with client_for(url, fake) as client:
        created = await client.create(
            "User", {"schemas": [CORE_USER], "userName": "ann@example.com", "userType": "user"}
        )
        assert created["id"] == "u-9"
        assert client.recovered_creates == 1
    assert len(app.requests("POST", "/Users")) == 1
    assert app.requests("GET", "/Users")[0].query["filter"] == ['userName eq "ann@example.com"']


async def test_a_failed_create_that_did_not_land_is_sent_again(webex) -> None:
    app, url = webex
    app.script(
        "POST",
        "/Users",
        Answer(502, text="<html>gateway</html>", content_type="text/html"),
        Answer(201, user("u-1", "bob@example.com")),
    )
    app.script("GET", "/Users", page())
    fake = FakeTime()
    async with client_for(url, fake) as client:
        created = await client.create(
            "User", {"schemas": [CORE_USER], "userName": "bob@example.com", "userType": "user"}
        )
        assert created["id"] == "u-1"
        assert client.recovered_creates == 0
    assert len(app.requests("POST", "/Users")) == 2
    assert len(app.requests("GET", "/Users")) == 1  # the check came before the resend
    assert len(fake.sleeps) == 1


async def test_a_create_refused_with_429_is_resent_without_a_check(webex) -> None:
    app, url = webex
    app.script(
        "POST",
        "/Users",
        Answer(429, {"message": "slow"}, headers={"Retry-After": "1"}),
        Answer(201, user("u-2", "cy@example.com")),
    )
    async with client_for(url, FakeTime()) as client:
        await client.create(
            "User", {"schemas": [CORE_USER], "userName": "cy@example.com", "userType": "user"}
        )
    assert len(app.requests("POST", "/Users")) == 2
    assert app.requests("GET", "/Users") == []


# -- connections that fail -------------------------------------------------------------------


class DroppingServer:
    """A raw HTTP/1.1 server: closes the first `drops` connections after reading the request,
    then answers by method."""

    def __init__(self, drops: int, answers: dict[str, bytes]) -> None:
        self.drops = drops
        self.answers = answers
        self.request_lines: list[str] = []

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        line = head.split(b"\r\n", 1)[0].decode()
        length = next(
            (
                int(h.split(b":")[1])
                for h in head.split(b"\r\n")
                if h.lower().startswith(b"content-length:")
            ),
            0,
        )
        if length:
            await reader.readexactly(length)
        self.request_lines.append(line)
        if len(self.request_lines) > self.drops:
            writer.write(self.answers[line.split()[0]])
            await writer.drain()
        writer.close()
        await writer.wait_closed()


@asynccontextmanager
async def dropping_server(
    drops: int, answers: dict[str, bytes]
) -> AsyncIterator[tuple[DroppingServer, str]]:
    app = DroppingServer(drops, answers)
    server = await asyncio.start_server(app.handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield app, f"http://127.0.0.1:{port}"
    finally:
        server.close()
        await server.wait_closed()


def http_json(status: int, body: Any) -> bytes:
    data = json.dumps(body).encode()
    return (
        f"HTTP/1.1 {status} OK\r\nContent-Type: application/json\r\nContent-Length: {len(data)}\r\n"
        "Connection: close\r\n\r\n"
    ).encode() + data


ME = {
    "id": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8x",
    "displayName": "Ann Admin",
    "emails": ["ann@example.com"],
    "orgId": org_id_from_uuid(ORG),
    "type": "person",
}


async def test_a_reset_connection_is_retried_for_a_read() -> None:
    async with dropping_server(2, {"GET": http_json(200, ME)}) as (_, base):
        fake = FakeTime()
        async with client_for(f"{base}/identity/scim/{ORG}/v2/", fake) as client:
            me = await client.people_me()
            assert me.display_name == "Ann Admin"
            assert client.stats.network_errors == 2
            assert client.stats.retries == 2


async def test_a_create_lost_on_a_reset_connection_is_checked_before_it_is_resent() -> None:
    answers = {
        "GET": http_json(200, {"schemas": [LIST_SCHEMA], "totalResults": 0, "Resources": []}),
        "POST": http_json(201, user("u-5", "d@example.com")),
    }
    async with dropping_server(1, answers) as (server, base):
        fake = FakeTime()
        async with client_for(f"{base}/identity/scim/{ORG}/v2/", fake) as client:
            created = await client.create(
                "User", {"schemas": [CORE_USER], "userName": "d@example.com", "userType": "user"}
            )
            assert created["id"] == "u-5"
            assert client.stats.network_errors == 1
    methods = [line.split()[0] for line in server.request_lines]
    assert methods == ["POST", "GET", "POST"]
    assert "filter=userName+eq+%22d%40example.com%22" in server.request_lines[1]


async def test_a_refused_connection_names_the_cause_and_is_retried_within_budget() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    fake = FakeTime()
    async with client_for(
        f"http://127.0.0.1:{port}/identity/scim/{ORG}/v2/",
        fake,
        retry_policy=RetryPolicy(max_attempts=3),
    ) as client:
        with pytest.raises(NetworkError) as caught:
            await client.people_me()
    assert caught.value.kind == "refused"
    assert "refused" in caught.value.message
    assert len(fake.sleeps) == 2


# -- the token never shows -------------------------------------------------------------------


async def test_the_token_is_sent_but_never_shown_in_errors_reprs_or_logs(webex, caplog) -> None:
    app, url = webex
    app.script(
        "GET",
        "/Users/u1",
        Answer(
            401,
            {"message": f"bad header Authorization: Bearer {TOKEN}"},
            content_type="application/json",
        ),
    )
    app.script("GET", "/Users", Answer(503, {"message": "x"}), page())
    caplog.set_level(logging.DEBUG)
    fake = FakeTime()
    async with client_for(url, fake) as client:
        await client.count("User")
        with pytest.raises(WebexError) as caught:
            await client.get("User", "u1")
        shown = [
            repr(client),
            repr(client._transport.client.auth),
            str(caught.value),
            repr(caught.value),
            json.dumps(caught.value.to_dict()),
        ]
    assert app.seen[0].headers["authorization"] == f"Bearer {TOKEN}"
    assert app.seen[0].headers["user-agent"].startswith("webex-provisioner/")
    assert caplog.records  # requests were logged
    for text in [*shown, caplog.text]:
        assert TOKEN not in text
        assert TOKEN[:20] not in text


# -- adaptive concurrency over the wire -------------------------------------------------------


async def test_a_burst_of_429s_halves_the_concurrency_once_then_it_climbs_back(webex) -> None:
    app, url = webex
    throttle_first = 8

    def answer(seen: Seen) -> Answer:
        if len(app.requests("GET", "/Users")) <= throttle_first:
            return Answer(429, {"message": "slow"}, delay=0.05)
        return Answer(200, page().body, delay=0.01)

    app.script("GET", "/Users", then=answer)
    fake = FakeTime()
    async with client_for(url, fake, max_concurrency=8) as client:
        await asyncio.gather(*(client.count("User") for _ in range(8)))
        assert client.limiter.decreases == 1
        after_burst = client.limiter.limit
        assert 4 <= after_burst < 8
        for _ in range(40):
            await client.count("User")
        assert client.limiter.limit == 8
    assert app.peak_in_flight <= 8


# -- the shared limits of every HTTP exchange (app.net, issue 22) ---------------------------


@pytest.mark.parametrize("value", ["abc", "0", "-5", "inf", "nan"])
def test_a_deadline_or_cap_setting_that_is_not_a_positive_number_is_refused(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.errors import InputError
    from app.net import http_deadline, http_max_body

    for name, read in (
        ("WEBEX_PROVISIONER_HTTP_DEADLINE", http_deadline),
        ("WEBEX_PROVISIONER_HTTP_MAX_BODY", http_max_body),
    ):
        monkeypatch.setenv(name, value)
        with pytest.raises(InputError) as caught:
            read()
        assert f"{name} must be a positive number" in caught.value.message
        monkeypatch.delenv(name)
    assert http_deadline() == 120.0
    assert http_max_body() == 64 * 1024 * 1024


def test_the_proxy_is_named_without_its_credentials_and_no_proxy_is_honoured(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import httpx

    from app.net import proxy_for

    for name in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "internal.example.com")
    monkeypatch.setenv("no_proxy", "internal.example.com")
    url = httpx.URL("https://webexapis.com/identity/scim/x/v2/Users")
    assert proxy_for(url) is None
    monkeypatch.setenv("HTTPS_PROXY", "http://alice:s3cret@proxy.example.com:3128")
    assert proxy_for(url) == ("http://proxy.example.com:3128", "HTTPS_PROXY")
    assert proxy_for(httpx.URL("https://internal.example.com/scim")) is None


async def test_a_declared_body_past_the_cap_is_refused_before_it_is_read() -> None:
    import httpx

    from app.net import ResponseTooLarge, make_async_client

    seen: list[int] = []

    async def huge(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 7000000000\r\n\r\n" + b"x" * 10)
        await writer.drain()
        seen.append(1)
        writer.close()

    server = await asyncio.start_server(huge, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with make_async_client(http2=False, max_body=1000) as client:
            with pytest.raises(ResponseTooLarge) as caught:
                await client.get(f"http://127.0.0.1:{port}/Users")
        assert "larger than 1,000 bytes" in caught.value.message
        assert isinstance(caught.value, httpx.TransportError)  # Graph's retry loop sees it
    finally:
        server.close()
        await server.wait_closed()
