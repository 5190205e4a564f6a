"""A sheet as plain values: its cells (merged ranges too), column widths, heads and print needs.

Every sheet module turns a report's values into a `SheetPlan`; only book.py knows
XlsxWriter. A cell's value is the text the HTML report prints; a figure the report
formatted from a number (a `Shown`, pohon.render.reports.figures) is written as that
number, with a number format that shows what the HTML shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from pohon.render.reports.figures import Shown

Style = Literal[
    "title", "subtitle", "head", "text", "strong", "muted", "warning", "code", "figure", "total"
]
"""How a cell looks: book.py's formats. `figure` is right-aligned (numbers, or their dash)."""


class Difference(Shown):
    """A difference as the revision forms print it: `5`, a decrease in brackets `(2,5)`.

    Written as its (signed) number; its number format shows a negative one in brackets.
    """


MAX_SHEET_NAME = 31  # Excel's limit
_NOT_IN_NAMES = re.compile(r"[\[\]:*?/\\]")


class Cell(NamedTuple):
    """One cell at (row, col), counted from 0; `rows` x `cols` > 1 is a merged range.

    A named tuple: a sheet plan makes one per cell, and a tuple is made faster than a
    frozen dataclass."""

    row: int
    col: int
    value: str
    style: Style = "text"
    rows: int = 1
    cols: int = 1


@dataclass(frozen=True)
class SheetPlan:
    """One sheet: its cells, its columns' widths (in characters), and how it prints.

    `head` is the first and last row of the column heads: frozen above the data, repeated
    on every printed page, the filter on its last row; `data_end` the last row the filter
    covers (totals below it are left out).
    """

    name: str
    cells: tuple[Cell, ...]
    widths: tuple[float, ...]
    head: tuple[int, int] | None = None
    data_end: int | None = None
    freeze_cols: int = 0
    landscape: bool = True
    min_scale: int = 35
    """Fitted to the page width, unless that prints it below this percent: then on as few
    pages wide as keep it at this scale or above (the heads repeat on each)."""
    breaks: tuple[int, ...] = ()  # page breaks before these rows
    fixed_heights: dict[int, float] = field(default_factory=dict)  # rows of a set height (pt)


class Grid:
    """Cells collected row by row: `add` places one, `row` moves down."""

    def __init__(self) -> None:
        self.cells: list[Cell] = []
        self.row = 0

    def add(
        self, col: int, value: str, style: Style = "text", *, rows: int = 1, cols: int = 1
    ) -> None:
        self.cells.append(Cell(self.row, col, value, style, rows, cols))

    def line(self, values: Iterable[str], style: Style = "text", start: int = 0) -> None:
        """One row of single cells from `start`, then the next row."""
        for col, value in enumerate(values, start=start):
            self.add(col, value, style)
        self.row += 1

    def skip(self, rows: int = 1) -> None:
        self.row += rows


def title_block(grid: Grid, title: str, lines: Iterable[str], width: int) -> None:
    """The sheet's title and the lines under it (OPD, Pemda, period), each across `width` columns."""
    grid.add(0, title, "title", cols=max(width, 1))
    grid.skip()
    for line in lines:
        grid.add(0, line, "subtitle", cols=max(width, 1))
        grid.skip()
    grid.skip()


def sheet_name(title: str, taken: set[str]) -> str:
    """A sheet name from a title: no `[]:*?/\\`, at most 31 characters (cut at a word), unique."""
    clean = " ".join(_NOT_IN_NAMES.sub(" ", title).split()).strip("'") or "Sheet"
    if len(clean) > MAX_SHEET_NAME:
        cut = clean[: MAX_SHEET_NAME + 1].rsplit(" ", 1)[0]  # at the last word that fits
        whole_words = MAX_SHEET_NAME // 2 <= len(cut) <= MAX_SHEET_NAME
        clean = cut if whole_words else clean[:MAX_SHEET_NAME]
        clean = clean.rstrip(" ,;.-–'") or clean.strip("'") or "Sheet"
    name, number = clean, 2
    while name.lower() in taken:  # Excel compares sheet names without case
        suffix = f" ({number})"
        name, number = clean[: MAX_SHEET_NAME - len(suffix)] + suffix, number + 1
    taken.add(name.lower())
    return name
