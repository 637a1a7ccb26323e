"""The sign-in requests (msal, through requests) have the same total deadline and body cap as
every httpx client: a trickling or endless answer of the sign-in service ends with a plain
message instead of holding the cycle (issue 22)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from app.directory.entra.auth import SignInError, _msal_session


def _serve(handler: str) -> Iterator[int]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.settimeout(0.1)  # accept() wakes up to see the end of the test
    stop = threading.Event()

    def run() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            connection.settimeout(None)
            with connection:
                connection.recv(65536)
                if handler == "trickle":
                    connection.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        b"Content-Length: 100000\r\n\r\n"
                    )
                    # One byte at a time, each well within the per-read timeout, until the
                    # client gives up (the test's deadline) or the test ends.
                    while not stop.wait(0.05):
                        try:
                            connection.sendall(b" ")
                        except OSError:
                            break
                else:  # endless: a body that never ends, sent as fast as it goes
                    connection.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        b"Transfer-Encoding: chunked\r\n\r\n"
                    )
                    piece = b" " * 65536
                    chunk = b"%x\r\n%s\r\n" % (len(piece), piece)
                    while not stop.is_set():
                        try:
                            connection.sendall(chunk)
                        except OSError:
                            break

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=10)
        listener.close()


@pytest.fixture
def trickling() -> Iterator[int]:
    yield from _serve("trickle")


@pytest.fixture
def endless() -> Iterator[int]:
    yield from _serve("endless")


def _session():  # type: ignore[no-untyped-def]
    session = _msal_session(None)
    # The sign-in adapter, mounted for plain http too so that a loopback server can answer.
    session.mount("http://", session.adapters["https://"])
    return session


def test_a_trickling_sign_in_answer_ends_at_the_total_deadline(
    trickling: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WEBEX_PROVISIONER_HTTP_DEADLINE", "1")
    with _session() as session, pytest.raises(SignInError) as raised:
        session.post(f"http://127.0.0.1:{trickling}/tenant/oauth2/v2.0/token", data={"a": "b"})
    assert "did not finish its answer within 1 seconds" in raised.value.message
    assert "HTTPS_PROXY" in raised.value.next_step


def test_an_endless_sign_in_answer_stops_at_the_body_cap(
    endless: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WEBEX_PROVISIONER_HTTP_MAX_BODY", str(1024 * 1024))
    with _session() as session, pytest.raises(SignInError) as raised:
        session.get(f"http://127.0.0.1:{endless}/tenant/v2.0/.well-known/openid-configuration")
    assert "larger than 1,048,576 bytes" in raised.value.message


def test_an_ordinary_answer_is_read_whole() -> None:
    """The bounded read gives msal the same body requests would have (a small JSON answer)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]

    def answer() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(65536)
            body = b'{"token_type": "Bearer", "expires_in": 3599}'
            connection.sendall(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n"
                b"Connection: close\r\n\r\n%s" % (len(body), body)
            )

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    try:
        with _session() as session:
            response = session.get(f"http://127.0.0.1:{port}/token")
        assert response.json() == {"token_type": "Bearer", "expires_in": 3599}
    finally:
        listener.close()
        thread.join(timeout=10)
