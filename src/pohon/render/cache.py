"""Keys of rendered outputs: a sha256 of everything that produced them, to skip unchanged work.

A drawing's key covers its DOT text (a pure function of the tree's nodes it shows), its
format and engine arguments, the engine and its version, and pohon itself; a tree's key
covers the bytes of every file the tree was read from, the rules' severities, the options
and pohon.
pohon's part is its version and a hash of its own installed files, so a changed pohon
(even at the same version number, e.g. an editable install) never reuses an old output.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pohon import __version__

if TYPE_CHECKING:
    from pohon.render.diagrams.engines import Engine
    from pohon.render.options import RenderOptions
    from pohon.source.settings_file import Config
    from pohon.tree.assemble import LoadResult


def digest(*parts: str | bytes) -> str:
    """sha256 of the parts, each length-prefixed so that no two different lists hash alike."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hasher.update(f"{len(data)}:".encode())
        hasher.update(data)
    return hasher.hexdigest()


@functools.cache
def pohon_identity() -> str:
    """pohon's version and a hash of every file of the installed package (code and templates)."""
    package = Path(str(importlib.resources.files("pohon")))
    files = sorted(
        path
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )
    parts: list[str | bytes] = [__version__]
    for path in files:
        parts += [path.relative_to(package).as_posix(), path.read_bytes()]
    return digest(*parts)


def engine_identity(engine: Engine | None, options: RenderOptions) -> str:
    """The engine that draws, with what it says its version is (asked once per render)."""
    if engine is None:
        return "no engine"
    parts = [engine.kind, _version_line(engine.program)]
    if "pdf" in options.formats:  # PDF may come from cairosvg or a system `dot`: name both
        from pohon.render.diagrams.engines import find_system

        system = find_system()
        parts += [_cairosvg_version(), _version_line(system) if system else "no system dot"]
    return digest(*parts)


def _version_line(program: str) -> str:
    try:
        done = subprocess.run([program, "-V"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return f"{program}: no version"
    return (done.stdout + done.stderr).decode(errors="replace").strip()


def _cairosvg_version() -> str:
    try:
        from importlib.metadata import version

        return f"cairosvg {version('cairosvg')}"
    except Exception:  # not installed, or unreadable metadata: the key says so
        return "no cairosvg"


@dataclass(frozen=True)
class Keys:
    """What one render's outputs are keyed by: pohon, the engine and the options."""

    pohon: str
    engine: str
    options: str

    def drawing(self, source: str, output_format: str, args: Iterable[str]) -> str:
        return digest("drawing", self.pohon, self.engine, output_format, *args, "\0", source)

    def tree(self, load: LoadResult, folder: str, config: Config) -> str | None:
        """The key of a tree's whole output; None when a file it was read from is gone.

        The findings the reports show follow from the files, the rules' severities and
        pohon, so an unchanged tree is known before its rules are run.
        """
        source = load.tree.source if load.tree else ""
        parts: list[str | bytes] = ["tree", self.pohon, self.engine, self.options, folder, source]
        parts.append(repr(sorted(config.severities.items())))
        try:
            for name in sorted(load.marks):
                parts += [name, Path(name).read_bytes()]
        except OSError:
            return None
        return digest(*parts)


def make_keys(engine: Engine | None, options: RenderOptions) -> Keys:
    return Keys(pohon_identity(), engine_identity(engine, options), _options(options))


def _options(options: RenderOptions) -> str:
    parts: list[str | bytes] = [repr((options.formats, options.root, options.year, options.lang))]
    parts.append(repr(options.max_nodes_per_page))
    if options.templates is not None:  # a user's templates change the reports
        folder = options.templates
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return digest(*parts)
