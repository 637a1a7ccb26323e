"""Cells of the CSV files the program writes, made safe to open in a spreadsheet (issue 22).

A cell that starts with =, +, -, @, a tab or a carriage return would be run as a formula by
Excel, LibreOffice or Google Sheets: a userName or a display name from the directory could
then compute, link or fetch. As OWASP recommends (CSV injection), such a cell is written with
a single quote before it, which the spreadsheet shows as text. JSON exports are unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: object) -> object:
    """The cell, with a ' before it when a spreadsheet would run it as a formula."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def spreadsheet_row(cells: Iterable[object]) -> list[object]:
    """A row for csv.writer, every cell made safe."""
    return [spreadsheet_safe(cell) for cell in cells]


__all__ = ["FORMULA_STARTS", "spreadsheet_row", "spreadsheet_safe"]
