"""Shared set-up for the sync tests: a directory export as CSV, and a profile pointing at it.

The rows mix French and English names (accents included); userPrincipalName is ASCII.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.config.profile import Profile

GIVEN = ["Zoé", "Jérôme", "Anaïs", "François", "Hélène", "Oliver", "Emily", "Noah", "Chloé", "Gaël"]
FAMILY = ["Dupré", "Lefèvre", "Smith", "Garçon", "Brown", "Müller", "Côté", "Taylor", "Bélanger"]
DEPARTMENTS = ["Ventes", "R&D", "Finance", "Support"]
COLUMNS = [
    "userPrincipalName",
    "givenName",
    "surname",
    "displayName",
    "mail",
    "jobTitle",
    "department",
    "accountEnabled",
    "groups",
]


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def make_rows(count: int, *, start: int = 0) -> list[dict[str, str]]:
    rows = []
    for n in range(start, start + count):
        given, family = GIVEN[n % len(GIVEN)], FAMILY[n % len(FAMILY)]
        upn = f"{ascii_fold(given)}.{ascii_fold(family)}.{n}@example.com"
        department = DEPARTMENTS[n % len(DEPARTMENTS)]
        rows.append(
            {
                "userPrincipalName": upn,
                "givenName": given,
                "surname": family,
                "displayName": f"{given} {family}",
                "mail": upn,
                "jobTitle": "Ingénieure" if n % 2 else "Engineer",
                "department": department,
                "accountEnabled": "true",
                "groups": department,
            }
        )
    return rows


def write_csv(path: Path, rows: Sequence[dict[str, Any]], columns: Sequence[str] = COLUMNS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def make_profile(
    tenant_url: str,
    csv_path: Path,
    *,
    name: str = "acme",
    groups: bool = False,
    **safety: Any,
) -> Profile:
    settings: dict[str, Any] = {"path": str(csv_path)}
    if groups:
        settings["group_columns"] = ["groups"]
    return Profile.model_validate(
        {
            "name": name,
            "target": {"tenant_url": tenant_url},
            "source": {"kind": "csv", "csv": settings},
            "safety": safety,
            # On: `sync` refuses a profile whose provisioning is off (without --force).
            "provisioning_enabled": True,
        }
    )


WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def writes(requests: Sequence[Any]) -> list[Any]:
    """The requests that change something on the target."""
    return [r for r in requests if r.method in WRITE_METHODS]
