"""The pohon layout: the data sheets pohon writes (Meta, Jabatan, Pohon), read back exactly."""

from __future__ import annotations

from pohon.core.errors import SheetError
from pohon.core.finding_ids import LoaderCheck
from pohon.core.messages import _
from pohon.source.spreadsheet.flat_layout import read_flat
from pohon.source.spreadsheet.grid import Grid
from pohon.source.spreadsheet.rows import Field, SheetTable, header_words
from pohon.source.spreadsheet.workbook import Workbook

META_SHEET = "Meta"
POSITIONS_SHEET = "Jabatan"
TREE_SHEET = "Pohon"
META_HEADER = ("kunci", "nilai", "tempat")
POSITION_COLUMNS = ("id", "nama", "eselon", "pejabat", "nip", "pangkat", "atasan")
"""The Jabatan sheet's columns: `id`, then the YAML keys of a position."""


def is_pohon_workbook(book: Workbook) -> bool:
    return {META_SHEET, TREE_SHEET} <= set(book.names)


def _meta(grid: Grid, table: SheetTable) -> None:
    signs = 0
    for row in range(1, len(grid.rows)):
        key = header_words(grid.text(row, 0)).replace(" ", "_")
        if not key:
            continue
        value = Field(grid.value(row, 1), grid.place(row, 1))
        if key == "penandatangan":
            signs += 1
            table.meta[f"penandatangan_{signs:04}"] = value
            table.meta[f"tempat_{signs:04}"] = Field(grid.value(row, 2), grid.place(row, 2))
        elif key in table.meta:
            raise SheetError(
                LoaderCheck.IMPORT_VALUE,
                grid.place(row, 0),
                _("`{key}` is written twice in the Meta sheet: keep one").format(key=key),
            )
        else:
            table.meta[key] = value


def _positions(grid: Grid, table: SheetTable) -> None:
    header = [header_words(grid.text(0, c)).replace(" ", "_") for c in range(grid.width)]
    for row in range(1, len(grid.rows)):
        fields = {
            name: Field(grid.value(row, c), grid.place(row, c))
            for c, name in enumerate(header)
            if name in POSITION_COLUMNS and grid.text(row, c)
        }
        if fields:
            if "id" not in fields or "nama" not in fields:
                raise SheetError(
                    LoaderCheck.IMPORT_STRUCTURE,
                    grid.row_place(row),
                    _("a position needs its `id` and its `nama`"),
                )
            table.positions.append(fields)


def read_pohon(book: Workbook) -> SheetTable:
    table = read_flat(book.sheet(TREE_SHEET))
    _meta(book.sheet(META_SHEET), table)
    if POSITIONS_SHEET in book.names:
        _positions(book.sheet(POSITIONS_SHEET), table)
    for name in book.names:
        if name not in (META_SHEET, POSITIONS_SHEET, TREE_SHEET):
            table.unplaced.append(
                (
                    f"{book.label}:{name}",
                    _(
                        "the sheet `{name}` is no data sheet of the pohon layout: not imported"
                    ).format(name=name),
                )
            )
    return table
