"""The Profile model: TOML round trip, defaults, and the refusals an admin reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.config.profile import (
    Profile,
    ProfileInvalid,
    looks_like_email,
    parse_every,
    profile_from_data,
    profile_from_toml,
    profile_to_toml,
)
from app.config.rules import (
    AttributeMapping,
    MappingSet,
    MappingType,
    ScopingClause,
    ScopingFilter,
    ScopingOperator,
)
from app.errors import InputError

WEBEX_URL = "https://webexapis.com/identity/scim/96abc2aa-3dcc-11e5-a152-fe34819cdc9a/v2/"


def minimal(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "acme",
        "target": {"tenant_url": WEBEX_URL},
        "source": {"kind": "csv", "csv": {"path": "/data/users.csv"}},
    }
    data.update(overrides)
    return data


def full_profile() -> Profile:
    return profile_from_data(
        {
            "name": "acme-prod_2",
            "target": {"tenant_url": WEBEX_URL, "kind": "webex"},
            "source": {
                "kind": "entra",
                "csv": {
                    "path": "/data/Utilisateurs été.csv",
                    "user_name_column": "email",
                    "encoding": "cp1252",
                    "delimiter": ";",
                    "group_columns": ["Groupes", "Teams"],
                    "skip_invalid": True,
                },
                "entra": {
                    "tenant_id": "contoso.onmicrosoft.com",
                    "client_id": "11111111-2222-3333-4444-555555555555",
                    "auth": "device_code",
                    "app_id": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
                    "authority": "https://login.microsoftonline.us/",
                    "graph_url": "https://graph.microsoft.us",
                    "ca_file": "/etc/ssl/corp-ca.pem",
                },
            },
            "mappings": MappingSet(
                users=[
                    AttributeMapping(
                        target="userName", source="userPrincipalName", matching_precedence=1
                    ),
                    AttributeMapping(
                        target="displayName",
                        type=MappingType.EXPRESSION,
                        expression='Join(" ", [givenName], [surname])',
                        default="Sans nom",
                    ),
                ],
                case_sensitive_matching=True,
            ).model_dump(),
            "scoping": [
                ScopingFilter(
                    name="Ventes",
                    clauses=[
                        ScopingClause(
                            attribute="department",
                            operator=ScopingOperator.EQUALS,
                            value="Ventes",
                            case_insensitive=True,
                        )
                    ],
                ).model_dump()
            ],
            "scope": "all",
            "provisioning_enabled": True,
            "schedule": {"every_minutes": 90},
            "notifications": {
                "emails": ["ops@example.com", "it@example.fr"],
                "send_on_failure": True,
                "smtp": {
                    "host": "smtp.example.com",
                    "port": 465,
                    "security": "tls",
                    "user": "robot",
                    "sender": "provisioning@example.com",
                },
            },
            "safety": {
                "deletion_threshold_count": 50,
                "deletion_threshold_percent": 5,
                "skip_out_of_scope_deletions": True,
                "allow_hard_delete": True,
            },
            "concurrency_cap": 8,
            "retention_days": 90,
        }
    )


def test_every_setting_survives_a_toml_round_trip() -> None:
    profile = full_profile()
    text = profile_to_toml(profile)
    again = profile_from_toml(text, origin="acme.toml")
    assert again == profile
    assert again.source.entra is not None
    assert again.source.entra.authority == "https://login.microsoftonline.us"
    assert again.source.csv is not None
    assert again.source.csv.path == Path("/data/Utilisateurs été.csv")
    assert again.scoping[0].clauses[0].operator is ScopingOperator.EQUALS


def test_defaults_are_the_documented_ones() -> None:
    profile = profile_from_data(minimal())
    assert profile.target.kind == "webex"
    assert profile.scope == "assigned"
    assert profile.provisioning_enabled is False
    assert profile.schedule.every_minutes == 40
    assert profile.notifications.smtp.port == 587
    assert profile.notifications.smtp.security == "starttls"
    assert profile.safety.deletion_threshold_count == 500
    assert profile.safety.deletion_threshold_percent == 20
    assert profile.safety.skip_out_of_scope_deletions is False
    assert profile.safety.allow_hard_delete is False
    assert profile.concurrency_cap == 16
    assert profile.retention_days == 30
    csv = profile.source.csv
    assert csv is not None
    assert (csv.user_name_column, csv.encoding, csv.delimiter) == (
        "userPrincipalName",
        "auto",
        "auto",
    )
    assert csv.group_columns == [] and csv.skip_invalid is False


def test_a_new_profile_gets_the_webex_default_mappings() -> None:
    profile = profile_from_data(minimal())
    assert "userName" in [m.target for m in profile.mappings.users]
    by_target = {m.target: m for m in profile.mappings.users}
    assert by_target["userName"].matching_precedence == 1


def test_saved_mappings_are_kept_not_replaced_by_defaults() -> None:
    only = [AttributeMapping(target="userName", source="mail").model_dump()]
    profile = profile_from_data(minimal(mappings={"users": only}))
    assert [(m.target, m.source) for m in profile.mappings.users] == [("userName", "mail")]


def test_a_generic_scim_url_makes_a_scim_target() -> None:
    profile = profile_from_data(minimal(target={"tenant_url": "https://scim.example.com/scim/v2/"}))
    assert profile.target.kind == "scim"


def _keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def test_no_setting_can_hold_a_secret() -> None:
    keys = _keys(full_profile().model_dump())
    assert "smtp" in keys and "tenant_id" in keys  # the walk reached nested settings
    assert not [k for k in keys if any(w in k for w in ("token", "secret", "password"))]


@pytest.mark.parametrize("name", ["a b", "acme/prod", "..", "", "é", "x" * 65, "CON", "lpt1"])
def test_bad_profile_names_are_refused_with_the_rule(name: str) -> None:
    with pytest.raises(ProfileInvalid) as caught:
        profile_from_data(minimal(name=name))
    message = str(caught.value)
    assert "`name`" in message
    assert "letters, digits, - and _" in message or "Windows reserves" in message


def test_an_unknown_key_is_refused_with_the_key_and_the_file() -> None:
    text = profile_to_toml(profile_from_data(minimal())).replace(
        "[safety]\n", "[safety]\ndeletion_treshold = 3\n"
    )
    with pytest.raises(ProfileInvalid) as caught:
        profile_from_toml(text, origin="/home/admin/acme.toml")
    message = str(caught.value)
    assert "/home/admin/acme.toml" in message
    assert "unknown setting `safety.deletion_treshold`" in message


def test_a_broken_toml_names_the_file_and_line() -> None:
    text = 'name = "acme"\n[target]\ntenant_url = "https://x\n'
    with pytest.raises(ProfileInvalid) as caught:
        profile_from_toml(text, origin="acme.toml")
    assert "acme.toml" in str(caught.value)
    assert "line 3" in str(caught.value)


def test_a_plain_http_tenant_url_is_refused_unless_loopback() -> None:
    with pytest.raises(ProfileInvalid) as caught:
        profile_from_data(minimal(target={"tenant_url": "http://scim.example.com/scim/v2/"}))
    assert "`target.tenant_url`" in str(caught.value)
    local = profile_from_data(minimal(target={"tenant_url": "http://127.0.0.1:8080/scim/v2/"}))
    assert local.target.tenant_url.startswith("http://127.0.0.1")


@pytest.mark.parametrize(
    ("overrides", "where"),
    [
        ({"source": {"kind": "csv"}}, "no file is named"),
        ({"source": {"kind": "entra"}}, "settings are missing"),
        ({"source": {"kind": "ldap"}}, "`source.kind`"),
        ({"scope": "some"}, "`scope`"),
        ({"safety": {"deletion_threshold_percent": 120}}, "deletion_threshold_percent"),
        ({"schedule": {"every_minutes": 0}}, "every_minutes"),
        ({"concurrency_cap": 0}, "concurrency_cap"),
        ({"notifications": {"emails": ["not an address"]}}, "is not an e-mail address"),
        ({"notifications": {"send_on_failure": True}}, "no recipient"),
        (
            {"notifications": {"send_on_failure": True, "emails": ["ops@example.com"]}},
            "no SMTP server",
        ),
        (
            {"source": {"kind": "csv", "csv": {"path": "u.csv", "encoding": "klingon"}}},
            "not an encoding",
        ),
        (
            {"source": {"kind": "csv", "csv": {"path": "u.csv", "delimiter": ";;"}}},
            "one character",
        ),
        (
            {
                "source": {
                    "kind": "entra",
                    "entra": {"tenant_id": "t", "client_id": "c", "graph_url": "http://graph.x"},
                }
            },
            "must use https://",
        ),
    ],
)
def test_invalid_settings_are_refused_naming_the_setting(
    overrides: dict[str, object], where: str
) -> None:
    with pytest.raises(ProfileInvalid) as caught:
        profile_from_data(minimal(**overrides))
    assert where in str(caught.value)
    assert caught.value.exit_code == 2


def test_a_missing_required_setting_is_named() -> None:
    data = minimal()
    del data["target"]
    with pytest.raises(ProfileInvalid) as caught:
        profile_from_data(data, origin="acme.toml")
    assert "no `target`, which is required" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("40m", 40),
        ("90", 90),
        ("2h", 120),
        ("1h30m", 90),
        ("1h30", 90),
        ("1d", 1440),
        (" 15 min", 15),
    ],
)
def test_durations_are_read_in_minutes(text: str, minutes: int) -> None:
    assert parse_every(text) == minutes


@pytest.mark.parametrize("text", ["", "m", "40s", "-5", "0", "forty", "2h-"])
def test_bad_durations_say_how_to_write_one(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_every(text)
    assert "40m" in caught.value.next_step


@given(st.integers(min_value=1, max_value=100_000))
def test_bare_numbers_are_minutes(minutes: int) -> None:
    assert parse_every(str(minutes)) == minutes


@pytest.mark.parametrize(
    "address",
    [
        "ops@example.com",
        "jean-françois.dupont@exemple.fr",
        "a+b@sub.example.co.uk",
        "x@xn--bcher-kva.ch",
    ],
)
def test_ordinary_addresses_are_e_mail(address: str) -> None:
    assert looks_like_email(address)


@pytest.mark.parametrize(
    "address",
    [
        "",
        "ops",
        "ops@",
        "@example.com",
        "ops@example",
        "a b@example.com",
        "a@b@example.com",
        "ops@example.c",
        "ops@-example.com",
        "ops@example..com",
        '"x"@example.com',
    ],
)
def test_malformed_addresses_are_not(address: str) -> None:
    assert not looks_like_email(address)
