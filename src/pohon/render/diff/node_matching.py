"""Which node of the old tree is which of the new: by id, then by code, then by statement."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import islice

from pohon.core.vocabulary import Level
from pohon.render.diff.similar import MAX_CANDIDATES, STATEMENT_LIKENESS, best_match, normal
from pohon.tree.model import Node


@dataclass(frozen=True, slots=True)
class Placed:
    """A node with its place: its index in pre-order and its parent's (-1 for a root)."""

    node: Node
    parent: int


def flatten(roots: list[Node]) -> list[Placed]:
    """Every node in YAML order (pre-order), each with the index of its parent."""
    placed: list[Placed] = []
    stack = [(root, -1) for root in reversed(roots)]
    while stack:
        node, parent = stack.pop()
        index = len(placed)
        placed.append(Placed(node, parent))
        stack.extend((child, index) for child in reversed(node.children))
    return placed


@dataclass
class Matching:
    """Old index → new index, and how each pair was found (id, code, statement)."""

    pairs: dict[int, int]
    how: dict[int, str]


def match_nodes(old: list[Placed], new: list[Placed]) -> Matching:
    matching = Matching({}, {})
    by_id = {placed.node.id: index for index, placed in enumerate(new)}
    for index, placed in enumerate(old):
        if (found := by_id.get(placed.node.id)) is not None:
            matching.pairs[index] = found
            matching.how[index] = "id"
    _by_code(old, new, matching)
    _by_statement(old, new, matching)
    return matching


def _by_code(old: list[Placed], new: list[Placed], matching: Matching) -> None:
    """Leftovers with the same level and code, where the code names one leftover on each side."""
    taken = set(matching.pairs.values())
    old_codes = _codes_of(old, [i for i in range(len(old)) if i not in matching.pairs])
    new_codes = _codes_of(new, [i for i in range(len(new)) if i not in taken])
    for key, index in old_codes.items():
        if (found := new_codes.get(key)) is not None:
            matching.pairs[index] = found
            matching.how[index] = "code"


def _codes_of(side: list[Placed], indices: list[int]) -> dict[tuple[Level, str], int]:
    counted: dict[tuple[Level, str], list[int]] = defaultdict(list)
    for index in indices:
        node = side[index].node
        if not node.code:
            continue
        counted[(node.level, normal(node.code))].append(index)
    return {key: found[0] for key, found in counted.items() if len(found) == 1}


def _by_statement(old: list[Placed], new: list[Placed], matching: Matching) -> None:
    """Leftovers under the same (matched) parent and of one level whose statements are alike.

    Old nodes are taken in pre-order, so a parent paired here lets its children pair too.
    The same text is looked up; only the first leftovers of a group are measured for likeness.
    """
    taken = set(matching.pairs.values())
    groups: dict[tuple[Level, int], dict[int, str]] = defaultdict(dict)
    same: dict[tuple[Level, int, str], list[int]] = defaultdict(list)
    for index, placed in enumerate(new):
        if index not in taken:
            key, text = (placed.node.level, placed.parent), _text(placed.node)
            groups[key][index] = text
            same[(*key, text)].append(index)
    for alike in same.values():
        alike.reverse()  # the first written is paired first, taken from the end
    for index, placed in enumerate(old):
        if index in matching.pairs:
            continue
        parent = -1 if placed.parent < 0 else matching.pairs.get(placed.parent)
        if parent is None:
            continue
        key, text = (placed.node.level, parent), _text(placed.node)
        candidates = groups.get(key)
        if not candidates:
            continue
        alike = same.get((*key, text), [])
        while alike and alike[-1] not in candidates:  # paired already: dropped, each once
            alike.pop()
        found = alike[-1] if alike else _most_alike(text, candidates)
        if found is not None:
            matching.pairs[index] = found
            matching.how[index] = "statement"
            del candidates[found]


def _most_alike(text: str, candidates: dict[int, str]) -> int | None:
    shortlist = list(islice(candidates.items(), MAX_CANDIDATES))
    return best_match(text, shortlist, STATEMENT_LIKENESS)


def _text(node: Node) -> str:
    return normal(node.statement or node.name)
