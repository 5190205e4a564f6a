"""The tree's data sheets as plain rows: every field the JSON export holds, one row per indicator.

A pure function of the tree (render/data_sheets.py writes these rows into a workbook, and
`pohon import --layout pohon` reads them back into the same tree). The columns are the flat
layout's (docs/import.md), with `id` and `induk` so that the tree comes back exactly.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from pohon.source.spreadsheet.pohon_layout import META_HEADER, POSITION_COLUMNS
from pohon.source.spreadsheet.rows import INDICATOR_TEXTS, META_TEXTS, NODE_TEXTS
from pohon.tree.figure_reading import Number
from pohon.tree.model import Figure, Indicator, Node, Tree
from pohon.tree.years import END_OF_PERIOD

Cell = str | int | Decimal | None
"""A data-sheet cell: text, an exact number (a figure or rupiah), or empty."""


@dataclass(frozen=True)
class TreeTable:
    meta: list[tuple[Cell, ...]]
    positions: list[tuple[Cell, ...]]
    header: list[str]
    rows: list[list[Cell]]


def by_path(model: BaseModel, path: tuple[str, ...]) -> Cell:
    """The value at `path` (YAML keys) of a model: what a text column (rows.py) holds."""
    value: Any = model
    for key in path:
        if value is None:
            return None
        kind: type[BaseModel] = type(value)
        value = getattr(value, _field_name(kind, key))
    cell: Cell = getattr(value, "value", value)  # an enum as its YAML word
    return cell


@functools.cache
def _field_name(kind: type[BaseModel], key: str) -> str:
    """The field of `kind` written as `key` in YAML (looked up once: a call per cell)."""
    return next(n for n, f in kind.model_fields.items() if (f.alias or n) == key)


def _figure(value: Figure | None) -> Cell:
    """A figure's exact number; one written with its unit (`14 Dokumen`) as that text."""
    if not isinstance(value, Number):
        return value
    if value.unit is None:
        return value.value
    text = format(value.value, "f").replace(".", ",")
    return f"Rp {text}" if value.unit == "Rp" else f"{text} {value.unit}"


def _years(tree: Tree) -> tuple[list[int], list[int], list[int]]:
    targets: set[int] = set()
    budgets: set[int] = set()
    realised: set[int] = set()
    for node in tree.walk():
        budgets.update(node.budget)
        for indicator in node.indicators:
            targets.update(indicator.targets)
            realised.update(indicator.realisations)
    return sorted(targets), sorted(budgets), sorted(realised)


def _meta(tree: Tree) -> list[tuple[Cell, ...]]:
    meta = tree.meta
    rows: list[tuple[Cell, ...]] = [
        META_HEADER,
        ("pemda", meta.pemda, None),
        ("opd", meta.opd, None),
    ]
    rows += [("periode_awal", meta.period.start, None), ("periode_akhir", meta.period.end, None)]
    if isinstance(meta.nomenclature, dict):
        rows += [
            (f"nomenklatur_{year}", text, None) for year, text in sorted(meta.nomenclature.items())
        ]
    elif meta.nomenclature:
        rows.append(("nomenklatur", meta.nomenclature, None))
    texts = ((key, by_path(meta, path)) for key, path in META_TEXTS.items())
    rows += [(key, value, None) for key, value in texts if value is not None]
    rows += [("penandatangan", s.position, s.place) for s in meta.signatories]
    return rows


def _positions(tree: Tree) -> list[tuple[Cell, ...]]:
    rows: list[tuple[Cell, ...]] = [POSITION_COLUMNS]
    for key, p in tree.positions.items():
        rows.append((key, *(by_path(p, (column,)) for column in POSITION_COLUMNS[1:])))
    return rows


def _indicator_cells(
    indicator: Indicator | None, targets: list[int], realised: list[int]
) -> list[Cell]:
    if indicator is None:
        return [None] * (9 + len(INDICATOR_TEXTS) + len(targets) + len(realised))
    return [
        indicator.name,
        indicator.unit,
        indicator.type.value if indicator.type else None,
        indicator.polarity.value,
        indicator.formula.value if indicator.formula else None,
        _figure(indicator.baseline),
        *(_figure(indicator.targets.get(year)) for year in targets),
        _figure(indicator.end_target),
        *(_figure(indicator.realisations.get(year)) for year in realised),
        ", ".join(indicator.tags) or None,
        indicator.notes,
        *(by_path(indicator, path) for path in INDICATOR_TEXTS.values()),
    ]


def tree_table(tree: Tree) -> TreeTable:
    targets, budgets, realised = _years(tree)
    header = [
        "id", "induk", "tingkat", "kode", "nomor", *NODE_TEXTS, "jabatan", "abaikan",
        *(f"pagu_{y}" for y in budgets), "indikator", "satuan", "jenis", "polaritas",
        "rumus_capaian", "kondisi_awal", *(f"target_{y}" for y in targets), f"target_{END_OF_PERIOD}",
        *(f"realisasi_{y}" for y in realised), "tag", "catatan_indikator", *INDICATOR_TEXTS,
    ]  # fmt: skip
    rows: list[list[Cell]] = []
    parents = tree.parents()
    for node in tree.walk():
        parent = parents.get(id(node))
        cells = _node_cells(node, parent, budgets)
        shown: list[Indicator | None] = [*node.indicators] or [None]
        for indicator in shown:
            rows.append(cells + _indicator_cells(indicator, targets, realised))
    return TreeTable(_meta(tree), _positions(tree), header, rows)


def _node_cells(node: Node, parent: Node | None, budgets: list[int]) -> list[Cell]:
    return [
        node.id,
        parent.id if parent else None,
        node.level.value,
        node.code,
        node.number,
        *(by_path(node, path) for path in NODE_TEXTS.values()),
        node.position,
        ", ".join(node.ignore) or None,
        *(node.budget.get(year) for year in budgets),
    ]
