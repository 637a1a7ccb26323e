"""The sentences of the CSV source (app.directory.csv): the file's errors, the rows' problems,
the validation report and the source summary. Each is a coded message (app.messages); the
French is in resources/locale/."""

from __future__ import annotations

from collections.abc import Sequence

from app.messages import Message, Template, message

# -- lists: a variable number of parts as one message (nested, right to left) ----------------
# The line break is a parameter: a catalogue line holds no line break.
JOIN_LINES = message("csv.join.lines", "{head}{br}{tail}")
JOIN_PROBLEMS = message("csv.join.problems", "{head}; {tail}")
PLAIN = message("csv.plain", "{text}")  # a text made elsewhere, in one language only


def joined(parts: Sequence[Message], how: Template) -> Message:
    """`parts` (at least one) as one message, joined by JOIN_LINES or JOIN_PROBLEMS."""
    result = parts[-1]
    for part in reversed(parts[:-1]):
        if how is JOIN_LINES:
            result = how(head=part, br="\n", tail=result)
        else:
            result = how(head=part, tail=result)
    return result


DELIMITERS = {
    ",": message("csv.delimiter.comma", "comma"),
    ";": message("csv.delimiter.semicolon", "semicolon"),
    "\t": message("csv.delimiter.tab", "tab"),
    "|": message("csv.delimiter.bar", "vertical bar"),
}


def delimiter_name(delimiter: str) -> Message | str:
    template = DELIMITERS.get(delimiter)
    return template() if template is not None else repr(delimiter)


# -- the file as a whole ----------------------------------------------------------------------
MISSING = message("csv.file.missing", "The CSV file {file} does not exist.")
MISSING_NEXT = message(
    "csv.file.missing.next",
    "Check the path, or choose the file again (--csv-file FILE, or the Source page).",
    gui="Check the path, or choose the file again on the Source page.",
)
PERMISSION = message(
    "csv.file.permission", "The CSV file {file} cannot be read: permission denied."
)
PERMISSION_NEXT = message(
    "csv.file.permission.next",
    "Give your account read access to it, or copy it somewhere you can read.",
)
CHANGED = message(
    "csv.file.changed",
    "The CSV file {file} changed while it was read ({before} bytes before, {after} after), "
    "so nothing was sent.",
)
CHANGED_NONE = message("csv.file.changed.none", "none")
CHANGED_NEXT = message(
    "csv.file.changed.next",
    "Wait until the export that writes it has finished (or sync a copy of the file), "
    "then sync again.",
)
KINDS = {
    "fifo": message("csv.file.kind.fifo", "a named pipe (FIFO)"),
    "device": message("csv.file.kind.device", "a device"),
    "socket": message("csv.file.kind.socket", "a socket"),
    "other": message("csv.file.kind.other", "not a regular file"),
}
NOT_REGULAR = message("csv.file.not_regular", "{file} is {kind}, not a CSV file.")
NOT_REGULAR_NEXT = message(
    "csv.file.not_regular.next",
    "Export the users to a regular file and choose that file (--csv-file FILE, or "
    "the Source page).",
    gui="Export the users to a regular file and choose that file on the Source page.",
)
TOO_BIG = message(
    "csv.file.too_big",
    "The CSV file {file} is {size} MB, more than the limit of {limit} MB, so it was not read.",
)
TOO_BIG_NEXT = message(
    "csv.file.too_big.next",
    "Check that this is the users' export; if it is, raise the limit "
    "(--csv-max-mb, or source.csv.max_file_mb in the profile).",
)
FOLDER = message("csv.file.folder", "{file} is a folder, not a CSV file.")
FOLDER_NEXT = message("csv.file.folder.next", "Choose the CSV file inside it.")
UNREADABLE = message("csv.file.unreadable", "The CSV file {file} cannot be read ({error}).")
UNREADABLE_NEXT = message(
    "csv.file.unreadable.next", "Check that the file is reachable, then try again."
)
MIXED_REASON = message(
    "csv.file.mixed.reason",
    "byte {byte} (0x{hex}) is not UTF-8, though the rest of the file is UTF-8 text: part of it "
    "was written in another encoding",
)
MIXED = message(
    "csv.file.mixed",
    "The CSV file {file} mixes encodings: row {row}: {reason}. Read whole as Windows-1252, its "
    "accents would be garbled, so nothing was sent.",
)
MIXED_NEXT = message(
    "csv.file.mixed.next",
    'Correct row {row} and save the file again as "CSV UTF-8" (or name the encoding with '
    "--encoding if the whole file is in one, e.g. cp1252).",
)
AUTO_ENCODINGS = message("csv.file.auto_encodings", "UTF-8 or Windows-1252")
NOT_ENCODING = message(
    "csv.file.not_encoding",
    "The CSV file {file} is not {wanted} text (byte {byte} cannot be read).",
)
NOT_ENCODING_NEXT = message(
    "csv.file.not_encoding.next",
    'Save it again from the spreadsheet as "CSV UTF-8", or name its encoding '
    "(--encoding, e.g. cp1252 or utf-16).",
)
EMPTY = message("csv.file.empty", "The CSV file {file} is empty.")
EMPTY_NEXT = message(
    "csv.file.empty.next",
    "Export it again with a header row (e.g. userPrincipalName,givenName,surname) and "
    "one row per user.",
)
EMPTY_HEADER_NEXT = message(
    "csv.file.empty.header_next", "Export it again with a header row and one row per user."
)
UNREADABLE_ROW = message(
    "csv.file.unreadable_row",
    "The CSV file {file} cannot be read: row {row}: {reason}, so nothing was sent.",
)
QUOTE_NOT_CLOSED = message(
    "csv.error.unclosed_quote",
    "a double quote opened in this row is never closed (the rest of the file, to "
    "line {line}, would be one value)",
)
QUOTE_FOLLOWED = message(
    "csv.error.quote_followed",
    "a double quote that ends a value is followed by more text (a double quote "
    'inside a quoted value is written twice: "")',
)
NEAR_LINE = message("csv.error.near_line", "it cannot be read near line {line} ({error})")
QUOTES_NEXT = message(
    "csv.error.quotes.next",
    "Correct the quotes in that row, or export the file again from the spreadsheet.",
)
RUNS_OVER_LINES = message(
    "csv.error.runs_over_lines",
    "the value in {where} runs over several lines that look like rows: a double "
    "quote left open there joins the rows after it into one value",
)
RUNS_OVER_LINES_NEXT = message(
    "csv.error.runs_over_lines.next",
    "Close the quote in that row (or remove the line breaks from the value), then sync again.",
)
WHERE_COLUMN = message("csv.where.column", "column {column}")
WHERE_CELL = message("csv.where.cell", "cell {position}")

