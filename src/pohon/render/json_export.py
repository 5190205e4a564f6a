"""The canonical JSON export of a tree: stable keys, YAML order, documented in docs/export.md."""

from __future__ import annotations

import json
from typing import Any

from pohon.tree.model import Indicator, Node, Tree

EXPORT_FORMAT = "pohon-export/1"


def _years(values: dict[int, Any]) -> dict[str, Any]:
    return {str(year): values[year] for year in sorted(values)}


def _indicator(indicator: Indicator) -> dict[str, Any]:
    return {
        "name": indicator.name,
        "unit": indicator.unit,
        "type": indicator.type.value if indicator.type else None,
        "polarity": indicator.polarity.value,
        "baseline": indicator.baseline,
        "targets": _years(indicator.targets),
        "realisations": _years(indicator.realisations),
        "tags": list(indicator.tags),
        "notes": indicator.notes,
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
        "children": [_node(child) for child in node.children],
    }


def tree_to_dict(tree: Tree) -> dict[str, Any]:
    meta = tree.meta
    return {
        "format": EXPORT_FORMAT,
        "source": tree.source,
        "meta": {
            "pemda": meta.pemda,
            "opd": meta.opd,
            "period": {"start": meta.period.start, "end": meta.period.end},
            "nomenclature": meta.nomenclature,
            "signatories": [s.position for s in meta.signatories],
        },
        "positions": {
            key: {
                "title": p.title,
                "echelon": p.echelon.value if p.echelon else None,
                "holder": p.holder,
            }
            for key, p in tree.positions.items()
        },
        "nodes": [_node(root) for root in tree.roots],
    }


def tree_to_json(tree: Tree) -> str:
    return json.dumps(tree_to_dict(tree), ensure_ascii=False, indent=2) + "\n"
