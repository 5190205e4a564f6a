"""The canonical JSON export of a tree: stable keys, YAML order, documented in docs/export.md."""

from __future__ import annotations

import json
from collections.abc import Iterator
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
        "nodes": _nodes(tree.roots),
    }


def tree_to_json(tree: Tree) -> str:
    """The export as `json.dumps(..., ensure_ascii=False, indent=2)` writes it, written from a
    stack: json's encoders recurse, once per level, and stop a thousand levels down."""
    out: list[str] = []
    stack: list[tuple[Iterator[tuple[str | None, Any]], int, str]] = []
    _open(tree_to_dict(tree), 0, out, stack)
    while stack:
        items, depth, closing = stack[-1]
        item = next(items, None)
        if item is None:
            stack.pop()
            out.append(f"\n{_indent(depth - 1)}{closing}")
            continue
        key, value = item
        out.append(f"{'' if out[-1] in ('[', '{') else ','}\n{_indent(depth)}")
        if key is not None:
            out.append(f"{_scalar(key)}: ")
        _open(value, depth, out, stack)
    return "".join(out) + "\n"


DEEPEST_INDENT = 64
"""JSON levels indented further (a tree 30 nodes deep): below, lines keep this indent, or a
chain of 5,000 nodes would print 10,000 spaces before each of its last lines."""


def _indent(depth: int) -> str:
    return "  " * min(depth, DEEPEST_INDENT)


def _open(value: Any, depth: int, out: list[str], stack: list[Any]) -> None:
    """Write a scalar or an empty collection, or open a collection whose items come next."""
    if isinstance(value, dict) and value:
        out.append("{")
        stack.append((iter(value.items()), depth + 1, "}"))
    elif isinstance(value, list) and value:
        out.append("[")
        stack.append((((None, item) for item in value), depth + 1, "]"))
    else:
        out.append(_scalar(value))


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
