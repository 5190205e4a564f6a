"""Renstra table T-C.27 (Permendagri 86/2017): programs, kegiatan and sub kegiatan with their funding.

Twenty columns for a five-year plan (two more for each further year): tujuan, sasaran,
kode, the budget item, its indicator, the data capaian at the start of the plan (the
baseline, else the first year's realisation), target and Rp for each year, the kondisi
kinerja at the end (the `akhir` target, else the last year's; the Rp of all the years),
the responsible unit (the position of the item or the nearest node above it) and lokasi
(the item's, else the nearest above, else `meta.lokasi`). One row per indicator; what
belongs to a node is a merged cell over its rows, as in the Matriks Cascading.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pohon.core.vocabulary import BUDGET_LEVELS, Level
from pohon.render.reports.figures import format_figure
from pohon.render.reports.matrix_figures import rupiah_or_none
from pohon.render.reports.spans import Span, rowspans
from pohon.render.reports.wording import Labels
from pohon.tree.budget import Pagu, add_rupiah
from pohon.tree.model import Indicator, Node, Tree


@dataclass(frozen=True)
class YearPlan:
    target: str
    budget: Span  # the item's pagu that year, over its indicator rows


@dataclass(frozen=True)
class FundingRow:
    level: str
    goal: Span
    objective: Span
    code: Span
    item: Span
    indicator: str
    start: str
    years: tuple[YearPlan, ...]
    end_target: str
    end_budget: Span
    unit: Span
    location: Span


@dataclass(frozen=True)
class FundingTable:
    years: tuple[int, ...]
    numbers: tuple[str, ...]  # the column-number row: (1) … (20)
    rows: tuple[FundingRow, ...]
    totals: tuple[str, ...]  # the OPD's pagu per year
    total_end: str  # the OPD's pagu over the period


@dataclass(frozen=True)
class _Line:
    goal: Node | None
    objective: Node | None
    node: Node
    indicator: Indicator | None


def build_funding(tree: Tree, labels: Labels, amounts: Pagu | None = None) -> FundingTable:
    years = tuple(tree.meta.period.years())
    amounts = amounts or Pagu(tree)
    above = _Above(tree)
    lines = [
        _Line(above.nearest(node, Level.TUJUAN_OPD), above.objective(node), node, indicator)
        for node in tree.walk()
        if node.level in BUDGET_LEVELS
        for indicator in _measured(node)
    ]
    goal_keys = [id(line.goal) for line in lines]
    objective_keys = [(g, id(line.objective)) for g, line in zip(goal_keys, lines, strict=True)]
    node_keys = [(o, id(line.node)) for o, line in zip(objective_keys, lines, strict=True)]
    spans = zip(rowspans(goal_keys), rowspans(objective_keys), rowspans(node_keys), strict=True)
    rows = tuple(
        _Row(above, years, labels, amounts).build(line, *span)
        for line, span in zip(lines, spans, strict=True)
    )
    totals = [amounts.opd(year) for year in years]
    given = [amount for amount in totals if amount is not None]
    return FundingTable(
        years=years,
        numbers=tuple(f"({n})" for n in range(1, 11 + 2 * len(years))),
        rows=rows,
        totals=tuple(rupiah_or_none(amount, labels) for amount in totals),
        total_end=rupiah_or_none(add_rupiah(given) if given else None, labels),
    )


class _Above:
    """What a budget item takes from the nodes above it: tujuan, sasaran, unit, lokasi."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self.parents = tree.parents()

    def chain(self, node: Node) -> list[Node]:
        """The node and those above it, nearest first."""
        chain = [node]
        while (parent := self.parents.get(id(chain[-1]))) is not None:
            chain.append(parent)
        return chain

    def nearest(self, node: Node, level: Level) -> Node | None:
        return next((n for n in self.chain(node) if n.level is level), None)

    def objective(self, node: Node) -> Node | None:
        return self.nearest(node, Level.SASARAN_STRATEGIS) or self.nearest(
            node, Level.SASARAN_ANTARA
        )

    def unit(self, node: Node) -> str | None:
        position = next((n.position for n in self.chain(node) if n.position), None)
        if position is None:
            return None
        found = self.tree.positions.get(position)
        return found.title if found else position

    def location(self, node: Node) -> str | None:
        own = next((n.location for n in self.chain(node) if n.location), None)
        return own or self.tree.meta.location


class _Row:
    def __init__(
        self, above: _Above, years: tuple[int, ...], labels: Labels, amounts: Pagu
    ) -> None:
        self.above, self.years, self.labels, self.amounts = above, years, labels, amounts

    def build(self, line: _Line, goal: int, objective: int, item: int) -> FundingRow:
        none, lang = self.labels["none"], self.labels.lang
        node, indicator = line.node, line.indicator
        targets = [
            format_figure(indicator.targets.get(y) if indicator else None, lang, none)
            for y in self.years
        ]
        amounts = [self.amounts.of(node, year) for year in self.years]
        given = [amount for amount in amounts if amount is not None]
        return FundingRow(
            level=node.level.value,
            goal=Span(_statement(line.goal, none), goal),
            objective=Span(_statement(line.objective, none), objective),
            code=Span(node.code or none, item),
            item=Span(node.name or node.statement or none, item),
            indicator=indicator.name if indicator else self.labels["no_indicator"],
            start=self.start(indicator),
            years=tuple(
                YearPlan(t, Span(self.rupiah(a), item))
                for t, a in zip(targets, amounts, strict=True)
            ),
            end_target=self.end(indicator, targets),
            end_budget=Span(self.rupiah(add_rupiah(given) if given else None), item),
            unit=Span(self.above.unit(node) or none, item),
            location=Span(self.above.location(node) or none, item),
        )

    def rupiah(self, amount: Decimal | None) -> str:
        return rupiah_or_none(amount, self.labels)

    def start(self, indicator: Indicator | None) -> str:
        none = self.labels["none"]
        if indicator is None:
            return none
        first = indicator.realisations.get(self.years[0]) if self.years else None
        start = indicator.baseline if indicator.baseline is not None else first
        return format_figure(start, self.labels.lang, none)

    def end(self, indicator: Indicator | None, targets: list[str]) -> str:
        if indicator is not None and indicator.end_target is not None:
            return format_figure(indicator.end_target, self.labels.lang, self.labels["none"])
        return targets[-1] if targets else self.labels["none"]


def _measured(node: Node) -> list[Indicator | None]:
    """A node's indicators; an item without any still gets its row."""
    return list(node.indicators) or [None]


def _statement(node: Node | None, none: str) -> str:
    return (node.statement or node.name or none) if node else none
