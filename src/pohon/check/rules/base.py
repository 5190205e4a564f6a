"""What a rule receives and what it yields."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from pohon.source.nomenclature.in_force import InForce, in_force
from pohon.source.nomenclature.lists import bundled
from pohon.source.nomenclature.reference import Nomenclature
from pohon.tree.model import Figure, Indicator, Node, Origin, Tree, TreeFile
from pohon.tree.schema_base import yaml_key
from pohon.tree.years import END_OF_PERIOD


@dataclass(frozen=True)
class Problem:
    """A rule's complaint about one node or indicator; `key` points inside it (e.g. `kode`)."""

    origin: Origin | None
    message: str
    key: tuple[str | int, ...] = ()
    node: Node | None = field(default=None, compare=False)
    milder: bool = False
    """The rule says this finding is only informative (e.g. the list is known to be partial
    there): it is reported as info, unless the project set the rule's severity itself."""


@dataclass
class Context:
    """The tree under check, with the lookups several rules need."""

    tree: Tree
    nomenclature: Nomenclature = field(default_factory=bundled)

    @cached_property
    def in_force(self) -> InForce:
        """The version of the nomenclature in force each year of the plan."""
        meta = self.tree.meta
        return in_force(self.nomenclature, meta.nomenclature, meta.period.years())

    @cached_property
    def parents(self) -> dict[int, Node]:
        return self.tree.parents()

    @cached_property
    def all_nodes(self) -> list[Node]:
        # walked once: every rule iterates over the nodes, and generators nest per level
        return list(self.tree.walk())

    def parent(self, node: Node) -> Node | None:
        return self.parents.get(id(node))

    def nodes(self) -> Iterator[Node]:
        return iter(self.all_nodes)

    def indicators(self) -> Iterator[tuple[Node, Indicator]]:
        for node in self.nodes():
            for indicator in node.indicators:
                yield node, indicator

    def at(self, node: Node, message: str, *key: str | int, milder: bool = False) -> Problem:
        return Problem(node._origin, message, key, node, milder)

    def at_meta(self, message: str, *key: str | int) -> Problem:
        """A problem with a key of the main file's `meta` (e.g. `nomenklatur`)."""
        return Problem(Origin(self.tree.source, (yaml_key(TreeFile, "meta"),)), message, key)

    def at_indicator(
        self, node: Node, indicator: Indicator, message: str, *key: str | int
    ) -> Problem:
        return Problem(indicator._origin, message, key, node)


def normalise(text: str) -> str:
    """Text compared as a reader would: case, spacing and final punctuation ignored."""
    return " ".join(text.lower().split()).rstrip(" .;:")


def first_word(text: str) -> str:
    words = text.split()
    return words[0].lower().strip(".,:;()") if words else ""


def figures(indicator: Indicator) -> Iterator[tuple[tuple[str, ...], Figure]]:
    """Every figure of an indicator with the YAML keys that lead to it: baseline, targets
    (the end of the period's too), realisations."""
    targets, realisations = yaml_key(Indicator, "targets"), yaml_key(Indicator, "realisations")
    if indicator.baseline is not None:
        yield (yaml_key(Indicator, "baseline"),), indicator.baseline
    for year, value in indicator.targets.items():
        yield (targets, str(year)), value
    if indicator.end_target is not None:
        yield (targets, END_OF_PERIOD), indicator.end_target
    for year, value in indicator.realisations.items():
        yield (realisations, str(year)), value
