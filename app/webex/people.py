"""`GET /v1/people/me` ("Get My Own Details") as a typed result, and what its roles allow."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import httpx

from app.messages import Message
from app.net import DEFAULT_TIMEOUT, make_async_client
from app.webex import scim_messages as M
from app.webex.concurrency import AdaptiveLimiter
from app.webex.errors import ProtocolError
from app.webex.orgid import OrgIdError, decode_webex_id, org_uuid_from_org_id
from app.webex.tokens import clean_token
from app.webex.transport import BearerToken, RetryPolicy, Transport

# Someone waits at the screen: two attempts within ten seconds.
INTERACTIVE_RETRY = RetryPolicy(max_attempts=2, max_total_seconds=10.0, base_delay=0.5)

PersonType = Literal["person", "bot", "appuser", "unknown"]

# Admin roles of Cisco's spec (the "administrators can use this API" lists of SCIM Users
# and Groups). A role id decodes to ciscospark://<region>/ROLE/<name>. Users are written by a
# full or user admin, groups by a full or group admin; the other admin roles read (or not).
# A role not listed here is "unknown": we never guess.
ADMIN_ROLES: dict[str, str] = {
    "id_full_admin": "full admin",
    "id_user_admin": "user admin",
    "id_group_admin": "group admin",
    "id_readonly_admin": "read-only admin",
    "id_device_admin": "device admin",
}
ROLES_THAT_WRITE_USERS: dict[str, str] = {
    "id_full_admin": "full admin",
    "id_user_admin": "user admin",
}
ROLES_THAT_WRITE_GROUPS: dict[str, str] = {
    "id_full_admin": "full admin",
    "id_group_admin": "group admin",
}
ROLES_THAT_ONLY_READ_USERS: dict[str, str] = {
    name: words for name, words in ADMIN_ROLES.items() if name not in ROLES_THAT_WRITE_USERS
}
_ROLE_NAME = re.compile(r"^id_[a-z_]+$")


def role_said(name: str) -> Message:
    """An admin role (id_full_admin...) in words, as a coded message; an unknown one: its name."""
    return M.ROLES[name]() if name in M.ROLES else M.OTHER_ROLE(name=name)


@dataclass(frozen=True)
class PeopleMe:
    """Who the token belongs to: the answer of people/me."""

    id: str
    display_name: str
    emails: tuple[str, ...]
    org_id: str  # base64 form, as the People API gives it
    org_uuid: str  # the UUID form SCIM uses
    type: PersonType
    roles: tuple[str, ...] = ()
    status: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def primary_email(self) -> str | None:
        return self.emails[0] if self.emails else None

    @property
    def role_names(self) -> tuple[str, ...]:
        """The decoded role names (id_full_admin, ...); roles that do not decode are left out."""
        names = []
        for role in self.roles:
            decoded = decode_webex_id(role)
            if decoded is not None and decoded.kind == "ROLE":
                names.append(decoded.value)
            elif _ROLE_NAME.match(role):
                names.append(role)
        return tuple(names)

    def can_write_users(self) -> bool | None:
        """True or False when the roles tell it; None when they do not (unknown roles)."""
        return self._can_write(ROLES_THAT_WRITE_USERS)

    def can_write_groups(self) -> bool | None:
        """May the token create and change groups? None when the roles do not tell."""
        return self._can_write(ROLES_THAT_WRITE_GROUPS)

    def _can_write(self, writers: dict[str, str]) -> bool | None:
        names = self.role_names
        if any(name in writers for name in names):
            return True
        if not self.roles or len(names) != len(self.roles):
            return None
        if all(name in ADMIN_ROLES for name in names):
            return False
        return None

    def role_words(self) -> str:
        """The roles in words ("user admin, read-only admin"), for messages."""
        return str(self.roles_said())

    def roles_said(self) -> Message:
        """The roles in words, as a coded message (a role we do not know: its own name)."""
        names = self.role_names or self.roles
        if not names:
            return M.NO_ADMIN_ROLE()
        said = role_said(names[-1])
        for name in reversed(names[:-1]):
            said = M.ROLE_LIST(first=role_said(name), rest=said)
        return said

    @classmethod
    def from_json(cls, data: Any) -> PeopleMe:
        if not isinstance(data, dict):
            raise ProtocolError(M.PEOPLE_ME_NOT_OBJECT())
        person_id, org_id = data.get("id"), data.get("orgId")
        if not isinstance(person_id, str) or not isinstance(org_id, str):
            raise ProtocolError(
                M.PEOPLE_ME_NO_ID(),
                M.PEOPLE_ME_NO_ID_STEP(),
            )
        try:
            org_uuid = org_uuid_from_org_id(org_id)
        except OrgIdError:
            raise ProtocolError(M.PEOPLE_ME_BAD_ORG()) from None
        kind = data.get("type")
        emails = data.get("emails") or []
        roles = data.get("roles") or []
        return cls(
            id=person_id,
            display_name=str(data.get("displayName") or ""),
            emails=tuple(str(e) for e in emails if isinstance(e, str)),
            org_id=org_id,
            org_uuid=org_uuid,
            type=kind if kind in ("person", "bot", "appuser") else "unknown",
            roles=tuple(str(r) for r in roles if isinstance(r, str)),
            status=data.get("status") if isinstance(data.get("status"), str) else None,
            first_name=data.get("firstName") if isinstance(data.get("firstName"), str) else None,
            last_name=data.get("lastName") if isinstance(data.get("lastName"), str) else None,
            raw=data,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "display_name": self.display_name,
            "emails": list(self.emails),
            "org_id": self.org_id,
            "org_uuid": self.org_uuid,
            "type": self.type,
            "roles": list(self.role_names) or list(self.roles),
            "status": self.status,
        }


async def read_people_me(transport: Transport, url: str) -> PeopleMe:
    response = await transport.send("GET", url)
    try:
        data = response.json()
    except ValueError:
        raise ProtocolError(
            M.PEOPLE_ME_NOT_JSON(),
            status=response.status_code,
            tracking_id=response.headers.get("trackingid"),
        ) from None
    return PeopleMe.from_json(data)


async def fetch_people_me(
    people_me_url: str,
    token: str,
    *,
    extra_ca: Path | None = None,
    http_timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    retry_policy: RetryPolicy | None = None,
) -> PeopleMe:
    """GET people/me at an explicit URL (before a tenant URL with its orgId exists).

    An admin waits for this answer: a short retry budget, not the engine's long one.
    """
    token = clean_token(token)
    async with make_async_client(
        headers={"Accept": "application/json"},
        timeout=http_timeout,
        extra_ca=extra_ca,
        auth=BearerToken(token),
    ) as http:
        transport = Transport(
            http, limiter=AdaptiveLimiter(1), policy=retry_policy or INTERACTIVE_RETRY
        )
        return await read_people_me(transport, people_me_url)
