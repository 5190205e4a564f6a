"""The indicator register: every indicator with its figures per year and its achievement (capaian)."""

from __future__ import annotations

from dataclasses import dataclass

from pohon.render.reports.figures import achievement, format_figure, format_number
from pohon.render.reports.views import IndicatorView, NodeView, Views
from pohon.render.reports.wording import Labels
from pohon.tree.model import Indicator, Tree


@dataclass(frozen=True)
class YearRecord:
    year: int
    target: str
    realisation: str
    achievement: str


@dataclass(frozen=True)
class RegisterEntry:
    """One indicator of one node; a node without indicators gets one entry with `indicator` None."""

    number: int
    node: NodeView
    indicator: IndicatorView | None
    years: tuple[YearRecord, ...]
    note: str | None


@dataclass(frozen=True)
class Register:
    years: tuple[int, ...]
    entries: tuple[RegisterEntry, ...]
    indicators: int
    without_targets: int
    without_indicators: int


def build_register(tree: Tree, labels: Labels, views: Views | None = None) -> Register:
    views = views or Views(tree, labels)
    years = views.years
    entries: list[RegisterEntry] = []
    for node in tree.walk():
        view = views.node(node)
        if not node.indicators:
            entries.append(RegisterEntry(len(entries) + 1, view, None, (), labels["no_indicator"]))
        for indicator, shown in zip(node.indicators, view.indicators, strict=True):
            records = tuple(_record(indicator, year, labels) for year in years)
            note = None if indicator.targets else labels["no_target"]
            entries.append(RegisterEntry(len(entries) + 1, view, shown, records, note))
    measured = [e for e in entries if e.indicator]
    return Register(
        years=years,
        entries=tuple(entries),
        indicators=len(measured),
        without_targets=sum(1 for e in measured if e.note),
        without_indicators=len(entries) - len(measured),
    )


def _record(indicator: Indicator, year: int, labels: Labels) -> YearRecord:
    none = labels["none"]
    target = indicator.targets.get(year)
    realisation = indicator.realisations.get(year)
    result = achievement(target, realisation, indicator.polarity)
    if result is None:
        shown = none
    elif result.percent is None:
        shown = labels[result.reason or "not_computable"]
    else:
        shown = f"{format_number(result.percent, labels.lang, decimals=2)} %"
    return YearRecord(
        year,
        format_figure(target, labels.lang, none),
        format_figure(realisation, labels.lang, none),
        shown,
    )
