"""Split a page with more boxes than the budget into a shorter page and linked pages below it.

The page keeps its nodes down to the deepest level that still fits the budget; each node
of that level with children on the page becomes a link to a page of its own, which shows
its subtree (and is split again if it too is over budget). So a program with many kegiatan
gets one page per kegiatan, and an overview with many programs one page per sasaran above
them. Every node is still drawn on some page.

A page over budget only because one node has very many children (a fan-out) cannot be
cut by level: it is drawn as it is while its top two levels hold at most
`limits.MAX_PAGE_BOXES` boxes (the engine draws that in seconds); a wider fan-out is drawn
in parts of at most the budget each, `<page>+2`, `<page>+3`…, linked to each other.

The work is linear in the tree: a page is looked at level by level only down to the level
that passes the budget, pages are split from a list rather than by recursion (a chain may
be 20,000 deep), and split-off pages nest at most `NESTING` folders deep.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import replace

from pohon.core.vocabulary import Level
from pohon.render.diagrams.drawn import collect
from pohon.render.diagrams.pages import ROOTS, DiagramPage, Plan, Shown, _file_names
from pohon.source import limits
from pohon.tree.model import Node

Title = Callable[[Plan, Node], str]
NESTING = 4
"""Folders below a view's folder that split-off pages may nest in; deeper ones go beside
their page (a chain of 20,000 nodes would otherwise pass the system's longest path)."""


def split_all(plans: list[Plan], budget: int, title: Title) -> list[Plan]:
    """Every plan, each followed by the pages split off it; back links to the page that links."""
    splitter = _Splitter(min(budget, limits.MAX_PAGE_BOXES), title)
    result: list[Plan] = []
    for plan in plans:
        result += splitter.split(plan)
    return with_parents(result)


def depth(plan: Plan) -> int:
    """How many levels below its top boxes the page draws (0: the top boxes alone)."""
    return len(_levels(plan, None)) - 1


def cut_at(plan: Plan, level: int, title: Title) -> tuple[Plan, list[Plan]] | None:
    """The page drawn down to `level`, its boxes there with children linked to pages of
    their own (returned after it, not split further); None when nothing there has children."""
    levels = [list(plan.roots)]
    while len(levels) <= level and levels[-1]:
        levels.append(_next_level(plan, levels[-1]))
    return (
        _Splitter(limits.MAX_PAGE_BOXES, title).cut(plan, levels[level])
        if len(levels) > level
        else None
    )


class _Splitter:
    def __init__(self, budget: int, title: Title) -> None:
        self.budget, self.title = budget, title
        self.used: dict[str, set[str]] = {}  # folder -> the page names made in it (lower case)

    def split(self, plan: Plan) -> list[Plan]:
        """The plan and every page split off it, each page before those split off it."""
        result: list[Plan] = []
        stack = [plan]
        while stack:
            kept, below = self.split_once(stack.pop())
            if kept is not None:
                result.append(kept)
            stack += reversed(below)
        return result

    def split_once(self, plan: Plan) -> tuple[Plan | None, list[Plan]]:
        """The page to draw (None: drawn in parts) and the pages to split next, in order."""
        levels = _levels(plan, self.budget)
        if sum(map(len, levels)) <= self.budget:
            return plan, []
        if len(levels[0]) + _below_count(plan, levels[0]) > limits.MAX_PAGE_BOXES:
            return None, self.parts(plan)
        level = max(len(levels) - 2, 1)  # the deepest level that fits, at least the second
        if len(levels) <= level:
            levels.append(_next_level(plan, levels[-1]))
        cut = self.cut(plan, levels[level])
        return (plan, []) if cut is None else cut

    def cut(self, plan: Plan, level: list[Node]) -> tuple[Plan, list[Plan]] | None:
        """The page with the boxes of `level` that have children there linked to pages of
        their own (returned after it, not split further); None when none has children."""
        cut = [node for node in level if _children(plan, node)]
        if not cut:
            return None
        folder, taken = self.folder(plan)
        names = _file_names([node.id for node in cut], taken)
        taken.update(name.lower() for name in names)
        paths = {id(node): f"{folder}/{name}" for node, name in zip(cut, names, strict=True)}
        shorter = replace(plan, targets={**plan.targets, **paths})
        below = []
        for node in cut:
            page = DiagramPage(plan.page.view, node.id, self.title(plan, node), paths[id(node)])
            below.append(Plan(page, (node,), plan.targets, plan.page.path))
        return shorter, below

    def folder(self, plan: Plan) -> tuple[str, set[str]]:
        """Where the split-off pages go, and the file names already used there.

        Below a page, in a folder named after it; below the overview, beside the program
        pages (its own folder), with names that stay clear of theirs; past `NESTING`
        folders, beside the page itself.
        """
        path = plan.page.path
        if plan.page.scope is None:
            taken = self.used.setdefault(path, set())
            taken.update(
                posixpath.basename(target).lower()
                for target in plan.targets.values()
                if posixpath.dirname(target) == path
            )
            return path, taken
        folder = path if path.count("/") <= NESTING else posixpath.dirname(path)
        return folder, self.used.setdefault(folder, set())

    def parts(self, plan: Plan) -> list[Plan]:
        """The page drawn in parts of at most the budget, its roots and their children in turn."""
        groups = _groups(plan, self.budget)
        pages = [
            replace(
                plan.page,
                title=f"{plan.page.title} ({number}/{len(groups)})",
                path=plan.page.path if number == 1 else f"{plan.page.path}+{number}",
                part=number,
                parts=len(groups),
            )
            for number in range(1, len(groups) + 1)
        ]
        paths = [page.path for page in pages]
        return [
            replace(
                plan,
                page=page,
                roots=roots,
                shown=shown,
                previous_part=paths[number - 1] if number else None,
                next_part=paths[number + 1] if number + 1 < len(paths) else None,
            )
            for number, (page, (roots, shown)) in enumerate(zip(pages, groups, strict=True))
        ]


def _children(plan: Plan, node: Node) -> list[Node]:
    """The node's children drawn on the page: none if it is a link, else those it shows."""
    if id(node) in plan.targets:
        return []
    shown = plan.shown.get(id(node))
    return node.children if shown is None else node.children[shown.start : shown.stop]


def _next_level(plan: Plan, nodes: list[Node]) -> list[Node]:
    return [child for node in nodes for child in _children(plan, node)]


def _below_count(plan: Plan, nodes: list[Node]) -> int:
    return sum(len(_children(plan, node)) for node in nodes)


def _levels(plan: Plan, budget: int | None) -> list[list[Node]]:
    """The page's nodes level by level (each in YAML order), down to the first level that
    brings the count past `budget` (None: every level): what is below it is not looked at."""
    levels = [list(plan.roots)]
    count = len(plan.roots)
    while budget is None or count <= budget:
        below = _next_level(plan, levels[-1])
        if not below:
            break
        levels.append(below)
        count += len(below)
    return levels


Group = tuple[tuple[Node, ...], dict[int, Shown]]


def _groups(plan: Plan, budget: int) -> list[Group]:
    """The roots and their children in runs of at most `budget` boxes, in order; a root with
    more children than fit is drawn in each of its runs, with a share of its children."""
    groups: list[Group] = []
    roots: list[Node] = []
    shown: dict[int, Shown] = {}
    size = 0
    seen: dict[Level, int] = {}  # the levels of the roots before the current run

    def close() -> None:
        nonlocal roots, shown, size
        if roots:
            groups.append((tuple(roots), shown))
        roots, shown, size = [], {}, 0

    for root in plan.roots:
        children = _children(plan, root)
        if size + 1 + len(children) > budget:
            close()
        if not roots:
            shown[ROOTS] = Shown(0, 0, tuple(seen.items()))
        if 1 + len(children) <= budget:
            roots.append(root)
            size += 1 + len(children)
        else:
            for start, stop, before in _runs(children, max(budget - 1, 1)):
                close()
                shown = {
                    ROOTS: Shown(0, 0, tuple(seen.items())),
                    id(root): Shown(start, stop, before),
                }
                roots, size = [root], 1 + stop - start
        seen[root.level] = seen.get(root.level, 0) + 1
    close()
    return groups


def _runs(children: list[Node], size: int) -> list[tuple[int, int, tuple[tuple[Level, int], ...]]]:
    """Runs of `size` children: start, stop, and the levels counted before each run."""
    runs = []
    counts: dict[Level, int] = {}
    for start in range(0, len(children), size):
        runs.append((start, min(start + size, len(children)), tuple(counts.items())))
        for child in children[start : start + size]:
            counts[child.level] = counts.get(child.level, 0) + 1
    return runs


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
