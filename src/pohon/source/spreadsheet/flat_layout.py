"""The flat layout: one row per indicator under one header row of named columns (docs/import.md)."""

from __future__ import annotations

import re

from pohon.core.errors import SheetError
from pohon.core.finding_ids import LoaderCheck
from pohon.core.messages import _
from pohon.source.spreadsheet.grid import Grid
from pohon.source.spreadsheet.rows import (
    INDICATOR_FIELDS,
    NODE_FIELDS,
    YEARLY,
    Field,
    SheetRow,
    SheetTable,
    header_words,
)
from pohon.source.spreadsheet.title_rows import title_meta

SYNONYMS = {
    "code": "kode", "kode program kegiatan": "kode", "level": "tingkat", "parent": "induk",
    "name": "nama", "nomenklatur": "nama", "program kegiatan": "nama", "statement": "pernyataan",
    "sasaran": "pernyataan", "indikator kinerja": "indikator", "indicator": "indikator",
    "unit": "satuan", "baseline": "kondisi_awal", "kondisi awal": "kondisi_awal",
    "kondisi kinerja awal": "kondisi_awal", "position": "jabatan", "penanggung jawab": "jabatan",
    "target akhir": "target_akhir", "kondisi akhir": "target_akhir", "rp": "pagu",
    "anggaran": "pagu", "rumus capaian": "rumus_capaian", "catatan indikator": "catatan_indikator",
}  # fmt: skip
"""Other words offices put over a flat column, read as the column's own name."""
_YEARLY = re.compile(r"^(target|pagu|rp|anggaran|realisasi) (?:tahun )?((?:19|20)[0-9]{2})$")
KNOWN = frozenset(NODE_FIELDS + INDICATOR_FIELDS)


def column_field(header: str) -> str | None:
    """The field a flat header names (`Target 2025` → `target_2025`), or None."""
    words = header_words(header)
    yearly = _YEARLY.match(words)
    if yearly:
        kind = {"rp": "pagu", "anggaran": "pagu"}.get(yearly[1], yearly[1])
        return f"{kind}_{yearly[2]}"
    name = SYNONYMS.get(words, words.replace(" ", "_"))
    return name if name in KNOWN else None


def find_header(grid: Grid, limit: int = 30) -> int | None:
    """The first row (of the first `limit`) that names `indikator` and `kode` or `pernyataan`."""
    for row in range(min(limit, len(grid.rows))):
        names = {column_field(grid.text(row, c)) for c in range(len(grid.rows[row]))}
        if "indikator" in names and names & {"kode", "pernyataan", "nama", "id"}:
            return row
    return None


def read_flat(grid: Grid) -> SheetTable:
    header = find_header(grid)
    if header is None:
        raise SheetError(
            LoaderCheck.IMPORT_LAYOUT,
            grid.sheet_place(),
            _(
                "no header row names the flat layout's columns (`kode` or `pernyataan`, and "
                "`indikator`): name them as docs/import.md shows"
            ),
        )
    columns: dict[int, str] = {}
    unplaced: list[tuple[str, str]] = []
    for column in range(len(grid.rows[header])):
        title = grid.text(header, column)
        if not title:
            continue
        name = column_field(title)
        if name is None or name in columns.values():
            unplaced.append(
                (grid.place(header, column),
                 _("the column `{title}` is no field of the flat layout (or a second one): its "
                   "cells were not imported; rename it as docs/import.md lists").format(title=title))
            )  # fmt: skip
            continue
        columns[column] = name
    years = sorted(
        {
            int(n.rsplit("_", 1)[1])
            for n in columns.values()
            if n.split("_")[0] in YEARLY and n[-1].isdigit()
        }
    )
    rows = []
    for row in range(header + 1, len(grid.rows)):
        fields = {
            name: Field(grid.value(row, c), grid.place(row, c), grid.merged_below(row, c))
            for c, name in columns.items()
            if grid.value(row, c) not in ("", None)
        }
        if fields:
            rows.append(SheetRow(grid.row_place(row), fields))
        elif any(grid.text(row, c) for c in range(grid.width)):
            unplaced.append(
                (
                    grid.row_place(row),
                    _("this row has cells only under no column's header: not imported"),
                )
            )
    return SheetTable(rows, years, title_meta(grid, header)[0], unplaced=unplaced)
