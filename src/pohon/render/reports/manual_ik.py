"""The Manual Indikator Kinerja: one card per IKU, with what the IKU document lists and more
(jenis and polaritas, reporting period, baseline, the end-of-period target)."""

from __future__ import annotations

from dataclasses import dataclass

from pohon.render.reports.key_indicators import Entry, KeyIndicator, figure, filled, key_indicators
from pohon.render.reports.wording import Labels
from pohon.tree.model import Tree


@dataclass(frozen=True)
class YearEntry:
    year: int | str  # a year, or the word for the end of the period
    value: Entry


@dataclass(frozen=True)
class ManualCard:
    title: str  # "Kartu 1"
    name: str
    objective: str  # "Sasaran Strategis: Meningkatnya …"
    definition: Entry
    calculation: Entry
    unit: Entry
    type: Entry  # jenis
    polarity: str  # always has a value: naik by default
    reporting_period: Entry
    data_source: Entry
    responsible: Entry
    baseline: Entry
    targets: tuple[YearEntry, ...]


@dataclass(frozen=True)
class Manual:
    chosen_by: str
    cards: tuple[ManualCard, ...]


def build_manual(tree: Tree, labels: Labels) -> Manual:
    chosen, by_tag = key_indicators(tree)
    years = tuple(tree.meta.period.years())
    cards = tuple(_card(n, key, years, labels) for n, key in enumerate(chosen, start=1))
    return Manual(labels["iku_by_tag"] if by_tag else labels["iku_by_level"], cards)


def _card(n: int, key: KeyIndicator, years: tuple[int, ...], labels: Labels) -> ManualCard:
    indicator, node = key.indicator, key.node
    targets = [YearEntry(year, figure(indicator.targets.get(year), labels)) for year in years]
    if indicator.end_target is not None:
        targets.append(YearEntry(labels["end_short"], figure(indicator.end_target, labels)))
    kind = labels.indicator_type(indicator.type) if indicator.type else None
    return ManualCard(
        title=labels["manual_card"].format(n=n),
        name=indicator.name,
        objective=f"{labels.level(node.level)}: {node.statement or node.name or node.id}",
        definition=filled(indicator.definition, labels),
        calculation=filled(indicator.calculation, labels),
        unit=filled(indicator.unit, labels),
        type=filled(kind, labels),
        polarity=labels.polarity(indicator.polarity),
        reporting_period=filled(indicator.reporting_period, labels),
        data_source=filled(indicator.data_source, labels),
        responsible=filled(key.position.title if key.position else None, labels),
        baseline=figure(indicator.baseline, labels),
        targets=tuple(targets),
    )
