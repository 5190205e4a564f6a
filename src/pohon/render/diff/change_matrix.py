"""The Matriks Perubahan as values: one row per changed indicator (or node), years as columns.

The rows hold the raw figures beside their printed text, so the HTML page here and a
spreadsheet sheet later print the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pohon.core.vocabulary import Level
from pohon.render.diff.shown import EMPTY, bracketed, figure, money
from pohon.render.diff.values import (
    FigureShift,
    IndicatorDiff,
    MoneyShift,
    NodeDiff,
    Note,
    TreeDiff,
)
from pohon.render.reports.wording import Labels
from pohon.tree.figure_reading import Number
from pohon.tree.model import Figure


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """One year's figure before and after and the increase, (decrease) in brackets."""

    before: Figure | Decimal | None
    after: Figure | Decimal | None
    difference: Decimal | None
    before_text: str
    after_text: str
    change_text: str


BLANK = MatrixCell(None, None, None, "", "", "")


@dataclass(frozen=True, slots=True)
class MatrixRow:
    kind: str  # added, removed, replaced, changed: for the page's styles
    level: str
    code: str
    description: str  # the statement (or name); "old → new" when it was reworded
    change: str  # added, removed, replaced, changed … in the report's language
    indicator_before: str
    indicator_after: str
    unit: str
    targets: tuple[MatrixCell, ...]  # one per year of the matrix
    budget: tuple[MatrixCell, ...]  # one per year, on the node's first row only
    reason: str
    basis: str
    applies_from: str


@dataclass(frozen=True, slots=True)
class ChangeMatrix:
    before: str
    after: str
    years: tuple[int, ...]
    rows: tuple[MatrixRow, ...]


def change_matrix(diff: TreeDiff, labels: Labels) -> ChangeMatrix:
    years = tuple(sorted(_years(diff)))
    rows: list[MatrixRow] = []
    for level in Level:
        for node in diff.nodes:
            if node.level is level:
                rows += _rows(node, years, labels)
    return ChangeMatrix(diff.before, diff.after, years, tuple(rows))


def _years(diff: TreeDiff) -> set[int]:
    found: set[int] = set()
    for node in diff.nodes:
        found.update(shift.year for shift in node.budget)
        for indicator in node.indicators:
            found.update(shift.year for shift in indicator.targets)
    return found


def _rows(node: NodeDiff, years: tuple[int, ...], labels: Labels) -> list[MatrixRow]:
    budget = _budget_cells(node.budget, years, labels)
    description = node.label
    if "statement" in node.aspects and node.statement.before and node.statement.after:
        description = f"{node.statement.before} → {node.statement.after}"
    items: list[IndicatorDiff | None] = list(node.indicators) or [None]
    rows = []
    for number, indicator in enumerate(items):
        note = (indicator.note if indicator else None) or node.note
        kind = indicator.kind if indicator else node.kind
        change = _change_words(node, indicator, labels, first=number == 0)
        rows.append(
            MatrixRow(
                kind=kind,
                level=labels.level(node.level),
                code=_code(node),
                description=description,
                change=change,
                indicator_before=(indicator.name.before or EMPTY) if indicator else "",
                indicator_after=(indicator.name.after or EMPTY) if indicator else "",
                unit=_unit(indicator),
                targets=_target_cells(indicator.targets if indicator else (), years, labels),
                budget=budget if number == 0 else tuple(BLANK for _ in years),
                reason=_said(note, "reason"),
                basis=_said(note, "basis"),
                applies_from=_said(note, "applies_from"),
            )
        )
    return rows


_NODE_ASPECTS = {
    "id": "diff_id",
    "moved": "diff_moved",
    "statement": "diff_statement",
    "name": "diff_name",
    "code": "diff_code_word",
    "position": "diff_position",
    "budget": "diff_budget",
}
_INDICATOR_ASPECTS = {
    "reworded": "diff_reworded",
    "unit": "diff_unit",
    "polarity": "diff_polarity",
    "ends": "diff_ends",
    "targets": "diff_targets",
    "realisations": "diff_realisations",
}


def _change_words(
    node: NodeDiff, indicator: IndicatorDiff | None, labels: Labels, *, first: bool
) -> str:
    """`diubah (dipindah, kode)`: the kind of change and, for a changed one, what changed."""
    if indicator is not None and indicator.kind != "changed":
        return labels["diff_" + indicator.kind]
    if indicator is not None:
        words = [labels[_INDICATOR_ASPECTS[a]].lower() for a in indicator.aspects]
    else:
        words = []
    if first and node.kind == "changed":
        words = [labels[_NODE_ASPECTS[a]] for a in node.aspects if a in _NODE_ASPECTS] + words
    elif node.kind != "changed":
        return labels["diff_" + node.kind]
    head = labels["diff_changed"]
    return f"{head} ({', '.join(words)})" if words else head


def _code(node: NodeDiff) -> str:
    if "code" in node.aspects and node.code.before and node.code.after:
        return f"{node.code.before} → {node.code.after}"
    return node.shown_code


def _unit(indicator: IndicatorDiff | None) -> str:
    if indicator is None:
        return ""
    if indicator.unit is not None:
        return f"{indicator.unit.before or EMPTY} → {indicator.unit.after or EMPTY}"
    return ""


def _said(note: Note | None, field: str) -> str:
    value = getattr(note, field) if note is not None else None
    return "" if value is None else str(value)


def _target_cells(
    shifts: tuple[FigureShift, ...], years: tuple[int, ...], labels: Labels
) -> tuple[MatrixCell, ...]:
    by_year = {shift.year: shift for shift in shifts}
    cells = []
    for year in years:
        shift = by_year.get(year)
        if shift is None:
            cells.append(BLANK)
            continue
        before = shift.before.value if isinstance(shift.before, Number) else shift.before
        after = shift.after.value if isinstance(shift.after, Number) else shift.after
        cells.append(
            MatrixCell(
                before,
                after,
                shift.difference,
                figure(shift, "before", labels),
                figure(shift, "after", labels),
                bracketed(shift.difference, labels),
            )
        )
    return tuple(cells)


def _budget_cells(
    shifts: tuple[MoneyShift, ...], years: tuple[int, ...], labels: Labels
) -> tuple[MatrixCell, ...]:
    by_year = {shift.year: shift for shift in shifts}
    cells = []
    for year in years:
        shift = by_year.get(year)
        if shift is None:
            cells.append(BLANK)
            continue
        cells.append(
            MatrixCell(
                shift.before,
                shift.after,
                shift.difference,
                money(shift.before, labels),
                money(shift.after, labels),
                bracketed(shift.difference, labels, rupiah=True),
            )
        )
    return tuple(cells)
