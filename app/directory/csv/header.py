"""The header row of a CSV file: the delimiter sniffed from it, its columns named (no empty,
duplicated or control-character names), and the columns the source reads found in it
(userName, mail, the yes/no columns, the group columns)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.config.profile import CsvSettings
from app.directory.csv import messages as say
from app.directory.csv.cells import (
    BOOLEAN_COLUMNS,
    CONTROL,
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
            raise _unnamed(path, number, len(header), unnamed)
        for column in header:
            match = CONTROL.search(column)
            char = match.group() if match else UNIT_SEPARATOR if UNIT_SEPARATOR in column else None
            if char is not None:
                reason = say.HEADER_CONTROL_REASON(
                    name=repr(column), char=control_character_name(char)
                )
                raise CsvFileError(
                    say.HEADER_CONTROL(row=number, file=path.name, reason=reason),
                    say.HEADER_CONTROL_NEXT(),
                    row=number,
                    column=column,
                    reason=reason,
                )
        seen: dict[str, int] = {}
        for index, column in enumerate(header, start=1):
            if column.casefold() in seen:
                raise CsvFileError(
                    say.DUPLICATE_COLUMN(
                        column=column,
                        file=path.name,
                        first=seen[column.casefold()],
                        second=index,
                    ),
                    say.DUPLICATE_COLUMN_NEXT(),
                )
            seen[column.casefold()] = index
        return header
    raise CsvFileError(say.EMPTY(file=path.name), say.EMPTY_HEADER_NEXT())


def _unnamed(path: Path, number: int, count: int, unnamed: list[int]) -> CsvFileError:
    """The header's columns without a name (their positions, 1 first)."""
    if len(unnamed) == 1:
        reason = say.UNNAMED_ONE_REASON(count=count, column=unnamed[0])
        message = say.UNNAMED_ONE(row=number, file=path.name, count=count, column=unnamed[0])
    else:
        columns, last = ", ".join(map(str, unnamed[:-1])), unnamed[-1]
        reason = say.UNNAMED_MANY_REASON(count=count, columns=columns, last=last)
        message = say.UNNAMED_MANY(
            row=number, file=path.name, count=count, columns=columns, last=last
        )
    return CsvFileError(message, say.UNNAMED_NEXT(), row=number, reason=reason)


def _user_name_column(header: list[str], settings: CsvSettings, path: Path, delimiter: str) -> str:
    column = find_column(header, settings.user_name_column)
    if column is not None:
        return column
    found = ", ".join(header)
    if len(header) == 1:
        # One column: most often the file uses another delimiter than the one tried.
        tried = say.delimiter_name(delimiter)
        how = say.HOW_NAMED() if settings.delimiter != "auto" else say.HOW_GUESSED()
        raise CsvFileError(
            say.ONE_COLUMN(
                file=path.name,
                column=settings.user_name_column,
                delimiter=tried,
                how=how,
                found=found,
            ),
            say.ONE_COLUMN_NEXT(),
            reason=say.ONE_COLUMN_REASON(delimiter=tried),
        )
    hint = next((c for h in _USER_NAME_HINTS for c in header if c.casefold() == h.casefold()), None)
    suggestion = say.NO_USER_NAME_HINT_NEXT(hint=hint) if hint else say.NO_USER_NAME_NEXT()
    raise CsvFileError(
        say.NO_USER_NAME_COLUMN(file=path.name, column=settings.user_name_column, found=found),
        suggestion,
    )


def _group_columns(header: list[str], settings: CsvSettings, path: Path) -> list[str]:
    columns = []
    for name in settings.group_columns:
        column = find_column(header, name)
        if column is None:
            raise CsvFileError(
                say.NO_GROUP_COLUMN(file=path.name, column=name, found=", ".join(header)),
                say.NO_GROUP_COLUMN_NEXT(),
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
