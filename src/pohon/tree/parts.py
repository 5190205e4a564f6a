"""The parts of a tree hung under their parents (`induk`), in linear time however many there are."""

from __future__ import annotations

from pohon.tree.model import FragmentFile, Node


def hang(roots: list[Node], fragments: list[FragmentFile]) -> list[tuple[FragmentFile, bool]]:
    """Hang each fragment's nodes under its parent; fragments may hang under other fragments.

    The fragments left over are returned in the order read, each with whether it is part
    of a loop of fragments hanging below each other (else its parent is nowhere). In rounds, as a person would: first every fragment whose parent is already known,
    in the order read, then those whose parent the first round brought, and so on.
    Each fragment waits on its parent's id, so the rounds cost one look at each.
    """
    by_id: dict[str, Node] = {}
    for root in roots:
        for node in root.walk():
            by_id.setdefault(node.id, node)
    waiting: dict[str, list[int]] = {}
    for number, fragment in enumerate(fragments):
        waiting.setdefault(fragment.parent, []).append(number)
    ready = sorted(n for parent in list(waiting) if parent in by_id for n in waiting.pop(parent))
    while ready:
        brought: list[int] = []
        for number in ready:
            fragment = fragments[number]
            by_id[fragment.parent].children.extend(fragment.nodes)
            for top in fragment.nodes:
                for node in top.walk():
                    if node.id not in by_id:
                        by_id[node.id] = node
                        brought += waiting.pop(node.id, [])
        ready = sorted(brought)
    pending = [fragments[n] for n in sorted(n for numbers in waiting.values() for n in numbers)]
    looped = _in_loops(pending)
    return [(fragment, id(fragment) in looped) for fragment in pending]


def _in_loops(pending: list[FragmentFile]) -> set[int]:
    """id() of each unplaced fragment that hangs, through others, below itself.

    Each fragment leads to the one holding its parent: a walk from each, marking what it
    passed, meets a loop at most once, so all of them cost one look at each fragment.
    """
    owners = {node.id: f for f in pending for top in f.nodes for node in top.walk()}
    state: dict[int, int] = {}  # id() -> the walk that reached it
    looped: set[int] = set()
    for walk, start in enumerate(pending):
        path: list[FragmentFile] = []
        step: FragmentFile | None = start
        while step is not None and id(step) not in state:
            state[id(step)] = walk
            path.append(step)
            step = owners.get(step.parent)
        if step is not None and state[id(step)] == walk:  # this walk came back to itself
            looped.update(id(f) for f in path[path.index(step) :])
    return looped
