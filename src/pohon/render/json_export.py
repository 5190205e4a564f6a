"""The canonical JSON export of a tree: stable keys, YAML order, documented in docs/export.md."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pohon.render.json_text import dumps
from pohon.tree.change_note import ChangeNote, IndicatorChangeNote
from pohon.tree.figure_reading import Number
from pohon.tree.model import Figure, Indicator, Node, Tree
from pohon.tree.years import END_OF_PERIOD

EXPORT_FORMAT = "pohon-export/1"


def _years(values: dict[int, Any]) -> dict[str, Any]:
    return {str(year): _figure(values[year]) for year in sorted(values)}


def _figure(value: Figure | Decimal | None) -> Decimal | str | None:
    """A figure as the exact number it is (a JSON number, never a float), or its text."""
    return value.value if isinstance(value, Number) else value


def _targets(indicator: Indicator) -> dict[str, Any]:
    targets = _years(indicator.targets)
    if indicator.end_target is not None:  # after the years, as written in `target`
        targets[END_OF_PERIOD] = _figure(indicator.end_target)
    return targets


def _change(note: ChangeNote | None) -> dict[str, Any] | None:
    """A `perubahan`: date, basis, reason, the year it applies from, and what it replaces."""
    if note is None:
        return None
    made = {"date": note.date, "basis": note.basis, "reason": note.reason,
            "applies_from": note.applies_from}  # fmt: skip
    if isinstance(note, IndicatorChangeNote):
        made["replaces"] = note.replaces
    return made


def _indicator(indicator: Indicator) -> dict[str, Any]:
    return {
        "name": indicator.name,
        "unit": indicator.unit,
        "type": indicator.type.value if indicator.type else None,
        "polarity": indicator.polarity.value,
        "baseline": _figure(indicator.baseline),
        "targets": _targets(indicator),
        "realisations": _years(indicator.realisations),
        "tags": list(indicator.tags),
        "notes": indicator.notes,
        "formula": indicator.formula.value if indicator.formula else None,
        "definition": indicator.definition,
        "calculation": indicator.calculation,
        "data_source": indicator.data_source,
        "reporting_period": indicator.reporting_period,
        "id": indicator.id,
        "change": _change(indicator.change),
        "ends": indicator.ends,
    }


def _node(node: Node) -> dict[str, Any]:
    return {
        "id": node.id,
        "level": node.level.value,
        "code": node.code,
        "name": node.name,
        "statement": node.statement,
        "position": node.position,
        "indicators": [_indicator(i) for i in node.indicators],
        "budget": _years(node.budget),
        "notes": node.notes,
        "number": node.number,
        "location": node.location,
        "ignore": list(node.ignore),
        "change": _change(node.change),
        "children": [],
    }


def _nodes(roots: list[Node]) -> list[dict[str, Any]]:
    """The nodes as nested mappings, built from a stack: a tree may be 20,000 levels deep."""
    top: list[dict[str, Any]] = []
    stack = [(root, top) for root in reversed(roots)]
    while stack:
        node, siblings = stack.pop()
        made = _node(node)
        siblings.append(made)
        stack.extend((child, made["children"]) for child in reversed(node.children))
    return top


def _nomenclature(value: str | dict[int, str] | None) -> str | dict[str, str] | None:
    """One version for the whole period, or one per year (keyed by the year as a string)."""
    if isinstance(value, dict):
        return {str(year): value[year] for year in sorted(value)}
    return value


def tree_to_dict(tree: Tree) -> dict[str, Any]:
    meta = tree.meta
    return {
        "format": EXPORT_FORMAT,
        "source": tree.source,
        "meta": {
            "pemda": meta.pemda,
            "opd": meta.opd,
            "period": {"start": meta.period.start, "end": meta.period.end},
            "nomenclature": _nomenclature(meta.nomenclature),
            "signatories": [s.position for s in meta.signatories],
            "region_code": meta.region_code,
            "opd_code": meta.opd_code,
            "source": meta.source,
            "location": meta.location,
            "head": {"title": meta.head.title, "holder": meta.head.holder} if meta.head else None,
            "signatures": [{"position": s.position, "place": s.place} for s in meta.signatories],
        },
        "positions": {
            key: {
                "title": p.title,
                "echelon": p.echelon.value if p.echelon else None,
                "holder": p.holder,
                "rank": p.rank,
                "superior": p.superior,
            }
            for key, p in tree.positions.items()
        },
        "nodes": _nodes(tree.roots),
    }


def tree_to_json(tree: Tree) -> str:
    return dumps(tree_to_dict(tree)) + "\n"
