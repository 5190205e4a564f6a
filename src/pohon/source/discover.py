"""Find a repository's tree files, so `pohon validate` with no paths (the pre-commit hook) checks them all.

A repository holds other YAML too (`.pre-commit-config.yaml`, CI workflows): a tree file
is known by its top-level marker `format: pohon/1`, the line the loader requires anyway.
A marked file with a top-level `induk` is part of a tree and is checked through the main
file that includes it, so a change to a part re-checks its whole tree.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pohon.core.errors import BadPattern, TooManyFolders, UsageError
from pohon.core.finding_ids import LoaderCheck
from pohon.core.findings import Finding, Severity
from pohon.core.messages import _
from pohon.source import limits
from pohon.source.files import FORMAT_MARKER, display_path
from pohon.source.pattern import Search, matches
from pohon.source.settings_file import Config

# The top-level keys that tell a tree file, and a part of one, from other YAML. The
# schema (pohon.tree.model) is read later than this; tests/test_registry.py checks that
# these are the keys its models are written with.
FORMAT_KEY = "format"
PARENT_KEY = "induk"
_MARKER = re.compile(
    rf"^{FORMAT_KEY}:[ \t]*(['\"]?){re.escape(FORMAT_MARKER)}\1[ \t]*(#.*)?$", re.M
)
_PARENT = re.compile(rf"^{PARENT_KEY}[ \t]*:", re.M)
_SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})


@dataclass(frozen=True)
class Discovery:
    """The main tree files to validate and the parts of trees (fragments) seen beside them."""

    mains: list[Path]
    fragments: list[Path]

    def unincluded(self, read: Iterable[str]) -> list[Finding]:
        """A warning for each fragment no tree read: its nodes would silently be in no tree."""
        seen = set(read)
        return [
            Finding(
                display_path(path),
                1,
                1,
                Severity.WARNING,
                LoaderCheck.UNUSED_PART,
                "this file is part of a tree (it has `induk`) but no tree file includes it: "
                "add it to the `sertakan` list of the tree's main file",
            )
            for path in self.fragments
            if display_path(path) not in seen
        ]


def find_trees(start: Path, config: Config) -> Discovery:
    """The tree files named by `trees` in the settings, else every tree file below `start`."""
    if config.trees and config.source is not None:
        candidates = _configured(config.source.parent, config.trees, config.source)
    else:
        candidates = _walk(start)
    mains: list[Path] = []
    fragments: list[Path] = []
    for path in candidates:
        kind = _kind(path)
        if kind == "main":
            mains.append(path)
        elif kind == "part":
            fragments.append(path)
    if not mains:
        where = (
            _("`trees` in {file}").format(file=config.source)
            if config.trees
            else f"{display_path(start)}/"
        )
        raise UsageError(
            _(
                "no tree file found in {where}: a tree file starts with `format: {marker}`; "
                "give its path, or create one with `pohon init`"
            ).format(where=where, marker=FORMAT_MARKER)
        )
    return Discovery(mains, fragments)


def _configured(base: Path, patterns: tuple[str, ...], source: Path) -> list[Path]:
    found: set[Path] = set()
    search = Search()  # one folder limit for all the patterns together
    for pattern in patterns:
        try:  # pohon.source.pattern rather than glob: `**` must not follow a link to `/`
            named = matches(base, pattern, search)
        except BadPattern as error:
            raise UsageError(f"{source}: trees = {pattern!r}: {error}") from None
        except TooManyFolders:
            raise UsageError(
                _(
                    "{file}: trees = {pattern} searches more than {limit} folders (the limit, "
                    "for all the `trees` patterns together): name the folder to search in"
                ).format(file=source, pattern=repr(pattern), limit=f"{limits.MAX_FOLDERS:,}")
            ) from None
        if not named:
            raise UsageError(
                _("{file}: trees = {pattern} names no file").format(
                    file=source, pattern=repr(pattern)
                )
            )
        found.update(path for path in named if path.is_file())
    return sorted(found)


def _walk(start: Path) -> list[Path]:
    """YAML files below `start`, skipping hidden folders (.git, .github) and virtualenvs."""
    found: list[Path] = []
    for folder, subfolders, files in os.walk(start):
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not name.startswith(".")
            and name not in _SKIPPED_FOLDERS
            and not (Path(folder) / name / "pyvenv.cfg").exists()
        )
        found += [Path(folder) / n for n in sorted(files) if n.endswith((".yaml", ".yml"))]
    return found


def _kind(path: Path) -> str | None:
    """ "main", "part" (a fragment with `induk`) or None (YAML that is no tree file)."""
    if not path.is_file():  # a FIFO or a device named *.yaml would block or never end
        return None
    try:
        with path.open("rb") as handle:  # the loader reports a file over the limit itself
            text = handle.read(limits.MAX_FILE_BYTES).decode("utf-8-sig", errors="replace")
    except OSError:
        return None
    if not _MARKER.search(text):
        return None
    return "part" if _PARENT.search(text) else "main"
