"""Attribute mappings applied to source records: the SCIM payloads the target should hold.

The Mapper checks every mapping once, up front, then turns each SourceUser (or
SourceGroup) into the SCIM body the target should hold (app.webex.shapes.ScimUserPayload,
ScimGroupPayload). `diff_user` and `diff_group` (app.sync.payload_diff) let the planner
show, property by property, what an update changes (old -> new).

What mappings see of a source record (`user_attributes`): the record's attributes, plus
- accountEnabled: always the source's enabled flag (SourceUser.enabled), which a source
  without such an attribute leaves True; the default "active" mapping reads it;
- userPrincipalName: the record's user_name when the source has no such attribute, so the
  default userName mapping works with a CSV file whose userName column has another name;
- id: the record's stable source id when the source has no such attribute.

Values are sent in the target's type (app.sync.attributes): booleans for boolean targets
(true/false words accepted), lists of text for multi-valued ones (extensionAttributeN),
text otherwise (a list gives its first value). An empty value, after the mapping's
default, sends nothing: on an update the attribute shows as cleared (old -> None).

A reference target (the enterprise extension's manager.value) names another user of the
target, and what a mapping gives for it is the *source id* of that user (Entra: the
manager's object id; CSV: a userName). The planner passes `references={}` to
`user_payload`, gets those source ids back instead of having them in the payload, turns
each into the referenced user's target id, and puts that in with `put_reference`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Literal, cast

from app.config.rules import ApplyWhen, AttributeMapping, MappingSet, MappingType
from app.directory.attributes import AttributeType
from app.directory.base import SourceGroup, SourceUser
from app.errors import InputError
from app.messages import Message
from app.sync import mapping_messages as said
from app.sync.attributes import TargetAttribute, find_target_attribute
from app.sync.events import Change
from app.sync.expressions import (
    Expression,
    ExpressionError,
    as_text,
    is_empty,
    lookup_attribute,
    parse,
    to_bool,
)
from app.sync.payload_diff import all_new, diff, flatten
from app.sync.scim_paths import ScimPath, ScimPathError, parse_scim_path
from app.sync.usernames import check_user_name
from app.webex.constants import CORE_GROUP, CORE_USER
from app.webex.shapes import ScimGroupPayload, ScimPayload, ScimUserPayload

Resource = Literal["User", "Group"]

# Elements of multi-valued attributes that are flagged primary when the mapping creates
# them: Webex wants the work e-mail primary (and equal to userName).
_PRIMARY_ELEMENTS = frozenset({("emails", "type", "work")})


class MappingError(InputError):
    """A mapping that cannot be used, or a value a mapping cannot send for one user.

    `near` is ExpressionError.where() for an expression: 'column 11 (near `[a`)'.
    """

    def __init__(
        self,
        target: str | Message,
        problem: str | Message,
        *,
        column: int | None = None,
        near: str | Message = "",
        user_name: str = "",
        next_step: str | Message = "",
    ) -> None:
        english = str(problem)
        ended = problem if english.endswith((".", "?", "!")) else said.SENTENCE(text=problem)
        said_where = near or said.COLUMN(column=column or 0)
        if column is not None and user_name:
            text = said.ERROR_FOR_AT(target=target, user=user_name, where=said_where, problem=ended)
        elif column is not None:
            text = said.ERROR_AT(target=target, where=said_where, problem=ended)
        elif user_name:
            text = said.ERROR_FOR(target=target, user=user_name, problem=ended)
        else:
            text = said.ERROR(target=target, problem=ended)
        super().__init__(text, next_step or said.NEXT_STEP())
        self.target = str(target)
        self.problem = english
        self.coded_problem = problem if isinstance(problem, Message) else None
        self.column = column
        self.user_name = user_name


def user_attributes(user: SourceUser) -> dict[str, Any]:
    """What mappings and scoping filters see of a user (see the module docstring)."""
    attributes = user.attributes
    # A dict is copied as it is; another mapping (a CSV row's, built when first read)
    # through its items, in C when they are a dict's.
    out = dict(attributes) if type(attributes) is dict else dict(attributes.items())
    has_user_principal_name = has_id = False
    for key in attributes:
        lowered = key.lower()
        if lowered == "accountenabled":
            del out[key]  # the source's enabled flag stands for it, below
        elif lowered == "userprincipalname":
            has_user_principal_name = True
        elif lowered == "id":
            has_id = True
    out["accountEnabled"] = user.enabled
    if not has_user_principal_name:
        out["userPrincipalName"] = user.user_name
    if not has_id:
        out["id"] = user.source_id
    return out


def group_attributes(group: SourceGroup) -> dict[str, Any]:
    """What group mappings see of a group: its attributes, displayName and id filled in."""
    names = {key.lower() for key in group.attributes}
    out = dict(group.attributes)
    if "displayname" not in names:
        out["displayName"] = group.display_name
    if "id" not in names:
        out["id"] = group.source_id
    return out


@dataclass(frozen=True, slots=True)
class _Compiled:
    mapping: AttributeMapping
    path: ScimPath
    info: TargetAttribute | None
    expression: Expression | None
    # Worked out once (a mapping is applied to every user of every cycle):
    target: str = ""  # path.text()
    boolean: bool = False  # the target attribute is a boolean
    multi_texts: bool = False  # a multi-valued attribute without a filter: a list of texts
    reference: bool = False  # the target names another user of the target (manager.value)
    # Written as payload[path.attribute] (a core attribute, no filter, no sub-attribute,
    # no element template): its value can be read back from a payload, or added to a
    # shallow copy of one without touching what the copy shares.
    top_level: bool = False
    kind: MappingType = MappingType.NONE
    source: str = ""
    default: str | None = None
    language_tag: bool = False  # preferredLanguage or locale: sent in Webex's ll_CC form

    @classmethod
    def of(
        cls,
        mapping: AttributeMapping,
        path: ScimPath,
        info: TargetAttribute | None,
        expression: Expression | None,
    ) -> _Compiled:
        return cls(
            mapping,
            path,
            info,
            expression,
            target=path.text(),
            boolean=info is not None and info.type == AttributeType.BOOLEAN,
            multi_texts=info is not None and info.multi_valued and not path.has_filter,
            reference=info is not None
            and info.type == AttributeType.REFERENCE
            and not info.multi_valued,
            top_level=path.schema is None
            and not path.has_filter
            and path.sub_attribute is None
            and not (info is not None and info.multi_valued and info.element_template),
            kind=mapping.type,
            source=mapping.source,
            default=mapping.default,
            language_tag=(path.schema or CORE_USER).lower() == CORE_USER.lower()
            and path.sub_attribute is None
            and not path.has_filter
            and path.attribute.lower() in _LANGUAGE_TAGS,
        )

    def applies(self, creating: bool) -> bool:
        if self.kind == MappingType.NONE:
            return False
        return creating or self.mapping.apply != ApplyWhen.ON_CREATE

    def raw_value(self, attributes: Mapping[str, Any]) -> Any:
        kind = self.kind
        if kind == MappingType.DIRECT:
            source = self.source
            value = (
                attributes[source] if source in attributes else lookup_attribute(attributes, source)
            )
        elif kind == MappingType.CONSTANT:
            value = self.mapping.constant
        elif self.expression is not None:
            value = self.expression.evaluate(attributes)
        else:
            value = None
        if self.default is not None and is_empty(value):
            value = self.default
        return value

    def value(self, attributes: Mapping[str, Any], user_name: str) -> Any:
        """The value to send, converted to the target's type; None sends nothing."""
        raw = self.raw_value(attributes)
        if raw is None or raw == "" or (isinstance(raw, list | tuple) and not raw):
            return None  # is_empty(), inline: this runs for every mapping of every user
        if self.boolean:
            flag = to_bool(raw)
            if flag is None:
                raise MappingError(
                    self.target,
                    said.NOT_BOOLEAN(value=str(as_text(raw))),
                    user_name=user_name,
                    next_step=said.NOT_BOOLEAN_NEXT(),
                )
            return flag
        if self.multi_texts:
            items = raw if isinstance(raw, list | tuple) else [raw]
            texts = [t for t in (as_text(v) for v in items) if t]
            return texts or None
        text = as_text(raw)
        if text and self.language_tag:
            return webex_language_tag(text, self.target, user_name)
        return text or None


