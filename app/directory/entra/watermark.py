"""The Entra source's watermark: the two delta links and what the next cycle needs to tell
unassignments apart (who was in scope, which groups were provisioned, their members), as
one JSON string."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

WATERMARK_VERSION = 1


@dataclass
class WatermarkState:
    """What a watermark remembers between cycles."""

    scope: str
    select_hash: str
    users_link: str
    groups_link: str
    sp_id: str = ""
    in_scope: set[str] = field(default_factory=set)
    default_only: set[str] = field(default_factory=set)
    groups: dict[str, list[str]] = field(default_factory=dict)  # group id -> member user ids
    scoped_groups: set[str] = field(default_factory=set)  # the groups provisioned
    group_names: dict[str, str] = field(default_factory=dict)
    nested_seen: set[str] = field(default_factory=set)

    def dump(self) -> str:
        return json.dumps(
            {
                "v": WATERMARK_VERSION,
                "scope": self.scope,
                "select": self.select_hash,
                "users": self.users_link,
                "groups": self.groups_link,
                "sp": self.sp_id,
                "in": sorted(self.in_scope),
                "default": sorted(self.default_only),
                "members": {g: sorted(m) for g, m in sorted(self.groups.items())},
                "scoped": sorted(self.scoped_groups),
                "names": self.group_names,
                "nested": sorted(self.nested_seen),
            },
            separators=(",", ":"),
            ensure_ascii=False,
        )

    @classmethod
    def load(cls, text: str) -> WatermarkState | None:
        try:
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("v") != WATERMARK_VERSION:
                return None
            return cls(
                scope=str(data["scope"]),
                select_hash=str(data["select"]),
                users_link=str(data["users"]),
                groups_link=str(data["groups"]),
                sp_id=str(data.get("sp") or ""),
                in_scope=set(data.get("in") or []),
                default_only=set(data.get("default") or []),
                groups={str(g): list(m) for g, m in (data.get("members") or {}).items()},
                scoped_groups=set(data.get("scoped") or []),
                group_names={str(k): str(v) for k, v in (data.get("names") or {}).items()},
                nested_seen=set(data.get("nested") or []),
            )
        except (ValueError, KeyError, TypeError):
            return None


__all__ = ["WATERMARK_VERSION", "WatermarkState"]
