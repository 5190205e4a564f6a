"""The Daftar Indikator as a sheet: one row per indicator, each year's target, realisation, capaian.

The node is repeated on each of its rows (as in the HTML), in columns of their own
(level, code, name, statement), so that a filter on any of them keeps whole rows.
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.render.reports.register import Register, RegisterEntry
from pohon.render.reports.wording import Labels
from pohon.render.workbook.cells import Grid, SheetPlan, Style, title_block
from pohon.render.workbook.report_values import ReportValues


def register_sheets(values: ReportValues) -> Iterator[SheetPlan]:
    yield register_sheet(values.register, values.labels, values.lines)


def _widths(register: Register) -> list[float]:
    widths = [5.0, 14.0, 13.0, 26.0, 34.0] + ([22.0] if register.budget else [])
    widths += [32.0, 9.0, 10.0, 9.0, 10.0] + [10.0] * (3 * len(register.years))
    widths += [10.0] if register.end_target else []
    return widths + ([40.0] if register.notes else [])


def register_sheet(register: Register, labels: Labels, lines: tuple[str, ...]) -> SheetPlan:
    widths = _widths(register)
    grid = Grid()
    counts = (
        f"{labels['indicators']}: {register.indicators} · {labels['no_target']}: "
        f"{register.without_targets} · {labels['no_indicator']}: {register.without_indicators}"
    )
    title_block(grid, labels["register"], [*lines, register.intro, counts], len(widths))
    head = grid.row
    _heads(grid, register, labels)
    for entry in register.entries:
        _entry(grid, entry, register)
    return SheetPlan(
        labels["register"], tuple(grid.cells), tuple(widths), (head, head + 1), grid.row - 1
    )


def _heads(grid: Grid, register: Register, labels: Labels) -> None:
    single = [labels["no"], labels["level"], labels["code"], labels["budget_item"]]
    single += [labels["statement"]] + ([labels["pagu"]] if register.budget else [])
    single += [labels[w] for w in ("indicator", "type", "unit", "polarity", "baseline")]
    col = 0
    for text in single:
        grid.add(col, text, "head", rows=2)
        col += 1
    for year in register.years:
        grid.add(col, str(year), "head", cols=3)
        col += 3
    after = [register.end_target] if register.end_target else []
    after += [labels["notes"]] if register.notes else []
    for text in after:
        grid.add(col, text, "head", rows=2)
        col += 1
    grid.skip()
    years = [labels[w] for _ in register.years for w in ("target", "realisation", "achievement")]
    grid.line(years, "head", start=len(single))


def _entry(grid: Grid, entry: RegisterEntry, register: Register) -> None:
    node = entry.node
    cells = [str(entry.number), node.level_label, node.code or "", node.name or "", node.statement]
    styles: list[Style] = ["figure", "text", "code", "text", "text"]
    if register.budget:
        cells.append("\n".join(entry.budget))
        styles.append("text")
    for col, (value, style) in enumerate(zip(cells, styles, strict=True)):
        grid.add(col, value, style)
    col = len(cells)
    figures = 5 + 3 * len(register.years) + (1 if register.end_target else 0)
    if entry.indicator is None:
        grid.add(col, entry.note or "", "muted", cols=figures)
    else:
        shown = entry.indicator
        notes = [f"({text})" for text in (entry.note, entry.formula) if text]
        name = " ".join([shown.name, *notes])
        for offset, value in enumerate((name, shown.type, shown.unit, shown.polarity)):
            grid.add(col + offset, value, "text")
        values = [shown.baseline]
        values += [v for r in entry.years for v in (r.target, r.realisation, r.achievement)]
        values += [entry.end_target] if register.end_target else []
        for offset, value in enumerate(values, start=4):
            grid.add(col + offset, value, "figure")
    if register.notes:
        grid.add(col + figures, "\n".join(entry.notes), "text")
    grid.skip()
