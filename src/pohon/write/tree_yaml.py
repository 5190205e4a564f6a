"""A tree document as the YAML a person writes: block style, the keys in the schema's order.

Texts are written plain where YAML reads them back as the same text, else double-quoted
(JSON's escapes are YAML's); figures in the Indonesian way (`19,21`), so that the loader's
one reading of figures gives back the exact value.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

_PLAIN = re.compile(r"^[A-Za-z\u00c0-\uffff(][^\n\t]*$")
_SPECIAL = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"})
SCHEMA_LINE = (
    "# yaml-language-server: $schema=https://pohon-kinerja.github.io/pohon/pohon.schema.json"
)


def scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return figure_text(value)
    text = str(value)
    if (
        _PLAIN.match(text)
        and text == text.strip()
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and text.lower() not in _SPECIAL
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def figure_text(value: Decimal) -> str:
    """A figure as the loader reads it back exactly: a comma for the decimal mark, no grouping."""
    text = format(value, "f")
    return text.replace(".", ",") if "." in text else text


def _lines(value: Any, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            head = f"{pad}{scalar(key)}:"
            if isinstance(item, dict | list) and item:
                out.append(head)
                _lines(item, indent + 2, out)
            else:
                out.append(
                    f"{head} {_empty(item) if isinstance(item, dict | list) else scalar(item)}"
                )
    else:
        for item in value:
            if isinstance(item, dict) and item:
                inner: list[str] = []
                _lines(item, indent + 2, inner)
                out.append(f"{pad}- {inner[0][indent + 2 :]}")
                out.extend(inner[1:])
            else:
                out.append(
                    f"{pad}- {_empty(item) if isinstance(item, dict | list) else scalar(item)}"
                )


def _empty(value: dict[Any, Any] | list[Any]) -> str:
    return "{}" if isinstance(value, dict) else "[]"


def tree_yaml(document: dict[str, Any], header: str = "") -> str:
    """The YAML text of a tree document (nested dicts and lists of texts, ints and Decimals)."""
    out = [SCHEMA_LINE] if not header else [header]
    _lines(document, 0, out)
    return "\n".join(out) + "\n"
