"""The typed errors of the Webex target: each says what happened and what the admin does next.

Every error keeps the HTTP `status`, the SCIM `scim_type`, the server's `detail`, the Webex
`tracking_id` (for Cisco support) and whether the request may be `retryable`. None of them
ever holds the token: messages are built from fixed text and what the server answered.
"""

from __future__ import annotations

import json
import socket
import ssl
from typing import Any, ClassVar

import httpx

from app.errors import ExitCode, UserFacingError
from app.logging_setup import redact
from app.messages import Medium, Message, Template, Translate, english
from app.net import HttpLimitError
from app.retry import retry_after_seconds
from app.webex import error_messages as M
from app.webex.constants import CISCO_ERROR

NEW_CREDENTIAL_STEP = M.NEW_CREDENTIAL
ROLE_HELP = M.ROLE_HELP
_DETAIL_LIMIT = 500


class WebexError(UserFacingError):
    """An error answered by (or on the way to) the target."""

    exit_code = ExitCode.UNREACHABLE
    default_message: ClassVar[Template] = M.GENERIC
    default_next_step: ClassVar[Template] = M.TRY_LATER
    default_retryable: ClassVar[bool] = False

    def __init__(
        self,
        message: str | Message | None = None,
        next_step: str | Message | None = None,
        *,
        status: int | None = None,
        scim_type: str | None = None,
        detail: str | None = None,
        tracking_id: str | None = None,
        retryable: bool | None = None,
        method: str | None = None,
        url: str | None = None,
    ) -> None:
        super().__init__(
            message or self.default_message(),
            self.default_next_step() if next_step is None else next_step,
        )
        self.status = status
        self.scim_type = scim_type
        # A server could echo a header back; never let a bearer token through.
        self.detail = redact(detail[:_DETAIL_LIMIT]) if detail else detail
        self.tracking_id = tracking_id
        self.retryable = self.default_retryable if retryable is None else retryable
        self.method = method
        self.url = url

    def __str__(self) -> str:
        return self.render()

    def render(self, translate: Translate = english, medium: Medium = "cli") -> str:
        """The message, the server's detail, the next step and the trackingId, in the
        language of `translate` (the server's own words are shown as they came)."""
        message, next_step = self.texts(translate, medium)
        parts = [message]
        if self.detail and self.detail not in self.message:
            parts.append(M.DETAIL(detail=self.detail).render(translate, medium))
        if next_step:
            parts.append(next_step)
        if self.tracking_id:
            parts.append(M.TRACKING(tracking_id=self.tracking_id).render(translate, medium))
        return " ".join(parts)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status={self.status!r}, scim_type={self.scim_type!r}, "
            f"tracking_id={self.tracking_id!r}, retryable={self.retryable!r}, "
            f"message={self.message!r})"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "error": type(self).__name__,
            "message": self.message,
            "next_step": self.next_step,
            "status": self.status,
            "scim_type": self.scim_type,
            "detail": self.detail,
            "tracking_id": self.tracking_id,
            "retryable": self.retryable,
        }


class AuthError(WebexError):
    exit_code = ExitCode.AUTH
    default_message = M.TOKEN_REFUSED
    default_next_step = NEW_CREDENTIAL_STEP


class InvalidToken(AuthError):
    default_message = M.TOKEN_INVALID


class ExpiredToken(AuthError):
    default_message = M.TOKEN_EXPIRED


class PermissionDenied(WebexError):
    exit_code = ExitCode.AUTH
    default_message = M.NOT_ALLOWED
    default_next_step = ROLE_HELP


class NotAdmin(PermissionDenied):
    default_message = M.NOT_ADMIN


class MissingScope(PermissionDenied):
    default_message = M.MISSING_SCOPE
    default_next_step = M.MISSING_SCOPE_STEP


class WrongOrg(PermissionDenied):
    default_message = M.WRONG_ORG
    default_next_step = M.WRONG_ORG_STEP


class BadRequest(WebexError):
    exit_code = ExitCode.FAILURES
    default_message = M.BAD_REQUEST
    default_next_step = M.BAD_REQUEST_STEP


class NotFound(WebexError):
    exit_code = ExitCode.FAILURES
    default_message = M.NOT_FOUND
    default_next_step = M.NOT_FOUND_STEP


class Conflict(WebexError):
    exit_code = ExitCode.FAILURES
    default_message = M.CONFLICT
    default_next_step = M.CONFLICT_STEP


