"""CsvSource: a DirectorySource over a CSV file; every read is a full read of the file."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from app.config.profile import CsvSettings
from app.directory.base import SourceGroup, SourceRead, SourceUser
from app.directory.csv.report import CsvValidation
from app.directory.csv.validate import validate_csv


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


__all__ = ["CsvSource"]
