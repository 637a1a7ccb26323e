"""Who a Webex sandbox token stands for and what it may do: the tokens the sandbox accepts
(`SandboxTokens`, each of a `TokenKind`), the bearer token of an Authorization header, Webex's
public id form (`webex_id`), Webex's 401, and the SCIM rights of each administrator role
(the spec's "The following administrators can use this API" of each operation).
"""

from __future__ import annotations

import base64
import enum
import secrets
from dataclasses import dataclass, fields

from scim2_models import ForbiddenException, UnauthorizedException

WEBEX_401_MESSAGE = (
    "The request requires a valid access token set in the Authorization request header."
)


def webex_id(kind: str, value: str) -> str:
    """Webex's public id form: base64 of `ciscospark://us/KIND/value`, without padding."""
    raw = f"ciscospark://us/{kind}/{value}".encode()
    return base64.b64encode(raw).decode("ascii").rstrip("=")


class TokenKind(enum.Enum):
    """Who a sandbox token stands for."""

    FULL_ADMIN = "full_admin"
    READONLY_ADMIN = "readonly_admin"
    USER_ADMIN = "user_admin"
    GROUP_ADMIN = "group_admin"
    BOT = "bot"
    EXPIRED = "expired"
    OTHER_ORG = "other_org"
    SCIM_APP = "scim_app"


@dataclass(frozen=True, repr=False)
class SandboxTokens:
    """The bearer tokens the sandbox accepts (sandbox-only: they open nothing but this sandbox).

    `full_admin` (id_full_admin), `readonly_admin` (id_readonly_admin: reads work, writes 403),
    `user_admin` (id_user_admin: users read and written, groups 403), `group_admin`
    (id_group_admin: groups read and written, users 403), `bot` (people/me says type bot;
    SCIM 403), `expired` (401), `other_org` (an admin of another org: people/me gives that
    org; SCIM here 403), `scim_app` (the generic SCIM application).
    """

    full_admin: str
    readonly_admin: str
    bot: str
    expired: str
    other_org: str
    scim_app: str
    user_admin: str
    group_admin: str

    @classmethod
    def generate(cls) -> SandboxTokens:
        return cls.from_dict({})

    def to_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, values: dict[str, str]) -> SandboxTokens:
        """The tokens kept in a state file; a kind the file predates gets a new token."""
        return cls(**{f.name: values.get(f.name) or secrets.token_urlsafe(32) for f in fields(cls)})

    def kind_of(self, token: str | None) -> TokenKind | None:
        if not token:
            return None
        for f in fields(self):
            if secrets.compare_digest(getattr(self, f.name), token):
                return TokenKind(f.name)
        return None

    def __repr__(self) -> str:  # the tokens stay out of logs and tracebacks
        return "SandboxTokens(<sandbox-only tokens hidden>)"


def bearer_token(authorization: str | None) -> str | None:
    scheme, _, token = (authorization or "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


class TokenRefused(UnauthorizedException):
    """401 with Webex's message; `expired` tells the WWW-Authenticate header which reason to give."""

    def __init__(self, *, expired: bool, missing: bool) -> None:
        super().__init__(detail=WEBEX_401_MESSAGE)
        self.expired = expired
        self.missing = missing


@dataclass(frozen=True)
class Principal:
    kind: TokenKind


@dataclass(frozen=True)
class AdminRights:
    """What an administrator's role lets a token do on SCIM (the spec's "The following
    administrators can use this API" of each operation)."""

    role: str
    reads: frozenset[str]  # resource type names
    writes: frozenset[str]


_USERS_AND_GROUPS = frozenset({"User", "Group"})
ADMIN_RIGHTS = {
    TokenKind.FULL_ADMIN: AdminRights("id_full_admin", _USERS_AND_GROUPS, _USERS_AND_GROUPS),
    TokenKind.READONLY_ADMIN: AdminRights("id_readonly_admin", _USERS_AND_GROUPS, frozenset()),
    TokenKind.USER_ADMIN: AdminRights("id_user_admin", frozenset({"User"}), frozenset({"User"})),
    TokenKind.GROUP_ADMIN: AdminRights(
        "id_group_admin", frozenset({"Group"}), frozenset({"Group"})
    ),
}
_PLURAL = {"User": "users", "Group": "groups"}


def check_rights(kind: TokenKind, resource_type: str, *, write: bool) -> None:
    """Raise 403 when the token's role may not read (or write) this resource type."""
    rights = ADMIN_RIGHTS.get(kind)
    if rights is None:  # bots and other orgs never get this far (check_auth)
        raise ForbiddenException(detail="The token has no administrative role in this org.")
    allowed = rights.writes if write else rights.reads
    if resource_type not in allowed:
        what = _PLURAL.get(resource_type, resource_type)
        raise ForbiddenException(
            detail=f"An administrator with the role {rights.role} cannot "
            f"{'change' if write else 'read'} {what}."
        )


__all__ = [
    "ADMIN_RIGHTS",
    "WEBEX_401_MESSAGE",
    "AdminRights",
    "Principal",
    "SandboxTokens",
    "TokenKind",
    "TokenRefused",
    "bearer_token",
    "check_rights",
    "webex_id",
]
