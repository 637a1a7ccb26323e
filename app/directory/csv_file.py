"""The CSV source: a header row, one user a row, validated with row numbers before any sync.

Encoding: UTF-8 (with or without BOM), UTF-16 (BOM, or the NUL pattern of Excel's "Unicode
text"), else Windows-1252 (what Excel writes in France and most of Western Europe).
Delimiter: comma, semicolon (French Excel) or tab, sniffed from the header line.
Row numbers are the spreadsheet's: the header is row 1.

A file that is not what it seems is refused, never half-read (issue 22): only a regular file,
no larger than the profile's limit, read once into memory and checked unchanged afterwards; a
quote left open or a value over several lines, a UTF-8 file with bytes of another encoding,
and a row with more or fewer cells than the header or a control character in a cell are
errors with the row number (the last two are the rows --skip-invalid leaves out).

With Entra's attribute names as headers (userPrincipalName, givenName, surname, displayName,
mail, jobTitle, department, accountEnabled) the default mapping works with no set-up.
"""

from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import itertools
import json
import marshal
import os
import re
import stat
from collections.abc import (
    AsyncIterator,
    Callable,
    ItemsView,
    Iterator,
    KeysView,
    Mapping,
    ValuesView,
)
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.config.profile import CsvSettings, looks_like_email
from app.directory.base import SourceGroup, SourceRead, SourceSkip, SourceUser
from app.errors import InputError
from app.gc_pause import paused_gc

TRUE_WORDS = frozenset({"true", "yes", "1", "vrai", "oui"})
FALSE_WORDS = frozenset({"false", "no", "0", "faux", "non"})
BOOLEAN_HELP = "true/false, yes/no, 1/0, vrai/faux or oui/non"
# Yes/no words (lower case) and what they mean.
_BOOLEAN_WORDS = {**dict.fromkeys(TRUE_WORDS, True), **dict.fromkeys(FALSE_WORDS, False)}
# Columns read as booleans; the first one present says whether the user is enabled.
BOOLEAN_COLUMNS = ("accountEnabled", "enabled", "active")
MAIL_COLUMN = "mail"
USER_NAME_ATTRIBUTE = "userPrincipalName"
GROUP_ID_PREFIX = "csv-group:"
GROUP_SEPARATORS = re.compile(r"[;|]")
MAX_LISTED_ROWS = 20
# Users' digests: the separator of a row's cells, and a version to raise when the way a row
# becomes a user changes (the digests of older reads then no longer match).
UNIT_SEPARATOR = "\x1f"
DIGEST_VERSION = "csv-1"
DELIMITERS = (",", ";", "\t")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
# Columns worth suggesting when the userName column is missing.
_USER_NAME_HINTS = ("userName", "userPrincipalName", "mail", "email", "e-mail", "upn", "login")


# What a cell must not hold: C0 controls (with tab and line breaks), DEL and C1 controls. The
# unit separator (\x1f) is left out: it joins a row's cells for the per-row search, and a file
# that holds one is checked cell by cell.
_CONTROL = re.compile("[\x00-\x1e\x7f-\x9f]")
_LINE_BREAKS = frozenset("\r\n")
_CONTROL_NAMES = (
    *("NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT"),
    *("FF", "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB"),
    *("CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"),
)
# Bytes that are UTF-8 beyond ASCII: a file that holds some is UTF-8 text, so a byte that
# does not decode is another encoding mixed in, not a Windows-1252 file.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
MEGABYTE = 1024 * 1024
# Called (tests only) between reading the file and checking that it did not change.
after_read_hook: Callable[[Path], None] | None = None


def control_character_name(char: str) -> str:
    """U+0000 (NUL), U+007F (DEL), U+0085 (C1 control)."""
    code = ord(char)
    if code < 0x20:
        name = _CONTROL_NAMES[code]
    elif code == 0x7F:
        name = "DEL"
    else:
        name = "C1 control"
    return f"U+{code:04X} ({name})"


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
        by_row = _group_by_row(errors)
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
        return _group_by_row(self.errors)

    @property
    def invalid_rows(self) -> list[int]:
        return list(self.errors_by_row)

    @property
    def delimiter_name(self) -> str:
        return _DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))

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


