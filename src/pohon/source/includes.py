"""Where a `sertakan` pattern leads: the files it names, or why it names none pohon may read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pohon.core.errors import BadPattern, TooManyFolders
from pohon.core.finding_ids import LoaderCheck
from pohon.core.messages import _
from pohon.source import limits
from pohon.source.files import display_path
from pohon.source.pattern import Search, fixed_parts, matches


@dataclass
class Expansion:
    """The files one pattern adds to the tree, and the problems met on the way (rule, message)."""

    files: list[Path] = field(default_factory=list)
    problems: list[tuple[LoaderCheck, str]] = field(default_factory=list)


def expand(
    pattern: str, folder: Path, root: Path, seen: set[Path], search: Search | None = None
) -> Expansion:
    """The files `pattern` (relative to `folder`) names inside `root`, each once.

    `seen` holds the resolved files already part of the tree; the new ones are added.
    `search` is shared by all the patterns of one tree: the folder limit is theirs together.
    The pattern is checked before it is expanded, so `/**` or `../../**` never walks
    the disk outside the tree's folder, and `**` does not follow links (pohon.source.pattern).
    """
    result = Expansion()
    if not pattern.strip():
        result.problems.append(
            (
                LoaderCheck.INCLUDE_MISSING,
                _("this `sertakan` entry is empty: write a file name or pattern"),
            )
        )
        return result
    if "\\" in pattern:
        result.problems.append(
            (
                LoaderCheck.INCLUDE_MISSING,
                _("`{pattern}` uses `\\`: separate folders with `/` (`bidang/*.yaml`)").format(
                    pattern=pattern
                ),
            )
        )
        return result
    if not _inside(folder.joinpath(*fixed_parts(pattern)), root):
        result.problems.append((LoaderCheck.INCLUDE_OUTSIDE, _outside(pattern, root)))
        return result
    if search is not None and search.spent:  # said once, at the pattern that passed the limit
        return result
    try:
        found = matches(folder, pattern, search)
    except BadPattern as error:
        result.problems.append((LoaderCheck.INCLUDE_MISSING, str(error)))
        return result
    except TooManyFolders:
        message = _(
            "`{pattern}` searches more than {limit} folders (the limit, for all "
            "the `sertakan` patterns of a tree together): name the folder to search in, "
            "e.g. `bidang/**/*.yaml`"
        ).format(pattern=pattern, limit=f"{limits.MAX_FOLDERS:,}")
        result.problems.append((LoaderCheck.TOO_LARGE, message))
        return result
    if not found:
        result.problems.append(
            (
                LoaderCheck.INCLUDE_MISSING,
                _("`{pattern}` names no file (paths are relative to {folder}/)").format(
                    pattern=pattern, folder=display_path(folder)
                ),
            )
        )
    reached: set[Path] = set()
    for path in found:
        resolved = _resolve(path)
        if resolved is None:
            result.problems.append((LoaderCheck.INCLUDE_MISSING, _loop(path)))
            continue
        if resolved in reached:  # the same file by another route (a symlink): once is enough
            continue
        reached.add(resolved)
        problem = _problem(path, resolved, root, seen)
        if problem:
            result.problems.append(problem)
        elif len(seen) >= limits.MAX_FILES:
            result.problems.append(
                (
                    LoaderCheck.TOO_LARGE,
                    _("a tree may include at most {limit} files (the limit)").format(
                        limit=f"{limits.MAX_FILES:,}"
                    ),
                )
            )
            break
        else:
            seen.add(resolved)
            result.files.append(path)
    return result


def _problem(
    path: Path, resolved: Path, root: Path, seen: set[Path]
) -> tuple[LoaderCheck, str] | None:
    """Why `path` may not join the tree, or None when it may."""
    shown = display_path(path)
    if not resolved.is_relative_to(root):
        return (LoaderCheck.INCLUDE_OUTSIDE, _outside(shown, root))
    if resolved in seen:
        return (
            LoaderCheck.INCLUDE_CYCLE,
            _("`{file}` is already part of this tree; include each file once").format(file=shown),
        )
    if resolved.is_dir():
        return (
            LoaderCheck.INCLUDE_MISSING,
            _("`{file}` is a folder: name the files in it, e.g. `{file}/*.yaml`").format(
                file=shown
            ),
        )
    return None


def _loop(path: Path) -> str:
    return _("`{file}` is a symbolic link that leads back to itself (a loop)").format(
        file=display_path(path)
    )


def _outside(shown: str, root: Path) -> str:
    return _(
        "`{file}` lies outside the tree's folder {folder}/: "
        "keep every part of a tree beside or below its main file"
    ).format(file=shown, folder=display_path(root))


def _resolve(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: how Python 3.11 reports a symlink loop
        return None


def _inside(path: Path, root: Path) -> bool:
    resolved = _resolve(path)
    return resolved is None or resolved.is_relative_to(root)
