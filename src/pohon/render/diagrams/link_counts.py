"""What a link box says its page holds: the kegiatan and sub kegiatan under each node."""

from __future__ import annotations

from pohon.core.vocabulary import Level
from pohon.tree.model import Tree


def counts_below(tree: Tree) -> dict[int, tuple[int, int]]:
    """The kegiatan and sub kegiatan in each node's subtree (itself included), in one pass.

    A link box says what its page holds; counting each link's subtree anew would cost a
    chain of 20,000 nodes, split every few levels, millions of steps.
    """
    counts: dict[int, tuple[int, int]] = {}
    for node in reversed(list(tree.walk())):  # children before their parents
        k = int(node.level is Level.KEGIATAN)
        s = int(node.level is Level.SUB_KEGIATAN)
        for child in node.children:
            below = counts[id(child)]
            k, s = k + below[0], s + below[1]
        counts[id(node)] = (k, s)
    return counts
