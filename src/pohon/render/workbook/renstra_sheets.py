"""The Renstra tables T-C.25 and T-C.27 as sheets: the HTML's heads and merged cells, row for row."""

from __future__ import annotations

from collections.abc import Iterator

from pohon.render.reports.renstra_funding import FundingRow, FundingTable
from pohon.render.reports.renstra_goals import GoalsTable
from pohon.render.reports.spans import Span
from pohon.render.reports.wording import Labels
from pohon.render.workbook.cells import Grid, SheetPlan, Style, title_block
from pohon.render.workbook.report_values import ReportValues


def renstra_sheets(values: ReportValues) -> Iterator[SheetPlan]:
    yield goals_sheet(values.goals, values.labels, values.lines)
    yield funding_sheet(values.funding, values.labels, values.lines)


def span_cell(grid: Grid, col: int, span: Span, style: Style = "text") -> None:
    """A merged cell where its run starts; nothing on the rows it covers."""
    if span.rowspan:
        grid.add(col, span.text, style, rows=span.rowspan)


def goals_sheet(goals: GoalsTable, labels: Labels, lines: tuple[str, ...]) -> SheetPlan:
    years = goals.years
    widths = (5.0, 30.0, 30.0, 34.0, 10.0, 11.0, *[10.0] * len(years), 11.0)
    grid = Grid()
    title_block(grid, labels["tc25"], [*lines, labels["tc25_intro"]], len(widths))
    if not goals.rows:
        grid.add(0, labels["no_goals"], "muted", cols=len(widths))
        return SheetPlan(labels["tc25"], tuple(grid.cells), widths)
    head = grid.row
    words = ("no", "goal", "objective", "goal_indicator", "unit", "start_condition")
    for col, word in enumerate(words):
        grid.add(col, labels[word], "head", rows=2)
    grid.add(len(words), labels["target_years"], "head", cols=len(years))
    grid.add(len(words) + len(years), labels["end_condition"], "head", rows=2)
    grid.skip()
    grid.line([str(year) for year in years], "head", start=len(words))
    for row in goals.rows:
        span_cell(grid, 0, row.number, "figure")
        span_cell(grid, 1, row.goal)
        span_cell(grid, 2, row.objective)
        grid.add(3, row.indicator)
        grid.add(4, row.unit)
        grid.line([row.start, *row.targets, row.end], "figure", start=5)
    return SheetPlan(labels["tc25"], tuple(grid.cells), widths, (head, head + 1), grid.row - 1)


def funding_sheet(funding: FundingTable, labels: Labels, lines: tuple[str, ...]) -> SheetPlan:
    years = funding.years
    widths = (
        24.0,
        24.0,
        17.0,
        30.0,
        30.0,
        11.0,
        *[10.0, 16.0] * len(years),
        10.0,
        17.0,
        20.0,
        14.0,
    )
    grid = Grid()
    title_block(grid, labels["tc27"], [*lines, labels["tc27_intro"]], len(widths))
    if not funding.rows:
        grid.add(0, labels["no_items"], "muted", cols=len(widths))
        return SheetPlan(labels["tc27"], tuple(grid.cells), widths)
    head = grid.row
    _funding_heads(grid, funding, labels)
    data = grid.row
    for row in funding.rows:
        _funding_row(grid, row)
    end = grid.row - 1
    grid.add(0, labels["total"], "total", cols=6)
    col = 6
    for total in (*funding.totals, funding.total_end):
        grid.add(col, "", "total")
        grid.add(col + 1, total, "total")
        col += 2
    grid.add(col, "", "total", cols=2)
    plan = SheetPlan(labels["tc27"], tuple(grid.cells), widths, (head, data - 1), end)
    return plan


def _funding_heads(grid: Grid, funding: FundingTable, labels: Labels) -> None:
    words = ("goal", "objective", "code", "item", "item_indicator", "start_data")
    for col, word in enumerate(words):
        grid.add(col, labels[word], "head", rows=3)
    col = len(words)
    grid.add(col, labels["plan_funding"], "head", cols=2 * len(funding.years))
    end = col + 2 * len(funding.years)
    grid.add(end, labels["end_period"], "head", rows=2, cols=2)
    grid.add(end + 2, labels["unit_in_charge"], "head", rows=3)
    grid.add(end + 3, labels["place"], "head", rows=3)
    grid.skip()
    for number, year in enumerate(funding.years):
        grid.add(col + 2 * number, str(year), "head", cols=2)
    grid.skip()
    grid.line([labels["target"], labels["rp"]] * (len(funding.years) + 1), "head", start=col)
    grid.line(funding.numbers, "head")


def _funding_row(grid: Grid, row: FundingRow) -> None:
    span_cell(grid, 0, row.goal)
    span_cell(grid, 1, row.objective)
    span_cell(grid, 2, row.code, "code")
    span_cell(grid, 3, row.item, "strong" if row.level == "program" else "text")
    grid.add(4, row.indicator)
    grid.add(5, row.start, "figure")
    col = 6
    for plan in (*row.years,):
        grid.add(col, plan.target, "figure")
        span_cell(grid, col + 1, plan.budget, "figure")
        col += 2
    grid.add(col, row.end_target, "figure")
    span_cell(grid, col + 1, row.end_budget, "figure")
    span_cell(grid, col + 2, row.unit)
    span_cell(grid, col + 3, row.location)
    grid.skip()
