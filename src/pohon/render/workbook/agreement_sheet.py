"""The Perjanjian Kinerja annexes as one sheet: a block per position, each on a page of its own.

An evaluator prints the annexes one position after the other: one sheet with a page
break before each block prints them so, however many positions a tree has (a workbook
of a sheet per position is unwieldy past a few dozen). Portrait, as the annex is signed.
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.render.reports.agreement import Agreement, Party
from pohon.render.reports.wording import Labels
from pohon.render.workbook.cells import Grid, SheetPlan, title_block
from pohon.render.workbook.matrix_sheet import statement_text
from pohon.render.workbook.report_values import ReportValues

WIDTHS = (5.0, 38.0, 34.0, 12.0, 18.0)


def agreement_sheets(values: ReportValues) -> Iterator[SheetPlan]:
    if values.agreements:
        yield agreement_sheet(values.agreements, values.labels, values.lines)


def agreement_sheet(
    agreements: tuple[Agreement, ...], labels: Labels, lines: tuple[str, ...]
) -> SheetPlan:
    grid = Grid()
    breaks = []
    for agreement in agreements:
        if grid.row:
            grid.skip()
            breaks.append(grid.row)
        _block(grid, agreement, labels, lines)
    return SheetPlan(
        labels["pk_annexes"], tuple(grid.cells), WIDTHS, landscape=False, breaks=tuple(breaks)
    )


def _block(grid: Grid, agreement: Agreement, labels: Labels, lines: tuple[str, ...]) -> None:
    title = labels["pk_annex_title"].format(year=agreement.year)
    title = f"{title}: {agreement.first_party.title}"
    where = (
        f"{labels['position']}: {agreement.first_party.title} · "
        f"{labels['agreement_year']}: {agreement.year}"
    )
    title_block(grid, title, [*lines, where], len(WIDTHS))
    target = f"{labels['target']} {agreement.year}"
    grid.line(
        [labels["no"], agreement.objective_label, labels["pk_indicator"], labels["unit"], target],
        "head",
    )
    if not agreement.objectives:
        grid.add(0, labels["no_nodes"], "muted", cols=len(WIDTHS))
        grid.skip()
    for number, objective in enumerate(agreement.objectives, start=1):
        rows = max(len(objective.indicators), 1)
        grid.add(0, str(number), "figure", rows=rows)
        node = objective.node  # as the HTML annex: the level, then name and statement
        text = f"{node.level_label}\n{statement_text(node, labels, position=False)}"
        grid.add(1, text, "text", rows=rows)
        if not objective.indicators:
            grid.add(2, labels["pk_indicator_missing"], "warning", cols=3)
            grid.skip()
        for indicator in objective.indicators:
            grid.add(2, indicator.name)
            if indicator.unit_missing:
                grid.add(3, labels["pk_unit_missing"], "warning")
            else:
                grid.add(3, indicator.unit)
            if indicator.target_missing:
                grid.add(4, labels["pk_target_missing"], "warning")
            else:
                grid.add(4, indicator.target, "figure")
            grid.skip()
    grid.skip()
    _budget(grid, agreement, labels)
    _signatures(grid, agreement, labels)


def _budget(grid: Grid, agreement: Agreement, labels: Labels) -> None:
    grid.add(0, labels["budget_items"], "strong", cols=len(WIDTHS))
    grid.skip()
    if not agreement.budget_lines:
        grid.add(0, labels["no_budget_items"], "muted", cols=len(WIDTHS))
        grid.skip()
        return
    grid.add(0, labels["no"], "head")
    grid.add(1, agreement.items_label, "head", cols=3)
    grid.add(4, f"{labels['budget']} {agreement.year}", "head")
    grid.skip()
    for number, line in enumerate(agreement.budget_lines, start=1):
        node = line.node
        name = node.name or node.statement
        text = "    " * line.depth + f"{node.level_label} {name}"
        text += f" ({node.code})" if node.code else ""
        grid.add(0, str(number), "figure")
        grid.add(1, text, "strong" if line.group else "text", cols=3)
        grid.add(4, line.budget, "warning" if line.missing else "figure")
        grid.skip()
    if agreement.total:
        grid.add(0, labels["total"], "total", cols=4)
        grid.add(4, agreement.total, "total")
        grid.skip()


def _signatures(grid: Grid, agreement: Agreement, labels: Labels) -> None:
    """The second party on the left, the first on the right, as the HTML prints them."""
    grid.skip()
    place = f"{agreement.place}, " if agreement.place else ""
    left = _party(labels["second_party"], agreement.second_party, labels, "")
    right = _party(labels["first_party"], agreement.first_party, labels, "")
    right[0] = f"{place}.................... {agreement.year}"
    if agreement.second_party is None:
        left = [""] * len(right)
    for first, second in zip(left, right, strict=True):
        grid.add(1, first, "subtitle")
        grid.add(2, second, "subtitle", cols=3)
        grid.skip()


def _party(role: str, party: Party | None, labels: Labels, dated: str) -> list[str]:
    """Seven lines: date, role, title, three blank for the signature, name, rank and NIP."""
    if party is None:
        return [""] * 9
    return [
        dated,
        f"{role},",
        party.title,
        "",
        "",
        "",
        party.holder or labels["holder_blank"],
        party.rank or "",
        f"{labels['nip']} {party.nip}" if party.nip else "",
    ]
