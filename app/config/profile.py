"""The Profile model: everything a provisioning set-up needs except its secrets, saved as TOML.

A profile names one target (a Webex tenant or another SCIM 2.0 application), one source
(a CSV file or Microsoft Entra ID), the mappings and scoping filters, the schedule, the
failure e-mail settings and the safety settings. Secrets (the Webex token, an Entra client
secret, an SMTP password) are never fields of this model: they live in the keyring
(app.config.secrets), so a profile file or an export can be shared without leaking one.
"""

from __future__ import annotations

import codecs
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import tomli_w
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

from app.config import config_messages as said
from app.config.config_messages import CodedValueError, Listed, joined
from app.config.defaults import default_mapping_set
from app.config.rules import MappingSet, ScopingFilter
from app.errors import InputError
from app.messages import Message
from app.net import is_loopback_host
from app.webex.urls import TenantUrlError, parse_tenant_url

PROFILE_NAME_RULE = "letters, digits, - and _ (at most 64)"
_PROFILE_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
# Profile names become file names; these are refused by Windows whatever the extension.
_RESERVED_FILE_NAMES = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"com{i}" for i in range(1, 10)]
    + [f"lpt{i}" for i in range(1, 10)]
)

DEFAULT_AUTHORITY = "https://login.microsoftonline.com"
DEFAULT_GRAPH_URL = "https://graph.microsoft.com"
DEFAULT_APP_NAME = "Cisco Webex"

TargetKind = Literal["webex", "scim"]
SourceKind = Literal["csv", "entra"]


class ProfileInvalid(InputError):
    """A profile (a file, an import or command-line options) does not validate."""


def profile_name_message(name: str) -> Message | None:
    """Why `name` cannot be a profile name, as a coded message, or None when it can."""
    if not _PROFILE_NAME.fullmatch(name):
        return said.NAME_RULE(name=name)
    if name.lower() in _RESERVED_FILE_NAMES:
        return said.NAME_RESERVED(name=name)
    return None


def profile_name_problem(name: str) -> str | None:
    """Why `name` cannot be a profile name, in plain words, or None when it can."""
    problem = profile_name_message(name)
    return str(problem) if problem is not None else None


def check_profile_name(name: str) -> str:
    """`name` if it is a valid profile name, else InputError saying what is allowed."""
    problem = profile_name_message(name)
    if problem:
        raise InputError(problem, said.NAME_NEXT())
    return name


_EMAIL_DOMAIN_LABEL = re.compile(r"[^\W_](?:[\w-]*[^\W_])?")


def looks_like_email(text: str) -> bool:
    """A practical e-mail check: one @, no spaces, a dotted domain with a top-level part.

    Not RFC 5322 in full (quoted local parts are refused): Webex wants ordinary addresses,
    and a typo such as a missing @ or a space is what this is here to catch.
    """
    local, at, domain = text.partition("@")
    if not at or not local or "@" in domain or any(c.isspace() for c in text):
        return False
    if any(c in local for c in '<>()[]\\,;:"') or local.startswith(".") or local.endswith("."):
        return False
    labels = domain.split(".")
    if len(labels) < 2 or len(labels[-1]) < 2:
        return False
    return all(_EMAIL_DOMAIN_LABEL.fullmatch(label) for label in labels)


_DURATION = re.compile(r"(?:(?P<d>\d+)d)?(?:(?P<h>\d+)h)?(?:(?P<m>\d+)(?:m|min)?)?")


def parse_every(text: str) -> int:
    """A cycle interval in minutes from '40m', '2h', '1h30m', '1d' or '90' (minutes)."""
    compact = "".join(text.split()).lower()
    match = _DURATION.fullmatch(compact)
    if not compact or match is None or not any(match.groupdict().values()):
        raise InputError(said.NOT_A_DURATION(text=text), said.DURATION_NEXT())
    minutes = int(match["d"] or 0) * 1440 + int(match["h"] or 0) * 60 + int(match["m"] or 0)
    if minutes < 1:
        raise InputError(said.TOO_SHORT(text=text), said.TOO_SHORT_NEXT())
    return minutes


def _https_or_loopback(url: str, what: Message) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise CodedValueError(said.NOT_FULL_URL(what=what, url=url))
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise CodedValueError(said.PLAIN_HTTP(what=what, url=url))
    return url


