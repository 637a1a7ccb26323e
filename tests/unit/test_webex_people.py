"""people/me as a typed result, and what its roles tell about write permission."""

from __future__ import annotations

import pytest

from app.webex.errors import ProtocolError
from app.webex.orgid import encode_webex_id, org_id_from_uuid
from app.webex.people import PeopleMe

ORG = "96abc2aa-3dcc-11e5-a152-fe34819cdc9a"


def me(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "id": encode_webex_id("PEOPLE", "f5b36187-c8dd-4727-8b2f-f9c447f29046"),
        "emails": ["john.andersen@example.com"],
        "displayName": "John Andersen",
        "firstName": "John",
        "lastName": "Andersen",
        "orgId": org_id_from_uuid(ORG),
        "roles": [],
        "status": "active",
        "type": "person",
    }
    data.update(overrides)
    return data


def role(name: str) -> str:
    return encode_webex_id("ROLE", name)


def test_the_spec_example_is_read() -> None:
    person = PeopleMe.from_json(me())
    assert person.display_name == "John Andersen"
    assert person.primary_email == "john.andersen@example.com"
    assert person.org_uuid == ORG
    assert person.type == "person"
    assert person.status == "active"
    assert person.to_dict()["org_uuid"] == ORG


@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        ([role("id_full_admin")], True),
        ([role("id_readonly_admin"), role("id_user_admin")], True),
        ([role("id_readonly_admin")], False),
        ([role("id_device_admin"), role("id_group_admin")], False),
        (["id_full_admin"], True),
        ([role("id_something_new")], None),
        (["Y2lz_undecodable"], None),
        ([], None),
    ],
)
def test_write_permission_is_told_only_by_known_roles(
    roles: list[str], expected: bool | None
) -> None:
    assert PeopleMe.from_json(me(roles=roles)).can_write_users() is expected


def test_role_names_are_decoded() -> None:
    person = PeopleMe.from_json(me(roles=[role("id_full_admin"), "junk"]))
    assert person.role_names == ("id_full_admin",)


@pytest.mark.parametrize("kind", ["bot", "appuser"])
def test_the_type_is_kept(kind: str) -> None:
    assert PeopleMe.from_json(me(type=kind)).type == kind


def test_an_unexpected_type_is_unknown() -> None:
    assert PeopleMe.from_json(me(type="robot")).type == "unknown"


@pytest.mark.parametrize(
    "bad", [[], "text", me(orgId=None), me(id=None), me(orgId="bm90IGFuIG9yZw")]
)
def test_an_answer_without_id_or_org_is_a_protocol_error(bad: object) -> None:
    with pytest.raises(ProtocolError):
        PeopleMe.from_json(bad)
