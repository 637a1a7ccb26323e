"""The sync tests' data builders: unique user names, accents kept."""

from __future__ import annotations

from pathlib import Path

from tests.support.sync import make_rows, write_csv


def test_the_rows_are_unique_and_carry_accents(tmp_path: Path) -> None:
    rows = make_rows(1000)
    names = [row["userPrincipalName"] for row in rows]
    assert len(set(names)) == 1000
    assert all(name.isascii() for name in names)
    assert any("é" in row["givenName"] for row in rows)
    path = write_csv(tmp_path / "users.csv", rows[:3])
    assert path.read_text(encoding="utf-8").splitlines()[1].startswith("zoe.dupre.0@example.com")
