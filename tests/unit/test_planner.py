"""The planner on plain data: real mappings and scoping, a target held in a list of dicts.

The target here is a small in-memory SCIM reader (search with `attr eq "value"`, get by
id): the planner only reads, and what matters is which requests it needs and the plan it
builds. The same behaviour over real HTTP is covered in tests/integration/test_sync_*.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import AsyncIterator, Sequence
from typing import Any

import pytest

from app.config.defaults import default_mapping_set
from app.config.rules import ScopingClause, ScopingFilter, ScopingOperator
from app.directory.base import SourceGroup, SourceRead, SourceSkip, SourceUser
from app.sync import plan as p
from app.sync.mapping import Mapper, user_attributes
from app.sync.matching import payload_hash
from app.sync.plan import Action
from app.sync.planner import Planner, PlannerOptions
from app.sync.safety import SafetySettings
from app.sync.scoping import explain
from app.sync.state.records import Link
from app.webex.errors import NotFound

_FILTER = re.compile(r'^(?P<attr>[\w.]+) eq (?P<value>".*")$')


class ListTarget:
    """Users and groups as SCIM dicts; counts what the planner asks."""

    def __init__(self, users: Sequence[dict[str, Any]] = (), groups: Sequence[dict[str, Any]] = ()):
        self.resources = {"User": list(users), "Group": list(groups)}
        self.searches: list[tuple[str, str | None, tuple[str, ...] | None]] = []
        self.gets: list[tuple[str, str]] = []

    async def search(
        self, rt: str, filter: str | None = None, attributes: Sequence[str] | None = None
    ) -> AsyncIterator[dict[str, Any]]:
        self.searches.append((rt, filter, tuple(attributes) if attributes else None))
        for resource in self.resources[rt]:
            if filter is None:
                yield resource
                continue
            match = _FILTER.match(filter)
            assert match, filter
            value = json.loads(match["value"])
            have = resource.get(match["attr"])
            if isinstance(have, str) and have.casefold() == value.casefold():
                yield resource

    async def get(self, rt: str, resource_id: str) -> dict[str, Any]:
        self.gets.append((rt, resource_id))
        for resource in self.resources[rt]:
            if resource["id"] == resource_id:
                return resource
        raise NotFound()

    @property
    def reads(self) -> int:
        return len(self.searches) + len(self.gets)


MAPPER = Mapper(default_mapping_set("webex"))


def user(n: int, **attributes: Any) -> SourceUser:
    enabled = attributes.pop("enabled", True)
    base = {
        "userPrincipalName": f"user{n}@example.com",
        "givenName": f"Given{n}",
        "surname": f"Sur{n}",
        "displayName": f"User {n}",
        "jobTitle": "Engineer",
    }
    base.update(attributes)
    return SourceUser(
        source_id=f"user{n}@example.com",
        user_name=base["userPrincipalName"],
        attributes=base,
        enabled=enabled,
    )


def target_user(n: int, **overrides: Any) -> dict[str, Any]:
    """What the target holds after a create from `user(n)`."""
    payload = MAPPER.user_payload(user(n), creating=True)
    return {**payload, "id": f"t{n}", **overrides}


def link(n: int, *, hashed: bool = True, active: bool = True) -> Link:
    desired = MAPPER.user_payload(user(n), creating=False)
    return Link(
        "User",
        f"user{n}@example.com",
        f"t{n}",
        f"user{n}@example.com",
        payload_hash(desired) if hashed else "",
        active,
    )


def planner(
    target: ListTarget,
    links: Sequence[Link] = (),
    group_links: Sequence[Link] = (),
    *,
    safety: SafetySettings | None = None,
    filters: Sequence[ScopingFilter] = (),
) -> Planner:
    def scope(source_user: SourceUser) -> tuple[bool, str]:
        why = explain(user_attributes(source_user), list(filters))
        return why is None, why or ""

    return Planner(
        MAPPER,
        target,
        user_links={lk.source_id: lk for lk in links},
        group_links={lk.source_id: lk for lk in group_links},
        scope=scope,
        options=PlannerOptions(
            safety=safety or SafetySettings(),
            list_target_above=5,
            managed_user_paths=[m.target for m in default_mapping_set("webex").users],
        ),
    )


def ops_by_key(plan: p.Plan) -> dict[str, p.PlannedOperation]:
    return {op.key: op for op in plan}


async def test_first_cycle_with_an_empty_target_creates_every_user() -> None:
    target = ListTarget()
    read = SourceRead(full=True, users=[user(n) for n in range(3)])
    plan = await planner(target).plan(read)
    assert plan.counts()["Create"] == 3
    create = ops_by_key(plan)["user0@example.com"]
    assert create.payload["userType"] == "user"  # on create only
    assert create.payload["userName"] == "user0@example.com"
    # Few unknown users: one filter query per matching key, no listing.
    assert all(f is not None for _, f, _ in target.searches)


async def test_a_large_first_cycle_lists_the_target_once_instead_of_one_query_per_user() -> None:
    target = ListTarget(users=[target_user(n) for n in range(0, 40, 2)])
    read = SourceRead(full=True, users=[user(n) for n in range(40)])
    plan = await planner(target).plan(read)
    assert len(target.searches) == 1
    rt, filter_, attributes = target.searches[0]
    assert (rt, filter_) == ("User", None)
    assert attributes is not None and "userName" in attributes and "name" in attributes
    assert target.gets == []
    counts = plan.counts()
    assert counts["Create"] == 20  # the odd ones
    assert counts["NoChange"] == 20  # the even ones already match
    matched = ops_by_key(plan)["user2@example.com"]
    assert matched.target_id == "t2" and matched.relink


async def test_two_target_users_for_one_key_are_skipped_never_guessed() -> None:
    twin_a = target_user(1)
    twin_b = {**target_user(1), "id": "t1-copy", "userName": "USER1@example.com"}
    target = ListTarget(users=[twin_a, twin_b])
    plan = await planner(target).plan(SourceRead(full=True, users=[user(1)]))
    op = ops_by_key(plan)["user1@example.com"]
    assert op.action == Action.SKIP
    assert op.reason == p.DUPLICATE_TARGET_ENTRIES
    assert "t1" in op.detail and "t1-copy" in op.detail


async def test_matching_ignores_case_and_falls_back_to_the_second_key() -> None:
    renamed = target_user(7, userName="old.name@example.com", externalId="user7@example.com")
    upper = target_user(8, userName="USER8@EXAMPLE.COM")
    target = ListTarget(users=[renamed, upper])
    plan = await planner(target).plan(SourceRead(full=True, users=[user(7), user(8)]))
    by_key = ops_by_key(plan)
    assert by_key["user7@example.com"].target_id == "t7"  # found by externalId
    assert by_key["user7@example.com"].action == Action.UPDATE
    assert ("userName", "old.name@example.com", "user7@example.com") in by_key[
        "user7@example.com"
    ].changes
    assert by_key["user8@example.com"].target_id == "t8"


async def test_an_unchanged_user_costs_no_request_at_all() -> None:
    target = ListTarget(users=[target_user(n) for n in range(10)])
    links = [link(n) for n in range(10)]
    plan = await planner(target, links).plan(
        SourceRead(full=True, users=[user(n) for n in range(10)])
    )
    assert plan.counts()["NoChange"] == 10
    assert target.reads == 0
    assert plan.writes() == []


async def test_a_changed_user_is_read_once_and_shows_old_and_new_values() -> None:
    target = ListTarget(users=[target_user(n) for n in range(5)])
    links = [link(n) for n in range(5)]
    source = [user(n) for n in range(5)]
    source[3] = user(3, jobTitle="Director", surname="Dupré")
    plan = await planner(target, links).plan(SourceRead(full=True, users=source))
    assert target.gets == [("User", "t3")]
    assert not target.searches
    op = ops_by_key(plan)["user3@example.com"]
    assert op.action == Action.UPDATE
    assert set(op.changes) == {
        ("title", "Engineer", "Director"),
        ("name.familyName", "Sur3", "Dupré"),
    }
    assert {"op": "replace", "path": "title", "value": "Director"} in op.patch


async def test_a_target_that_already_holds_the_change_needs_no_write_but_a_new_hash() -> None:
    target = ListTarget(users=[target_user(1, title="Director")])
    plan = await planner(target, [link(1)]).plan(
        SourceRead(full=True, users=[user(1, jobTitle="Director")])
    )
    op = ops_by_key(plan)["user1@example.com"]
    assert op.action == Action.NO_CHANGE
    assert op.relink
    assert op.payload_hash == payload_hash(
        MAPPER.user_payload(user(1, jobTitle="Director"), creating=False)
    )


async def test_disabled_in_source_disables_once() -> None:
    target = ListTarget(users=[target_user(1), target_user(2, active=False)])
    links = [link(1), link(2, active=False)]
    read = SourceRead(full=True, users=[user(1, enabled=False), user(2, enabled=False)])
    plan = await planner(target, links).plan(read)
    by_key = ops_by_key(plan)
    assert by_key["user1@example.com"].action == Action.DISABLE
    assert by_key["user1@example.com"].changes == [("active", True, False)]
    assert by_key["user2@example.com"].action == Action.NO_CHANGE  # already inactive
    assert target.reads == 0


async def test_a_disabled_user_never_provisioned_is_skipped_not_created() -> None:
    plan = await planner(ListTarget()).plan(SourceRead(full=True, users=[user(4, enabled=False)]))
    op = ops_by_key(plan)["user4@example.com"]
    assert (op.action, op.reason) == (Action.SKIP, p.DISABLED_IN_SOURCE)


async def test_users_missing_from_a_full_read_are_disabled() -> None:
    links = [link(n) for n in range(4)]
    read = SourceRead(full=True, users=[user(0), user(1)])
    plan = await planner(ListTarget(), links).plan(read)
    removed = {op.key: op for op in plan.removals()}
    assert set(removed) == {"user2@example.com", "user3@example.com"}
    assert all(op.action == Action.DISABLE for op in removed.values())
    assert removed["user2@example.com"].reason == p.MISSING_FROM_SOURCE


async def test_skipped_rows_are_not_taken_for_removals() -> None:
    links = [link(0), link(1)]
    skip = SourceSkip("user1@example.com", "user1@example.com", "InvalidRow", "Row 3: bad")
    read = SourceRead(full=True, users=[user(0)], skipped=[skip])
    plan = await planner(ListTarget(), links).plan(read)
    assert plan.removals() == []
    op = next(o for o in plan if o.key == "user1@example.com")
    assert (op.action, op.reason, op.detail) == (Action.SKIP, "InvalidRow", "Row 3: bad")


async def test_skip_out_of_scope_deletions_leaves_removed_users_alone() -> None:
    links = [link(0), link(1)]
    safety = SafetySettings(skip_out_of_scope_deletions=True)
    plan = await planner(ListTarget(), links, safety=safety).plan(
        SourceRead(full=True, users=[user(0)])
    )
    op = ops_by_key(plan)["user1@example.com"]
    assert (op.action, op.reason) == (Action.SKIP, p.OUT_OF_SCOPE_DELETIONS_SKIPPED)


@pytest.mark.parametrize(
    ("allow_hard_delete", "expected"), [(True, Action.DELETE), (False, Action.DISABLE)]
)
async def test_deleted_in_a_delta_is_deleted_only_when_the_profile_allows(
    allow_hard_delete: bool, expected: Action
) -> None:
    links = [link(0), link(1)]
    read = SourceRead(full=False, users=[], deleted_user_ids=["user1@example.com"])
    safety = SafetySettings(allow_hard_delete=allow_hard_delete)
    plan = await planner(ListTarget(), links, safety=safety).plan(read)
    assert [op.action for op in plan.removals()] == [expected]
    # A delta lists only changes: user0 is not missing, it is unchanged.
    assert "user0@example.com" not in ops_by_key(plan)


async def test_out_of_scope_users_are_disabled_with_the_failing_clause() -> None:
    sales_only = ScopingFilter(
        name="sales",
        clauses=[
            ScopingClause(attribute="department", operator=ScopingOperator.EQUALS, value="Sales")
        ],
    )
    links = [link(1)]
    read = SourceRead(
        full=True,
        users=[user(1, department="Marketing"), user(2, department="Marketing")],
    )
    plan = await planner(ListTarget(), links, filters=[sales_only]).plan(read)
    by_key = ops_by_key(plan)
    assert by_key["user1@example.com"].action == Action.DISABLE
    assert "department EQUALS Sales" in by_key["user1@example.com"].detail
    assert (by_key["user2@example.com"].action, by_key["user2@example.com"].reason) == (
        Action.SKIP,
        p.OUT_OF_SCOPE,
    )


async def test_groups_follow_users_with_members_pending_creation() -> None:
    target = ListTarget(users=[target_user(1)])
    links = [link(1)]
    group = SourceGroup("csv-group:sales", "Sales", {}, ("user1@example.com", "user2@example.com"))
    read = SourceRead(full=True, users=[user(1), user(2)], groups=[group])
    plan = await planner(target, links).plan(read)
    kinds = [op.object_type for op in plan if op.writes]
    assert kinds.index("Group") > max(i for i, k in enumerate(kinds) if k == "User")
    sales = next(op for op in plan if op.object_type == "Group")
    assert sales.action == Action.CREATE
    assert sales.member_source_ids == ("user1@example.com", "user2@example.com")
    assert ("members", None, ["user1@example.com", "user2@example.com"]) in sales.changes


async def test_group_membership_changes_are_listed_by_user() -> None:
    target_group = {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
        "id": "g1",
        "displayName": "Sales",
        "externalId": "csv-group:sales",
        "members": [{"value": "t1"}, {"value": "t2"}, {"value": "not-ours"}],
    }
    target = ListTarget(users=[target_user(n) for n in (1, 2, 3)], groups=[target_group])
    links = [link(n) for n in (1, 2, 3)]
    group_link = Link("Group", "csv-group:sales", "g1", "Sales", "old-hash")
    group = SourceGroup("csv-group:sales", "Sales", {}, ("user1@example.com", "user3@example.com"))
    read = SourceRead(full=True, users=[user(n) for n in (1, 2, 3)], groups=[group])
    plan = await planner(target, links, [group_link]).plan(read)
    sales = next(op for op in plan if op.object_type == "Group")
    assert sales.action == Action.UPDATE
    # user2 leaves, user3 joins; a member the engine never provisioned is left alone.
    assert ("members", ["user2@example.com"], ["user3@example.com"]) in sales.changes
    assert sales.current_member_ids == ("t1", "t2", "not-ours")


async def test_an_unchanged_group_costs_no_request() -> None:
    group = SourceGroup("csv-group:sales", "Sales", {}, ("user1@example.com",))
    desired = {k: v for k, v in MAPPER.group_payload(group, []).items() if k != "members"}
    digest = payload_hash({**desired, "members": ["user1@example.com"]})
    group_link = Link("Group", "csv-group:sales", "g1", "Sales", digest)
    target = ListTarget()
    plan = await planner(target, [link(1)], [group_link]).plan(
        SourceRead(full=True, users=[user(1)], groups=[group])
    )
    assert [op.action for op in plan] == [Action.NO_CHANGE, Action.NO_CHANGE]
    assert target.reads == 0


async def test_the_plan_exports_its_changes_as_json_and_csv() -> None:
    target = ListTarget(users=[target_user(1)])
    plan = await planner(target, [link(1)]).plan(
        SourceRead(full=True, users=[user(1, jobTitle="CTO")])
    )
    body = json.loads(plan.to_json())
    assert body["counts"]["Update"] == 1
    (operation,) = body["operations"]
    assert operation["changes"] == [{"path": "title", "old": "Engineer", "new": "CTO"}]
    (row,) = list(csv.DictReader(io.StringIO(plan.to_csv())))
    assert (row["action"], row["key"], row["changes"]) == (
        "Update",
        "user1@example.com",
        'title: "Engineer" -> "CTO"',
    )
    assert 'title: "Engineer" -> "CTO"' in plan.render_text()


async def test_scoping_filters_see_what_mappings_see() -> None:
    # A CSV whose userName column is not called userPrincipalName: filters still find it.
    contoso = ScopingFilter(
        clauses=[
            ScopingClause(
                attribute="userPrincipalName",
                operator=ScopingOperator.ENDS_WITH,
                value="@contoso.com",
            ),
            ScopingClause(attribute="accountEnabled", operator=ScopingOperator.IS_TRUE),
        ]
    )
    inside = SourceUser("ann@contoso.com", "ann@contoso.com", {"login": "ann@contoso.com"})
    outside = SourceUser("bob@fabrikam.com", "bob@fabrikam.com", {"login": "bob@fabrikam.com"})
    plan = await planner(ListTarget(), filters=[contoso]).plan(
        SourceRead(full=True, users=[inside, outside])
    )
    by_key = ops_by_key(plan)
    assert by_key["ann@contoso.com"].action == Action.CREATE
    assert by_key["bob@fabrikam.com"].reason == p.OUT_OF_SCOPE
    assert "userPrincipalName ENDS_WITH @contoso.com" in by_key["bob@fabrikam.com"].detail
