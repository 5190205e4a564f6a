"""The IKU document as a sheet: the decree's heads, its table (merged as the HTML merges it), the signer."""

from __future__ import annotations

from collections.abc import Iterator

from pohon.render.reports.key_indicators import Entry, IkuDocument, Signer, build_iku
from pohon.render.reports.wording import Labels
from pohon.render.workbook.cells import Grid, SheetPlan, Style, title_block
from pohon.render.workbook.renstra_sheets import span_cell
from pohon.render.workbook.report_values import ReportValues


def iku_sheets(values: ReportValues) -> Iterator[SheetPlan]:
    yield iku_sheet(build_iku(values.tree, values.labels), values.labels, values.lines)


def _entry(grid: Grid, col: int, entry: Entry, style: Style = "text") -> None:
    """A value, or the mark of one the tree does not record (as the HTML marks it)."""
    grid.add(col, entry.text, "warning" if entry.missing else style)


def iku_sheet(iku: IkuDocument, labels: Labels, lines: tuple[str, ...]) -> SheetPlan:
    years = iku.years
    widths = (5.0, 30.0, 30.0, 30.0, 30.0, 12.0, *[10.0] * len(years), 20.0, 24.0)
    grid = Grid()
    heads = [iku.decree, iku.subject, *lines, iku.annex]
    title_block(grid, labels["iku"], heads, len(widths))
    if not iku.rows:
        grid.add(0, labels["iku_none"], "muted", cols=len(widths))
        return SheetPlan(labels["iku"], tuple(grid.cells), widths)
    grid.add(0, iku.chosen_by, "subtitle", cols=len(widths))
    grid.skip()
    head = grid.row
    words = ("no", "iku_objective", "iku_indicator", "definition", "calculation", "unit")
    for col, word in enumerate(words):
        grid.add(col, labels[word], "head", rows=2)
    grid.add(len(words), labels["target_per_year"], "head", cols=len(years))
    end = len(words) + len(years)
    grid.add(end, labels["data_source"], "head", rows=2)
    grid.add(end + 1, labels["responsible"], "head", rows=2)
    grid.skip()
    grid.line([str(year) for year in years], "head", start=len(words))
    for row in iku.rows:
        span_cell(grid, 0, row.number, "figure")
        span_cell(grid, 1, row.objective)
        grid.add(2, row.indicator)
        _entry(grid, 3, row.definition)
        _entry(grid, 4, row.calculation)
        _entry(grid, 5, row.unit)
        for number, target in enumerate(row.targets):
            _entry(grid, len(words) + number, target, "figure")
        _entry(grid, end, row.data_source)
        _entry(grid, end + 1, row.responsible)
        grid.skip()
    data_end = grid.row - 1
    if iku.signer is not None:
        _signer(grid, iku.signer, end)
    return SheetPlan(labels["iku"], tuple(grid.cells), widths, (head, head + 1), data_end)


def _signer(grid: Grid, signer: Signer, col: int) -> None:
    """Under the table on the right, as the decree is signed: place and date, title, name, NIP."""
    grid.skip()
    holder = signer.holder
    lines: list[tuple[str, Style]] = [
        (signer.place, "subtitle"),
        (signer.title.upper(), "subtitle"),
        ("", "subtitle"),
        ("", "subtitle"),
        ("", "subtitle"),
        (holder.text, "warning" if holder.missing else "subtitle"),
        (signer.rank or "", "subtitle"),
        (signer.nip, "subtitle"),
    ]
    for text, style in lines:
        grid.add(col, text, style, cols=2)
        grid.skip()
