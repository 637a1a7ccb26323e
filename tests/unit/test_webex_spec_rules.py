"""Rules of Cisco's spec the engine applies before anything is sent: ll_CC languages, the
filters Webex takes, and which admin roles write users and which write groups."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any

import httpx
import pytest

from app.config.defaults import default_mapping_set
from app.config.rules import AttributeMapping
from app.directory.base import SourceRead
from app.sync.mapping import Mapper, MappingError, webex_language_tag
from app.sync.plan import Action
from app.webex.client import WebexClient
from app.webex.errors import Conflict, error_from_response
from app.webex.people import PeopleMe
from tests.unit.test_planner import ListTarget, ops_by_key, planner, target_user, user
from tests.unit.test_webex_people import me, role

ORG = "96abc2aa-3dcc-11e5-a152-fe34819cdc9a"


@pytest.mark.parametrize(
    ("given", "sent"),
    [("fr-FR", "fr_FR"), ("fr_FR", "fr_FR"), ("en-us", "en_US"), (" DE-de ", "de_DE")],
)
def test_a_language_and_country_goes_in_webex_form(given: str, sent: str) -> None:
    assert webex_language_tag(given) == sent


@pytest.mark.parametrize("given", ["en", "French", "zh-Hant-TW", "fr-FRA", "f-FR"])
def test_what_has_no_country_is_refused_naming_the_user(given: str) -> None:
    with pytest.raises(MappingError) as caught:
        webex_language_tag(given, "locale", "ana@example.com")
    assert "ana@example.com" in caught.value.message
    assert f'"{given}"' in caught.value.message
    assert "locale" in caught.value.message
    assert caught.value.next_step


def language_mapper(*, webex: bool) -> Mapper:
    mappings = default_mapping_set("webex")
    mappings.users.append(AttributeMapping(target="locale", source="preferredLanguage"))
    return Mapper(mappings, webex_language_tags=webex)


def test_the_mapper_converts_for_webex_and_leaves_a_generic_app_alone() -> None:
    source = user(1, preferredLanguage="fr-CA")
    assert language_mapper(webex=True).user_payload(source, creating=True)["locale"] == "fr_CA"
    assert language_mapper(webex=False).user_payload(source, creating=True)["locale"] == "fr-CA"
    with pytest.raises(MappingError):
        language_mapper(webex=True).user_payload(user(2, preferredLanguage="fr"), creating=True)


def test_the_webex_client_filters_only_on_ciscos_table() -> None:
    client = WebexClient(f"https://webexapis.com/identity/scim/{ORG}/v2/", "token")
    assert client.filterable("User", "userName")
    assert client.filterable("User", "emails.value")
    assert client.filterable(
        "User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber"
    )
    assert not client.filterable("User", "externalId")
    assert not client.filterable("User", "active")
    assert client.filterable("Group", "displayName")
    assert not client.filterable("Group", "externalId")
    generic = WebexClient("https://scim.example.com/scim/v2/", "token")
    assert generic.filterable("User", "externalId")


class WebexLikeTarget(ListTarget):
    """ListTarget that, like Webex, filters on userName and not on externalId."""

    def filterable(self, rt: str, attribute: str) -> bool:
        return attribute.lower() in ("username", "displayname", "id")

    async def search(
        self, rt: str, filter: str | None = None, attributes: Sequence[str] | None = None
    ) -> AsyncIterator[dict[str, Any]]:
        if filter is not None:
            assert self.filterable(rt, filter.split(" ", 1)[0]), f"refused: {filter}"
        async for resource in super().search(rt, filter, attributes):
            yield resource


async def test_a_user_renamed_on_the_target_is_found_by_externalid_from_a_listing() -> None:
    renamed = target_user(7, userName="old.name@example.com", externalId="user7@example.com")
    target = WebexLikeTarget(users=[renamed, target_user(3)])
    plan = await planner(target).plan(SourceRead(full=True, users=[user(7), user(1)]))
    by_key = ops_by_key(plan)
    assert by_key["user7@example.com"].target_id == "t7"
    assert by_key["user7@example.com"].action == Action.UPDATE
    assert by_key["user1@example.com"].action == Action.CREATE
    filters = [f for _, f, _ in target.searches if f]
    assert filters and all(f.startswith("userName eq") for f in filters)
    assert sum(1 for _, f, _ in target.searches if f is None) == 1  # one listing, shared


@pytest.mark.parametrize(
    ("roles", "users", "groups"),
    [
        (["id_full_admin"], True, True),
        (["id_user_admin"], True, False),
        (["id_group_admin"], False, True),
        (["id_readonly_admin"], False, False),
        (["id_device_admin"], False, False),
        (["id_user_admin", "id_group_admin"], True, True),
        (["id_something_new"], None, None),
        ([], None, None),
    ],
)
def test_the_roles_tell_who_writes_users_and_who_writes_groups(
    roles: list[str], users: bool | None, groups: bool | None
) -> None:
    person = PeopleMe.from_json(me(roles=[role(name) for name in roles]))
    assert person.can_write_users() is users
    assert person.can_write_groups() is groups


def test_a_bulk_operations_error_keeps_ciscos_tracking_id_and_details() -> None:
    body = {
        "schemas": [
            "urn:ietf:params:scim:api:messages:2.0:Error",
            "urn:scim:schemas:extension:cisco:webexidentity:api:messages:2.0:Error",
        ],
        "status": "409",
        "urn:scim:schemas:extension:cisco:webexidentity:api:messages:2.0:Error": {
            "trackingId": "ROUTER_1234",
            "errorCode": "100106",
            "details": "User already exists.",
        },
    }
    error = error_from_response(httpx.Response(409, json=body))
    assert isinstance(error, Conflict)
    assert error.tracking_id == "ROUTER_1234"
    assert error.detail == "User already exists."
