"""The Cascading Kinerja and Pohon Kinerja diagrams of a tree: DOT built here, drawn by Graphviz.

`pages()` lists every page (the overview down to the programs, then one page per
program, for each view); `render_diagrams()` returns their files as bytes, keyed by
their path relative to the tree's output folder (e.g. `diagram/cascading.svg`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pohon.render.diagrams.pages import DiagramPage, plans

if TYPE_CHECKING:
    from pohon.render.options import RenderOptions
    from pohon.tree.model import Tree

__all__ = ["DiagramPage", "pages", "render_diagrams"]


def pages(tree: Tree, options: RenderOptions) -> list[DiagramPage]:
    """Every diagram page of the tree, in the order they are rendered."""
    return [
        plan.page for plan in plans(tree, options.root, options.lang, options.max_nodes_per_page)
    ]


def render_diagrams(tree: Tree, options: RenderOptions) -> dict[str, bytes]:
    """Every diagram file of the tree, keyed by its path relative to the tree's folder."""
    from pohon.render.diagrams.outputs import render_all

    return render_all(tree, options)
