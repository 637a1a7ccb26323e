"""Mappings: SCIM payloads from source users and groups, validation, matching keys, diffs."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from app.config.defaults import WORK_EMAIL, default_mapping_set
from app.config.rules import ApplyWhen, AttributeMapping, MappingSet, MappingType
from app.directory.base import SourceGroup, SourceUser
from app.errors import InputError
from app.sync.mapping import Mapper, MappingError, user_attributes
from app.sync.payload_diff import diff, flatten
from app.webex.constants import CISCO_USER, CORE_USER, ENTERPRISE_USER

FRENCH = SourceUser(
    source_id="0c9f6e2a-5b1d-4d7e-9a43-3f2b8c1d7e60",
    user_name="francoise.lefevre@exemple.fr",
    attributes={
        "userPrincipalName": "francoise.lefevre@exemple.fr",
        "givenName": "Françoise",
        "surname": "Lefèvre-Dupré",
        "displayName": "Françoise Lefèvre-Dupré",
        "mail": "francoise.lefevre@exemple.fr",
        "jobTitle": "Cheffe de projet",
        "department": "Ingénierie",
        "mailNickname": "flefevre",
    },
)


def user(**attributes: Any) -> SourceUser:
    enabled = attributes.pop("enabled", True)
    upn = attributes.setdefault("userPrincipalName", "user@example.com")
    return SourceUser(source_id="src-1", user_name=upn, attributes=attributes, enabled=enabled)


def mapper(*mappings: AttributeMapping, **kwargs: Any) -> Mapper:
    base = [AttributeMapping(target="userName", source="userPrincipalName", matching_precedence=1)]
    return Mapper(MappingSet(users=[*base, *mappings]), **kwargs)


# --- the default mapping ---------------------------------------------------------------------


def test_french_user_through_the_default_mapping_has_the_webex_shape() -> None:
    payload = Mapper(default_mapping_set("webex")).user_payload(FRENCH, creating=True)
    assert payload == {
        "schemas": [CORE_USER],
        "userName": "francoise.lefevre@exemple.fr",
        "active": True,
        "displayName": "Françoise Lefèvre-Dupré",
        "name": {"givenName": "Françoise", "familyName": "Lefèvre-Dupré"},
        "emails": [{"type": "work", "primary": True, "value": "francoise.lefevre@exemple.fr"}],
        "title": "Cheffe de projet",
        "externalId": "flefevre",
        "userType": "user",
    }


def test_default_mapping_on_update_leaves_user_type_alone() -> None:
    payload = Mapper(default_mapping_set("webex")).user_payload(FRENCH, creating=False)
    assert "userType" not in payload
    assert payload["userName"] == "francoise.lefevre@exemple.fr"


def test_generic_scim_default_has_no_webex_user_type() -> None:
    payload = Mapper(default_mapping_set("scim")).user_payload(FRENCH, creating=True)
    assert "userType" not in payload
    assert payload["name"]["familyName"] == "Lefèvre-Dupré"


def test_disabled_user_is_sent_inactive_and_a_source_without_the_flag_is_active() -> None:
    m = Mapper(default_mapping_set("webex"))
    disabled = SourceUser(
        "s", "a@example.com", {"userPrincipalName": "a@example.com"}, enabled=False
    )
    assert m.user_payload(disabled, creating=True)["active"] is False
    # accountEnabled in the attributes never overrides what the source decided.
    stale = SourceUser("s", "a@example.com", {"accountEnabled": "TRUE"}, enabled=False)
    assert m.user_payload(stale, creating=True)["active"] is False
    plain = SourceUser("s", "b@example.com", {"userPrincipalName": "b@example.com"})
    assert m.user_payload(plain, creating=True)["active"] is True


def test_csv_user_without_upn_column_uses_the_source_user_name_and_id() -> None:
    csv_user = SourceUser("c.dupont@exemple.fr", "C.Dupont@exemple.fr", {"email": "x"})
    m = Mapper(default_mapping_set("webex"))
    payload = m.user_payload(csv_user, creating=True)
    assert payload["userName"] == "C.Dupont@exemple.fr"
    # no mailNickname: externalId falls back to the stable source id
    assert payload["externalId"] == "c.dupont@exemple.fr"
    assert m.matching_keys(csv_user) == [
        ("userName", "C.Dupont@exemple.fr"),
        ("externalId", "c.dupont@exemple.fr"),
    ]


def test_work_email_follows_user_name_and_the_plan_notes_a_different_mail() -> None:
    someone = user(userPrincipalName="jdoe@contoso.com", mail="john.doe@contoso.com")
    m = Mapper(default_mapping_set("webex"))
    payload = m.user_payload(someone, creating=True)
    assert payload["emails"] == [{"type": "work", "primary": True, "value": "jdoe@contoso.com"}]
    notes = m.user_notes(someone, payload)
    assert len(notes) == 1
    assert "john.doe@contoso.com" in notes[0] and "jdoe@contoso.com" in notes[0]
    assert m.user_notes(FRENCH) == []


def test_a_work_email_mapped_from_mail_that_differs_from_user_name_is_flagged() -> None:
    m = mapper(AttributeMapping(target=WORK_EMAIL, source="mail"))
    notes = m.user_notes(user(userPrincipalName="jdoe@contoso.com", mail="john@contoso.com"))
    assert any("Webex will refuse" in n for n in notes)


def test_user_attributes_fill_in_what_mappings_rely_on() -> None:
    attrs = user_attributes(SourceUser("id-7", "u@x", {"AccountEnabled": "yes"}, enabled=False))
    assert attrs == {"accountEnabled": False, "userPrincipalName": "u@x", "id": "id-7"}


# --- mapping types and options ---------------------------------------------------------------


def test_constant_expression_none_and_default() -> None:
    m = mapper(
        AttributeMapping(target="preferredLanguage", type=MappingType.CONSTANT, constant="fr_FR"),
        AttributeMapping(
            target="displayName",
            type=MappingType.EXPRESSION,
            expression='Join(" ", [givenName], ToUpper([surname]))',
        ),
        AttributeMapping(target="title", type=MappingType.NONE, source="jobTitle"),
        AttributeMapping(target="nickName", source="nickname", default="(aucun)"),
    )
    payload = m.user_payload(user(givenName="Zoé", surname="Martin", jobTitle="CTO"), creating=True)
    assert payload["preferredLanguage"] == "fr_FR"
    assert payload["displayName"] == "Zoé MARTIN"
    assert "title" not in payload  # None sends nothing
    assert payload["nickName"] == "(aucun)"  # the source is empty: the default is sent


def test_empty_values_are_left_out() -> None:
    m = mapper(
        AttributeMapping(target="name.givenName", source="givenName"),
        AttributeMapping(target="name.familyName", source="surname"),
        AttributeMapping(target="title", source="jobTitle"),
    )
    payload = m.user_payload(user(givenName="", jobTitle=None), creating=True)
    assert payload == {"schemas": [CORE_USER], "userName": "user@example.com"}


def test_on_create_mappings_apply_only_when_creating() -> None:
    m = mapper(
        AttributeMapping(
            target="nickName",
            type=MappingType.EXPRESSION,
            expression="Left([givenName], 3)",
            apply=ApplyWhen.ON_CREATE,
        )
    )
    someone = user(givenName="Maximilien")
    assert m.user_payload(someone, creating=True)["nickName"] == "Max"
    assert "nickName" not in m.user_payload(someone, creating=False)
    assert m.managed_paths("User") == frozenset({"username"})
    assert m.managed_paths("User", creating=True) == frozenset({"username", "nickname"})


@pytest.mark.parametrize(
    ("source_value", "sent"),
    [(True, True), ("FALSE", False), ("oui", True), ("0", False), (1, True)],
)
def test_boolean_targets_receive_booleans(source_value: Any, sent: bool) -> None:
    m = mapper(AttributeMapping(target="active", source="status"))
    assert m.user_payload(user(status=source_value), creating=True)["active"] is sent


def test_boolean_constant_and_a_value_that_is_not_a_boolean() -> None:
    m = mapper(AttributeMapping(target="active", type=MappingType.CONSTANT, constant="false"))
    assert m.user_payload(user(), creating=True)["active"] is False
    m = mapper(AttributeMapping(target="active", source="status"))
    with pytest.raises(MappingError) as caught:
        m.user_payload(user(userPrincipalName="bob@example.com", status="maybe"), creating=True)
    assert caught.value.target == "active"
    assert 'for bob@example.com has an error: "maybe" is not true or false.' in caught.value.message


def test_extension_attributes_go_under_their_schema_urn() -> None:
    m = mapper(
        AttributeMapping(target=f"{ENTERPRISE_USER}:department", source="department"),
        AttributeMapping(target=f"{ENTERPRISE_USER}:employeeNumber", source="employeeId"),
        AttributeMapping(target=f"{CISCO_USER}:extensionAttribute1", source="badge"),
        AttributeMapping(
            target=f"{CISCO_USER}:extensionAttribute2",
            type=MappingType.EXPRESSION,
            expression='Split([groups], ";")',
        ),
        AttributeMapping(target=f"{CISCO_USER}:externalAttribute1", source="costCode"),
    )
    payload = m.user_payload(
        user(department="Ventes", employeeId="E-1", badge="B42", groups="a; b", costCode="CC9"),
        creating=True,
    )
    assert payload["schemas"] == [CORE_USER, ENTERPRISE_USER, CISCO_USER]
    assert payload[ENTERPRISE_USER] == {"department": "Ventes", "employeeNumber": "E-1"}
    assert payload[CISCO_USER] == {
        "extensionAttribute1": ["B42"],
        "extensionAttribute2": ["a", "b"],
        "externalAttribute1": [{"source": "webex-provisioner", "value": "CC9"}],
    }


def test_core_schema_prefix_and_several_typed_elements() -> None:
    m = mapper(
        AttributeMapping(target=f"{CORE_USER}:title", source="jobTitle"),
        AttributeMapping(target='phoneNumbers[type eq "work"].value', source="businessPhone"),
        AttributeMapping(target='phoneNumbers[type eq "mobile"].value', source="mobilePhone"),
        AttributeMapping(target='addresses[type eq "work"].locality', source="city"),
        AttributeMapping(target='addresses[type eq "work"].postalCode', source="postalCode"),
    )
    payload = m.user_payload(
        user(
            jobTitle="Dev",
            businessPhone="+33 1",
            mobilePhone="+33 6",
            city="Lyon",
            postalCode="69001",
        ),
        creating=True,
    )
    assert payload["title"] == "Dev"
    assert payload["phoneNumbers"] == [
        {"type": "work", "value": "+33 1"},
        {"type": "mobile", "value": "+33 6"},
    ]
    assert payload["addresses"] == [{"type": "work", "locality": "Lyon", "postalCode": "69001"}]


# --- validation, up front --------------------------------------------------------------------


def test_a_bad_expression_names_the_target_and_the_column() -> None:
    with pytest.raises(MappingError) as caught:
        mapper(
            AttributeMapping(
                target="displayName", type=MappingType.EXPRESSION, expression='Jion(" ", [a])'
            )
        )
    error = caught.value
    assert isinstance(error, InputError)
    assert error.target == "displayName" and error.column == 1
    assert error.message.startswith(
        'The mapping for "displayName" has an error at column 1 (near `Jion(" ", [a…`):'
    )
    assert 'did you mean "Join"?' in error.message


def test_the_same_target_twice_is_refused() -> None:
    with pytest.raises(MappingError, match="mapped twice"):
        mapper(
            AttributeMapping(target='emails[type eq "work"].value', source="mail"),
            AttributeMapping(target='Emails[type eq "work"].Value', source="userPrincipalName"),
        )
    with pytest.raises(MappingError, match="mapped twice"):
        mapper(AttributeMapping(target=f"{CORE_USER}:userName", source="mail"))


@pytest.mark.parametrize(
    ("mapping", "fragment"),
    [
        (AttributeMapping(target="title", source=""), "needs a source attribute"),
        (AttributeMapping(target="title", type=MappingType.EXPRESSION), "the expression is empty"),
        (
            AttributeMapping(target="active", type=MappingType.CONSTANT, constant="peut-être"),
            'the constant "peut-être" is not true or false',
        ),
        (AttributeMapping(target="active", source="x", default="bof"), 'the default "bof"'),
        (AttributeMapping(target="emails[type eq work].value", source="x"), "the filter must read"),
        (AttributeMapping(target="name.", source="x"), "not a valid SCIM path"),
        (
            AttributeMapping(target="title", source="x", matching_precedence=1),
            "already has matching",
        ),
    ],
)
def test_invalid_mappings_are_refused(mapping: AttributeMapping, fragment: str) -> None:
    with pytest.raises(MappingError) as caught:
        mapper(mapping)
    assert fragment in caught.value.message


def test_unknown_source_attributes_are_refused_when_the_source_is_known() -> None:
    headers = ["userPrincipalName", "givenName", "surname"]
    mapper(
        AttributeMapping(target="name.givenName", source="GivenName"),
        known_source_attributes=headers,
    )
    with pytest.raises(MappingError, match='the source has no attribute "jobTitle"'):
        mapper(AttributeMapping(target="title", source="jobTitle"), known_source_attributes=headers)
    with pytest.raises(MappingError) as caught:
        mapper(
            AttributeMapping(
                target="displayName",
                type=MappingType.EXPRESSION,
                expression='Join(" ", [givenName], [surnam])',
            ),
            known_source_attributes=headers,
        )
    assert caught.value.column == 24
    assert 'did you mean "surname"' in caught.value.message


def test_user_name_and_a_matching_attribute_are_required() -> None:
    with pytest.raises(MappingError, match="no user mapping writes userName"):
        Mapper(MappingSet(users=[AttributeMapping(target="title", source="jobTitle")]))
    with pytest.raises(MappingError, match="no user mapping is a matching attribute"):
        Mapper(MappingSet(users=[AttributeMapping(target="userName", source="mail")]))


# --- matching keys ---------------------------------------------------------------------------


def test_matching_keys_follow_precedence_and_skip_empty_values() -> None:
    m = Mapper(
        MappingSet(
            users=[
                AttributeMapping(target="externalId", source="employeeId", matching_precedence=2),
                AttributeMapping(
                    target="userName", source="userPrincipalName", matching_precedence=1
                ),
                AttributeMapping(target="title", source="jobTitle"),
            ]
        )
    )
    assert m.matching_keys(user(employeeId="E7")) == [
        ("userName", "user@example.com"),
        ("externalId", "E7"),
    ]
    assert m.matching_keys(user(employeeId="")) == [("userName", "user@example.com")]


def test_source_attributes_read_by_the_mappings() -> None:
    m = Mapper(default_mapping_set("webex"))
    assert m.user_source_attributes == (
        "userPrincipalName",
        "accountEnabled",
        "displayName",
        "givenName",
        "surname",
        "jobTitle",
        "mailNickname",
        "id",
    )
    assert m.group_source_attributes == ("displayName", "members", "mailNickname", "id")


def test_targets_webex_does_not_know_are_reported() -> None:
    m = mapper(AttributeMapping(target="favouriteColour", source="x"))
    assert m.unknown_targets == ["favouriteColour"]
    assert Mapper(default_mapping_set("webex")).unknown_targets == []


# --- groups ----------------------------------------------------------------------------------


def test_group_payload_with_members_and_external_id() -> None:
    m = Mapper(default_mapping_set("webex"))
    group = SourceGroup("g-1", "Équipe Paris", {"mailNickname": "equipe-paris"}, ("u1", "u2"))
    assert m.group_payload(group, ["w-1", "w-2", "w-1"]) == {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
        "displayName": "Équipe Paris",
        "members": [{"value": "w-1"}, {"value": "w-2"}],
        "externalId": "equipe-paris",
    }
    bare = SourceGroup("g-2", "Lyon", {})
    assert m.group_payload(bare, []) == {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
        "displayName": "Lyon",
        "externalId": "g-2",
    }
    assert m.group_matching_keys(bare) == [("displayName", "Lyon")]


def test_members_can_only_be_mapped_directly() -> None:
    users = default_mapping_set("webex").users
    groups = [
        AttributeMapping(target="displayName", source="displayName", matching_precedence=1),
        AttributeMapping(target="members", type=MappingType.CONSTANT, constant="x"),
    ]
    with pytest.raises(MappingError, match="members can only be mapped directly"):
        Mapper(MappingSet(users=users, groups=groups))


# --- flatten and diff ------------------------------------------------------------------------

WEBEX_USER = {
    "schemas": [CORE_USER, CISCO_USER, ENTERPRISE_USER],
    "id": "3426a8e3-d414-4bf0-a493-4f6787632a13",
    "userName": "francoise.lefevre@exemple.fr",
    "active": True,
    "name": {"familyName": "Lefevre", "givenName": "Françoise"},
    "displayName": "Françoise Lefevre",
    "emails": [
        {"value": "francoise.lefevre@exemple.fr", "type": "work", "primary": True},
        {"value": "perso@exemple.org", "type": "home"},
    ],
    "userType": "user",
    "title": "Chef de projet",
    "nickName": "Fanfan",
    "externalId": "flefevre",
    CISCO_USER: {"accountStatus": ["active"], "meta": {"organizationId": "0ae8"}},
    "meta": {"resourceType": "User", "version": 'W/"7667"'},
}


def test_flatten_spells_paths_as_mapping_targets() -> None:
    flat = flatten(WEBEX_USER)
    assert flat["name.familyName"] == "Lefevre"
    assert flat['emails[type eq "work"].value'] == "francoise.lefevre@exemple.fr"
    assert flat['emails[type eq "home"].value'] == "perso@exemple.org"
    assert flat[f"{CISCO_USER}:accountStatus"] == ["active"]
    assert not {"id", "schemas", "meta", f"{CISCO_USER}:meta.organizationId"} & set(flat)


def test_diff_shows_old_and_new_only_for_managed_attributes() -> None:
    m = Mapper(default_mapping_set("webex"))
    new = m.user_payload(FRENCH, creating=False)
    changes = m.diff_user(WEBEX_USER, new)
    assert changes == [
        ("displayName", "Françoise Lefevre", "Françoise Lefèvre-Dupré"),
        ("name.familyName", "Lefevre", "Lefèvre-Dupré"),
        ("title", "Chef de projet", "Cheffe de projet"),
    ]
    # nickName, the home e-mail, userType and the Cisco extension are not managed.


def test_diff_reports_a_cleared_attribute_and_compares_case() -> None:
    m = Mapper(default_mapping_set("webex"))
    no_title = SourceUser(FRENCH.source_id, FRENCH.user_name, {**FRENCH.attributes, "jobTitle": ""})
    old = copy.deepcopy(WEBEX_USER)
    old["displayName"] = "françoise lefèvre-dupré"
    old["name"]["familyName"] = "Lefèvre-Dupré"
    changes = m.diff_user(old, m.user_payload(no_title, creating=False))
    assert ("title", "Chef de projet", None) in changes
    assert ("displayName", "françoise lefèvre-dupré", "Françoise Lefèvre-Dupré") in changes


def test_no_change_gives_an_empty_diff() -> None:
    m = Mapper(default_mapping_set("webex"))
    current = m.user_payload(FRENCH, creating=True)
    current.update(id="x", meta={"version": "1"}, schemas=[CISCO_USER, CORE_USER])
    assert m.diff_user(current, m.user_payload(FRENCH, creating=False)) == []


def test_diff_without_managed_paths_compares_everything() -> None:
    old = {"userName": "a", "title": "", "emails": [{"type": "work", "value": "a"}]}
    new = {"userName": "a", "nickName": "b", "emails": [{"type": "work", "value": "b"}]}
    assert diff(old, new) == [
        ("nickName", None, "b"),
        ('emails[type eq "work"].value', "a", "b"),
    ]


def test_group_member_diff() -> None:
    m = Mapper(default_mapping_set("webex"))
    group = SourceGroup("g-1", "Paris", {"mailNickname": "paris"})
    old = {
        "id": "t",
        "displayName": "Paris",
        "externalId": "paris",
        "members": [{"value": "b"}, {"value": "a"}],
    }
    assert m.diff_group(old, m.group_payload(group, ["a", "b"])) == []
    assert m.diff_group(old, m.group_payload(group, ["a"])) == [("members", ["a", "b"], ["a"])]


@pytest.mark.parametrize(
    "extra",
    [
        [],  # the defaults: userType, a top-level attribute, on create only
        [  # an on-create mapping inside a complex attribute: the payload is built again
            AttributeMapping(
                target="name.middleName",
                type=MappingType.CONSTANT,
                constant="X",
                apply=ApplyWhen.ON_CREATE,
            )
        ],
        [  # an on-create matching key
            AttributeMapping(
                target="nickName",
                source="mailNickname",
                apply=ApplyWhen.ON_CREATE,
                matching_precedence=3,
            )
        ],
    ],
)
def test_create_payload_and_keys_from_the_update_payload_equal_mapping_again(
    extra: list[AttributeMapping],
) -> None:
    defaults = default_mapping_set("webex")
    m = Mapper(MappingSet(users=[*defaults.users, *extra], groups=defaults.groups))
    updating = m.user_payload(FRENCH, creating=False)
    untouched = copy.deepcopy(updating)
    created = m.create_payload(FRENCH, updating)
    assert created == m.user_payload(FRENCH, creating=True)
    assert created["userType"] == "user" and "userType" not in updating
    assert updating == untouched  # the update payload is left as it was
    assert m.matching_keys(FRENCH, updating) == m.matching_keys(FRENCH)