def _group_by_row(errors: list[CsvRowError]) -> dict[int, list[str]]:
    by_row: dict[int, list[str]] = {}
    for error in sorted(errors, key=lambda e: e.row):
        by_row.setdefault(error.row, []).append(error.message)
    return by_row


def parse_boolean(text: str) -> bool | None:
    """True/False for the words a spreadsheet uses (English or French, any case); None for
    anything else."""
    return _BOOLEAN_WORDS.get(text.strip().lower())


def decode_csv_bytes(data: bytes, encoding: str = "auto") -> tuple[str, str]:
    """(text, codec). `auto`: BOMs first, then strict UTF-8, then Windows-1252.

    Raises UnicodeDecodeError when the bytes are not in the encoding (given or guessed).
    """
    if encoding != "auto":
        text = data.decode(encoding)
        return text.removeprefix("\ufeff"), encoding
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise MixedEncodingError(data, exc.start + 3, exc.end + 3) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(data) is None:
            return data.decode("cp1252"), "cp1252"
        # UTF-8 text with a byte of another encoding: read whole as Windows-1252, its
        # accents would become "JosÃ©" (issue 22).
        raise MixedEncodingError(data, exc.start, exc.end) from None


class MixedEncodingError(UnicodeDecodeError):
    """A file that is UTF-8 text but for some bytes (another encoding mixed in)."""

    def __init__(self, data: bytes, start: int, end: int) -> None:
        super().__init__("utf-8", data, start, end, "a byte of another encoding in UTF-8 text")
        self.row = _row_of_byte(data, start)


def _row_of_byte(data: bytes, offset: int) -> int:
    """The row (record, the header being row 1) that the byte at `offset` is in."""
    head = data[:offset]
    cut = max(head.rfind(b"\n"), head.rfind(b"\r")) + 1
    if cut == 0:
        return 1
    lines = head[:cut].decode("utf-8", "replace").removeprefix("\ufeff")
    return sum(1 for _ in csv.reader(io.StringIO(lines, newline=""))) + 1


def _utf16_without_bom(data: bytes) -> str | None:
    # Text in a Latin script saved as UTF-16 has a NUL in every other byte.
    sample = data[:512]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > half * 0.6 and even_nuls == 0:
        return "utf-16-le"
    if even_nuls > half * 0.6 and odd_nuls == 0:
        return "utf-16-be"
    return None


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


def _first_line(text: str) -> str:
    """The first line that is not blank (without splitting the whole file into lines)."""
    found = _NON_BLANK_LINE.search(text)
    return found.group() if found else ""


def _lines(data: bytes, codec: str, strip_bom: bool) -> Iterator[str]:
    """The file's lines for csv.reader, each with its line break (\r\n, \r or \n, as
    io.StringIO(text, newline="") gives them), decoded from `data` (already checked to be
    `codec` text) a piece at a time: io.StringIO would first copy the whole text at four
    bytes a character (40 MB for 100,000 rows). `strip_bom`: a byte order mark the codec
    leaves is dropped, as decode_csv_bytes drops it for a named encoding."""
    lines = io.TextIOWrapper(io.BytesIO(data), encoding=codec, newline="")
    if not strip_bom:
        return lines
    first = lines.readline().removeprefix("\ufeff")
    return itertools.chain([first] if first else [], lines)


def _find_column(header: list[str], name: str) -> str | None:
    if name in header:
        return name
    folded = name.casefold()
    for column in header:
        if column.casefold() == folded:
            return column
    return None


