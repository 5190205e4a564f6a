"""What the register shows of a node beside its indicators' figures: its pagu, its notes and tags."""

from __future__ import annotations

from pohon.render.reports.matrix_figures import rupiah_or_none
from pohon.render.reports.wording import Labels
from pohon.tree.budget import Pagu
from pohon.tree.model import Indicator, Node


def budget_lines(
    node: Node, years: tuple[int, ...], labels: Labels, amounts: Pagu
) -> tuple[str, ...]:
    """`2024: Rp …` for each year the node has a pagu (its own, else its children's sum)."""
    lines = []
    for year in years:
        amount = amounts.of(node, year)
        if amount is not None:
            lines.append(f"{year}: {rupiah_or_none(amount, labels)}")
    return tuple(lines)


def notes_of(
    node: Node, indicator: Indicator | None, labels: Labels, *, first: bool = True
) -> tuple[str, ...]:
    """The indicator's `tag` and `catatan`, then the node's `catatan` (on its first entry only)."""
    notes = []
    if indicator is not None and indicator.tags:
        notes.append(f"{labels['tags']}: {', '.join(indicator.tags)}")
    if indicator is not None and indicator.notes:
        notes.append(indicator.notes)
    if indicator is not None:
        notes += change_marks(indicator, labels)
    if first and node.notes:
        notes.append(node.notes)
    return tuple(notes)


def change_marks(indicator: Indicator, labels: Labels) -> list[str]:
    """A replaced indicator's last year and a replacement's first year and what it replaces."""
    marks = []
    change = indicator.change
    if change is not None and change.replaces:
        marks.append(labels["register_replaces"].format(id=change.replaces))
    if change is not None and change.applies_from is not None:
        marks.append(labels["register_from"].format(year=change.applies_from))
    if indicator.ends is not None:
        marks.append(labels["register_ends"].format(year=indicator.ends))
    if change is not None and change.reason:
        marks.append(f"{labels['diff_reason']}: {change.reason}")
    return marks
