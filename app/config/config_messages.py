"""The sentences of the profile's validation (app.config.profile): what an admin reads when a
setting is wrong, and the next step. Coded messages (app.messages); the French is in
resources/locale/. A validator raises `CodedValueError(MESSAGE(...))`; `profile_from_data`
finds the message again in pydantic's error and lists the problems as one coded sentence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.messages import Medium, Message, Translate, message


class CodedValueError(ValueError):
    """A validator's ValueError that carries its coded message (its str is the English)."""

    def __init__(self, coded: Message) -> None:
        super().__init__(str(coded))
        self.coded = coded


@dataclass(frozen=True)
class Listed(Message):
    """A sentence listed among others ("; " between them): without its final full stop, in
    any language."""

    @classmethod
    def of(cls, coded: Message) -> Listed:
        return cls(coded.code, coded.params, coded.stored_english)

    def render(self, translate: Translate, medium: Medium = "cli") -> str:
        return super().render(translate, medium).rstrip(".")


@dataclass(frozen=True)
class Clause(Message):
    """A sentence used inside another one: its first letter in lower case, without its final
    full stop, in any language."""

    @classmethod
    def of(cls, coded: Message) -> Clause:
        return cls(coded.code, coded.params, coded.stored_english)

    def render(self, translate: Translate, medium: Medium = "cli") -> str:
        text = super().render(translate, medium).rstrip(".")
        return text[:1].lower() + text[1:]


PLAIN = message("config.plain", "{text}")  # a text from elsewhere (pydantic), as it is
JOINED = message("config.joined", "{first}; {rest}")


def joined(parts: Sequence[Message]) -> Message:
    """`parts` as one message, "; " between them."""
    if len(parts) == 1:
        return parts[0]
    return JOINED(first=parts[0], rest=joined(parts[1:]))


# -- the profile's name ------------------------------------------------------------------------
NAME_RULE = message(
    "config.name.rule",
    "A profile name may contain only letters, digits, - and _ (at most 64); {name!r} does not.",
)
NAME_RESERVED = message(
    "config.name.reserved", "{name!r} cannot be a profile name: Windows reserves it for a device."
)
NAME_NEXT = message("config.name.next", "Choose another name, e.g. acme or acme-prod.")

# -- durations ------------------------------------------------------------------------------------
NOT_A_DURATION = message("config.every.not_duration", "{text!r} is not a duration.")
DURATION_NEXT = message(
    "config.every.not_duration.next",
    "Write minutes as 40m or 90, hours as 2h or 1h30m, days as 1d.",
)
TOO_SHORT = message("config.every.too_short", "{text!r} is too short an interval.")
TOO_SHORT_NEXT = message("config.every.too_short.next", "Give at least one minute, e.g. 40m.")

# -- addresses --------------------------------------------------------------------------------------
AUTHORITY = message("config.what.authority", "The sign-in authority")
GRAPH = message("config.what.graph", "The Microsoft Graph address")
NOT_FULL_URL = message(
    "config.url.not_full", "{what} must be a full https:// address; {url!r} is not."
)
PLAIN_HTTP = message(
    "config.url.plain_http",
    "{what} must use https://; plain http is accepted only for this computer "
    "(127.0.0.1, localhost). Got {url!r}.",
)
TENANT_URL_EMPTY = message("config.tenant_url.empty", "The tenant URL is empty.")

# -- the source --------------------------------------------------------------------------------------
CSV_PATH_EMPTY = message("config.csv.path_empty", "The CSV file path is empty.")
USER_NAME_COLUMN_EMPTY = message("config.csv.user_name_empty", "The userName column name is empty.")
UNKNOWN_ENCODING = message(
    "config.csv.encoding",
    "{value!r} is not an encoding this program knows; use auto, utf-8, utf-16 or cp1252.",
)
BAD_DELIMITER = message(
    "config.csv.delimiter",
    "The delimiter must be auto or one character such as , or ; (got {value!r}).",
)
GROUP_COLUMN_EMPTY = message("config.csv.group_empty", "A group column name is empty.")
GROUP_COLUMN_TWICE = message("config.csv.group_twice", "A group column is named twice.")
BAD_IDENTIFIER = message(
    "config.entra.identifier",
    "{value!r} is not a tenant or client id: give the GUID (or the tenant's domain) shown in "
    "the app registration's overview.",
)
BAD_APP_ID = message("config.entra.app_id", "{value!r} is not an application (client) id.")
APP_NAME_EMPTY = message("config.entra.app_name_empty", "The enterprise application name is empty.")
CSV_MISSING = message(
    "config.source.csv_missing",
    "The source is a CSV file but no file is named (source.csv.path).",
)
ENTRA_MISSING = message(
    "config.source.entra_missing",
    "The source is Entra ID but its settings are missing (source.entra.tenant_id and client_id).",
)

