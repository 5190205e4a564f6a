"""What a rule receives and what it yields."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from pohon.tree.model import Figure, Indicator, Node, Origin, Tree
from pohon.tree.schema_base import yaml_key
from pohon.tree.years import END_OF_PERIOD


@dataclass(frozen=True)
class Problem:
    """A rule's complaint about one node or indicator; `key` points inside it (e.g. `kode`)."""

    origin: Origin | None
    message: str
    key: tuple[str | int, ...] = ()
    node: Node | None = field(default=None, compare=False)


@dataclass
class Context:
    """The tree under check, with the lookups several rules need."""

    tree: Tree

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

    def at(self, node: Node, message: str, *key: str | int) -> Problem:
        return Problem(node._origin, message, key, node)

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