# -- the header -------------------------------------------------------------------------------
UNNAMED_ONE_REASON = message(
    "csv.header.unnamed_one.reason",
    "the header has {count} columns and column {column} has no name",
)
UNNAMED_MANY_REASON = message(
    "csv.header.unnamed_many.reason",
    "the header has {count} columns and columns {columns} and {last} have no name",
)
UNNAMED_ONE = message(
    "csv.header.unnamed_one",
    "The header (row {row}) of {file} has {count} columns, and column {column} has no name.",
)
UNNAMED_MANY = message(
    "csv.header.unnamed_many",
    "The header (row {row}) of {file} has {count} columns, and columns {columns} and {last} "
    "have no name.",
)
UNNAMED_NEXT = message(
    "csv.header.unnamed.next",
    "Give every column a name in the first row (or delete the empty columns).",
)
HEADER_CONTROL_REASON = message(
    "csv.header.control.reason",
    "the column name {name} holds the control character {char}",
)
HEADER_CONTROL = message("csv.header.control", "The header (row {row}) of {file}: {reason}.")
HEADER_CONTROL_NEXT = message(
    "csv.header.control.next", "Rename that column in the first row, then try again."
)
DUPLICATE_COLUMN = message(
    "csv.header.duplicate",
    "The column {column} appears twice in the header of {file} (columns {first} and {second}).",
)
DUPLICATE_COLUMN_NEXT = message("csv.header.duplicate.next", "Rename or remove one of them.")
HOW_NAMED = message("csv.header.delimiter_named", "the delimiter named with --delimiter")
HOW_GUESSED = message("csv.header.delimiter_guessed", "the delimiter guessed from the header")
ONE_COLUMN = message(
    "csv.header.one_column",
    "The CSV file {file} has no column {column} for the userName; read as "
    "{delimiter}-separated ({how}), its header is one column: {found}.",
)
ONE_COLUMN_REASON = message(
    "csv.header.one_column.reason", "the header, read as {delimiter}-separated, is one column"
)
ONE_COLUMN_NEXT = message(
    "csv.header.one_column.next",
    "If the file uses another delimiter, name it with --delimiter (',', ';' or tab) "
    "or on the Source page; otherwise choose the userName column with "
    "--user-name-column COLUMN.",
)
NO_USER_NAME_COLUMN = message(
    "csv.header.no_user_name",
    "The CSV file {file} has no column {column} for the userName; its columns are: {found}.",
)
NO_USER_NAME_HINT_NEXT = message(
    "csv.header.no_user_name.hint_next",
    "Choose the column that holds each user's e-mail sign-in name with "
    "--user-name-column COLUMN (e.g. --user-name-column {hint}) or on the Source page.",
)
NO_USER_NAME_NEXT = message(
    "csv.header.no_user_name.next",
    "Choose the column that holds each user's e-mail sign-in name with "
    "--user-name-column COLUMN or on the Source page, or rename it userPrincipalName.",
)
NO_GROUP_COLUMN = message(
    "csv.header.no_group_column",
    "The CSV file {file} has no group column {column}; its columns are: {found}.",
)
NO_GROUP_COLUMN_NEXT = message(
    "csv.header.no_group_column.next",
    "Name an existing column with --group-column, or remove that setting.",
)

