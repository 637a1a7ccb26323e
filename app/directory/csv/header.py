"""The header row of a CSV file: the delimiter sniffed from it, its columns named (no empty,
duplicated or control-character names), and the columns the source reads found in it
(userName, mail, the yes/no columns, the group columns)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.config.profile import CsvSettings
from app.directory.csv.cells import (
    BOOLEAN_COLUMNS,
    CONTROL,
    DELIMITER_NAMES,
    UNIT_SEPARATOR,
    control_character_name,
)
from app.directory.csv.errors import CsvFileError

DELIMITERS = (",", ";", "\t")
MAIL_COLUMN = "mail"
# Columns worth suggesting when the userName column is missing.
_USER_NAME_HINTS = ("userName", "userPrincipalName", "mail", "email", "e-mail", "upn", "login")


def sniff_delimiter(header_line: str) -> str:
    """Comma, semicolon or tab: whichever the header line has most of outside quotes
    (comma when none, or on a tie)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    in_quotes = False
    for char in header_line:
        if char == '"':
            in_quotes = not in_quotes
        elif not in_quotes and char in counts:
            counts[char] += 1
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


# A line (between line breaks, \r or \n) with something besides white space.
_NON_BLANK_LINE = re.compile(r"[^\r\n]*\S[^\r\n]*")


def first_line(text: str) -> str:
    """The first line that is not blank (without splitting the whole file into lines)."""
    found = _NON_BLANK_LINE.search(text)
    return found.group() if found else ""


def find_column(header: list[str], name: str) -> str | None:
    if name in header:
        return name
    folded = name.casefold()
    for column in header:
        if column.casefold() == folded:
            return column
    return None


@dataclass(frozen=True, slots=True)
class Columns:
    """The columns of the header the source reads, as written in the header."""

    user_name: str
    groups: list[str]
    booleans: list[str]  # read as yes/no
    mail: str | None  # checked as an e-mail address (None when it is the userName column)
    enabled: str | None  # the first yes/no column present says whether the user is enabled


def find_columns(header: list[str], settings: CsvSettings, path: Path, delimiter: str) -> Columns:
    """The columns the profile names and the ones the source knows, or CsvFileError."""
    user_name_column = _user_name_column(header, settings, path, delimiter)
    group_columns = _group_columns(header, settings, path)
    boolean_columns = [c for c in header if c.casefold() in {b.casefold() for b in BOOLEAN_COLUMNS}]
    mail_column = find_column(header, MAIL_COLUMN)
    if mail_column == user_name_column:
        mail_column = None
    enabled_column = next(
        (c for b in BOOLEAN_COLUMNS for c in boolean_columns if c.casefold() == b.casefold()),
        None,
    )
    return Columns(user_name_column, group_columns, boolean_columns, mail_column, enabled_column)


def read_header(records: Iterator[tuple[int, list[str]]], path: Path) -> list[str]:
    """The first non-blank record, as column names (the iterator then stands after it)."""
    for number, record in records:
        if not any(cell.strip() for cell in record):
            continue
        header = [cell.strip().removeprefix("\ufeff").strip() for cell in record]
        while header and not header[-1]:
            header.pop()  # "a;b;c;" from a spreadsheet: no fourth column
        unnamed = [index for index, column in enumerate(header, start=1) if not column]
        if unnamed:
            which = (
                f"column {unnamed[0]} has"
                if len(unnamed) == 1
                else f"columns {', '.join(map(str, unnamed[:-1]))} and {unnamed[-1]} have"
            )
            reason = f"the header has {len(header)} columns and {which} no name"
            raise CsvFileError(
                f"The header (row {number}) of {path.name} has {len(header)} columns, and "
                f"{which} no name.",
                "Give every column a name in the first row (or delete the empty columns).",
                row=number,
                reason=reason,
            )
        for column in header:
            match = CONTROL.search(column)
            char = match.group() if match else UNIT_SEPARATOR if UNIT_SEPARATOR in column else None
            if char is not None:
                reason = (
                    f"the column name {column!r} holds the control character "
                    f"{control_character_name(char)}"
                )
                raise CsvFileError(
                    f"The header (row {number}) of {path.name}: {reason}.",
                    "Rename that column in the first row, then try again.",
                    row=number,
                    column=column,
                    reason=reason,
                )
        seen: dict[str, int] = {}
        for index, column in enumerate(header, start=1):
            if column.casefold() in seen:
                raise CsvFileError(
                    f"The column {column} appears twice in the header of {path.name} "
                    f"(columns {seen[column.casefold()]} and {index}).",
                    "Rename or remove one of them.",
                )
            seen[column.casefold()] = index
        return header
    raise CsvFileError(
        f"The CSV file {path.name} is empty.",
        "Export it again with a header row and one row per user.",
    )


def _user_name_column(header: list[str], settings: CsvSettings, path: Path, delimiter: str) -> str:
    column = find_column(header, settings.user_name_column)
    if column is not None:
        return column
    found = ", ".join(header)
    if len(header) == 1:
        # One column: most often the file uses another delimiter than the one tried.
        tried = DELIMITER_NAMES.get(delimiter, repr(delimiter))
        how = (
            "the delimiter named with --delimiter"
            if settings.delimiter != "auto"
            else "the delimiter guessed from the header"
        )
        raise CsvFileError(
            f"The CSV file {path.name} has no column {settings.user_name_column} for the "
            f"userName; read as {tried}-separated ({how}), its header is one column: {found}.",
            "If the file uses another delimiter, name it with --delimiter (',', ';' or tab) "
            "or on the Source page; otherwise choose the userName column with "
            "--user-name-column COLUMN.",
            reason=f"the header, read as {tried}-separated, is one column",
        )
    hint = next((c for h in _USER_NAME_HINTS for c in header if c.casefold() == h.casefold()), None)
    suggestion = (
        f"Choose the column that holds each user's e-mail sign-in name with "
        f"--user-name-column COLUMN (e.g. --user-name-column {hint}) or on the Source page."
        if hint
        else "Choose the column that holds each user's e-mail sign-in name with "
        "--user-name-column COLUMN or on the Source page, or rename it userPrincipalName."
    )
    raise CsvFileError(
        f"The CSV file {path.name} has no column {settings.user_name_column} for the userName; "
        f"its columns are: {found}.",
        suggestion,
    )


def _group_columns(header: list[str], settings: CsvSettings, path: Path) -> list[str]:
    columns = []
    for name in settings.group_columns:
        column = find_column(header, name)
        if column is None:
            raise CsvFileError(
                f"The CSV file {path.name} has no group column {name}; its columns are: "
                f"{', '.join(header)}.",
                "Name an existing column with --group-column, or remove that setting.",
            )
        columns.append(column)
    return columns


__all__ = [
    "DELIMITERS",
    "Columns",
    "find_column",
    "find_columns",
    "first_line",
    "read_header",
    "sniff_delimiter",
]
