"""The Perjanjian Kinerja annex of each position: its sasaran, their targets for one year, its budget."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, localcontext

from pohon.core.errors import UsageError
from pohon.core.vocabulary import BUDGET_LEVELS
from pohon.render.reports.figures import format_budget, format_figure
from pohon.render.reports.views import NodeView, Views, plan_years
from pohon.render.reports.wording import Labels
from pohon.tree.header import Position
from pohon.tree.indicator_years import in_force
from pohon.tree.model import Node, Tree


@dataclass(frozen=True)
class AgreementIndicator:
    name: str
    unit: str
    target: str


@dataclass(frozen=True)
class Objective:
    node: NodeView
    indicators: tuple[AgreementIndicator, ...]


@dataclass(frozen=True)
class BudgetLine:
    node: NodeView
    depth: int
    budget: str


@dataclass(frozen=True)
class Party:
    title: str
    holder: str | None
    nip: str | None
    rank: str | None


@dataclass(frozen=True)
class Agreement:
    position_id: str
    slug: str
    year: int
    objectives: tuple[Objective, ...]
    budget_lines: tuple[BudgetLine, ...]
    total: str | None
    first_party: Party
    second_party: Party | None
    place: str | None


def agreement_year(tree: Tree, year: int | None) -> int:
    """`--year`, or the plan period's first year: a fixed choice, never today's date."""
    period = tree.meta.period
    if year is None:
        return period.start
    if year not in plan_years(tree):
        raise UsageError(f"--year {year}: outside the plan period {period.start}-{period.end}")
    return year


def build_agreements(
    tree: Tree, year: int, labels: Labels, views: Views | None = None
) -> tuple[Agreement, ...]:
    """One annex per position under `jabatan:`, in YAML order, also for a position with no node."""
    annexes = _Annexes(tree, year, labels, views or Views(tree, labels))
    slugs: set[str] = set()
    return tuple(
        annexes.build(position_id, position, _slug(position_id, slugs))
        for position_id, position in tree.positions.items()
    )


class _Annexes:
    """What every annex of one tree and year shares: the tree's lookups and the labels."""

    def __init__(self, tree: Tree, year: int, labels: Labels, views: Views) -> None:
        self.tree, self.year, self.labels, self.views = tree, year, labels, views
        self.parents = tree.parents()
        self.assigned: dict[str, list[Node]] = {}  # position id -> its nodes, in YAML order
        for node in tree.walk():
            if node.position is not None:
                self.assigned.setdefault(node.position, []).append(node)

    def build(self, position_id: str, position: Position, slug: str) -> Agreement:
        assigned = self.assigned.get(position_id, [])
        lines = self.budget_lines(assigned)
        return Agreement(
            position_id=position_id,
            slug=slug,
            year=self.year,
            objectives=tuple(self.objective(node) for node in assigned),
            budget_lines=tuple(line for line, _ in lines),
            total=_total([amount for line, amount in lines if line.depth == 0], self.labels),
            first_party=_party(position),
            second_party=self.superior(position_id, assigned),
            place=_place(self.tree, position_id),
        )

    def objective(self, node: Node) -> Objective:
        none, lang = self.labels["none"], self.labels.lang
        return Objective(
            self.views.node(node),
            tuple(
                AgreementIndicator(
                    i.name, i.unit or none, format_figure(i.targets.get(self.year), lang, none)
                )
                for i in node.indicators
                if in_force(i, self.year)
            ),
        )

    def budget_lines(self, assigned: list[Node]) -> list[tuple[BudgetLine, Decimal | None]]:
        """The budget items under the position's sasaran: its own budget level and the one below.

        A position above the programs (a Kepala Dinas) or answering for one (a Kepala
        Bidang) lists programs and kegiatan; one that answers for a kegiatan (Eselon IV)
        lists kegiatan and sub kegiatan.
        """
        own = [node.level for node in assigned if node.level in BUDGET_LEVELS]
        top = min((BUDGET_LEVELS.index(level) for level in own), default=0)
        shown = BUDGET_LEVELS[top : top + 2]
        lines = []
        for node in _under(assigned):
            if node.level in shown:
                lines.append(self.budget_line(node, shown.index(node.level)))
        return lines

    def budget_line(self, node: Node, depth: int) -> tuple[BudgetLine, Decimal | None]:
        amount = node.budget.get(self.year)
        text = "" if amount is None else _rupiah(amount, self.labels)
        return BudgetLine(self.views.node(node), depth, text), amount

    def superior(self, position_id: str, assigned: list[Node]) -> Party | None:
        """The position of the nearest node above the first sasaran that another position holds."""
        above = self.parents.get(id(assigned[0])) if assigned else None
        if above is None:
            return None
        nearest, other = self.holders[id(above)]
        found = nearest if nearest != position_id else other
        return _party(self.tree.positions[found]) if found is not None else None

    @functools.cached_property
    def holders(self) -> dict[int, tuple[str | None, str | None]]:
        """For each node, the nearest position held at or above it, and the nearest other one.

        One pass down the tree instead of a walk up for every annex: with thousands of
        positions under a chain thousands deep, those walks were millions of steps.
        """
        positions = self.tree.positions
        holders: dict[int, tuple[str | None, str | None]] = {}
        for node in self.tree.walk():  # a parent before its children
            parent = self.parents.get(id(node))
            nearest, other = holders[id(parent)] if parent is not None else (None, None)
            if node.position in positions:
                other = nearest if nearest != node.position else other
                nearest = node.position
            holders[id(node)] = (nearest, other)
        return holders


def _under(starts: list[Node]) -> Iterator[Node]:
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


def _total(amounts: list[Decimal | None], labels: Labels) -> str | None:
    """The sum of the top budget lines, only when every one of them has a budget: no partial sums."""
    if not amounts or any(amount is None for amount in amounts):
        return None
    with localcontext(prec=_MONEY_DIGITS):  # exact: every amount has at most 30 digits
        return _rupiah(sum((a for a in amounts if a is not None), Decimal(0)), labels)


_MONEY_DIGITS = 60


def _rupiah(amount: Decimal, labels: Labels) -> str:
    return format_budget(amount, labels.lang, labels["budget_prefix"])


def _party(position: Position) -> Party:
    return Party(position.title, position.holder, position.nip, position.rank)


def _place(tree: Tree, position_id: str) -> str | None:
    places = [s.place for s in tree.meta.signatories if s.position == position_id and s.place]
    places += [s.place for s in tree.meta.signatories if s.place]
    return places[0] if places else None


def _slug(position_id: str, taken: set[str]) -> str:
    """A file name from a position id: safe on every file system, unique within the tree."""
    base = re.sub(r"[^a-z0-9_.-]+", "-", position_id.lower()).strip("-.") or "jabatan"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug
