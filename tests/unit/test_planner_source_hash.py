"""An unchanged source record skips the mapping, and nothing else does.

The planner plans NoChange without mapping a user when its link holds the hash of the same
record under the same mappings and scoping filters (source_record_hash salted with
mapping_fingerprint). Each test changes one thing (a value, a new attribute, the user name,
the enabled flag, a mapping, a scoping filter, the program's mapping logic) and checks
that the change reaches the plan: the user is mapped again and the change is planned.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from app.config.defaults import default_mapping_set
from app.config.rules import MappingSet, ScopingClause, ScopingFilter, ScopingOperator
from app.directory.base import SourceRead, SourceUser
from app.directory.csv import validate_csv
from app.sync.mapping import Mapper, user_attributes
from app.sync.matching import payload_hash
from app.sync.plan import Action, Plan
from app.sync.planner import (
    Planner,
    PlannerOptions,
    links_for,
    mapping_fingerprint,
    source_record_hash,
)
from app.sync.planner import fingerprints as planner_fingerprints
from app.sync.scoping import explain
from app.sync.state.records import Link
from tests.unit.test_planner import ListTarget

MAPPINGS = default_mapping_set("webex")


class CountingMapper(Mapper):
    """The real Mapper, counting the payloads it builds (the work the rule saves)."""

    def __init__(self, mappings: MappingSet) -> None:
        super().__init__(mappings)
        self.payloads = 0

    def user_payload(self, user: SourceUser, *, creating: bool) -> dict[str, Any]:
        self.payloads += 1
        return super().user_payload(user, creating=creating)


def person(**changes: Any) -> SourceUser:
    attributes: dict[str, Any] = {
        "userPrincipalName": "zoe.dupre@example.com",
        "givenName": "Zoé",
        "surname": "Dupré",
        "displayName": "Zoé Dupré",
        "jobTitle": "Engineer",
        "department": "Ventes",
        "accountEnabled": True,
    }
    enabled = changes.pop("enabled", True)
    user_name = changes.pop("user_name", attributes["userPrincipalName"])
    attributes.update(changes)
    return SourceUser(
        source_id="zoe.dupre@example.com",
        user_name=user_name,
        attributes=attributes,
        enabled=enabled,
    )


def written(user: SourceUser, mappings: MappingSet, filters: Sequence[ScopingFilter]) -> Link:
    """The link a completed cycle leaves for `user` under `mappings` and `filters`."""
    desired = Mapper(mappings).user_payload(user, creating=False)
    return Link(
        "User",
        user.source_id,
        "t-zoe",
        user.user_name,
        payload_hash(desired),
        True,
        source_record_hash(user, mapping_fingerprint(mappings, filters)),
    )


def target_copy(user: SourceUser, mappings: MappingSet) -> dict[str, Any]:
    """What the target holds after that cycle."""
    return {**Mapper(mappings).user_payload(user, creating=True), "id": "t-zoe"}


async def plan_with(
    user: SourceUser,
    link: Link,
    target: ListTarget,
    *,
    mappings: MappingSet = MAPPINGS,
    filters: Sequence[ScopingFilter] = (),
) -> tuple[Plan, CountingMapper]:
    mapper = CountingMapper(mappings)

    def scope(source_user: SourceUser) -> tuple[bool, str]:
        why = explain(user_attributes(source_user), list(filters))
        return why is None, why or ""

    planner = Planner(
        mapper,
        target,
        user_links={link.source_id: link},
        group_links={},
        scope=scope,
        options=PlannerOptions(fingerprint=mapping_fingerprint(mappings, filters)),
    )
    plan = await planner.plan(SourceRead(full=True, users=[user]))
    return plan, mapper


SALES_ONLY = ScopingFilter(
    name="Sales",
    clauses=[
        ScopingClause(attribute="department", operator=ScopingOperator.EQUALS, value="Ventes")
    ],
)


async def test_an_unchanged_record_is_planned_no_change_without_mapping_or_reading() -> None:
    zoe = person()
    target = ListTarget(users=[target_copy(zoe, MAPPINGS)])
    plan, mapper = await plan_with(zoe, written(zoe, MAPPINGS, ()), target)
    (op,) = plan.operations
    assert op.action == Action.NO_CHANGE and op.target_id == "t-zoe"
    assert mapper.payloads == 0
    assert target.reads == 0
    assert not op.relink  # nothing new to remember


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"jobTitle": "Directrice"}, ("title", "Engineer", "Directrice")),
        ({"surname": "Lévêque"}, ("name.familyName", "Dupré", "Lévêque")),
        ({"displayName": "Zoé Dupré "}, ("displayName", "Zoé Dupré", "Zoé Dupré ")),
        ({"mailNickname": "zdupre"}, ("externalId", "zoe.dupre@example.com", "zdupre")),
    ],
    ids=["value", "accented-value", "trailing-space", "new-attribute"],
)
async def test_a_changed_row_is_mapped_again_and_updated(
    change: dict[str, Any], expected: tuple[str, Any, Any]
) -> None:
    before = person()
    target = ListTarget(users=[target_copy(before, MAPPINGS)])
    after = person(**change)
    plan, mapper = await plan_with(after, written(before, MAPPINGS, ()), target)
    (op,) = plan.operations
    assert mapper.payloads >= 1
    assert op.action == Action.UPDATE
    assert expected in op.changes
    # The new record's hash goes with the write, for the next cycle to skip.
    assert op.source_hash == source_record_hash(after, mapping_fingerprint(MAPPINGS, ()))


async def test_a_record_disabled_in_the_source_is_disabled_on_the_target() -> None:
    before = person()
    target = ListTarget(users=[target_copy(before, MAPPINGS)])
    after = person(enabled=False, accountEnabled=False)
    plan, _ = await plan_with(after, written(before, MAPPINGS, ()), target)
    (op,) = plan.operations
    assert op.action == Action.DISABLE


async def test_only_the_enabled_flag_changed_is_not_missed() -> None:
    """A source whose enabled flag is not among the attributes (Entra's soft delete)."""
    before = person()
    target = ListTarget(users=[target_copy(before, MAPPINGS)])
    after = dataclasses.replace(before, enabled=False)
    plan, _ = await plan_with(after, written(before, MAPPINGS, ()), target)
    assert plan.operations[0].action == Action.DISABLE


async def test_a_changed_user_name_is_not_missed() -> None:
    before = person()
    target = ListTarget(users=[target_copy(before, MAPPINGS)])
    after = person(user_name="zoe.lefevre@example.com")
    plan, mapper = await plan_with(after, written(before, MAPPINGS, ()), target)
    assert mapper.payloads >= 1
    assert source_record_hash(after, "f") != source_record_hash(before, "f")
    # The default userName mapping reads userPrincipalName (unchanged here): same payload.
    assert plan.operations[0].action == Action.NO_CHANGE
    assert plan.operations[0].relink  # the new record's hash is stored


async def test_a_changed_mapping_set_maps_every_user_again() -> None:
    zoe = person()
    target = ListTarget(users=[target_copy(zoe, MAPPINGS)])
    link = written(zoe, MAPPINGS, ())
    # title from the department instead of the job title: the record did not change.
    users = [
        m.model_copy(update={"source": "department"}) if m.target == "title" else m
        for m in MAPPINGS.users
    ]
    remapped = MAPPINGS.model_copy(update={"users": users})
    plan, mapper = await plan_with(zoe, link, target, mappings=remapped)
    (op,) = plan.operations
    assert mapper.payloads >= 1
    assert op.action == Action.UPDATE
    assert ("title", "Engineer", "Ventes") in op.changes


async def test_a_new_scoping_filter_takes_the_user_out_of_scope() -> None:
    zoe = person(department="Finance")
    target = ListTarget(users=[target_copy(zoe, MAPPINGS)])
    plan, _ = await plan_with(zoe, written(zoe, MAPPINGS, ()), target, filters=[SALES_ONLY])
    (op,) = plan.operations
    assert op.action == Action.DISABLE
    assert "out of scope" in op.detail


async def test_a_new_version_of_the_mapping_logic_maps_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    zoe = person()
    link = written(zoe, MAPPINGS, ())
    monkeypatch.setattr(planner_fingerprints, "MAPPING_LOGIC_VERSION", "next")
    target = ListTarget(users=[target_copy(zoe, MAPPINGS)])
    plan, mapper = await plan_with(zoe, link, target)
    assert mapper.payloads >= 1
    assert plan.operations[0].action == Action.NO_CHANGE
    assert plan.operations[0].relink


async def test_a_link_without_a_record_hash_is_mapped_once_then_remembered() -> None:
    """A state file from before the record hashes (or a link written by a Disable)."""
    zoe = person()
    target = ListTarget(users=[target_copy(zoe, MAPPINGS)])
    legacy = dataclasses.replace(written(zoe, MAPPINGS, ()), source_hash="")
    plan, mapper = await plan_with(zoe, legacy, target)
    (op,) = plan.operations
    assert mapper.payloads == 1 and target.reads == 0  # mapped, hash equal: no read
    assert op.action == Action.NO_CHANGE and op.relink
    (stored,) = links_for(plan)
    assert stored.source_hash == source_record_hash(zoe, mapping_fingerprint(MAPPINGS, ()))
    assert stored.hash == legacy.hash
    plan, mapper = await plan_with(zoe, stored, target)
    assert mapper.payloads == 0 and plan.operations[0].action == Action.NO_CHANGE


async def test_a_disabled_link_is_never_skipped() -> None:
    zoe = person()
    link = dataclasses.replace(written(zoe, MAPPINGS, ()), active=False)
    target = ListTarget(users=[{**target_copy(zoe, MAPPINGS), "active": False}])
    plan, mapper = await plan_with(zoe, link, target)
    assert mapper.payloads >= 1
    # Enabled again in the source: the target user is brought back to the desired state.
    assert plan.operations[0].action == Action.UPDATE
    assert ("active", False, True) in plan.operations[0].changes


def test_the_record_hash_sees_every_part_of_the_record() -> None:
    base = person()
    fingerprint = mapping_fingerprint(MAPPINGS, ())
    variants = [
        person(jobTitle="Engineer "),
        person(jobTitle=None),
        person(extra="x"),
        person(enabled=False),
        person(user_name="other@example.com"),
        dataclasses.replace(base, source_id="other"),
    ]
    digests = {source_record_hash(v, fingerprint) for v in variants}
    assert len(digests) == len(variants)
    assert source_record_hash(base, fingerprint) not in digests
    assert source_record_hash(base, fingerprint) == source_record_hash(person(), fingerprint)
    assert source_record_hash(base, fingerprint) != source_record_hash(base, fingerprint + "0")
    assert mapping_fingerprint(MAPPINGS, ()) != mapping_fingerprint(MAPPINGS, [SALES_ONLY])


# -- a source that digests its raw records (a CSV file) ------------------------------


def _csv_read(tmp_path: Path, text: str) -> SourceRead:
    path = tmp_path / "users.csv"
    path.write_text(text, encoding="utf-8")
    return validate_csv(path).to_source_read(skip_invalid=False)


CSV_HEADER = "userPrincipalName,givenName,surname,jobTitle,department,accountEnabled"
CSV_ZOE = "zoe.dupre@example.com,Zoé,Dupré,Engineer,Ventes,true"


async def _plan_read(read: SourceRead, link: Link, target: ListTarget) -> tuple[Plan, int]:
    mapper = CountingMapper(MAPPINGS)
    planner = Planner(
        mapper,
        target,
        user_links={link.source_id: link},
        group_links={},
        options=PlannerOptions(fingerprint=mapping_fingerprint(MAPPINGS, ())),
    )
    return await planner.plan(read), mapper.payloads


def _csv_link(read: SourceRead) -> Link:
    (zoe,) = read.users
    return Link(
        "User",
        zoe.source_id,
        "t-zoe",
        zoe.user_name,
        payload_hash(Mapper(MAPPINGS).user_payload(zoe, creating=False)),
        True,
        source_record_hash(zoe, mapping_fingerprint(MAPPINGS, ()), read.record_context),
    )


async def test_an_unchanged_csv_row_is_planned_from_its_digest_alone(tmp_path: Path) -> None:
    read = _csv_read(tmp_path, f"{CSV_HEADER}\n{CSV_ZOE}\n")
    link = _csv_link(read)
    # The record hash is the tag of the mappings and the file's header, then the digest.
    assert link.source_hash.endswith(read.users[0].digest) and len(link.source_hash) == 48
    target = ListTarget(users=[target_copy(read.users[0], MAPPINGS)])
    plan, payloads = await _plan_read(
        _csv_read(tmp_path, f"{CSV_HEADER}\r\n{CSV_ZOE}\r\n"), link, target
    )
    (op,) = plan.operations
    assert op.action == Action.NO_CHANGE and op.target_id == "t-zoe" and not op.relink
    assert payloads == 0 and target.reads == 0


async def test_a_changed_csv_cell_is_mapped_and_updated(tmp_path: Path) -> None:
    before = _csv_read(tmp_path, f"{CSV_HEADER}\n{CSV_ZOE}\n")
    target = ListTarget(users=[target_copy(before.users[0], MAPPINGS)])
    after = _csv_read(tmp_path, f"{CSV_HEADER}\n{CSV_ZOE.replace('Engineer', 'Directrice')}\n")
    plan, payloads = await _plan_read(after, _csv_link(before), target)
    (op,) = plan.operations
    assert payloads == 1
    assert op.action == Action.UPDATE and ("title", "Engineer", "Directrice") in op.changes
    assert op.source_hash == _csv_link(after).source_hash


async def test_the_same_cells_under_another_header_are_mapped_again(tmp_path: Path) -> None:
    before = _csv_read(tmp_path, f"{CSV_HEADER}\n{CSV_ZOE}\n")
    target = ListTarget(users=[target_copy(before.users[0], MAPPINGS)])
    # givenName and surname swap columns: same cells, other values.
    swapped = CSV_HEADER.replace("givenName,surname", "surname,givenName")
    plan, payloads = await _plan_read(
        _csv_read(tmp_path, f"{swapped}\n{CSV_ZOE}\n"), _csv_link(before), target
    )
    (op,) = plan.operations
    assert payloads == 1
    assert op.action == Action.UPDATE
    assert ("name.givenName", "Zoé", "Dupré") in op.changes
