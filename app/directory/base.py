"""The DirectorySource protocol every source implements, and the records it yields."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from app.messages import Message


# Not frozen, though never changed once made: a frozen dataclass takes twice as long to
# build, and a CSV source makes one per row (100,000 in benchmark P2).
@dataclass(slots=True)
class SourceUser:
    """One user as the directory has it.

    `attributes` uses the directory's own attribute names. Every source uses Entra's
    names where one exists (userPrincipalName, givenName, surname, displayName, mail,
    jobTitle, department, mailNickname, accountEnabled, ...) so that the default
    mapping works with any source.
    """

    source_id: str  # stable across cycles (Entra object id; CSV: the userName, lower-cased)
    user_name: str  # the value the default mapping sends as userName
    attributes: Mapping[str, Any]
    enabled: bool = True  # False: disabled in the source -> the target user is deactivated
    row: int | None = None  # CSV row number (1 = header), for messages
    # A digest of the raw record the source made this user from, when it has one (CSV:
    # the row's cells). Within reads of the same SourceRead.record_context, equal digests
    # mean equal users: the planner then compares it with the one stored in the user's
    # link instead of hashing the user (planner.source_record_hash). Empty: no digest.
    digest: str = ""


@dataclass(frozen=True, slots=True)
class SourceGroup:
    source_id: str
    display_name: str
    attributes: Mapping[str, Any]
    member_ids: tuple[str, ...] = ()  # source ids of member users (direct members only)


@dataclass(frozen=True, slots=True)
class SourceSkip:
    """An object the source saw and left out on purpose, logged as Skipped with its reason."""

    source_id: str
    user_name: str
    reason: str  # a stable code, e.g. "DefaultAccessRole", "InvalidRow"
    detail: str = ""  # plain words for the log (English)
    coded_detail: Message | None = None  # `detail` as a coded message, for another language


@dataclass(slots=True)
class SourceRead:
    """What one read of the source returned.

    full=True: `users` and `groups` are everything in scope; a linked object that is
    missing was removed from scope (the engine plans Disable).
    full=False (a delta since the watermark): only changed objects are listed, and
    removals are explicit.
    """

    full: bool
    users: list[SourceUser] = field(default_factory=list)
    groups: list[SourceGroup] = field(default_factory=list)
    skipped: list[SourceSkip] = field(default_factory=list)
    # Delta reads only: users deleted in the source (Delete when the profile allows it,
    # else Disable) and users taken out of scope (unassigned, Disable).
    deleted_user_ids: list[str] = field(default_factory=list)
    unassigned_user_ids: list[str] = field(default_factory=list)
    deleted_group_ids: list[str] = field(default_factory=list)
    watermark: str | None = None  # keep it and hand it back next cycle
    # What every user's `digest` also depends on besides the raw record (CSV: the header
    # and the columns read as userName and enabled). Part of each record hash.
    record_context: str = ""
    notes: list[str] = field(default_factory=list)  # plain words for the provisioning log
    # The same notes as coded messages (one for each note, in the same order), for another
    # language; empty when the source made them as plain words only.
    coded_notes: list[Message] = field(default_factory=list)

    def add_note(self, note: Message, *, first: bool = False) -> None:
        """A note in both lists: its English in `notes`, the message in `coded_notes`."""
        at = 0 if first else len(self.notes)
        self.notes.insert(at, str(note))
        self.coded_notes.insert(min(at, len(self.coded_notes)), note)


@runtime_checkable
class DirectorySource(Protocol):
    """A directory the engine reads. Implementations do their own I/O; no Qt."""

    kind: str  # "csv", "entra"

    def users(self) -> AsyncIterator[SourceUser]:
        """Every user in scope, in a stable order."""
        ...

    def groups(self) -> AsyncIterator[SourceGroup]:
        """Every group in scope."""
        ...

    async def read(self, watermark: str | None = None) -> SourceRead:
        """A full read (watermark None, or a source without delta) or the changes since it."""
        ...

    async def aclose(self) -> None: ...
