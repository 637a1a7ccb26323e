"""The OData query options of the Graph sandbox's reads, judged against Microsoft's metadata.

$select, $filter (`name eq 'value'` clauses joined by `and`) and $orderby take the entity's
properties only, in any letter case (answers use Microsoft's spelling); $expand takes a user's
manager, alone or with its own $select. Each function returns what the option asks for, or
Graph's 400 as a Response.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from app.sandbox.graph.metadata import EntityMembers
from app.sandbox.graph.responses import Response, graph_error, no_property

MAX_TOP = 999
# OData's system query options Graph knows (the sandbox serves $count and $search as no-ops).
OPTIONS = frozenset(
    {"$select", "$expand", "$filter", "$orderby", "$top", "$skiptoken", "$deltatoken", "$count",
     "$search", "$skip", "$format"}
)  # fmt: skip
MANAGER = "manager"


def query_options(text: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()}


def select(
    query: dict[str, str],
    default: tuple[str, ...] | list[str],
    entity: EntityMembers,
    *,
    navigation: str = "",
) -> list[str] | Response:
    """The properties $select names, in Microsoft's spelling; Graph's 400 for a name the
    entity does not have as a property (a navigation property included, but for the one a
    delta function tracks: `navigation`)."""
    raw = query.get("$select")
    if not raw:
        return list(default)
    return property_names(raw, entity, navigation=navigation)


def property_names(
    raw: str, entity: EntityMembers, *, navigation: str = ""
) -> list[str] | Response:
    chosen: list[str] = []
    for name in (part.strip() for part in raw.split(",")):
        if not name:
            continue
        found = entity.property(name)
        if found is None and navigation and name.lower() == navigation.lower():
            found = entity.navigation_property(name)
        if found is None:
            return no_property(name, entity)
        if found not in chosen:
            chosen.append(found)
    return chosen


# The manager's properties an $expand=manager without its own $select returns.
_MANAGER_DEFAULT_SELECT = ("displayName", "userPrincipalName", "mail", "jobTitle")


def expand_manager(text: str, entity: EntityMembers, manager_served: bool) -> list[str] | Response:
    """The manager properties `$expand=manager` or `manager($select=a,b)` asks for.

    A name that is not a navigation property of the entity gets Graph's 400; a navigation
    property the sandbox does not serve (all but a user's manager) is refused too."""
    manager: list[str] | None = None
    for item in _split_top_level(text):
        match = re.fullmatch(r"\s*(\w+)\s*(?:\((.*)\))?\s*", item)
        name = match[1] if match else item.strip()
        found = entity.navigation_property(name) if match else None
        if found is None:
            return graph_error(
                400,
                "BadRequest",
                f"Could not find a property named '{name}' on type '{entity.type_name}'.",
            )
        if not (manager_served and found == MANAGER):
            return graph_error(
                400,
                "Request_UnsupportedQuery",
                f"The sandbox does not serve $expand={found} on this path (only a user's manager).",
            )
        assert match is not None
        options = match[2]
        if options is None or not options.strip():
            manager = list(_MANAGER_DEFAULT_SELECT)
            continue
        selected = re.fullmatch(r"\s*\$select=([\w,\s]+)", options)
        if selected is None:
            return graph_error(
                400,
                "BadRequest",
                f"Query option '{options.strip()}' is not allowed inside $expand=manager.",
            )
        names = property_names(selected[1], entity)
        if isinstance(names, Response):
            return names
        manager = names
    if manager is None:
        return graph_error(400, "BadRequest", "The $expand query option is empty.")
    return manager


_CLAUSE = re.compile(r"\s*(\w+)\s+eq\s+(?:'((?:[^']|'')*)'|(true|false|null))\s*", re.IGNORECASE)


def where(text: str, entity: EntityMembers) -> Callable[[dict[str, Any]], bool] | Response:
    """`name eq 'value'` clauses joined by `and` (what the program and most admins write):
    Graph's 400 for a name that is not a property of the entity."""
    clauses: list[tuple[str, object]] = []
    for part in re.split(r"\s+and\s+", text.strip(), flags=re.IGNORECASE):
        match = _CLAUSE.fullmatch(part)
        if match is None:
            named = re.match(r"\s*(\w+)", part)
            if named and entity.property(named[1]) is None and named[1].lower() != "not":
                return no_property(named[1], entity)
            return graph_error(
                400,
                "Request_UnsupportedQuery",
                f"Unsupported or invalid query filter clause specified for property: '{part.strip()}'.",
            )
        name = entity.property(match[1])
        if name is None:
            return no_property(match[1], entity)
        literal = match[3]
        value: object = (
            match[2].replace("''", "'")
            if literal is None
            else None
            if literal.lower() == "null"
            else literal.lower() == "true"
        )
        clauses.append((name, value))

    def matches(item: dict[str, Any]) -> bool:
        for name, value in clauses:
            have = item.get(name)
            if isinstance(value, str):
                if not isinstance(have, str) or have.lower() != value.lower():
                    return False
            elif have != value:
                return False
        return True

    return matches


def order(
    text: str, entity: EntityMembers, items: list[dict[str, Any]]
) -> list[dict[str, Any]] | Response:
    """$orderby on one property, asc or desc; Graph's 400 for a name that is not one."""
    match = re.fullmatch(r"\s*(\w+)(?:\s+(asc|desc))?\s*", text, re.IGNORECASE)
    if match is None:
        return graph_error(
            400, "Request_UnsupportedQuery", f"The $orderby clause '{text}' is not supported."
        )
    name = entity.property(match[1])
    if name is None:
        return no_property(match[1], entity)
    descending = (match[2] or "").lower() == "desc"
    present = [i for i in items if i.get(name) is not None]
    absent = [i for i in items if i.get(name) is None]
    present.sort(key=lambda i: str(i[name]).casefold(), reverse=descending)
    return present + absent


def _split_top_level(text: str) -> list[str]:
    """`a,b($select=x,y)` -> ["a", "b($select=x,y)"]: commas outside parentheses."""
    items, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            items.append(text[start:index])
            start = index + 1
    items.append(text[start:])
    return [item for item in items if item.strip()]


__all__ = [
    "MANAGER",
    "MAX_TOP",
    "OPTIONS",
    "expand_manager",
    "order",
    "property_names",
    "query_options",
    "select",
    "where",
]
