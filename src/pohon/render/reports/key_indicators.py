"""The IKU document (Indikator Kinerja Utama, a decree of the Kepala Dinas): which indicators
are key, and per tujuan or sasaran their definition, formula, satuan, target per year,
data source and the position that answers for them.

An indicator is an IKU when it carries `tag: [IKU]`; when no indicator of the tree does,
the IKU are those of the agency's tujuan and sasaran strategis (what evaluators expect).
Whatever the tree does not record is marked `belum diisi`, never left as a dash.
"""

from __future__ import annotations

from dataclasses import dataclass

from pohon.core.vocabulary import Echelon, Level
from pohon.render.reports.figures import format_figure
from pohon.render.reports.spans import Span, rowspans
from pohon.render.reports.wording import Labels
from pohon.tree.header import Position
from pohon.tree.indicator_manual import IKU_TAG
from pohon.tree.model import Figure, Indicator, Node, Tree

DEFAULT_LEVELS = (Level.TUJUAN_OPD, Level.SASARAN_STRATEGIS)
"""Whose indicators are the IKU when none is tagged: the agency's tujuan and sasaran strategis."""


@dataclass(frozen=True)
class Entry:
    """One printed value; `missing`: the tree does not record it (printed as the mark)."""

    text: str
    missing: bool = False


@dataclass(frozen=True)
class KeyIndicator:
    """An IKU with the node it measures and the position that answers for that node."""

    node: Node
    indicator: Indicator
    position: Position | None


@dataclass(frozen=True)
class IkuRow:
    number: Span
    objective: Span  # the tujuan or sasaran, merged over its IKU
    indicator: str
    definition: Entry
    calculation: Entry
    unit: Entry
    targets: tuple[Entry, ...]
    data_source: Entry
    responsible: Entry


@dataclass(frozen=True)
class Signer:
    place: str  # "Mamuju, ...................." or the blank place and date
    title: str
    holder: Entry
    rank: str | None
    nip: str


@dataclass(frozen=True)
class IkuDocument:
    decree: str  # "KEPUTUSAN KEPALA DINAS SOSIAL"
    subject: str  # "INDIKATOR KINERJA UTAMA DINAS SOSIAL … TAHUN 2021–2026"
    annex: str
    chosen_by: str  # how the IKU were chosen: by tag, or by level
    years: tuple[int, ...]
    rows: tuple[IkuRow, ...]
    signer: Signer | None


def is_tagged(indicator: Indicator) -> bool:
    return any(tag.strip().upper() == IKU_TAG for tag in indicator.tags)


def key_indicators(tree: Tree) -> tuple[list[KeyIndicator], bool]:
    """The tree's IKU in YAML order, and whether they were chosen by their tag."""
    nodes = list(tree.walk())
    tagged = [(n, i) for n in nodes for i in n.indicators if is_tagged(i)]
    chosen = tagged or [(n, i) for n in nodes if n.level in DEFAULT_LEVELS for i in n.indicators]
    answering = responsible_positions(tree)
    found = [KeyIndicator(node, i, answering.get(id(node))) for node, i in chosen]
    return found, bool(tagged)


def responsible_positions(tree: Tree) -> dict[int, Position]:
    """By id() of each node, the position that answers for it: its own `jabatan`, else the
    nearest one above it (a kegiatan without one is its program's Kabid's)."""
    found: dict[int, Position] = {}
    stack: list[tuple[Node, Position | None]] = [(root, None) for root in reversed(tree.roots)]
    while stack:
        node, above = stack.pop()
        own = tree.positions.get(node.position) if node.position else None
        here = own or above
        if here is not None:
            found[id(node)] = here
        stack.extend((child, here) for child in reversed(node.children))
    return found


def filled(value: str | None, labels: Labels) -> Entry:
    return Entry(value) if value else Entry(labels["not_filled"], missing=True)


def figure(value: Figure | None, labels: Labels) -> Entry:
    if value is None:
        return Entry(labels["not_filled"], missing=True)
    return Entry(format_figure(value, labels.lang, ""))


def build_iku(tree: Tree, labels: Labels) -> IkuDocument:
    chosen, by_tag = key_indicators(tree)
    years = tuple(tree.meta.period.years())
    numbers = rowspans([id(key.node) for key in chosen])
    counted, rows = 0, []
    for key, span in zip(chosen, numbers, strict=True):
        counted += 1 if span else 0
        rows.append(_row(key, Span(str(counted), span), years, labels))
    opd, period = tree.meta.opd, f"{tree.meta.period.start}–{tree.meta.period.end}"
    return IkuDocument(
        decree=labels["iku_decree"].format(opd=opd).upper(),  # the head of the agency decrees
        subject=labels["iku_subject"].format(opd=opd, period=period).upper(),
        annex=labels["iku_annex"].format(opd=opd),
        chosen_by=labels["iku_by_tag"] if by_tag else labels["iku_by_level"],
        years=years,
        rows=tuple(rows),
        signer=signer_of(tree, labels),
    )


def _row(key: KeyIndicator, number: Span, years: tuple[int, ...], labels: Labels) -> IkuRow:
    indicator = key.indicator
    return IkuRow(
        number=number,
        objective=Span(key.node.statement or key.node.name or key.node.id, number.rowspan),
        indicator=indicator.name,
        definition=filled(indicator.definition, labels),
        calculation=filled(indicator.calculation, labels),
        unit=filled(indicator.unit, labels),
        targets=tuple(figure(indicator.targets.get(year), labels) for year in years),
        data_source=filled(indicator.data_source, labels),
        responsible=filled(key.position.title if key.position else None, labels),
    )


def signer_of(tree: Tree, labels: Labels) -> Signer | None:
    """Who signs the decree: the tree's first `penandatangan`, else its Eselon II position."""
    place: str | None = None
    position: Position | None = None
    if tree.meta.signatories:
        first = tree.meta.signatories[0]
        place, position = first.place, tree.positions.get(first.position)
    if position is None:
        heads = [p for p in tree.positions.values() if p.echelon is Echelon.II]
        position = heads[0] if heads else None
    if position is None:
        return None
    return Signer(
        place=f"{place}, ...................." if place else labels["date_blank"],
        title=position.title,
        holder=Entry(position.holder) if position.holder else Entry(labels["holder_blank"], True),
        rank=position.rank,
        nip=f"{labels['nip']}. {position.nip or '....................'}",
    )
