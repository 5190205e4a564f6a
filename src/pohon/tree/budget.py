"""Pagu that adds up: a node's pagu for a year is what it states, else the sum of its children's."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, localcontext

from pohon.core.vocabulary import BUDGET_LEVELS
from pohon.tree.model import Node, Tree

MONEY_DIGITS = 60
"""Precision of every sum of rupiah: each amount has at most 30 digits, so sums stay exact."""


def add_rupiah(amounts: Iterable[Decimal]) -> Decimal:
    """The exact sum of `amounts` (Decimal's default 28 digits could round a large total)."""
    with localcontext(prec=MONEY_DIGITS):
        return sum(amounts, Decimal(0))


def pagu(node: Node, year: int) -> Decimal | None:
    """What `node` states for `year`, else the sum of its children's; None when none has any."""
    stated = node.budget.get(year)
    if stated is not None:
        return stated
    return children_pagu(node, year)


def children_pagu(node: Node, year: int) -> Decimal | None:
    """The sum of the children's pagu for `year`; None when no child has any.

    Added up from a stack, children before their parents, not by recursion: a chain of
    nodes may be 20,000 deep. A node that states its pagu ends the walk below it.
    """
    sums: dict[int, Decimal | None] = {}
    stack: list[tuple[Node, bool]] = [(child, False) for child in reversed(node.children)]
    while stack:
        below, added = stack.pop()
        stated = below.budget.get(year)
        if stated is not None:
            sums[id(below)] = stated
        elif not added:
            stack.append((below, True))
            stack.extend((child, False) for child in reversed(below.children))
        else:
            sums[id(below)] = _added([sums[id(child)] for child in below.children])
    return _added([sums[id(child)] for child in node.children])


def _added(amounts: list[Decimal | None]) -> Decimal | None:
    found = [amount for amount in amounts if amount is not None]
    return add_rupiah(found) if found else None


class Pagu:
    """Every node's pagu in one tree, added up once per year.

    The reports ask for the pagu of every budget item and of every total; adding each
    item's subtree up again for every question walks each subtree once per node above it.
    """

    def __init__(self, tree: Tree) -> None:
        self.tree = tree  # holds its nodes, so the id() the tables are keyed by stays theirs
        self._years: dict[int, dict[int, Decimal | None]] = {}

    def of(self, node: Node, year: int) -> Decimal | None:
        """`pagu(node, year)`, from the year's table (a node outside the tree is added up alone)."""
        table = self._years.get(year)
        if table is None:
            table = self._years[year] = self._added_up(year)
        return table[id(node)] if id(node) in table else pagu(node, year)

    def opd(self, year: int) -> Decimal | None:
        """`opd_pagu(tree, year)`."""
        tops = budget_tops(self.tree)
        amounts = [amount for top in tops if (amount := self.of(top, year)) is not None]
        return add_rupiah(amounts) if amounts else None

    def _added_up(self, year: int) -> dict[int, Decimal | None]:
        """Each node's pagu for `year`, children before their parents (a chain may be deep)."""
        sums: dict[int, Decimal | None] = {}
        stack: list[tuple[Node, bool]] = [(root, False) for root in reversed(self.tree.roots)]
        while stack:
            node, added = stack.pop()
            if not added:
                stack.append((node, True))
                stack.extend((child, False) for child in reversed(node.children))
                continue
            stated = node.budget.get(year)
            if stated is None:
                stated = _added([sums[id(child)] for child in node.children])
            sums[id(node)] = stated
        return sums


def budget_tops(tree: Tree) -> list[Node]:
    """The highest budget items (programs, or whatever budget level a branch starts at)."""
    tops: list[Node] = []
    stack = list(reversed(tree.roots))
    while stack:
        node = stack.pop()
        if node.level in BUDGET_LEVELS:
            tops.append(node)
        else:
            stack.extend(reversed(node.children))
    return tops


def opd_pagu(tree: Tree, year: int) -> Decimal | None:
    """The OPD's pagu for `year`: the sum of its highest budget items'; None when none has any."""
    amounts = [amount for top in budget_tops(tree) if (amount := pagu(top, year)) is not None]
    return add_rupiah(amounts) if amounts else None


def budget_years(tree: Tree) -> tuple[int, ...]:
    """Every year some node states a pagu for, in order."""
    return tuple(sorted({year for node in tree.walk() for year in node.budget}))


def rupiah_text(amount: Decimal) -> str:
    """`Rp 11.080.481.999` (sen, where any, after a comma): money as an Indonesian reader writes it."""
    whole = amount == amount.to_integral_value()
    with localcontext(prec=MONEY_DIGITS):
        text = f"{amount.quantize(Decimal(1) if whole else Decimal('0.01')):,f}"
    return "Rp " + text.replace(",", "\0").replace(".", ",").replace("\0", ".")
