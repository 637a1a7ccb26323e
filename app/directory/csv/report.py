"""What validate_csv found in a CSV file: the report the wizard's preview shows (rows, their
problems by row number, encoding and delimiter) and the full SourceRead a sync takes from
it, invalid rows refused or, with --skip-invalid, left out as skips."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from app.directory.base import SourceGroup, SourceRead, SourceSkip, SourceUser
from app.directory.csv.cells import DELIMITER_NAMES
from app.directory.csv.errors import CsvInvalid, CsvRowError, group_by_row


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
    def invalid_rows(self) -> list[int]:
        return list(self.errors_by_row)

    @property
    def delimiter_name(self) -> str:
        return DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))

    def raise_if_invalid(self) -> None:
        if self.errors:
            raise CsvInvalid(self.path, self.errors)

    def to_source_read(self, *, skip_invalid: bool) -> SourceRead:
        """A full SourceRead; invalid rows raise CsvInvalid unless skip_invalid, in which case
        each becomes a SourceSkip with reason "InvalidRow"."""
        if not skip_invalid:
            self.raise_if_invalid()
        skipped = [
            SourceSkip(
                source_id=user_name.lower() if user_name else f"csv-row:{row}",
                user_name=user_name,
                reason="InvalidRow",
                detail=f"Row {row} of {self.path.name}: {'; '.join(messages)}.",
            )
            for row, messages in self.errors_by_row.items()
            for user_name in [self.invalid_user_names.get(row, "")]
        ]
        notes = [
            f"Read {self.path.name}: {len(self.users)} users, {len(self.groups)} groups "
            f"({self.encoding}, {self.delimiter_name}-separated)."
        ]
        if skipped:
            notes.append(
                f"{len(skipped)} invalid rows were left out because skipping invalid rows is on."
            )
        return SourceRead(
            full=True,
            users=list(self.users),
            groups=list(self.groups),
            skipped=skipped,
            watermark=None,
            notes=notes,
            record_context=self.record_context,
        )


__all__ = ["CsvRow", "CsvValidation"]
