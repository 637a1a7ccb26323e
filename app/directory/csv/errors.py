"""The CSV source's errors: a file that cannot be used at all (CsvFileError), and invalid
rows (CsvRowError, gathered in CsvInvalid when nothing may be sent)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.errors import InputError

MAX_LISTED_ROWS = 20


class CsvFileError(InputError):
    """The file as a whole cannot be used: missing, not a regular file, too large, changed
    while read, empty, unreadable, a quote left open, mixed encodings, no userName column.

    `row` and `column` say where, when the problem is in one place (the CSV page shows them);
    `reason` is the problem in plain words without the row number.
    """

    def __init__(
        self,
        message: str,
        next_step: str = "",
        *,
        row: int | None = None,
        column: str | None = None,
        reason: str | None = None,
    ) -> None:
        super().__init__(message, next_step)
        self.row = row
        self.column = column
        self.reason = reason or message


@dataclass(frozen=True, slots=True)
class CsvRowError:
    row: int  # the spreadsheet's row number; the header is row 1
    message: str  # plain words, without the row number
    column: str | None = None  # the header of the cell at fault, when there is one


class CsvInvalid(InputError):
    """Invalid rows: nothing is sent until they are fixed (or skipped with skip_invalid)."""

    def __init__(self, path: Path, errors: list[CsvRowError]) -> None:
        by_row = group_by_row(errors)
        lines = [f"  row {row}: {'; '.join(messages)}" for row, messages in by_row.items()]
        shown = lines[:MAX_LISTED_ROWS]
        if len(lines) > MAX_LISTED_ROWS:
            shown.append(f"  and {len(lines) - MAX_LISTED_ROWS} more.")
        count = len(by_row)
        super().__init__(
            f"The CSV file {path.name} has {count} invalid row{'s' if count != 1 else ''}, "
            "so nothing was sent:\n" + "\n".join(shown) + "\n",
            "Fix these rows and sync again, or leave them out with --skip-invalid "
            '("Skip invalid rows" in the wizard).',
        )
        self.path = path
        self.errors = errors
        self.invalid_rows = list(by_row)


def group_by_row(errors: list[CsvRowError]) -> dict[int, list[str]]:
    by_row: dict[int, list[str]] = {}
    for error in sorted(errors, key=lambda e: e.row):
        by_row.setdefault(error.row, []).append(error.message)
    return by_row


__all__ = ["CsvFileError", "CsvInvalid", "CsvRowError", "group_by_row"]
