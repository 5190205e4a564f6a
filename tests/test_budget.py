"""Pagu that adds up: the roll-up of stated pagu, the OPD's totals, and the budget-sum rule."""

from __future__ import annotations

from decimal import Decimal, localcontext

from hypothesis import given, settings
from hypothesis import strategies as st

from pohon.check.rules import budget_sum
from pohon.check.rules.base import Context
from pohon.core.vocabulary import Level
from pohon.tree.budget import opd_pagu, pagu, rupiah_text
from pohon.tree.header import Meta, Period
from pohon.tree.model import Node, Tree

YEAR = 2025
LEVELS = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)
# Up to 30 digits, sen included: the largest amounts pohon reads, where floats would round.
AMOUNT = st.decimals(min_value=0, max_value=Decimal("9" * 28), places=2)


def _node(level_index: int, number: list[int]) -> st.SearchStrategy[Node]:
    """A budget item with its own pagu only where it is a leaf: sums come from the leaves."""
    number[0] += 1
    name = f"n{number[0]}"
    if level_index == len(LEVELS) - 1:
        return AMOUNT.map(lambda amount: _make(name, LEVELS[level_index], {YEAR: amount}, []))
    children = st.lists(st.deferred(lambda: _node(level_index + 1, number)), max_size=3)
    leaf = st.one_of(st.none(), AMOUNT)
    return st.tuples(children, leaf).map(
        lambda pair: _make(
            name,
            LEVELS[level_index],
            {} if pair[1] is None or pair[0] else {YEAR: pair[1]},
            pair[0],
        )
    )


def _make(name: str, level: Level, budget: dict[int, Decimal], children: list[Node]) -> Node:
    return Node.model_construct(
        id=name, level=level, name=name, budget=budget, children=children, indicators=[]
    )


def _tree(roots: list[Node]) -> Tree:
    meta = Meta.model_construct(pemda="P", opd="O", period=Period(awal=2025, akhir=2029))
    return Tree(source="t.yaml", meta=meta, positions={}, roots=roots)


def _exact_sum(amounts: list[Decimal]) -> Decimal | None:
    """The sum worked out by hand, wide enough never to round (28 digits would)."""
    with localcontext(prec=100):
        return sum(amounts, Decimal(0)) if amounts else None


def _leaves(node: Node) -> list[Node]:
    return [n for n in node.walk() if not n.children]


@settings(max_examples=60, deadline=None)
@given(st.lists(_node(0, [0]), min_size=1, max_size=4))
def test_roll_up_totals_are_the_sum_of_the_leaves(programs: list[Node]) -> None:
    tree = _tree(programs)
    leaves = [leaf.budget[YEAR] for p in programs for leaf in _leaves(p) if YEAR in leaf.budget]
    for program in programs:
        own = [leaf.budget[YEAR] for leaf in _leaves(program) if YEAR in leaf.budget]
        assert pagu(program, YEAR) == _exact_sum(own)
    assert opd_pagu(tree, YEAR) == _exact_sum(leaves)
    # a tree whose parents state nothing never disagrees with itself
    assert list(budget_sum.check(Context(tree))) == []


def test_a_stated_parent_pagu_wins_and_the_difference_is_a_finding() -> None:
    kegiatan = [
        _make("k1", Level.KEGIATAN, {YEAR: Decimal(700_000_000)}, []),
        _make("k2", Level.KEGIATAN, {YEAR: Decimal(500_000_000)}, []),
    ]
    program = _make("p", Level.PROGRAM, {YEAR: Decimal(1_250_000_000)}, kegiatan)
    tree = _tree([program])
    assert pagu(program, YEAR) == Decimal(1_250_000_000)
    assert opd_pagu(tree, YEAR) == Decimal(1_250_000_000)
    (problem,) = budget_sum.check(Context(tree))
    assert problem.message == (
        "pagu 2025 is Rp 1.250.000.000 but its children's add up to Rp 1.200.000.000"
        " (difference +Rp 50.000.000)"
    )
    assert problem.key == ("pagu", "2025")


def test_the_finding_names_the_children_without_pagu() -> None:
    kegiatan = [
        _make("k1", Level.KEGIATAN, {YEAR: Decimal(700_000_000)}, []),
        _make("k2", Level.KEGIATAN, {}, []),
    ]
    program = _make("p", Level.PROGRAM, {YEAR: Decimal(1_200_000_000)}, kegiatan)
    (problem,) = budget_sum.check(Context(_tree([program])))
    assert problem.message.endswith("(difference +Rp 500.000.000); no pagu 2025 under k2")


def test_money_is_printed_the_indonesian_way() -> None:
    assert rupiah_text(Decimal(11_080_481_999)) == "Rp 11.080.481.999"
    assert rupiah_text(Decimal("1250000.5")) == "Rp 1.250.000,50"
    assert rupiah_text(Decimal(0)) == "Rp 0"
