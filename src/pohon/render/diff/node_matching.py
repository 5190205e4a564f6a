"""Which node of the old tree is which of the new: by id, then by code, then by statement."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

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

    Families are taken top down, so a parent paired here lets its children pair too.
    The same text is looked up; otherwise only the leftovers nearest the node's place among
    its siblings (at most MAX_CANDIDATES) are measured for likeness.
    """
    taken = set(matching.pairs.values())
    groups: dict[tuple[Level, int], list[tuple[int, int, str]]] = defaultdict(list)
    same: dict[tuple[Level, int, str], list[int]] = defaultdict(list)
    new_ranks, old_ranks = _ranks(new), _ranks(old)
    for index, placed in enumerate(new):
        if index not in taken:
            key, text = (placed.node.level, placed.parent), _text(placed.node)
            groups[key].append((new_ranks[index], index, text))  # in sibling order
            same[(*key, text)].append(index)
    for alike in same.values():
        alike.reverse()  # the first written is paired first, taken from the end
    children: dict[int, list[int]] = defaultdict(list)
    for index, placed in enumerate(old):
        children[placed.parent].append(index)
    # Parent by parent, top down: all the same texts of a family first, then the likeness of
    # the rest, so that a reworded node never takes the partner of a sibling written the same.
    queue = [-1]
    for parent in queue:
        kids = children.get(parent, [])
        queue.extend(kids)
        paired_parent = -1 if parent < 0 else matching.pairs.get(parent)
        if paired_parent is None:
            continue
        left = [kid for kid in kids if kid not in matching.pairs]
        for exact in (True, False):
            for index in left:
                if index in matching.pairs:
                    continue
                key, text = (old[index].node.level, paired_parent), _text(old[index].node)
                group = groups.get(key)
                if not group:
                    continue
                if exact:
                    alike = same.get((*key, text), [])
                    while alike and alike[-1] in taken:  # paired already: dropped, each once
                        alike.pop()
                    found = alike[-1] if alike else None
                else:
                    found = _most_alike(text, group, old_ranks[index], taken)
                if found is not None:
                    matching.pairs[index] = found
                    matching.how[index] = "statement"
                    taken.add(found)


def _ranks(side: list[Placed]) -> list[int]:
    """Each node's place among its siblings."""
    counts: dict[int, int] = defaultdict(int)
    ranks = []
    for placed in side:
        ranks.append(counts[placed.parent])
        counts[placed.parent] += 1
    return ranks


def _most_alike(
    text: str, group: list[tuple[int, int, str]], rank: int, taken: set[int]
) -> int | None:
    """The most alike of the free leftovers nearest `rank` (a bounded walk out from it)."""
    middle = bisect_left(group, (rank, -1, ""))
    shortlist: list[tuple[int, str]] = []
    left, right, steps = middle - 1, middle, 0
    while len(shortlist) < MAX_CANDIDATES and steps < 4 * MAX_CANDIDATES:
        if left < 0 and right >= len(group):
            break
        for at in (right, left):
            if 0 <= at < len(group) and group[at][1] not in taken:
                shortlist.append((group[at][1], group[at][2]))
        left, right, steps = left - 1, right + 1, steps + 1
    return best_match(text, shortlist, STATEMENT_LIKENESS)


def _text(node: Node) -> str:
    return normal(node.statement or node.name)
