"""The figures, money and reasons of a comparison as a reader of each language writes them."""

from __future__ import annotations

from decimal import Decimal

from pohon.render.diff.values import FigureShift, MoneyShift, Note, TreeDiff
from pohon.render.reports.figures import format_budget, format_figure, format_number
from pohon.render.reports.wording import Labels

EMPTY = "–"


def figure(shift: FigureShift, side: str, labels: Labels) -> str:
    value = shift.before if side == "before" else shift.after
    return format_figure(value, labels.lang, EMPTY)


def money(amount: Decimal | None, labels: Labels) -> str:
    return EMPTY if amount is None else format_budget(amount, labels.lang, "Rp")


def signed(difference: Decimal | None, labels: Labels, *, rupiah: bool = False) -> str:
    """`+5`, `−2,5` (or `+Rp 1.000`): a difference; empty when there is none to compute."""
    if difference is None:
        return ""
    sign = "+" if difference >= 0 else "−"
    size = abs(difference)
    text = money(size, labels) if rupiah else format_number(size, labels.lang)
    return f"{sign}{text}"


def bracketed(difference: Decimal | None, labels: Labels, *, rupiah: bool = False) -> str:
    """`5` or `(2,5)`: a difference as the revision forms write it (a decrease in brackets)."""
    if difference is None:
        return ""
    size = abs(difference)
    text = money(size, labels) if rupiah else format_number(size, labels.lang)
    return f"({text})" if difference < 0 else text


def figure_change(shift: FigureShift, labels: Labels) -> str:
    """`2025: 80 → 85 (+5)`."""
    moved = f"{shift.year}: {figure(shift, 'before', labels)} → {figure(shift, 'after', labels)}"
    difference = signed(shift.difference, labels)
    return f"{moved} ({difference})" if difference else moved


def money_change(shift: MoneyShift, labels: Labels) -> str:
    moved = f"{shift.year}: {money(shift.before, labels)} → {money(shift.after, labels)}"
    difference = signed(shift.difference, labels, rupiah=True)
    return f"{moved} ({difference})" if difference else moved


def note_text(note: Note | None, labels: Labels) -> str:
    """`alasan: …; dasar: …; berlaku mulai 2026`: the recorded reason of a change, in one line."""
    if note is None:
        return ""
    parts = [
        (labels["diff_reason"], note.reason),
        (labels["diff_basis"], note.basis),
        (labels["diff_applies_from"], str(note.applies_from) if note.applies_from else None),
        (labels["diff_date"], note.date),
    ]
    return "; ".join(f"{word.lower()}: {value}" for word, value in parts if value)


def stat_line(diff: TreeDiff, labels: Labels) -> str:
    """One line: how many nodes, indicators and positions changed."""
    if diff.empty:
        return labels["diff_stat_none"].format(before=diff.before, after=diff.after)
    kinds = [node.kind for node in diff.nodes]
    return labels["diff_stat"].format(
        before=diff.before,
        after=diff.after,
        nodes=len(kinds),
        added=kinds.count("added"),
        removed=kinds.count("removed"),
        changed=kinds.count("changed"),
        indicators=sum(len(node.indicators) for node in diff.nodes if node.kind == "changed"),
        positions=len(diff.positions),
    )
