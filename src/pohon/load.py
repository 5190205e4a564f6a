"""Load a tree: read its main file and the files it includes, check the schema, assemble one Tree."""

from __future__ import annotations

import glob
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pohon import limits
from pohon.findings import Finding, Severity
from pohon.model import FORMAT_MARKER, FragmentFile, Node, Origin, Tree, TreeFile
from pohon.schema_errors import findings_from
from pohon.yamlload import DataPath, Marks, YamlError, parse


class InputError(Exception):
    """A path that cannot be read at all: a usage or I/O problem (exit code 2)."""


@dataclass
class LoadResult:
    """A tree (None when its files do not fit the schema), its findings and the marks of its files."""

    tree: Tree | None
    findings: list[Finding] = field(default_factory=list)
    marks: dict[str, Marks] = field(default_factory=dict)

    def locate(self, origin: Origin | None, *extra: str | int) -> tuple[str, int, int]:
        """File, line and column of a node or indicator (or of one of its keys)."""
        if origin is None:
            return ("<unknown>", 0, 0)
        line, column = self.marks[origin.file].locate((*origin.path, *extra))
        return (origin.file, line, column)


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_text(path: Path) -> str:
    """Read a tree file as UTF-8 text, refusing what is not a readable, reasonably sized file."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory; give the tree's main YAML file")
    try:
        size = path.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            raise InputError(
                f"{path}: the file is {size / 1e6:.1f} MB; pohon reads tree files up to "
                f"{limits.MAX_FILE_BYTES // (1024 * 1024)} MB: split it with `sertakan`"
            )
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise _EncodingError(line, column) from None


class _EncodingError(Exception):
    def __init__(self, line: int, column: int) -> None:
        super().__init__()
        self.line, self.column = line, column


class _Loader:
    """Reads one tree's files, gathering every finding before giving up."""

    def __init__(self, main: Path) -> None:
        self.main = main
        self.root = main.resolve().parent
        self.result = LoadResult(tree=None)
        self.seen: set[Path] = set()
        self.fragment_files: dict[int, str] = {}

    def error(self, file: str, line: int, column: int, rule: str, message: str) -> None:
        self.result.findings.append(Finding(file, line, column, Severity.ERROR, rule, message))

    def read(self, path: Path) -> tuple[str, Any] | None:
        name = display_path(path)
        try:
            data, marks = parse(read_text(path))
        except _EncodingError as error:
            self.error(
                name,
                error.line,
                error.column,
                "encoding",
                "the file is not UTF-8 text: save it as UTF-8 (in Excel/Notepad: 'UTF-8')",
            )
            return None
        except YamlError as error:
            self.error(name, error.line, error.column, error.rule, error.message)
            return None
        self.result.marks[name] = marks
        if not isinstance(data, dict):
            self.error(
                name,
                1,
                1,
                "schema",
                "a tree file is a mapping that starts with `format: pohon/1`, "
                f"not {'a list' if isinstance(data, list) else 'a single value'}",
            )
            return None
        if data.get("format") != FORMAT_MARKER:
            line, column = marks.locate(("format",))
            self.error(
                name,
                line,
                column,
                "schema",
                f"not a pohon tree file: the first line should be `format: {FORMAT_MARKER}`",
            )
            return None
        return name, data

    def validate(
        self,
        name: str,
        data: dict[str, Any],
        cls: type[TreeFile] | type[FragmentFile],
    ) -> TreeFile | FragmentFile | None:
        try:
            return cls.model_validate(data)
        except ValidationError as error:
            self.result.findings.extend(findings_from(error, name, self.result.marks[name]))
            return None

    def includes(self, name: str, owner: Path, patterns: list[str]) -> list[FragmentFile]:
        fragments: list[FragmentFile] = []
        for index, pattern in enumerate(patterns):
            line, column = self.result.marks[name].locate(("sertakan", index))
            for path in self.expand(name, line, column, owner, pattern):
                fragments.extend(self.fragment(path))
        return fragments

    def expand(self, name: str, line: int, column: int, owner: Path, pattern: str) -> list[Path]:
        matches = sorted(glob.glob(str(owner.parent / pattern), recursive=True))
        if not matches:
            self.error(
                name,
                line,
                column,
                "include-missing",
                f"`{pattern}` names no file (paths are relative to {display_path(owner.parent)}/)",
            )
            return []
        paths: list[Path] = []
        for match in matches:
            path = Path(match)
            if not path.resolve().is_relative_to(self.root):
                self.error(
                    name,
                    line,
                    column,
                    "include-outside",
                    f"`{match}` lies outside the tree's folder {display_path(self.root)}/: "
                    "keep every part of a tree beside or below its main file",
                )
            elif path.resolve() in self.seen:
                self.error(
                    name,
                    line,
                    column,
                    "include-cycle",
                    f"`{match}` is already part of this tree; include each file once",
                )
            elif len(self.seen) >= limits.MAX_FILES:
                self.error(
                    name,
                    line,
                    column,
                    "too-large",
                    f"a tree may include at most {limits.MAX_FILES} files",
                )
                return paths
            else:
                self.seen.add(path.resolve())
                paths.append(path)
        return paths

    def fragment(self, path: Path) -> list[FragmentFile]:
        try:
            read = self.read(path)
        except InputError as error:
            self.error(display_path(path), 0, 0, "include-missing", str(error))
            return []
        if read is None:
            return []
        name, data = read
        if "induk" not in data:
            self.error(
                name, 1, 1, "schema", "an included file names its parent node: add `induk: <id>`"
            )
            return []
        parsed = self.validate(name, data, FragmentFile)
        if not isinstance(parsed, FragmentFile):
            return []
        _stamp(parsed.nodes, name, ("simpul",))
        self.fragment_files[id(parsed)] = name
        return [parsed, *self.includes(name, path, parsed.includes)]

    def run(self) -> LoadResult:
        self.seen.add(self.main.resolve())
        read = self.read(self.main)
        if read is None:
            return self.result
        name, data = read
        if "induk" in data and "meta" not in data:
            self.error(
                name,
                1,
                1,
                "schema",
                "this file is part of a tree (it has `induk`): "
                "validate the tree's main file, the one that includes it",
            )
            return self.result
        parsed = self.validate(name, data, TreeFile)
        fragments = (
            self.includes(name, self.main, parsed.includes) if isinstance(parsed, TreeFile) else []
        )
        if not isinstance(parsed, TreeFile) or self.result.findings:
            return self.result
        _stamp(parsed.nodes, name, ("simpul",))
        self.attach(parsed.nodes, fragments)
        if not any(f.severity is Severity.ERROR for f in self.result.findings):
            self.result.tree = Tree(
                source=name, meta=parsed.meta, positions=parsed.positions, roots=parsed.nodes
            )
        return self.result

    def attach(self, roots: list[Node], fragments: list[FragmentFile]) -> None:
        """Hang each fragment's nodes under its parent; fragments may hang under other fragments."""
        by_id: dict[str, Node] = {}
        for root in roots:
            for node in root.walk():
                by_id.setdefault(node.id, node)
        pending = list(fragments)
        while pending:
            placed = [f for f in pending if f.parent in by_id]
            if not placed:
                break
            for fragment in placed:
                by_id[fragment.parent].children.extend(fragment.nodes)
                for top in fragment.nodes:
                    for node in top.walk():
                        by_id.setdefault(node.id, node)
            pending = [f for f in pending if f not in placed]
        for fragment in pending:
            file = self.fragment_files[id(fragment)]
            line, column = self.result.marks[file].locate(("induk",))
            self.error(
                file,
                line,
                column,
                "unknown-parent",
                f"`induk: {fragment.parent}` names no node of this tree: use the id of a node "
                "in the main file or in another included file",
            )


def _stamp(nodes: list[Node], file: str, path: DataPath) -> None:
    """Record where each node and indicator was written, for positioned findings later."""
    for index, node in enumerate(nodes):
        node_path = (*path, index)
        node._origin = Origin(file=file, path=node_path)
        for number, indicator in enumerate(node.indicators):
            indicator._origin = Origin(file=file, path=(*node_path, "indikator", number))
        _stamp(node.children, file, (*node_path, "anak"))


def load_tree(path: Path) -> LoadResult:
    """Load the tree whose main file is `path`. Raises InputError when `path` cannot be read."""
    return _Loader(path).run()
