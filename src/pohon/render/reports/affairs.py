"""What a tree's codes imply for its reports: its urusan and bidang urusan, official names.

The reports read the same list the rules read (pohon.source.nomenclature), so the title
block's bidang and the matrix's official names agree with `pohon validate`.
"""

from __future__ import annotations

from dataclasses import dataclass

from pohon.check.coded_nodes import differing_names
from pohon.check.rules.base import Context
from pohon.render.reports.identity import opd_affairs
from pohon.render.reports.wording import Labels
from pohon.source.nomenclature.codes import CodeLevel
from pohon.source.nomenclature.reference import Nomenclature
from pohon.tree.model import Tree


@dataclass(frozen=True)
class Affair:
    """An urusan or bidang urusan a tree's codes imply, as the title block shows it."""

    label: str
    code: str
    name: str


def tree_affairs(tree: Tree, nomenclature: Nomenclature, labels: Labels) -> tuple[Affair, ...]:
    """The urusan and bidang urusan of every code in the tree (`1.06.…`: 1 and 1.06), in code order."""
    codes = [*opd_affairs(tree.meta), *(node.code for node in tree.walk() if node.code)]
    return tuple(
        Affair(labels[entry.level.value], entry.code, entry.name)
        for entry in nomenclature.affairs(codes)
        if entry.level in (CodeLevel.URUSAN, CodeLevel.BIDANG_URUSAN)
    )


def official_names(tree: Tree, nomenclature: Nomenclature) -> dict[int, str]:
    """The official name beside each budget item named otherwise (by id() of the node)."""
    return differing_names(Context(tree, nomenclature))
