"""The planner: from what the source says and what the state remembers, one action per object.

A plan is made in phases, one module each:
- users: each source record mapped, scoped, matched (state links first, then the target)
  and compared; linked users the source no longer gives disabled;
- references: manager references resolved to target ids, or set by a later update;
- groups: each source group matched and compared, its members by user;
- facade: the Planner that runs them; contracts: the Mapper, TargetReader, scope check and
  options it is given; reads: its reads of the target; fingerprints: the record hashes that
  let an unchanged user skip the mapping; operations: the small operations every phase
  makes, and the links a plan leaves to store.

Its public names are imported from here.
"""

from app.sync.planner.contracts import (
    LIST_TARGET_ABOVE,
    Mapper,
    PlannerOptions,
    ScopeCheck,
    TargetReader,
    everything_in_scope,
)
from app.sync.planner.facade import Planner
from app.sync.planner.fingerprints import (
    MAPPING_LOGIC_VERSION,
    mapping_fingerprint,
    record_tag,
    source_record_hash,
)
from app.sync.planner.operations import links_for

__all__ = [
    "LIST_TARGET_ABOVE",
    "MAPPING_LOGIC_VERSION",
    "Mapper",
    "Planner",
    "PlannerOptions",
    "ScopeCheck",
    "TargetReader",
    "everything_in_scope",
    "links_for",
    "mapping_fingerprint",
    "record_tag",
    "source_record_hash",
]
