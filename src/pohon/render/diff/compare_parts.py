"""What changed between two versions of one node or one indicator."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from pohon.render.diff.indicator_matching import pair_indicators
from pohon.render.diff.values import FigureShift, IndicatorDiff, MoneyShift, Note, Pair
from pohon.tree.model import Figure, Indicator, Node


def figure_shifts(
    before: Mapping[int, Figure], after: Mapping[int, Figure]
) -> tuple[FigureShift, ...]:
    """Each year whose figure differs, in order of the years."""
    years = sorted(set(before) | set(after))
    return tuple(
        FigureShift(year, before.get(year), after.get(year))
        for year in years
        if before.get(year) != after.get(year)
    )


def money_shifts(
    before: Mapping[int, Decimal], after: Mapping[int, Decimal]
) -> tuple[MoneyShift, ...]:
    years = sorted(set(before) | set(after))
    return tuple(
        MoneyShift(year, before.get(year), after.get(year))
        for year in years
        if before.get(year) != after.get(year)
    )


def pair_of(before: object, after: object) -> Pair | None:
    """The two values as text, when they differ (None when they are the same)."""
    if before == after:
        return None
    return Pair(_text(before), _text(after))


def _text(value: object) -> str | None:
    if value is None:
        return None
    return str(getattr(value, "value", value))


def indicator_diffs(old: Node | None, new: Node | None) -> tuple[IndicatorDiff, ...]:
    """Every indicator of the node that was added, removed, replaced or changed."""
    if old is not None and new is not None and _same(old.indicators, new.indicators):
        return ()  # most nodes of a revision: no pairing needed
    found = []
    for before, after, how in pair_indicators(
        old.indicators if old else [], new.indicators if new else []
    ):
        diff = indicator_diff(before, after, how)
        if diff is not None:
            found.append(diff)
    return tuple(found)


def _same(old: list[Indicator], new: list[Indicator]) -> bool:
    return len(old) == len(new) and all(map(_alike, old, new))


def _alike(first: Indicator, second: Indicator) -> bool:
    """The same as far as a comparison reports (no diff_trees pairing could find a change)."""
    return (
        first.name == second.name
        and first.id == second.id
        and first.unit == second.unit
        and first.polarity == second.polarity
        and first.ends == second.ends
        and first.targets == second.targets
        and first.realisations == second.realisations
    )


def indicator_diff(
    before: Indicator | None, after: Indicator | None, how: str
) -> IndicatorDiff | None:
    """The change from `before` to `after`; None when nothing a reader sees changed."""
    if before is None and after is None:
        return None
    kind = "added" if before is None else "removed" if after is None else "changed"
    if how == "replaced":
        kind = "replaced"
    shown = after or before
    assert shown is not None
    name = Pair(before.name if before else None, after.name if after else None)
    diff = IndicatorDiff(
        kind,
        shown.id,
        name,
        unit=pair_of(before.unit, after.unit) if before and after else None,
        polarity=pair_of(before.polarity, after.polarity) if before and after else None,
        ends=pair_of(before.ends, after.ends) if before and after else None,
        targets=figure_shifts(_of(before, "targets"), _of(after, "targets")),
        realisations=figure_shifts(_of(before, "realisations"), _of(after, "realisations")),
        note=Note.of(shown.change),
    )
    if kind == "changed" and not diff.aspects:
        return None
    return diff


def _of(indicator: Indicator | None, field: str) -> Mapping[int, Figure]:
    if indicator is None:
        return {}
    figures: Mapping[int, Figure] = getattr(indicator, field)
    return figures
