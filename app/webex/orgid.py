"""Webex ids: the base64 `ciscospark://us/ORGANIZATION/<uuid>` form and the UUID form SCIM wants."""

from __future__ import annotations

import base64
import binascii
import re
import uuid as uuid_module
from dataclasses import dataclass

from app.errors import InputError
from app.webex import url_messages as M

_UUID_RE = re.compile(
    r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$"
)
_BASE64_RE = re.compile(r"^[A-Za-z0-9+/_-]+={0,2}$")
_WEBEX_ID_RE = re.compile(
    r"^ciscospark://(?P<region>[a-z0-9-]+)/(?P<kind>[A-Z_]+)/(?P<value>[^/\s]+)$"
)


class OrgIdError(InputError):
    """A value that is not a Webex organisation id (neither its UUID nor its base64 form)."""


@dataclass(frozen=True)
class WebexId:
    """A decoded Webex API id: `ciscospark://<region>/<kind>/<value>`."""

    region: str
    kind: str  # ORGANIZATION, PEOPLE, ROLE, LICENSE, ...
    value: str


def is_uuid(value: str) -> bool:
    return bool(_UUID_RE.match(value.strip()))


def canonical_uuid(value: str) -> str:
    """The lower-case, hyphenated form of a UUID string (raises ValueError if it is not one)."""
    return str(uuid_module.UUID(value.strip()))


def decode_webex_id(value: str) -> WebexId | None:
    """Decode a base64 Webex id (padded or not, standard or URL-safe alphabet); None if it is not one."""
    text = value.strip()
    if not text or not _BASE64_RE.match(text):
        return None
    text = text.rstrip("=")
    text += "=" * (-len(text) % 4)
    try:
        raw = base64.b64decode(text.replace("-", "+").replace("_", "/"), validate=True)
        decoded = raw.decode("ascii")
    except (binascii.Error, ValueError):
        return None
    match = _WEBEX_ID_RE.match(decoded)
    if match is None:
        return None
    return WebexId(match["region"], match["kind"], match["value"])


def encode_webex_id(kind: str, value: str, region: str = "us") -> str:
    """The base64 id Webex's REST API uses (without '=' padding, as Webex writes it)."""
    raw = f"ciscospark://{region}/{kind}/{value}".encode("ascii")
    return base64.b64encode(raw).decode("ascii").rstrip("=")


def org_uuid_from_org_id(value: str) -> str:
    """The organisation UUID from an orgId given as UUID or as base64 ORGANIZATION id.

    Raises OrgIdError saying what was pasted instead (a person id, another kind of id, or
    something that is no id at all).
    """
    text = value.strip()
    if is_uuid(text):
        return canonical_uuid(text)
    decoded = decode_webex_id(text)
    if decoded is None:
        raise OrgIdError(
            M.ORG_NOT_AN_ID(),
            M.ORG_NOT_AN_ID_STEP(),
        )
    if decoded.kind == "PEOPLE":
        raise OrgIdError(
            M.ORG_PERSON_ID(),
            M.ORG_PERSON_ID_STEP(),
        )
    if decoded.kind != "ORGANIZATION":
        raise OrgIdError(
            M.ORG_OTHER_ID(kind=decoded.kind.lower()),
            M.ORG_COPY_AGAIN(),
        )
    if not is_uuid(decoded.value):
        raise OrgIdError(
            M.ORG_NO_UUID(),
            M.ORG_NO_UUID_STEP(),
        )
    return canonical_uuid(decoded.value)


def org_id_from_uuid(org_uuid: str, region: str = "us") -> str:
    """The base64 orgId the People API uses, from the organisation UUID SCIM uses."""
    try:
        value = canonical_uuid(org_uuid)
    except ValueError:
        raise OrgIdError(
            M.ORG_UUID_INVALID(),
            M.ORG_UUID_INVALID_STEP(),
        ) from None
    return encode_webex_id("ORGANIZATION", value, region)
