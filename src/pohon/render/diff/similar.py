"""How alike two texts are: the similarity that pairs a reworded statement or indicator."""

from __future__ import annotations

from difflib import SequenceMatcher

STATEMENT_LIKENESS = 0.6
"""Two statements at least this alike (0–1) are one node reworded, not one removed and one added."""
INDICATOR_LIKENESS = 0.5
"""The same for two indicators at the same place among their node's indicators."""
MAX_CANDIDATES = 50
"""At most this many leftovers of one parent and level are compared with each other: the
comparison stays linear in the tree's size however a tree is rewritten."""


def normal(text: str | None) -> str:
    """Text as compared: lower case, one space between words."""
    return " ".join((text or "").lower().split())


def likeness(first: str, second: str, floor: float) -> float:
    """How alike two normalised texts are (0–1); 0 when they are surely less alike than `floor`."""
    if first == second:
        return 1.0
    matcher = SequenceMatcher(None, first, second, autojunk=False)
    if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
        return 0.0
    return matcher.ratio()


def best_match(text: str, candidates: list[tuple[int, str]], floor: float) -> int | None:
    """The key of the candidate most like `text` (first of equals), if any is at least `floor`."""
    shortlist = candidates[:MAX_CANDIDATES]
    best, found = floor, None
    for key, other in shortlist:
        score = likeness(text, other, best)
        if score >= best and (found is None or score > best):
            best, found = score, key
    return found
