"""Renstra table T-C.25 (Permendagri 86/2017): the agency's tujuan and sasaran with their targets.

One row per indicator of a tujuan or sasaran strategis; the tujuan and the sasaran are
merged cells over their rows. Kondisi awal is the baseline, kondisi akhir the `akhir`
target, else the last year's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pohon.core.vocabulary import Level
from pohon.render.reports.figures import format_figure
from pohon.render.reports.spans import Span, rowspans
from pohon.render.reports.wording import Labels
from pohon.tree.model import Indicator, Node, Tree


@dataclass(frozen=True)
class GoalRow:
    number: Span
    goal: Span
    objective: Span  # empty text on the tujuan's own indicator rows
    indicator: str
    unit: str
    start: str  # kondisi awal
    targets: tuple[str, ...]
    end: str  # kondisi akhir


@dataclass(frozen=True)
class GoalsTable:
    years: tuple[int, ...]
    rows: tuple[GoalRow, ...]


_Line = tuple[Node | None, Node | None, Indicator | None, int]  # tujuan, sasaran, indicator, No


def build_goals(tree: Tree, labels: Labels) -> GoalsTable:
    years = tuple(tree.meta.period.years())
    lines: list[_Line] = []
    for number, (goal, objectives) in enumerate(_groups(tree), start=1):
        if goal is not None:
            lines += [(goal, None, i, number) for i in _measured(goal)]
        for objective in objectives:
            lines += [(goal, objective, i, number) for i in _measured(objective)]
    goal_spans = rowspans([id(goal) for goal, _, _, _ in lines])
    objective_spans = rowspans([(id(goal), id(obj)) for goal, obj, _, _ in lines])
    rows = [
        _row(line, goal_span, objective_span, years, labels)
        for line, goal_span, objective_span in zip(lines, goal_spans, objective_spans, strict=True)
    ]
    return GoalsTable(years, tuple(rows))


def _groups(tree: Tree) -> list[tuple[Node | None, list[Node]]]:
    """Each tujuan of the agency with its sasaran; a tree without tujuan lists its sasaran."""
    goals = [node for node in tree.walk() if node.level is Level.TUJUAN_OPD]
    if not goals:
        return [(None, _objectives(tree.walk()))] if _objectives(tree.walk()) else []
    return [(goal, _objectives(goal.walk())) for goal in goals]


def _objectives(nodes: Iterable[Node]) -> list[Node]:
    return [node for node in nodes if node.level is Level.SASARAN_STRATEGIS]


def _measured(node: Node) -> list[Indicator | None]:
    """A node's indicators; a node without any still gets its row."""
    return list(node.indicators) or [None]


def _row(
    line: _Line, goal_span: int, objective_span: int, years: tuple[int, ...], labels: Labels
) -> GoalRow:
    goal, objective, indicator, number = line
    none, lang = labels["none"], labels.lang
    targets = tuple(
        format_figure(indicator.targets.get(year) if indicator else None, lang, none)
        for year in years
    )
    end = indicator.end_target if indicator and indicator.end_target is not None else None
    return GoalRow(
        number=Span(str(number), goal_span),
        goal=Span(goal.statement or none if goal else none, goal_span),
        objective=Span(objective.statement or none if objective else "", objective_span),
        indicator=indicator.name if indicator else labels["no_indicator"],
        unit=(indicator.unit if indicator else None) or none,
        start=format_figure(indicator.baseline if indicator else None, lang, none),
        targets=targets,
        end=format_figure(end, lang, none) if end is not None else targets[-1] if targets else none,
    )
