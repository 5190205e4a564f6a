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

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import CellBlankTuple, CellNumberTuple, CellStringTuple, Worksheet


class FastWorksheet(Worksheet):  # type: ignore[misc]  # XlsxWriter ships no type information
    """A worksheet whose `<sheetData>` is written row by row without XlsxWriter's per-cell helpers."""

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