def _resolve_path(path: Path | str) -> Path:
    return Path(path).expanduser()


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, read once from one consistent snapshot.

    Only a regular file is read (a FIFO would hang, /dev/zero would fill the memory), no
    larger than `max_bytes` (checked before reading); the file opened is checked to be the
    one the path names, the same size and modification time, after the read: a file
    rewritten meanwhile would give a part of the old and a part of the new.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise CsvFileError(
            f"The CSV file {path} does not exist.",
            "Check the path, or choose the file again (--csv-file FILE, or the Source page).",
        ) from None
    except IsADirectoryError:
        raise _folder_error(path) from None
    except PermissionError:
        if path.is_dir():  # Windows refuses to open a folder
            raise _folder_error(path) from None
        raise CsvFileError(
            f"The CSV file {path} cannot be read: permission denied.",
            "Give your account read access to it, or copy it somewhere you can read.",
        ) from None
    except OSError as exc:
        raise _unreadable(path, exc) from None
    try:
        before = os.fstat(fd)
        _check_regular(path, before, max_bytes)
        data = _read_at_most(fd, before.st_size + 1, path)
        if after_read_hook is not None:
            after_read_hook(path)
        after = os.fstat(fd)
        try:
            named = os.stat(path)
        except OSError:
            named = None
    finally:
        os.close(fd)
    if (
        len(data) != before.st_size
        or _identity(after) != _identity(before)
        or named is None
        or _identity(named) != _identity(before)
    ):
        raise CsvFileError(
            f"The CSV file {path.name} changed while it was read ({before.st_size:,} bytes "
            "before, "
            + (f"{named.st_size:,}" if named is not None else "none")
            + " after), so nothing was sent.",
            "Wait until the export that writes it has finished (or sync a copy of the file), "
            "then sync again.",
        )
    return data


def _identity(info: os.stat_result) -> tuple[int, int, int, int]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def _check_regular(path: Path, info: os.stat_result, max_bytes: int) -> None:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise _folder_error(path)
    if not stat.S_ISREG(mode):
        kind = (
            "a named pipe (FIFO)"
            if stat.S_ISFIFO(mode)
            else "a device"
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket"
            if stat.S_ISSOCK(mode)
            else "not a regular file"
        )
        raise CsvFileError(
            f"{path} is {kind}, not a CSV file.",
            "Export the users to a regular file and choose that file (--csv-file FILE, or "
            "the Source page).",
        )
    if info.st_size > max_bytes:
        raise CsvFileError(
            f"The CSV file {path.name} is {info.st_size / MEGABYTE:,.0f} MB, more than the "
            f"limit of {max_bytes // MEGABYTE:,} MB, so it was not read.",
            "Check that this is the users' export; if it is, raise the limit "
            "(--csv-max-mb, or source.csv.max_file_mb in the profile).",
        )


def _read_at_most(fd: int, limit: int, path: Path) -> bytes:
    chunks = []
    left = limit
    try:
        while left > 0:
            chunk = os.read(fd, min(left, 16 * MEGABYTE))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    return b"".join(chunks)


def _folder_error(path: Path) -> CsvFileError:
    return CsvFileError(f"{path} is a folder, not a CSV file.", "Choose the CSV file inside it.")


def _unreadable(path: Path, exc: OSError) -> CsvFileError:
    return CsvFileError(
        f"The CSV file {path} cannot be read ({exc.strerror or exc}).",
        "Check that the file is reachable, then try again.",
    )


# Addresses plain enough to be surely accepted by looks_like_email (ASCII local part without
# the characters it refuses, no leading, trailing or double dot; ASCII domain labels, a last
# one of two or more characters). Anything else is left to looks_like_email itself. A user
# name is checked about twenty times faster this way (100,000 rows read in a dry run).
_PLAIN_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]"
)


