"""The indicator register: every indicator with its figures per year and its achievement (capaian)."""

from __future__ import annotations

from dataclasses import dataclass

from pohon.core.vocabulary import AchievementFormula, Polarity
from pohon.render.reports.figures import achievement, format_figure, format_percent, formula_of
from pohon.render.reports.register_notes import budget_lines, notes_of
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
    formula: str | None = None  # the indicator's own capaian formula, where it differs
    end_target: str = ""  # the end-of-period target (`akhir`), when the register shows them
    budget: tuple[str, ...] = ()  # "2024: Rp …" per year, on the first entry of its node only
    notes: tuple[str, ...] = ()  # the indicator's and the node's `catatan` and `tag`


@dataclass(frozen=True)
class Register:
    years: tuple[int, ...]
    entries: tuple[RegisterEntry, ...]
    indicators: int
    without_targets: int
    without_indicators: int
    intro: str = ""  # how capaian is computed, as the project chose
    end_target: str | None = None  # the end-of-period column's heading, if any target has one
    budget: bool = False  # some node states a pagu: the register has a pagu column
    notes: bool = False  # some node or indicator has a `catatan` or `tag`: a notes column


def build_register(
    tree: Tree,
    labels: Labels,
    views: Views | None = None,
    lower_is_better: AchievementFormula = AchievementFormula.KEBALIKAN,
) -> Register:
    """`lower_is_better`: the project's capaian formula for `turun` indicators (pohon.toml)."""
    views = views or Views(tree, labels)
    years = views.years
    entries: list[RegisterEntry] = []
    for node in tree.walk():
        view = views.node(node)
        budget = budget_lines(node, years, labels, views.pagu)
        if not node.indicators:
            entries.append(
                RegisterEntry(
                    len(entries) + 1,
                    view,
                    None,
                    (),
                    labels["no_indicator"],
                    budget=budget,
                    notes=notes_of(node, None, labels),
                )
            )
        for index, (indicator, shown) in enumerate(
            zip(node.indicators, view.indicators, strict=True)
        ):
            formula = formula_of(indicator, lower_is_better)
            records = tuple(_record(indicator, year, labels, formula) for year in years)
            entries.append(
                RegisterEntry(
                    len(entries) + 1,
                    view,
                    shown,
                    records,
                    None if shown.has_targets else labels["no_target"],
                    _own_formula(indicator, lower_is_better, labels),
                    format_figure(indicator.end_target, labels.lang, labels["none"]),
                    budget=() if index else budget,
                    notes=notes_of(node, indicator, labels, first=not index),
                )
            )
    measured = [e for e in entries if e.indicator]
    return Register(
        years=years,
        entries=tuple(entries),
        indicators=len(measured),
        without_targets=sum(1 for e in measured if e.note),
        without_indicators=len(entries) - len(measured),
        intro=labels[_INTRO.get(lower_is_better, "register_intro")],
        end_target=labels["end_target"] if _any_end_target(tree) else None,
        budget=any(node.budget for node in tree.walk()),
        notes=any(entry.notes for entry in entries),
    )


_INTRO = {AchievementFormula.SELISIH: "register_intro_selisih"}  # else "register_intro"


def _any_end_target(tree: Tree) -> bool:
    return any(i.end_target is not None for node in tree.walk() for i in node.indicators)


def _own_formula(
    indicator: Indicator, lower_is_better: AchievementFormula, labels: Labels
) -> str | None:
    """The indicator's `rumus_capaian` in words, when it is not what the register's intro says."""
    usual = lower_is_better if indicator.polarity is Polarity.TURUN else AchievementFormula.RASIO
    if indicator.formula is None or indicator.formula is usual:
        return None
    return labels[f"formula_{indicator.formula.value}"]


def _record(
    indicator: Indicator, year: int, labels: Labels, formula: AchievementFormula
) -> YearRecord:
    none = labels["none"]
    target = indicator.targets.get(year)
    realisation = indicator.realisations.get(year)
    result = achievement(target, realisation, formula)
    if result is None:
        shown = none
    elif result.percent is None:
        shown = labels[result.reason or "not_computable"]
    else:
        shown = format_percent(result.percent, labels.lang)
    return YearRecord(
        year,
        format_figure(target, labels.lang, none),
        format_figure(realisation, labels.lang, none),
        shown,
    )
