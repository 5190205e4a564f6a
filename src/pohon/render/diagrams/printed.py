"""The PDF files of a tree: its pages fitted to paper, each with the title block of its sheet."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pohon.render.diagrams.box_figures import figure_choice
from pohon.render.diagrams.dot import build
from pohon.render.diagrams.link_counts import counts_below
from pohon.render.diagrams.outputs import Drawing, Pool
from pohon.render.diagrams.pages import Plan, titler
from pohon.render.diagrams.paper_plan import Size, measured, paper_plans
from pohon.render.diagrams.pdf import Sheet
from pohon.render.diagrams.style import word

if TYPE_CHECKING:
    from pohon.render.diagrams.engines import Engine
    from pohon.render.options import RenderOptions
    from pohon.tree.model import Tree


def printed_drawings(
    tree: Tree,
    pages: Sequence[Plan],
    options: RenderOptions,
    engine: Engine,
    pool: Pool,
    svgs: dict[str, bytes],
) -> list[Drawing]:
    """One PDF per page of the printed set; `svgs` keeps each page's SVG drawn to measure it."""
    parents, below = tree.parents(), counts_below(tree)
    figures = figure_choice(tree, options)

    def measure(batch: list[Plan]) -> list[Size]:
        sources = [
            build(tree, plan, options.lang, parents, below, printed=True, figures=figures)
            for plan in batch
        ]
        futures = [pool.submit(functools.partial(engine.run, source, "svg")) for source in sources]
        for source, future in zip(sources, futures, strict=True):
            svgs[source] = future.result()
        return [measured(svgs[source]) for source in sources]

    printed = paper_plans(list(pages), measure, options.paper, titler(options.lang), options.lang)
    counts = {view: sum(1 for p in printed if p.page.view == view) for view in _views(printed)}
    seen: dict[str, int] = {}
    found = []
    for plan in printed:
        view = plan.page.view
        seen[view] = seen.get(view, 0) + 1
        number = word("sheet", options.lang).format(n=seen[view], m=counts[view])
        sheet = Sheet(options.paper, _heading(tree, plan), _detail(tree, options.lang), number)
        source = build(tree, plan, options.lang, parents, below, printed=True, figures=figures)
        found.append(Drawing(f"{plan.page.path}.pdf", source, "pdf", sheet))
    return found


def _views(plans: list[Plan]) -> list[str]:
    return list(dict.fromkeys(plan.page.view for plan in plans))


def _heading(tree: Tree, plan: Plan) -> str:
    """The agency and the page's own title (an overview's title names the agency already)."""
    return plan.page.title if plan.page.scope is None else f"{tree.meta.opd} — {plan.page.title}"


def _detail(tree: Tree, lang: str) -> str:
    period = tree.meta.period
    return f"{tree.meta.pemda} · {word('period', lang)} {period.start}–{period.end}"
