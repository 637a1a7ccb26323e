"""The default mappings, after Microsoft's table for Cisco Webex (reference/webex-api-facts.md).

Choices where Microsoft's table does not fit Webex as is:

- active: Direct from accountEnabled. What mappings call accountEnabled is always the
  source's enabled flag (SourceUser.enabled, see app.sync.mapping.user_attributes), so a
  source without such an attribute (a CSV file with no accountEnabled column) means
  enabled, and a disabled user is sent active=false. Microsoft's generic table negates
  IsSoftDeleted instead; soft deletion reaches the engine as a removal, not as a value.
- emails[type eq "work"].value: from userPrincipalName, not from mail. Webex requires the
  primary work e-mail to equal userName, so sending mail would be refused whenever the
  two differ; when they agree, both give the same value. The plan shows the e-mail sent
  and a note when the directory's mail differs (Mapper.user_notes).
- externalId: Coalesce([mailNickname], [id]). mailNickname as Microsoft maps it; a source
  without one (most CSV files) falls back to the stable source id, so that every user has
  a second matching key that survives a change of userName in Entra.
- userType: the constant "user", on create only: Webex refuses a create without it, and
  an update must not turn a room or a calling service into a user.

A CSV source gets mappings from its own columns (csv_mapping_set): userName and the work
e-mail from the userName column it names, the names and title from the columns that hold
them (givenName or firstName, surname or lastName, ...), none for a column it lacks, and
externalId from an id column it has, else the source id (never Entra's mailNickname).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.config.rules import ApplyWhen, AttributeMapping, MappingSet, MappingType

if TYPE_CHECKING:
    from app.config.profile import TargetKind

WORK_EMAIL = 'emails[type eq "work"].value'


def default_user_mappings(target_kind: TargetKind = "webex") -> list[AttributeMapping]:
    """Microsoft's user table for Webex; a generic SCIM target gets the same without userType."""
    direct = MappingType.DIRECT
    mappings = [
        AttributeMapping(
            target="userName", type=direct, source="userPrincipalName", matching_precedence=1
        ),
        AttributeMapping(target="active", type=direct, source="accountEnabled"),
        AttributeMapping(target="displayName", type=direct, source="displayName"),
        AttributeMapping(target="name.givenName", type=direct, source="givenName"),
        AttributeMapping(target="name.familyName", type=direct, source="surname"),
        AttributeMapping(target=WORK_EMAIL, type=direct, source="userPrincipalName"),
        AttributeMapping(target="title", type=direct, source="jobTitle"),
        AttributeMapping(
            target="externalId",
            type=MappingType.EXPRESSION,
            expression="Coalesce([mailNickname], [id])",
            matching_precedence=2,
        ),
    ]
    if target_kind == "webex":
        mappings.append(
            AttributeMapping(
                target="userType",
                type=MappingType.CONSTANT,
                constant="user",
                apply=ApplyWhen.ON_CREATE,
            )
        )
    return mappings


def default_group_mappings(target_kind: TargetKind = "webex") -> list[AttributeMapping]:
    """Groups: displayName (matching), members, externalId (mailNickname, else the source id)."""
    del target_kind  # the same for Webex and generic SCIM targets
    return [
        AttributeMapping(
            target="displayName",
            type=MappingType.DIRECT,
            source="displayName",
            matching_precedence=1,
        ),
        AttributeMapping(target="members", type=MappingType.DIRECT, source="members"),
        AttributeMapping(
            target="externalId",
            type=MappingType.EXPRESSION,
            expression="Coalesce([mailNickname], [id])",
        ),
    ]


# The columns a CSV export may call each attribute, in order of preference (any case).
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "displayName": ("displayName", "display name", "fullName", "full name", "name"),
    "name.givenName": ("givenName", "firstName", "first name", "given name", "prenom"),
    "name.familyName": ("surname", "familyName", "lastName", "last name", "sn", "nom"),
    "title": ("jobTitle", "title", "job title"),
}
CSV_ID_COLUMNS = ("externalId", "employeeId", "employeeNumber", "objectId", "id")


def _csv_column(columns: list[str], names: tuple[str, ...]) -> str | None:
    by_name = {column.strip().casefold(): column for column in columns}
    return next((by_name[name.casefold()] for name in names if name.casefold() in by_name), None)


def csv_user_mappings(
    columns: list[str], user_name_column: str, target_kind: TargetKind = "webex"
) -> list[AttributeMapping]:
    """The user mappings for a CSV file with these columns (see the module docstring)."""
    direct = MappingType.DIRECT
    user_name = _csv_column(columns, (user_name_column,)) or user_name_column
    mappings = [
        AttributeMapping(target="userName", type=direct, source=user_name, matching_precedence=1),
        AttributeMapping(target="active", type=direct, source="accountEnabled"),
    ]
    for target, names in CSV_COLUMNS.items():
        column = _csv_column(columns, names)
        if column is not None and column != user_name:
            mappings.append(AttributeMapping(target=target, type=direct, source=column))
    mappings.append(AttributeMapping(target=WORK_EMAIL, type=direct, source=user_name))
    id_column = _csv_column([c for c in columns if c != user_name], CSV_ID_COLUMNS)
    if id_column is not None and id_column.casefold() != "id":
        external = AttributeMapping(
            target="externalId",
            type=MappingType.EXPRESSION,
            expression=f"Coalesce([{id_column}], [id])",
            matching_precedence=2,
        )
    else:  # the source id: the file's id column, else the userName in lower case
        external = AttributeMapping(
            target="externalId", type=direct, source="id", matching_precedence=2
        )
    mappings.append(external)
    if target_kind == "webex":
        mappings.append(
            AttributeMapping(
                target="userType",
                type=MappingType.CONSTANT,
                constant="user",
                apply=ApplyWhen.ON_CREATE,
            )
        )
    return mappings


def csv_mapping_set(
    columns: list[str], user_name_column: str, target_kind: TargetKind = "webex"
) -> MappingSet:
    """The mappings a profile with a CSV source starts with: from the file's own columns."""
    groups = [
        m
        if m.target != "externalId"
        else AttributeMapping(target="externalId", type=MappingType.DIRECT, source="id")
        for m in default_group_mappings(target_kind)
    ]
    return MappingSet(
        users=csv_user_mappings(columns, user_name_column, target_kind), groups=groups
    )


def default_mapping_set(target_kind: TargetKind = "webex") -> MappingSet:
    """The mappings a new profile starts with ("webex" or a generic "scim" target)."""
    return MappingSet(
        users=default_user_mappings(target_kind),
        groups=default_group_mappings(target_kind),
    )
