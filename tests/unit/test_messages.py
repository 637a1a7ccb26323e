"""Coded messages (app.messages) and the CLI's language (app.language): rendering in English
and in another language, plurals, nested messages, JSON, variants, the language chosen."""

from __future__ import annotations

import json

import pytest

from app import language
from app.checks import CheckResult
from app.directory.entra_checks import USERS as ENTRA_USERS
from app.language import choose_language, language_of, translator
from app.messages import CATALOGUE, Message, MessageError, english, message

USERS = message("test.messages.users", "{count} user", plural="{count} users", count="count")
READ = message("test.messages.read", "Read {file}: {users}.")
OPEN = message(
    "test.messages.open",
    "Run `webex-provisioner sync --allow-deletes`.",
    gui="Click Allow the removals and run.",
)

FRENCH = {
    "{count} user": ("{count} utilisateur", "{count} utilisateurs"),
    "Read {file}: {users}.": "Lu {file} : {users}.",
    "Click Allow the removals and run.": "Cliquez sur Autoriser les suppressions et lancer.",
}


def french(text: str, plural: str | None, n: int | None) -> str:
    found = FRENCH.get(text, text)
    if isinstance(found, tuple):
        return found[0] if (n or 0) <= 1 else found[1]
    return found


def test_english_is_the_template_filled_in() -> None:
    said = READ(file="users.csv", users=USERS(count=18))
    assert said.english == "Read users.csv: 18 users." == str(said)
    assert said.code == "test.messages.read"
    assert CATALOGUE["test.messages.read"] is READ


def test_plurals_in_english_and_in_french() -> None:
    assert [USERS(count=n).english for n in (0, 1, 2)] == ["0 users", "1 user", "2 users"]
    rendered = [USERS(count=n).render(french) for n in (0, 1, 2)]
    assert rendered == ["0 utilisateur", "1 utilisateur", "2 utilisateurs"]


def test_nested_messages_render_in_the_same_language() -> None:
    said = READ(file="users.csv", users=USERS(count=1))
    assert said.render(french) == "Lu users.csv : 1 utilisateur."


def test_parameters_must_match_the_template() -> None:
    with pytest.raises(MessageError, match="missing"):
        READ(file="users.csv")
    with pytest.raises(MessageError, match="unknown"):
        READ(file="users.csv", users="x", extra=1)
    with pytest.raises(MessageError):
        READ(file=["not", "a", "value"], users="x")  # type: ignore[arg-type]


def test_a_code_is_declared_once() -> None:
    assert message("test.messages.read", "Read {file}: {users}.") == READ  # the same: fine
    with pytest.raises(MessageError, match="twice"):
        message("test.messages.read", "Another text for {file} and {users}.")
    with pytest.raises(MessageError, match="named"):
        message("test.messages.positional", "Read {}.")
    with pytest.raises(MessageError, match="plural"):
        message("test.messages.half_plural", "{count} user", plural="{count} users")


def test_json_round_trip_keeps_code_and_parameters() -> None:
    said = READ(file="users.csv", users=USERS(count=2))
    data = json.loads(json.dumps(said.to_dict()))
    assert data["code"] == "test.messages.read"
    assert data["params"]["users"]["code"] == "test.messages.users"
    back = Message.from_dict(data)
    assert back == said and hash(back) == hash(said)
    assert back.render(french) == "Lu users.csv : 2 utilisateurs."


def test_a_code_this_version_does_not_know_renders_its_stored_english() -> None:
    data = {"code": "gone.in.this.version", "params": {"n": 3}, "english": "Three things."}
    assert Message.from_dict(data).render(french) == "Three things."
    assert str(Message.from_dict(data)) == "Three things."


def test_the_gui_names_a_button_where_the_cli_names_a_command() -> None:
    said = OPEN()
    assert said.render(english, "cli") == "Run `webex-provisioner sync --allow-deletes`."
    assert said.render(english, "mail") == said.english
    assert said.render(english, "gui") == "Click Allow the removals and run."
    assert said.render(french, "gui") == "Cliquez sur Autoriser les suppressions et lancer."


def test_a_check_keeps_its_english_fields_and_adds_the_codes() -> None:
    check = CheckResult.of("files", USERS(count=1), "failed", READ(file="a", users="b"), "Do it.")
    assert (check.title, check.reason, check.next_step) == ("1 user", "Read a: b.", "Do it.")
    data = check.to_dict()
    assert data["title"] == "1 user" and data["next_step"] == "Do it."
    assert data["messages"]["reason"]["code"] == "test.messages.read"
    assert "next_step" not in data["messages"]  # an error's English sentence has no code
    assert check.texts(french).reason == "Lu a : b."
    plain = CheckResult("url", "Tenant URL", "passed", "A Webex tenant URL.")
    assert "messages" not in plain.to_dict()
    assert plain.texts(french) == ("Tenant URL", "A Webex tenant URL.", "")


@pytest.mark.parametrize(
    ("value", "language"),
    [("fr_FR.UTF-8", "fr"), ("fr", "fr"), ("fr-CA", "fr"), ("en_GB", "en"), ("C", None)],
)
def test_language_of_a_locale_name(value: str, language: str | None) -> None:
    assert language_of(value) == language


def test_the_language_comes_from_lang_then_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    assert choose_language(None) == "en"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert choose_language(None) == "fr"
    assert choose_language("en") == "en"
    assert choose_language("de") == "en"  # no catalogue: English
    monkeypatch.setenv("LC_ALL", "C")
    assert choose_language(None) == "en"  # the first variable set decides, as in gettext
    monkeypatch.setenv("LANGUAGE", "de:fr")
    assert choose_language(None) == "fr"


def test_the_committed_catalogue_speaks_french() -> None:
    fr = translator("fr")
    assert [ENTRA_USERS(count=n).render(fr) for n in (1, 2)] == [
        "1 utilisateur",
        "2 utilisateurs",
    ]
    assert ENTRA_USERS(count=1).render(translator("en")) == "1 user"


def test_the_process_language_set_by_the_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_chosen", [])
    monkeypatch.setenv("LANGUAGE", "fr")
    assert language.current_language() == "fr"  # not set: the system's
    language.set_language("en")
    assert language.cli_text(ENTRA_USERS(count=2)) == "2 users"
    language.set_language("fr")
    assert language.cli_text(ENTRA_USERS(count=2)) == "2 utilisateurs"


def test_an_error_is_said_whole_with_its_next_step_in_either_language() -> None:
    from app.errors import InputError
    from app.language import translator

    problem = message("test.error.problem", "The file is gone.")
    step = message("test.error.step", "Choose another file.")
    coded = InputError(problem(), step()).said()
    assert isinstance(coded, Message)
    assert str(coded) == "The file is gone. Choose another file."
    assert coded.render(translator("fr")).startswith("The file is gone.")  # test-only codes
    assert InputError("Plain.", "Step.").said() == "Plain. Step."
    assert InputError(problem()).said() == problem()
