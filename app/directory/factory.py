"""open_source: the DirectorySource a profile names (a CSV file, Microsoft Entra ID)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.config.secrets import SecretStore
from app.directory import source_messages as say
from app.directory.base import DirectorySource
from app.directory.csv import CsvSource
from app.directory.entra import EntraSource
from app.errors import InputError

if TYPE_CHECKING:
    from app.config.profile import Profile
    from app.directory.entra.auth import DeviceCodeCallback

# [attribute] references inside mapping expressions, e.g. Join(" ", [givenName], [surname]).
_EXPRESSION_REFERENCE = re.compile(r"\[([^\[\]\"]+)\]")


def source_attributes(profile: Profile) -> list[str]:
    """The user attributes the profile's user mappings and scoping filters read, sorted.

    A source that must ask for users' attributes by name (Graph's $select on /users) reads
    these. The group mappings' names (members, a group's displayName) are not users'
    attributes: Graph refuses a user $select that names them (issue 14).
    """
    names: set[str] = set()
    for mapping in profile.mappings.users:
        if mapping.source:
            names.add(mapping.source)
        names.update(match.strip() for match in _EXPRESSION_REFERENCE.findall(mapping.expression))
    for scoping_filter in profile.scoping:
        names.update(clause.attribute for clause in scoping_filter.clauses)
    return sorted(name for name in names if name)


def open_source(
    profile: Profile,
    secrets: SecretStore | None = None,
    *,
    device_code_callback: DeviceCodeCallback | None = None,
) -> DirectorySource:
    """The source of a profile, ready to read. Nothing is read or signed in yet.

    `device_code_callback` is for an Entra profile that signs in by device code: it is
    called with the prompt (URL and code) when the saved sign-in cannot be used. Without
    it, such a sign-in fails at once with a SignInError instead of waiting for a person.
    """
    if profile.source.kind == "csv":
        assert profile.source.csv is not None  # the Profile model requires it for csv
        return CsvSource(profile.source.csv)
    if profile.source.kind == "entra":
        assert profile.source.entra is not None  # the Profile model requires it for entra
        source: DirectorySource = EntraSource(
            profile.source.entra,
            scope=profile.scope,
            profile_name=profile.name,
            secrets=secrets or SecretStore(),
            attributes=source_attributes(profile),
            device_code_callback=device_code_callback,
        )
        return source
    raise InputError(say.UNKNOWN_KIND(kind=repr(profile.source.kind)), say.UNKNOWN_KIND_NEXT())


__all__ = ["open_source", "source_attributes"]
