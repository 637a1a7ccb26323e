"""Microsoft's Graph v1.0 entity members (resources/vendor/graph-v1-entity-members.json), as the
Graph sandbox checks the names a request's $select, $expand, $filter and $orderby hold.

Properties can be selected, filtered and sorted on; navigation properties (manager, members,
memberOf, ...) cannot be selected, except on the delta functions where Graph tracks them
(`manager` on /users/delta, `members` on /groups/delta), and are read with $expand elsewhere.
Names are compared without case, as Graph compares them; the answer carries Microsoft's
spelling.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.paths import resources_dir

VENDOR_FILE = "graph-v1-entity-members.json"
# The members of a group are directory objects: users, groups, service principals, devices,
# contacts. Graph takes in $select the properties those types share with the ones it knows.
DIRECTORY_OBJECT = "directoryObject"
_DIRECTORY_OBJECT_TYPES = ("user", "group", "servicePrincipal")


@dataclass(frozen=True)
class EntityMembers:
    """One entity type's members: name (lower-case) -> Microsoft's spelling."""

    name: str
    properties: dict[str, str]
    navigation: dict[str, str]

    @property
    def type_name(self) -> str:
        return f"microsoft.graph.{self.name}"

    def property(self, name: str) -> str | None:
        return self.properties.get(name.strip().lower())

    def navigation_property(self, name: str) -> str | None:
        return self.navigation.get(name.strip().lower())


@dataclass(frozen=True)
class GraphMetadata:
    entities: dict[str, EntityMembers]

    def entity(self, name: str) -> EntityMembers:
        return self.entities[name]

    @classmethod
    def from_file(cls, path: Path) -> GraphMetadata:
        data = json.loads(path.read_text(encoding="utf-8"))
        entities: dict[str, EntityMembers] = {}
        for name, members in data["entities"].items():
            entities[name] = EntityMembers(
                name,
                {str(p).lower(): str(p) for p in members.get("properties", [])},
                {str(p).lower(): str(p) for p in members.get("navigation", [])},
            )
        shared_properties: dict[str, str] = {}
        shared_navigation: dict[str, str] = {}
        for name in _DIRECTORY_OBJECT_TYPES:
            if name in entities:
                shared_properties.update(entities[name].properties)
                shared_navigation.update(entities[name].navigation)
        entities[DIRECTORY_OBJECT] = EntityMembers(
            DIRECTORY_OBJECT, shared_properties, shared_navigation
        )
        return cls(entities)


@cache
def graph_metadata() -> GraphMetadata:
    """The shipped copy of Microsoft's metadata (read once)."""
    return GraphMetadata.from_file(resources_dir() / "vendor" / VENDOR_FILE)


__all__ = ["DIRECTORY_OBJECT", "EntityMembers", "GraphMetadata", "graph_metadata"]
