"""The planner's reads of the target: a bounded number in flight, each counted, one listing
at a time. The planner only reads; it never writes to the target."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import Any

from app.sync.matching import TargetIndex, equality_filter, value_at
from app.sync.planner.contracts import TargetReader
from app.webex.errors import NotFound


class TargetReads:
    """A TargetReader as the planner uses it: `count` is the requests sent while planning."""

    def __init__(self, target: TargetReader, *, case_sensitive: bool, concurrency: int) -> None:
        self.target = target
        self.case_sensitive = case_sensitive
        self.count = 0
        self._semaphore = asyncio.Semaphore(max(1, concurrency))
        # One listing of the target at most per plan and resource type, for the attributes
        # the target does not filter on (Webex: externalId, active; see
        # WebexClient.filterable): whoever lists first, the others wait for its index.
        self.listing_lock = asyncio.Lock()

    async def search(self, rt: str, attribute: str, value: str) -> list[Mapping[str, Any]]:
        async with self._semaphore:
            self.count += 1
            found = [
                r async for r in self.target.search(rt, filter=equality_filter(attribute, value))
            ]
        if self.case_sensitive:
            found = [r for r in found if value_at(r, attribute) == value]
        return found

    async def get(self, rt: str, target_id: str) -> Mapping[str, Any] | None:
        async with self._semaphore:
            self.count += 1
            try:
                return await self.target.get(rt, target_id)
            except NotFound:
                return None

    async def listing(
        self, rt: str, index: TargetIndex, attributes: Sequence[str] | None = None
    ) -> TargetIndex:
        """Every resource of this type, into `index` (one request for the client, which
        reads the pages)."""
        self.count += 1
        async for resource in self.target.search(rt, attributes=attributes):
            index.add(resource)
        return index

    def filterable(self, rt: str, attribute: str) -> bool:
        """Does the target filter on this attribute? (A reader that does not say: yes.)"""
        filterable = getattr(self.target, "filterable", None)
        return True if filterable is None else bool(filterable(rt, attribute))

    async def member_ids(self, current: Mapping[str, Any], own_answer: bool) -> tuple[str, ...]:
        """The target ids of a group's members. A search's answer carries none (Webex sends
        members only when asked, and at most 500 in a group's own answer): the client reads
        them all (GET /Groups/{id}/Members). A reader without group_members: the answer's."""
        read_members = getattr(self.target, "group_members", None)
        if read_members is None:
            members: Sequence[Any] = current.get("members") or []
        else:
            async with self._semaphore:
                self.count += 1
                members = await read_members(
                    str(current.get("id", "")), dict(current) if own_answer else None
                )
        return tuple(
            str(m.get("value")) for m in members if isinstance(m, Mapping) and m.get("value")
        )

    def forget_unreadable(self) -> None:
        """What the target could not read is what this plan's reads meet (a user fixed in
        Control Hub since the last cycle is readable again)."""
        unreadable = getattr(self.target, "unreadable", None)
        if isinstance(unreadable, list):
            unreadable.clear()

    def unreadable(self, rt: str) -> list[Any]:
        """The client's UnreadableResources of this type met so far (none: a plain reader)."""
        return [u for u in getattr(self.target, "unreadable", ()) if u.resource_type == rt]
