"""Sample people and groups with French and English names, the same for the same seed."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from app.webex.constants import CORE_GROUP, CORE_USER, ENTERPRISE_USER

FRENCH_GIVEN = (
    "Amélie", "Benoît", "Céline", "Chloé", "Clément", "Élodie", "Émile", "Étienne", "François",
    "Geneviève", "Hélène", "Jérôme", "Jean-Baptiste", "Joël", "Léa", "Loïc", "Maëlle", "Marie-Ève",
    "Mathilde", "Noël", "Océane", "Raphaël", "Séverine", "Thérèse", "Zoé",
)  # fmt: skip
FRENCH_FAMILY = (
    "Bérenger", "Bonnet", "Caron", "Chevalier", "Dubois", "Dupont", "Faure", "Fournier", "Gauthier",
    "Girard", "Lefèvre", "Le Goff", "Leroy", "Martin", "Moreau", "Muller", "Rousseau", "Roux",
    "d'Aubigné", "Lemaître", "Benoît", "Château", "Duchêne",
)  # fmt: skip
ENGLISH_GIVEN = (
    "Alice", "Brian", "Charlotte", "Daniel", "Eleanor", "George", "Hannah", "Isaac", "Jack",
    "Katherine", "Liam", "Margaret", "Nathan", "Olivia", "Patrick", "Rachel", "Samuel", "Sophie",
    "Thomas", "Victoria", "William", "Zachary",
)  # fmt: skip
ENGLISH_FAMILY = (
    "Baker", "Clarke", "Davies", "Evans", "Fletcher", "Green", "Harris", "Hughes", "Johnson",
    "Khan", "Lewis", "O'Brien", "Patel", "Roberts", "Smith", "Taylor", "Walker", "White",
    "Wright", "Young", "Ashford-Jones",
)  # fmt: skip
DEPARTMENTS = (
    ("Ventes", "Sales"), ("Ressources humaines", "Human Resources"), ("Finance", "Finance"),
    ("Recherche et développement", "Research and Development"), ("Support", "Support"),
    ("Marketing", "Marketing"), ("Juridique", "Legal"), ("Informatique", "IT"),
)  # fmt: skip
TITLES = (
    ("Ingénieure logiciel", "Software Engineer"), ("Chef de projet", "Project Manager"),
    ("Analyste", "Analyst"), ("Responsable commerciale", "Account Manager"),
    ("Technicien support", "Support Technician"), ("Directrice", "Director"),
)  # fmt: skip
GROUP_NAMES = (
    "Équipe Ventes", "Sales Team", "Direction", "Support Niveau 2", "Engineering",
    "Comité d'entreprise", "Marketing & Communication", "All Hands", "Projet Hélios",
    "London Office", "Bureau de Lyon", "Finance", "Ressources humaines", "Security Champions",
)  # fmt: skip


@dataclass(frozen=True)
class SeedPerson:
    """One sample person; `language` is "fr" or "en"."""

    given_name: str
    family_name: str
    user_name: str
    language: str
    department: str
    title: str
    employee_number: str

    @property
    def display_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def locale(self) -> str:
        return "fr_FR" if self.language == "fr" else "en_GB"


def ascii_slug(text: str) -> str:
    """`Hélène d'Aubigné` -> `helene-daubigne`: accents dropped, apostrophes removed."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = folded.lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def people(count: int, seed: int = 0, domain: str = "example.com") -> list[SeedPerson]:
    """`count` people, about half French and half English, with unique e-mail user names."""
    rng = random.Random(f"people:{seed}")
    taken: set[str] = set()
    result: list[SeedPerson] = []
    for index in range(count):
        french = rng.random() < 0.5
        given = rng.choice(FRENCH_GIVEN if french else ENGLISH_GIVEN)
        family = rng.choice(FRENCH_FAMILY if french else ENGLISH_FAMILY)
        department = rng.choice(DEPARTMENTS)[0 if french else 1]
        title = rng.choice(TITLES)[0 if french else 1]
        local = f"{ascii_slug(given)}.{ascii_slug(family)}"
        candidate, suffix = local, 1
        while candidate in taken:
            suffix += 1
            candidate = f"{local}{suffix}"
        taken.add(candidate)
        result.append(
            SeedPerson(
                given_name=given,
                family_name=family,
                user_name=f"{candidate}@{domain}",
                language="fr" if french else "en",
                department=department,
                title=title,
                employee_number=f"E{10000 + index}",
            )
        )
    return result


def group_names(count: int, seed: int = 0) -> list[str]:
    """`count` distinct group names (numbered once the sample list runs out)."""
    rng = random.Random(f"groups:{seed}")
    names = list(GROUP_NAMES)
    rng.shuffle(names)
    return [
        names[i % len(names)] + ("" if i < len(names) else f" {i // len(names) + 1}")
        for i in range(count)
    ]


def user_payload(person: SeedPerson) -> dict[str, Any]:
    """The SCIM creation payload of a sample person, valid for Webex (userType, work e-mail)."""
    return {
        "schemas": [CORE_USER, ENTERPRISE_USER],
        "userName": person.user_name,
        "userType": "user",
        "active": True,
        "name": {"givenName": person.given_name, "familyName": person.family_name},
        "displayName": person.display_name,
        "title": person.title,
        "locale": person.locale,
        "preferredLanguage": person.locale,
        "emails": [{"value": person.user_name, "type": "work", "primary": True}],
        ENTERPRISE_USER: {
            "department": person.department,
            "employeeNumber": person.employee_number,
        },
    }


def group_payload(name: str, member_ids: list[str]) -> dict[str, Any]:
    return {
        "schemas": [CORE_GROUP],
        "displayName": name,
        "members": [{"value": member_id} for member_id in member_ids],
    }
