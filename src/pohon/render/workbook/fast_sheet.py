"""XlsxWriter's worksheet, writing the cells pohon writes with less work per cell, the same bytes.

XlsxWriter writes a sheet's XML cell by cell through general helpers (a list of
attributes, each searched for characters to escape, a dispatch on the cell's class
name). pohon's cells are only formatted text, numbers and blanks, whose attributes (a
cell reference and a format number) never need escaping: `FastWorksheet` writes those
in one step and hands every other cell, and the modes pohon does not use (constant
memory, comments), to XlsxWriter's own code. tests/test_workbook_fast_sheet.py checks
that a workbook written with it is byte for byte the one XlsxWriter writes alone.
"""

from __future__ import annotations

from typing import Any

from xlsxwriter.exceptions import OverlappingRange
from xlsxwriter.utility import xl_col_to_name, xl_range
from xlsxwriter.worksheet import CellBlankTuple, CellNumberTuple, CellStringTuple, Worksheet


class FastWorksheet(Worksheet):  # type: ignore[misc]  # XlsxWriter ships no type information
    """A worksheet whose `<sheetData>` is written row by row without XlsxWriter's per-cell helpers,
    and whose merged ranges fill the cells they cover in one step."""

    def merge_range(  # XlsxWriter's own signature
        self,
        first_row: int,
        first_col: int,
        last_row: int,
        last_col: int,
        data: Any,
        cell_format: Any = None,
    ) -> int:
        """XlsxWriter's `merge_range` for a range given as numbers, first corner first, on a
        sheet without tables; any other call is XlsxWriter's own."""
        numbers = all(type(n) is int for n in (first_row, first_col, last_row, last_col))
        if (
            not numbers
            or self.constant_memory
            or self.table_cells
            or cell_format is None
            or first_row > last_row
            or first_col > last_col
            or (first_row, first_col) == (last_row, last_col)
        ):
            return int(
                super().merge_range(first_row, first_col, last_row, last_col, data, cell_format)
            )
        if self._check_dimensions(first_row, first_col) or self._check_dimensions(
            last_row, last_col
        ):
            return -1
        cell_range = xl_range(first_row, first_col, last_row, last_col)
        merged = self.merged_cells
        covered = [
            (row, col)
            for row in range(first_row, last_row + 1)
            for col in range(first_col, last_col + 1)
        ]
        for key in covered:
            if merged.get(key):
                raise OverlappingRange(
                    f"Merge range '{cell_range}' overlaps previous merge range '{merged[key]}'."
                )
            merged[key] = cell_range
        self.merge.append([first_row, first_col, last_row, last_col])
        self._write(first_row, first_col, data, cell_format)
        blank = CellBlankTuple(cell_format)  # the covered cells: inside the checked corners
        table = self.table
        for row, col in covered[1:]:
            table[row][col] = blank
        return 0

    def _write_rows(self) -> None:
        if self.constant_memory or self.comments:
            super()._write_rows()
            return
        self._calculate_spans()
        table, info, spans, write = self.table, self.row_info, self.row_spans, self.fh.write
        names: dict[int, str] = {}
        for row in range(self.dim_rowmin, self.dim_rowmax + 1):
            cells = table[row]
            if not cells:
                if row in info:  # a row of a set height alone
                    self._write_empty_row(row, spans.get(row // 16), info[row])
                continue
            self._write_row(row, spans.get(row // 16), info.get(row))
            number = str(row + 1)
            for col in sorted(cells):
                cell = cells[col]
                name = names.get(col)
                if name is None:
                    name = names[col] = xl_col_to_name(col)
                text = _cell_xml(name + number, cell)
                if text is None:
                    self._write_cell(row, col, cell)
                else:
                    write(text)
            write("</row>")


def _cell_xml(ref: str, cell: Any) -> str | None:
    """The `<c>` element of a formatted string, number or blank cell, as XlsxWriter writes
    it; None for any other cell (XlsxWriter's own `_write_cell` writes it)."""
    style = cell.format
    if style is None:
        return None  # a row's or a column's format may apply: XlsxWriter decides
    kind = cell.__class__
    if kind is CellStringTuple:
        return f'<c r="{ref}" s="{style._get_xf_index()}" t="s"><v>{cell.string}</v></c>'
    if kind is CellNumberTuple:
        return f'<c r="{ref}" s="{style._get_xf_index()}"><v>{cell.number:.16G}</v></c>'
    if kind is CellBlankTuple:
        return f'<c r="{ref}" s="{style._get_xf_index()}"/>'
    return None
