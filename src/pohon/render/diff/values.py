"""The values a comparison gives: plain frozen dataclasses every output format prints from."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext

from pohon.core.vocabulary import Level
from pohon.tree.change_note import ChangeNote, IndicatorChangeNote
from pohon.tree.figure_reading import Number
from pohon.tree.model import Figure

_PRECISION = 80  # digits of a difference: figures and pagu have at most 30, so it stays exact


def _difference(before: Decimal | None, after: Decimal | None) -> Decimal | None:
    if before is None or after is None:
        return None
    with localcontext(prec=_PRECISION):
        return after - before


@dataclass(frozen=True, slots=True)
class FigureShift:
    """One year's target or realisation before and after (None: not written)."""

    year: int
    before: Figure | None
    after: Figure | None

    @property
    def difference(self) -> Decimal | None:
        """After minus before, when both are numbers."""
        if isinstance(self.before, Number) and isinstance(self.after, Number):
            return _difference(self.before.value, self.after.value)
        return None


@dataclass(frozen=True, slots=True)
class MoneyShift:
    """One year's pagu before and after, exact rupiah."""

    year: int
    before: Decimal | None
    after: Decimal | None

    @property
    def difference(self) -> Decimal | None:
        return _difference(self.before, self.after)


@dataclass(frozen=True, slots=True)
class Note:
    """The recorded reason of a change (`perubahan`)."""

    date: str | None
    basis: str | None
    reason: str | None
    applies_from: int | None
    replaces: str | None = None

    @classmethod
    def of(cls, change: ChangeNote | None) -> Note | None:
        if change is None:
            return None
        replaces = change.replaces if isinstance(change, IndicatorChangeNote) else None
        return cls(change.date, change.basis, change.reason, change.applies_from, replaces)


@dataclass(frozen=True, slots=True)
class Pair:
    """One attribute before and after (only made when they differ)."""

    before: str | None
    after: str | None


@dataclass(frozen=True, slots=True)
class IndicatorDiff:
    """One indicator that was added, removed, replaced or changed.

    `kind`: added, removed, replaced (an indicator whose `perubahan.menggantikan` names
    the old one) or changed; `name` always holds both names (equal unless reworded).
    """

    kind: str
    id: str | None
    name: Pair
    unit: Pair | None = None
    polarity: Pair | None = None
    ends: Pair | None = None
    targets: tuple[FigureShift, ...] = ()
    realisations: tuple[FigureShift, ...] = ()
    note: Note | None = None

    @property
    def reworded(self) -> bool:
        return self.kind == "changed" and self.name.before != self.name.after

    @property
    def aspects(self) -> tuple[str, ...]:
        """What changed on a changed indicator: reworded, unit, polarity, ends, targets, realisations."""
        found = [
            ("reworded", self.reworded),
            ("unit", self.unit is not None),
            ("polarity", self.polarity is not None),
            ("ends", self.ends is not None),
            ("targets", bool(self.targets)),
            ("realisations", bool(self.realisations)),
        ]
        return tuple(name for name, changed in found if changed)


@dataclass(frozen=True, slots=True)
class NodeDiff:
    """One node that was added, removed or changed, with what changed on it.

    `kind`: added, removed or changed; `aspects` of a changed node: moved, statement,
    name, code, position, budget, indicators (and id, when it was matched otherwise).
    """

    kind: str
    level: Level
    id: str
    code: Pair
    statement: Pair
    name: Pair
    aspects: tuple[str, ...] = ()
    old_id: str | None = None
    parent: Pair | None = None
    position: Pair | None = None
    budget: tuple[MoneyShift, ...] = ()
    indicators: tuple[IndicatorDiff, ...] = ()
    note: Note | None = None

    @property
    def label(self) -> str:
        """What the node says: its statement, else its name (the newer one)."""
        return (
            self.statement.after
            or self.name.after
            or self.statement.before
            or self.name.before
            or ""
        )

    @property
    def shown_code(self) -> str:
        return self.code.after or self.code.before or ""


@dataclass(frozen=True, slots=True)
class PositionDiff:
    """A position (`jabatan`) added, removed or changed (title, holder or echelon)."""

    kind: str
    id: str
    title: Pair
    holder: Pair | None = None
    echelon: Pair | None = None


@dataclass(frozen=True, slots=True)
class TreeDiff:
    """Every change between two versions of one tree."""

    before: str  # how each side was named: a path, or REV:PATH
    after: str
    nodes: tuple[NodeDiff, ...]
    positions: tuple[PositionDiff, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.nodes and not self.positions
