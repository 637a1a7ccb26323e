"""validate_csv: a CSV file read safely, its header and every row checked, in named steps:
the bytes, the text, the delimiter, what one look at the whole file finds, the header's
columns, the rows, the groups."""

from __future__ import annotations

import csv
import itertools
import json
from pathlib import Path

from app.config.profile import CsvSettings
from app.directory.csv import messages as say
from app.directory.csv.cells import UNIT_SEPARATOR, Screen, may_hold_controls
from app.directory.csv.errors import CsvFileError
from app.directory.csv.header import Columns, find_columns, first_line, read_header, sniff_delimiter
from app.directory.csv.reading import MEGABYTE, decoded, read_bytes, resolve_path, text_lines
from app.directory.csv.report import CsvValidation
from app.directory.csv.rows import RowReader, groups_of
from app.gc_pause import paused_gc

# Users' digests: a version to raise when the way a row becomes a user changes (the digests
# of older reads then no longer match).
DIGEST_VERSION = "csv-1"


def validate_csv(
    path: Path | str, settings: CsvSettings | None = None, *, keep_rows: bool = True
) -> CsvValidation:
    """Read and check a CSV file; the rows, each invalid row's problems, the users and groups.

    File-level problems (missing, empty, unreadable, no userName column) raise CsvFileError;
    row problems are collected in `errors` (see CsvValidation.raise_if_invalid).
    `keep_rows=False` leaves `rows` (the cells as written, for a preview) empty: a sync
    needs only the users and groups.
    """
    with paused_gc():  # a few objects a row, all kept: the collector would only slow it down
        return _validate_csv(path, settings, keep_rows)


def _validate_csv(path: Path | str, settings: CsvSettings | None, keep_rows: bool) -> CsvValidation:
    path = resolve_path(path)
    settings = settings or CsvSettings(path=path)
    data = read_bytes(path, settings.max_file_mb * MEGABYTE)
    text, encoding = decoded(path, data, settings.encoding)
    delimiter = (
        settings.delimiter if settings.delimiter != "auto" else sniff_delimiter(first_line(text))
    )
    # A row's digest hashes its cells joined by the unit separator, unambiguous while
    # no cell has one; a file with one hashes each row's cells with marshal instead.
    joined = UNIT_SEPARATOR not in text
    # Looked for in the whole file at once: rows are searched one by one only if needed.
    controls = may_hold_controls(data, text, encoding, tab_delimited=delimiter == "\t")
    quoted = '"' in text  # without quotes, no value can run over several lines
    del text  # the lines are decoded again a piece at a time (see text_lines)
    # strict: a quote left open at the end of the file, or a closing quote followed by more
    # text, is an error instead of a value that swallows the rows after it (issue 22).
    reader = csv.reader(
        text_lines(data, encoding, settings.encoding != "auto"), delimiter=delimiter, strict=True
    )
    # A record's number is the spreadsheet's row number: a quoted value spanning lines is
    # still one row, so records are counted, not lines. zip takes the number first: when
    # the reader fails, `numbers` has passed the number of the record it was reading.
    numbers = itertools.count(1)
    records = zip(numbers, reader, strict=False)
    try:
        header = read_header(records, path)
        columns = find_columns(header, settings, path, delimiter)
        validation = CsvValidation(
            path=path,
            encoding=encoding,
            delimiter=delimiter,
            header=header,
            user_name_column=columns.user_name,
            record_context=_record_context(header, columns, joined),
        )
        rows = RowReader(
            validation, columns, keep_rows=keep_rows, joined=joined, screen=Screen(controls, quoted)
        )
        rows.read(records)
    except csv.Error as exc:
        raise _unreadable_row(path, exc, next(numbers) - 1, reader.line_num) from None
    if columns.groups:
        validation.groups = groups_of(validation.users, columns.groups)
    return validation


def _record_context(header: list[str], columns: Columns, joined: bool) -> str:
    """What each user's digest also depends on (SourceRead.record_context)."""
    return json.dumps(
        [DIGEST_VERSION, joined, header, columns.user_name, columns.enabled, columns.booleans]
    )


def _unreadable_row(path: Path, exc: csv.Error, row: int, line: int) -> CsvFileError:
    """A quote the csv reader could not close or end, in plain words with the row."""
    if "unexpected end of data" in str(exc):
        reason = say.QUOTE_NOT_CLOSED(line=line)
    elif "expected after" in str(exc):
        reason = say.QUOTE_FOLLOWED()
    else:
        reason = say.NEAR_LINE(line=line, error=str(exc))
    return CsvFileError(
        say.UNREADABLE_ROW(file=path.name, row=row, reason=reason),
        say.QUOTES_NEXT(),
        row=row,
        reason=reason,
    )


__all__ = ["DIGEST_VERSION", "validate_csv"]
