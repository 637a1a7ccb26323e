"""The filter tables the program keeps (the Webex client's, the sandbox's) are Cisco's
"Search users" table as the spec has it: a refreshed copy of the spec that changes the
table fails here, naming the difference."""

from __future__ import annotations

from app.sandbox.webex_search import ENTERPRISE_FILTERS, USER_FILTERS
from app.webex.client import WebexClient
from tests.contract.webex_spec import enterprise_filter_names, user_filter_table

ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:"


def test_the_sandbox_filters_on_exactly_the_spec_table() -> None:
    table = user_filter_table()
    sandbox = {
        name: frozenset(op.value for op in ops)
        for name, ops in {**USER_FILTERS, **ENTERPRISE_FILTERS}.items()
    }
    assert sandbox == table
    assert set(ENTERPRISE_FILTERS) == enterprise_filter_names()


def test_the_client_filters_on_the_spec_table_only() -> None:
    org = "96abc2aa-3dcc-11e5-a152-fe34819cdc9a"
    client = WebexClient(f"https://webexapis.com/identity/scim/{org}/v2/", token="unsent")
    table = user_filter_table()
    for name in table:
        assert client.filterable("User", name), name
    for name in enterprise_filter_names():
        assert client.filterable("User", ENTERPRISE + name), name
    for name in ("externalId", "active", "title", "userType", "emails.type", "meta.created"):
        assert not client.filterable("User", name), name