# -- the failure e-mail -------------------------------------------------------------------------------
BAD_SENDER = message("config.mail.sender", "The sender {value!r} is not an e-mail address.")
NOT_AN_EMAIL = message("config.mail.not_email", "{value!r} is not an e-mail address.")
NO_RECIPIENT = message(
    "config.mail.no_recipient", "Failure e-mail is on but no recipient is given."
)
NO_SMTP_HOST = message(
    "config.mail.no_host", "Failure e-mail is on but no SMTP server (host) is given."
)

# -- the list of problems ----------------------------------------------------------------------------
UNKNOWN_SETTING = message("config.problem.unknown", "an unknown setting {label}")
MISSING_SETTING = message("config.problem.missing", "no {label}, which is required")
LABELLED = message("config.problem.labelled", "{label}: {problem}")
FILE_INVALID = message("config.file.invalid", "The profile file {origin} has {problems}.")
FILE_INVALID_NEXT = message(
    "config.file.invalid.next",
    "Fix it in the file or import a corrected copy with `webex-provisioner profile import "
    "FILE --replace`.",
)
SETTINGS_INVALID = message(
    "config.settings.invalid", "The profile settings are not valid: {problems}."
)
CORRECT_IT = message("config.settings.invalid.next_one", "Correct it and try again.")
CORRECT_THEM = message("config.settings.invalid.next_many", "Correct them and try again.")
NOT_TOML = message("config.file.not_toml", "The profile file {origin} is not valid TOML: {error}.")
NOT_TOML_NEXT = message(
    "config.file.not_toml.next",
    "Fix that line, or import a corrected copy with `webex-provisioner profile import`.",
)

# -- the profiles' files (app.config.store) ------------------------------------------------------
NO_PROFILE = message("config.store.no_profile", "No profile named {name}.")
NO_PROFILE_CREATE = message(
    "config.store.no_profile.create",
    "Create it with `webex-provisioner profile create {name} ...` or list them with "
    "`webex-provisioner profile list`.",
)
NO_PROFILE_LIST = message(
    "config.store.no_profile.list", "List them with `webex-provisioner profile list`."
)
NOT_UTF8 = message("config.store.not_utf8", "The profile file {path} is not UTF-8 text.")
NOT_UTF8_NEXT = message(
    "config.store.not_utf8.next",
    "Save it as UTF-8, or import a corrected copy with "
    "`webex-provisioner profile import FILE --replace`.",
)
EXISTS = message("config.store.exists", "A profile named {name} already exists.")
EXISTS_SET = message(
    "config.store.exists.set",
    "Change it with `webex-provisioner profile set {name} ...`, or delete it first.",
)
EXISTS_IMPORT = message(
    "config.store.exists.import",
    "Import it under another name with --name NAME, or replace it with --replace.",
)
IMPORT_NOT_TOML_NEXT = message("config.store.not_toml.next", "Fix that line and import it again.")
DISK_FULL = message(
    "config.store.disk_full",
    "The profile {path} could not be saved: the disk is full (the profile as it was is unchanged).",
)
DISK_FULL_NEXT = message(
    "config.store.disk_full.next", "Free space on the disk that holds {folder}, then try again."
)
NO_PERMISSION = message(
    "config.store.no_permission",
    "The profile {path} could not be saved: this user may not write in {folder}.",
)
NO_PERMISSION_NEXT = message(
    "config.store.no_permission.next",
    "Give this user write permission on {folder}, or set WEBEX_PROVISIONER_CONFIG_DIR to a "
    "folder it may write.",
)
NOT_SAVED = message("config.store.not_saved", "The profile {path} could not be saved ({why}).")
NOT_SAVED_NEXT = message(
    "config.store.not_saved.next", "Check the folder {folder} and the disk, then try again."
)