def _tenant_kind(url: str) -> TargetKind:
    """Webex or a generic SCIM 2.0 application, as the tenant URL tells."""
    return parse_tenant_url(url).kind


def _check_tenant_url(url: str) -> str:
    url = url.strip()
    if not url:
        raise CodedValueError(said.TENANT_URL_EMPTY())
    try:
        parse_tenant_url(url)
    except TenantUrlError as exc:
        whole = exc.said()
        raise (
            CodedValueError(whole) if isinstance(whole, Message) else ValueError(whole)
        ) from None
    return url


class Target(BaseModel):
    """Where users are provisioned: a Webex tenant or another SCIM 2.0 application."""

    model_config = ConfigDict(extra="forbid")

    tenant_url: str
    kind: TargetKind = "webex"

    @model_validator(mode="before")
    @classmethod
    def _kind_from_url(cls, data: Any) -> Any:
        # Without an explicit kind, the URL tells: a Webex SCIM URL or any other SCIM base.
        if (
            isinstance(data, dict)
            and "kind" not in data
            and isinstance(data.get("tenant_url"), str)
        ):
            try:
                kind = _tenant_kind(data["tenant_url"].strip())
            except (InputError, ValueError):  # the field validator reports the bad URL
                return data
            data = {**data, "kind": kind}
        return data

    @field_validator("tenant_url")
    @classmethod
    def _tenant_url(cls, value: str) -> str:
        return _check_tenant_url(value)


