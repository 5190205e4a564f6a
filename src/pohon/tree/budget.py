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
    """The sum of the children's pagu for `year`; None when no child has any."""
    amounts = [amount for child in node.children if (amount := pagu(child, year)) is not None]
    return add_rupiah(amounts) if amounts else None


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