def _is_email(text: str) -> bool:
    """looks_like_email, with a quick answer for the common plain address."""
    return _PLAIN_EMAIL.fullmatch(text) is not None or looks_like_email(text)


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
    path = _resolve_path(path)
    settings = settings or CsvSettings(path=path)
    data = _read_bytes(path, settings.max_file_mb * MEGABYTE)
    try:
        text, encoding = decode_csv_bytes(data, settings.encoding)
    except MixedEncodingError as exc:
        reason = (
            f"byte {exc.start + 1} (0x{data[exc.start]:02X}) is not UTF-8, though the rest of "
            "the file is UTF-8 text: part of it was written in another encoding"
        )
        raise CsvFileError(
            f"The CSV file {path.name} mixes encodings: row {exc.row}: {reason}. Read whole as "
            "Windows-1252, its accents would be garbled, so nothing was sent.",
            f'Correct row {exc.row} and save the file again as "CSV UTF-8" (or name the '
            "encoding with --encoding if the whole file is in one, e.g. cp1252).",
            row=exc.row,
            reason=reason,
        ) from None
    except UnicodeDecodeError as exc:
        wanted = settings.encoding if settings.encoding != "auto" else "UTF-8 or Windows-1252"
        raise CsvFileError(
            f"The CSV file {path.name} is not {wanted} text (byte {exc.start + 1} cannot be read).",
            'Save it again from the spreadsheet as "CSV UTF-8", or name its encoding '
            "(--encoding, e.g. cp1252 or utf-16).",
        ) from None
    if not text or text.isspace():
        raise CsvFileError(
            f"The CSV file {path.name} is empty.",
            "Export it again with a header row (e.g. userPrincipalName,givenName,surname) and "
            "one row per user.",
        )
    delimiter = (
        settings.delimiter if settings.delimiter != "auto" else sniff_delimiter(_first_line(text))
    )
    # A row's digest hashes its cells joined by the unit separator, unambiguous while
    # no cell has one; a file with one hashes each row's cells with marshal instead.
    joined = UNIT_SEPARATOR not in text
    # Looked for in the whole file at once: rows are searched one by one only if needed.
    controls = _may_hold_controls(data, text, encoding, tab_delimited=delimiter == "\t")
    quoted = '"' in text  # without quotes, no value can run over several lines
    del text  # the lines are decoded again a piece at a time (see _lines)
    # strict: a quote left open at the end of the file, or a closing quote followed by more
    # text, is an error instead of a value that swallows the rows after it (issue 22).
    reader = csv.reader(
        _lines(data, encoding, settings.encoding != "auto"), delimiter=delimiter, strict=True
    )
    # A record's number is the spreadsheet's row number: a quoted value spanning lines is
    # still one row, so records are counted, not lines. zip takes the number first: when
    # the reader fails, `numbers` has passed the number of the record it was reading.
    numbers = itertools.count(1)
    records = zip(numbers, reader, strict=False)
    try:
        header = _header(records, path)
        user_name_column = _user_name_column(header, settings, path, delimiter)
        group_columns = _group_columns(header, settings, path)
        boolean_columns = [
            c for c in header if c.casefold() in {b.casefold() for b in BOOLEAN_COLUMNS}
        ]
        mail_column = _find_column(header, MAIL_COLUMN)
        if mail_column == user_name_column:
            mail_column = None
        enabled_column = next(
            (c for b in BOOLEAN_COLUMNS for c in boolean_columns if c.casefold() == b.casefold()),
            None,
        )
        validation = CsvValidation(
            path=path,
            encoding=encoding,
            delimiter=delimiter,
            header=header,
            user_name_column=user_name_column,
            record_context=json.dumps(
                [DIGEST_VERSION, joined, header, user_name_column, enabled_column, boolean_columns]
            ),
        )
        _read_rows(
            validation,
            records,
            keep_rows,
            mail_column,
            boolean_columns,
            enabled_column,
            joined,
            _Screen(controls, quoted),
        )
    except csv.Error as exc:
        row = next(numbers) - 1
        if "unexpected end of data" in str(exc):
            reason = (
                f"a double quote opened in this row is never closed (the rest of the file, to "
                f"line {reader.line_num}, would be one value)"
            )
        elif "expected after" in str(exc):
            reason = (
                "a double quote that ends a value is followed by more text (a double quote "
                'inside a quoted value is written twice: "")'
            )
        else:
            reason = f"it cannot be read near line {reader.line_num} ({exc})"
        raise CsvFileError(
            f"The CSV file {path.name} cannot be read: row {row}: {reason}, so nothing was sent.",
            "Correct the quotes in that row, or export the file again from the spreadsheet.",
            row=row,
            reason=reason,
        ) from None
    if group_columns:
        validation.groups = _groups(validation.users, group_columns)
    return validation


