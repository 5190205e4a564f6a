"""The tree's data sheets in a workbook: `Meta`, `Jabatan` and `Pohon`, written with XlsxWriter.

`add_data_sheets(workbook, tree)` adds them to any workbook (pohon's report workbook calls
it too); `pohon import` reads them back into the same tree (the pohon layout). A figure is
written as a number where a spreadsheet number gives back its exact value, else as the text
pohon reads it from (`85,0`); rupiah as whole numbers with a thousands format.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from pohon.render.tree_table import Cell, tree_table
from pohon.source.spreadsheet.pohon_layout import META_SHEET, POSITIONS_SHEET, TREE_SHEET
from pohon.tree.model import Tree

EXACT_FLOAT = 2**53
_WIDE = {
    "nama": 40, "pernyataan": 50, "indikator": 50, "catatan": 30, "catatan_indikator": 30,
    "nilai": 80, "id": 26, "induk": 26, "jabatan": 26,
}  # fmt: skip
"""Columns of sentences: wider."""


def exact_number(value: Decimal) -> float | None:
    """The spreadsheet number that reads back as exactly `value` (see cell_values), or None.

    XlsxWriter writes a number with 15 or 16 significant digits (`%.16G`), and a float holds
    every whole number only below 2^53: past either, the figure is written as text.
    """
    digits = value.normalize().as_tuple().digits
    if len(digits) > 15 or abs(value) >= EXACT_FLOAT:
        return None
    number = float(value)
    back = Decimal(int(number)) if number.is_integer() else Decimal(repr(number))
    return number if str(back) == str(value) else None


def _write(
    sheet: Any, row: int, column: int, value: Cell, formats: dict[str, Any], money: bool, text: str
) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        sheet.write_string(row, column, str(value), formats[text])
        return
    number = exact_number(Decimal(value))
    if money and number is not None and not number.is_integer():
        number = None  # sen: a number cell of rupiah is whole (the import refuses fractions)
    if number is None:
        text = format(Decimal(value), "f")
        sheet.write_string(row, column, text.replace(".", ","), formats["text"])
    else:
        sheet.write_number(row, column, number, formats["money" if money else "figure"])


def _table(
    workbook: Any,
    name: str,
    rows: Sequence[Sequence[Cell]],
    formats: dict[str, Any],
) -> Any:
    sheet = workbook.add_worksheet(name)
    header = [str(h) for h in rows[0]]
    for column, title in enumerate(header):
        sheet.write_string(0, column, title, formats["head"])
        width = 14 if title.startswith(("pagu_", "target_", "realisasi_")) else _WIDE.get(title, 18)
        sheet.set_column(column, column, width)
    money = [title.startswith("pagu_") for title in header]  # once per column, not per cell
    for index, row in enumerate(rows[1:], start=1):
        for column, value in enumerate(row):
            if value is None:
                continue  # an empty cell: nothing written
            long = header[column] == "nilai" and isinstance(value, str) and len(value) > 80
            _write(sheet, index, column, value, formats, money[column], "wrap" if long else "text")
            if long:  # the Meta sheet's `sumber`: a paragraph, wrapped in a row tall enough
                sheet.set_row(index, 15 * (len(str(value)) // 70 + 1))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows) - 1, 1), len(header) - 1)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.repeat_rows(0)
    return sheet


def add_data_sheets(workbook: Any, tree: Tree) -> None:
    """Add the sheets Meta, Jabatan and Pohon of `tree` to an open `xlsxwriter.Workbook`."""
    table = tree_table(tree)
    formats = {
        "head": workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1}),
        "text": workbook.add_format({"num_format": "@", "valign": "top"}),
        "wrap": workbook.add_format({"num_format": "@", "valign": "top", "text_wrap": True}),
        "money": workbook.add_format({"num_format": "#,##0", "valign": "top"}),
        "figure": workbook.add_format({"num_format": "General", "valign": "top"}),
    }
    _table(workbook, META_SHEET, table.meta, formats)
    _table(workbook, POSITIONS_SHEET, table.positions, formats)
    _table(workbook, TREE_SHEET, [table.header, *table.rows], formats)


def data_workbook(tree: Tree) -> bytes:
    """A workbook of the data sheets alone, the same bytes on every run."""
    import datetime as dt
    import io

    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    workbook.set_properties({"created": dt.datetime(2000, 1, 1, tzinfo=dt.UTC)})
    add_data_sheets(workbook, tree)
    workbook.close()
    return buffer.getvalue()
