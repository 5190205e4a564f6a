"""The body of `pohon diff`: load both sides (files or files at a git revision), compare, print."""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import click

from pohon.check.finding_formats import FORMATS
from pohon.commands.diff_aside import Aside
from pohon.core import exit_codes
from pohon.core.errors import UsageError
from pohon.core.messages import _
from pohon.render.diff.tree_compare import diff_trees
from pohon.render.diff.values import TreeDiff
from pohon.source.files import display_path
from pohon.source.git_revision import copy_revision, repository_root, revision_path
from pohon.tree.assemble import LoadResult, load_tree
from pohon.tree.model import Tree

DIFF_FORMATS = ("text", "markdown", "json", "html", "xlsx")


class _Sides:
    """Where each side's files are read from: the working tree, or a revision copied to a folder."""

    def __init__(self, stack: ExitStack) -> None:
        self.stack = stack
        self.copies: dict[str, Path] = {}

    def revision(self, revision: str) -> Path:
        if revision not in self.copies:
            folder = Path(
                self.stack.enter_context(tempfile.TemporaryDirectory(prefix="pohon-diff-"))
            )
            copy_revision(revision, Path.cwd(), folder)
            self.copies[revision] = folder
        return self.copies[revision]

    def where(self, spec: str) -> _Side:
        """The main file a side names (a path, or REV:PATH), and how to name its files."""
        at = revision_path(spec, Path.cwd())
        if at is None:
            return _Side(display_path(Path(spec)), Path(spec), spec)
        main = self.revision(at.revision) / at.path
        if not main.is_file():
            raise UsageError(_("{spec}: no such file at that revision").format(spec=at.label))
        return _Side(at.label, main, at.label, self.copies[at.revision], at.revision)


@dataclasses.dataclass(frozen=True)
class _Side:
    label: str  # the side's name in the comparison
    path: Path
    spec: str  # the side's name in the message of a tree that does not load
    copy: Path | None = None  # the folder a revision was copied to
    revision: str = ""

    def load(self, result: LoadResult | None = None) -> Tree:
        """The side's tree (from `result`, if read already), or the stop with its findings."""
        return _loaded(self.path, self.spec, self.copy, self.revision, result)


def _loaded(
    path: Path,
    label: str,
    copy: Path | None = None,
    revision: str = "",
    result: LoadResult | None = None,
) -> Tree:
    """The tree at `path`; a tree that does not load stops the comparison with its findings."""
    result = result or load_tree(path)
    if result.tree is not None:
        return result.tree
    findings = result.findings
    if copy is not None:  # name a revision's files as git does, not by the temporary copy
        prefix = str(copy) + os.sep
        findings = [
            dataclasses.replace(f, file=f"{revision}:{f.file.removeprefix(prefix)}")
            for f in findings
        ]
    click.echo(FORMATS["text"](findings), err=True, nl=False)
    raise UsageError(
        _("{label}: the tree does not load: fix the errors above first").format(label=label)
    )


def compare(old: str, new: str | None, stack: ExitStack) -> list[TreeDiff]:
    """Each tree's comparison: two sides, or every tree of the project at a revision and now."""
    sides = _Sides(stack)
    if new is not None:
        first = sides.where(old)
        aside = stack.enter_context(Aside(first.path))
        try:
            second = sides.where(new)
            read = load_tree(second.path)
        except Exception:  # the older side's messages come first, as when read in turn
            _older(aside, first)
            raise
        before = _older(aside, first)
        after = second.load(read)
        return [diff_trees(before, after, old_label=first.label, new_label=second.label)]
    return list(_project(old, sides))


def _older(aside: Aside, side: _Side) -> Tree:
    """The older side's tree: the worker's, or read here when the worker has none."""
    tree = aside.tree()
    return tree if tree is not None else side.load()


def _project(revision: str, sides: _Sides) -> Iterator[TreeDiff]:
    """Every tree found at `revision` and in the working tree, paired by path."""
    from pohon.commands.bodies import project_settings
    from pohon.source.discover import find_trees
    from pohon.source.settings_file import Config

    config = project_settings()
    root = repository_root(Path.cwd())
    now = {_inside(path, root): path for path in find_trees(Path.cwd(), config).mains}
    copy = sides.revision(revision)
    then_config = Config()
    if config.trees and config.source is not None:
        then_config = dataclasses.replace(config, source=copy / _inside(config.source, root))
    start = copy / _inside(Path.cwd(), root)
    try:
        found = find_trees(start, then_config).mains if start.is_dir() else []
    except UsageError:
        found = []  # no tree at that revision: every tree of today is new
    then = {str(path.relative_to(copy).as_posix()): path for path in found}
    for name in sorted(set(now) | set(then)):
        label = f"{revision}:{name}"
        before = _loaded(then[name], label, copy, revision) if name in then else None
        after = _loaded(now[name], name) if name in now else None
        yield diff_trees(before, after, old_label=label, new_label=display_path(root / name))


def _inside(path: Path, root: Path) -> str:
    return path.resolve().relative_to(root.resolve()).as_posix()


def diff_command(
    old: str,
    new: str | None,
    *,
    output_format: str,
    out: Path | None,
    exit_code: bool,
    stat: bool,
    lang: str,
) -> int:
    """Print (or write to `out`) the comparison; exit 1 under `exit_code` when anything changed."""
    from pohon.commands.diff_output import formatted

    if output_format == "xlsx" and out is None and not stat:  # binary: never to a terminal
        raise UsageError(_("--format xlsx writes a file: give it with --out FILE.xlsx"))
    with ExitStack() as stack:
        diffs = compare(old, new, stack)
    data = formatted(diffs, output_format, lang, stat=stat, colour=out is None and _terminal())
    if out is None:
        click.echo(data, nl=False)
    else:
        from pohon.write.single_file import write_file

        write_file(out, data)
    changed = any(not diff.empty for diff in diffs)
    return exit_codes.FINDINGS if exit_code and changed else exit_codes.OK


def _terminal() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ
