"""What each position's Perjanjian Kinerja lists, by its jenjang (from its eselon), not the tree's shape.

JPT (Eselon I–II) agrees on its sasaran strategis and funds programs; an administrator
(Eselon III) agrees on its sasaran program (and intermediate sasaran) and funds kegiatan
grouped by program; a pengawas (Eselon IV–V) agrees on its sasaran kegiatan and funds
sub kegiatan grouped by kegiatan. The check rules and the report read the same lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from pohon.core.vocabulary import Echelon, Level
from pohon.tree.header import Position
from pohon.tree.model import Node, Tree

Jenjang = Literal["jpt", "administrator", "pengawas"]
JENJANG: tuple[Jenjang, ...] = get_args(Jenjang)

_BY_ECHELON: dict[Echelon, Jenjang] = {
    Echelon.I: "jpt",
    Echelon.II: "jpt",
    Echelon.III: "administrator",
    Echelon.IV: "pengawas",
    Echelon.V: "pengawas",
}

OBJECTIVE_LEVELS: dict[Jenjang, tuple[Level, ...]] = {
    "jpt": (Level.SASARAN_STRATEGIS,),
    "administrator": (Level.SASARAN_ANTARA, Level.PROGRAM),
    "pengawas": (Level.KEGIATAN,),
}
"""The sasaran each jenjang agrees on: held by the position, or by none below a node it holds."""

BUDGET_ITEMS: dict[Jenjang, tuple[Level | None, Level]] = {
    "jpt": (None, Level.PROGRAM),
    "administrator": (Level.PROGRAM, Level.KEGIATAN),
    "pengawas": (Level.KEGIATAN, Level.SUB_KEGIATAN),
}
"""The budget items each jenjang's annex lists: (the level they are grouped by, their level)."""

_HELD_LEVEL: dict[Level, Jenjang] = {
    Level.SASARAN_ANTARA: "administrator",
    Level.PROGRAM: "administrator",
    Level.KEGIATAN: "pengawas",
    Level.SUB_KEGIATAN: "pengawas",
}


@dataclass(frozen=True)
class Scope:
    """One position's part of the tree: its jenjang and the sasaran its agreement lists."""

    jenjang: Jenjang | None
    objectives: tuple[Node, ...]


def agreement_scopes(tree: Tree) -> dict[str, Scope]:
    """Each position under `jabatan:` (in YAML order) with the sasaran its agreement lists.

    A node without `jabatan` belongs to the nearest position held above it. A sub kegiatan
    that a pengawas holds itself is its sasaran too, unless its kegiatan already is.
    """
    holder: dict[int, str | None] = {}
    held: dict[str, list[Node]] = {p: [] for p in tree.positions}
    parents = tree.parents()
    for node in tree.walk():  # a parent before its children
        parent = parents.get(id(node))
        inherited = holder[id(parent)] if parent is not None else None
        own = node.position if node.position in tree.positions else None
        holder[id(node)] = own or inherited
        if own is not None:
            held[own].append(node)
    jenjang = {p: jenjang_of(position, held[p]) for p, position in tree.positions.items()}
    objectives: dict[str, list[Node]] = {p: [] for p in tree.positions}
    for node in tree.walk():
        owner = holder[id(node)]
        kind = jenjang[owner] if owner is not None else None
        if owner is None or kind is None:
            continue
        parent = parents.get(id(node))
        levels = OBJECTIVE_LEVELS[kind]
        if node.level in levels or (
            kind == "pengawas"
            and node.level is Level.SUB_KEGIATAN
            and node.position == owner
            and not (parent is not None and parent.level in levels and holder[id(parent)] == owner)
        ):
            objectives[owner].append(node)
    return {p: Scope(jenjang[p], tuple(objectives[p])) for p in tree.positions}


def jenjang_of(position: Position, held: list[Node]) -> Jenjang | None:
    """From the eselon; without one, from the highest level the position holds (None: nothing)."""
    if position.echelon is not None:
        return _BY_ECHELON[position.echelon]
    found = {_HELD_LEVEL.get(node.level, "jpt") for node in held}
    return next((jenjang for jenjang in JENJANG if jenjang in found), None)


def agreement_nodes(tree: Tree) -> list[Node]:
    """Every node that is a row of some position's agreement, each once, in YAML order."""
    rows = {id(n) for scope in agreement_scopes(tree).values() for n in scope.objectives}
    return [node for node in tree.walk() if id(node) in rows]
