"""The error tree: each class from its answer, Retry-After in both forms, network causes named,
messages that say what to do, and never the token."""

from __future__ import annotations

import socket
import ssl

import httpx
import pytest

from app.errors import ExitCode, UserFacingError
from app.webex.errors import (
    AuthError,
    BadRequest,
    Conflict,
    ExpiredToken,
    InvalidToken,
    MissingScope,
    NetworkError,
    NotAdmin,
    NotFound,
    PermissionDenied,
    ProtocolError,
    RateLimited,
    ServerError,
    WebexError,
    WrongOrg,
    error_from_response,
    network_error,
)

URL = "https://webexapis.com/identity/scim/96abc2aa-3dcc-11e5-a152-fe34819cdc9a/v2/Users"
TOKEN = "ZmFrZS10b2tlbi1mb3ItdGVzdHMtMTIzNDU2Nzg5MA_PF84_0000"


def answer(
    status: int,
    body: object = None,
    *,
    text: str | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    request = httpx.Request("GET", URL + "?filter=x", headers={"Authorization": f"Bearer {TOKEN}"})
    if text is not None:
        return httpx.Response(
            status,
            text=text,
            headers={"content-type": "text/html", **(headers or {})},
            request=request,
        )
    if body is None:
        return httpx.Response(status, headers=headers, request=request)
    return httpx.Response(status, json=body, headers=headers, request=request)


def webex_body(message: str, *descriptions: str) -> dict[str, object]:
    return {
        "message": message,
        "errors": [{"description": d} for d in descriptions],
        "trackingId": "ROUTER_ABC",
    }


def scim_body(status: int, detail: str, scim_type: str | None = None) -> dict[str, object]:
    body: dict[str, object] = {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
        "status": str(status),
        "detail": detail,
    }
    if scim_type:
        body["scimType"] = scim_type
    return body


@pytest.mark.parametrize(
    ("response", "cls", "exit_code"),
    [
        (
            answer(
                401,
                webex_body(
                    "The request requires a valid access token set in the Authorization request header."
                ),
            ),
            InvalidToken,
            ExitCode.AUTH,
        ),
        (
            answer(401, webex_body("Unauthorized", "The access token has expired")),
            ExpiredToken,
            ExitCode.AUTH,
        ),
        (
            answer(403, scim_body(403, "Missing scope identity:people_rw")),
            MissingScope,
            ExitCode.AUTH,
        ),
        (
            answer(403, webex_body("User is not an admin of this organization's role", "")),
            WrongOrg,
            ExitCode.AUTH,
        ),
        (answer(403, webex_body("The user does not have the admin role")), NotAdmin, ExitCode.AUTH),
        (answer(403, webex_body("Forbidden")), PermissionDenied, ExitCode.AUTH),
        (answer(404, scim_body(404, "User not found")), NotFound, ExitCode.FAILURES),
        (answer(409, scim_body(409, "userName exists", "uniqueness")), Conflict, ExitCode.FAILURES),
        (
            answer(400, scim_body(400, "userName is mutable?", "mutability")),
            BadRequest,
            ExitCode.FAILURES,
        ),
        (
            answer(429, webex_body("Too many"), headers={"Retry-After": "12"}),
            RateLimited,
            ExitCode.UNREACHABLE,
        ),
        (answer(423, None, headers={"Retry-After": "2"}), RateLimited, ExitCode.UNREACHABLE),
        (answer(500, webex_body("Internal")), ServerError, ExitCode.UNREACHABLE),
        (answer(503, text="<html>maintenance</html>"), ServerError, ExitCode.UNREACHABLE),
        (
            answer(404, text="<!doctype html><title>Not found</title>"),
            ProtocolError,
            ExitCode.UNREACHABLE,
        ),
        (answer(400, text="plain words"), ProtocolError, ExitCode.UNREACHABLE),
    ],
)
def test_each_answer_maps_to_its_class_with_a_message_and_a_next_step(
    response: httpx.Response, cls: type[WebexError], exit_code: ExitCode
) -> None:
    error = error_from_response(response)
    assert type(error) is cls
    assert isinstance(error, UserFacingError)
    assert error.exit_code == exit_code
    assert error.status == response.status_code
    assert error.message and error.next_step
    assert error.url == URL  # without the query, which may hold user names
    assert error.method == "GET"


def test_the_expired_token_tells_to_create_a_new_one_and_paste_it() -> None:
    error = error_from_response(answer(401, webex_body("Token expired")))
    assert isinstance(error, ExpiredToken) and isinstance(error, AuthError)
    assert "expired" in error.message
    assert "Create a new token" in error.next_step and "paste it" in error.next_step


def test_webex_body_fields_are_kept() -> None:
    error = error_from_response(answer(400, webex_body("Bad request", "userType is required")))
    assert error.detail == "Bad request; userType is required"
    assert error.tracking_id == "ROUTER_ABC"
    assert "[TrackingID ROUTER_ABC]" in str(error)


def test_the_tracking_id_header_wins_over_the_body() -> None:
    error = error_from_response(answer(500, webex_body("x"), headers={"TrackingID": "HEADER_1"}))
    assert error.tracking_id == "HEADER_1"


def test_retryable_is_true_only_where_a_retry_can_help() -> None:
    assert error_from_response(answer(429, None)).retryable
    assert error_from_response(answer(502, None)).retryable
    assert error_from_response(answer(504, webex_body("x"))).retryable
    assert error_from_response(answer(500, webex_body("x"))).retryable
    assert not error_from_response(answer(401, webex_body("x"))).retryable
    assert not error_from_response(answer(409, scim_body(409, "x", "uniqueness"))).retryable


def test_retry_after_in_seconds() -> None:
    error = error_from_response(answer(429, None, headers={"Retry-After": "12"}))
    assert isinstance(error, RateLimited)
    assert error.retry_after == 12.0
    assert error.severity == "warning"


def _chained(outer: Exception, inner: BaseException) -> Exception:
    outer.__cause__ = inner
    return outer


@pytest.mark.parametrize(
    ("exc", "kind", "sent", "says"),
    [
        (
            _chained(httpx.ConnectError("x"), socket.gaierror(-2, "Name or service not known")),
            "dns",
            False,
            "not found",
        ),
        (
            _chained(httpx.ConnectError("x"), ConnectionRefusedError(111, "Connection refused")),
            "refused",
            False,
            "refused",
        ),
        (
            _chained(
                httpx.ConnectError("x"),
                ssl.SSLCertVerificationError("certificate verify failed: self-signed"),
            ),
            "tls",
            False,
            "not trusted",
        ),
        (httpx.ConnectTimeout("timed out"), "timeout", False, "did not answer"),
        (httpx.ReadTimeout("timed out"), "timeout", True, "did not answer"),
        (
            httpx.RemoteProtocolError("Server disconnected without sending a response."),
            "reset",
            True,
            "lost",
        ),
    ],
)
def test_network_causes_are_named(exc: Exception, kind: str, sent: bool, says: str) -> None:
    error = network_error(exc, url=URL)
    assert isinstance(error, NetworkError)
    assert (error.kind, error.sent) == (kind, sent)
    assert says in error.message
    assert "webexapis.com" in error.message
    assert error.exit_code == ExitCode.UNREACHABLE


def test_an_untrusted_certificate_points_at_ssl_cert_file() -> None:
    error = network_error(
        _chained(
            httpx.ConnectError("x"), ssl.SSLCertVerificationError("certificate verify failed")
        ),
        url=URL,
    )
    assert "SSL_CERT_FILE" in error.next_step
    assert not error.retryable


def test_a_server_that_echoes_the_token_does_not_get_it_into_the_message() -> None:
    error = error_from_response(
        answer(400, webex_body(f"Header was Authorization: Bearer {TOKEN}"))
    )
    for text in (str(error), repr(error), str(error.to_dict()), error.detail or ""):
        assert TOKEN not in text


def test_the_request_headers_are_not_in_the_error() -> None:
    error = error_from_response(answer(401, webex_body("x")))
    assert TOKEN not in str(vars(error))
