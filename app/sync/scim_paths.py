"""SCIM attribute paths as the mapping table writes them, e.g. 'emails[type eq "work"].value'.

Grammar (a subset of RFC 7644 3.10 "attrPath" and "valuePath", what a mapping needs):

    path      := [schemaUrn ":"] attribute [ "[" subAttr " eq " '"' text '"' "]" ] [ "." subAttr ]

Examples: ``userName``, ``name.givenName``, ``emails[type eq "work"].value``,
``urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department``,
``urn:scim:schemas:extension:cisco:webexidentity:2.0:User:extensionAttribute1``.
A path prefixed with the core schema URN is the same as the bare path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.errors import InputError
from app.messages import Message
from app.sync import input_messages as said
from app.webex.constants import CISCO_GROUP, CISCO_USER, CORE_GROUP, CORE_USER, ENTERPRISE_USER

CORE_SCHEMAS = frozenset({CORE_USER, CORE_GROUP})

_NAME = r"[A-Za-z][A-Za-z0-9_$-]*"
_PATH_RE = re.compile(
    rf"""^(?P<attribute>{_NAME})
        (?:\[\s*(?P<filter_attr>{_NAME})\s+eq\s+"(?P<filter_value>(?:[^"\\]|\\.)*)"\s*\])?
        (?:\.(?P<sub>{_NAME}))?$""",
    re.VERBOSE | re.IGNORECASE,
)


class ScimPathError(InputError):
    """A target attribute path the mapping table cannot use."""

    def __init__(self, path: str, problem: str | Message) -> None:
        super().__init__(said.SCIM_PATH(path=path, problem=problem), said.SCIM_PATH_NEXT())
        self.path = path
        self.problem = str(problem)
        self.coded_problem = problem if isinstance(problem, Message) else None


@dataclass(frozen=True, slots=True)
class ScimPath:
    """One parsed target path. `schema` is None for the core schema."""

    attribute: str
    sub_attribute: str | None = None
    filter_attribute: str | None = None
    filter_value: str | None = None
    schema: str | None = None

    @property
    def has_filter(self) -> bool:
        return self.filter_attribute is not None

    def text(self) -> str:
        """The canonical spelling (core URN dropped), used as the key of plans and diffs."""
        out = f"{self.schema}:" if self.schema else ""
        out += self.attribute
        if self.filter_attribute is not None:
            value = (self.filter_value or "").replace("\\", "\\\\").replace('"', '\\"')
            out += f'[{self.filter_attribute} eq "{value}"]'
        if self.sub_attribute is not None:
            out += f".{self.sub_attribute}"
        return out

    def key(self) -> str:
        """A case-insensitive identity: SCIM attribute names and schema URNs ignore case.

        The filter value ("work") is folded too: no server we know tells "Work" from "work".
        """
        return self.text().lower()

    def __str__(self) -> str:
        return self.text()


def parse_scim_path(text: str) -> ScimPath:
    """Parse a mapping target path, raising ScimPathError with the problem in plain words."""
    raw = text.strip()
    if not raw:
        raise ScimPathError(text, said.SCIM_PATH_EMPTY())
    schema: str | None = None
    rest = raw
    if raw.lower().startswith("urn:"):
        head = raw.split("[", 1)[0]
        cut = head.rfind(":")
        schema, rest = raw[:cut], raw[cut + 1 :]
        if not rest:
            raise ScimPathError(text, said.SCIM_PATH_NO_ATTRIBUTE())
        schema = canonical_schema(schema)
        if schema in CORE_SCHEMAS:
            schema = None
    match = _PATH_RE.match(rest)
    if match is None:
        if rest.count("[") != rest.count("]"):
            raise ScimPathError(text, said.SCIM_PATH_BRACKET())
        if "[" in rest:
            raise ScimPathError(text, said.SCIM_PATH_FILTER())
        raise ScimPathError(text, said.SCIM_PATH_NAMES())
    filter_value = match.group("filter_value")
    if filter_value is not None:
        filter_value = re.sub(r"\\(.)", r"\1", filter_value)
    return ScimPath(
        attribute=match.group("attribute"),
        sub_attribute=match.group("sub"),
        filter_attribute=match.group("filter_attr"),
        filter_value=filter_value,
        schema=schema,
    )


_KNOWN_SCHEMAS = {
    s.lower(): s for s in (CORE_USER, CORE_GROUP, ENTERPRISE_USER, CISCO_USER, CISCO_GROUP)
}


def canonical_schema(urn: str) -> str:
    """The usual spelling of a schema URN (URNs compare without case)."""
    return _KNOWN_SCHEMAS.get(urn.lower(), urn)
