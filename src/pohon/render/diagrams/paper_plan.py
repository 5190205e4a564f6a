"""The printed set: the pages split further, level by level, until each prints readably on its paper.

A page whose drawing would shrink its smallest text below paper.MIN_TEXT_PT to fit the
sheet is cut one level higher (split.cut_at), and again, until the shorter page fits or
only its top boxes and the level under them are left; the boxes cut off become linked
pages of their own, which are fitted the same way. A page that is one box with many
children (a fan-out) cannot be cut by level and is scaled to fit. Only the PDFs follow
this plan: the screen formats (SVG, PNG) keep their pages, which zoom instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pohon.core.vocabulary import PaperChoice
from pohon.render.diagrams.pages import Plan
from pohon.render.diagrams.paper import readable
from pohon.render.diagrams.split import Title, cut_at, depth, with_parents
from pohon.render.diagrams.svg_paint import paint


@dataclass(frozen=True)
class Size:
    """A drawn page: its size in points and its smallest text."""

    width: float
    height: float
    smallest_text: float

    def readable(self, paper: PaperChoice) -> bool:
        return readable(self.width, self.height, self.smallest_text, paper)


def measured(svg: bytes) -> Size:
    drawing = paint(svg)
    return Size(drawing.width, drawing.height, drawing.smallest_text)


Measure = Callable[[list[Plan]], list[Size]]
"""The drawn size of each page (an engine call each, run side by side)."""


def paper_plans(plans: list[Plan], measure: Measure, paper: PaperChoice, title: Title) -> list[Plan]:
    """Every page, each followed by the pages split off it for paper; back links updated."""
    result: list[Plan] = []
    for plan, size in zip(plans, measure(plans), strict=True):
        result += _fitted(plan, size, measure, paper, title)
    return with_parents(result)


def _fitted(plan: Plan, size: Size, measure: Measure, paper: PaperChoice, title: Title) -> list[Plan]:
    if size.readable(paper):
        return [plan]
    chosen = None
    for level in range(depth(plan) - 1, 0, -1):  # the deepest cut that fits keeps most together
        cut = cut_at(plan, level, title)
        if cut is None:
            continue
        chosen = cut
        if measure([cut[0]])[0].readable(paper):
            break
    if chosen is None:
        return [plan]
    shorter, below = chosen
    result = [shorter]
    for page, page_size in zip(below, measure(below), strict=True):
        result += _fitted(page, page_size, measure, paper, title)
    return result
