"""Read YAML the way an editor's YAML language server does: YAML 1.2 core types, string keys.

pohon's own loader keeps every plain scalar as text; the editor does not. `85` becomes
a number, `true` a boolean, `1.06` a float, and `2024:` the property name "2024" (JSON
has only string keys). Testing the schema on this reading tests what the analyst sees.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import yaml


class EditorLoader(yaml.SafeLoader):
    """SafeLoader with the YAML 1.2 core schema's resolvers instead of YAML 1.1's."""


EditorLoader.yaml_implicit_resolvers = {}
_CORE = [
    ("null", r"~|null|Null|NULL|", "~nN"),
    ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("int", r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", "-+0123456789"),
    (
        "float",
        r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)",
        "-+.0123456789",
    ),
]
for _name, _pattern, _first in _CORE:
    EditorLoader.add_implicit_resolver(
        f"tag:yaml.org,2002:{_name}", re.compile(f"^(?:{_pattern})$"), [*_first, ""]
    )


def _int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text, 10)  # 010 is ten here, not YAML 1.1's octal eight


def _float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    text = str(loader.construct_scalar(node)).lower()
    if text.endswith(".inf"):
        return -math.inf if text.startswith("-") else math.inf
    return math.nan if text == ".nan" else float(text)


def _bool(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> bool:
    return str(loader.construct_scalar(node)).lower() == "true"


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[str, Any]:
    pairs = loader.construct_pairs(node, deep=True)
    return {str(key).lower() if isinstance(key, bool) else str(key): value for key, value in pairs}


EditorLoader.add_constructor("tag:yaml.org,2002:int", _int)
EditorLoader.add_constructor("tag:yaml.org,2002:float", _float)
EditorLoader.add_constructor("tag:yaml.org,2002:bool", _bool)
EditorLoader.add_constructor("tag:yaml.org,2002:map", _mapping)


def load_as_editor(source: str | Path) -> Any:
    """YAML text (or a file) as the editor's language server sees it."""
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    return yaml.load(text, Loader=EditorLoader)  # EditorLoader is a SafeLoader
