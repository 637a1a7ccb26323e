"""The rows of a CSV file after the header: each row checked (cell count, control characters,
userName, mail, yes/no cells) into its errors or a user, user names found on several rows
refused, and the groups the group columns name. A valid row's attributes are built only
when read (CsvAttributes) and its digest is a hash of its cells, so 100,000 unchanged rows
are checked without building 100,000 dicts (benchmark P2)."""

from __future__ import annotations

import hashlib
import marshal
import re
from collections.abc import ItemsView, Iterator, KeysView, Mapping, ValuesView
from dataclasses import dataclass
from typing import Any

from app.config.profile import looks_like_email
from app.directory.base import SourceGroup, SourceUser
from app.directory.csv import messages as say
from app.directory.csv.cells import (
    BOOLEAN_WORDS,
    CONTROL,
    PLAIN_EMAIL,
    UNIT_SEPARATOR,
    Screen,
    control_errors,
)
from app.directory.csv.errors import CsvRowError
from app.directory.csv.header import Columns
from app.directory.csv.report import CsvRow, CsvValidation

USER_NAME_ATTRIBUTE = "userPrincipalName"
GROUP_ID_PREFIX = "csv-group:"
GROUP_SEPARATORS = re.compile(r"[;|]")


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
    def __init__(self, shape: RowShape, cells: str | list[str], user_name: str) -> None:
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
class RowShape:
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
                attributes[column] = BOOLEAN_WORDS[value.lower()]  # checked when read
        attributes.setdefault(USER_NAME_ATTRIBUTE, user_name)
        if self.enabled_column is not None:
            attributes.setdefault("accountEnabled", attributes[self.enabled_column])
        return attributes


