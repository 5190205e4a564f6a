"""Which layout a workbook is in (told from its header words), and reading it in that layout."""

from __future__ import annotations

from pohon.core.errors import SheetError
from pohon.core.finding_ids import LoaderCheck
from pohon.core.messages import _
from pohon.source.spreadsheet.flat_layout import column_field, find_header, read_flat
from pohon.source.spreadsheet.grid import Grid
from pohon.source.spreadsheet.pohon_layout import is_pohon_workbook, read_pohon
from pohon.source.spreadsheet.rows import SheetTable, header_words
from pohon.source.spreadsheet.tc27_header import find_tc27_header
from pohon.source.spreadsheet.tc27_layout import read_tc27
from pohon.source.spreadsheet.workbook import Workbook

LAYOUTS = ("tc27", "flat", "pohon")


def _flat_share(grid: Grid) -> float:
    row = find_header(grid)
    if row is None:
        return 0.0
    titles = [grid.text(row, c) for c in range(len(grid.rows[row])) if grid.text(row, c)]
    return sum(column_field(t) is not None for t in titles) / max(len(titles), 1)


def detect(book: Workbook, grid: Grid | None) -> str | None:
    """The layout the header words say: pohon's data sheets, a flat table, or a T-C.27."""
    if is_pohon_workbook(book):
        return "pohon"
    if grid is None:
        return None
    if _tc27_years(grid):
        return "tc27"
    if _flat_share(grid) >= 0.6:
        return "flat"
    if find_tc27_header(grid) is not None:
        return "tc27"
    return None


def _tc27_years(grid: Grid) -> bool:
    """A T-C.27's header: `Kode` and `Indikator`, and below them years over `Target` | `Rp`."""
    top = find_tc27_header(grid)
    if top is None:
        return False
    below = range(top, min(top + 4, len(grid.rows)))
    words = {header_words(grid.text(r, c)) for r in below for c in range(len(grid.rows[r]))}
    return "rp" in words or any("pendanaan" in w for w in words)


def choose_sheet(book: Workbook, sheet: str | None) -> tuple[str, list[tuple[str, str]]]:
    """The sheet to read (the one named, else the first visible) and notes on those left."""
    notes: list[tuple[str, str]] = []
    visible = book.visible()
    if sheet is None:
        if not visible:
            raise SheetError(
                LoaderCheck.IMPORT_UNREADABLE,
                book.label,
                _("every sheet of the workbook is hidden: name one with --sheet"),
            )
        sheet = visible[0]
    elif sheet not in book.names:
        book.sheet(sheet)  # raises, naming the sheets there are
    for name in book.names:
        if name == sheet:
            continue
        why = _("hidden") if name in book.hidden else _("not chosen")
        notes.append(
            (
                f"{book.label}:{name}",
                _("the sheet `{name}` ({why}) was not read: import it with --sheet").format(
                    name=name, why=why
                ),
            )
        )
    return sheet, notes


def read_workbook(book: Workbook, layout: str | None, sheet: str | None) -> tuple[SheetTable, str]:
    """The table of the workbook in `layout` (None: detected), and the layout used."""
    if layout == "pohon" or (layout is None and sheet is None and is_pohon_workbook(book)):
        return read_pohon(book), "pohon"
    name, notes = choose_sheet(book, sheet)
    grid = book.sheet(name)
    used = layout or detect(book, grid)
    if used is None:
        raise SheetError(
            LoaderCheck.IMPORT_LAYOUT,
            grid.sheet_place(),
            _(
                "the header words are those of no layout pohon knows (tc27, flat, pohon): name the "
                "flat layout's columns as docs/import.md shows, or give --layout"
            ),
        )
    table = read_tc27(grid) if used == "tc27" else read_flat(grid)
    if not table.rows:
        raise SheetError(
            LoaderCheck.IMPORT_LAYOUT,
            grid.sheet_place(),
            _(
                "the sheet holds no rows below its header in layout {layout}: nothing to import"
            ).format(layout=used),
        )
    table.unplaced.extend(notes)
    return table, used