class CsvAttributes(Mapping[str, Any]):
    """A valid row's attributes, built from its cells the first time they are read.

    Header -> value: the cell's text stripped, None for an empty (or missing) cell, the
    yes/no columns as booleans; userPrincipalName and accountEnabled filled in from the
    userName and enabled columns when the header has no such column (every source offers
    Entra's names, so the default mapping works whatever the columns are called).

    A dry run of unchanged users never reads them (the planner compares each user's digest
    with its link's): 100,000 rows are checked without building 100,000 dicts.
    """

    __slots__ = ("_cells", "_data", "_shape", "_user_name")

    # `cells`: the row's cells, or (smaller to keep) the text they were joined into by the
    # unit separator, which none of them holds.
    def __init__(self, shape: _RowShape, cells: str | list[str], user_name: str) -> None:
        self._shape = shape
        self._cells = cells
        self._user_name = user_name
        self._data: dict[str, Any] | None = None

    def _built(self) -> dict[str, Any]:
        data = self._data
        if data is None:
            data = self._data = self._shape.attributes(self._split(), self._user_name)
        return data

    def _split(self) -> list[str]:
        cells = self._cells
        return cells.split(UNIT_SEPARATOR) if isinstance(cells, str) else cells

    def cell(self, column: str) -> str | None:
        """One column's text (stripped; None when empty), without building the rest."""
        index = self._shape.index[column]
        cells = self._split()
        text = cells[index].strip() if index < len(cells) else ""
        return text or None

    def __getitem__(self, key: str) -> Any:
        return self._built()[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self._built().get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._built()

    def __iter__(self) -> Iterator[str]:
        return iter(self._built())

    def __len__(self) -> int:
        return len(self._built())

    def keys(self) -> KeysView[str]:
        return self._built().keys()

    def items(self) -> ItemsView[str, Any]:
        return self._built().items()

    def values(self) -> ValuesView[Any]:
        return self._built().values()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, CsvAttributes):
            return self._built() == other._built()
        return self._built() == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._built())


@dataclass(frozen=True, slots=True)
class _RowShape:
    """What turns the cells of any row of one file into its attributes."""

    header: list[str]
    index: dict[str, int]  # column -> its position
    boolean_columns: list[str]
    enabled_column: str | None

    def attributes(self, cells: list[str], user_name: str) -> dict[str, Any]:
        width = len(self.header)
        values: list[Any] = [cell.strip() or None for cell in cells[:width]]
        if len(values) < width:
            values += [None] * (width - len(values))
        attributes = dict(zip(self.header, values, strict=True))
        for column in self.boolean_columns:
            value = attributes[column]
            if value is not None:
                attributes[column] = _BOOLEAN_WORDS[value.lower()]  # checked when read
        attributes.setdefault(USER_NAME_ATTRIBUTE, user_name)
        if self.enabled_column is not None:
            attributes.setdefault("accountEnabled", attributes[self.enabled_column])
        return attributes


def _read_rows(
    validation: CsvValidation,
    records: Iterator[tuple[int, list[str]]],
    keep_rows: bool,
    mail_column: str | None,
    boolean_columns: list[str],
    enabled_column: str | None,
    joined: bool,
    screen: _Screen,
) -> None:
    """Every row after the header: its problems into `validation.errors`, a valid row into
    `validation.users` (duplicated user names are found at the end: every row that shares
    one is invalid).

    The loop runs once per row of files of 100,000 rows (benchmark P2): only the cells that
    are checked (userName, mail, the yes/no columns) are read; a valid row's attributes are
    built when first used (CsvAttributes), and its digest is a hash of its cells.
    """
    header = validation.header
    user_name_column = validation.user_name_column
    width = len(header)
    index = {column: position for position, column in enumerate(header)}
    shape = _RowShape(header, index, boolean_columns, enabled_column)
    user_name_at = index[user_name_column]
    mail_at = index[mail_column] if mail_column is not None else -1
    checked_booleans = [(column, index[column]) for column in boolean_columns]
    enabled_at = index[enabled_column] if enabled_column is not None else -1
    errors = validation.errors
    users = validation.users
    rows = validation.rows
    plain_email = _PLAIN_EMAIL.fullmatch
    words = _BOOLEAN_WORDS
    first_row: dict[str, int] = {}  # user name (lower case) -> its first row
    rows_by_user_name: dict[str, list[int]] = {}  # only the names found on several rows
    invalid_user_names = validation.invalid_user_names
    delimiter = _DELIMITER_NAMES.get(validation.delimiter, validation.delimiter)
    blake2b = hashlib.blake2b
    separator = UNIT_SEPARATOR
    control = _CONTROL.search if screen.controls else None
    quoted = screen.quoted
    for number, record in records:
        count = len(record)
        user_name = record[user_name_at].strip() if user_name_at < count else ""
        if not user_name and not any(cell.strip() for cell in record):
            continue  # a blank line
        row_errors: list[CsvRowError] = []
        # A file with a control character somewhere (_may_hold_controls): one search of each
        # row's text; the cells are looked at one by one only when it finds one.
        text = separator.join(record)
        if (
            (control is not None and control(text) is not None)
            or (quoted and ("\n" in text or "\r" in text))
            or not joined
        ):
            row_errors += _control_errors(
                number, record, header, validation.path, validation.delimiter
            )
        # Trailing empty cells beyond the header are what spreadsheets write after a last
        # empty column; a non-empty one means a delimiter inside an unquoted value.
        if count > width and any(cell.strip() for cell in record[width:]):
            row_errors.append(
                CsvRowError(
                    number,
                    f"{count} cells but the header has {width} columns (a value "
                    f"that contains the delimiter {delimiter} must be in double quotes)",
                )
            )
        elif count < width:
            row_errors.append(
                CsvRowError(
                    number,
                    f"{count} cell{'s' if count != 1 else ''} but the header has {width} "
                    f"columns (a {delimiter} is missing, or the row was cut)",
                )
            )
        if keep_rows:
            cells = [cell.strip() for cell in record[:width]]
            cells += [""] * (width - len(cells))
            rows.append(CsvRow(number, dict(zip(header, cells, strict=True))))
        user_name_ok = False
        if not user_name:
            row_errors.append(
                CsvRowError(
                    number, f"no userName (column {user_name_column} is empty)", user_name_column
                )
            )
        elif plain_email(user_name) is None and not looks_like_email(user_name):
            row_errors.append(
                CsvRowError(
                    number,
                    f"userName {user_name!r} in column {user_name_column} is not an e-mail address",
                    user_name_column,
                )
            )
        else:
            user_name_ok = True
        if 0 <= mail_at < count:
            mail = record[mail_at].strip()
            if (
                mail
                and not (user_name_ok and mail == user_name)  # checked just above
                and plain_email(mail) is None
                and not looks_like_email(mail)
            ):
                row_errors.append(
                    CsvRowError(
                        number,
                        f"{mail!r} in column {mail_column} is not an e-mail address",
                        mail_column,
                    )
                )
        enabled = True
        for column, at in checked_booleans:
            value = record[at].strip() if at < count else ""
            if not value:
                continue
            flag = words.get(value.lower())
            if flag is None:
                row_errors.append(
                    CsvRowError(
                        number,
                        f"{value!r} in column {column} is not a yes/no value (use {BOOLEAN_HELP})",
                        column,
                    )
                )
            elif at == enabled_at:
                enabled = flag
        # Most user names are written in lower case: then the name itself is the id.
        folded = user_name if user_name.islower() else user_name.lower()
        if user_name:
            first = first_row.setdefault(folded, number)
            if first != number:
                rows_by_user_name.setdefault(folded, [first]).append(number)
        if row_errors:
            errors.extend(row_errors)
            invalid_user_names[number] = user_name
            continue
        # Everything the user is made of comes from these cells, the header and the
        # columns in record_context: the digest of the cells stands for the user.
        if joined:
            digest = blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16)
            attributes = CsvAttributes(shape, text, user_name)
        else:
            digest = blake2b(marshal.dumps(record, 0), digest_size=16)
            attributes = CsvAttributes(shape, record, user_name)
        users.append(SourceUser(folded, user_name, attributes, enabled, number, digest.hexdigest()))
    if rows_by_user_name:
        _refuse_duplicates(validation, rows_by_user_name)


