"""userNames that Webex would store but nobody could read back are refused, named."""

from __future__ import annotations

import pytest

from app.sync.usernames import UnreadableUserName, check_user_name, user_name_problem


@pytest.mark.parametrize(
    "user_name",
    [
        "paul@example.com",
        "Zoe.Dupre@Example.com",
        "josé.martín@exämple.es",  # Latin with accents
        "иван@пример.рф",  # wholly Cyrillic
        "αλέξης@παράδειγμα.ελ",  # wholly Greek
        "田中さん@例え.jp",  # kanji and kana together: Japanese
        "иван@example.com",  # each part in one script
    ],
)
def test_readable_user_names_pass(user_name: str) -> None:
    assert user_name_problem(user_name) is None
    check_user_name(user_name)


@pytest.mark.parametrize(
    ("user_name", "named", "position"),
    [
        ("ann\u200b@example.com", "U+200B ZERO WIDTH SPACE", 4),
        ("an\u200dn@example.com", "U+200D ZERO WIDTH JOINER", 3),
        ("an\u200cn@example.com", "U+200C ZERO WIDTH NON-JOINER", 3),
        ("ann\u2060@example.com", "U+2060 WORD JOINER", 4),
        ("\ufeffann@example.com", "U+FEFF ZERO WIDTH NO-BREAK SPACE", 1),
        ("an\u00adn@example.com", "U+00AD SOFT HYPHEN", 3),
        ("\u202eann@example.com", "U+202E RIGHT-TO-LEFT OVERRIDE", 1),
        ("\u202dann@example.com", "U+202D LEFT-TO-RIGHT OVERRIDE", 1),
        ("ann\u202a@example.com", "U+202A LEFT-TO-RIGHT EMBEDDING", 4),
        ("ann\u202b@example.com", "U+202B RIGHT-TO-LEFT EMBEDDING", 4),
        ("ann\u202c@example.com", "U+202C POP DIRECTIONAL FORMATTING", 4),
        ("ann\u2066@example.com", "U+2066 LEFT-TO-RIGHT ISOLATE", 4),
        ("ann\u2067@example.com", "U+2067 RIGHT-TO-LEFT ISOLATE", 4),
        ("ann\u2068@example.com", "U+2068 FIRST STRONG ISOLATE", 4),
        ("ann\u2069@example.com", "U+2069 POP DIRECTIONAL ISOLATE", 4),
        ("ann\u200e@example.com", "U+200E LEFT-TO-RIGHT MARK", 4),
        ("ann\u200f@example.com", "U+200F RIGHT-TO-LEFT MARK", 4),
        ("ann\u061c@example.com", "U+061C ARABIC LETTER MARK", 4),
        ("ann\u00a0@example.com", "U+00A0 NO-BREAK SPACE", 4),
        ("a\x00nn@example.com", "U+0000", 2),
        ("ann\ufe0f@example.com", "U+FE0F VARIATION SELECTOR-16", 4),
        ("p\u0430ul@example.com", "U+0430 CYRILLIC SMALL LETTER A", 2),  # Cyrillic а
        ("paul@ex\u0430mple.com", "U+0430 CYRILLIC SMALL LETTER A", 8),
        ("n\u03bfah@example.com", "U+03BF GREEK SMALL LETTER OMICRON", 2),
        ("\uff50aul@example.com", "U+FF50 FULLWIDTH LATIN SMALL LETTER P", 1),
        ("\uff50\uff41\uff55\uff4c@example.com", "U+FF50 FULLWIDTH LATIN SMALL LETTER P", 1),
    ],
)
def test_unreadable_user_names_are_refused_with_the_character_named(
    user_name: str, named: str, position: int
) -> None:
    with pytest.raises(UnreadableUserName) as caught:
        check_user_name(user_name, row=7)
    message = str(caught.value)
    assert message.startswith("Row 7: the userName ")
    assert f"holds {named}" in message and f"at position {position}," in message
    assert "so this user was not sent" in message
    assert caught.value.next_step  # says what to do
    # The invisible character is shown, not hidden, in the message.
    assert "\u200b" not in message and "\u202e" not in message


def test_a_user_from_a_directory_without_rows_is_named_without_one() -> None:
    with pytest.raises(UnreadableUserName, match=r'^The userName "ann\\u200b@example.com"'):
        check_user_name("ann\u200b@example.com")


def test_the_mapper_refuses_the_user_from_any_source_before_a_payload_is_sent() -> None:
    # An Entra user (no row) whose userPrincipalName holds a right-to-left override.
    from app.config.defaults import default_mapping_set
    from app.directory.base import SourceUser
    from app.sync.mapping import Mapper

    name = "\u202emoc.elpmaxe@nna"
    entra_user = SourceUser(
        source_id="0b6e4f52-entra-object-id",
        user_name=name,
        attributes={"userPrincipalName": name, "givenName": "Ann", "accountEnabled": True},
        enabled=True,
    )
    mapper = Mapper(default_mapping_set("webex"))
    for creating in (True, False):
        with pytest.raises(UnreadableUserName, match=r"U\+202E RIGHT-TO-LEFT OVERRIDE"):
            mapper.user_payload(entra_user, creating=creating)
    fine = SourceUser(
        source_id="x",
        user_name="ann@example.com",
        attributes={"userPrincipalName": "ann@example.com", "accountEnabled": True},
        enabled=True,
    )
    assert mapper.user_payload(fine, creating=True)["userName"] == "ann@example.com"
