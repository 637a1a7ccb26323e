"""The data of attribute mappings and scoping filters, as saved in a profile.

Evaluation lives beside it: app/sync/mapping.py (mappings and the expression language)
and app/sync/scoping.py (filters). These models only validate shape.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class MappingType(StrEnum):
    DIRECT = "Direct"  # source attribute -> target attribute
    CONSTANT = "Constant"  # a fixed value
    EXPRESSION = "Expression"  # an expression over source attributes
    NONE = "None"  # the target attribute is left alone (kept for review, sends nothing)


class ApplyWhen(StrEnum):
    ALWAYS = "always"
    ON_CREATE = "on_create"  # only when the object is created (e.g. a generated nickname)


class AttributeMapping(BaseModel):
    """One row of the mapping table: how a target (SCIM) attribute gets its value."""

    model_config = ConfigDict(extra="forbid")

    target: str  # SCIM path, e.g. "userName", "name.givenName", 'emails[type eq "work"].value'
    type: MappingType = MappingType.DIRECT
    source: str = ""  # Direct: source attribute name
    constant: str = ""  # Constant: the value (text; "true"/"false" become booleans for booleans)
    expression: str = ""  # Expression: e.g. 'Join(" ", [givenName], [surname])'
    default: str | None = None  # used when the source value is empty
    apply: ApplyWhen = ApplyWhen.ALWAYS
    matching_precedence: int = 0  # 0: not a matching attribute; 1 first, 2 second, ...


class MappingSet(BaseModel):
    """The user and group mappings of a profile."""

    model_config = ConfigDict(extra="forbid")

    users: list[AttributeMapping] = Field(default_factory=list)
    groups: list[AttributeMapping] = Field(default_factory=list)
    case_sensitive_matching: bool = False


class ScopingOperator(StrEnum):
    EQUALS = "EQUALS"
    NOT_EQUALS = "NOT EQUALS"
    IS_TRUE = "IS TRUE"
    IS_FALSE = "IS FALSE"
    IS_NULL = "IS NULL"
    IS_NOT_NULL = "IS NOT NULL"
    REGEX_MATCH = "REGEX MATCH"
    NOT_REGEX_MATCH = "NOT REGEX MATCH"
    GREATER_THAN = "GREATER_THAN"
    GREATER_THAN_OR_EQUALS = "GREATER_THAN_OR_EQUALS"
    ENDS_WITH = "ENDS_WITH"
    INCLUDES = "Includes"  # the value is one of a comma-separated list
    BIT_AND = "&"  # (attribute & value) != 0, integer flags
    NOT_BIT_AND = "!&"  # (attribute & value) == 0


class ScopingClause(BaseModel):
    model_config = ConfigDict(extra="forbid")

    attribute: str
    operator: ScopingOperator
    value: str = ""
    case_insensitive: bool = False


class ScopingFilter(BaseModel):
    """Clauses joined by AND. A profile's filters are joined by OR; no filter = all in scope."""

    model_config = ConfigDict(extra="forbid")

    name: str = ""
    clauses: list[ScopingClause] = Field(default_factory=list)
