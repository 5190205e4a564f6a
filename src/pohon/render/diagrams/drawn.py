"""The nodes one page draws, in YAML order, with their DOT names, parents and chart numbers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from pohon.core.vocabulary import Level
from pohon.render.diagrams.pages import ROOTS, Plan
from pohon.tree.model import Node


@dataclass
class Drawn:
    """The nodes of one page (pre-order, as in the YAML) and what the layout needs of each."""

    nodes: list[Node] = field(default_factory=list)
    names: dict[int, str] = field(default_factory=dict)
    parents: dict[int, Node] = field(default_factory=dict)
    numbers: dict[int, int] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    below: dict[int, list[Node]] = field(default_factory=dict)  # id() -> its children drawn

    def add(self, node: Node, parent: Node | None, number: int) -> None:
        name, n = node.id, 1
        while name in self.taken:  # duplicate ids (an error `validate` reports) still draw apart
            n += 1
            name = f"{node.id}~{n}"
        self.taken.add(name)
        self.nodes.append(node)
        self.names[id(node)] = name
        self.numbers[id(node)] = number
        if parent is not None:
            self.parents[id(node)] = parent
            self.below.setdefault(id(parent), []).append(node)

    def name(self, node: Node) -> str:
        return self.names[id(node)]

    def parent(self, node: Node) -> Node | None:
        return self.parents.get(id(node))

    def stacked(self, node: Node) -> bool:
        """Children of a kegiatan hang in a column under it: 76 sub kegiatan never form one strip."""
        parent = self.parent(node)
        return parent is not None and parent.level is Level.KEGIATAN

    def children(self, node: Node) -> list[Node]:
        """The node's children drawn on this page (a part of a fan-out shows some of them)."""
        return self.below.get(id(node), [])


def collect(plan: Plan) -> Drawn:
    """Walk the page's roots; stop at a node drawn as a link (its own page shows the rest).

    A stack of sibling lists, not recursion: a chain of nodes may be 20,000 deep. Each
    list counts its nodes by level as it goes, for the chart's numbers (`KEG 3`).
    """
    drawn = Drawn()
    first = plan.shown.get(ROOTS)
    part = range(*plan.part) if plan.part is not None else None
    many = len(plan.roots) > 1  # a part of a page with several top boxes takes some of them
    top = _Siblings(
        iter(plan.roots), None, dict(first.before) if first else {}, part if many else None
    )
    stack = [top]
    while stack:
        siblings = stack[-1]
        node = next(siblings.nodes, None)
        if node is None:
            stack.pop()
            continue
        counts, index = siblings.counts, siblings.index
        siblings.index += 1
        counts[node.level] = counts.get(node.level, 0) + 1  # a part keeps the chart's numbers
        if siblings.part is not None and index not in siblings.part:
            continue
        drawn.add(node, siblings.parent, counts[node.level])
        if id(node) not in plan.targets:
            shown = plan.shown.get(id(node))
            children = node.children if shown is None else node.children[shown.start : shown.stop]
            inner = part if siblings.parent is None and not many else None
            stack.append(
                _Siblings(iter(children), node, dict(shown.before) if shown else {}, inner)
            )
    return drawn


@dataclass
class _Siblings:
    nodes: Iterator[Node]
    parent: Node | None
    counts: dict[Level, int]
    part: range | None = None  # a printed sheet's part: only these of the list (paper_plan)
    index: int = 0
