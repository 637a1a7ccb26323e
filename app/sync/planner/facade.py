"""The Planner: runs the phases of one plan (users, the source's own skips, groups) over one
target reader, the links the state remembers and the profile's options."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from app.directory.base import SourceRead
from app.sync.plan import Plan, PlannedOperation
from app.sync.planner.contracts import (
    Mapper,
    PlannerOptions,
    ScopeCheck,
    TargetReader,
    everything_in_scope,
)
from app.sync.planner.groups import GroupPlanner
from app.sync.planner.reads import TargetReads
from app.sync.planner.references import References
from app.sync.planner.users import UserPlanner, source_skips
from app.sync.state.records import Link


class Planner:
    """Builds a Plan. Reads the target; never writes to it."""

    def __init__(
        self,
        mapper: Mapper,
        target: TargetReader,
        *,
        user_links: Mapping[str, Link],
        group_links: Mapping[str, Link],
        scope: ScopeCheck = everything_in_scope,
        options: PlannerOptions | None = None,
    ) -> None:
        options = options or PlannerOptions()
        # Only read here: a dict is kept as it is (100,000 links in benchmark P2).
        user_links = user_links if type(user_links) is dict else dict(user_links)
        self._reads = TargetReads(
            target, case_sensitive=options.case_sensitive, concurrency=options.read_concurrency
        )
        # Reference mappings (manager.value): empty for most profiles, and then nothing of
        # the reference handling runs.
        self._references = References(
            tuple(getattr(mapper, "user_reference_targets", ())), user_links
        )
        self._users = UserPlanner(
            mapper,
            self._reads,
            self._references,
            user_links=user_links,
            scope=scope,
            options=options,
        )
        self._groups = GroupPlanner(
            mapper,
            self._reads,
            user_links=user_links,
            group_links=dict(group_links),
            options=options,
        )

    async def plan(
        self,
        read: SourceRead,
        *,
        ready: Callable[[PlannedOperation], None] | None = None,
    ) -> Plan:
        """The plan of one cycle. `ready`, when given, is handed each user creation that
        no later step of the planning can change, as soon as it is planned (the engine
        sends them while the rest is planned); they are in the plan too."""
        plan = Plan(full=read.full)
        coded = read.coded_notes if len(read.coded_notes) == len(read.notes) else read.notes
        for note in coded:
            plan.add_note(note)
        self._references.start()
        self._reads.forget_unreadable()
        # Reference updates may still change a creation once every user is planned.
        user_ops = await self._users.plan(read, None if self._references.targets else ready)
        plan.extend(user_ops)
        for note in self._references.notes:
            plan.add_note(note)
        plan.extend(source_skips(read))
        plan.extend(await self._groups.plan(read, user_ops))
        plan.target_reads = self._reads.count
        return plan
