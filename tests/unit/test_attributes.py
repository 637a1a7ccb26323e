"""The attribute catalogue the mapping page offers, and SCIM target paths."""

from __future__ import annotations

import pytest

from app.config.defaults import default_mapping_set
from app.directory.attributes import AttributeType, GraphHandling, csv_source_attributes
from app.directory.entra.attributes import (
    ENTRA_USER_ATTRIBUTES,
    entra_user_attribute,
    graph_query_for,
)
from app.sync.attributes import (
    ResourceType,
    TargetKind,
    find_target_attribute,
    target_attributes,
)
from app.sync.scim_paths import ScimPath, ScimPathError, parse_scim_path
from app.webex.constants import CISCO_USER, CORE_USER, ENTERPRISE_USER


def paths(kind: TargetKind, resource: ResourceType) -> list[str]:
    return [a.path for a in target_attributes(kind, resource)]


def test_webex_user_targets_cover_core_enterprise_and_cisco_extension() -> None:
    offered = paths("webex", "User")
    for expected in (
        "userName",
        "userType",
        "active",
        "name.givenName",
        "name.familyName",
        'emails[type eq "work"].value',
        'phoneNumbers[type eq "mobile"].value',
        f"{ENTERPRISE_USER}:department",
        f"{ENTERPRISE_USER}:manager.value",
        f"{CISCO_USER}:extensionAttribute1",
        f"{CISCO_USER}:extensionAttribute15",
        f"{CISCO_USER}:externalAttribute15",
    ):
        assert expected in offered
    assert len(offered) == len(set(offered))
    ext = find_target_attribute(f"{CISCO_USER}:extensionAttribute7", "User")
    assert ext is not None and ext.multi_valued and ext.type == AttributeType.STRING
    external = find_target_attribute(f"{CISCO_USER}:externalAttribute3", "User")
    assert external is not None and external.type == AttributeType.COMPLEX
    user_name = find_target_attribute("userName", "User")
    assert user_name is not None and user_name.required
    active = find_target_attribute("active", "User")
    assert active is not None and active.type == AttributeType.BOOLEAN


def test_generic_scim_targets_have_no_cisco_extension() -> None:
    offered = paths("scim", "User")
    assert "userName" in offered and f"{ENTERPRISE_USER}:department" in offered
    assert not [p for p in offered if p.startswith(CISCO_USER)]
    assert "userType" not in offered


def test_group_targets() -> None:
    assert paths("scim", "Group") == ["displayName", "externalId", "members"]
    members = find_target_attribute("members", "Group")
    assert members is not None and members.multi_valued and members.type == AttributeType.REFERENCE


def test_catalogue_lookup_ignores_case_and_knows_unlisted_types() -> None:
    assert find_target_attribute("USERNAME", "User") is not None
    assert find_target_attribute(f"{CORE_USER}:title", "User") is not None
    assistant = find_target_attribute('phoneNumbers[type eq "assistant"].value', "User")
    assert assistant is not None and not assistant.multi_valued
    assert find_target_attribute("favouriteColour", "User") is None
    assert find_target_attribute("bad[path", "User") is None


def test_every_default_mapping_target_is_in_the_catalogue() -> None:
    mappings = default_mapping_set("webex")
    for m in mappings.users:
        assert find_target_attribute(m.target, "User") is not None, m.target
    for m in mappings.groups:
        assert find_target_attribute(m.target, "Group") is not None, m.target


def test_entra_source_attributes_and_their_graph_handling() -> None:
    names = {a.name for a in ENTRA_USER_ATTRIBUTES}
    for expected in (
        "id",
        "userPrincipalName",
        "givenName",
        "surname",
        "mail",
        "mailNickname",
        "employeeId",
        "businessPhones",
        "usageLocation",
        "manager",
        "onPremisesSamAccountName",
        "onPremisesImmutableId",
        "onPremisesExtensionAttributes.extensionAttribute1",
        "onPremisesExtensionAttributes.extensionAttribute15",
    ):
        assert expected in names
    manager = entra_user_attribute("Manager")
    assert manager is not None and manager.graph == GraphHandling.EXPAND
    phones = entra_user_attribute("businessPhones")
    assert phones is not None and phones.multi_valued


def test_graph_query_selects_parents_and_expands_navigation_properties() -> None:
    query = graph_query_for(
        [
            "givenName",
            "onPremisesExtensionAttributes.extensionAttribute1",
            "onPremisesExtensionAttributes.extensionAttribute2",
            "manager",
            "appRoleAssignments",
            "extension_0a1b_costCenter",
            "GIVENNAME",
        ]
    )
    assert query.select == [
        "id",
        "userPrincipalName",
        "accountEnabled",
        "givenName",
        "onPremisesExtensionAttributes",
        "extension_0a1b_costCenter",
    ]
    assert query.expand == ["manager"]
    assert query.needs_app_role_assignments is True


def test_csv_headers_become_source_attributes() -> None:
    attrs = csv_source_attributes(
        ["userPrincipalName", " givenName ", "", "accountEnabled", "GivenName"]
    )
    assert [a.name for a in attrs] == ["userPrincipalName", "givenName", "accountEnabled"]
    assert attrs[2].type == AttributeType.BOOLEAN
    assert attrs[0].type == AttributeType.STRING


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("userName", ScimPath("userName")),
        ("name.givenName", ScimPath("name", "givenName")),
        ('emails[type eq "work"].value', ScimPath("emails", "value", "type", "work")),
        ('emails[type EQ "work"]', ScimPath("emails", None, "type", "work")),
        (f"{CORE_USER}:displayName", ScimPath("displayName")),
        (
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:manager.value",
            ScimPath("manager", "value", schema=ENTERPRISE_USER),
        ),
        (f"{CISCO_USER}:extensionAttribute3", ScimPath("extensionAttribute3", schema=CISCO_USER)),
    ],
)
def test_scim_paths_parse(text: str, expected: ScimPath) -> None:
    assert parse_scim_path(text) == expected
    # The canonical spelling parses back to the same path.
    assert parse_scim_path(expected.text()) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "it is empty"),
        ('emails[type eq "work".value', "square bracket is not closed"),
        ("emails[type = work].value", 'the filter must read [type eq "value"]'),
        ("name..givenName", "attribute names are letters"),
        (f"{ENTERPRISE_USER}:", "not followed by an attribute name"),
    ],
)
def test_bad_scim_paths_are_explained(text: str, fragment: str) -> None:
    with pytest.raises(ScimPathError) as caught:
        parse_scim_path(text)
    assert fragment in caught.value.message
    assert caught.value.next_step
