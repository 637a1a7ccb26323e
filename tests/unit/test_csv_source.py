"""The CSV source: encodings, delimiters, validation by row number, groups, skip-invalid."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.config.profile import CsvSettings
from app.directory.base import DirectorySource
from app.directory.csv import (
    CsvFileError,
    CsvInvalid,
    CsvSource,
    parse_boolean,
    sniff_delimiter,
    validate_csv,
)

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "sample"
HEADER = "userPrincipalName,givenName,surname,displayName,mail,jobTitle,department,accountEnabled"


def write(tmp_path: Path, text: str, *, encoding: str = "utf-8", name: str = "users.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def settings(path: Path, **overrides: object) -> CsvSettings:
    return CsvSettings.model_validate({"path": path, **overrides})


FRENCH_ROWS = (
    "userPrincipalName;givenName;surname;displayName;mail;jobTitle;department;accountEnabled\r\n"
    "amelie.durand@example.fr;Amélie;Durand;Amélie Durand;amelie.durand@example.fr;"
    "Directrice générale;Direction;VRAI\r\n"
    "gaetan.lefebvre@example.fr;Gaëtan;Lefèvre;Gaëtan Lefèvre;gaetan.lefebvre@example.fr;"
    "Technicien réseau;Informatique;FAUX\r\n"
)


@pytest.mark.parametrize(
    ("encoding", "prefix", "expected"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
        ("utf-16-le", b"\xff\xfe", "utf-16"),
        ("utf-16-be", b"\xfe\xff", "utf-16"),
        ("utf-16-le", b"", "utf-16-le"),
        ("cp1252", b"", "cp1252"),
    ],
)
def test_every_encoding_is_detected_and_accents_survive(
    tmp_path: Path, encoding: str, prefix: bytes, expected: str
) -> None:
    path = tmp_path / "users.csv"
    path.write_bytes(prefix + FRENCH_ROWS.encode(encoding))
    result = validate_csv(path)
    assert result.encoding == expected
    assert result.delimiter == ";"
    assert result.header[0] == "userPrincipalName"  # no BOM left in the first column name
    assert [u.attributes["givenName"] for u in result.users] == ["Amélie", "Gaëtan"]
    assert result.users[1].attributes["surname"] == "Lefèvre"
    assert [u.enabled for u in result.users] == [True, False]


def test_an_encoding_can_be_named(tmp_path: Path) -> None:
    path = write(tmp_path, FRENCH_ROWS, encoding="latin-1")
    result = validate_csv(path, settings(path, encoding="latin-1"))
    assert result.users[0].attributes["displayName"] == "Amélie Durand"


def test_a_file_in_the_wrong_named_encoding_says_what_to_do(tmp_path: Path) -> None:
    path = write(tmp_path, FRENCH_ROWS, encoding="cp1252")
    with pytest.raises(CsvFileError) as caught:
        validate_csv(path, settings(path, encoding="utf-8"))
    assert "is not utf-8 text" in str(caught.value)
    assert "--encoding" in str(caught.value)


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_each_delimiter_is_sniffed_from_the_header(tmp_path: Path, delimiter: str) -> None:
    text = (
        delimiter.join(["userPrincipalName", "displayName", "department"])
        + "\n"
        + delimiter.join(["a@example.com", '"Martin, Alice; Dr"', "R&D"])
        + "\n"
    )
    result = validate_csv(write(tmp_path, text))
    assert result.delimiter == delimiter
    assert result.ok, result.errors
    assert result.users[0].attributes["displayName"] == "Martin, Alice; Dr"


def test_the_sample_files_read_cleanly() -> None:
    english = validate_csv(SAMPLES / "users.csv")
    assert english.ok and english.encoding == "utf-8" and english.delimiter == ","
    assert english.header == HEADER.split(",")
    assert len(english.users) >= 10
    assert any(not u.enabled for u in english.users)
    french = validate_csv(SAMPLES / "users-fr-excel.csv")
    assert french.ok and french.encoding == "cp1252" and french.delimiter == ";"
    assert any("é" in str(u.attributes["displayName"]) for u in french.users)
    assert french.users[0].attributes["accountEnabled"] is True


def test_users_carry_their_row_source_id_and_every_column(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER
        + ",extensionAttribute1\n"
        + "Alice.Martin@Example.com,Alice,Martin,Alice Martin,,PM,Product,yes,  badge 42 \n",
    )
    user = validate_csv(path).users[0]
    assert user.source_id == "alice.martin@example.com"
    assert user.user_name == "Alice.Martin@Example.com"
    assert user.row == 2
    assert user.attributes["extensionAttribute1"] == "badge 42"
    assert user.attributes["mail"] is None  # an empty cell is no value
    assert user.attributes["accountEnabled"] is True


async def test_csv_source_is_a_directory_source_with_full_reads(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "\na@example.com,A,B,A B,a@example.com,,,true\n")
    source = CsvSource(settings(path))
    assert isinstance(source, DirectorySource)
    read = await source.read(watermark="anything")
    assert read.full is True and read.watermark is None
    assert [u.user_name for u in read.users] == ["a@example.com"]
    assert [u.user_name async for u in source.users()] == ["a@example.com"]
    assert read.notes and "1 user," in read.notes[0]
    await source.aclose()


def test_a_configurable_user_name_column(tmp_path: Path) -> None:
    path = write(tmp_path, "Email,Prénom\njean@example.fr,Jean\n")
    result = validate_csv(path, settings(path, user_name_column="email"))
    user = result.users[0]
    assert result.user_name_column == "Email"
    assert user.user_name == "jean@example.fr"
    # The default mapping reads userPrincipalName: it is offered whatever the column's name.
    assert user.attributes["userPrincipalName"] == "jean@example.fr"


def test_a_missing_user_name_column_lists_the_columns_and_how_to_choose(tmp_path: Path) -> None:
    path = write(tmp_path, "mail,givenName\njean@example.fr,Jean\n")
    with pytest.raises(CsvFileError) as caught:
        validate_csv(path)
    text = str(caught.value)
    assert "no column userPrincipalName" in text
    assert "mail, givenName" in text
    assert "--user-name-column mail" in text


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(CsvFileError, match="does not exist"):
        validate_csv(tmp_path / "absent.csv")


@pytest.mark.parametrize("content", [b"", b"\n\r\n  \n", b"\xef\xbb\xbf"])
def test_an_empty_file_says_so(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "users.csv"
    path.write_bytes(content)
    with pytest.raises(CsvFileError, match="is empty"):
        validate_csv(path)


def test_a_header_only_file_has_no_users(tmp_path: Path) -> None:
    result = validate_csv(write(tmp_path, HEADER + "\n"))
    assert result.ok and result.users == []


def test_each_invalid_row_is_named_with_its_row_number(tmp_path: Path) -> None:
    rows = [
        HEADER,
        "ok@example.com,Ok,User,Ok User,ok@example.com,,,true",  # row 2
        ",No,Name,No Name,,,,true",  # row 3: missing userName
        "not-an-address,Bad,Upn,Bad Upn,,,,true",  # row 4: malformed userName
        "mail@example.com,Bad,Mail,Bad Mail,mail@@example,,,true",  # row 5: malformed mail
        "Dup@Example.com,Dup,One,Dup One,,,,true",  # row 6: duplicate of row 8
        "bool@example.com,Bool,Word,Bool Word,,,,peut-être",  # row 7: unknown boolean
        "dup@example.com,Dup,Two,Dup Two,,,,false",  # row 8: duplicate of row 6
        "extra@example.com,Extra,Cells,Extra Cells,,,,true,surprise",  # row 9: extra cell
        "",  # row 10: a blank line, not an error
        "last@example.com,Last,Row,Last Row,,,,1",  # row 11
    ]
    result = validate_csv(write(tmp_path, "\n".join(rows) + "\n"))
    by_row = result.errors_by_row
    assert sorted(by_row) == [3, 4, 5, 6, 7, 8, 9]
    assert "no userName" in by_row[3][0]
    assert "'not-an-address'" in by_row[4][0] and "not an e-mail" in by_row[4][0]
    assert "mail@@example" in by_row[5][0]
    assert "also in row 8" in by_row[6][0]
    assert "also in row 6" in by_row[8][0]
    assert "peut-être" in by_row[7][0] and "vrai/faux" in by_row[7][0]
    assert "9 cells but the header has 8 columns" in by_row[9][0]
    assert [u.row for u in result.users] == [2, 11]
    with pytest.raises(CsvInvalid) as caught:
        result.raise_if_invalid()
    message = str(caught.value)
    for row in (3, 4, 5, 6, 7, 8, 9):
        assert f"row {row}:" in message
    assert "row 2:" not in message and "row 11:" not in message
    assert "--skip-invalid" in message
    assert caught.value.exit_code == 2


def test_trailing_empty_cells_from_a_spreadsheet_are_not_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "userPrincipalName;givenName;\r\na@example.com;Ann;;\r\n")
    result = validate_csv(path)
    assert result.ok
    assert result.header == ["userPrincipalName", "givenName"]


def test_a_quoted_value_on_two_lines_is_refused_and_keeps_spreadsheet_row_numbers(
    tmp_path: Path,
) -> None:
    # A line break is a control character: Webex would store it, nobody could read it.
    text = HEADER + '\na@example.com,A,B,"Line one\nline two",,,,true\n,x,y,z,,,,true\n'
    result = validate_csv(write(tmp_path, text))
    assert result.users == []
    assert list(result.errors_by_row) == [2, 3]
    assert result.errors_by_row[2] == [
        "column displayName holds the control character U+000A (LF), which cannot be sent "
        "to Webex (a line break inside a value)"
    ]


def test_more_than_twenty_invalid_rows_are_summarised(tmp_path: Path) -> None:
    rows = [HEADER] + [f"user{i},U,{i},U {i},,,,true" for i in range(25)]
    result = validate_csv(write(tmp_path, "\n".join(rows)))
    with pytest.raises(CsvInvalid) as caught:
        result.raise_if_invalid()
    message = str(caught.value)
    assert "25 invalid rows" in message
    assert "row 21:" in message and "row 22:" not in message
    assert "and 5 more" in message


async def test_any_invalid_row_stops_the_read(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "\na@example.com,A,,,,,,true\nbroken,B,,,,,,true\n")
    with pytest.raises(CsvInvalid, match="row 3"):
        await CsvSource(settings(path)).read()


async def test_skip_invalid_turns_invalid_rows_into_skips(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        HEADER
        + "\na@example.com,A,,,,,,true\nbroken,B,,,,,,true\n,C,,,,,,true\n"
        + "b@example.com,D,,,,,,maybe\n",
    )
    read = await CsvSource(settings(path, skip_invalid=True)).read()
    assert [u.user_name for u in read.users] == ["a@example.com"]
    assert [(s.source_id, s.reason) for s in read.skipped] == [
        ("broken", "InvalidRow"),
        ("csv-row:4", "InvalidRow"),
        ("b@example.com", "InvalidRow"),
    ]
    assert "Row 5" in read.skipped[2].detail and "maybe" in read.skipped[2].detail
    assert any("3 invalid rows" in note for note in read.notes)


def test_group_columns_make_groups_with_their_members(tmp_path: Path) -> None:
    text = (
        "userPrincipalName,groups,team\n"
        'a@example.com,"Ventes; Direction",Paris\n'
        "b@example.com,ventes|Support,Paris\n"
        "c@example.com,,Lyon\n"
        "d@example.com,Direction,\n"
    )
    path = write(tmp_path, text)
    result = validate_csv(path, settings(path, group_columns=["Groups", "team"]))
    groups = {g.source_id: g for g in result.groups}
    assert set(groups) == {
        "csv-group:ventes",
        "csv-group:direction",
        "csv-group:support",
        "csv-group:paris",
        "csv-group:lyon",
    }
    assert groups["csv-group:ventes"].display_name == "Ventes"
    assert groups["csv-group:ventes"].member_ids == ("a@example.com", "b@example.com")
    assert groups["csv-group:direction"].member_ids == ("a@example.com", "d@example.com")
    assert groups["csv-group:lyon"].member_ids == ("c@example.com",)


def test_invalid_rows_are_no_group_members(tmp_path: Path) -> None:
    text = "userPrincipalName,groups\na@example.com,Ventes\nbroken,Ventes\n"
    path = write(tmp_path, text)
    result = validate_csv(path, settings(path, group_columns=["groups"]))
    assert result.groups[0].member_ids == ("a@example.com",)


def test_a_missing_group_column_lists_the_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "userPrincipalName,team\na@example.com,x\n")
    with pytest.raises(CsvFileError, match="no group column groups; its columns are"):
        validate_csv(path, settings(path, group_columns=["groups"]))


@pytest.mark.parametrize("column", ["enabled", "Active"])
def test_other_enabled_columns_drive_enabled_and_account_enabled(
    tmp_path: Path, column: str
) -> None:
    path = write(tmp_path, f"userPrincipalName,{column}\na@example.com,non\nb@example.com,\n")
    users = validate_csv(path).users
    assert [u.enabled for u in users] == [False, True]
    assert users[0].attributes["accountEnabled"] is False


def test_a_thousand_rows_are_read_and_validated(tmp_path: Path) -> None:
    rows = [HEADER] + [
        f"user{i:04d}@example.com,Prénom{i},Nom{i},Prénom{i} Nom{i},user{i:04d}@example.com,"
        f"Job {i % 7},Dept {i % 12},{'true' if i % 10 else 'false'}"
        for i in range(1000)
    ]
    result = validate_csv(write(tmp_path, "\r\n".join(rows) + "\r\n", encoding="utf-8-sig"))
    assert result.ok
    assert len(result.users) == 1000
    assert result.users[-1].row == 1001
    assert sum(not u.enabled for u in result.users) == 100
    assert len({u.source_id for u in result.users}) == 1000


def test_a_duplicated_header_column_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "userPrincipalName,mail,Mail\na@example.com,a@example.com,x\n")
    with pytest.raises(CsvFileError, match="appears twice"):
        validate_csv(path)


TRUE_WORDS = ["true", "yes", "1", "vrai", "oui"]
FALSE_WORDS = ["false", "no", "0", "faux", "non"]


@given(
    word=st.sampled_from(TRUE_WORDS + FALSE_WORDS),
    casing=st.lists(st.booleans(), min_size=5, max_size=5),
    padding=st.sampled_from(["", " ", "  "]),
)
def test_boolean_words_are_read_in_any_case(word: str, casing: list[bool], padding: str) -> None:
    mixed = "".join(c.upper() if up else c for c, up in zip(word, casing, strict=False))
    assert parse_boolean(padding + mixed + padding) is (word in TRUE_WORDS)


@given(st.text(max_size=8))
def test_any_other_word_is_not_a_boolean(text: str) -> None:
    if text.strip().lower() in TRUE_WORDS + FALSE_WORDS:
        return
    assert parse_boolean(text) is None


header_names = st.text(alphabet=string.ascii_letters + string.digits + " _-.é", min_size=1)


@given(names=st.lists(header_names, min_size=2, max_size=8), delimiter=st.sampled_from([",", ";"]))
def test_the_delimiter_is_whichever_separates_the_header(names: list[str], delimiter: str) -> None:
    assert sniff_delimiter(delimiter.join(names)) == delimiter


@given(
    names=st.lists(header_names, min_size=2, max_size=6),
    inner=st.sampled_from([",", ";"]),
    delimiter=st.sampled_from([",", ";"]),
)
def test_delimiters_inside_quoted_headers_do_not_count(
    names: list[str], inner: str, delimiter: str
) -> None:
    quoted = [f'"{name}{inner}{inner}{inner}"' for name in names]
    assert sniff_delimiter(delimiter.join(quoted)) == delimiter


# -- what a row becomes: its attributes (built when first read) and its digest ---------


def test_a_row_s_attributes_are_every_cell_with_yes_no_values_and_entra_names(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        "email, givenName ,jobTitle,enabled,extra\n"
        "Zoe.Dupre@Example.com,  Zoé ,,Non,\n"  # empty cells are None
        "bob@example.com,Bob,Chef,oui,x,,\n",  # trailing empty cells
    )
    zoe, bob = validate_csv(path, settings(path, user_name_column="email")).users
    assert zoe.source_id == "zoe.dupre@example.com" and zoe.user_name == "Zoe.Dupre@Example.com"
    assert zoe.enabled is False and bob.enabled is True
    assert dict(zoe.attributes) == {
        "email": "Zoe.Dupre@Example.com",
        "givenName": "Zoé",
        "jobTitle": None,
        "enabled": False,
        "extra": None,
        "userPrincipalName": "Zoe.Dupre@Example.com",
        "accountEnabled": False,
    }
    assert zoe.attributes == dict(zoe.attributes)  # a mapping equal to the dict
    assert list(bob.attributes) == [
        "email",
        "givenName",
        "jobTitle",
        "enabled",
        "extra",
        "userPrincipalName",
        "accountEnabled",
    ]
    assert bob.attributes["extra"] == "x" and bob.attributes.get("nothing") is None
    assert "jobTitle" in bob.attributes and len(bob.attributes) == 7


def _digests(tmp_path: Path, text: str) -> tuple[list[str], str]:
    path = write(tmp_path, text, name=f"d{abs(hash(text))}.csv")
    read = validate_csv(path).to_source_read(skip_invalid=False)
    return [user.digest for user in read.users], read.record_context


def test_a_row_s_digest_changes_with_any_cell_and_only_then(tmp_path: Path) -> None:
    base = f"{HEADER}\na@example.com,Ann,Lee,Ann Lee,a@example.com,Chef,IT,true\n"
    (digest,), context = _digests(tmp_path, base)
    assert len(digest) == 32
    # Same rows in another file with other line breaks and quotes: the same users.
    same, same_context = _digests(
        tmp_path, base.replace("\n", "\r\n").replace("Ann Lee", '"Ann Lee"')
    )
    assert same == [digest] and same_context == context
    for changed in (
        base.replace("Chef", "Chef "),  # a space counts (mapped again, never missed)
        base.replace(",IT,", ",,"),
        base.replace("true", "TRUE"),
        base.replace("a@example.com,Ann", "A@example.com,Ann"),
        base.rstrip("\n") + ",\n",  # a trailing empty cell
    ):
        (other,), other_context = _digests(tmp_path, changed)
        assert other != digest and other_context == context
    # The same cells under another header make other users: the context says so.
    reordered = base.replace("givenName,surname", "surname,givenName")
    (again,), reordered_context = _digests(tmp_path, reordered)
    assert again == digest and reordered_context != context


def test_cells_that_hold_the_separator_are_refused_and_the_others_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "userPrincipalName,a,b\nx@example.com,p\x1f,q\ny@example.com,p,q\nz@example.com,p,\x1fq\n",
    )
    result = validate_csv(path)
    assert result.errors_by_row == {
        2: ["column a holds the control character U+001F (US), which cannot be sent to Webex"],
        4: ["column b holds the control character U+001F (US), which cannot be sent to Webex"],
    }
    assert [u.user_name for u in result.users] == ["y@example.com"]
    assert result.users[0].attributes["a"] == "p"


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_every_kind_of_line_break_gives_the_same_rows(tmp_path: Path, newline: str) -> None:
    text = f'{HEADER}\na@example.com,Ann,Lee,"Ann, Lee",,,,\nb@example.com,Bob,,,,,,no\n'
    result = validate_csv(write(tmp_path, text.replace("\n", newline)))
    assert [(u.row, u.user_name, u.enabled) for u in result.users] == [
        (2, "a@example.com", True),
        (3, "b@example.com", False),
    ]
    assert result.users[0].attributes["displayName"] == "Ann, Lee"


def test_a_named_encoding_drops_the_byte_order_mark_before_blank_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeff\n\nuserPrincipalName,givenName\na@example.com,Ann\n")
    result = validate_csv(path, settings(path, encoding="utf-8"))
    assert result.header == ["userPrincipalName", "givenName"]
    assert [(u.row, u.attributes["givenName"]) for u in result.users] == [(4, "Ann")]


# -- a file that is not what it seems (issue 22) ------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "named"),
    [
        ("Zo\x00e", "U+0000 (NUL)"),
        ("Zo\x07e", "U+0007 (BEL)"),
        ("Zo\te", "U+0009 (TAB)"),
        ("Zo\x1be", "U+001B (ESC)"),
        ("Zo\x7fe", "U+007F (DEL)"),
        ("Zo\x85e", "U+0085 (C1 control)"),
        ("Zo\x9be", "U+009B (C1 control)"),
    ],
)
def test_a_control_character_in_a_cell_makes_the_row_invalid_with_its_column(
    tmp_path: Path, cell: str, named: str
) -> None:
    text = f"{HEADER}\na@example.com,Ann,,,,,,\nb@example.com,{cell},,,,,,\n"
    result = validate_csv(write(tmp_path, text))
    assert [u.user_name for u in result.users] == ["a@example.com"]
    assert result.errors_by_row == {
        3: [f"column givenName holds the control character {named}, which cannot be sent to Webex"]
    }
    assert result.errors[0].column == "givenName"
    # --skip-invalid leaves the row out, logged; never merged into another.
    read = result.to_source_read(skip_invalid=True)
    assert [s.user_name for s in read.skipped] == ["b@example.com"]
    assert "Row 3 of users.csv" in read.skipped[0].detail


def test_a_control_character_in_the_header_refuses_the_file(tmp_path: Path) -> None:
    with pytest.raises(CsvFileError, match=r"U\+0000 \(NUL\)") as caught:
        validate_csv(write(tmp_path, "userPrincipalName,given\x00Name\na@example.com,Ann\n"))
    assert caught.value.row == 1


def test_a_row_with_fewer_cells_than_the_header_is_invalid(tmp_path: Path) -> None:
    text = "userPrincipalName,givenName,surname\na@example.com,Ann\nb@example.com,Bob,Lee\n"
    result = validate_csv(write(tmp_path, text))
    assert result.errors_by_row == {
        2: ["2 cells but the header has 3 columns (a comma is missing, or the row was cut)"]
    }
    assert [u.user_name for u in result.users] == ["b@example.com"]


def test_a_trailing_empty_cell_beyond_the_header_is_still_fine(tmp_path: Path) -> None:
    text = "userPrincipalName;givenName\na@example.com;Ann;\nb@example.com;Bob;;\n"
    result = validate_csv(write(tmp_path, text))
    assert result.ok and len(result.users) == 2


@pytest.mark.parametrize("rows_after", [0, 1, 250])
def test_a_quote_left_open_refuses_the_whole_file_with_its_row(
    tmp_path: Path, rows_after: int
) -> None:
    rows = [f"u{n}@example.com,U,{n}" for n in range(rows_after)]
    text = "\n".join(
        [
            "userPrincipalName,givenName,surname",
            "a@example.com,Ann,Lee",
            'b@example.com,"Bob,Ray',
            *rows,
        ]
    )
    with pytest.raises(CsvFileError) as caught:
        validate_csv(write(tmp_path, text + "\n"))
    error = caught.value
    assert error.row == 3
    assert "row 3: a double quote opened in this row is never closed" in str(error)
    assert "nothing was sent" in error.message and "Correct the quotes" in error.next_step
    # Skipping invalid rows does not help: the rows after it cannot be told apart.
    path = write(tmp_path, text + "\n")
    with pytest.raises(CsvFileError):
        validate_csv(path, settings(path, skip_invalid=True))


def test_a_quote_closed_rows_later_refuses_the_merged_rows(tmp_path: Path) -> None:
    # The quote opened in row 3 closes in row 6: rows 4 and 5 would vanish into one value.
    text = (
        "userPrincipalName,givenName,surname\n"
        "a@example.com,Ann,Lee\n"
        'b@example.com,"Bob,Ray\n'
        "c@example.com,Cy,Dee\n"
        "d@example.com,Di,Eve\n"
        'e@example.com,Ed",Fox\n'
    )
    with pytest.raises(CsvFileError, match="look like rows") as caught:
        validate_csv(write(tmp_path, text))
    assert (caught.value.row, caught.value.column) == (3, "givenName")


def test_a_quote_followed_by_more_text_refuses_the_file(tmp_path: Path) -> None:
    text = 'userPrincipalName,displayName\na@example.com,"Ann" Lee\n'
    with pytest.raises(CsvFileError, match=r"row 2: a double quote that ends a value is followed"):
        validate_csv(write(tmp_path, text))


def test_a_utf8_file_with_a_windows_1252_byte_is_refused_with_its_row(tmp_path: Path) -> None:
    data = (
        "userPrincipalName,givenName\nzoe@example.com,Zoé\n"
        'ann@example.com,"Ann\nMarie"\njose@example.com,Jos'
    ).encode() + b"\xe9\n"
    path = tmp_path / "users.csv"
    path.write_bytes(data)
    with pytest.raises(CsvFileError, match="mixes encodings") as caught:
        validate_csv(path)
    assert caught.value.row == 4  # the quoted line break keeps row 3 on two lines
    assert "row 4:" in str(caught.value) and "0xE9" in str(caught.value)
    # The same with a byte order mark.
    path.write_bytes(b"\xef\xbb\xbf" + data)
    with pytest.raises(CsvFileError, match="row 4:"):
        validate_csv(path)
    # Named, the encoding is taken at its word: cp1252 reads it (as the admin said).
    path.write_bytes(data)
    result = validate_csv(path, settings(path, encoding="cp1252"))
    assert result.encoding == "cp1252"


def test_a_folder_a_fifo_and_a_device_are_refused_without_reading(tmp_path: Path) -> None:
    with pytest.raises(CsvFileError, match="is a folder, not a CSV file"):
        validate_csv(tmp_path)
    if hasattr(__import__("os"), "mkfifo"):
        import os

        fifo = tmp_path / "pipe.csv"
        os.mkfifo(fifo)
        with pytest.raises(CsvFileError, match=r"is a named pipe \(FIFO\), not a CSV file"):
            validate_csv(fifo)
        with pytest.raises(CsvFileError, match="is a device, not a CSV file"):
            validate_csv(Path("/dev/null"))


def test_a_file_above_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "\na@example.com,A,,,,,,\n")
    with path.open("r+b") as handle:
        handle.truncate(2 * 1024 * 1024 + 1)
    with pytest.raises(CsvFileError, match="more than the limit of 2 MB"):
        validate_csv(path, settings(path, max_file_mb=2))


def test_a_header_with_unnamed_columns_says_how_many_and_which(tmp_path: Path) -> None:
    path = write(tmp_path, "userPrincipalName,,givenName,,surname,x\na@example.com,,A,,B,\n")
    with pytest.raises(CsvFileError) as caught:
        validate_csv(path)
    assert caught.value.message == (
        "The header (row 1) of users.csv has 6 columns, and columns 2 and 4 have no name."
    )
    assert caught.value.row == 1
    path = write(tmp_path, "userPrincipalName,,givenName\na@example.com,,A\n")
    with pytest.raises(CsvFileError, match="has 3 columns, and column 2 has no name"):
        validate_csv(path)


@pytest.mark.parametrize(
    ("delimiter", "tried", "how"),
    [
        ("auto", "comma", "the delimiter guessed from the header"),
        (";", "semicolon", "the delimiter named with --delimiter"),
    ],
)
def test_the_missing_column_message_names_the_delimiter_it_tried(
    tmp_path: Path, delimiter: str, tried: str, how: str
) -> None:
    # A file separated by vertical bars: read with another delimiter, one column.
    path = write(tmp_path, "userPrincipalName|givenName\na@example.com|Ann\n")
    with pytest.raises(CsvFileError) as caught:
        validate_csv(path, settings(path, delimiter=delimiter))
    message = str(caught.value)
    assert f"read as {tried}-separated ({how})" in message
    assert "--delimiter" in caught.value.next_step


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("utf-8", ","),
        ("utf-8", "\t"),
        ("utf-8-sig", ";"),
        ("cp1252", ";"),
        ("cp1252", "\t"),
        ("utf-16", ","),
        ("utf-16", "\t"),
    ],
)
def test_control_characters_are_found_in_every_encoding_and_delimiter(
    tmp_path: Path, encoding: str, delimiter: str
) -> None:
    # The whole file is screened at once (bytes for UTF-8 and Windows-1252, text otherwise):
    # printable characters of 0x80-0x9F in Windows-1252 (€, “ ”) are no control characters.
    rows = [
        ["userPrincipalName", "givenName", "department"],
        ["a@example.com", "Ann", "R&D €"],
        ["b@example.com", "Bob\x00", "“Ventes”"],
        ["c@example.com", "Cy", "Fin\x7f"],
        ["d@example.com", '"Di\tEve"', "Support"],
    ]
    text = "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"
    path = write(tmp_path, text, encoding=encoding)
    result = validate_csv(path)
    assert result.delimiter == delimiter
    assert list(result.errors_by_row) == [3, 4, 5]
    assert "U+0000 (NUL)" in result.errors_by_row[3][0]
    assert "U+007F (DEL)" in result.errors_by_row[4][0]
    assert "U+0009 (TAB)" in result.errors_by_row[5][0]
    assert result.users[0].attributes["department"] == "R&D €"


def test_a_c1_control_in_utf8_is_found(tmp_path: Path) -> None:
    path = write(
        tmp_path, "userPrincipalName,givenName\na@example.com,A\x85nn\nb@example.com,«B»\n"
    )
    result = validate_csv(path)
    assert result.errors_by_row == {
        2: [
            "column givenName holds the control character U+0085 (C1 control), which cannot be "
            "sent to Webex"
        ]
    }
    assert [u.user_name for u in result.users] == ["b@example.com"]
