"""The matrix's figure columns: each indicator's satuan, baseline and targets, each item's pagu.

Kept apart from the matrix's shape (matrix.py: which node sits in which merged cell) so
that the columns added for figures and those added for nomenclature stay separate.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pohon.core.vocabulary import BUDGET_LEVELS, Level
from pohon.render.reports.figures import format_budget
from pohon.render.reports.views import IndicatorView
from pohon.render.reports.wording import Labels
from pohon.tree.budget import Pagu, add_rupiah
from pohon.tree.model import Node, Tree


@dataclass(frozen=True)
class IndicatorFigures:
    """One indicator's figures, one per column: satuan, baseline, each year's target, `akhir`."""

    unit: str
    baseline: str
    targets: tuple[str, ...]
    end: str


@dataclass(frozen=True)
class CellFigures:
    indicators: tuple[IndicatorFigures, ...]
    budget: tuple[str, ...]  # the node's pagu per year (its own, else its children's sum)


@dataclass(frozen=True)
class FigureColumns:
    """Which figure columns the matrix has: the years, an end-of-period column, pagu columns."""

    years: tuple[int, ...]
    end: bool  # some indicator has an `akhir` target
    budget: bool  # some node states a pagu: budget slots get a pagu column per year


NO_FIGURES = FigureColumns((), end=False, budget=False)


def figure_columns(tree: Tree, years: tuple[int, ...]) -> FigureColumns:
    nodes = list(tree.walk())
    return FigureColumns(
        years=years,
        end=any(i.end_target is not None for node in nodes for i in node.indicators),
        budget=any(node.budget for node in nodes),
    )


def has_budget(level: Level, columns: FigureColumns) -> bool:
    return columns.budget and level in BUDGET_LEVELS


def cell_figures(
    node: Node,
    shown: tuple[IndicatorView, ...],
    columns: FigureColumns,
    labels: Labels,
    amounts: Pagu,
) -> CellFigures:
    """`shown`: the node's indicator views, whose targets are the plan's years then `akhir`."""
    count = len(columns.years)
    indicators = tuple(
        IndicatorFigures(
            unit=view.unit,
            baseline=view.baseline,
            targets=tuple(t.text for t in view.targets[:count]),
            end=view.targets[count].text if len(view.targets) > count else labels["none"],
        )
        for view in shown
    )
    budget: tuple[str, ...] = ()
    if has_budget(node.level, columns):
        budget = tuple(rupiah_or_none(amounts.of(node, year), labels) for year in columns.years)
    return CellFigures(indicators, budget)


def rupiah_or_none(amount: Decimal | None, labels: Labels) -> str:
    if amount is None:
        return labels["none"]
    return format_budget(amount, labels.lang, labels["budget_prefix"])


def slot_totals(
    nodes: list[Node], columns: FigureColumns, labels: Labels, amounts: Pagu
) -> tuple[str, ...]:
    """The pagu of a budget column's nodes added up per year (each node once, however spanned)."""
    totals = []
    for year in columns.years:
        given = [amount for node in nodes if (amount := amounts.of(node, year)) is not None]
        totals.append(rupiah_or_none(add_rupiah(given) if given else None, labels))
    return tuple(totals)
