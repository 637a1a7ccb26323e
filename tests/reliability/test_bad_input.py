"""The bad-input catalogue: for each case, the admin reads what is wrong and what to do, and
nothing is sent to Webex (no request at all, or reads only where the answer is the problem).

The cases live in tests/reliability/catalogue.py; docs/reliability.md shows each with the
message the admin reads, and these tests keep the two in step.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.config.store import ProfileStore
from app.sandbox.server import SandboxServer
from tests.reliability.catalogue import (
    CASES,
    Bench,
    Case,
    ScriptedWebex,
    Tripwire,
    bench_environment,
    documented_messages,
    normalize,
)


@pytest.fixture(scope="module")
def servers(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[SandboxServer, ScriptedWebex, Tripwire]]:
    with bench_environment(tmp_path_factory.mktemp("catalogue")) as running:
        yield running


@pytest.fixture
def bench(servers: tuple[SandboxServer, ScriptedWebex, Tripwire], private_dirs: Path) -> Bench:
    bench = Bench(*servers, home=private_dirs)
    bench.reset()
    return bench


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_admin_reads_what_is_wrong_and_nothing_is_sent(case: Case, bench: Bench) -> None:
    connections_before = bench.tripwire.connections
    seen = case.run(bench)
    message = seen.message

    missing = [words for words in case.expect if words.lower() not in message.lower()]
    assert missing == [], f"{case.id}: the admin reads:\n{message}"
    assert "Traceback" not in seen.stderr + seen.stdout
    if case.max_length is not None:
        assert len(message) <= case.max_length, message[:300]

    # Nothing reached Webex: no request at all, or only reads where the answer was the problem.
    if case.sent == "no request":
        assert bench.requests() == [], message
    else:
        assert bench.writes() == [], message
    assert bench.tripwire.connections == connections_before, "a request left this computer"
    if case.via == "profile create":
        assert not ProfileStore().exists("acme"), "the refused profile was saved anyway"

    assert seen.exit_code == case.exit_code, message

    # docs/reliability.md shows this very message (`python -m tests.reliability.catalogue
    # --write` rewrites the table).
    assert documented_messages().get(case.id) == normalize(message, bench)


def test_the_catalogue_covers_every_kind_of_bad_input() -> None:
    assert len(CASES) >= 40
    groups = Counter(c.group for c in CASES)
    assert set(groups) == {
        "Tenant URL",
        "Token",
        "CSV file",
        "Expression",
        "Scoping filter",
        "Server answer",
    }
    assert min(groups.values()) >= 4, groups
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids))


def test_the_doc_lists_every_case_of_the_catalogue_and_no_other() -> None:
    assert list(documented_messages()) == [c.id for c in CASES]
