"""The error bodies the Webex sandbox answers with: SCIM's, Webex's own, Cisco's error code, and
the TrackingID of the request being answered.
"""

from __future__ import annotations

import contextvars
from typing import Any

from app.webex.constants import SCIM_ERROR

# The TrackingID of the request being answered (set by the server for each Webex request):
# the parts of an answer that carry it in their body (a Bulk operation's error) read it here.
TRACKING_ID: contextvars.ContextVar[str] = contextvars.ContextVar(
    "sandbox_tracking_id", default="SANDBOX_UNTRACKED"
)


# Cisco's error extension gives a number for each kind of error; the spec lists none, so the
# sandbox's are its own: the HTTP status, then one digit for the SCIM error type.
_ERROR_KINDS = ("", "invalidValue", "invalidFilter", "invalidSyntax", "uniqueness", "mutability",
                "noTarget", "invalidPath", "tooMany", "invalidVers")  # fmt: skip


def cisco_error_code(status: str, scim_type: Any) -> str:
    kind = _ERROR_KINDS.index(scim_type) if scim_type in _ERROR_KINDS else 0
    return f"{status}{kind:03d}"


def webex_error_body(message: str, tracking_id: str) -> dict[str, Any]:
    """Webex's non-SCIM error body."""
    return {"message": message, "errors": [{"description": message}], "trackingId": tracking_id}


def scim_error_body(status: int, detail: str, scim_type: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "schemas": [SCIM_ERROR],
        "status": str(status),
        "detail": detail,
    }
    if scim_type:
        body["scimType"] = scim_type
    return body


__all__ = [
    "TRACKING_ID",
    "cisco_error_code",
    "scim_error_body",
    "webex_error_body",
]
