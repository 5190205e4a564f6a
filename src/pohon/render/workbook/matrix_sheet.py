"""The Matriks Cascading as a sheet: the HTML's merged cells, one indicator per spreadsheet row.

The HTML stacks a node's indicators inside one cell; a spreadsheet cell holds one number,
so each HTML row becomes as many sheet rows as the indicators of its cells need, and every
node's cells (code, statement, pagu) are merged over the rows of its span. Each target
then sits in a cell of its own, a number a reviewer can filter and add up.
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.render.reports.matrix import Cell as MatrixCell
from pohon.render.reports.matrix import Column, Matrix
from pohon.render.reports.views import NodeView
from pohon.render.reports.wording import Labels
from pohon.render.workbook.cells import Grid, SheetPlan, title_block
from pohon.render.workbook.report_values import ReportValues

CODE, STATEMENT, INDICATOR, UNIT, FIGURE, PAGU = 17.0, 34.0, 30.0, 10.0, 10.0, 16.0


def matrix_sheets(values: ReportValues) -> Iterator[SheetPlan]:
    yield matrix_sheet(values.matrix, values.labels, values.lines)


def matrix_sheet(matrix: Matrix, labels: Labels, lines: tuple[str, ...]) -> SheetPlan:
    widths = [w for column in matrix.columns for w in _widths(column, matrix)]
    grid = Grid()
    context = [f"{node.level_label}: {node.statement}" for node in matrix.context]
    context += [f"{a.label}: {a.code} {a.name}" for a in matrix.affairs]
    intro = [matrix.intro] if matrix.intro else []
    title_block(grid, labels["matrix"], [*lines, *intro, *context], len(widths))
    if matrix.note or not matrix.columns:
        grid.add(0, matrix.note or labels["none"], "muted", cols=max(len(widths), 1))
        return SheetPlan(labels["matrix"], tuple(grid.cells), tuple(widths) or (STATEMENT,))
    head = grid.row
    _heads(grid, matrix, labels)
    _body(grid, matrix, labels)
    data_end = grid.row - 1
    if matrix.figures.budget:
        _totals(grid, matrix, labels)
    if matrix.opd_totals:
        _opd_totals(grid, matrix, labels)
    cells, head_rows = tuple(grid.cells), (head, head + 1)
    return SheetPlan(labels["matrix"], cells, tuple(widths), head_rows, data_end)


def _widths(column: Column, matrix: Matrix) -> list[float]:
    figures = matrix.figures
    widths = [CODE] if column.code else []
    widths += [STATEMENT, INDICATOR, UNIT, FIGURE] + [FIGURE] * len(figures.years)
    widths += [FIGURE] if figures.end else []
    return widths + ([PAGU] * len(figures.years) if column.budget else [])


def _heads(grid: Grid, matrix: Matrix, labels: Labels) -> None:
    years = matrix.figures.years
    col = 0
    for column in matrix.columns:
        width = len(_widths(column, matrix))
        grid.add(col, column.label, "head", cols=width)
        col += width
    grid.skip()
    heads: list[str] = []
    for column in matrix.columns:
        heads += [labels["code"]] if column.code else []
        heads += [labels["statement"], labels["indicator"], labels["unit"], labels["baseline"]]
        heads += [f"{labels['target']} {year}" for year in years]
        heads += [labels["end_target"]] if matrix.figures.end else []
        heads += [f"{labels['pagu']} {year}" for year in years] if column.budget else []
    grid.line(heads, "head")


def sheet_rows(rows: tuple[tuple[MatrixCell, ...], ...]) -> list[int]:
    """How many sheet rows each HTML row takes: every node gets a row per indicator.

    From the rightmost column (the shortest spans) to the left: a cell whose rows hold
    fewer sheet rows than it has indicators adds the rest to its last row, which only
    gives the cells around it more room.
    """
    heights = [1] * len(rows)
    width = len(rows[0]) if rows else 0
    for col in reversed(range(width)):
        for top, row in enumerate(rows):
            cell = row[col]
            if not cell.rowspan:
                continue
            need = len(cell.node.indicators) if cell.node else 1
            have = sum(heights[top : top + cell.rowspan])
            if need > have:
                heights[top + cell.rowspan - 1] += need - have
    return heights


def _body(grid: Grid, matrix: Matrix, labels: Labels) -> None:
    heights = sheet_rows(matrix.rows)
    starts = [grid.row]
    for height in heights:
        starts.append(starts[-1] + height)
    for index, row in enumerate(matrix.rows):
        col = 0
        for column, cell in zip(matrix.columns, row, strict=True):
            width = len(_widths(column, matrix))
            if cell.rowspan:
                grid.row = starts[index]
                span = starts[index + cell.rowspan] - starts[index]
                _cell(grid, col, cell, column, span, matrix, labels)
            col += width
    grid.row = starts[-1]


def _cell(
    grid: Grid,
    col: int,
    cell: MatrixCell,
    column: Column,
    rows: int,
    matrix: Matrix,
    labels: Labels,
) -> None:
    """One node's cells over its `rows`: code and statement merged, then its indicators."""
    if cell.node is None:
        grid.add(col, labels["none"], "muted", rows=rows, cols=len(_widths(column, matrix)))
        return
    if column.code:
        grid.add(col, cell.node.code or labels["none"], "code", rows=rows)
        col += 1
    grid.add(col, statement_text(cell.node, labels, code=not column.code), "text", rows=rows)
    col += 1
    figures = cell.figures
    shown = figures.indicators if figures else ()
    count = 3 + len(matrix.figures.years) + (1 if matrix.figures.end else 0)  # indicator …
    top = grid.row
    if not shown:
        grid.add(col, labels["no_indicator"], "muted", rows=rows)
        for offset in range(1, count):
            grid.add(col + offset, "", "figure", rows=rows)
    for number, (view, figure) in enumerate(zip(cell.node.indicators, shown, strict=True)):
        grid.row = top + number
        height = rows - number if number == len(shown) - 1 else 1
        values = [figure.baseline, *figure.targets]
        values += [figure.end] if matrix.figures.end else []
        grid.add(col, view.name, "text", rows=height)
        grid.add(col + 1, figure.unit, "text", rows=height)
        for offset, value in enumerate(values, start=2):
            grid.add(col + offset, value, "figure", rows=height)
    grid.row = top
    for offset, amount in enumerate(figures.budget if figures else (), start=count):
        grid.add(col + offset, amount, "figure", rows=rows)


