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

The package, by step: reading (the file's bytes and text, safely), header (the delimiter
and the columns), cells (the rules a cell must meet), rows (each row into errors or a
user, and the groups), report (CsvValidation, for the wizard and for a sync), validate
(validate_csv, the steps in order), source (CsvSource); errors for all of them.
"""

from __future__ import annotations

from app.directory.csv.cells import BOOLEAN_COLUMNS, parse_boolean
from app.directory.csv.errors import CsvFileError, CsvInvalid, CsvRowError
from app.directory.csv.header import sniff_delimiter
from app.directory.csv.reading import decode_csv_bytes
from app.directory.csv.report import CsvRow, CsvValidation
from app.directory.csv.rows import CsvAttributes
from app.directory.csv.source import CsvSource
from app.directory.csv.validate import validate_csv

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
