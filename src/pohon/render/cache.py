"""The render cache: what keys an output, the manifest that remembers them, and reuse.

A drawing's key covers its DOT text (a pure function of the tree's nodes it shows), its
format and engine arguments, the engine and its version, and pohon itself; a tree's key
covers the bytes of every file the tree was read from (hashed as they were read), the
rules' severities, the options and pohon. pohon's part is its version and a hash of its
own installed files, so a changed pohon (even at the same version number, e.g. an
editable install) never reuses an old output; the versions of Python and of the libraries
that shape what pohon writes (PyYAML, pydantic, Jinja, MarkupSafe, the embedded engine)
belong to it too, so an upgrade of one of them renders everything again.

The manifest (`.pohon-manifest.json` in the output folder) lists the files pohon wrote,
a sha256 of each and the keys of what produced them. An output is reused only when its
key is unchanged AND its bytes on disk still hash to what pohon wrote: the output folder
is anyone's to edit, so nothing in it vouches for itself. It also records what each tree
was read from (pohon.render.tree_inputs), so that an unchanged tree is known without
reading it (pohon.render.unchanged_trees). The old form of the manifest
(the file list alone) is still read. Files are read back from the output folder only as
pohon.render.on_disk allows: regular files of the recorded size, never through a link.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
import json
import platform
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pohon import __version__
from pohon.render.on_disk import linked_folder, read_output
from pohon.render.tree_inputs import TreeInputs, read_inputs

if TYPE_CHECKING:
    from pohon.render.diagrams.engines import Engine
    from pohon.render.options import RenderOptions
    from pohon.source.settings_file import Config
    from pohon.tree.assemble import LoadResult

MANIFEST = ".pohon-manifest.json"
T = TypeVar("T")
MAX_MANIFEST_BYTES = 64 * 1024 * 1024  # a 20,000-node tree's manifest holds a few MB


def digest(*parts: str | bytes) -> str:
    """sha256 of the parts, each length-prefixed so that no two different lists hash alike."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hasher.update(f"{len(data)}:".encode())
        hasher.update(data)
    return hasher.hexdigest()


# The templates are a package of their own: in an editable install they are not under pohon/.
OWN_PACKAGES = ("pohon", "pohon.templates")


# The distributions whose code decides bytes pohon writes: values read from the YAML
# (PyYAML, pydantic and its core), the reports (Jinja, MarkupSafe), the embedded engine,
# the workbook (XlsxWriter).
SHAPING_LIBRARIES = (
    "pyyaml",
    "pydantic",
    "pydantic-core",
    "jinja2",
    "markupsafe",
    "graphviz-pure",
    "xlsxwriter",
)


@functools.cache
def libraries_identity() -> str:
    """The versions of Python and of the libraries that shape pohon's outputs."""
    return digest(platform.python_version(), *(_distribution(name) for name in SHAPING_LIBRARIES))


