"""GET /v1/people/me and /v1/authorizations/tokenExpiry as the Webex sandbox answers them: the
person (or bot) behind each token, its roles and org, and when a token expires.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from app.sandbox.webex_tokens import (
    WEBEX_401_MESSAGE,
    SandboxTokens,
    TokenKind,
    bearer_token,
    webex_id,
)

# A fixed, plausible creation date for the people/me records.
_PEOPLE_CREATED = "2024-03-18T09:12:44.000Z"


@dataclass(frozen=True)
class PeopleRecord:
    """The person (or bot) a token belongs to."""

    kind: TokenKind
    person_uuid: str
    org_uuid: str
    emails: tuple[str, ...]
    display_name: str
    first_name: str | None
    last_name: str | None
    roles: tuple[str, ...]
    type: str  # person | bot

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "id": webex_id("PEOPLE", self.person_uuid),
            "emails": list(self.emails),
            "phoneNumbers": [],
            "displayName": self.display_name,
        }
        if self.first_name:
            body["nickName"] = self.first_name
            body["firstName"] = self.first_name
        if self.last_name:
            body["lastName"] = self.last_name
        body.update(
            {
                "orgId": webex_id("ORGANIZATION", self.org_uuid),
                "roles": [webex_id("ROLE", role) for role in self.roles],
                "licenses": [webex_id("LICENSE", f"{self.org_uuid}_MS")]
                if self.type == "person"
                else [],
                "created": _PEOPLE_CREATED,
                "lastModified": _PEOPLE_CREATED,
                "status": "active",
                "invitePending": "false",
                "loginEnabled": "true",
                "type": self.type,
            }
        )
        return body


def people_records(org_uuid: str) -> dict[TokenKind, PeopleRecord]:
    """The people behind the tokens; ids derive from the org so they survive restarts."""
    namespace = uuid.UUID(org_uuid)
    other_org = str(uuid.uuid5(namespace, "other-org"))

    def person_uuid(name: str) -> str:
        return str(uuid.uuid5(namespace, name))

    return {
        TokenKind.FULL_ADMIN: PeopleRecord(
            TokenKind.FULL_ADMIN,
            person_uuid("full-admin"),
            org_uuid,
            ("camille.martin@example.com",),
            "Camille Martin",
            "Camille",
            "Martin",
            ("id_full_admin",),
            "person",
        ),
        TokenKind.READONLY_ADMIN: PeopleRecord(
            TokenKind.READONLY_ADMIN,
            person_uuid("readonly-admin"),
            org_uuid,
            ("oliver.hughes@example.com",),
            "Oliver Hughes",
            "Oliver",
            "Hughes",
            ("id_readonly_admin",),
            "person",
        ),
        TokenKind.USER_ADMIN: PeopleRecord(
            TokenKind.USER_ADMIN,
            person_uuid("user-admin"),
            org_uuid,
            ("lucie.girard@example.com",),
            "Lucie Girard",
            "Lucie",
            "Girard",
            ("id_user_admin",),
            "person",
        ),
        TokenKind.GROUP_ADMIN: PeopleRecord(
            TokenKind.GROUP_ADMIN,
            person_uuid("group-admin"),
            org_uuid,
            ("harry.walker@example.com",),
            "Harry Walker",
            "Harry",
            "Walker",
            ("id_group_admin",),
            "person",
        ),
        TokenKind.BOT: PeopleRecord(
            TokenKind.BOT,
            person_uuid("bot"),
            org_uuid,
            ("sandbox-helper@webex.bot",),
            "Sandbox Helper",
            None,
            None,
            (),
            "bot",
        ),
        TokenKind.OTHER_ORG: PeopleRecord(
            TokenKind.OTHER_ORG,
            str(uuid.uuid5(uuid.UUID(other_org), "full-admin")),
            other_org,
            ("jeanne.roux@other.example.com",),
            "Jeanne Roux",
            "Jeanne",
            "Roux",
            ("id_full_admin",),
            "person",
        ),
    }


def people_me(
    tokens: SandboxTokens, records: dict[TokenKind, PeopleRecord], authorization: str | None
) -> tuple[int, dict[str, Any], dict[str, str]]:
    """Answer GET /v1/people/me: (status, body without trackingId, extra headers)."""
    kind = tokens.kind_of(bearer_token(authorization))
    record = records.get(kind) if kind is not None else None
    if record is None:
        challenge = 'Bearer realm="Webex", error="invalid_token"'
        if kind is TokenKind.EXPIRED:
            challenge += ', error_description="The access token expired"'
        body = {"message": WEBEX_401_MESSAGE, "errors": [{"description": WEBEX_401_MESSAGE}]}
        return 401, body, {"WWW-Authenticate": challenge}
    return 200, record.to_json(), {}


def token_expiry(
    tokens: SandboxTokens, authorization: str | None, expires_ms: int
) -> tuple[int, dict[str, Any], dict[str, str]]:
    """Answer GET /v1/authorizations/tokenExpiry: {"exp": epoch ms} for a token Webex knows
    (the spec's getTokenExpirationStatus); 401 as people/me answers for any other."""
    kind = tokens.kind_of(bearer_token(authorization))
    if kind is None or kind in (TokenKind.EXPIRED, TokenKind.SCIM_APP):
        return people_me(tokens, {}, authorization)
    return 200, {"exp": expires_ms}, {}


__all__ = [
    "PeopleRecord",
    "people_me",
    "people_records",
    "token_expiry",
]
