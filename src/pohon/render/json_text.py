"""JSON text with exact numbers: `Decimal`s as the decimal they are, laid out as `json.dumps(indent=2)`.

The standard encoder takes numbers only as binary floats, which would turn
`12345678901234567890` into `…567168`; money and figures are exact here, so they are
written from their digits. Nested values are walked with a stack, not recursion, so no
depth of tree is too deep to export. Floats are refused: none should reach an export.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

_INDENT = "  "
DEEPEST_INDENT = 64
"""JSON levels indented further (a tree 30 nodes deep): below, lines keep this indent, or a
chain of 5,000 nodes would print 10,000 spaces before each of its last lines."""


def dumps(value: Any) -> str:
    """`value` (dicts, lists, text, whole numbers, Decimals, booleans, None) as JSON text."""
    out: list[str] = []
    # Each open container: its remaining items (text before the item, the item), its closer.
    stack: list[tuple[Iterator[tuple[str, Any]], str]] = []
    pending: Any = value
    while True:
        if pending is not _NOTHING:
            opened = _open(pending, len(stack) + 1)
            if opened is None:
                out.append(_scalar(pending))
            else:
                out.append(opened[0])
                stack.append(opened[1:])
            pending = _NOTHING
            continue
        if not stack:
            return "".join(out)
        items, closer = stack[-1]
        step = next(items, None)
        if step is None:
            stack.pop()
            out.append(closer)
        else:
            out.append(step[0])
            pending = step[1]


_NOTHING = object()


def _open(value: Any, depth: int) -> tuple[str, Iterator[tuple[str, Any]], str] | None:
    """A container's opening text, its items and its closing text; None for a scalar or `{}`."""
    inner = "\n" + _INDENT * min(depth, DEEPEST_INDENT)
    outer = "\n" + _INDENT * min(depth - 1, DEEPEST_INDENT)
    if isinstance(value, Mapping) and value:
        entries = ((_key(key), item) for key, item in value.items())
        return "{", _separated((f"{inner}{key}: ", item) for key, item in entries), f"{outer}}}"
    if isinstance(value, Sequence) and not isinstance(value, str) and value:
        return "[", _separated((inner, item) for item in value), f"{outer}]"
    return None


def _separated(items: Iterator[tuple[str, Any]]) -> Iterator[tuple[str, Any]]:
    for index, (before, item) in enumerate(items):
        yield ("," if index else "") + before, item


def _key(key: object) -> str:
    if not isinstance(key, str):
        raise TypeError(f"a JSON key is text, not {type(key).__name__}")
    return json.dumps(key, ensure_ascii=False)


def _scalar(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{}"
    if isinstance(value, Sequence) and not isinstance(value, str):
        return "[]"
    if isinstance(value, float):
        raise TypeError("a binary float reached the export; figures and money are Decimals")
    if isinstance(value, Decimal):
        return number_text(value)
    return json.dumps(value, ensure_ascii=False)  # text, int, bool, None


def number_text(value: Decimal) -> str:
    """A finite Decimal as a JSON number: whole numbers as integers, others without a trailing 0."""
    if not value.is_finite():
        raise ValueError(f"{value} is no JSON number")
    if value == value.to_integral_value():
        return str(int(value))
    return format(value, "f").rstrip("0")  # not normalize(): it rounds to 28 digits