# Webex takes preferredLanguage and locale only as ll_CC (en_US, fr_FR: Cisco's spec).
_LANGUAGE_TAGS = frozenset({"preferredlanguage", "locale"})
_LANGUAGE_AND_COUNTRY = re.compile(r"^\s*([A-Za-z]{2})[-_]([A-Za-z]{2})\s*$")


def webex_language_tag(text: str, target: str = "preferredLanguage", user_name: str = "") -> str:
    """A language and country in Webex's ll_CC form: "fr-FR" and "fr_fr" give "fr_FR".

    Anything else ("en" alone, "zh-Hant-TW", "French") is refused for this user, naming
    the value, before anything is sent: Webex refuses it too (400), and no country can be
    guessed for a bare language."""
    found = _LANGUAGE_AND_COUNTRY.match(text)
    if found is None:
        raise MappingError(
            target,
            said.NOT_LANGUAGE_TAG(value=text),
            user_name=user_name,
            next_step=said.NOT_LANGUAGE_TAG_NEXT(),
        )
    return f"{found[1].lower()}_{found[2].upper()}"


class Mapper:
    """Checks a MappingSet once, then maps source records to SCIM payloads.

    `known_source_attributes`, when given, is the list of attributes the source offers
    (the CSV header, the Entra catalogue): a user mapping that reads another is refused.
    `webex_language_tags`: preferredLanguage and locale are sent as Webex wants them (ll_CC,
    see webex_language_tag); False for a generic SCIM app (RFC 7643's en-US form, as is).
    """

    def __init__(
        self,
        mapping_set: MappingSet,
        *,
        known_source_attributes: Collection[str] | None = None,
        webex_language_tags: bool = True,
    ) -> None:
        self.mapping_set = mapping_set
        known = None
        if known_source_attributes is not None:
            known = [*known_source_attributes, "accountEnabled", "userPrincipalName", "id"]
        self._users = _compile(mapping_set.users, "User", known)
        if not webex_language_tags:
            self._users = [replace(c, language_tag=False) for c in self._users]
        self._groups = _compile(mapping_set.groups, "Group", None)
        # The mappings each kind of payload applies, and the matching ones by precedence.
        self._users_updating = [c for c in self._users if c.applies(False)]
        self._users_creating = [c for c in self._users if c.applies(True)]
        # The same without the reference mappings, which `user_payload(references=...)`
        # hands back apart (a mapping set without any costs nothing more per user).
        self._user_references = tuple(c for c in self._users if c.reference and c.applies(True))
        self._users_updating_plain = [c for c in self._users_updating if not c.reference]
        self._users_creating_plain = [c for c in self._users_creating if not c.reference]
        self._users_matching = _by_precedence(self._users)
        # create_payload's shortcut: the mappings only a creation applies, when every one
        # writes a top-level attribute (userType, say); None: build the payload again.
        creating_only = [c for c in self._users_creating_plain if not c.applies(False)]
        self._users_creating_only: list[_Compiled] | None = (
            creating_only if all(c.top_level for c in creating_only) else None
        )
        self._groups_matching = _by_precedence(self._groups)
        self._managed: dict[tuple[Resource, bool], frozenset[str]] = {}
        _require(self._users, "User", "userName")
        if self._groups:
            _require(self._groups, "Group", "displayName")
            for c in self._groups:
                if c.path.key() == "members" and c.mapping.type not in (
                    MappingType.DIRECT,
                    MappingType.NONE,
                ):
                    raise MappingError("members", said.MEMBERS_DIRECT())

    # --- what the mappings read and write ---------------------------------------------------

    @property
    def user_source_attributes(self) -> tuple[str, ...]:
        """Source attributes the user mappings read (for Graph's $select), without repeats."""
        return _sources(self._users)

    @property
    def group_source_attributes(self) -> tuple[str, ...]:
        return _sources(self._groups)

    @property
    def user_reference_targets(self) -> tuple[str, ...]:
        """Target paths of the user mappings that name another user (manager.value)."""
        return tuple(c.target for c in self._user_references)

    @property
    def unknown_targets(self) -> list[str]:
        """Target paths not in the catalogue: Webex ignores attributes it does not know."""
        return [c.target for c in (*self._users, *self._groups) if c.info is None]

    def managed_paths(self, resource: Resource, *, creating: bool = False) -> frozenset[str]:
        """The target paths (lower-case) the mappings write, for `diff`."""
        paths = self._managed.get((resource, creating))
        if paths is None:
            compiled = self._users if resource == "User" else self._groups
            paths = frozenset(c.path.key() for c in compiled if c.applies(creating))
            self._managed[(resource, creating)] = paths
        return paths

    # --- users ------------------------------------------------------------------------------

    def user_payload(
        self,
        user: SourceUser,
        *,
        creating: bool,
        references: dict[str, str] | None = None,
    ) -> ScimUserPayload:
        """The SCIM User body for this user; on_create mappings only when `creating`.

        With a `references` dict, reference mappings (manager.value) write nothing in the
        payload: `references[target path]` gets the source id they give instead (see the
        module docstring). Without it, that source id is in the payload as it is (the
        mapping preview shows what the mapping reads).
        """
        attributes = user_attributes(user)
        payload: dict[str, Any] = {"schemas": [CORE_USER]}
        user_name = user.user_name
        if references is None:
            compiled = self._users_creating if creating else self._users_updating
        else:
            compiled = self._users_creating_plain if creating else self._users_updating_plain
        for c in compiled:
            value = c.value(attributes, user_name)
            if value is not None:
                _put(payload, c.path, c.info, value)
        # One user refused, the cycle goes on (issue 22): an invisible character or a letter
        # of another script in the userName.
        check_user_name(payload.get("userName"), user.row)
        if references is not None:
            for c in self._user_references:
                if creating or c.applies(False):
                    value = c.value(attributes, user_name)
                    if value is not None:
                        references[c.target] = str(value)
        return cast(ScimUserPayload, payload)  # built from the mappings' target paths

    @property
    def matching_attributes(self) -> tuple[str, ...]:
        """The target attributes users are matched on, by precedence (matching_keys gives
        a user's values of them)."""
        return tuple(c.target for c in self._users_matching)

    def matching_keys(
        self, user: SourceUser, payload: Mapping[str, Any] | None = None
    ) -> list[tuple[str, str]]:
        """(target attribute, value) pairs by matching precedence, empty values left out.

        `payload`, the user's `user_payload(user, creating=False)` when the caller has it:
        the values of top-level attributes are read from it instead of mapped again.
        """
        if payload is not None:
            keys: list[tuple[str, str]] = []
            attributes: Mapping[str, Any] | None = None
            for c in self._users_matching:
                if c.top_level and not c.reference and c.applies(False):
                    value = payload.get(c.path.attribute)
                else:
                    if attributes is None:
                        attributes = user_attributes(user)
                    value = c.value(attributes, user.user_name)
                text = as_text(value)
                if text:
                    keys.append((c.target, text))
            return keys
        return _matching(self._users_matching, user_attributes(user), user.user_name)

    def create_payload(self, user: SourceUser, payload: ScimUserPayload) -> ScimUserPayload:
        """`user_payload(user, creating=True)` from the user's `user_payload(user,
        creating=False)`: a copy of it with the mappings only a creation applies (a user
        created is not mapped twice, benchmark P1). Reference mappings are not applied."""
        creating_only = self._users_creating_only
        if creating_only is None:
            return self.user_payload(user, creating=True, references={})
        created: dict[str, Any] = dict(payload)  # nested values shared: only top-level keys added
        attributes: Mapping[str, Any] | None = None
        for c in creating_only:
            if attributes is None:
                attributes = user_attributes(user)
            value = c.value(attributes, user.user_name)
            if value is not None:
                created[c.path.attribute] = value
        return cast(ScimUserPayload, created)

    def user_notes(self, user: SourceUser, payload: Mapping[str, Any] | None = None) -> list[str]:
        """Plain words for the plan about what this user's payload does not say by itself."""
        payload = payload if payload is not None else self.user_payload(user, creating=True)
        notes: list[str] = []
        user_name = as_text(payload.get("userName")) or ""
        work = next(
            (
                as_text(e.get("value"))
                for e in payload.get("emails", [])
                if isinstance(e, Mapping) and e.get("type") == "work"
            ),
            None,
        )
        mail = as_text(lookup_attribute(user.attributes, "mail"))
        if work and mail and mail.lower() != work.lower():
            notes.append(
                f"mail {mail} differs from the work e-mail {work} that is sent: Webex needs "
                "the primary work e-mail to equal userName."
            )
        if work and user_name and work.lower() != user_name.lower():
            notes.append(
                f"The work e-mail {work} differs from userName {user_name}: Webex will refuse "
                "it; map the work e-mail from the same attribute as userName."
            )
        return notes

    def diff_user(
        self, old_payload: Mapping[str, Any], new_payload: Mapping[str, Any]
    ) -> list[Change]:
        """What an update changes on the attributes the (always-applied) mappings manage."""
        if not old_payload:
            return all_new(new_payload)
        managed = self.managed_paths("User") | {k.lower() for k in flatten(new_payload)}
        return diff(old_payload, new_payload, managed=managed)

    # --- groups -----------------------------------------------------------------------------

    def group_payload(
        self,
        group: SourceGroup,
        member_target_ids: Iterable[str] = (),
        *,
        creating: bool = True,
    ) -> ScimGroupPayload:
        """The SCIM Group body; `members` lists the target ids of provisioned members."""
        attributes = group_attributes(group)
        payload: dict[str, Any] = {"schemas": [CORE_GROUP]}
        for c in self._groups:
            if not c.applies(creating):
                continue
            if c.path.key() == "members":
                ids = list(dict.fromkeys(i for i in member_target_ids if i))
                if ids:
                    payload["members"] = [{"value": i} for i in ids]
                continue
            value = c.value(attributes, group.display_name)
            if value is not None:
                _put(payload, c.path, c.info, value)
        return cast(ScimGroupPayload, payload)

    def group_matching_keys(self, group: SourceGroup) -> list[tuple[str, str]]:
        return _matching(self._groups_matching, group_attributes(group), group.display_name)

    def diff_group(
        self, old_payload: Mapping[str, Any], new_payload: Mapping[str, Any]
    ) -> list[Change]:
        if not old_payload:
            return all_new(new_payload)
        managed = self.managed_paths("Group") | {k.lower() for k in flatten(new_payload)}
        return diff(old_payload, new_payload, managed=managed)


