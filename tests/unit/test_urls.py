"""Tenant URLs: every form the tutorials print is accepted and normalised; every mistake is
refused with a message that says what to fix."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ExitCode
from app.webex.orgid import org_id_from_uuid
from app.webex.urls import (
    TenantUrlError,
    host_kind,
    parse_tenant_url,
    people_me_url_for,
    tenant_url_with_org,
)

UUID = "96abc2aa-3dcc-11e5-a152-fe34819cdc9a"
ORG_ID = org_id_from_uuid(UUID)
CANONICAL = f"https://webexapis.com/identity/scim/{UUID}/v2/"
PERSON_ID = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNWIzNjE4Ny1jOGRkLTQ3MjctOGIyZi1mOWM0NDdmMjkwNDY"


@pytest.mark.parametrize(
    "text",
    [
        f"https://api.webex.com/v1/scim/{ORG_ID}/",  # 2018 tutorial, base64 orgId
        f"https://api.webex.com/v1/scim/{ORG_ID}",
        f"https://api.webex.com/v1/scim/{UUID}/",
        f"https://api.ciscospark.com/v1/scim/{UUID}",  # current Microsoft tutorial
        f"https://api.ciscospark.com/v1/scim/{ORG_ID}==",
        f"https://webexapis.com/identity/scim/{UUID}/v2/",
        f"https://webexapis.com/identity/scim/{UUID}/v2",
        f"https://webexapis.com/identity/scim/{ORG_ID}/v2/",
        f"HTTPS://WebexAPIs.com/identity/scim/{UUID.upper()}/v2/",
        f"  https://webexapis.com/identity/scim/{UUID}/v2/\n",
    ],
)
def test_every_webex_form_normalises_to_the_identity_scim_url(text: str) -> None:
    target = parse_tenant_url(text)
    assert target.kind == "webex"
    assert target.scim_base_url == CANONICAL
    assert target.org_uuid == UUID
    assert target.people_me_url == "https://webexapis.com/v1/people/me"


def test_the_identity_form_on_a_loopback_host_is_a_webex_tenant_there() -> None:
    target = parse_tenant_url(f"http://127.0.0.1:8123/identity/scim/{ORG_ID}/v2/")
    assert target.kind == "webex"
    assert target.scim_base_url == f"http://127.0.0.1:8123/identity/scim/{UUID}/v2/"
    assert target.people_me_url == "http://127.0.0.1:8123/v1/people/me"


def test_the_identity_form_on_another_webex_api_host_keeps_that_host() -> None:
    target = parse_tenant_url(f"https://api-usgov.webex.com:8443/identity/scim/{UUID}/v2")
    assert target.scim_base_url == f"https://api-usgov.webex.com:8443/identity/scim/{UUID}/v2/"
    assert target.people_me_url == "https://api-usgov.webex.com:8443/v1/people/me"


@pytest.mark.parametrize(
    ("host", "says"),
    [
        ("webexapi.com", "looks like Webex's API host"),  # a typo
        ("webexapis.co", "looks like Webex's API host"),
        ("webexapis.net", "looks like Webex's API host"),
        ("api.webex.co", "looks like Webex's API host"),
        ("webex\u0430pis.com", "(xn--"),  # a Cyrillic "а": an IDN homograph
        ("xn--webexpis-56g.com", "looks like Webex's API host"),  # the same, as punycode
        ("w\u0435bexapis.com", "looks like Webex's API host"),  # a Cyrillic "е"
        ("webexapis.com.evil.example", "looks like Webex's API host"),
        ("api.webex.com.attacker.example", "looks like Webex's API host"),
        ("webex.example.org", "is not a Webex API host"),
        ("scim.example.com", "is not a Webex API host"),
    ],
)
def test_a_host_that_is_not_webex_api_is_refused_for_a_webex_url(host: str, says: str) -> None:
    host = host.encode().decode("unicode_escape")
    for text in (
        f"https://{host}/identity/scim/{UUID}/v2/",
        f"https://{host}/identity/scim/",
    ):
        for parse in (parse_tenant_url, people_me_url_for):
            with pytest.raises(TenantUrlError) as raised:
                parse(text)
            assert says in raised.value.message
            assert "webexapis.com" in raised.value.next_step
        with pytest.raises(TenantUrlError):
            tenant_url_with_org(text, UUID)


@pytest.mark.parametrize(
    "host", ["webexapis.com", "api.webex.com", "api-usgov.webex.com", "api.ciscospark.com"]
)
def test_webex_api_hosts_are_webex(host: str) -> None:
    assert host_kind(host) == "webex"
    assert host_kind(host.upper() + ".") == "webex"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]", "127.0.0.2"])
def test_loopback_stays_allowed_for_the_sandbox_and_tests(host: str) -> None:
    assert host_kind(host) == "loopback"
    target = parse_tenant_url(f"http://{host}:8123/identity/scim/{UUID}/v2/")
    assert target.kind == "webex"
    assert people_me_url_for(f"http://{host}:8123/identity/scim/[orgId]/v2/").startswith(
        f"http://{host}:8123/"
    )


@pytest.mark.parametrize(
    "host", ["scim.example.com", "app.okta.com", "wex.com", "login.example.org", "example.com"]
)
def test_unrelated_hosts_are_other_and_still_serve_a_generic_scim_app(host: str) -> None:
    assert host_kind(host) == "other"
    assert parse_tenant_url(f"https://{host}/scim/v2/").kind == "scim"


def test_a_look_alike_host_is_refused_for_a_generic_scim_app_too() -> None:
    with pytest.raises(TenantUrlError, match="looks like Webex's API host"):
        parse_tenant_url("https://webexapis.com.evil.example/scim/v2/")


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("https://scim.example.com/scim/v2", "https://scim.example.com/scim/v2/"),
        ("https://scim.example.com/", "https://scim.example.com/"),
        ("https://scim.example.com", "https://scim.example.com/"),
        ("http://localhost:9000/v2/", "http://localhost:9000/v2/"),
        ("http://[::1]:9000/scim", "http://[::1]:9000/scim/"),
    ],
)
def test_any_other_url_is_a_generic_scim_app(text: str, base: str) -> None:
    target = parse_tenant_url(text)
    assert target.kind == "scim"
    assert target.scim_base_url == base
    assert target.org_uuid is None
    assert target.people_me_url is None


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "empty"),
        ("   ", "empty"),
        (f"https://webexapis.com/identity/scim/{UUID} /v2/", "spaces"),
        ("ftp://webexapis.com/identity/scim/x/v2/", "ftp://"),
        ("webexapis.com/identity/scim/x/v2/", "https://"),
        (f"http://webexapis.com/identity/scim/{UUID}/v2/", "Plain http://"),
        (f"http://10.0.0.5/identity/scim/{UUID}/v2/", "Plain http://"),
        ("https://api.webex.com/v1/scim/", "no orgId"),
        ("https://webexapis.com/identity/scim/v2/", "no orgId"),
        ("https://webexapis.com/v1/people/me", "no orgId"),
        ("http://127.0.0.1:8000/identity/scim//v2/", "no orgId"),
        ("https://api.webex.com/v1/scim/12345/", "neither a UUID nor"),
        ("https://webexapis.com/identity/scim/not-an-org/v2/", "neither a UUID nor"),
        (f"https://api.webex.com/v1/scim/{PERSON_ID}/", "person id"),
        ("https://api.webex.com/v1/scim/[Tenant ID]/", "placeholder"),
        ("https://api.webex.com/v1/scim/%5BTenant%20ID%5D/", "placeholder"),
        ("https://api.ciscospark.com/v1/scim/[OrgId]", "placeholder"),
        ("https://webexapis.com/identity/scim/{orgId}/v2/", "placeholder"),
        ("https://api.ciscospark.com/v1/scim/OrgId", "placeholder"),
        (f"https://webexapis.com/identity/scim/{UUID}/v2/?count=1", "query string"),
        (f"https://webexapis.com/identity/scim/{UUID}/v2/?", "query string"),
        (f"https://webexapis.com/identity/scim/{UUID}/v2/#users", "fragment"),
        (f"https://admin:pw@webexapis.com/identity/scim/{UUID}/v2/", "user name or password"),
        ("https://:443/identity/scim/x/v2/", "no host"),
        ("https://webexapis.com:99999/identity/", "not a valid URL"),
    ],
)
def test_each_mistake_is_refused_with_what_to_fix(text: str, says: str) -> None:
    with pytest.raises(TenantUrlError) as caught:
        parse_tenant_url(text)
    error = caught.value
    assert says in error.message
    assert error.next_step
    assert error.exit_code == ExitCode.BAD_INPUT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "https://webexapis.com/v1/people/me"),
        ("https://api.webex.com/v1/scim/[Tenant ID]/", "https://webexapis.com/v1/people/me"),
        ("https://api.ciscospark.com/v1/scim/", "https://webexapis.com/v1/people/me"),
        ("https://webexapis.com/identity/scim/v2/", "https://webexapis.com/v1/people/me"),
        (f"https://webexapis.com/identity/scim/{UUID}/v2/", "https://webexapis.com/v1/people/me"),
        (
            "http://127.0.0.1:8123/identity/scim/[Tenant ID]/v2/",
            "http://127.0.0.1:8123/v1/people/me",
        ),
        ("http://127.0.0.1:8123/identity/scim/", "http://127.0.0.1:8123/v1/people/me"),
    ],
)
def test_people_me_is_found_before_the_org_id_is_known(text: str, expected: str) -> None:
    assert people_me_url_for(text) == expected


def test_people_me_of_a_generic_scim_app_is_refused() -> None:
    with pytest.raises(TenantUrlError, match="not a Webex tenant URL"):
        people_me_url_for("https://scim.example.com/v2/")
    with pytest.raises(TenantUrlError, match="Plain http"):
        people_me_url_for("http://webexapis.com/identity/scim/")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", CANONICAL),
        ("https://api.webex.com/v1/scim/[Tenant ID]/", CANONICAL),
        ("https://webexapis.com/identity/scim/v2/", CANONICAL),
        ("https://webexapis.com/identity/scim/11111111-2222-3333-4444-555555555555/v2/", CANONICAL),
        (
            "http://127.0.0.1:8123/identity/scim/[Tenant ID]/v2/",
            f"http://127.0.0.1:8123/identity/scim/{UUID}/v2/",
        ),
    ],
)
def test_the_org_id_is_filled_into_the_url(text: str, expected: str) -> None:
    assert tenant_url_with_org(text, UUID) == expected
    assert tenant_url_with_org(text, ORG_ID) == expected
    assert parse_tenant_url(expected).org_uuid == UUID


st_uuid = st.uuids().map(str)


@given(
    st_uuid,
    st.sampled_from(["legacy-webex", "legacy-spark", "identity"]),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_any_org_in_any_form_parses_to_the_same_canonical_url(
    org: str, form: str, as_base64: bool, padded: bool, trailing_slash: bool
) -> None:
    value = org_id_from_uuid(org) if as_base64 else org
    if as_base64 and padded:
        value += "=" * (-len(value) % 4)
    slash = "/" if trailing_slash else ""
    text = {
        "legacy-webex": f"https://api.webex.com/v1/scim/{value}{slash}",
        "legacy-spark": f"https://api.ciscospark.com/v1/scim/{value}{slash}",
        "identity": f"https://webexapis.com/identity/scim/{value}/v2{slash}",
    }[form]
    target = parse_tenant_url(text)
    assert target.org_uuid == org
    assert target.scim_base_url == f"https://webexapis.com/identity/scim/{org}/v2/"
    assert parse_tenant_url(target.scim_base_url) == target


@given(st.uuids())
def test_filling_the_org_in_then_parsing_gives_it_back(value: uuid.UUID) -> None:
    url = tenant_url_with_org("https://api.webex.com/v1/scim/[Tenant ID]/", str(value))
    assert parse_tenant_url(url).org_uuid == str(value)
