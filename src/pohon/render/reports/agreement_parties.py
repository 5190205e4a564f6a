"""The two parties of a Perjanjian Kinerja and the naskah's text: who agrees with whom, in which words."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from pohon.render.reports.wording import Labels
from pohon.tree.header import Position, RegionHead
from pohon.tree.jenjang import Jenjang
from pohon.tree.model import Node, Tree


@dataclass(frozen=True)
class Party:
    title: str
    holder: str | None
    nip: str | None
    rank: str | None
    civil_servant: bool = True
    """A position of the civil service: its block has pangkat and NIP lines (blank if unknown);
    the kepala daerah, elected, has neither."""


@dataclass(frozen=True)
class Naskah:
    """The agreement's own page, its sentences in the report's language."""

    title: str
    annex_title: str
    opening: str
    first_role: str
    second_role: str
    promise: str
    supervision: str


def naskah(year: int, labels: Labels) -> Naskah:
    def words(key: str) -> str:
        return labels[key].replace("{year}", str(year))

    return Naskah(
        title=words("pk_title"),
        annex_title=words("pk_annex_title"),
        opening=words("pk_opening"),
        first_role=words("pk_first_role"),
        second_role=words("pk_second_role"),
        promise=words("pk_promise"),
        supervision=words("pk_supervision"),
    )


def position_party(position: Position) -> Party:
    return Party(position.title, position.holder, position.nip, position.rank)


def head_party(head: RegionHead) -> Party:
    return Party(head.title, head.holder, None, None, civil_servant=False)


class Superiors:
    """Each position's counter-party: its `atasan`; else the position of the nearest node above
    its first sasaran that another position holds; else, for a JPT, the kepala daerah."""

    def __init__(self, tree: Tree, assigned: dict[str, list[Node]]) -> None:
        self.tree, self.assigned = tree, assigned
        self.parents = tree.parents()

    def of(self, position_id: str, jenjang: Jenjang | None) -> Party | None:
        positions = self.tree.positions
        superior = positions[position_id].superior
        if superior is not None and superior in positions and superior != position_id:
            return position_party(positions[superior])
        inferred = self.inferred(position_id)
        if inferred is not None:
            return position_party(positions[inferred])
        head = self.tree.meta.head
        return head_party(head) if jenjang == "jpt" and head is not None else None

    def inferred(self, position_id: str) -> str | None:
        assigned = self.assigned.get(position_id, [])
        above = self.parents.get(id(assigned[0])) if assigned else None
        if above is None:
            return None
        nearest, other = self.holders[id(above)]
        return nearest if nearest != position_id else other

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


def place(tree: Tree, position_id: str) -> str | None:
    places = [s.place for s in tree.meta.signatories if s.position == position_id and s.place]
    places += [s.place for s in tree.meta.signatories if s.place]
    return places[0] if places else None