@dataclass(frozen=True, slots=True)
class _Screen:
    """What one look at the whole file found possible: a control character somewhere other
    than between rows or cells, a double quote (a value over several lines)."""

    controls: bool
    quoted: bool


_SINGLE_BYTE_OR_UTF8 = frozenset({"utf-8", "utf-8-sig", "utf8", "cp1252", "windows-1252", "ascii"})
# Byte -> 0 for a C0 control or DEL, else 1; line breaks (between rows) are 1, and the tab
# too in the second table (between cells, in a file separated by tabs).
_C0_BYTES = bytes(0 if (b < 0x20 and b not in (0x0A, 0x0D)) or b == 0x7F else 1 for b in range(256))
_C0_BYTES_BUT_TAB = _C0_BYTES[:0x09] + b"\x01" + _C0_BYTES[0x0A:]
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
# The same in decoded text, for the other encodings.
_CONTROL_IN_TEXT = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1e\x7f-\x9f]")
_CONTROL_IN_TEXT_BUT_TAB = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1e\x7f-\x9f]")


def _may_hold_controls(data: bytes, text: str, codec: str, *, tab_delimited: bool) -> bool:
    """Whether a cell may hold a control character: one pass over the file (bytes.translate
    for UTF-8 and Windows-1252: some twenty milliseconds for 100,000 rows, a tenth of a
    search in each row)."""
    if tab_delimited and '"' in text:
        return True  # a quoted tab inside a value cannot be told from the delimiters here
    codec = codec.lower()
    if codec in _SINGLE_BYTE_OR_UTF8:
        if 0 in data.translate(_C0_BYTES_BUT_TAB if tab_delimited else _C0_BYTES):
            return True
        # C1 controls: two bytes in UTF-8; in Windows-1252, 0x80-0x9F are printable.
        return codec.startswith("utf") and _C1_UTF8.search(data) is not None
    pattern = _CONTROL_IN_TEXT_BUT_TAB if tab_delimited else _CONTROL_IN_TEXT
    return pattern.search(text) is not None


def _control_errors(
    number: int, record: list[str], header: list[str], path: Path, delimiter: str
) -> list[CsvRowError]:
    """The row's cells that hold a control character (a line break too: a value is one
    line). A value whose later lines hold the delimiter refuses the whole file: that is
    what a double quote left open leaves, the rows after it merged into one value."""
    errors = []
    for position, cell in enumerate(record):
        column = header[position] if position < len(header) else None
        where = f"column {column}" if column else f"cell {position + 1}"
        if _LINE_BREAKS.intersection(cell) and delimiter in "".join(cell.splitlines()[1:]):
            reason = (
                f"the value in {where} runs over several lines that look like rows: a double "
                "quote left open there joins the rows after it into one value"
            )
            raise CsvFileError(
                f"The CSV file {path.name} cannot be read: row {number}: {reason}, so nothing "
                "was sent.",
                "Close the quote in that row (or remove the line breaks from the value), "
                "then sync again.",
                row=number,
                column=column,
                reason=reason,
            )
        match = _CONTROL.search(cell)
        char = match.group() if match else UNIT_SEPARATOR if UNIT_SEPARATOR in cell else None
        if char is not None:
            errors.append(
                CsvRowError(
                    number,
                    f"{where} holds the control character {control_character_name(char)}, "
                    "which cannot be sent to Webex"
                    + (" (a line break inside a value)" if char in _LINE_BREAKS else ""),
                    column,
                )
            )
    return errors


