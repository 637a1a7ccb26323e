"""Comparing SCIM payloads property by property: what an update changes, old -> new.

`flatten` spells a SCIM body as {path: value} with the paths written as mapping targets are
(`name.givenName`, `emails[type eq "work"].value`, `<schema URN>:<attribute>`); `diff` gives
the (path, old, new) of each property that differs, limited to what the mappings manage.
The Mapper's diff_user and diff_group use them, and the planner shows their changes.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from app.sync.events import Change
from app.sync.expressions import is_empty
from app.sync.scim_paths import canonical_schema

# Keys that are the target's bookkeeping, never compared.
_IGNORED_KEYS = frozenset({"schemas", "id", "meta"})


def flatten(payload: Mapping[str, Any]) -> dict[str, Any]:
    """A SCIM body as {path: value}, with paths spelled as mapping targets are.

    ``{"name": {"givenName": "Zoé"}}`` -> ``{"name.givenName": "Zoé"}``; an element of a
    multi-valued attribute is keyed by its type (or source): ``emails[type eq "work"].value``;
    lists of plain values stay lists; `members` becomes the sorted list of member ids.
    schemas, id and meta (also an extension's meta) are left out.
    """
    out: dict[str, Any] = {}
    for key, value in payload.items():
        if key in _IGNORED_KEYS:
            continue
        if key.lower().startswith("urn:") and isinstance(value, Mapping):
            prefix = canonical_schema(key) + ":"
            for name, sub in value.items():
                if name != "meta":
                    _flatten_attribute(out, prefix, name, sub)
        else:
            _flatten_attribute(out, "", key, value)
    return out


def _flatten_attribute(out: dict[str, Any], prefix: str, name: str, value: Any) -> None:
    if isinstance(value, Mapping):
        for sub, v in value.items():
            out[f"{prefix}{name}.{sub}"] = v
    elif isinstance(value, list | tuple) and value and all(isinstance(v, Mapping) for v in value):
        if name.lower() == "members":
            out[f"{prefix}{name}"] = sorted(str(v.get("value")) for v in value)
            return
        for element in value:
            marker = next((k for k in ("type", "source") if k in element), None)
            for sub, v in element.items():
                if marker is None:
                    out.setdefault(f"{prefix}{name}.{sub}", []).append(v)
                elif sub != marker:
                    tag = str(element[marker]).replace("\\", "\\\\").replace('"', '\\"')
                    out[f'{prefix}{name}[{marker} eq "{tag}"].{sub}'] = v
    else:
        out[f"{prefix}{name}"] = list(value) if isinstance(value, tuple) else value


def _managed(key: str, managed: Collection[str]) -> bool:
    if key in managed:
        return True
    return any(key.startswith((m + "[", m + ".")) for m in managed)


def diff(
    old_payload: Mapping[str, Any],
    new_payload: Mapping[str, Any],
    *,
    managed: Collection[str] | None = None,
) -> list[Change]:
    """(path, old, new) for each property that differs, in the new payload's order.

    `managed` (lower-case paths) limits the comparison to what the mappings write; an
    attribute the mappings manage that the new payload lacks shows as cleared (old -> None).
    Null, "" and [] are the same (absent). Values compare exactly: "Zoé" is not "zoé".
    """
    old = {k.lower(): (k, v) for k, v in flatten(old_payload).items()}
    new = {k.lower(): (k, v) for k, v in flatten(new_payload).items()}
    changes: list[Change] = []
    for lowered in [*new, *(k for k in old if k not in new)]:
        if managed is not None and not _managed(lowered, managed):
            continue
        name, before = old.get(lowered, ("", None))
        shown, after = new.get(lowered, (name, None))
        if is_empty(before) and is_empty(after):
            continue
        if before != after:
            changes.append(
                (shown, None if is_empty(before) else before, None if is_empty(after) else after)
            )
    return changes


def all_new(new_payload: Mapping[str, Any]) -> list[Change]:
    """diff({}, new) with every path of `new` managed (what diff_user and diff_group give)."""
    new = {k.lower(): (k, v) for k, v in flatten(new_payload).items()}
    return [(name, None, value) for name, value in new.values() if not is_empty(value)]
