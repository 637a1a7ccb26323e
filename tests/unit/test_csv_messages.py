"""The CSV source's sentences in French and in English: a broken file's error, invalid rows,
and the source summary's plurals (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config.profile import CsvSettings
from app.directory.csv import CsvFileError, CsvInvalid, validate_csv
from app.language import translator
from app.messages import Message, english

HEADER = "userPrincipalName,givenName,surname,accountEnabled"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "users.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_unclosed_quote_in_french_and_in_english(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + '\na@example.com,"Ann,B,true\nb@example.com,Bob,C,true\n')
    with pytest.raises(CsvFileError) as caught:
        validate_csv(path)
    error = caught.value
    assert error.message == (
        "The CSV file users.csv cannot be read: row 2: a double quote opened in this row is "
        "never closed (the rest of the file, to line 3, would be one value), so nothing was sent."
    )
    assert error.next_step == (
        "Correct the quotes in that row, or export the file again from the spreadsheet."
    )
    assert error.row == 2 and error.render() == str(error)
    message, next_step = error.texts(translator("fr"))
    assert message == (
        "Le fichier CSV users.csv ne peut pas être lu : ligne 2 : un guillemet ouvert dans cette "
        "ligne n’est jamais fermé (le reste du fichier, jusqu’à la ligne 3, formerait une seule "
        "valeur) ; rien n’a été envoyé."
    )
    assert next_step.startswith("Corrigez les guillemets de cette ligne")
    assert error.coded_reason is not None
    assert error.coded_reason.render(translator("fr")).startswith("un guillemet ouvert")
    assert error.reason == str(error.coded_reason)


def test_a_missing_file_names_the_source_page_in_the_window(tmp_path: Path) -> None:
    with pytest.raises(CsvFileError) as caught:
        validate_csv(tmp_path / "none.csv")
    error = caught.value
    assert "--csv-file" in error.next_step
    _, gui = error.texts(english, "gui")
    assert gui == "Check the path, or choose the file again on the Source page."
    _, gui_fr = error.texts(translator("fr"), "gui")
    assert gui_fr == "Vérifiez le chemin, ou choisissez à nouveau le fichier sur la page Source."


def test_invalid_rows_in_french_and_in_english(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "\nnot-an-address,A,B,maybe\nb@example.com,B\n")
    validation = validate_csv(path)
    assert validation.errors_by_row == {
        2: [
            "userName 'not-an-address' in column userPrincipalName is not an e-mail address",
            "'maybe' in column accountEnabled is not a yes/no value "
            "(use true/false, yes/no, 1/0, vrai/faux or oui/non)",
        ],
        3: ["2 cells but the header has 4 columns (a comma is missing, or the row was cut)"],
    }
    fr = translator("fr")
    assert validation.coded_errors_by_row[3].render(fr) == (
        "2 cellules alors que l’en-tête a 4 colonnes (il manque un séparateur virgule, ou la ligne a été coupée)"
    )
    with pytest.raises(CsvInvalid) as caught:
        validation.raise_if_invalid()
    error = caught.value
    assert error.message.startswith(
        "The CSV file users.csv has 2 invalid rows, so nothing was sent:\n  row 2: userName "
    )
    assert error.message.endswith("(a comma is missing, or the row was cut)\n")
    french, _ = error.texts(fr)
    assert french.startswith(
        "Le fichier CSV users.csv a 2 lignes non valides : rien n’a été envoyé :\n"
        "  ligne 2 : le userName 'not-an-address' de la colonne userPrincipalName n’est pas une "
        "adresse e-mail ; 'maybe' dans la colonne accountEnabled n’est pas une valeur oui/non"
    )
    assert "\n  ligne 3 : 2 cellules alors que" in french
    # Through JSON (the log, the state) and back, still in both languages.
    assert error.coded_message is not None
    back = Message.from_dict(error.coded_message.to_dict())
    assert back.render(fr) == french and str(back) == error.message


@pytest.mark.parametrize(
    ("rows", "english_text", "french_text"),
    [
        (
            ["a@example.com,A,B,true"],
            "Read users.csv: 1 user, 0 groups (utf-8, comma-separated).",
            "users.csv lu : 1 utilisateur, 0 groupe (utf-8, séparateur virgule).",
        ),
        (
            ["a@example.com,A,B,true", "b@example.com,B,C,true"],
            "Read users.csv: 2 users, 0 groups (utf-8, comma-separated).",
            "users.csv lu : 2 utilisateurs, 0 groupe (utf-8, séparateur virgule).",
        ),
    ],
)
def test_the_summary_has_real_plurals(
    tmp_path: Path, rows: list[str], english_text: str, french_text: str
) -> None:
    path = write(tmp_path, "\n".join([HEADER, *rows]) + "\n")
    read = validate_csv(path).to_source_read(skip_invalid=False)
    assert read.notes == [english_text]
    assert [note.render(translator("fr")) for note in read.coded_notes] == [french_text]


def test_skipped_invalid_rows_in_both_languages(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "\na@example.com,A,B,true\n,B,C,true\n")
    settings = CsvSettings(path=path, skip_invalid=True)
    read = validate_csv(path, settings).to_source_read(skip_invalid=True)
    assert read.notes[1] == ("1 invalid row was left out because skipping invalid rows is on.")
    assert (
        read.coded_notes[1]
        .render(translator("fr"))
        .startswith("1 ligne non valide a été laissée de côté")
    )
    (skip,) = read.skipped
    assert skip.detail == "Row 3 of users.csv: no userName (column userPrincipalName is empty)."
    assert skip.coded_detail is not None
    assert skip.coded_detail.render(translator("fr")) == (
        "Ligne 3 de users.csv : pas de userName (la colonne userPrincipalName est vide)."
    )