def _refuse_duplicates(validation: CsvValidation, rows_by_user_name: dict[str, list[int]]) -> None:
    """Every row of a user name found on several rows is invalid (whatever the case)."""
    user_names: dict[int, str] = {
        user.row: user.user_name for user in validation.users if user.row is not None
    }
    user_names.update(validation.invalid_user_names)
    duplicate_rows: set[int] = set()
    for rows in rows_by_user_name.values():
        for number in rows:
            others = ", ".join(str(r) for r in rows if r != number)
            user_name = user_names[number]
            validation.errors.append(
                CsvRowError(
                    number,
                    f"userName {user_name} is also in row{'s' if len(rows) > 2 else ''} {others} "
                    "(user names must be unique, whatever the case)",
                    validation.user_name_column,
                )
            )
            validation.invalid_user_names[number] = user_name
            duplicate_rows.add(number)
    validation.users = [user for user in validation.users if user.row not in duplicate_rows]


def _groups(users: list[SourceUser], group_columns: list[str]) -> list[SourceGroup]:
    """The groups named in the group columns of valid rows, members in file order."""
    groups: dict[str, tuple[str, dict[str, None]]] = {}
    for user in users:
        attributes = user.attributes  # _read_rows made it: its cells, read without a dict
        assert isinstance(attributes, CsvAttributes)
        for column in group_columns:
            for name in GROUP_SEPARATORS.split(attributes.cell(column) or ""):
                name = name.strip()
                if not name:
                    continue
                # A dict keeps the members in file order without duplicates.
                groups.setdefault(name.lower(), (name, {}))[1][user.source_id] = None
    return [
        SourceGroup(
            source_id=GROUP_ID_PREFIX + key,
            display_name=display,
            attributes={"displayName": display},
            member_ids=tuple(members),
        )
        for key, (display, members) in groups.items()
    ]


def _header(records: Iterator[tuple[int, list[str]]], path: Path) -> list[str]:
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
            match = _CONTROL.search(column)
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
    column = _find_column(header, settings.user_name_column)
    if column is not None:
        return column
    found = ", ".join(header)
    if len(header) == 1:
        # One column: most often the file uses another delimiter than the one tried.
        tried = _DELIMITER_NAMES.get(delimiter, repr(delimiter))
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
        column = _find_column(header, name)
        if column is None:
            raise CsvFileError(
                f"The CSV file {path.name} has no group column {name}; its columns are: "
                f"{', '.join(header)}.",
                "Name an existing column with --group-column, or remove that setting.",
            )
        columns.append(column)
    return columns


class CsvSource:
    """A DirectorySource over a CSV file: every read is a full read (no watermark)."""

    kind = "csv"

    def __init__(self, settings: CsvSettings) -> None:
        self.settings = settings

    def __repr__(self) -> str:
        return f"CsvSource({str(self.settings.path)!r})"

    async def validate(self) -> CsvValidation:
        return await asyncio.to_thread(validate_csv, self.settings.path, self.settings)

    async def read(self, watermark: str | None = None) -> SourceRead:
        """The whole file (a CSV has no delta: `watermark` is ignored and None is returned)."""
        validation = await asyncio.to_thread(
            validate_csv, self.settings.path, self.settings, keep_rows=False
        )
        return validation.to_source_read(skip_invalid=self.settings.skip_invalid)

    async def users(self) -> AsyncIterator[SourceUser]:
        for user in (await self.read()).users:
            yield user

    async def groups(self) -> AsyncIterator[SourceGroup]:
        for group in (await self.read()).groups:
            yield group

    async def aclose(self) -> None:
        return None


__all__ = [
    "BOOLEAN_COLUMNS",
    "CsvAttributes",
    "CsvFileError",
    "CsvInvalid",
    "CsvRow",
    "CsvRowError",
    "CsvSource",
    "CsvValidation",
    "decode_csv_bytes",
    "parse_boolean",
    "sniff_delimiter",
    "validate_csv",
]
