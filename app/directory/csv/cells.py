"""The rules a CSV cell must meet: yes/no words, e-mail addresses, no control characters (a
line break inside a value included), and the names of the delimiters for messages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.directory.csv import messages as say
from app.directory.csv.errors import CsvFileError, CsvRowError
from app.messages import Message

TRUE_WORDS = frozenset({"true", "yes", "1", "vrai", "oui"})
FALSE_WORDS = frozenset({"false", "no", "0", "faux", "non"})
BOOLEAN_HELP = "true/false, yes/no, 1/0, vrai/faux or oui/non"
# Yes/no words (lower case) and what they mean.
BOOLEAN_WORDS = {**dict.fromkeys(TRUE_WORDS, True), **dict.fromkeys(FALSE_WORDS, False)}
# Columns read as booleans; the first one present says whether the user is enabled.
BOOLEAN_COLUMNS = ("accountEnabled", "enabled", "active")
# The separator of a row's cells in its digest and in the per-row search.
UNIT_SEPARATOR = "\x1f"
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}

# What a cell must not hold: C0 controls (with tab and line breaks), DEL and C1 controls. The
# unit separator (\x1f) is left out: it joins a row's cells for the per-row search, and a file
# that holds one is checked cell by cell.
CONTROL = re.compile("[\x00-\x1e\x7f-\x9f]")
LINE_BREAKS = frozenset("\r\n")
_CONTROL_NAMES = (
    *("NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT"),
    *("FF", "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB"),
    *("CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"),
)


def control_character_name(char: str) -> str | Message:
    """U+0000 (NUL), U+007F (DEL), U+0085 (C1 control)."""
    code = ord(char)
    if code < 0x20:
        name = _CONTROL_NAMES[code]
    elif code == 0x7F:
        name = "DEL"
    else:
        return say.C1_CONTROL(code=f"{code:04X}")
    return f"U+{code:04X} ({name})"


def parse_boolean(text: str) -> bool | None:
    """True/False for the words a spreadsheet uses (English or French, any case); None for
    anything else."""
    return BOOLEAN_WORDS.get(text.strip().lower())


# Addresses plain enough to be surely accepted by looks_like_email (ASCII local part without
# the characters it refuses, no leading, trailing or double dot; ASCII domain labels, a last
# one of two or more characters). Anything else is left to looks_like_email itself. A user
# name is checked about twenty times faster this way (100,000 rows read in a dry run).
PLAIN_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]"
)


@dataclass(frozen=True, slots=True)
class Screen:
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


def may_hold_controls(data: bytes, text: str, codec: str, *, tab_delimited: bool) -> bool:
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


def control_errors(
    number: int, record: list[str], header: list[str], path: Path, delimiter: str
) -> list[CsvRowError]:
    """The row's cells that hold a control character (a line break too: a value is one
    line). A value whose later lines hold the delimiter refuses the whole file: that is
    what a double quote left open leaves, the rows after it merged into one value."""
    errors = []
    for position, cell in enumerate(record):
        column = header[position] if position < len(header) else None
        where = say.WHERE_COLUMN(column=column) if column else say.WHERE_CELL(position=position + 1)
        if LINE_BREAKS.intersection(cell) and delimiter in "".join(cell.splitlines()[1:]):
            reason = say.RUNS_OVER_LINES(where=where)
            raise CsvFileError(
                say.UNREADABLE_ROW(file=path.name, row=number, reason=reason),
                say.RUNS_OVER_LINES_NEXT(),
                row=number,
                column=column,
                reason=reason,
            )
        match = CONTROL.search(cell)
        char = match.group() if match else UNIT_SEPARATOR if UNIT_SEPARATOR in cell else None
        if char is not None:
            said = say.CONTROL_LINE_BREAK if char in LINE_BREAKS else say.CONTROL_CHARACTER
            errors.append(
                CsvRowError.of(number, said(where=where, char=control_character_name(char)), column)
            )
    return errors


__all__ = [
    "BOOLEAN_COLUMNS",
    "BOOLEAN_HELP",
    "BOOLEAN_WORDS",
    "CONTROL",
    "DELIMITER_NAMES",
    "FALSE_WORDS",
    "PLAIN_EMAIL",
    "TRUE_WORDS",
    "UNIT_SEPARATOR",
    "Screen",
    "control_character_name",
    "control_errors",
    "may_hold_controls",
    "parse_boolean",
]
