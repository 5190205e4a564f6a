"""Which indicator of a node is which after a revision: by id, name, replacement, then place."""

from __future__ import annotations

from pohon.render.diff.similar import INDICATOR_LIKENESS, best_match, likeness, normal
from pohon.tree.model import Indicator

Paired = tuple[Indicator | None, Indicator | None, str]
"""An old indicator, a new one (None: removed or added) and how they pair: id, name,
replaced, place, or "" for one with no partner."""


def pair_indicators(old: list[Indicator], new: list[Indicator]) -> list[Paired]:
    """The old and new indicators of one node paired, in the new order, the removed last."""
    partner: dict[int, tuple[int, str]] = {}  # new index → (old index, how)
    used: set[int] = set()

    def pair(new_index: int, old_index: int, how: str) -> None:
        partner[new_index] = (old_index, how)
        used.add(old_index)

    old_ids = {item.id: index for index, item in enumerate(old) if item.id}
    for index, item in enumerate(new):
        if item.id and (found := old_ids.get(item.id)) is not None:
            pair(index, found, "id")
    old_names: dict[str, int] = {}
    for index, item in enumerate(old):
        if index not in used:
            old_names.setdefault(normal(item.name), index)
    for index, item in enumerate(new):
        found = old_names.get(normal(item.name))
        free = index not in partner and found is not None and found not in used
        if free and found is not None and _may_pair(old[found], item):
            pair(index, found, "name")
    for index, item in enumerate(new):
        replaces = item.change.replaces if item.change else None
        if index not in partner and replaces and (found := old_ids.get(replaces)) is not None:
            partner[index] = (found, "replaced")  # the replaced one may also stay, ending
            used.add(found)
    _by_place(old, new, partner, used)
    paired: list[Paired] = []
    for index, item in enumerate(new):
        if index in partner:
            old_index, how = partner[index]
            paired.append((old[old_index], item, how))
        else:
            paired.append((None, item, ""))
    kept = {old_index for old_index, how in partner.values() if how != "replaced"}
    paired += [
        (item, None, "")
        for index, item in enumerate(old)
        if index not in kept and index not in used
    ]
    return paired


def _may_pair(old: Indicator, new: Indicator) -> bool:
    """Two indicators with different ids are two indicators, however alike they read."""
    return not (old.id and new.id and old.id != new.id)


def _by_place(
    old: list[Indicator], new: list[Indicator], partner: dict[int, tuple[int, str]], used: set[int]
) -> None:
    """Leftovers at the same place among the leftovers, if alike; then the most alike."""
    old_left = [index for index in range(len(old)) if index not in used]
    new_left = [index for index in range(len(new)) if index not in partner]
    for old_index, new_index in zip(old_left, new_left, strict=False):
        first, second = old[old_index], new[new_index]
        alike = likeness(normal(first.name), normal(second.name), INDICATOR_LIKENESS)
        if _may_pair(first, second) and alike >= INDICATOR_LIKENESS:
            partner[new_index] = (old_index, "place")
            used.add(old_index)
    candidates = [
        (index, normal(old[index].name)) for index in range(len(old)) if index not in used
    ]
    for new_index in range(len(new)):
        if new_index in partner or not candidates:
            continue
        item = new[new_index]
        allowed = [c for c in candidates if _may_pair(old[c[0]], item)]
        found = best_match(normal(item.name), allowed, INDICATOR_LIKENESS)
        if found is not None:
            partner[new_index] = (found, "place")
            used.add(found)
            candidates = [c for c in candidates if c[0] != found]