def _distribution(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{name} {version(name)}"
    except PackageNotFoundError:
        return f"no {name}"


@functools.cache
def pohon_identity() -> str:
    """pohon's version and a hash of every file of the installed package (code and templates)."""
    parts: list[str | bytes] = [__version__]
    for name in OWN_PACKAGES:
        package = Path(str(importlib.resources.files(name)))
        files = sorted(
            path
            for path in package.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
        )
        for path in files:
            parts += [f"{name}:{path.relative_to(package).as_posix()}", path.read_bytes()]
    return digest(*parts)


def engine_identity(engine: Engine | None, options: RenderOptions) -> str:
    """The engine that draws, with what it says its version is (asked once per render)."""
    if engine is None:
        return "no engine"
    return digest(engine.kind, _version_line(engine.program))


def _version_line(program: str) -> str:
    try:
        done = subprocess.run([program, "-V"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return f"{program}: no version"
    return (done.stdout + done.stderr).decode(errors="replace").strip()


@dataclass(frozen=True)
class Keys:
    """What one render's outputs are keyed by: pohon, the engine and the options."""

    pohon: str
    engine: str
    options: str

    def drawing(self, source: str, output_format: str, args: Iterable[str]) -> str:
        return digest("drawing", self.pohon, self.engine, output_format, *args, "\0", source)

    def tree(self, load: LoadResult, folder: str, config: Config) -> str:
        """The key of a tree's whole output, from the bytes its files had when they were read.

        The findings the reports show follow from the files, the rules' severities and
        pohon, so an unchanged tree is known before its rules are run.
        """
        return self.tree_of(load.tree.source if load.tree else "", load.digests, folder, config)

    def tree_of(self, source: str, digests: Mapping[str, str], folder: str, config: Config) -> str:
        """The same key from the main file's name and the sha256 of every file of the tree."""
        parts: list[str | bytes] = ["tree", self.pohon, self.engine, self.options, folder, source]
        parts.append(repr(sorted(config.severities.items())))
        parts += _nomenclature_parts(config)
        for name in sorted(digests):
            parts += [name, digests[name]]
        return digest(*parts)


def _nomenclature_parts(config: Config) -> list[str | bytes]:
    """A project's own list decides findings, urusan and official names in the reports."""
    choice = config.nomenclature
    if choice is None:
        return []  # the bundled list's files are part of pohon's identity
    try:
        listed = choice.path.read_bytes()
    except OSError:
        listed = b"unreadable"
    return [repr((str(choice.path), choice.replace, choice.complete)), listed]


def make_keys(engine: Engine | None, options: RenderOptions) -> Keys:
    pohon = digest(pohon_identity(), libraries_identity())
    return Keys(pohon, engine_identity(engine, options), _options(options))


def _options(options: RenderOptions) -> str:
    parts: list[str | bytes] = [repr((options.formats, options.root, options.year, options.lang))]
    parts.append(repr((options.max_nodes_per_page, options.paper, options.figures)))
    parts.append(options.capaian_turun.value)
    if options.templates is not None:  # a user's templates change the reports
        folder = options.templates
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return digest(*parts)


@dataclass(frozen=True)
class Record:
    """What a render remembers beside its files: the keys of its drawings and of its trees,
    and what each tree was read from (pohon.render.tree_inputs)."""

    keys: Mapping[str, str] = field(default_factory=dict)  # drawn file -> key
    trees: Mapping[str, str] = field(default_factory=dict)  # tree folder -> key
    inputs: Mapping[str, TreeInputs] = field(default_factory=dict)  # tree folder -> its files


@dataclass(frozen=True)
class Manifest:
    """The last render's manifest as read back: anything unusable in it is simply left out."""

    files: frozenset[str] = frozenset()
    hashes: Mapping[str, str] = field(default_factory=dict)  # file -> sha256 of what was written
    record: Record = field(default_factory=Record)
    sizes: Mapping[str, int] = field(default_factory=dict)  # file -> its size in bytes

    def trusted(self, out: Path, name: str) -> bytes | None:
        """The file's bytes on disk when they are exactly what pohon wrote; else None."""
        expected = self.hashes.get(name)
        if expected is None or name not in self.files or linked_folder(out, name) is not None:
            return None
        data = read_output(out / name, self.sizes.get(name))
        if data is None:
            return None
        return data if hashlib.sha256(data).hexdigest() == expected else None

    def wrote(self, out: Path, name: str) -> bool:
        """Whether the file on disk is exactly what pohon wrote there (so pohon may replace it)."""
        return self.trusted(out, name) is not None

    def reuse_tree(self, out: Path, folder: str, key: str) -> dict[str, bytes] | None:
        """Every file of the tree from disk, if the tree is unchanged and they are all intact."""
        if self.record.trees.get(folder) != key:
            return None
        names = sorted(n for n in self.hashes if n.startswith(f"{folder}/"))
        found = {name: self.trusted(out, name) for name in names}
        if not names or any(data is None for data in found.values()):
            return None
        return {name: data for name, data in found.items() if data is not None}

    def keys_of(self, names: Iterable[str]) -> dict[str, str]:
        """The recorded keys of the files `names` that were drawn (reused files keep them)."""
        return {name: self.record.keys[name] for name in names if name in self.record.keys}

    def reuse_drawing(self, out: Path, name: str, key: str) -> bytes | None:
        """A drawn file from disk, if it was drawn from the same key and is intact."""
        return self.trusted(out, name) if self.record.keys.get(name) == key else None


def inside(name: str) -> bool:
    """Whether a manifest's file name stays plainly inside the output folder."""
    # The manifest lies in a folder anyone may edit: it must never name a file to delete
    # outside the output folder (`../`, `/etc/…`), nor the folder itself.
    parts = name.split("/")
    return "\\" not in name and all(part not in ("", ".", "..") for part in parts)


def read_manifest(out: Path) -> Manifest:
    """The manifest of `out` (the old form, a bare file list, too); an empty one if unreadable."""
    data = read_output(out / MANIFEST, limit=MAX_MANIFEST_BYTES)
    try:
        listed = json.loads(data.decode("utf-8")) if data is not None else None
    except ValueError:
        return Manifest()
    if not isinstance(listed, dict) or not isinstance(listed.get("files"), list):
        return Manifest()
    files = frozenset(name for name in listed["files"] if isinstance(name, str) and inside(name))
    return Manifest(
        files,
        _values(listed.get("hashes"), str),
        Record(
            _values(listed.get("keys"), str), _values(listed.get("trees"), str), _inputs(listed)
        ),
        _values(listed.get("sizes"), int),
    )


def _values(value: object, kind: type[T]) -> dict[str, T]:
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and type(v) is kind}


def _inputs(listed: dict[str, object]) -> dict[str, TreeInputs]:
    found = {
        folder: read_inputs(value) for folder, value in _values(listed.get("inputs"), dict).items()
    }
    return {folder: inputs for folder, inputs in found.items() if inputs is not None}


def manifest_bytes(files: Mapping[str, bytes], record: Record | None = None) -> bytes:
    """The manifest of a render: its files, a sha256 of each, and the keys that produced them."""
    digests = {name: (hashlib.sha256(data).hexdigest(), len(data)) for name, data in files.items()}
    return manifest_of(digests, record)


def manifest_of(files: Mapping[str, tuple[str, int]], record: Record | None = None) -> bytes:
    """`manifest_bytes` from each file's sha256 and size alone (name -> (sha256, size))."""
    record = record or Record()
    listed = {
        "files": sorted(files),
        "hashes": {name: sha for name, (sha, _size) in sorted(files.items())},
        "sizes": {name: size for name, (_sha, size) in sorted(files.items())},
        "keys": dict(sorted(record.keys.items())),
        "trees": dict(sorted(record.trees.items())),
        "inputs": {folder: record.inputs[folder].as_json() for folder in sorted(record.inputs)},
    }
    return (json.dumps(listed, indent=2) + "\n").encode()
