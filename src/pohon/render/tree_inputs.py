"""What a tree was read from, as the manifest remembers it: enough to know it unchanged unread.

A tree's output follows from the bytes of its files (its key), but which files those are
follows from its `sertakan` patterns, and a pattern may match a file that is new since.
So the manifest keeps, per tree folder: the sha256 of each file the tree was read from,
each pattern that was expanded (in the order the loader expanded them, with the file that
wrote it) with the files it gave, and the tree without its nodes (the top index shows it),
as pydantic dumps it. pohon.render.unchanged_trees checks these without parsing any YAML.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pohon.tree.assemble import LoadResult
    from pohon.tree.model import Tree

Expansion = tuple[str, str, tuple[str, ...]]
"""(the file that wrote the pattern, the pattern, the files it gave), as the loader named them."""


@dataclass(frozen=True)
class TreeInputs:
    """The files of one tree with their sha256, its expanded patterns, and its title's data."""

    files: Mapping[str, str]
    expansions: tuple[Expansion, ...]
    title: Mapping[str, Any]

    def as_json(self) -> dict[str, Any]:
        return {
            "files": dict(sorted(self.files.items())),
            "patterns": [
                [owner, pattern, list(found)] for owner, pattern, found in self.expansions
            ],
            "title": self.title,
        }


def inputs_of(load: LoadResult, title: Tree) -> TreeInputs | None:
    """What to remember of a tree just read; None when its title would not come back the same
    from its data (the tree is then always read again)."""
    data = title.model_dump(mode="json", by_alias=True)
    if title_from(data) != title:
        return None
    return TreeInputs(dict(load.digests), tuple(load.expansions), data)


def title_from(data: Mapping[str, Any]) -> Tree | None:
    """The title back from its recorded data; None when that data no longer fits the model."""
    from pydantic import ValidationError

    from pohon.tree.model import Tree

    try:
        return Tree.model_validate(data)
    except ValidationError:
        return None


def read_inputs(value: object) -> TreeInputs | None:
    """One tree's recorded inputs from the manifest; None when anything in them is malformed."""
    if not isinstance(value, dict):
        return None
    files, patterns, title = value.get("files"), value.get("patterns"), value.get("title")
    if not isinstance(files, dict) or not isinstance(patterns, list) or not isinstance(title, dict):
        return None
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
        return None
    expansions = [_expansion(entry) for entry in patterns]
    if any(entry is None for entry in expansions):
        return None
    return TreeInputs(files, tuple(e for e in expansions if e is not None), title)


def _expansion(entry: object) -> Expansion | None:
    if not isinstance(entry, list) or len(entry) != 3:
        return None
    owner, pattern, found = entry
    if not isinstance(owner, str) or not isinstance(pattern, str) or not isinstance(found, list):
        return None
    if not all(isinstance(name, str) for name in found):
        return None
    return (owner, pattern, tuple(found))
