"""The comparison as JSON for other tools: the stable schema of docs/diff.md (`pohon-diff/1`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pohon.render.diff.values import (
    FigureShift,
    IndicatorDiff,
    MoneyShift,
    NodeDiff,
    Note,
    Pair,
    PositionDiff,
    TreeDiff,
)
from pohon.render.json_text import dumps
from pohon.tree.figure_reading import Number

FORMAT = "pohon-diff/1"


def json_diff(diffs: Sequence[TreeDiff]) -> str:
    """Every tree's comparison in one document; numbers exact, keys in a fixed order."""
    return dumps({"format": FORMAT, "trees": [tree_dict(diff) for diff in diffs]}) + "\n"


def tree_dict(diff: TreeDiff) -> dict[str, Any]:
    kinds = [node.kind for node in diff.nodes]
    return {
        "before": diff.before,
        "after": diff.after,
        "changed": not diff.empty,
        "summary": {
            "added": kinds.count("added"),
            "removed": kinds.count("removed"),
            "changed": kinds.count("changed"),
            "positions": len(diff.positions),
        },
        "nodes": [_node(node) for node in diff.nodes],
        "positions": [_position(position) for position in diff.positions],
    }


def _pair(pair: Pair | None) -> dict[str, Any] | None:
    return None if pair is None else {"before": pair.before, "after": pair.after}


def _note(note: Note | None) -> dict[str, Any] | None:
    if note is None:
        return None
    return {
        "date": note.date,
        "basis": note.basis,
        "reason": note.reason,
        "applies_from": note.applies_from,
        "replaces": note.replaces,
    }


def _figure(value: object) -> Any:
    return value.value if isinstance(value, Number) else value


def _shift(shift: FigureShift | MoneyShift) -> dict[str, Any]:
    return {
        "year": shift.year,
        "before": _figure(shift.before),
        "after": _figure(shift.after),
        "difference": shift.difference,
    }


def _indicator(indicator: IndicatorDiff) -> dict[str, Any]:
    return {
        "kind": indicator.kind,
        "id": indicator.id,
        "aspects": list(indicator.aspects),
        "name": _pair(indicator.name),
        "unit": _pair(indicator.unit),
        "polarity": _pair(indicator.polarity),
        "ends": _pair(indicator.ends),
        "targets": [_shift(shift) for shift in indicator.targets],
        "realisations": [_shift(shift) for shift in indicator.realisations],
        "note": _note(indicator.note),
    }


def _node(node: NodeDiff) -> dict[str, Any]:
    return {
        "kind": node.kind,
        "level": node.level.value,
        "id": node.id,
        "old_id": node.old_id,
        "aspects": list(node.aspects),
        "code": _pair(node.code),
        "statement": _pair(node.statement),
        "name": _pair(node.name),
        "parent": _pair(node.parent),
        "position": _pair(node.position),
        "budget": [_shift(shift) for shift in node.budget],
        "indicators": [_indicator(indicator) for indicator in node.indicators],
        "note": _note(node.note),
    }


def _position(position: PositionDiff) -> dict[str, Any]:
    return {
        "kind": position.kind,
        "id": position.id,
        "title": _pair(position.title),
        "holder": _pair(position.holder),
        "echelon": _pair(position.echelon),
    }
