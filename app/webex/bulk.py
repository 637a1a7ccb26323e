"""SCIM Bulk without I/O: the operations and JSON bodies of a request, and its answer read.

The request is built as JSON here, not through scim2-client: validating each operation's
data with scim2-models cost more than a millisecond a user, on the event loop, for payloads
the Mapper built valid. A body stays under the target's maxPayloadSize (a chunk too big is
halved), and the answer is read tolerantly, each failed operation with its own error.
WebexClient.bulk sends what this module builds.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

import httpx

from app.webex import scim_messages as M
from app.webex.constants import BULK_REQUEST
from app.webex.error_messages import BODY_JSON
from app.webex.errors import (
    BadRequest,
    ProtocolError,
    WebexError,
    describe_body,
    error_from_response,
)
from app.webex.shapes import BulkMethod, BulkOperation, ScimPayload


@dataclass(frozen=True)
class BulkResult:
    """The outcome of one bulk operation."""

    method: str
    bulk_id: str | None
    path: str | None
    status: int
    location: str | None
    resource_id: str | None
    response: ScimPayload | None
    error: WebexError | None

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


def prepared_operation(operation: BulkOperation) -> BulkOperation:
    """The operation as sent: its method upper-case, a POST with a bulkId (made when none)."""
    op = operation.copy()
    method = str(op.get("method", "")).upper()
    op["method"] = cast(BulkMethod, method)
    if method == "POST" and not op.get("bulkId"):
        op["bulkId"] = uuid.uuid4().hex
    return op


def request_bodies(
    chunk: list[BulkOperation], *, webex: bool, max_bytes: int | None
) -> list[tuple[list[BulkOperation], bytes]]:
    """The JSON bodies of one chunk of operations: halved until each is under `max_bytes`."""
    # Cisco's spec spells the list "operations" (BulkUser); SCIM attribute names are
    # case-insensitive (RFC 7643, 2.1), and a generic app gets RFC 7644's "Operations".
    key = "operations" if webex else "Operations"
    body = json.dumps(
        {"schemas": [BULK_REQUEST], key: chunk},
        ensure_ascii=False,
        separators=(",", ":"),
        allow_nan=False,
    ).encode()
    if max_bytes is None or len(body) <= max_bytes:
        return [(chunk, body)]
    if len(chunk) == 1:
        raise BadRequest(
            M.BULK_TOO_LARGE(size=f"{len(body):,}", most=f"{max_bytes:,}"),
            M.BULK_TOO_LARGE_STEP(),
            retryable=False,
        )
    half = len(chunk) // 2
    return [
        *request_bodies(chunk[:half], webex=webex, max_bytes=max_bytes),
        *request_bodies(chunk[half:], webex=webex, max_bytes=max_bytes),
    ]


def answer_json(response: httpx.Response) -> Any:
    """The JSON of a bulk answer; ProtocolError when it is not SCIM (or plain) JSON."""
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        if content_type not in ("application/scim+json", "application/json"):
            raise ValueError(content_type)
        return response.json()
    except ValueError:
        what = describe_body(response)
        if what.code == BODY_JSON.code:  # JSON, under a content type SCIM does not use
            what = M.BULK_TYPED_BODY(content_type=content_type or M.BULK_UNTYPED())
        raise ProtocolError(
            M.BULK_NOT_SCIM(status=response.status_code, what=what),
            status=response.status_code,
            tracking_id=response.headers.get("trackingid"),
        ) from None


def results(sent: list[BulkOperation], raw: Any) -> list[BulkResult]:
    """One BulkResult per operation of the answer, matched to what was sent by position."""
    if not isinstance(raw, dict) or not isinstance(raw.get("Operations"), list):
        raise ProtocolError(M.BULK_NO_OPERATIONS())
    found = []
    for index, item in enumerate(raw["Operations"]):
        if not isinstance(item, dict):
            raise ProtocolError(M.BULK_NOT_OBJECT())
        request: Mapping[str, Any] = sent[index] if index < len(sent) else {}
        status = _status_int(item.get("status"))
        response = item.get("response") if isinstance(item.get("response"), dict) else None
        location = item.get("location") if isinstance(item.get("location"), str) else None
        resource_id = (response or {}).get("id") or (
            location.rstrip("/").rsplit("/", 1)[-1] if location else None
        )
        error = None
        if not 200 <= status < 300:
            error = _error(status, response)
        found.append(
            BulkResult(
                method=str(item.get("method") or request.get("method") or ""),
                bulk_id=item.get("bulkId") or request.get("bulkId"),
                path=request.get("path"),
                status=status,
                location=location,
                resource_id=resource_id if isinstance(resource_id, str) else None,
                response=response,
                error=error,
            )
        )
    return found


def _status_int(value: Any) -> int:
    if isinstance(value, dict):  # RFC 7644 examples once had {"code": "201"}
        value = value.get("code")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ProtocolError(M.BULK_BAD_STATUS(value=repr(value))) from None


def _error(status: int, response: ScimPayload | None) -> WebexError:
    body = response or {}
    synthetic = httpx.Response(status, json=body)
    return error_from_response(synthetic)
