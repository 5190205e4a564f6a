"""Split a page with more boxes than the budget into a shorter page and linked pages below it.

The page keeps its nodes down to the deepest level that still fits the budget; each node
of that level with children on the page becomes a link to a page of its own, which shows
its subtree (and is split again if it too is over budget). So a program with many kegiatan
gets one page per kegiatan, and an overview with many programs one page per sasaran above
them. Every node is still drawn on some page. A page that is over budget only because one
node has very many children (a fan-out) cannot be cut by level and is drawn as it is.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import replace

from pohon.render.diagrams.drawn import Drawn, collect
from pohon.render.diagrams.pages import DiagramPage, Plan, _file_names
from pohon.tree.model import Node

Title = Callable[[Plan, Node], str]


def split_all(plans: list[Plan], budget: int, title: Title) -> list[Plan]:
    """Every plan, each followed by the pages split off it; back links to the page that links."""
    result: list[Plan] = []
    for plan in plans:
        result += _split(plan, budget, title)
    return with_parents(result)


def _split(plan: Plan, budget: int, title: Title) -> list[Plan]:
    drawn = collect(plan)
    if len(drawn.nodes) <= budget:
        return [plan]
    depths = _depths(drawn)
    cut = cut_at(plan, _deepest_fitting(list(depths.values()), budget), title)
    if cut is None:
        return [plan]
    shorter, below = cut
    result = [shorter]
    for page in below:
        result += _split(page, budget, title)
    return result


def depth(plan: Plan) -> int:
    """How many levels below its top boxes the page draws (0: the top boxes alone)."""
    return max(_depths(collect(plan)).values(), default=0)


def cut_at(plan: Plan, level: int, title: Title) -> tuple[Plan, list[Plan]] | None:
    """The page drawn down to `level`, its boxes there with children linked to pages of
    their own (returned after it, not split further); None when nothing there has children."""
    drawn = collect(plan)
    depths = _depths(drawn)
    cut = [n for n in drawn.nodes if depths[id(n)] == level and drawn.children(n)]
    if not cut:
        return None
    folder, taken = _folder(plan)
    names = _file_names([node.id for node in cut], taken)
    paths = {id(node): f"{folder}/{name}" for node, name in zip(cut, names, strict=True)}
    shorter = replace(plan, targets={**plan.targets, **paths})
    below = []
    for node in cut:
        page = DiagramPage(plan.page.view, node.id, title(plan, node), paths[id(node)])
        below.append(Plan(page, (node,), plan.targets, plan.page.path))
    return shorter, below


def _depths(drawn: Drawn) -> dict[int, int]:
    depths: dict[int, int] = {}
    for node in drawn.nodes:  # pre-order: a parent comes before its children
        parent = drawn.parent(node)
        depths[id(node)] = 0 if parent is None else depths[id(parent)] + 1
    return depths


def _deepest_fitting(depths: list[int], budget: int) -> int:
    """The deepest level whose nodes, with all above them, fit the budget; at least 1."""
    level, count = 0, 0
    for depth in range(max(depths) + 1):
        count += depths.count(depth)
        if count > budget:
            break
        level = depth
    return max(level, 1)


def _folder(plan: Plan) -> tuple[str, set[str]]:
    """Where the split-off pages go, and the file names already used there.

    Below a page, in a folder named after it; below the overview, beside the program
    pages (its own folder), with names that stay clear of theirs.
    """
    if plan.page.scope is not None:
        return plan.page.path, set()
    taken = {
        posixpath.basename(path).lower()
        for path in plan.targets.values()
        if posixpath.dirname(path) == plan.page.path
    }
    return plan.page.path, taken


def with_parents(plans: list[Plan]) -> list[Plan]:
    """Each page's back link leads to the page that shows the link to it."""
    parents: dict[str, str] = {}
    for plan in plans:
        for node in collect(plan).nodes:
            target = plan.targets.get(id(node))
            if target is not None:
                parents.setdefault(target, plan.page.path)
    return [
        replace(plan, parent=parents.get(plan.page.path, plan.parent))
        if plan.parent is not None
        else plan
        for plan in plans
    ]
