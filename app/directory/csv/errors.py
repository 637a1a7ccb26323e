"""The CSV source's errors: a file that cannot be used at all (CsvFileError), and invalid
rows (CsvRowError, gathered in CsvInvalid when nothing may be sent)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.directory.csv import messages as say
from app.errors import InputError
from app.messages import Message

MAX_LISTED_ROWS = 20


class CsvFileError(InputError):
    """The file as a whole cannot be used: missing, not a regular file, too large, changed
    while read, empty, unreadable, a quote left open, mixed encodings, no userName column.

    `row` and `column` say where, when the problem is in one place (the CSV page shows them);
    `reason` is the problem in plain words without the row number (English; `coded_reason`
    is the coded message, for another language).
    """

    def __init__(
        self,
        message: str | Message,
        next_step: str | Message = "",
        *,
        row: int | None = None,
        column: str | None = None,
        reason: str | Message | None = None,
    ) -> None:
        super().__init__(message, next_step)
        self.row = row
        self.column = column
        self.reason = str(reason or message)
        coded = reason if reason is not None else message
        self.coded_reason = coded if isinstance(coded, Message) else None


@dataclass(frozen=True, slots=True)
class CsvRowError:
    row: int  # the spreadsheet's row number; the header is row 1
    message: str  # plain words, without the row number (English)
    column: str | None = None  # the header of the cell at fault, when there is one
    coded: Message | None = None  # `message` as a coded message, for another language

    @classmethod
    def of(cls, row: int, message: Message, column: str | None = None) -> CsvRowError:
        return cls(row, str(message), column, message)

    @property
    def coded_message(self) -> Message | str:
        return self.coded if self.coded is not None else self.message


class CsvInvalid(InputError):
    """Invalid rows: nothing is sent until they are fixed (or skipped with skip_invalid)."""

    def __init__(self, path: Path, errors: list[CsvRowError]) -> None:
        by_row = group_by_row(errors)
        coded = coded_by_row(errors)
        lines = [
            say.INVALID_LINE(row=row, problems=problems_message(problems))
            for row, problems in coded.items()
        ]
        shown = lines[:MAX_LISTED_ROWS]
        if len(lines) > MAX_LISTED_ROWS:
            shown.append(say.INVALID_MORE(count=len(lines) - MAX_LISTED_ROWS))
        count = len(by_row)
        super().__init__(
            say.INVALID(
                file=path.name, count=count, br="\n", rows=say.joined(shown, say.JOIN_LINES)
            ),
            say.INVALID_NEXT(),
        )
        self.path = path
        self.errors = errors
        self.invalid_rows = list(by_row)


def group_by_row(errors: list[CsvRowError]) -> dict[int, list[str]]:
    by_row: dict[int, list[str]] = {}
    for error in sorted(errors, key=lambda e: e.row):
        by_row.setdefault(error.row, []).append(error.message)
    return by_row


def coded_by_row(errors: list[CsvRowError]) -> dict[int, list[Message | str]]:
    """The problems of each invalid row as coded messages (in row order)."""
    by_row: dict[int, list[Message | str]] = {}
    for error in sorted(errors, key=lambda e: e.row):
        by_row.setdefault(error.row, []).append(error.coded_message)
    return by_row


def problems_message(problems: list[Message | str]) -> Message:
    """A row's problems as one message ("a; b")."""
    parts = [p if isinstance(p, Message) else say.PLAIN(text=p) for p in problems]
    return say.joined(parts, say.JOIN_PROBLEMS)


__all__ = [
    "CsvFileError",
    "CsvInvalid",
    "CsvRowError",
    "coded_by_row",
    "group_by_row",
    "problems_message",
]