class RowReader:
    """Reads every row after the header into a CsvValidation: a row's problems into
    `errors`, a valid row into `users` (user names found on several rows are refused at the
    end: every row that shares one is invalid).

    The loop runs once per row of files of 100,000 rows (benchmark P2): only the cells that
    are checked (userName, mail, the yes/no columns) are read; a valid row's attributes are
    built when first used (CsvAttributes), and its digest is a hash of its cells.
    """

    def __init__(
        self,
        validation: CsvValidation,
        columns: Columns,
        *,
        keep_rows: bool,
        joined: bool,
        screen: Screen,
    ) -> None:
        header = validation.header
        index = {column: position for position, column in enumerate(header)}
        self.validation = validation
        self.width = len(header)
        self.shape = RowShape(header, index, columns.booleans, columns.enabled)
        self.user_name_column = columns.user_name
        self.user_name_at = index[columns.user_name]
        self.mail_column = columns.mail
        self.mail_at = index[columns.mail] if columns.mail is not None else -1
        self.checked_booleans = [(column, index[column]) for column in columns.booleans]
        self.enabled_at = index[columns.enabled] if columns.enabled is not None else -1
        self.keep_rows = keep_rows
        # joined: the row's cells joined by the unit separator stand for them (no cell has
        # one); otherwise each row is hashed with marshal and checked cell by cell.
        self.joined = joined
        # A file with a control character somewhere (may_hold_controls): one search of each
        # row's text; the cells are looked at one by one only when it finds one.
        self.control = CONTROL.search if screen.controls else None
        self.quoted = screen.quoted
        known = say.DELIMITERS.get(validation.delimiter)
        self.delimiter = known() if known is not None else validation.delimiter
        self.first_row: dict[str, int] = {}  # user name (lower case) -> its first row
        self.rows_by_user_name: dict[str, list[int]] = {}  # names found on several rows

    def read(self, records: Iterator[tuple[int, list[str]]]) -> None:
        validation = self.validation
        errors = validation.errors
        invalid_user_names = validation.invalid_user_names
        users = validation.users
        user_name_at = self.user_name_at
        # Bound once: the loop runs for every row.
        layout_errors, check_values, make_user = self._layout_errors, self._check_values, self._user
        keep = self._keep if self.keep_rows else None
        first_row, rows_by_user_name = self.first_row, self.rows_by_user_name
        separator = UNIT_SEPARATOR
        for number, record in records:
            count = len(record)
            user_name = record[user_name_at].strip() if user_name_at < count else ""
            if not user_name and not any(cell.strip() for cell in record):
                continue  # a blank line
            text = separator.join(record)
            row_errors = layout_errors(number, record, text)
            if keep is not None:
                keep(number, record)
            enabled = check_values(number, record, user_name, row_errors)
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
            users.append(make_user(number, record, text, user_name, folded, enabled))
        if rows_by_user_name:
            refuse_duplicates(validation, rows_by_user_name)

    def _layout_errors(self, number: int, record: list[str], text: str) -> list[CsvRowError]:
        """Control characters (a line break inside a value too) and the count of cells."""
        row_errors: list[CsvRowError] = []
        control = self.control
        if (
            (control is not None and control(text) is not None)
            or (self.quoted and ("\n" in text or "\r" in text))
            or not self.joined
        ):
            validation = self.validation
            row_errors += control_errors(
                number, record, validation.header, validation.path, validation.delimiter
            )
        count, width = len(record), self.width
        # Trailing empty cells beyond the header are what spreadsheets write after a last
        # empty column; a non-empty one means a delimiter inside an unquoted value.
        if count > width and any(cell.strip() for cell in record[width:]):
            row_errors.append(
                CsvRowError.of(
                    number, say.TOO_MANY_CELLS(count=count, width=width, delimiter=self.delimiter)
                )
            )
        elif count < width:
            row_errors.append(
                CsvRowError.of(
                    number, say.TOO_FEW_CELLS(count=count, width=width, delimiter=self.delimiter)
                )
            )
        return row_errors

    def _keep(self, number: int, record: list[str]) -> None:
        """The row's cells as written, for the wizard's preview."""
        width = self.width
        cells = [cell.strip() for cell in record[:width]]
        cells += [""] * (width - len(cells))
        self.validation.rows.append(
            CsvRow(number, dict(zip(self.validation.header, cells, strict=True)))
        )

    def _check_values(
        self, number: int, record: list[str], user_name: str, row_errors: list[CsvRowError]
    ) -> bool:
        """The userName, the mail and the yes/no cells, their errors into `row_errors`;
        whether the user is enabled."""
        column = self.user_name_column
        plain_email = PLAIN_EMAIL.fullmatch
        user_name_ok = False
        if not user_name:
            row_errors.append(CsvRowError.of(number, say.NO_USER_NAME(column=column), column))
        elif plain_email(user_name) is None and not looks_like_email(user_name):
            row_errors.append(
                CsvRowError.of(
                    number, say.INVALID_USER_NAME(value=repr(user_name), column=column), column
                )
            )
        else:
            user_name_ok = True
        count = len(record)
        mail_at = self.mail_at
        if 0 <= mail_at < count:
            mail = record[mail_at].strip()
            if (
                mail
                and not (user_name_ok and mail == user_name)  # checked just above
                and plain_email(mail) is None
                and not looks_like_email(mail)
            ):
                row_errors.append(
                    CsvRowError.of(
                        number,
                        say.INVALID_EMAIL(value=repr(mail), column=self.mail_column or ""),
                        self.mail_column,
                    )
                )
        enabled = True
        for boolean_column, at in self.checked_booleans:
            value = record[at].strip() if at < count else ""
            if not value:
                continue
            flag = BOOLEAN_WORDS.get(value.lower())
            if flag is None:
                row_errors.append(
                    CsvRowError.of(
                        number,
                        say.NOT_BOOLEAN(
                            value=repr(value), column=boolean_column, words=say.BOOLEAN_WORDS()
                        ),
                        boolean_column,
                    )
                )
            elif at == self.enabled_at:
                enabled = flag
        return enabled

    def _user(
        self,
        number: int,
        record: list[str],
        text: str,
        user_name: str,
        folded: str,
        enabled: bool,
    ) -> SourceUser:
        """A valid row as a user. Everything the user is made of comes from these cells, the
        header and the columns in record_context: the digest of the cells stands for it."""
        if self.joined:
            digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16)
            attributes = CsvAttributes(self.shape, text, user_name)
        else:
            digest = hashlib.blake2b(marshal.dumps(record, 0), digest_size=16)
            attributes = CsvAttributes(self.shape, record, user_name)
        return SourceUser(folded, user_name, attributes, enabled, number, digest.hexdigest())


def refuse_duplicates(validation: CsvValidation, rows_by_user_name: dict[str, list[int]]) -> None:
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
            said = say.DUPLICATE_USER_NAME_ROWS if len(rows) > 2 else say.DUPLICATE_USER_NAME
            validation.errors.append(
                CsvRowError.of(
                    number,
                    said(user_name=user_name, others=others),
                    validation.user_name_column,
                )
            )
            validation.invalid_user_names[number] = user_name
            duplicate_rows.add(number)
    validation.users = [user for user in validation.users if user.row not in duplicate_rows]


def groups_of(users: list[SourceUser], group_columns: list[str]) -> list[SourceGroup]:
    """The groups named in the group columns of valid rows, members in file order."""
    groups: dict[str, tuple[str, dict[str, None]]] = {}
    for user in users:
        attributes = user.attributes  # RowReader made it: its cells, read without a dict
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


__all__ = [
    "GROUP_ID_PREFIX",
    "CsvAttributes",
    "RowReader",
    "RowShape",
    "groups_of",
    "refuse_duplicates",
]
