"""Matching source objects with target objects, and comparing what is there with what should be.

SCIM paths follow the mapping table's spelling: `name.givenName`,
`emails[type eq "work"].value`, and extension attributes as `<schema URN>:<attribute>`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.sync.events import Change
from app.webex.constants import PATCH_OP
from app.webex.shapes import PatchOperation, PatchRequest

# Attributes the target owns: never compared, never sent back.
_TARGET_OWNED = frozenset({"schemas", "id", "meta"})


# json.dumps with these settings, without building an encoder for each payload.
_CANONICAL = json.JSONEncoder(
    sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
).encode


def payload_hash(payload: Mapping[str, Any]) -> str:
    """A stable hash of a desired payload: equal payloads hash equal whatever the key order."""
    return hashlib.sha256(_CANONICAL(payload).encode("utf-8")).hexdigest()


def filter_literal(value: str) -> str:
    """A SCIM filter string literal (JSON escaping, as RFC 7644 asks)."""
    return json.dumps(value, ensure_ascii=False)


def equality_filter(attribute: str, value: str) -> str:
    return f"{attribute} eq {filter_literal(value)}"


def flatten(payload: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Leaf values by SCIM path.

    Complex attributes give `parent.child`; a multi-valued attribute whose items carry a
    `type` gives `attr[type eq "work"].sub`; other lists are one leaf; extension schemas
    give `<urn>:<attribute>`.
    """
    leaves: dict[str, Any] = {}
    for key, value in payload.items():
        if not prefix and key in _TARGET_OWNED:
            continue
        if not prefix and key.startswith("urn:") and isinstance(value, Mapping):
            leaves.update(flatten(value, f"{key}:"))
            continue
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            if key == "meta":
                continue
            leaves.update(flatten(value, f"{path}."))
        elif _is_typed_list(value):
            for item in value:
                selector = f"{path}[type eq {filter_literal(str(item['type']))}]"
                for sub, sub_value in item.items():
                    if sub != "type":
                        leaves[f"{selector}.{sub}"] = sub_value
        else:
            leaves[path] = value
    return leaves


def _is_typed_list(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(item, Mapping) and "type" in item for item in value)
    )


def value_at(resource: Mapping[str, Any], path: str) -> Any:
    """The value at a SCIM path of a resource (None when absent)."""
    return flatten(resource).get(path)


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new or (str(old).lower() == str(new).lower())
    if isinstance(old, list) and isinstance(new, list):
        key = lambda item: json.dumps(item, sort_keys=True, default=str)  # noqa: E731
        return sorted(old, key=key) == sorted(new, key=key)
    return bool(old == new)


def diff(
    current: Mapping[str, Any],
    desired: Mapping[str, Any],
    *,
    managed_paths: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> list[Change]:
    """Modified properties (path, old, new): every path of `desired` whose value differs on
    the target, and every managed path the target has and `desired` no longer does."""
    now = flatten(current)
    wanted = flatten(desired)
    skipped = set(ignore)
    changes: list[Change] = []
    for path, new in wanted.items():
        if path in skipped:
            continue
        old = now.get(path)
        if new is None or new == "":
            if old not in (None, ""):
                changes.append((path, old, None))
            continue
        if old is None or not _same(old, new):
            changes.append((path, old, new))
    for path in managed_paths:
        if path in wanted or path in skipped:
            continue
        old = now.get(path)
        if old not in (None, "", []):
            changes.append((path, old, None))
    return changes


def patch_operations(
    changes: Sequence[Change],
    desired: Mapping[str, Any],
    current: Mapping[str, Any] | None = None,
) -> list[PatchOperation]:
    """PATCH operations for modified properties; values come from the desired payload.

    An element of a typed multi-valued attribute that the target lacks entirely (no work
    e-mail yet) is added whole: a replace whose filter matches nothing is refused (scimType
    noTarget). Without `current`, an element is taken as missing when its `value` was.
    """
    present = _typed_elements(current) if current is not None else None
    operations: list[PatchOperation] = []
    added_items: set[tuple[str, str]] = set()
    for path, old, new in changes:
        if new is None:
            operations.append({"op": "remove", "path": path})
            continue
        head, bracket, rest = path.partition("[")
        if bracket and " eq " in rest:
            item_type = json.loads(rest.split(" eq ", 1)[1].split("]", 1)[0])
            missing = (
                (head.lower(), str(item_type).lower()) not in present
                if present is not None
                else old is None and rest.endswith("].value")
            )
            if missing:
                if (head, item_type) not in added_items:
                    added_items.add((head, item_type))
                    items = [
                        item
                        for item in _items(desired, head)
                        if isinstance(item, Mapping) and item.get("type") == item_type
                    ]
                    operations.append({"op": "add", "path": head, "value": items})
                continue
        operations.append({"op": "replace", "path": path, "value": new})
    return operations


def _typed_elements(resource: Mapping[str, Any]) -> set[tuple[str, str]]:
    """(attribute, type) of every typed element the resource holds, lower-case."""
    found: set[tuple[str, str]] = set()

    def walk(container: Mapping[str, Any], prefix: str) -> None:
        for key, value in container.items():
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, Mapping) and "type" in item:
                        found.add(((prefix + key).lower(), str(item["type"]).lower()))
            elif key.startswith("urn:") and isinstance(value, Mapping) and not prefix:
                walk(value, key + ":")

    walk(resource, "")
    return found


