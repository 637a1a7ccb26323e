"""The forms of the Graph sandbox's answers: a whole response, a JSON body, Graph's error body,
the authority's (AADSTS) error body, and the base64url text its tokens and links are made of.
"""

from __future__ import annotations

import base64
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from app.sandbox.graph.metadata import EntityMembers


@dataclass
class Response:
    status: int
    body: bytes
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)


def json_response(status: int, payload: Any, headers: dict[str, str] | None = None) -> Response:
    extra = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    return Response(
        status,
        json.dumps(payload, ensure_ascii=False).encode(),
        [(b"content-type", b"application/json; charset=utf-8"), *extra],
    )


def graph_error(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> Response:
    request_id = str(uuid.uuid4())
    payload = {
        "error": {
            "code": code,
            "message": message,
            "innerError": {"request-id": request_id, "client-request-id": request_id},
        }
    }
    return json_response(status, payload, headers)


def not_found(object_id: str) -> Response:
    return graph_error(
        404,
        "Request_ResourceNotFound",
        f"Resource '{object_id}' does not exist or one of its queried reference-property objects are not present.",
    )


def no_property(name: str, entity: EntityMembers) -> Response:
    return graph_error(
        400,
        "Request_BadRequest",
        f"Could not find a property named '{name}' on type '{entity.type_name}'.",
    )


def oauth_error(status: int, error: str, code: int, description: str) -> Response:
    return json_response(
        status,
        {
            "error": error,
            "error_description": f"AADSTS{code}: {description}",
            "error_codes": [code],
            "timestamp": time.strftime("%Y-%m-%d %H:%M:%SZ", time.gmtime()),
            "trace_id": str(uuid.uuid4()),
            "correlation_id": str(uuid.uuid4()),
        },
    )


def b64(data: dict[str, Any] | bytes) -> str:
    raw = data if isinstance(data, bytes) else json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unb64(text: str) -> dict[str, Any]:
    value = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    if not isinstance(value, dict):
        raise ValueError("not a token")
    return value


__all__ = [
    "Response",
    "b64",
    "graph_error",
    "json_response",
    "no_property",
    "not_found",
    "oauth_error",
    "unb64",
]
