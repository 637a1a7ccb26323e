"""open_source: the DirectorySource a profile names (a CSV file, Microsoft Entra ID)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.directory.base import DirectorySource
from app.errors import InputError

if TYPE_CHECKING:
    from app.config.profile import Profile
    from app.config.secrets import SecretStore

# [attribute] references inside mapping expressions, e.g. Join(" ", [givenName], [surname]).
_EXPRESSION_REFERENCE = re.compile(r"\[([^\[\]\"]+)\]")


def source_attributes(profile: Profile) -> list[str]:
    """The source attributes the profile's mappings and scoping filters read, sorted.

    A source that must ask for attributes by name (Graph's $select) reads these.
    """
    names: set[str] = set()
    for mapping in [*profile.mappings.users, *profile.mappings.groups]:
        if mapping.source:
            names.add(mapping.source)
        names.update(match.strip() for match in _EXPRESSION_REFERENCE.findall(mapping.expression))
    for scoping_filter in profile.scoping:
        names.update(clause.attribute for clause in scoping_filter.clauses)
    return sorted(name for name in names if name)


def open_source(profile: Profile, secrets: SecretStore | None = None) -> DirectorySource:
    """The source of a profile, ready to read. Nothing is read or signed in yet."""
    if profile.source.kind == "csv":
        from app.directory.csv_file import CsvSource

        assert profile.source.csv is not None  # the Profile model requires it for csv
        return CsvSource(profile.source.csv)
    if profile.source.kind == "entra":
        assert profile.source.entra is not None  # the Profile model requires it for entra
        try:
            from app.directory.entra import (  # type: ignore[import-not-found,unused-ignore]
                EntraSource,
            )
        except ModuleNotFoundError as exc:
            if exc.name != "app.directory.entra":
                raise
            raise InputError(
                "This version of webex-provisioner cannot read Microsoft Entra ID yet.",
                "Use a CSV export of the users for now (--source csv --csv-file FILE).",
            ) from None
        from app.config.secrets import SecretStore

        source: DirectorySource = EntraSource(
            profile.source.entra,
            scope=profile.scope,
            profile_name=profile.name,
            secrets=secrets or SecretStore(),
            attributes=source_attributes(profile),
        )
        return source
    raise InputError(
        f"The source kind {profile.source.kind!r} is not known.",
        "Choose csv or entra (--source).",
    )


__all__ = ["open_source", "source_attributes"]