def _by_precedence(compiled: Sequence[_Compiled]) -> list[_Compiled]:
    return sorted(
        (c for c in compiled if c.mapping.matching_precedence > 0),
        key=lambda c: c.mapping.matching_precedence,
    )


def _compile(
    mappings: Sequence[AttributeMapping], resource: Resource, known: Collection[str] | None
) -> list[_Compiled]:
    out: list[_Compiled] = []
    seen: dict[str, str] = {}
    precedences: dict[int, str] = {}
    for m in mappings:
        try:
            path = parse_scim_path(m.target)
        except ScimPathError as exc:
            raise MappingError(
                m.target or said.EMPTY_TARGET(),
                said.NOT_A_PATH(problem=exc.coded_problem or exc.problem),
            ) from None
        target = path.text()
        if path.key() in seen:
            raise MappingError(
                target,
                said.MAPPED_TWICE(other=seen[path.key()]),
                next_step=said.MAPPED_TWICE_NEXT(),
            )
        seen[path.key()] = target
        info = find_target_attribute(path, resource)
        expression = None
        if m.type == MappingType.DIRECT:
            if not m.source.strip():
                raise MappingError(target, said.DIRECT_NEEDS_SOURCE())
            if known is not None and m.source.lower() not in {k.lower() for k in known}:
                raise MappingError(
                    target,
                    said.NO_SUCH_SOURCE(name=m.source),
                    next_step=said.NO_SUCH_SOURCE_NEXT(),
                )
        elif m.type == MappingType.EXPRESSION:
            if not m.expression.strip():
                raise MappingError(target, said.EMPTY_EXPRESSION())
            try:
                expression = parse(m.expression, known_attributes=known)
            except ExpressionError as exc:
                raise MappingError(
                    target,
                    exc.coded_problem or exc.problem,
                    column=exc.column,
                    near=exc.where_said(),
                ) from exc
        elif (
            m.type == MappingType.CONSTANT
            and info is not None
            and info.type == AttributeType.BOOLEAN
            and to_bool(m.constant) is None
        ):
            raise MappingError(target, said.CONSTANT_NOT_BOOLEAN(value=m.constant))
        if (
            m.default is not None
            and info is not None
            and info.type == AttributeType.BOOLEAN
            and to_bool(m.default) is None
        ):
            raise MappingError(target, said.DEFAULT_NOT_BOOLEAN(value=m.default))
        if m.matching_precedence < 0:
            raise MappingError(target, said.NEGATIVE_PRECEDENCE())
        if m.matching_precedence:
            if m.type == MappingType.NONE:
                raise MappingError(target, said.MATCHING_NEEDS_VALUE())
            other = precedences.get(m.matching_precedence)
            if other is not None:
                raise MappingError(
                    target,
                    said.PRECEDENCE_TAKEN(other=other, precedence=m.matching_precedence),
                    next_step=said.PRECEDENCE_TAKEN_NEXT(),
                )
            precedences[m.matching_precedence] = target
        out.append(_Compiled.of(m, path, info, expression))
    return out