def _items(payload: Mapping[str, Any], path: str) -> list[Any]:
    if ":" in path and path.startswith("urn:"):
        urn, _, attribute = path.rpartition(":")
        container = payload.get(urn, {})
        value = container.get(attribute) if isinstance(container, Mapping) else None
    else:
        value = payload.get(path)
    return list(value) if isinstance(value, list) else []


def patch_body(operations: Sequence[PatchOperation]) -> PatchRequest:
    return {"schemas": [PATCH_OP], "Operations": list(operations)}


def top_level_attributes(paths: Iterable[str]) -> list[str]:
    """The attributes to ask a search for, so a listing carries what the diff needs."""
    names: list[str] = []
    for path in paths:
        if path.startswith("urn:"):
            urn, _, attribute = path.rpartition(":")
            name = f"{urn}:{attribute.split('.', 1)[0].split('[', 1)[0]}"
        else:
            name = path.split(".", 1)[0].split("[", 1)[0]
        if name and name not in names:
            names.append(name)
    return names


def normalize_key(value: Any, *, case_sensitive: bool) -> str:
    text = str(value).strip()
    return text if case_sensitive else text.casefold()


@dataclass(slots=True)
class TargetIndex:
    """Target objects indexed by their matching keys: built once from a full listing."""

    attributes: Sequence[str]
    case_sensitive: bool = False
    _by_key: dict[tuple[str, str], list[Mapping[str, Any]]] = field(default_factory=dict)
    size: int = 0

    def add(self, resource: Mapping[str, Any]) -> None:
        self.size += 1
        leaves = flatten(resource)
        for attribute in self.attributes:
            value = leaves.get(attribute)
            if value in (None, ""):
                continue
            key = (attribute, normalize_key(value, case_sensitive=self.case_sensitive))
            self._by_key.setdefault(key, []).append(resource)

    def extend(self, resources: Iterable[Mapping[str, Any]]) -> None:
        for resource in resources:
            self.add(resource)

    def lookup(self, attribute: str, value: Any) -> list[Mapping[str, Any]]:
        key = (attribute, normalize_key(value, case_sensitive=self.case_sensitive))
        return list(self._by_key.get(key, ()))


@dataclass(frozen=True, slots=True)
class MatchResult:
    """The outcome of matching one source object: a target, nothing, or a refusal."""

    target: Mapping[str, Any] | None = None
    attribute: str = ""  # the matching attribute that found it
    duplicates: tuple[str, ...] = ()  # target ids when one key found several objects

    @property
    def duplicate(self) -> bool:
        return bool(self.duplicates)


def match_in(candidates_by_key: Iterable[tuple[str, Sequence[Mapping[str, Any]]]]) -> MatchResult:
    """Apply matching precedence: the first key with any candidate decides; two or more
    candidates for that key are a refusal (DuplicateTargetEntries), never a guess."""
    for attribute, candidates in candidates_by_key:
        unique = {str(c.get("id")): c for c in candidates}
        if len(unique) == 1:
            return MatchResult(target=next(iter(unique.values())), attribute=attribute)
        if len(unique) > 1:
            return MatchResult(attribute=attribute, duplicates=tuple(sorted(unique)))
    return MatchResult()
