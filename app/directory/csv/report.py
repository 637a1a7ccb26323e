"""What validate_csv found in a CSV file: the report the wizard's preview shows (rows, their
problems by row number, encoding and delimiter) and the full SourceRead a sync takes from
it, invalid rows refused or, with --skip-invalid, left out as skips."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from app.directory.base import SourceGroup, SourceRead, SourceSkip, SourceUser
from app.directory.csv import messages as say
from app.directory.csv.cells import DELIMITER_NAMES
from app.directory.csv.errors import (
    CsvInvalid,
    CsvRowError,
    coded_by_row,
    group_by_row,
    problems_message,
)
from app.messages import Message


@dataclass(frozen=True, slots=True)
class CsvRow:
    number: int  # the spreadsheet's row number
    cells: Mapping[str, str]  # header -> text as written (stripped)


@dataclass(slots=True)
class CsvValidation:
    """What validate_csv found: for the wizard's preview and for CsvSource.read."""

    path: Path
    encoding: str  # codec name: utf-8, utf-8-sig (with BOM), utf-16, cp1252, ...
    delimiter: str
    header: list[str]
    user_name_column: str  # as written in the header
    rows: list[CsvRow] = field(default_factory=list)
    users: list[SourceUser] = field(default_factory=list)  # the valid rows
    groups: list[SourceGroup] = field(default_factory=list)  # members: valid rows only
    errors: list[CsvRowError] = field(default_factory=list)
    # userName (or "") of each invalid row, for SourceSkip records.
    invalid_user_names: dict[int, str] = field(default_factory=dict)
    # What each user's digest (a hash of the row's cells) also depends on: the header and
    # the columns read as userName and enabled (SourceRead.record_context).
    record_context: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def errors_by_row(self) -> dict[int, list[str]]:
        return group_by_row(self.errors)

    @property
    def coded_errors_by_row(self) -> dict[int, Message]:
        """Each invalid row's problems as one coded message ("a; b"), for another language."""
        return {row: problems_message(p) for row, p in coded_by_row(self.errors).items()}

    @property
    def invalid_rows(self) -> list[int]:
        return list(self.errors_by_row)

    @property
    def delimiter_name(self) -> str:
        return DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))

    def raise_if_invalid(self) -> None:
        if self.errors:
            raise CsvInvalid(self.path, self.errors)

    def summary(self) -> Message:
        """ "Read users.csv: 18 users, 2 groups (utf-8, comma-separated)." """
        return say.SUMMARY(
            file=self.path.name,
            users=say.SUMMARY_USERS(count=len(self.users)),
            groups=say.SUMMARY_GROUPS(count=len(self.groups)),
            encoding=self.encoding,
            delimiter=say.delimiter_name(self.delimiter),
        )

    def to_source_read(self, *, skip_invalid: bool) -> SourceRead:
        """A full SourceRead; invalid rows raise CsvInvalid unless skip_invalid, in which case
        each becomes a SourceSkip with reason "InvalidRow"."""
        if not skip_invalid:
            self.raise_if_invalid()
        coded = self.coded_errors_by_row
        skipped = [
            SourceSkip(
                source_id=user_name.lower() if user_name else f"csv-row:{row}",
                user_name=user_name,
                reason="InvalidRow",
                detail=str(detail),
                coded_detail=detail,
            )
            for row in coded
            for user_name in [self.invalid_user_names.get(row, "")]
            for detail in [say.SKIPPED_ROW(row=row, file=self.path.name, problems=coded[row])]
        ]
        coded_notes = [self.summary()]
        if skipped:
            coded_notes.append(say.SUMMARY_SKIPPED(count=len(skipped)))
        return SourceRead(
            full=True,
            users=list(self.users),
            groups=list(self.groups),
            skipped=skipped,
            watermark=None,
            notes=[str(note) for note in coded_notes],
            coded_notes=coded_notes,
            record_context=self.record_context,
        )


__all__ = ["CsvRow", "CsvValidation"]
