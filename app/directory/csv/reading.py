"""Reading a CSV file safely: only a regular file, no larger than the limit, read once into
memory from one consistent snapshot (checked unchanged afterwards), its encoding detected
(UTF-8 with or without BOM, UTF-16, else Windows-1252) and a UTF-8 file with bytes of
another encoding refused with the row they are in (issue 22)."""

from __future__ import annotations

import csv
import io
import itertools
import os
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from app.directory.csv import messages as say
from app.directory.csv.errors import CsvFileError

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


def resolve_path(path: Path | str) -> Path:
    return Path(path).expanduser()


def read_bytes(path: Path, max_bytes: int) -> bytes:
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
        raise CsvFileError(say.MISSING(file=str(path)), say.MISSING_NEXT()) from None
    except IsADirectoryError:
        raise _folder_error(path) from None
    except PermissionError:
        if path.is_dir():  # Windows refuses to open a folder
            raise _folder_error(path) from None
        raise CsvFileError(say.PERMISSION(file=str(path)), say.PERMISSION_NEXT()) from None
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
            say.CHANGED(
                file=path.name,
                before=f"{before.st_size:,}",
                after=f"{named.st_size:,}" if named is not None else say.CHANGED_NONE(),
            ),
            say.CHANGED_NEXT(),
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
            "fifo"
            if stat.S_ISFIFO(mode)
            else "device"
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "socket"
            if stat.S_ISSOCK(mode)
            else "other"
        )
        raise CsvFileError(
            say.NOT_REGULAR(file=str(path), kind=say.KINDS[kind]()), say.NOT_REGULAR_NEXT()
        )
    if info.st_size > max_bytes:
        raise CsvFileError(
            say.TOO_BIG(
                file=path.name,
                size=f"{info.st_size / MEGABYTE:,.0f}",
                limit=f"{max_bytes // MEGABYTE:,}",
            ),
            say.TOO_BIG_NEXT(),
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
    return CsvFileError(say.FOLDER(file=str(path)), say.FOLDER_NEXT())


def _unreadable(path: Path, exc: OSError) -> CsvFileError:
    return CsvFileError(
        say.UNREADABLE(file=str(path), error=str(exc.strerror or exc)), say.UNREADABLE_NEXT()
    )


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


def decoded(path: Path, data: bytes, encoding: str) -> tuple[str, str]:
    """(text, codec) of the file's bytes (see decode_csv_bytes), or CsvFileError for mixed
    encodings (with the row), bytes that are not in the encoding, or an empty file."""
    try:
        text, codec = decode_csv_bytes(data, encoding)
    except MixedEncodingError as exc:
        reason = say.MIXED_REASON(byte=exc.start + 1, hex=f"{data[exc.start]:02X}")
        raise CsvFileError(
            say.MIXED(file=path.name, row=exc.row, reason=reason),
            say.MIXED_NEXT(row=exc.row),
            row=exc.row,
            reason=reason,
        ) from None
    except UnicodeDecodeError as exc:
        wanted = encoding if encoding != "auto" else say.AUTO_ENCODINGS()
        raise CsvFileError(
            say.NOT_ENCODING(file=path.name, wanted=wanted, byte=exc.start + 1),
            say.NOT_ENCODING_NEXT(),
        ) from None
    if not text or text.isspace():
        raise CsvFileError(say.EMPTY(file=path.name), say.EMPTY_NEXT())
    return text, codec


def text_lines(data: bytes, codec: str, strip_bom: bool) -> Iterator[str]:
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


__all__ = [
    "MEGABYTE",
    "MixedEncodingError",
    "after_read_hook",
    "decode_csv_bytes",
    "decoded",
    "read_bytes",
    "resolve_path",
    "text_lines",
]
