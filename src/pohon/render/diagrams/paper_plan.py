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
from dataclasses import dataclass, replace

from pohon.core.vocabulary import PaperChoice
from pohon.render.diagrams.drawn import collect
from pohon.render.diagrams.pages import Plan
from pohon.render.diagrams.paper import readable
from pohon.render.diagrams.split import Title, cut_at, depth, with_parents
from pohon.render.diagrams.style import word
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


@dataclass(frozen=True)
class _Paper:
    paper: PaperChoice
    measure: Measure
    title: Title
    lang: str

    def readable(self, plan: Plan) -> bool:
        return self.measure([plan])[0].readable(self.paper)


def paper_plans(
    plans: list[Plan], measure: Measure, paper: PaperChoice, title: Title, lang: str
) -> list[Plan]:
    """Every page, each followed by the pages split off it for paper; back links updated."""
    how = _Paper(paper, measure, title, lang)
    result: list[Plan] = []
    for plan, size in zip(plans, measure(plans), strict=True):
        result += _fitted(plan, size, how)
    return with_parents(result)


def _fitted(plan: Plan, size: Size, how: _Paper) -> list[Plan]:
    """The page and the pages cut off it for paper, each before those cut off it.

    A stack, not recursion: a deep tree's pages may each be cut again, thousands deep.
    """
    result: list[Plan] = []
    stack = [(plan, size)]
    while stack:
        kept, below = _fitted_once(*stack.pop(), how)
        result += kept
        stack += reversed(list(zip(below, how.measure(below), strict=True)))
    return result


def _fitted_once(plan: Plan, size: Size, how: _Paper) -> tuple[list[Plan], list[Plan]]:
    """The page as it is when it prints readably; else cut by level, then in parts; and the
    pages cut off it, to fit in turn."""
    if size.readable(how.paper):
        return [plan], []
    shorter, fits = plan, False
    below: list[Plan] = []
    for level in range(depth(plan) - 1, 0, -1):  # the deepest cut that fits keeps most together
        cut = cut_at(plan, level, how.title)
        if cut is not None:
            (shorter, below), fits = cut, how.readable(cut[0])
            if fits:
                break
    return ([shorter] if fits else _parts(shorter, how)), below


def _parts(plan: Plan, how: _Paper) -> list[Plan]:
    """The page in parts, each with its top box and the next few of the boxes under it (or,
    with several top boxes, the next few of them), as many as print readably, each part
    linking to the next; the page as it is when it cannot be cut."""
    roots = plan.roots
    count = len(collect(plan).children(roots[0])) if len(roots) == 1 else len(roots)
    if count < 2 or plan.part is not None:
        return [plan]
    each = count
    for pieces in range(2, count + 1):
        each = -(-count // pieces)  # ceiling division
        if how.readable(_part(plan, 0, each, 1, pieces, how)):
            break
    ranges, start = [], 0
    while start < count:  # boxes differ in height: a later part may hold fewer
        size = min(each, count - start)
        while start and size > 1 and not how.readable(_part(plan, start, start + size, 2, 2, how)):
            size -= 1
        ranges.append((start, start + size))
        start += size
    parts = [_part(plan, a, b, n, len(ranges), how) for n, (a, b) in enumerate(ranges, start=1)]
    return [
        replace(part, following=parts[n].page.path if n < len(parts) else None)
        for n, part in enumerate(parts, start=1)
    ]  # fmt: skip


def _part(plan: Plan, start: int, stop: int, number: int, count: int, how: _Paper) -> Plan:
    """Part `number` of `count`: the first keeps the page's path, the others add `~number`
    (node ids never hold `~`, so no other page is named so)."""
    path = plan.page.path if number == 1 else f"{plan.page.path}~{number}"
    title = f"{plan.page.title} ({word('part', how.lang).format(n=number, m=count)})"
    page = replace(plan.page, title=title, path=path)
    # Measured with a link to a next part, as all but the last have: none is taller drawn.
    return replace(plan, page=page, part=(start, stop), following=plan.page.path)
