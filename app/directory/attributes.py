"""What a directory offers to mappings and scoping filters: its attributes and their types."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class AttributeType(StrEnum):
    STRING = "string"
    BOOLEAN = "boolean"
    REFERENCE = "reference"  # the id of another object in the target (manager, members)
    COMPLEX = "complex"  # an object with sub-attributes (externalAttributeN: source + value)


class GraphHandling(StrEnum):
    """What the Entra source must do to read an attribute besides listing it in $select."""

    SELECT = "select"  # a plain property: $select=name
    NESTED = "nested"  # a member of a complex property: $select the parent
    # A navigation property: never in a plain $select (Graph's 400); $select=manager on
    # /users/delta (manager@delta), $expand=manager($select=id) on /users/{id}.
    EXPAND = "expand"
    ASSIGNMENT = "assignment"  # read from the app's role assignments, not from /users
    SOURCE_FLAG = "source_flag"  # supplied by the source itself (SourceUser.enabled)


@dataclass(frozen=True, slots=True)
class SourceAttribute:
    """One attribute a directory offers to mappings and scoping filters."""

    name: str
    type: AttributeType = AttributeType.STRING
    multi_valued: bool = False
    graph: GraphHandling = GraphHandling.SELECT
    description: str = ""
    graph_property: str = ""  # the property to $select or $expand when it differs from name

    @property
    def select_name(self) -> str:
        return self.graph_property or self.name


# Boolean-looking CSV columns get a boolean type so that the mapping page can offer
# them for boolean targets (active) and IS TRUE / IS FALSE clauses.
_CSV_BOOLEAN_COLUMNS = frozenset({"accountenabled", "enabled", "active"})


def csv_source_attributes(headers: Sequence[str]) -> tuple[SourceAttribute, ...]:
    """The columns of a CSV file as source attributes, in file order (blank headers dropped)."""
    seen: set[str] = set()
    out: list[SourceAttribute] = []
    for header in headers:
        name = header.strip()
        if not name or name.lower() in seen:
            continue
        seen.add(name.lower())
        kind = AttributeType.BOOLEAN if name.lower() in _CSV_BOOLEAN_COLUMNS else None
        out.append(SourceAttribute(name, kind or AttributeType.STRING))
    return tuple(out)
