"""The default mappings of a CSV source come from its own columns, never Entra's names."""

from __future__ import annotations

import pytest

from app.config.defaults import WORK_EMAIL, csv_mapping_set
from app.directory.base import SourceUser
from app.sync.mapping import Mapper


def _by_target(columns: list[str], user_name_column: str) -> dict[str, str]:
    mappings = csv_mapping_set(columns, user_name_column).users
    return {m.target: m.source or m.expression or m.constant or "" for m in mappings}


def test_a_csv_with_other_names_is_mapped_from_its_own_columns() -> None:
    found = _by_target(["upn", "firstName", "LastName", "Department", "employeeId"], "upn")
    assert found["userName"] == "upn"
    assert found[WORK_EMAIL] == "upn"
    assert found["name.givenName"] == "firstName"
    assert found["name.familyName"] == "LastName"
    assert found["externalId"] == "Coalesce([employeeId], [id])"
    assert "displayName" not in found and "title" not in found  # no such column
    assert not any("mailNickname" in value for value in found.values())


@pytest.mark.parametrize("kind", ["webex", "scim"])
def test_the_sample_csv_columns_give_a_mapping_set_the_engine_accepts(kind: str) -> None:
    columns = ["userPrincipalName", "givenName", "surname", "displayName", "jobTitle", "mail"]
    mapping_set = csv_mapping_set(columns, "userPrincipalName", kind)  # type: ignore[arg-type]
    everything = [m.source or m.expression or "" for m in mapping_set.users + mapping_set.groups]
    assert not any("mailNickname" in text for text in everything)
    assert ("userType" in {m.target for m in mapping_set.users}) == (kind == "webex")
    user = SourceUser(
        source_id="ana@example.com",
        user_name="ana@example.com",
        attributes={
            "userPrincipalName": "ana@example.com",
            "givenName": "Ana",
            "surname": "Lima",
            "displayName": "Ana Lima",
            "jobTitle": "Nurse",
            "mail": "ana@example.com",
        },
    )
    payload = Mapper(mapping_set, known_source_attributes=columns).user_payload(user, creating=True)
    assert payload["userName"] == "ana@example.com"
    assert payload["name"] == {"givenName": "Ana", "familyName": "Lima"}
    assert payload["externalId"] == "ana@example.com"  # the source id: no mailNickname
