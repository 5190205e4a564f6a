"""Merged cells of a table whose rows run in tree order: equal keys in a row run share one cell."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A merged cell: its text and how many rows it spans (0: the cell above covers it)."""

    text: str
    rowspan: int


def rowspans(keys: Sequence[Hashable]) -> list[int]:
    """Per row, how many rows its cell spans: the first of each run of equal keys gets the
    run's length, the rest 0 (covered). A column's key includes those of the columns to its
    left, so that a merged cell never reaches past its parent's."""
    spans = [0] * len(keys)
    top = 0
    for row in range(1, len(keys) + 1):
        if row == len(keys) or keys[row] != keys[top]:
            spans[top] = row - top
            top = row
    return spans
