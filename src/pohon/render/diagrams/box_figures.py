"""`--figures`: what a Cascading box prints of its figures for one year, besides its words.

Under each indicator its satuan and target (with realisation and capaian when recorded),
in a budget item its pagu (stated, else its children's sum), all for `--year` (else the
plan's first year). Without the option nothing here is called: the charts stay as they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pohon.core.vocabulary import BUDGET_LEVELS, AchievementFormula
from pohon.render.diagrams.style import word
from pohon.render.reports.figures import (
    achievement,
    format_budget,
    format_figure,
    format_percent,
    formula_of,
)
from pohon.tree.budget import pagu
from pohon.tree.model import Indicator, Node, Tree

if TYPE_CHECKING:
    from pohon.render.options import RenderOptions

_NONE = "–"
_PREFIX = {"id": "Rp", "en": "IDR"}


@dataclass(frozen=True)
class FigureChoice:
    year: int
    lower_is_better: AchievementFormula


@dataclass(frozen=True)
class BoxFigures:
    indicators: tuple[str, ...]  # one line per indicator, in its order
    budget: str | None  # the pagu line of a budget item


def figure_choice(tree: Tree, options: RenderOptions) -> FigureChoice | None:
    """The figures to print, or None without `--figures`."""
    if not options.figures:
        return None
    year = options.year if options.year is not None else tree.meta.period.start
    return FigureChoice(year, options.capaian_turun)


def box_figures(node: Node, choice: FigureChoice, lang: str) -> BoxFigures:
    lines = tuple(_indicator_line(i, choice, lang) for i in node.indicators)
    budget = None
    if node.level in BUDGET_LEVELS:
        amount = pagu(node, choice.year)
        shown = _NONE if amount is None else format_budget(amount, lang, _PREFIX[lang])
        budget = word("pagu", lang).format(year=choice.year, amount=shown)
    return BoxFigures(lines, budget)


def _indicator_line(indicator: Indicator, choice: FigureChoice, lang: str) -> str:
    target = indicator.targets.get(choice.year)
    line = word("figures", lang).format(
        unit=indicator.unit or _NONE, year=choice.year, target=format_figure(target, lang, _NONE)
    )
    reached = indicator.realisations.get(choice.year)
    if reached is None:
        return line
    result = achievement(target, reached, formula_of(indicator, choice.lower_is_better))
    percent = result.percent if result is not None else None
    shown = format_percent(percent, lang) if percent is not None else _NONE
    return line + word("reached", lang).format(
        value=format_figure(reached, lang, _NONE), achievement=shown
    )