def statement_text(
    node: NodeView, labels: Labels, *, code: bool = True, position: bool = True
) -> str:
    """What the HTML's statement cell shows, line by line: name (code), official name,
    statement, position; the code left out where a column of its own shows it."""
    lines = []
    if node.name:
        lines.append(f"{node.name} ({node.code})" if node.code and code else node.name)
    if node.official_name:
        lines.append(f"{labels['official_name']}: {node.official_name}")
    lines.append(node.statement)
    if node.position and position:
        lines.append(f"— {node.position}")
    return "\n".join(lines)


def _totals(grid: Grid, matrix: Matrix, labels: Labels) -> None:
    col = 0
    for number, column in enumerate(matrix.columns):
        width = len(_widths(column, matrix))
        label = labels["total"] if number == 0 else ""
        grid.add(col, label, "total", cols=width - len(column.totals))
        for offset, total in enumerate(column.totals, start=width - len(column.totals)):
            grid.add(col + offset, total, "total")
        col += width
    grid.skip()


def _opd_totals(grid: Grid, matrix: Matrix, labels: Labels) -> None:
    """The OPD's pagu per year, under the pagu columns of the last budget level (as wide)."""
    grid.skip()
    years = matrix.figures.years
    first, col = 0, 0
    for column in matrix.columns:
        width = len(_widths(column, matrix))
        if column.budget:
            first = col + width - len(years)
        col += width
    grid.add(first, labels["opd_budget"], "head", cols=len(years))
    grid.skip()
    grid.line([str(year) for year in years], "head", start=first)
    grid.line(matrix.opd_totals, "total", start=first)