class RateLimited(WebexError):
    severity = "warning"
    default_message = M.RATE_LIMITED
    default_next_step = M.RATE_LIMITED_STEP
    default_retryable = True

    def __init__(self, *args: Any, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.retry_after = retry_after


class ServerError(WebexError):
    default_message = M.SERVER_ERROR
    default_next_step = M.SERVER_ERROR_STEP


class NetworkError(WebexError):
    default_message = M.UNREACHABLE
    default_next_step = M.UNREACHABLE_STEP
    default_retryable = True

    def __init__(self, *args: Any, kind: str = "other", sent: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind  # dns | refused | tls | timeout | reset | other
        # False when the request surely never left (DNS, refused, TLS): safe to resend a POST.
        self.sent = sent


class ProtocolError(WebexError):
    default_message = M.PROTOCOL
    default_next_step = M.PROTOCOL_STEP


def _json_body(response: httpx.Response) -> Any:
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if not response.content:
        return None
    if content_type and not content_type.endswith("json"):
        raise ValueError(content_type)
    return json.loads(response.content)


def describe_body(response: httpx.Response) -> Message:
    """ "an HTML page", "a body that is not JSON" or "a JSON body": for messages."""
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    head = response.content[:200].lstrip().lower()
    if "html" in content_type or head.startswith((b"<!doctype", b"<html")):
        return M.BODY_HTML()
    try:
        json.loads(response.content)
    except ValueError:
        return M.BODY_NOT_JSON()
    return M.BODY_JSON()


def _text_of(body: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """(detail, scim_type, tracking_id) from a SCIM error or a Webex error body."""
    detail = body.get("detail")
    if not isinstance(detail, str) or not detail:
        detail = body.get("message") if isinstance(body.get("message"), str) else None
        descriptions = [
            e.get("description")
            for e in body.get("errors") or []
            if isinstance(e, dict) and isinstance(e.get("description"), str)
        ]
        extra = [d for d in descriptions if d and d != detail]
        if extra:
            detail = "; ".join([detail, *extra] if detail else extra)
    scim_type = body.get("scimType") if isinstance(body.get("scimType"), str) else None
    tracking = body.get("trackingId") or body.get("trackingID")
    # Cisco's error extension on a SCIM error (Bulk answers): trackingId, errorCode, details.
    cisco = body.get(CISCO_ERROR)
    if isinstance(cisco, dict):
        tracking = tracking or cisco.get("trackingId")
        if not detail and isinstance(cisco.get("details"), str) and cisco["details"]:
            detail = cisco["details"]
    return detail, scim_type, tracking if isinstance(tracking, str) else None


def error_from_response(response: httpx.Response) -> WebexError:
    """The WebexError a failed response stands for (the caller checks that it failed)."""
    status = response.status_code
    tracking_id = response.headers.get("trackingid")
    try:
        request: httpx.Request | None = response.request
    except RuntimeError:  # a response built without a request (tests, recovered creates)
        request = None
    method = request.method if request is not None else None
    url = str(request.url.copy_with(query=None)) if request is not None else None
    common: dict[str, Any] = {"status": status, "method": method, "url": url}

    if status in (429, 423):
        return RateLimited(
            retry_after=retry_after_seconds(response.headers.get("retry-after")),
            tracking_id=tracking_id,
            **common,
        )
    try:
        body = _json_body(response)
    except (ValueError, UnicodeDecodeError):
        # A 500 with a web page instead of JSON is usually a proxy or a sign-in portal in
        # the way, not the target: say what came back rather than "try again".
        if status in (502, 503, 504):
            return ServerError(
                M.UNAVAILABLE(status=status),
                M.TRY_IN_MINUTES(),
                tracking_id=tracking_id,
                retryable=True,
                **common,
            )
        return ProtocolError(
            M.NOT_JSON(status=status, body=describe_body(response)),
            tracking_id=tracking_id,
            **common,
        )
    detail, scim_type, body_tracking = (
        _text_of(body) if isinstance(body, dict) else (None, None, None)
    )
    tracking_id = tracking_id or body_tracking
    common.update(detail=detail, scim_type=scim_type, tracking_id=tracking_id)
    lowered = (detail or "").lower()

    if status == 401:
        # RFC 6750: the WWW-Authenticate challenge may say error_description="...expired".
        challenge = response.headers.get("www-authenticate", "").lower()
        if "expired" in lowered or "expired" in challenge:
            return ExpiredToken(**common)
        return InvalidToken(**common)
    if status == 403:
        if "scope" in lowered:
            return MissingScope(**common)
        if "organization" in lowered or "organisation" in lowered or " org" in lowered:
            return WrongOrg(**common)
        if "admin" in lowered or "role" in lowered:
            return NotAdmin(**common)
        return PermissionDenied(**common)
    if status == 404:
        return NotFound(**common)
    if status == 409 or scim_type == "uniqueness":
        return Conflict(**common)
    if status >= 500:
        # Any 5xx may pass: reads are safe to repeat, and a create is looked up before it
        # is sent again (client.create), so retrying never provisions anyone twice.
        return ServerError(retryable=True, **common)
    if 400 <= status < 500:
        refused = (
            M.REFUSED_STATUS_TYPE(status=status, scim_type=scim_type)
            if scim_type
            else M.REFUSED_STATUS(status=status)
        )
        return BadRequest(refused, **common)
    return ProtocolError(M.UNEXPECTED_STATUS(status=status), **common)


def network_error(exc: BaseException, *, url: str | None = None) -> NetworkError:
    """A NetworkError that names the cause: host not found, refused, TLS, timeout, reset."""
    if isinstance(exc, HttpLimitError):  # our own deadline, body cap or dead proxy
        return NetworkError(
            exc.coded_message or exc.message,
            exc.coded_next_step or exc.next_step,
            kind=exc.kind,
            sent=exc.sent,
            retryable=exc.retryable,
            url=url,
        )
    chain = _cause_chain(exc)
    host: str | Message = httpx.URL(url).host if url else M.THE_TARGET()
    refused = _not_connected(chain, host, url)
    return refused if refused is not None else _cut_short(chain, host, url)


def _cause_chain(exc: BaseException) -> list[BaseException]:
    """The exception and its causes (or contexts), each once."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _has(
    chain: list[BaseException], kind: type[BaseException] | tuple[type[BaseException], ...]
) -> bool:
    return any(isinstance(e, kind) for e in chain)


def _not_connected(
    chain: list[BaseException], host: str | Message, url: str | None
) -> NetworkError | None:
    """A connection that never was (nothing sent): an untrusted certificate, a failed TLS
    handshake, a host not found, a refused connection; None when it is none of these."""
    text = " ".join(str(e) for e in chain).lower()
    if _has(chain, ssl.SSLCertVerificationError) or "certificate verify failed" in text:
        return NetworkError(
            M.CERT_UNTRUSTED(host=host),
            M.CERT_STEP(),
            kind="tls",
            sent=False,
            retryable=False,
            url=url,
        )
    if _has(chain, ssl.SSLError):
        return NetworkError(
            M.TLS_FAILED(host=host),
            M.TLS_STEP(),
            kind="tls",
            sent=False,
            retryable=False,
            url=url,
        )
    if (
        _has(chain, socket.gaierror)
        or "name or service not known" in text
        or "nodename nor servname" in text
    ):
        return NetworkError(
            M.DNS_FAILED(host=host),
            M.DNS_STEP(),
            kind="dns",
            sent=False,
            retryable=False,
            url=url,
        )
    if _has(chain, ConnectionRefusedError) or "connection refused" in text:
        return NetworkError(
            M.REFUSED(host=host),
            M.REFUSED_STEP(),
            kind="refused",
            sent=False,
            url=url,
        )
    return None


def _cut_short(chain: list[BaseException], host: str | Message, url: str | None) -> NetworkError:
    """A request that got no answer: a timeout, a connection that failed otherwise, or one
    lost before the answer arrived."""
    if _has(chain, (httpx.TimeoutException, TimeoutError)):
        connect = _has(chain, (httpx.ConnectTimeout, httpx.PoolTimeout))
        return NetworkError(
            M.TIMEOUT(host=host),
            M.TIMEOUT_STEP(),
            kind="timeout",
            sent=not connect,
            url=url,
        )
    if _has(chain, httpx.ConnectError):
        return NetworkError(
            M.NO_CONNECTION(host=host),
            M.NO_CONNECTION_STEP(),
            kind="other",
            sent=False,
            url=url,
        )
    return NetworkError(
        M.CUT_SHORT(host=host),
        M.CUT_SHORT_STEP(),
        kind="reset",
        sent=True,
        url=url,
    )
