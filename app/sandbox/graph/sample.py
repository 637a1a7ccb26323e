"""The Graph sandbox's sample tenant, deterministic for a given seed.

Several hundred users with French and English names (accents included), departments, job
titles, a few disabled accounts, a management chain (a chief executive and a few newcomers
without a manager, department heads reporting to the chief, team leads to their head,
everyone else to a team lead), groups (one nested in another), and a "Cisco Webex" enterprise
application whose assignments mix direct users, groups and the Default Access role. The
assigned groups also hold a device, an organizational contact and a service principal, so that
a source has to leave them out.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping

from app.sandbox.graph.data import WEBEX_APP_NAME, GraphTenant

_FRENCH_GIVEN = (
    "Élodie", "François", "Zoé", "Hélène", "Noël", "Gaëlle", "Jérôme", "Loïc", "Benoît",
    "Cécile", "Anaïs", "Mathéo", "Chloé", "Léa", "Maël", "Thérèse", "Agnès", "Sébastien",
    "Frédéric", "Amélie", "Inès", "Léon", "Raphaël", "Joël", "Stéphane", "Aurélie",
    "Clémence", "Océane", "Valérie", "Rémi",
)  # fmt: skip
_ENGLISH_GIVEN = (
    "Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Mia", "Charlie", "Grace",
    "Thomas", "Emily", "William", "Sophie", "James", "Olivia", "Henry", "Lucy", "Edward",
    "Chloe",
)  # fmt: skip
_FRENCH_SURNAMES = (
    "Lefèvre", "Dupré", "Gagné", "Côté", "Bélanger", "Lemaître", "Bérubé", "Thériault",
    "Lévesque", "Pâquet", "Brûlé", "Ménard", "Girard", "Fortier", "Béland", "Dubé", "Hébert",
    "Mercier", "Lacroix", "Rivière", "Boucher", "Moreau", "Fournier", "Faure", "Chevalier",
    "Perrault", "Guérin", "Daigneault", "Séguin", "Éthier",
)  # fmt: skip
_ENGLISH_SURNAMES = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
    "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
    "Wood", "Jackson", "Clarke", "O'Brien",
)  # fmt: skip
_DEPARTMENTS = {
    "Ventes": (
        "Représentante commerciale",
        "Sales Manager",
        "Account Executive",
        "Directeur des ventes",
    ),
    "Support": ("Support Engineer", "Technicienne de support", "Responsable du support"),
    "Ingénierie": ("Ingénieur logiciel", "Software Engineer", "Architecte", "Product Owner"),
    "Marketing": ("Chargée de marketing", "Marketing Manager", "Rédacteur"),
    "Finance": ("Comptable", "Financial Analyst", "Directrice financière"),
    "Ressources humaines": ("Responsable RH", "HR Partner", "Recruteuse"),
    "Direction": (
        "Président-directeur général",
        "Chief Operating Officer",
        "Directrice générale adjointe",
    ),
    "Logistique": ("Magasinier", "Logistics Coordinator", "Cheffe d'équipe"),
}


def _pick(rng: random.Random, population: list[str], count: int) -> list[str]:
    """`count` items at random, or all of them in a small tenant."""
    return rng.sample(population, min(count, len(population)))


def sample_tenant(*, seed: int = 2026, user_count: int = 320) -> GraphTenant:
    """The sample tenant: the same users, groups and assignments for the same seed."""
    rng = random.Random(seed)
    tenant = GraphTenant(tenant_id=str(uuid.UUID(int=rng.getrandbits(128), version=4)), _rng=rng)
    departments = list(_DEPARTMENTS)
    by_department: dict[str, list[str]] = {d: [] for d in departments}
    for index in range(user_count):
        french = rng.random() < 0.6
        given = rng.choice(_FRENCH_GIVEN if french else _ENGLISH_GIVEN)
        surname = rng.choice(
            _FRENCH_SURNAMES if rng.random() < (0.8 if french else 0.2) else _ENGLISH_SURNAMES
        )
        department = (
            departments[index % len(departments)] if index < 40 else rng.choice(departments)
        )
        user_id = tenant.add_user(
            given,
            surname,
            department=department,
            job_title=rng.choice(_DEPARTMENTS[department]),
            enabled=rng.random() >= 0.06,
        )
        by_department[department].append(user_id)
    # A random generator of its own: the rest of the sample stays as it was.
    _seed_managers(tenant, by_department, random.Random(f"managers-{seed}"))
    everyone = list(tenant.users)
    sales = tenant.add_group("Webex - Ventes / Sales", by_department["Ventes"])
    support = tenant.add_group("Webex - Support", by_department["Support"])
    direction = tenant.add_group("Équipe de direction", by_department["Direction"])
    pilots_members = _pick(rng, by_department["Ingénierie"], 12)
    pilots = tenant.add_group("Webex - Pilotes", [*pilots_members, direction])
    guests = _pick(rng, by_department["Marketing"] + by_department["Logistique"], 10)
    guests_group = tenant.add_group("Invités Webex", guests)
    tenant.add_group("Finance", by_department["Finance"])
    tenant.add_group("Tous les employés / All staff", everyone)

    webex = tenant.add_application(WEBEX_APP_NAME, roles=("User",))
    other = tenant.add_application("Salesforce", roles=("Standard",))
    for group in (sales, support, pilots):
        tenant.assign(group, app_id=webex, role="User")
    tenant.assign(guests_group, app_id=webex, role="Default Access")
    grouped = (
        set(tenant.members[sales])
        | set(tenant.members[support])
        | set(pilots_members)
        | set(guests)
    )
    others = [u for u in everyone if u not in grouped]
    for user_id in _pick(rng, others, 45):
        tenant.assign(user_id, app_id=webex, role="User")
    direct_default = _pick(rng, [u for u in others if not tenant.is_assigned(u, webex)], 6)
    for user_id in direct_default:
        tenant.assign(user_id, app_id=webex, role="Default Access")
    # Default Access directly, yet a real role through a group: such users are provisioned.
    for user_id in _pick(rng, tenant.members[sales], 3):
        tenant.assign(user_id, app_id=webex, role="Default Access")
    # ... and in the guest group with Default Access, but assigned directly as User.
    for user_id in guests[:2]:
        tenant.assign(user_id, app_id=webex, role="User")
    for user_id in _pick(rng, everyone, 30):
        tenant.assign(user_id, app_id=other, role="Standard")
    # Members that are not users, in assigned groups: a meeting-room device, a partner's
    # contact, an application (its ids come from their names: the users' ids stay as
    # they were for a seed).
    tenant.add_member(support, tenant.add_device("Salle Montréal 3 (Room Kit)"))
    tenant.add_member(sales, tenant.add_contact("Partenaire Fabrikam", "ventes@fabrikam.example"))
    tenant.add_member(sales, other)
    tenant.add_member(pilots, tenant.add_device("Desk Pro - Pilotes"))
    return tenant


def _seed_managers(
    tenant: GraphTenant, by_department: Mapping[str, list[str]], rng: random.Random
) -> None:
    """The sample's management chain (set as created: no change number)."""
    heads = {d: members[0] for d, members in by_department.items() if members}
    chief = heads.get("Direction") or next(iter(heads.values()), None)
    if chief is None:
        return
    for department, members in by_department.items():
        if not members:
            continue
        head = members[0]
        if head != chief:
            tenant.managers[head] = chief
        rest = members[1:]
        if department == "Direction":
            for user_id in rest:
                tenant.managers[user_id] = chief
            continue
        leads = rest[: max(1, len(rest) // 8)] if len(rest) > 2 else []
        for user_id in leads:
            tenant.managers[user_id] = head
        for user_id in rest[len(leads) :]:
            tenant.managers[user_id] = rng.choice(leads) if leads else head
    # A few newcomers nobody has placed yet.
    placed = [u for u in tenant.managers if u not in heads.values()]
    for user_id in _pick(rng, placed, 3 if len(placed) > 30 else 0):
        del tenant.managers[user_id]


__all__ = ["sample_tenant"]
