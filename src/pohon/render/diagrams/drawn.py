"""The nodes one page draws, in YAML order, with their DOT names, parents and chart numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

from pohon.core.vocabulary import Level
from pohon.render.diagrams.pages import Plan
from pohon.tree.model import Node


@dataclass
class Drawn:
    """The nodes of one page (pre-order, as in the YAML) and what the layout needs of each."""

    nodes: list[Node] = field(default_factory=list)
    names: dict[int, str] = field(default_factory=dict)
    parents: dict[int, Node] = field(default_factory=dict)
    numbers: dict[int, int] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)

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

    def name(self, node: Node) -> str:
        return self.names[id(node)]

    def parent(self, node: Node) -> Node | None:
        return self.parents.get(id(node))

    def stacked(self, node: Node) -> bool:
        """Children of a kegiatan hang in a column under it: 76 sub kegiatan never form one strip."""
        parent = self.parent(node)
        return parent is not None and parent.level is Level.KEGIATAN

    def children(self, node: Node) -> list[Node]:
        return [child for child in node.children if id(child) in self.names]


def collect(plan: Plan) -> Drawn:
    """Walk the page's roots; stop at a node drawn as a link (its own page shows the rest)."""
    drawn = Drawn()

    def visit(
        nodes: tuple[Node, ...] | list[Node], parent: Node | None, part: range | None = None
    ) -> None:
        counts: dict[Level, int] = {}
        for index, node in enumerate(nodes):
            counts[node.level] = counts.get(node.level, 0) + 1  # a part keeps the chart's numbers
            if part is not None and index not in part:
                continue
            drawn.add(node, parent, counts[node.level])
            if id(node) not in plan.targets:
                visit(node.children, node, _part(plan) if parent is None and not many else None)

    many = len(plan.roots) > 1  # a part of a page with several top boxes takes some of them
    visit(plan.roots, None, _part(plan) if many else None)
    return drawn


def _part(plan: Plan) -> range | None:
    return range(*plan.part) if plan.part is not None else None
