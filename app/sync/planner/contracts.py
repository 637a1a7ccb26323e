"""What the planner is given: the Mapper and TargetReader it works with, the scope check, and
its options."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.directory.base import SourceGroup, SourceUser
from app.messages import Message
from app.sync.events import Change
from app.sync.safety import SafetySettings
from app.webex.shapes import ScimGroupPayload, ScimUserPayload

# More unknown users than this: list the target once instead of one query per user.
LIST_TARGET_ABOVE = 25


class Mapper(Protocol):
    """What the planner needs of app.sync.mapping.Mapper."""

    def user_payload(
        self, user: SourceUser, *, creating: bool, references: dict[str, str] | None = None
    ) -> ScimUserPayload: ...

    def group_payload(
        self, group: SourceGroup, member_target_ids: Iterable[str] = (), *, creating: bool = True
    ) -> ScimGroupPayload: ...

    @property
    def matching_attributes(self) -> tuple[str, ...]: ...

    def matching_keys(
        self, user: SourceUser, payload: Mapping[str, Any] | None = None
    ) -> list[tuple[str, str]]: ...

    def create_payload(self, user: SourceUser, payload: ScimUserPayload) -> ScimUserPayload: ...

    def group_matching_keys(self, group: SourceGroup) -> list[tuple[str, str]]: ...

    def diff_user(
        self, old_payload: Mapping[str, Any], new_payload: Mapping[str, Any]
    ) -> list[Change]: ...

    def diff_group(
        self, old_payload: Mapping[str, Any], new_payload: Mapping[str, Any]
    ) -> list[Change]: ...


class TargetReader(Protocol):
    """What the planner reads of the target (app.webex.client.WebexClient): resources as
    the target answers them."""

    def search(
        self, rt: str, filter: str | None = None, attributes: Sequence[str] | None = None
    ) -> AsyncIterator[Mapping[str, Any]]: ...

    async def get(self, rt: str, resource_id: str) -> Mapping[str, Any]: ...


# Scope check of one source user: (in scope?, why not in plain words).
ScopeCheck = Callable[[SourceUser], tuple[bool, str | Message]]


def everything_in_scope(user: SourceUser) -> tuple[bool, str | Message]:
    return True, ""


@dataclass(slots=True)
class PlannerOptions:
    safety: SafetySettings = field(default_factory=SafetySettings)
    case_sensitive: bool = False
    managed_user_paths: Sequence[str] = ()  # SCIM paths the user mappings write
    managed_group_paths: Sequence[str] = ()
    list_target_above: int = LIST_TARGET_ABOVE
    read_concurrency: int = 8
    # Provisioning on demand: read the target even when the hash says nothing changed.
    compare_always: bool = False
    # mapping_fingerprint() of the profile: with it, an unchanged source record skips the
    # mapping (see app.sync.planner.fingerprints). Empty: every user is mapped.
    fingerprint: str = ""
