"""Row heights that show every wrapped line: a spreadsheet never grows a row for a merged cell.

Excel and LibreOffice fit a row's height to a wrapped single cell when they open a file,
but not to a merged one, so a statement merged over two short indicator rows would be
cut off. The lines each cell needs are estimated from its text and its columns' widths;
a merged cell that needs more than its rows give adds the rest to its last row.
"""

from __future__ import annotations

import functools
import math

from pohon.render.workbook.cells import Cell, SheetPlan

LINE_HEIGHT = 15.0  # points: a row of one line of the default 11-point font
MORE_LINES = 13.8  # points each further line adds (Excel 14.3, LibreOffice 13.4)
TITLE_HEIGHT = 21.0
_WRAPPED = frozenset({"head", "text", "strong", "muted", "figure"})
_CHARS_PER_WIDTH = 1.1  # a column `width` digits wide holds about this many letters a line
_CAPITAL = 1.2  # a capital letter is about this much wider than a small one


def lines_of(text: str, width: float) -> int:
    """How many lines `text` takes in a wrapped cell `width` characters wide (at least one),
    wrapped at spaces as a spreadsheet wraps it; a word longer than a line is cut."""
    per_line = max(1.0, width * _CHARS_PER_WIDTH - 1)
    if "\n" not in text:
        return _wrapped(text, per_line)  # at least one line
    return sum(_wrapped(line, per_line) for line in text.split("\n")) or 1


def _wrapped(line: str, per_line: float) -> int:
    if len(line) * _CAPITAL <= per_line:  # most cells: a line even if every letter were wide
        return 1
    lines, used = 1, 0.0
    for word in line.split():
        size = _word_size(word)
        if used and used + 1 + size > per_line:
            lines, used = lines + 1, 0.0
        if size > per_line:  # broken over lines of its own
            extra = math.ceil(size / per_line) - 1
            lines, used = lines + extra, size - extra * per_line
            continue
        used += size + (1 if used else 0)
    return lines


@functools.lru_cache(maxsize=1 << 16)
def _word_size(word: str) -> float:
    """A word's width in small letters; the same words recur in every sheet of a tree."""
    return sum(_CAPITAL if letter.isupper() else 1.0 for letter in word)


def row_heights(plan: SheetPlan) -> dict[int, float]:
    """The height of each row whose cells need more than one line, the merged ones after
    the single ones (a merged cell only adds what the rows under it still lack)."""
    heights: dict[int, float] = {}
    needs: dict[tuple[str, str, int, int], float | None] = {}  # a sheet repeats its texts
    widths = plan.widths
    for cell in sorted(plan.cells, key=_merged_last):
        key = (cell.value, cell.style, cell.col, cell.cols)
        if key in needs:
            need = needs[key]
        else:
            need = needs[key] = _needed(cell, widths)
        if need is None:
            continue
        if cell.rows == 1:
            row = cell.row
            have = heights.get(row, LINE_HEIGHT)
            if need > have:
                heights[row] = have + need - have
            continue
        rows = range(cell.row, cell.row + cell.rows)
        have = sum(heights.get(row, LINE_HEIGHT) for row in rows)
        if need > have:
            last = rows[-1]
            heights[last] = heights.get(last, LINE_HEIGHT) + need - have
    heights.update(plan.fixed_heights)
    return {row: height for row, height in heights.items() if height != LINE_HEIGHT}


def _merged_last(cell: Cell) -> tuple[int, int, int]:
    return (cell.rows, cell.row, cell.col)


def _needed(cell: Cell, widths: tuple[float, ...]) -> float | None:
    if cell.style == "title":
        return TITLE_HEIGHT
    if cell.style not in _WRAPPED:
        return None
    width = sum(widths[cell.col : cell.col + cell.cols]) or 8.43
    lines = lines_of(cell.value, width)
    return LINE_HEIGHT + (lines - 1) * MORE_LINES + (2 if cell.style == "head" else 0)
