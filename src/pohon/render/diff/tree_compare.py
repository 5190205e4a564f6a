"""Compare two assembled trees: the changes of every node, indicator and position."""

from __future__ import annotations

from pohon.render.diff.compare_parts import indicator_diffs, money_shifts, pair_of
from pohon.render.diff.node_matching import Placed, flatten, match_nodes
from pohon.render.diff.values import NodeDiff, Note, Pair, PositionDiff, TreeDiff
from pohon.tree.header import Position
from pohon.tree.model import Node, Tree


def diff_trees(
    before: Tree | None, after: Tree | None, *, old_label: str, new_label: str
) -> TreeDiff:
    """What changed from `before` to `after` (None: the tree is not on that side)."""
    old = flatten(before.roots) if before else []
    new = flatten(after.roots) if after else []
    matching = match_nodes(old, new)
    reverse = {new_index: old_index for old_index, new_index in matching.pairs.items()}
    found: list[NodeDiff] = []
    for new_index, placed in enumerate(new):
        old_index = reverse.get(new_index)
        if old_index is None:
            found.append(_alone("added", placed.node, _parent_id(new, placed)))
            continue
        changed = _changed(old, new, old_index, new_index, matching.pairs, matching.how[old_index])
        if changed is not None:
            found.append(changed)
    for old_index, placed in enumerate(old):
        if old_index not in matching.pairs:
            found.append(_alone("removed", placed.node, _parent_id(old, placed)))
    positions = _positions(before.positions if before else {}, after.positions if after else {})
    return TreeDiff(old_label, new_label, tuple(found), positions)


def _parent_id(side: list[Placed], placed: Placed) -> str | None:
    return side[placed.parent].node.id if placed.parent >= 0 else None


def _alone(kind: str, node: Node, parent: str | None) -> NodeDiff:
    """A node on one side only: every indicator and pagu of it added (or removed)."""
    added = kind == "added"
    old, new = (None, node) if added else (node, None)
    return NodeDiff(
        kind,
        node.level,
        node.id,
        code=Pair(_attr(old, "code"), _attr(new, "code")),
        statement=Pair(_attr(old, "statement"), _attr(new, "statement")),
        name=Pair(_attr(old, "name"), _attr(new, "name")),
        parent=Pair(None if added else parent, parent if added else None),
        position=Pair(_attr(old, "position"), _attr(new, "position")),
        budget=money_shifts(old.budget if old else {}, new.budget if new else {}),
        indicators=indicator_diffs(old, new),
        note=Note.of(node.change),
    )


def _attr(node: Node | None, field: str) -> str | None:
    value: str | None = getattr(node, field) if node is not None else None
    return value


def _changed(
    old: list[Placed],
    new: list[Placed],
    old_index: int,
    new_index: int,
    pairs: dict[int, int],
    how: str,
) -> NodeDiff | None:
    before, after = old[old_index].node, new[new_index].node
    old_parent = old[old_index].parent
    moved = (pairs.get(old_parent) if old_parent >= 0 else -1) != new[new_index].parent
    indicators = indicator_diffs(before, after)
    budget = money_shifts(before.budget, after.budget)
    aspects = [
        ("id", before.id != after.id),
        ("moved", moved),
        ("statement", before.statement != after.statement),
        ("name", before.name != after.name),
        ("code", before.code != after.code),
        ("position", before.position != after.position),
        ("budget", bool(budget)),
        ("indicators", bool(indicators)),
    ]
    changed = tuple(name for name, differs in aspects if differs)
    if not changed:
        return None
    return NodeDiff(
        "changed",
        after.level,
        after.id,
        code=Pair(before.code, after.code),
        statement=Pair(before.statement, after.statement),
        name=Pair(before.name, after.name),
        aspects=changed,
        old_id=before.id if before.id != after.id else None,
        parent=Pair(_parent_id(old, old[old_index]), _parent_id(new, new[new_index]))
        if moved
        else None,
        position=pair_of(before.position, after.position),
        budget=budget,
        indicators=indicators,
        note=Note.of(after.change),
    )


def _positions(before: dict[str, Position], after: dict[str, Position]) -> tuple[PositionDiff, ...]:
    found = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        kind = "added" if old is None else "removed" if new is None else "changed"
        title = Pair(old.title if old else None, new.title if new else None)
        holder = pair_of(old.holder, new.holder) if old and new else None
        echelon = pair_of(old.echelon, new.echelon) if old and new else None
        found.append(PositionDiff(kind, key, title, holder, echelon))
    return tuple(found)
