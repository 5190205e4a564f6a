"""Which pages a tree's diagrams have: an overview down to the programs, then one page per program."""

from __future__ import annotations

from dataclasses import dataclass

from pohon.errors import UsageError
from pohon.model import Level, Node, Tree

VIEWS = ("cascading", "pohon")
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


@dataclass(frozen=True)
class Plan:
    """A page and what it draws: its top nodes, where it stops, and its links to other pages."""

    page: DiagramPage
    roots: tuple[Node, ...]
    stop_at_programs: bool
    links: dict[int, str]  # id() of a node -> the page it opens (relative to this page's folder)
    back: str | None  # the overview, relative to this page's folder


def find_node(tree: Tree, node_id: str) -> Node:
    for node in tree.walk():
        if node.id == node_id:
            return node
    raise UsageError(f"--root {node_id}: {tree.source} has no node with this id")


def top_programs(tree: Tree) -> list[Node]:
    """Programs not under another program, in YAML order: each gets a page of its own."""
    found: list[Node] = []

    def visit(node: Node) -> None:
        if node.level is Level.PROGRAM:
            found.append(node)
            return
        for child in node.children:
            visit(child)

    for root in tree.roots:
        visit(root)
    return found


def _short(node: Node) -> str:
    return node.name or node.statement


def plans(tree: Tree, root: str | None, lang: str, budget: int | None = None) -> list[Plan]:
    """Every page of both views, view by view, overview first, programs in YAML order."""
    titles = _TITLES.get(lang, _TITLES["id"])
    result: list[Plan] = []
    for view in VIEWS:
        if root is not None:
            node = find_node(tree, root)
            page = DiagramPage(
                view, root, f"{titles[view]} — {_short(node)}", f"diagram/{view}-{root}"
            )
            result.append(Plan(page, (node,), False, {}, None))
            continue
        programs = top_programs(tree)
        names = _file_names([p.id for p in programs])
        # Keyed by the node object: two programs sharing an id (an error) still get two pages.
        links = {id(p): f"{view}/{name}" for p, name in zip(programs, names, strict=True)}
        overview = DiagramPage(view, None, f"{titles[view]} — {tree.meta.opd}", f"diagram/{view}")
        result.append(Plan(overview, tuple(tree.roots), True, links, None))
        for program, name in zip(programs, names, strict=True):
            page = DiagramPage(
                view, program.id, f"{titles[view]} — {_short(program)}", f"diagram/{view}/{name}"
            )
            result.append(Plan(page, (program,), False, {}, f"../{view}"))
    return result


def _file_names(ids: list[str]) -> list[str]:
    """File names from node ids, unique even on case-insensitive disks and with duplicate ids."""
    seen: set[str] = set()
    names = []
    for node_id in ids:
        name, n = node_id, 1
        while name.lower() in seen:
            n += 1
            name = f"{node_id}-{n}"
        seen.add(name.lower())
        names.append(name)
    return names
