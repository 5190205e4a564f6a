"""The budget part of a Perjanjian Kinerja annex, by jenjang: programs, kegiatan per program,
or sub kegiatan per kegiatan, with their pagu of the year and a total."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from pohon.render.reports.figures import format_budget
from pohon.render.reports.views import NodeView, Views
from pohon.render.reports.wording import Labels
from pohon.tree.budget import add_rupiah
from pohon.tree.jenjang import BUDGET_ITEMS, Jenjang
from pohon.tree.model import Node


@dataclass(frozen=True)
class BudgetLine:
    node: NodeView
    depth: int
    """0: a group (the program of Eselon III's kegiatan, the kegiatan of Eselon IV's sub
    kegiatan) or one of a JPT's programs; 1: an item of its group."""
    budget: str
    """Its pagu of the year (stated, else its children's sum), or the word for none yet."""
    group: bool
    missing: bool
    """No pagu for the year: the row says so, as a warning."""


@dataclass(frozen=True)
class Budget:
    lines: tuple[BudgetLine, ...]
    total: str | None
    """The sum of the items (not the groups), only when every item has a pagu for the year."""


def build_budget(
    jenjang: Jenjang | None,
    objectives: Iterable[Node],
    parents: dict[int, Node],
    year: int,
    labels: Labels,
    views: Views,
) -> Budget:
    if jenjang is None:
        return Budget((), None)
    group_level, item_level = BUDGET_ITEMS[jenjang]
    groups: dict[int, tuple[Node | None, list[Node]]] = {}
    for node in under(objectives):
        if node.level is group_level:
            groups.setdefault(id(node), (node, []))
        elif node.level is item_level:
            parent = parents.get(id(node)) if group_level is not None else None
            owner = parent if parent is not None and parent.level is group_level else None
            groups.setdefault(id(owner), (owner, []))[1].append(node)
    lines: list[BudgetLine] = []
    amounts: list[Decimal | None] = []
    for group, items in groups.values():
        if group is not None:
            lines.append(_line(group, 0, True, year, labels, views)[0])
        for item in items:
            line, amount = _line(item, 1 if group is not None else 0, False, year, labels, views)
            lines.append(line)
            amounts.append(amount)
    total = None
    if amounts and all(amount is not None for amount in amounts):
        total = _rupiah(add_rupiah(a for a in amounts if a is not None), labels)
    return Budget(tuple(lines), total)


def _line(
    node: Node, depth: int, group: bool, year: int, labels: Labels, views: Views
) -> tuple[BudgetLine, Decimal | None]:
    amount = views.pagu.of(node, year)
    text = labels["pk_budget_missing"] if amount is None else _rupiah(amount, labels)
    return BudgetLine(views.node(node), depth, text, group, amount is None), amount


def _rupiah(amount: Decimal, labels: Labels) -> str:
    return format_budget(amount, labels.lang, labels["budget_prefix"])


def under(starts: Iterable[Node]) -> Iterator[Node]:
    """The nodes under each of `starts` (themselves included), each once, in that order.

    A subtree walked already is not walked again: a position answering for every node of
    a chain thousands deep would otherwise walk the chain once per node.
    """
    walked: set[int] = set()
    for start in starts:
        stack = [start]
        while stack:
            node = stack.pop()
            if id(node) in walked:
                continue
            walked.add(id(node))
            yield node
            stack.extend(reversed(node.children))