class CsvSettings(BaseModel):
    """A CSV export with a header row; see app/directory/csv/ for how it is read."""

    model_config = ConfigDict(extra="forbid")

    path: Path
    user_name_column: str = "userPrincipalName"
    encoding: str = "auto"  # auto: UTF-8 (BOM or not), UTF-16 (BOM), else cp1252
    delimiter: str = "auto"  # auto: comma, semicolon or tab, sniffed from the header
    group_columns: list[str] = Field(default_factory=list)
    skip_invalid: bool = False
    # A larger file is refused before it is read (issue 22: /dev/zero, a wrong file).
    max_file_mb: int = Field(default=1024, ge=1)

    @field_validator("path")
    @classmethod
    def _path(cls, value: Path) -> Path:
        if not str(value).strip() or str(value) == ".":
            raise CodedValueError(said.CSV_PATH_EMPTY())
        return value

    @field_validator("user_name_column")
    @classmethod
    def _column(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise CodedValueError(said.USER_NAME_COLUMN_EMPTY())
        return value

    @field_validator("encoding")
    @classmethod
    def _encoding(cls, value: str) -> str:
        value = value.strip()
        if value.lower() == "auto":
            return "auto"
        try:
            codecs.lookup(value)
        except LookupError:
            raise CodedValueError(said.UNKNOWN_ENCODING(value=value)) from None
        return value

    @field_validator("delimiter")
    @classmethod
    def _delimiter(cls, value: str) -> str:
        if value.lower() == "auto":
            return "auto"
        if value.lower() == "tab":
            return "\t"
        if len(value) != 1 or value in '"\r\n' or value.isalnum():
            raise CodedValueError(said.BAD_DELIMITER(value=value))
        return value

    @field_validator("group_columns")
    @classmethod
    def _group_columns(cls, value: list[str]) -> list[str]:
        columns = [column.strip() for column in value]
        if any(not column for column in columns):
            raise CodedValueError(said.GROUP_COLUMN_EMPTY())
        if len({c.lower() for c in columns}) != len(columns):
            raise CodedValueError(said.GROUP_COLUMN_TWICE())
        return columns


class EntraSettings(BaseModel):
    """Microsoft Entra ID through Microsoft Graph, signed in with msal."""

    model_config = ConfigDict(extra="forbid")

    tenant_id: str
    client_id: str
    auth: Literal["client_secret", "device_code"] = "client_secret"
    app_name: str = DEFAULT_APP_NAME  # the enterprise application whose assignments count
    app_id: str | None = None  # chosen by appId instead of by name when given
    authority: str = DEFAULT_AUTHORITY
    graph_url: str = DEFAULT_GRAPH_URL
    ca_file: Path | None = None  # a private CA (a proxy's or the sandbox's), PEM

    @field_validator("tenant_id", "client_id")
    @classmethod
    def _identifier(cls, value: str) -> str:
        value = value.strip()
        if not value or not re.fullmatch(r"[A-Za-z0-9._-]+", value):
            raise CodedValueError(said.BAD_IDENTIFIER(value=value))
        return value

    @field_validator("app_id")
    @classmethod
    def _app_id(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip()
        if not re.fullmatch(r"[A-Za-z0-9-]+", value):
            raise CodedValueError(said.BAD_APP_ID(value=value))
        return value

    @field_validator("app_name")
    @classmethod
    def _app_name(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise CodedValueError(said.APP_NAME_EMPTY())
        return value

    @field_validator("authority")
    @classmethod
    def _authority(cls, value: str) -> str:
        return _https_or_loopback(value, said.AUTHORITY()).rstrip("/")

    @field_validator("graph_url")
    @classmethod
    def _graph_url(cls, value: str) -> str:
        return _https_or_loopback(value, said.GRAPH()).rstrip("/")


class SourceSettings(BaseModel):
    """The directory users come from; the settings of the kind chosen are required."""

    model_config = ConfigDict(extra="forbid")

    kind: SourceKind
    csv: CsvSettings | None = None
    entra: EntraSettings | None = None

    @model_validator(mode="after")
    def _settings_for_kind(self) -> SourceSettings:
        if self.kind == "csv" and self.csv is None:
            raise CodedValueError(said.CSV_MISSING())
        if self.kind == "entra" and self.entra is None:
            raise CodedValueError(said.ENTRA_MISSING())
        return self


class ScheduleSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    every_minutes: int = Field(default=40, ge=1, le=7 * 24 * 60)


class SmtpSettings(BaseModel):
    """The mail server for failure e-mail; its password is in the keyring ("smtp-password")."""

    model_config = ConfigDict(extra="forbid")

    host: str = ""
    port: int = Field(default=587, ge=1, le=65535)
    security: Literal["none", "starttls", "tls"] = "starttls"
    user: str = ""
    sender: str = ""

    @field_validator("host", "user")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @field_validator("sender")
    @classmethod
    def _sender(cls, value: str) -> str:
        value = value.strip()
        if value and not looks_like_email(value):
            raise CodedValueError(said.BAD_SENDER(value=value))
        return value


class NotificationSettings(BaseModel):
    """The tutorial's "Notification Email" step: who is told when provisioning fails."""

    model_config = ConfigDict(extra="forbid")

    emails: list[str] = Field(default_factory=list)
    send_on_failure: bool = False
    smtp: SmtpSettings = Field(default_factory=SmtpSettings)
    # The failure e-mail's language: "system" (the computer's locale), "en" or "fr".
    language: Literal["system", "en", "fr"] = "system"

    @field_validator("emails")
    @classmethod
    def _emails(cls, value: list[str]) -> list[str]:
        emails = [email.strip() for email in value if email.strip()]
        for email in emails:
            if not looks_like_email(email):
                raise CodedValueError(said.NOT_AN_EMAIL(value=email))
        return emails

    @model_validator(mode="after")
    def _complete_when_on(self) -> NotificationSettings:
        if self.send_on_failure and not self.emails:
            raise CodedValueError(said.NO_RECIPIENT())
        if self.send_on_failure and not self.smtp.host:
            raise CodedValueError(said.NO_SMTP_HOST())
        return self


class SafetySettings(BaseModel):
    """Guards against mass changes: above a threshold, nothing is disabled or deleted."""

    model_config = ConfigDict(extra="forbid")

    deletion_threshold_count: int = Field(default=500, ge=0)
    deletion_threshold_percent: int = Field(default=20, ge=0, le=100)
    skip_out_of_scope_deletions: bool = False
    allow_hard_delete: bool = False


class Profile(BaseModel):
    """One provisioning set-up. Saved as `<name>.toml` by app.config.store.ProfileStore."""

    model_config = ConfigDict(extra="forbid")

    name: str
    # Unique to each creation of a profile, and written in its state file too: a profile
    # deleted and created again under the same name never reads the old one's state.
    id: str = Field(default="", max_length=64, pattern=r"^[0-9a-f]*$")
    target: Target
    source: SourceSettings
    mappings: MappingSet = Field(default_factory=MappingSet)
    scoping: list[ScopingFilter] = Field(default_factory=list)
    scope: Literal["assigned", "all"] = "assigned"
    provisioning_enabled: bool = False
    schedule: ScheduleSettings = Field(default_factory=ScheduleSettings)
    notifications: NotificationSettings = Field(default_factory=NotificationSettings)
    safety: SafetySettings = Field(default_factory=SafetySettings)
    concurrency_cap: int = Field(default=16, ge=1, le=100)
    retention_days: int = Field(default=30, ge=1, le=3650)

    @model_validator(mode="before")
    @classmethod
    def _default_mappings(cls, data: Any) -> Any:
        # The default mappings depend on the target kind, which a default_factory cannot see.
        if isinstance(data, dict) and "mappings" not in data:
            kind: TargetKind = "webex"
            target = data.get("target")
            if isinstance(target, Target):
                kind = target.kind
            elif isinstance(target, dict) and target.get("kind") in ("webex", "scim"):
                kind = target["kind"]
            elif isinstance(target, dict) and isinstance(target.get("tenant_url"), str):
                try:
                    kind = _tenant_kind(target["tenant_url"].strip())
                except (InputError, ValueError):  # the target's own validator reports it
                    kind = "webex"
            data = {**data, "mappings": default_mapping_set(kind)}
        return data

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        problem = profile_name_message(value)
        if problem:
            raise CodedValueError(problem)
        return value


def _describe(error: ErrorDetails, labels: Mapping[str, str]) -> Message:
    where = ".".join(str(part) for part in error["loc"])
    label = f"{labels[where]} (`{where}`)" if where in labels else f"`{where}`"
    if error["type"] == "extra_forbidden":
        return said.UNKNOWN_SETTING(label=label)
    if error["type"] == "missing":
        return said.MISSING_SETTING(label=label)
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, CodedValueError):
        problem = _without_full_stop(cause.coded)
    else:
        text = error["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
        problem = said.PLAIN(text=text.rstrip("."))
    return said.LABELLED(label=label, problem=problem) if where else problem


def _without_full_stop(coded: Message) -> Message:
    """The problems are listed with "; " between them: a sentence loses its final full stop."""
    return Listed.of(coded)


def profile_from_data(
    data: Any, *, origin: str | None = None, labels: Mapping[str, str] | None = None
) -> Profile:
    """Validate a profile; errors name each setting (and the file, from `origin`).

    `labels` names settings the way the caller's admin knows them, e.g. the command line's
    {"target.tenant_url": "--tenant-url"}.
    """
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        problems = [_describe(error, labels or {}) for error in exc.errors()]
        listed = joined(problems)
        if origin:
            raise ProfileInvalid(
                said.FILE_INVALID(origin=origin, problems=listed), said.FILE_INVALID_NEXT()
            ) from None
        raise ProfileInvalid(
            said.SETTINGS_INVALID(problems=listed),
            said.CORRECT_IT() if len(problems) == 1 else said.CORRECT_THEM(),
        ) from None


def profile_from_toml(text: str, *, origin: str) -> Profile:
    """Parse and validate a profile's TOML; a syntax error names the file and the line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileInvalid(
            said.NOT_TOML(origin=origin, error=str(exc)), said.NOT_TOML_NEXT()
        ) from None
    return profile_from_data(data, origin=origin)


def profile_to_toml(profile: Profile) -> str:
    """The profile as TOML text. It holds no secret: the model has no secret field."""
    header = (
        f"# webex-provisioner profile {profile.name!r}.\n"
        "# Secrets (the Webex token, an Entra client secret, an SMTP password) are kept in\n"
        "# the system keyring, never in this file.\n\n"
    )
    return header + tomli_w.dumps(profile.model_dump(mode="json", exclude_none=True))


__all__ = [
    "DEFAULT_APP_NAME",
    "DEFAULT_AUTHORITY",
    "DEFAULT_GRAPH_URL",
    "CsvSettings",
    "EntraSettings",
    "NotificationSettings",
    "Profile",
    "ProfileInvalid",
    "SafetySettings",
    "ScheduleSettings",
    "SmtpSettings",
    "SourceKind",
    "SourceSettings",
    "Target",
    "TargetKind",
    "check_profile_name",
    "looks_like_email",
    "parse_every",
    "profile_from_data",
    "profile_from_toml",
    "profile_name_problem",
    "profile_to_toml",
]
