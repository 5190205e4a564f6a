"""The tc27 layout: a Renstra T-C.27 as planning offices fill it (docs/import.md).

Title rows name the OPD and period; Tujuan and Sasaran cells are merged over their rows; a
node's code and name are merged over its indicator rows, one indicator a row; the code may
be split over several columns; a budget is shown once per node.
"""

from __future__ import annotations

import re

from pohon.core.errors import SheetError
from pohon.core.finding_ids import LoaderCheck
from pohon.core.messages import _
from pohon.source.spreadsheet.grid import Grid, cell_name
from pohon.source.spreadsheet.rows import Field, SheetRow, SheetTable
from pohon.source.spreadsheet.tc27_header import Tc27Columns, find_tc27_header, read_tc27_header
from pohon.source.spreadsheet.title_rows import title_meta

_WIDTHS = {6: (1, 2, 2, 1, 2, 4), 5: (1, 2, 2, 0, 4)}
"""Digits of each part of a code split over columns, to pad parts typed as numbers (`6` → `06`)."""
_TOTAL = re.compile(r"^(jumlah|total|sub ?total)\b", re.IGNORECASE)
_INDICATOR_FIELDS = ("indikator", "satuan", "kondisi_awal", "target_akhir")


def _code(grid: Grid, row: int, columns: list[int]) -> tuple[str, str]:
    """The row's code, joined from its columns, and the place of its first cell."""
    parts = []
    for index, column in enumerate(columns):
        value = grid.value(row, column)
        if isinstance(value, float) and value.is_integer():
            widths = _WIDTHS.get(len(columns), ())
            width = widths[index] if index < len(widths) else 0
            value = str(int(value)).zfill(width)
        text = str(value).strip() if value not in (None, "") else ""
        if text:
            parts.append(text.strip("."))
    return ".".join(parts), grid.place(row, columns[0]) if columns else ""


def _fields(
    grid: Grid, row: int, columns: Tc27Columns, names: tuple[str, ...] | None
) -> dict[str, Field]:
    fields = {}
    cells = grid.rows[row]
    for column, name in columns.fields.items():
        if names is not None and name not in names and not name.startswith(("target_", "pagu_")):
            continue
        value = cells[column] if column < len(cells) else ""
        if value not in ("", None):
            fields[name] = Field(value, grid.place(row, column), grid.merged_below(row, column))
    return fields


def _is_total(line: list[str], columns: Tc27Columns) -> bool:
    """`Jumlah` or `Total` before the indicator column, with no code and no indicator."""
    indicator = next(c for c, n in columns.fields.items() if n == "indikator")
    if any(line[c] for c in columns.code if c < len(line)) or (
        indicator < len(line) and line[indicator]
    ):
        return False
    return any(_TOTAL.match(t) and len(t.split()) <= 3 for t in line[:indicator])


def read_tc27(grid: Grid) -> SheetTable:
    top = find_tc27_header(grid)
    if top is None:
        raise SheetError(
            LoaderCheck.IMPORT_LAYOUT,
            grid.sheet_place(),
            _(
                "no header row of a T-C.27 (with `Kode` and `Indikator`) in the first 30 rows: "
                "check the sheet, or choose another --layout"
            ),
        )
    columns = read_tc27_header(grid, top)
    meta, start = title_meta(grid, top)
    if columns.relative:
        if start is None:
            first = min(columns.relative)
            raise SheetError(
                LoaderCheck.IMPORT_LAYOUT,
                grid.place(top, first),
                _(
                    "the years are written `Tahun-1` … with no year, and the title rows name no "
                    "period (as `2025-2029`): write the years in the header"
                ),
            )
        for column, (kind, nth) in columns.relative.items():
            columns.fields[column] = f"{kind}_{start + nth - 1}"
    if not columns.code or "indikator" not in columns.fields.values():
        raise SheetError(
            LoaderCheck.IMPORT_LAYOUT,
            grid.row_place(top),
            _("the T-C.27 header needs a `Kode` and an `Indikator` column"),
        )
    years = sorted({int(n[-4:]) for n in columns.fields.values() if n[-4:].isdigit()})
    table = SheetTable([], years, meta)
    for column, words in columns.unplaced.items():
        table.unplaced.append(
            (
                grid.place(columns.header_rows[-1], column),
                _(
                    "the column `{words}` has no place in a tree: its cells were not imported"
                ).format(words=words),
            )
        )
    if "pagu_akhir" in columns.fields.values():
        column = next(c for c, n in columns.fields.items() if n == "pagu_akhir")
        del columns.fields[column]
        table.unplaced.append(
            (
                grid.place(columns.header_rows[-1], column),
                _(
                    "the column of the pagu at the end of the period is the sum of the years: not kept"
                ),
            )
        )
    _rows(grid, columns, table)
    return table


def _rows(grid: Grid, columns: Tc27Columns, table: SheetTable) -> None:
    tujuan_column = next((c for c, n in columns.fields.items() if n == "tujuan"), None)
    sasaran_column = next((c for c, n in columns.fields.items() if n == "sasaran"), None)
    tujuan: str | None = None
    sasaran: str | None = None
    current: str | None = None
    texts = {"tujuan": "", "sasaran": ""}
    for row in range(columns.first_data_row, len(grid.rows)):
        cells = grid.rows[row]
        if all(value in ("", None) for value in cells):
            continue
        line = [value.strip() if isinstance(value, str) else str(value) for value in cells]
        if _is_total(line, columns):
            table.unplaced.append(
                (
                    grid.row_place(row),
                    _("a total row: not imported (pohon adds the budgets up itself)"),
                )
            )
            continue
        started: str | None = None
        for kind, column in (("tujuan", tujuan_column), ("sasaran", sasaran_column)):
            if column is None:
                continue
            text = grid.text(row, column)
            if text and text != texts[kind]:
                texts[kind] = text
                origin = grid.origin.get((row, column), (row, column))
                key = f"{kind}@{cell_name(*origin)}"
                level = "tujuan_opd" if kind == "tujuan" else "sasaran_strategis"
                parent: str | None = None if kind == "tujuan" else tujuan
                fields = {
                    "tingkat": Field(level, grid.place(row, column)),
                    "pernyataan": Field(text, grid.place(row, column)),
                }
                table.rows.append(SheetRow(grid.row_place(row), fields, key, parent))
                if kind == "tujuan":
                    tujuan, sasaran, texts["sasaran"] = key, None, ""
                else:
                    sasaran = key
                started = key
        code, code_place = _code(grid, row, columns.code)
        name_column = next((c for c, n in columns.fields.items() if n == "nama"), None)
        name = grid.text(row, name_column) if name_column is not None else ""
        if code or name:
            fields = _fields(grid, row, columns, None)
            fields.pop("tujuan", None)
            fields.pop("sasaran", None)
            if code:
                fields["kode"] = Field(code, code_place, grid.merged_below(row, columns.code[0]))
            key = "kode:" + code if code else f"nama@{row}"
            parent = (sasaran or tujuan) if code.count(".") == 2 else None
            table.rows.append(SheetRow(grid.row_place(row), fields, key, parent))
            current = key
            continue
        fields = _fields(grid, row, columns, _INDICATOR_FIELDS)
        owner = started or current
        if owner is None:
            table.unplaced.append(
                (
                    grid.row_place(row),
                    _("this row comes before any tujuan, sasaran or code: not imported"),
                )
            )
            continue
        current = owner
        if fields:
            table.rows.append(SheetRow(grid.row_place(row), fields, owner, None))
