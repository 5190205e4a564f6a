"""One sheet as a grid: values by row and column from A1, merged cells filled, cell names."""

from __future__ import annotations

from dataclasses import dataclass, field

Value = object
"""A cell's value as the reader gives it: str, int, float, bool, a date, or "" when empty."""


def column_letters(column: int) -> str:
    """The letters of a 0-based column: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(row: int, column: int) -> str:
    """The name of a 0-based cell as a spreadsheet shows it: (11, 5) → F12."""
    return f"{column_letters(column)}{row + 1}"


@dataclass
class Grid:
    """A sheet's cells from A1 (0-based rows and columns), merged ranges filled with their value.

    `label` names the file as messages show it (`renstra.xlsx`); `origin`
    maps each cell a merged range covers, its first cell aside, to that first cell.
    """

    label: str
    sheet: str
    rows: list[list[Value]]
    origin: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    lines: bool = False
    """A CSV: its cells are named `line:column`, as editors count them."""

    def value(self, row: int, column: int) -> Value:
        if row < len(self.rows) and column < len(self.rows[row]):
            return self.rows[row][column]
        return ""

    def text(self, row: int, column: int) -> str:
        value = self.value(row, column)
        return value.strip() if isinstance(value, str) else str(value)

    def place(self, row: int, column: int) -> str:
        """`renstra.xlsx:T-C.27!F12` (`tabel.csv:12:6`): where a message about this cell points."""
        if self.lines:
            return f"{self.label}:{row + 1}:{column + 1}"
        return f"{self.label}:{self.sheet}!{cell_name(row, column)}"

    def sheet_place(self) -> str:
        """`renstra.xlsx:T-C.27`, or the CSV's name: where a message about the whole sheet points."""
        return self.label if self.lines else f"{self.label}:{self.sheet}"

    def row_place(self, row: int) -> str:
        return f"{self.label}:{row + 1}" if self.lines else f"{self.label}:{self.sheet}!{row + 1}"

    def merged_below(self, row: int, column: int) -> bool:
        """Whether this cell continues a merged range begun on a row above."""
        start = self.origin.get((row, column))
        return start is not None and start[0] < row

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def fill_merged(
    rows: list[list[Value]], merged: list[tuple[tuple[int, int], tuple[int, int]]]
) -> dict[tuple[int, int], tuple[int, int]]:
    """Give each cell of a merged range the value of its first cell; return where each came from."""
    origin: dict[tuple[int, int], tuple[int, int]] = {}
    for (top, left), (bottom, right) in merged:
        if top >= len(rows):
            continue
        value = rows[top][left] if left < len(rows[top]) else ""
        for row in range(top, min(bottom, len(rows) - 1) + 1):
            line = rows[row]
            if len(line) <= right:
                line.extend([""] * (right + 1 - len(line)))
            for column in range(left, right + 1):
                if (row, column) != (top, left):
                    line[column] = value
                    origin[(row, column)] = (top, left)
    return origin
