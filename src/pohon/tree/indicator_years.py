"""Which indicators are in force in a year: a replaced one ends, its replacement begins."""

from __future__ import annotations

from pohon.tree.model import Indicator


def in_force(indicator: Indicator, year: int) -> bool:
    """Whether `indicator` applies in `year`: from its `perubahan.berlaku_mulai` (if any) up to
    its `berlaku_sampai` (if any), both years included."""
    start = indicator.change.applies_from if indicator.change is not None else None
    if start is not None and year < start:
        return False
    return indicator.ends is None or year <= indicator.ends
