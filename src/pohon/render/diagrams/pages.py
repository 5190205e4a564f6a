"""Which pages a tree's diagrams have: an overview down to the programs, then one page per program.

A page with more boxes than the budget (`max_nodes_per_page`) is split further (split.py).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from pohon.core.errors import UsageError
from pohon.core.messages import _
from pohon.core.vocabulary import Level
from pohon.tree.model import Node, Tree

VIEWS = ("cascading", "pohon")
ROOTS = 0
"""The key of `Plan.shown` for the page's roots themselves (no id() is 0)."""
_TITLES = {
    "id": {"cascading": "Cascading Kinerja", "pohon": "Pohon Kinerja"},
    "en": {"cascading": "Performance cascade", "pohon": "Performance tree"},
}


@dataclass(frozen=True)
class DiagramPage:
    """One diagram page: what the reports link to. `path` is relative, without an extension."""

    view: str  # "cascading" or "pohon"
    scope: str | None  # None for the overview, else the program's (or --root's) node id
    title: str  # e.g. "Cascading Kinerja — PROGRAM PEMBERDAYAAN SOSIAL"
    path: str  # relative to the tree's folder, e.g. "diagram/cascading"
    part: int = 1  # a fan-out too wide for one page is drawn in parts (split.py)
    parts: int = 1


@dataclass(frozen=True)
class Shown:
    """The children of one node a page draws, when a fan-out is drawn in parts: `start` to
    `stop`, and how many siblings of each level come before `start` (the chart's numbers)."""

    start: int
    stop: int
    before: tuple[tuple[Level, int], ...] = ()


@dataclass(frozen=True)
class Plan:
    """A page and what it draws: its top nodes, where it stops, and its links to other pages."""

    page: DiagramPage
    roots: tuple[Node, ...]
    targets: dict[int, str]  # id() of a node drawn as a link, not opened here -> its page's path
    parent: str | None  # the path of the page that links here (None: the overview, --root)
    shown: Mapping[int, Shown] = field(default_factory=dict)  # id() -> the children drawn
    previous_part: str | None = None  # the part before this one of a fan-out drawn in parts
    next_part: str | None = None
    part: tuple[int, int] | None = None  # only these top boxes, or children of the one (paper_plan)
    following: str | None = None  # the path of the page with the next part (printed sheets)

    @property
    def next(self) -> str | None:
        """The page with the next part, relative to this page's folder."""
        return self._relative(self.following) if self.following is not None else None

    def link(self, node: Node) -> str | None:
        """Where the node's box leads, relative to this page's folder (None: drawn here in full)."""
        target = self.targets.get(id(node))
        return self._relative(target) if target is not None else None

    @property
    def back(self) -> str | None:
        """The page that links here, relative to this page's folder."""
        return self._relative(self.parent) if self.parent is not None else None

    def relative(self, path: str | None) -> str | None:
        return self._relative(path) if path is not None else None

    def _relative(self, path: str) -> str:
        # Paths name files without their extension: give one, or `a/b` from `a/b/c` reads as `.`.
        return posixpath.relpath(f"{path}.x", posixpath.dirname(self.page.path))[:-2]


def find_node(tree: Tree, node_id: str) -> Node:
    for node in tree.walk():
        if node.id == node_id:
            return node
    raise UsageError(
        _("--root {id}: {file} has no node with this id").format(id=node_id, file=tree.source)
    )


def top_programs(tree: Tree) -> list[Node]:
    """Programs not under another program, with something under them, in YAML order: each
    gets a page of its own. A program without kegiatan is drawn whole where it stands."""
    found: list[Node] = []
    stack = list(reversed(tree.roots))  # a stack, not recursion: a tree may be 20,000 deep
    while stack:
        node = stack.pop()
        if node.level is Level.PROGRAM:
            if node.children:
                found.append(node)
        else:
            stack.extend(reversed(node.children))
    return found


def pohon_roots(tree: Tree) -> list[Node]:
    """Where the Pohon Kinerja overview starts: as the chart's does, at the agency's own tujuan
    (the Pemda's levels above it belong to the Cascading page), else at the tree's roots."""
    found: list[Node] = []
    stack = list(reversed(tree.roots))
    while stack:
        node = stack.pop()
        if node.level is Level.TUJUAN_OPD:
            found.append(node)  # a tujuan under a tujuan is drawn under it, not as a top
        else:
            stack.extend(reversed(node.children))
    return found or list(tree.roots)


def _short(node: Node) -> str:
    return node.name or node.statement or node.id


def plans(tree: Tree, root: Node | None, lang: str, budget: int | None = None) -> list[Plan]:
    """Every page of both views, view by view, overview first, programs in YAML order; with a
    `root` (`--root`, found once by `find_node`), one page per view of the subtree under it.

    A page over `budget` boxes is followed by the pages it was split into (split.py).
    """
    from pohon.render.diagrams.split import split_all

    titles = _TITLES.get(lang, _TITLES["id"])
    result: list[Plan] = []
    for view in VIEWS:
        if root is not None:
            page = DiagramPage(
                view, root.id, f"{titles[view]} — {_short(root)}", f"diagram/{view}-{root.id}"
            )
            result.append(Plan(page, (root,), {}, None))
            continue
        programs = top_programs(tree)
        names = _file_names([p.id for p in programs])
        # Keyed by the node object: two programs sharing an id (an error) still get two pages.
        paths = {id(p): f"diagram/{view}/{name}" for p, name in zip(programs, names, strict=True)}
        overview = DiagramPage(view, None, f"{titles[view]} — {tree.meta.opd}", f"diagram/{view}")
        tops = tree.roots if view == "cascading" else pohon_roots(tree)
        result.append(Plan(overview, tuple(tops), paths, None))
        for program in programs:
            path = paths[id(program)]
            page = DiagramPage(view, program.id, f"{titles[view]} — {_short(program)}", path)
            result.append(Plan(page, (program,), {}, overview.path))
    if budget is None:
        return result
    return split_all(result, budget, lambda plan, node: _titled(titles, plan, node))


def titler(lang: str) -> Callable[[Plan, Node], str]:
    """How a page split off another is titled: its view, then its top box."""
    titles = _TITLES.get(lang, _TITLES["id"])
    return lambda plan, node: _titled(titles, plan, node)


def _titled(titles: dict[str, str], plan: Plan, node: Node) -> str:
    return f"{titles[plan.page.view]} — {_short(node)}"


def _file_names(ids: list[str], taken: set[str] | None = None) -> list[str]:
    """File names from node ids, unique even on case-insensitive disks and with duplicate ids."""
    seen: set[str] = set(taken or ())
    names = []
    for node_id in ids:
        name, n = node_id, 1
        while name.lower() in seen:
            n += 1
            name = f"{node_id}-{n}"
        seen.add(name.lower())
        names.append(name)
    return names
