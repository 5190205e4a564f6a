"""What the nomenclature rules share: the budget items with a code, read against the list."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pohon.core.vocabulary import BUDGET_LEVELS
from pohon.source.nomenclature.codes import canonical, level_of, parent_of
from pohon.source.nomenclature.matching import same_name, unambiguous
from pohon.source.nomenclature.reference import Entry, Version
from pohon.tree.model import Node

if TYPE_CHECKING:  # the rules import this module while pohon.check.rules is being imported
    from pohon.check.rules.base import Context


@dataclass(frozen=True)
class Coded:
    """A program, kegiatan or sub kegiatan whose `kode` reads as a nomenclature code."""

    node: Node
    code: str
    """The code as the list writes it (`1.06.02.02.01` becomes `1.06.02.2.01`)."""

    @property
    def depth_matches(self) -> bool:
        return level_of(self.code).value == self.node.level.value


def coded_nodes(ctx: Context) -> Iterator[Coded]:
    for node in ctx.nodes():
        if node.level in BUDGET_LEVELS and node.code:
            code = canonical(node.code)
            if code is not None:
                yield Coded(node, code)


def entry_in_force(ctx: Context, code: str) -> tuple[Entry, Version] | None:
    """The entry for a code in the latest version in force that has it, with that version."""
    for version in reversed(ctx.in_force.versions()):
        entry = ctx.nomenclature.entry(code, version)
        if entry is not None:
            return entry, version
    return None


def parent_code(ctx: Context, coded: Coded) -> str | None:
    """Where the node's code hangs: its tree parent's code, else the code's own parent part."""
    parent = ctx.parent(coded.node)
    written = canonical(parent.code) if parent is not None and parent.code else None
    return written or parent_of(coded.code)


def named_sibling(ctx: Context, coded: Coded, version: Version) -> Entry | None:
    """The one entry under the node's parent that its name means, if there is one.

    This is how a code is suggested: from the name and the parent, never from the
    number of the code (the chart's ordinals are not the list's numbers).
    """
    parent = parent_code(ctx, coded)
    name = coded.node.name
    if parent is None or not name:
        return None
    level = coded.node.level.value
    candidates = [
        (entry.name, entry)
        for entry in ctx.nomenclature.children(parent, version)
        if entry.level.value == level
    ]
    found = unambiguous(name, candidates)
    return found[0] if found else None


def shown_code(entry: Entry, coded: Coded) -> str:
    """An entry's code as the tree would write it: the shared `X.XX` as the node's bidang."""
    if not entry.code.startswith("X"):
        return entry.code
    return ".".join(coded.code.split(".")[:2] + entry.code.split(".")[2:])


def is_official(ctx: Context, code: str, name: str) -> bool:
    """Whether `name` is the code's name in some version in force (a renamed code has two)."""
    for version in ctx.in_force.versions():
        entry = ctx.nomenclature.entry(code, version)
        if entry is not None and same_name(name, entry.name):
            return True
    return False


def differing_names(ctx: Context) -> dict[int, str]:
    """The official name of every budget item whose own name differs, by id() of the node."""
    differing: dict[int, str] = {}
    for coded in coded_nodes(ctx):
        name = coded.node.name
        found = entry_in_force(ctx, coded.code) if coded.depth_matches and name else None
        if found is not None and name is not None and not is_official(ctx, coded.code, name):
            differing[id(coded.node)] = found[0].name
    return differing
