"""Microsoft Graph's rules for the reads the Entra source makes, judged against Microsoft's own
metadata (resources/vendor/graph-v1-entity-members.json), read here on its own: the test does
not trust the sandbox's reading of the same file.

`violations(method, path, query)` lists what is wrong with one request:
- the path must be one of Graph's v1.0 endpoints the program reads;
- $select, $filter and $orderby may name the entity's properties only (any letter case);
  a navigation property is not a property, except the one a delta function tracks through
  $select (`manager` on /users/delta, `members` on /groups/delta);
- $expand names navigation properties; the delta functions take none; an expanded
  navigation's own $select names properties of the entity it leads to;
- a request that follows a link Graph gave ($skiptoken, $deltatoken) adds nothing to it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import parse_qs

VENDOR_FILE = (
    Path(__file__).resolve().parents[2] / "resources" / "vendor" / ("graph-v1-entity-members.json")
)
QUERY_OPTIONS = frozenset(
    {"$select", "$expand", "$filter", "$orderby", "$top", "$count", "$search", "$skiptoken",
     "$deltatoken"}
)  # fmt: skip
LINK_OPTIONS = frozenset({"$skiptoken", "$deltatoken"})


@dataclass(frozen=True)
class Entity:
    name: str
    properties: frozenset[str]  # lower-case
    navigation: frozenset[str]  # lower-case


@cache
def entities() -> dict[str, Entity]:
    data = json.loads(VENDOR_FILE.read_text(encoding="utf-8"))["entities"]
    found = {
        name: Entity(
            name,
            frozenset(p.lower() for p in members["properties"]),
            frozenset(p.lower() for p in members["navigation"]),
        )
        for name, members in data.items()
    }
    # A group's members are directory objects of several types (users, groups, service
    # principals, devices, contacts): a cast-free $select may name what those types have.
    kinds = [found[n] for n in ("user", "group", "servicePrincipal")]
    found["directoryObject"] = Entity(
        "directoryObject",
        frozenset().union(*(k.properties for k in kinds)),
        frozenset().union(*(k.navigation for k in kinds)),
    )
    return found


@dataclass(frozen=True)
class Endpoint:
    pattern: re.Pattern[str]
    entity: str
    delta_navigation: str = ""  # the navigation property a delta function selects
    expand: bool = True  # whether $expand is allowed at all


ENDPOINTS = (
    Endpoint(re.compile(r"/v1\.0/users"), "user"),
    Endpoint(re.compile(r"/v1\.0/users/delta"), "user", "manager", expand=False),
    Endpoint(re.compile(r"/v1\.0/users/[^/]+"), "user"),
    Endpoint(re.compile(r"/v1\.0/groups"), "group"),
    Endpoint(re.compile(r"/v1\.0/groups/delta"), "group", "members", expand=False),
    Endpoint(re.compile(r"/v1\.0/groups/[^/]+/members"), "directoryObject"),
    Endpoint(re.compile(r"/v1\.0/servicePrincipals"), "servicePrincipal"),
    Endpoint(re.compile(r"/v1\.0/servicePrincipals/[^/]+/appRoleAssignedTo"), "appRoleAssignment"),
)
# The entity a navigation property leads to, for an expanded navigation's own $select.
NAVIGATION_TARGETS = {("user", "manager"): "user"}


def endpoint_of(path: str) -> Endpoint | None:
    return next((e for e in ENDPOINTS if e.pattern.fullmatch(path)), None)


def _split_top_level(text: str) -> list[str]:
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
    return [item.strip() for item in items if item.strip()]


_FILTER_NAME = re.compile(
    r"(?<!')\b([A-Za-z_]\w*(?:/[A-Za-z_]\w*)*)\s+(?:eq|ne|gt|ge|lt|le|in)\b"
    r"|\b(?:startswith|endswith)\(\s*([A-Za-z_]\w*)",
    re.IGNORECASE,
)
_STRING_LITERAL = re.compile(r"'(?:[^']|'')*'")


def filter_names(text: str) -> list[str]:
    """The property names a $filter compares (string literals left out)."""
    bare = _STRING_LITERAL.sub("''", text)
    return [(m[1] or m[2]).split("/", 1)[0] for m in _FILTER_NAME.finditer(bare)]


def _check_select(names: str, entity: Entity, allowed_navigation: str, where: str) -> list[str]:
    problems = []
    for name in (n.strip() for n in names.split(",")):
        if not name:
            continue
        lowered = name.lower()
        if lowered in entity.properties:
            continue
        if allowed_navigation and lowered == allowed_navigation:
            continue
        kind = "a navigation property" if lowered in entity.navigation else "not a property"
        problems.append(f"{where} names {name!r}: {kind} of microsoft.graph.{entity.name}")
    return problems


def violations(method: str, path: str, query: str) -> list[str]:
    """What is wrong with one Graph request (empty: it follows Microsoft's metadata)."""
    problems: list[str] = []
    if method != "GET":
        problems.append(f"{method}: the program only reads from Microsoft Graph")
    endpoint = endpoint_of(path)
    if endpoint is None:
        return [*problems, f"{path} is not a Graph v1.0 endpoint the program reads"]
    entity = entities()[endpoint.entity]
    options = {k: v[0] for k, v in parse_qs(query, keep_blank_values=True).items()}
    unknown = [k for k in options if k.startswith("$") and k not in QUERY_OPTIONS]
    problems += [f"{k} is not a query option Graph knows" for k in unknown]
    if LINK_OPTIONS & set(options):
        added = set(options) - LINK_OPTIONS
        if added:
            problems.append(f"a link Graph gave was changed: {sorted(added)} added to its token")
        return problems
    if "$select" in options:
        problems += _check_select(options["$select"], entity, endpoint.delta_navigation, "$select")
    if "$expand" in options:
        if not endpoint.expand:
            problems.append(f"$expand on {path}: delta functions do not take $expand")
        else:
            for item in _split_top_level(options["$expand"]):
                match = re.fullmatch(r"(\w+)\s*(?:\((.*)\))?", item)
                if match is None or match[1].lower() not in entity.navigation:
                    problems.append(
                        f"$expand names {item!r}: not a navigation property of "
                        f"microsoft.graph.{entity.name}"
                    )
                    continue
                inner = re.fullmatch(r"\s*\$select=(.*)", match[2] or "")
                target = NAVIGATION_TARGETS.get((entity.name, match[1].lower()))
                if match[2] and (inner is None or target is None):
                    problems.append(f"$expand={item}: only an inner $select is checked here")
                elif inner is not None and target is not None:
                    problems += _check_select(
                        inner[1], entities()[target], "", f"$expand={match[1]}($select)"
                    )
    if "$filter" in options:
        names = filter_names(options["$filter"])
        if not names:
            problems.append(f"$filter {options['$filter']!r}: no property compared")
        for name in names:
            if name.lower() not in entity.properties:
                problems.append(
                    f"$filter names {name!r}: not a property of microsoft.graph.{entity.name}"
                )
    if "$orderby" in options:
        for clause in options["$orderby"].split(","):
            name = clause.strip().split(" ", 1)[0]
            if name.lower() not in entity.properties:
                problems.append(
                    f"$orderby names {name!r}: not a property of microsoft.graph.{entity.name}"
                )
    return problems


__all__ = ["ENDPOINTS", "endpoint_of", "entities", "filter_names", "violations"]