def _require(compiled: Sequence[_Compiled], resource: Resource, attribute: str) -> None:
    kind = "User" if resource == "User" else "Group"
    if not any(c.path.key() == attribute.lower() and c.applies(True) for c in compiled):
        raise MappingError(
            attribute,
            said.REQUIRED[kind](attribute=attribute),
            next_step=said.REQUIRED_NEXT[kind](attribute=attribute),
        )
    if not any(c.mapping.matching_precedence for c in compiled):
        raise MappingError(
            attribute,
            said.NO_MATCHING[kind](),
            next_step=said.NO_MATCHING_NEXT(attribute=attribute),
        )


def _sources(compiled: Sequence[_Compiled]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for c in compiled:
        if c.mapping.type == MappingType.DIRECT:
            names: Iterable[str] = (c.mapping.source,)
        elif c.expression is not None:
            names = c.expression.referenced_attributes
        else:
            continue
        for name in names:
            seen.setdefault(name.lower(), name)
    return tuple(seen.values())


def _matching(
    by_precedence: Sequence[_Compiled], attributes: Mapping[str, Any], who: str
) -> list[tuple[str, str]]:
    keys: list[tuple[str, str]] = []
    for c in by_precedence:
        value = as_text(c.value(attributes, who))
        if value:
            keys.append((c.target, value))
    return keys


@lru_cache(maxsize=64)
def _user_target(target: str) -> tuple[ScimPath, TargetAttribute | None]:
    path = parse_scim_path(target)
    return path, find_target_attribute(path, "User")


def put_reference(payload: ScimPayload, target: str, value: str) -> None:
    """Write a resolved reference (the referenced user's target id) at a user target path
    of a user's payload, as `user_payload` writes any other value (the schema URN joins
    `schemas`)."""
    path, info = _user_target(target)
    _put(cast(dict[str, Any], payload), path, info, value)


def _put(payload: dict[str, Any], path: ScimPath, info: TargetAttribute | None, value: Any) -> None:
    container = payload
    if path.schema is not None:
        schemas: list[str] = payload["schemas"]
        if path.schema not in schemas:
            schemas.append(path.schema)
        container = payload.setdefault(path.schema, {})
    attr = path.attribute
    if path.has_filter:
        assert path.filter_attribute is not None
        elements: list[dict[str, Any]] = container.setdefault(attr, [])
        element = next(
            (e for e in elements if e.get(path.filter_attribute) == path.filter_value), None
        )
        if element is None:
            element = {path.filter_attribute: path.filter_value}
            key = (attr.lower(), path.filter_attribute.lower(), (path.filter_value or "").lower())
            if key in _PRIMARY_ELEMENTS:
                element["primary"] = True
            elements.append(element)
        element[path.sub_attribute or "value"] = value
    elif info is not None and info.multi_valued and info.element_template:
        template = dict(info.element_template)
        container[attr] = [{**template, "value": v} for v in value]
    elif path.sub_attribute is not None:
        container.setdefault(attr, {})[path.sub_attribute] = value
    else:
        container[attr] = value
