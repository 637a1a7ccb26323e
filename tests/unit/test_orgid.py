"""orgId conversions: base64 ORGANIZATION ids <-> UUIDs, padding and alphabet tolerant."""

from __future__ import annotations

import base64
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import InputError
from app.webex.orgid import (
    OrgIdError,
    decode_webex_id,
    encode_webex_id,
    org_id_from_uuid,
    org_uuid_from_org_id,
)

# The example of webex-api-facts.md (from Cisco's OpenAPI spec).
SPEC_ORG_ID = (
    "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFiYzJhYS0zZGNjLTExZTUtYTE1Mi1mZTM0ODE5Y2RjOWE"
)
SPEC_ORG_UUID = "96abc2aa-3dcc-11e5-a152-fe34819cdc9a"
SPEC_PERSON_ID = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNWIzNjE4Ny1jOGRkLTQ3MjctOGIyZi1mOWM0NDdmMjkwNDY"


def test_the_spec_example_decodes_to_its_uuid() -> None:
    assert org_uuid_from_org_id(SPEC_ORG_ID) == SPEC_ORG_UUID


def test_encoding_gives_back_the_spec_example_without_padding() -> None:
    assert org_id_from_uuid(SPEC_ORG_UUID) == SPEC_ORG_ID


def test_padded_and_urlsafe_forms_are_accepted() -> None:
    padded = base64.b64encode(f"ciscospark://us/ORGANIZATION/{SPEC_ORG_UUID}".encode()).decode()
    assert padded.endswith("=")
    assert org_uuid_from_org_id(padded) == SPEC_ORG_UUID
    urlsafe = base64.urlsafe_b64encode(
        b"ciscospark://us/ORGANIZATION/" + SPEC_ORG_UUID.encode() + b"??>"
    ).decode()
    # an id whose base64 needs '-'/'_' still decodes (the value is then not a UUID)
    assert decode_webex_id(urlsafe) is not None


def test_a_uuid_is_accepted_as_is_in_any_case_and_with_spaces_around() -> None:
    assert org_uuid_from_org_id(f"  {SPEC_ORG_UUID.upper()} ") == SPEC_ORG_UUID


def test_a_person_id_is_refused_as_a_person_id() -> None:
    with pytest.raises(OrgIdError) as caught:
        org_uuid_from_org_id(SPEC_PERSON_ID)
    assert "person id" in caught.value.message
    assert '"orgId"' in caught.value.next_step
    assert isinstance(caught.value, InputError)


def test_another_kind_of_webex_id_is_named() -> None:
    role = encode_webex_id("ROLE", "id_full_admin")
    with pytest.raises(OrgIdError, match="role id"):
        org_uuid_from_org_id(role)


@pytest.mark.parametrize("value", ["", "hello world", "not-an-id", "Zm9vYmFy", "12345"])
def test_what_is_no_id_at_all_is_refused(value: str) -> None:
    with pytest.raises(OrgIdError, match="neither a UUID nor"):
        org_uuid_from_org_id(value)


def test_a_uuid_that_is_not_one_is_refused_when_encoding() -> None:
    with pytest.raises(OrgIdError):
        org_id_from_uuid("96abc2aa")


@given(st.uuids())
def test_round_trip_uuid_to_org_id_and_back(value: uuid.UUID) -> None:
    org_id = org_id_from_uuid(str(value))
    assert "=" not in org_id
    assert org_uuid_from_org_id(org_id) == str(value)
    assert org_uuid_from_org_id(org_id + "=" * (-len(org_id) % 4)) == str(value)


@given(st.uuids(), st.sampled_from(["us", "eu", "ca"]))
def test_the_region_does_not_change_the_uuid(value: uuid.UUID, region: str) -> None:
    assert org_uuid_from_org_id(org_id_from_uuid(str(value), region)) == str(value)
