"""Sample people and groups for the sandbox: French and English names, repeatable."""

from __future__ import annotations

from scim2_models import Context

from app.sandbox import seed
from app.sandbox.webex_schemas import webex_provider


def test_the_same_seed_gives_the_same_people() -> None:
    assert seed.people(40, seed=5) == seed.people(40, seed=5)
    assert seed.people(40, seed=5) != seed.people(40, seed=6)
    assert seed.people(10, seed=5) == seed.people(40, seed=5)[:10]


def test_french_and_english_names_with_unique_ascii_user_names() -> None:
    people = seed.people(300, seed=1)
    languages = [p.language for p in people]
    assert 100 < languages.count("fr") < 200
    assert {p.locale for p in people} == {"fr_FR", "en_GB"}
    names = [p.user_name for p in people]
    assert len(set(names)) == 300
    assert all(name.isascii() and name.endswith("@example.com") for name in names)
    assert any(not p.display_name.isascii() for p in people)  # accents kept in the names
    french = next(p for p in people if p.language == "fr")
    assert french.given_name in seed.FRENCH_GIVEN
    assert french.department in {fr for fr, _ in seed.DEPARTMENTS}


def test_ascii_slug_folds_accents_and_apostrophes() -> None:
    assert seed.ascii_slug("Hélène") == "helene"
    assert seed.ascii_slug("d'Aubigné") == "daubigne"
    assert seed.ascii_slug("Le Goff") == "le-goff"
    assert seed.ascii_slug("Marie-Ève") == "marie-eve"
    assert seed.ascii_slug("O'Brien") == "obrien"


def test_group_names_are_distinct_even_past_the_sample_list() -> None:
    names = seed.group_names(40, seed=2)
    assert len(set(names)) == 40
    assert seed.group_names(40, seed=2) == names


def test_a_sample_user_is_a_valid_webex_creation() -> None:
    person = seed.people(1, seed=9)[0]
    payload = seed.user_payload(person)
    provider = webex_provider()
    model = provider.model_for("User")
    assert model is not None
    with provider:
        user = model.model_validate(payload, scim_ctx=Context.RESOURCE_CREATION_REQUEST)
    assert user.user_name == person.user_name  # type: ignore[attr-defined]
    assert payload["userType"] == "user"
    assert payload["emails"] == [{"value": person.user_name, "type": "work", "primary": True}]
