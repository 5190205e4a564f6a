"""Nodes and indicators as plain display values: what every report shows of them, in one language."""

from __future__ import annotations

from dataclasses import dataclass

from pohon.render.reports.figures import format_figure
from pohon.render.reports.wording import Labels
from pohon.tree.budget import Pagu
from pohon.tree.model import Indicator, Node, Tree


@dataclass(frozen=True)
class YearFigure:
    year: int | str  # a year, or the word for the end of the period (`akhir`)
    text: str


@dataclass(frozen=True)
class IndicatorView:
    name: str
    unit: str
    type: str
    polarity: str
    baseline: str
    targets: tuple[YearFigure, ...]
    has_targets: bool


@dataclass(frozen=True)
class NodeView:
    id: str
    level: str
    level_label: str
    statement: str
    name: str | None
    code: str | None
    position: str | None
    indicators: tuple[IndicatorView, ...]
    official_name: str | None = None
    """The nomenclature's name of the node's code, where the node is named otherwise."""


def plan_years(tree: Tree) -> tuple[int, ...]:
    """The plan period's years, plus any year the data gives a figure for (so none is hidden)."""
    years = set(tree.meta.period.years())
    for node in tree.walk():
        for indicator in node.indicators:
            years.update(indicator.targets, indicator.realisations)
    return tuple(sorted(years))


def indicator_view(indicator: Indicator, years: tuple[int, ...], labels: Labels) -> IndicatorView:
    none = labels["none"]
    targets = [
        YearFigure(year, format_figure(indicator.targets.get(year), labels.lang, none))
        for year in years
    ]
    if indicator.end_target is not None:
        end = format_figure(indicator.end_target, labels.lang, none)
        targets.append(YearFigure(labels["end_short"], end))
    return IndicatorView(
        name=indicator.name,
        unit=indicator.unit or none,
        type=labels.indicator_type(indicator.type),
        polarity=labels.polarity(indicator.polarity),
        baseline=format_figure(indicator.baseline, labels.lang, none),
        targets=tuple(targets),
        has_targets=bool(indicator.targets) or indicator.end_target is not None,
    )


def node_view(
    node: Node, tree: Tree, years: tuple[int, ...], labels: Labels, official: str | None = None
) -> NodeView:
    position = tree.positions.get(node.position) if node.position else None
    return NodeView(
        id=node.id,
        level=node.level.value,
        level_label=labels.level(node.level),
        statement=node.statement or labels["none"],  # a budget item the source states nothing for
        name=node.name,
        code=node.code,
        position=position.title if position else node.position,
        indicators=tuple(indicator_view(i, years, labels) for i in node.indicators),
        official_name=official,
    )


class Views:
    """Each node's view of one tree, worked out once: the matrix, the register and every
    annex show the same nodes, and building a view (its indicators' figures for every
    year) is most of what building a report's rows costs."""

    def __init__(self, tree: Tree, labels: Labels, official: dict[int, str] | None = None) -> None:
        self.tree, self.labels = tree, labels
        self.years = plan_years(tree)
        self.official = official or {}
        """Official names of the budget items named otherwise, by id() of the node."""
        self.pagu = Pagu(tree)
        self._made: dict[int, NodeView] = {}

    def node(self, node: Node) -> NodeView:
        view = self._made.get(id(node))
        if view is None:
            official = self.official.get(id(node))
            view = node_view(node, self.tree, self.years, self.labels, official)
            self._made[id(node)] = view
        return view
