"""The Matriks Perubahan as a sheet per tree compared: the HTML matrix's columns and merged heads.

Built from render/diff/change_matrix's rows, as the HTML page is: each year's target and
pagu before, after and the increase, (decrease) as numbers, the decrease shown in brackets
as the revision forms print it; the Rupiah exact, shown as `Rp 1.234`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pohon.render.diff.change_matrix import ChangeMatrix, MatrixCell, MatrixRow, change_matrix
from pohon.render.diff.values import TreeDiff
from pohon.render.reports.figures import Shown
from pohon.render.reports.wording import Labels
from pohon.render.workbook.book import workbook_bytes
from pohon.render.workbook.cells import Difference, Grid, SheetPlan, title_block

PAPER = "a4"
MIN_SCALE = 25  # percent: a matrix of five years still prints one page wide
_LEFT = (
    ("diff_level", 12.0),
    ("diff_code", 18.0),
    ("diff_description", 34.0),
    ("diff_change", 16.0),
    ("diff_indicator_before", 28.0),
    ("diff_indicator_after", 28.0),
    ("diff_unit", 11.0),
)
_YEAR = (10.0, 10.0, 12.0, 16.0, 16.0, 16.0)  # target before, after, ±; pagu before, after, ±
_RIGHT = (("diff_reason", 26.0), ("diff_basis", 26.0), ("diff_applies_from", 10.0))


def change_workbook(diffs: Sequence[TreeDiff], labels: Labels, agency: str = "") -> bytes:
    """The .xlsx of the comparisons: one Matriks Perubahan sheet per tree compared."""
    return workbook_bytes(
        [change_sheet(change_matrix(d, labels), labels, agency) for d in diffs], PAPER
    )


def change_sheet(matrix: ChangeMatrix, labels: Labels, agency: str = "") -> SheetPlan:
    years = matrix.years
    widths = (*[w for _, w in _LEFT], *_YEAR * len(years), *[w for _, w in _RIGHT])
    grid = Grid()
    intro = labels["diff_matrix_intro"].format(before=matrix.before, after=matrix.after)
    title_block(
        grid, labels["diff_matrix"], [line for line in (agency, intro) if line], len(widths)
    )
    if not matrix.rows:
        grid.add(0, labels["diff_no_changes"], "muted", cols=len(widths))
        return SheetPlan(labels["diff_matrix"], tuple(grid.cells), widths)
    head = grid.row
    _heads(grid, years, labels)
    for row in matrix.rows:
        _row(grid, row)
    return SheetPlan(
        labels["diff_matrix"],
        tuple(grid.cells),
        widths,
        (head, head + 2),
        grid.row - 1,
        freeze_cols=3,  # the level, code and statement stay beside the years
        min_scale=MIN_SCALE,
    )


def _heads(grid: Grid, years: tuple[int, ...], labels: Labels) -> None:
    """Three rows: the year over its six columns, target and pagu over three, then each figure."""
    for col, (word, _) in enumerate(_LEFT):
        grid.add(col, labels[word], "head", rows=3)
    start = len(_LEFT)
    right = start + len(_YEAR) * len(years)
    for col, (word, _) in enumerate(_RIGHT, start=right):
        grid.add(col, labels[word], "head", rows=3)
    for number, year in enumerate(years):
        grid.add(start + len(_YEAR) * number, str(year), "head", cols=len(_YEAR))
    grid.skip()
    for number in range(len(years)):
        col = start + len(_YEAR) * number
        grid.add(col, labels["diff_target"], "head", cols=3)
        grid.add(col + 3, labels["diff_pagu"], "head", cols=3)
    grid.skip()
    words = ("diff_before", "diff_after", "diff_more_less", "diff_before", "diff_after")
    figures = [labels[word] for word in (*words, "diff_difference")]
    grid.line(figures * len(years), "head", start=start)


def _row(grid: Grid, row: MatrixRow) -> None:
    grid.add(0, row.level)
    grid.add(1, row.code, "text" if "→" in row.code else "code")  # `old → new` wraps
    grid.add(2, row.description, "strong" if row.kind in ("added", "removed") else "text")
    grid.add(3, row.change)
    grid.add(4, row.indicator_before, "muted")
    grid.add(5, row.indicator_after)
    grid.add(6, row.unit)
    col = len(_LEFT)
    for target, budget in zip(row.targets, row.budget, strict=True):
        _figures(grid, col, target, rupiah=False)
        _figures(grid, col + 3, budget, rupiah=True)
        col += len(_YEAR)
    grid.line([row.reason, row.basis, row.applies_from], start=col)


def _figures(grid: Grid, col: int, cell: MatrixCell, *, rupiah: bool) -> None:
    grid.add(col, cell.before_text, "figure")
    grid.add(col + 1, cell.after_text, "figure")
    grid.add(col + 2, _difference(cell, rupiah=rupiah), "figure")


def _difference(cell: MatrixCell, *, rupiah: bool) -> str:
    """The increase as a number, a decrease negative (printed `(5)` by its number format)."""
    if cell.difference is None:
        return cell.change_text
    decimals = _decimals(cell, rupiah=rupiah)
    return Difference(cell.change_text, cell.difference, decimals, "Rp " if rupiah else "")


def _decimals(cell: MatrixCell, *, rupiah: bool) -> int:
    """As many places as the figures either side show (the difference of 80,5 and 85 is 4,5)."""
    shown = [v.decimals for v in (cell.before_text, cell.after_text) if isinstance(v, Shown)]
    exponent = (cell.difference or Decimal(0)).normalize().as_tuple().exponent
    own = max(0, -exponent) if isinstance(exponent, int) else 0
    return max([own, *shown])