# -- a row's problems (without the row number) ------------------------------------------------
C1_CONTROL = message("csv.char.c1_control", "U+{code} (C1 control)")
CONTROL_CHARACTER = message(
    "csv.row.control",
    "{where} holds the control character {char}, which cannot be sent to Webex",
)
CONTROL_LINE_BREAK = message(
    "csv.row.control_line_break",
    "{where} holds the control character {char}, which cannot be sent to Webex "
    "(a line break inside a value)",
)
TOO_MANY_CELLS = message(
    "csv.row.too_many_cells",
    "{count} cells but the header has {width} columns (a value "
    "that contains the delimiter {delimiter} must be in double quotes)",
)
TOO_FEW_CELLS = message(
    "csv.row.too_few_cells",
    "{count} cell but the header has {width} columns (a {delimiter} is missing, or the row "
    "was cut)",
    plural="{count} cells but the header has {width} columns (a {delimiter} is missing, or the "
    "row was cut)",
    count="count",
)
NO_USER_NAME = message("csv.row.no_user_name", "no userName (column {column} is empty)")
INVALID_USER_NAME = message(
    "csv.row.invalid_user_name",
    "userName {value} in column {column} is not an e-mail address",
)
INVALID_EMAIL = message(
    "csv.row.invalid_email", "{value} in column {column} is not an e-mail address"
)
NOT_BOOLEAN = message(
    "csv.row.not_boolean",
    "{value} in column {column} is not a yes/no value (use {words})",
)
BOOLEAN_WORDS = message("csv.row.boolean_words", "true/false, yes/no, 1/0, vrai/faux or oui/non")
DUPLICATE_USER_NAME = message(
    "csv.row.duplicate_user_name",
    "userName {user_name} is also in row {others} (user names must be unique, whatever the case)",
)
DUPLICATE_USER_NAME_ROWS = message(
    "csv.row.duplicate_user_name_rows",
    "userName {user_name} is also in rows {others} (user names must be unique, whatever the case)",
)

# -- invalid rows, the report, the summary ----------------------------------------------------
INVALID = message(
    "csv.invalid",
    "The CSV file {file} has {count} invalid row, so nothing was sent:{br}{rows}{br}",
    plural="The CSV file {file} has {count} invalid rows, so nothing was sent:{br}{rows}{br}",
    count="count",
)
INVALID_LINE = message("csv.invalid.line", "  row {row}: {problems}")
INVALID_MORE = message("csv.invalid.more", "  and {count} more.")
INVALID_NEXT = message(
    "csv.invalid.next",
    "Fix these rows and sync again, or leave them out with --skip-invalid "
    '("Skip invalid rows" in the wizard).',
    gui='Fix these rows and sync again, or leave them out with "Skip invalid rows".',
)
SKIPPED_ROW = message("csv.skip.invalid_row", "Row {row} of {file}: {problems}.")
SUMMARY_USERS = message("csv.summary.users", "{count} user", plural="{count} users", count="count")
SUMMARY_GROUPS = message(
    "csv.summary.groups", "{count} group", plural="{count} groups", count="count"
)
SUMMARY = message(
    "csv.summary", "Read {file}: {users}, {groups} ({encoding}, {delimiter}-separated)."
)
SUMMARY_SKIPPED = message(
    "csv.summary.skipped",
    "{count} invalid row was left out because skipping invalid rows is on.",
    plural="{count} invalid rows were left out because skipping invalid rows is on.",
    count="count",
)
