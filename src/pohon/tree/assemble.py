"""Load a tree: read its main file and the files it includes, check the schema, assemble one Tree."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pohon.core.errors import InputError, YamlError
from pohon.core.finding_ids import LoaderCheck
from pohon.core.findings import Finding, Severity
from pohon.core.messages import _
from pohon.source import limits
from pohon.source.files import FORMAT_MARKER, decode, display_path, read_bytes
from pohon.source.includes import expand
from pohon.source.pattern import Search
from pohon.source.yaml_marks import DataPath, Marks, parse
from pohon.tree.model import FragmentFile, Node, Origin, Tree, TreeFile
from pohon.tree.parts import hang
from pohon.tree.schema_base import yaml_key
from pohon.tree.schema_errors import findings_from

# The keys the loader looks for or points at, as the models spell them in YAML.
_FORMAT = yaml_key(TreeFile, "format")
_META = yaml_key(TreeFile, "meta")
_NODES = yaml_key(TreeFile, "nodes")
_INCLUDES = yaml_key(TreeFile, "includes")
_PARENT = yaml_key(FragmentFile, "parent")
_INDICATORS = yaml_key(Node, "indicators")
_CHILDREN = yaml_key(Node, "children")


@dataclass
class LoadResult:
    """A tree (None when its files do not fit the schema), its findings, the marks of its files,
    the sha256 of the bytes of each file read (what the render cache keys a tree by) and each
    `sertakan` pattern expanded, in turn, with the files it gave (what a new file may change)."""

    tree: Tree | None
    findings: list[Finding] = field(default_factory=list)
    marks: dict[str, Marks] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    expansions: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)

    def locate(self, origin: Origin | None, *extra: str | int) -> tuple[str, int, int]:
        """File, line and column of a node or indicator (or of one of its keys)."""
        if origin is None:
            return ("<unknown>", 0, 0)
        line, column = self.marks[origin.file].locate((*origin.path, *extra))
        return (origin.file, line, column)


class _Loader:
    """Reads one tree's files, gathering every finding before giving up."""

    def __init__(self, main: Path) -> None:
        self.main = main
        self.result = LoadResult(tree=None)
        self.seen: set[Path] = set()
        self.fragment_files: dict[int, str] = {}
        self.bytes_read = 0
        self.search = Search()  # the tree's patterns share one walk and one folder limit

    def error(self, file: str, line: int, column: int, rule: LoaderCheck, message: str) -> None:
        self.result.findings.append(Finding(file, line, column, Severity.ERROR, rule, message))

    def read(self, path: Path) -> tuple[str, Any] | None:
        """The data of one file, or None after reporting why there is none."""
        name = display_path(path)
        try:
            raw = read_bytes(path)
            self.result.digests[name] = hashlib.sha256(raw).hexdigest()
            text = decode(raw)
            self.bytes_read += len(text)
            data, marks = parse(text)
        except YamlError as error:
            self.error(name, error.line, error.column, error.rule, error.message)
            return None
        self.result.marks[name] = marks
        for problem in marks.problems:  # read past, so that the schema checks the rest
            self.error(name, problem.line, problem.column, problem.rule, problem.message)
        if not isinstance(data, dict):
            self.error(
                name,
                1,
                1,
                LoaderCheck.SCHEMA,
                _("a tree file is a mapping that starts with `format: pohon/1`, not a list")
                if isinstance(data, list)
                else _(
                    "a tree file is a mapping that starts with `format: pohon/1`, "
                    "not a single value"
                ),
            )
            return None
        if data.get(_FORMAT) != FORMAT_MARKER:
            line, column = marks.locate((_FORMAT,))
            self.error(
                name,
                line,
                column,
                LoaderCheck.SCHEMA,
                _("not a pohon tree file: the first line should be `format: {marker}`").format(
                    marker=FORMAT_MARKER
                ),
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
            self.result.findings.extend(findings_from(error, name, self.result.marks[name], cls))
            return None

    def includes(self, name: str, owner: Path, patterns: list[str]) -> list[FragmentFile]:
        """Every part below `owner`, depth first in the order written.

        A stack instead of recursion: a chain of parts each including the next may be
        as long as the file limit allows, far deeper than Python's recursion limit.
        """
        fragments: list[FragmentFile] = []
        stack = [self.targets(name, owner, patterns)]
        while stack:
            target = next(stack[-1], None)
            if target is None:
                stack.pop()
                continue
            path, where = target
            if self.bytes_read > limits.MAX_TREE_BYTES:
                message = _(
                    "the tree's files hold more than {size} MB together (the limit): "
                    "the rest of its parts were not read"
                ).format(size=limits.MAX_TREE_BYTES // 2**20)
                self.error(*where, LoaderCheck.TOO_LARGE, message)
                break
            fragment = self.fragment(path, where)
            if fragment is not None:
                fragments.append(fragment)
                part = self.fragment_files[id(fragment)]
                stack.append(self.targets(part, path, fragment.includes))
        return fragments

    def targets(
        self, name: str, owner: Path, patterns: list[str]
    ) -> Iterator[tuple[Path, tuple[str, int, int]]]:
        """The files `owner`'s patterns name, each with the place of its pattern, lazily."""
        for index, pattern in enumerate(patterns):
            line, column = self.result.marks[name].locate((_INCLUDES, index))
            found = expand(pattern, owner.parent, self.root, self.seen, self.search)
            self.result.expansions.append(
                (name, pattern, tuple(display_path(path) for path in found.files))
            )
            for rule, message in found.problems:
                self.error(name, line, column, rule, message)
            for path in found.files:
                yield path, (name, line, column)

    def fragment(self, path: Path, where: tuple[str, int, int]) -> FragmentFile | None:
        try:
            read = self.read(path)
        except InputError as error:  # named by the including file, which is where to fix it
            self.error(
                *where, LoaderCheck.INCLUDE_MISSING, f"`{display_path(path)}` {error.reason}"
            )
            return None
        if read is None:
            return None
        name, data = read
        if _PARENT not in data:
            self.error(
                name,
                1,
                1,
                LoaderCheck.SCHEMA,
                _("an included file names its parent node: add `induk: <id>`"),
            )
            return None
        parsed = self.validate(name, data, FragmentFile)
        if not isinstance(parsed, FragmentFile):
            return None
        _stamp(parsed.nodes, name, (_NODES,))
        self.fragment_files[id(parsed)] = name
        return parsed

    def run(self) -> LoadResult:
        read = self.read(self.main)  # raises InputError first when the main file is unreadable
        # The folder the main file was named in: a symlinked main file keeps its parts beside it.
        self.root = self.main.parent.resolve()
        self.seen.add(self.main.resolve())
        if read is None:
            return self.result
        name, data = read
        if _PARENT in data and _META not in data:
            self.error(
                name,
                1,
                1,
                LoaderCheck.SCHEMA,
                _(
                    "this file is part of a tree (it has `induk`): "
                    "validate the tree's main file, the one that includes it"
                ),
            )
            return self.result
        parsed = self.validate(name, data, TreeFile)
        fragments = (
            self.includes(name, self.main, parsed.includes) if isinstance(parsed, TreeFile) else []
        )
        if not isinstance(parsed, TreeFile) or self.result.findings:
            return self.result
        _stamp(parsed.nodes, name, (_NODES,))
        for fragment, looped in hang(parsed.nodes, fragments):
            self.unplaced(fragment, looped)
        self.count_nodes(name, parsed.nodes)
        if not any(f.severity is Severity.ERROR for f in self.result.findings):
            self.result.tree = Tree(
                source=name, meta=parsed.meta, positions=parsed.positions, roots=parsed.nodes
            )
        return self.result

    def count_nodes(self, name: str, roots: list[Node]) -> None:
        count = sum(1 for root in roots for _node in root.walk())
        if count > limits.MAX_NODES:
            self.error(
                name,
                0,
                0,
                LoaderCheck.TOO_LARGE,
                _(
                    "the tree has {count} nodes; pohon draws trees of up to {limit} "
                    "nodes (the limit): render one agency's tree at a time"
                ).format(count=f"{count:,}", limit=f"{limits.MAX_NODES:,}"),
            )

    def unplaced(self, fragment: FragmentFile, looped: bool) -> None:
        """Report a fragment whose `induk` is in no placed file: missing, or a loop of fragments."""
        file = self.fragment_files[id(fragment)]
        line, column = self.result.marks[file].locate((_PARENT,))
        if looped:
            message = _(
                "`induk: {parent}` hangs this file below a part that itself hangs "
                "below this file: the parts form a loop; hang one from a node of the main file"
            ).format(parent=fragment.parent)
            self.error(file, line, column, LoaderCheck.INCLUDE_CYCLE, message)
            return
        self.error(
            file,
            line,
            column,
            LoaderCheck.UNKNOWN_PARENT,
            _(
                "`induk: {parent}` names no node of this tree: use the id of a node "
                "in the main file or in another included file"
            ).format(parent=fragment.parent),
        )


def _stamp(nodes: list[Node], file: str, path: DataPath) -> None:
    """Record where each node and indicator was written, for positioned findings later."""
    stack = [(nodes, path)]  # one file nests at most 64 levels, but a stack costs nothing more
    while stack:
        siblings, where = stack.pop()
        for index, node in enumerate(siblings):
            node_path = (*where, index)
            node._origin = Origin(file=file, path=node_path)
            for number, indicator in enumerate(node.indicators):
                indicator._origin = Origin(file=file, path=(*node_path, _INDICATORS, number))
            stack.append((node.children, (*node_path, _CHILDREN)))


def load_tree(path: Path) -> LoadResult:
    """Load the tree whose main file is `path`. Raises InputError when `path` cannot be read."""
    return _Loader(path).run()
