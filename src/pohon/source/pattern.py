"""The files a `sertakan` glob pattern names, found without following links into other folders.

`glob.glob(recursive=True)` follows symbolic links to folders, so `**/*.yaml` beside a
link to `/` searches the whole disk. Here `**` searches real folders only, skips hidden
ones (`.git`) as glob does, and stops after `limits.MAX_FOLDERS` folders (for all the
patterns of one run together: `Search`). The rules
are glob's: `*` and `?` stay within one folder name and never match a leading dot,
`[abc]`, `[a-z]` and `[!abc]` match one character, `**` matches any number of folders.
A pattern glob would read as matching nothing (a range that runs backwards) is refused
(`BadPattern`) before anything is searched.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from pohon.core.errors import BadPattern, TooManyFolders
from pohon.source import limits

MAGIC = frozenset("*?[")


def parts_of(pattern: str) -> list[str]:
    """The pattern's folder names, without empty and `.` parts (`/` first when absolute)."""
    parts = [part for part in pattern.split("/") if part not in ("", ".")]
    return ["/", *parts] if pattern.startswith("/") else parts


def fixed_parts(pattern: str) -> list[str]:
    """The folders a pattern names before its first wildcard."""
    parts = []
    for part in parts_of(pattern):
        if MAGIC & set(part):
            break
        parts.append(part)
    return parts


class Search:
    """The folders one run's patterns search: each listed from the disk once, all counted together.

    A tree's `sertakan` patterns (or the settings' `trees`) share one: a hundred `**`
    patterns beside a large folder list it once, and the folder limit is spent by all of
    them together, so the work of a run is bounded however many patterns it holds.
    """

    def __init__(self) -> None:
        self.searched = 0  # folders visited by every pattern so far
        self.listed = 0  # folders read from the disk
        self._listings: dict[str, tuple[list[str], list[str]]] = {}

    @property
    def spent(self) -> bool:
        """Whether a pattern passed the limit: the patterns after it are not searched."""
        return self.searched > limits.MAX_FOLDERS

    def listing(self, folder: str) -> tuple[list[str], list[str]]:
        """The sorted real folders and the other names (files, links) in `folder`."""
        self.searched += 1
        if self.searched > limits.MAX_FOLDERS:
            raise TooManyFolders(f"searches more than {limits.MAX_FOLDERS:,} folders")
        found = self._listings.get(folder)
        if found is None:
            found = self._listings[folder] = _list(folder)
            self.listed += 1
        return found


def _list(folder: str) -> tuple[list[str], list[str]]:
    """What os.walk sees of one folder: a link to a folder is neither searched nor a file."""
    folders, files = [], []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if not is_dir:
                    files.append(entry.name)
                elif not entry.is_symlink():
                    folders.append(entry.name)
    except OSError:  # unreadable or gone: nothing in it, as os.walk has it
        pass
    return sorted(folders), sorted(files)


def matches(folder: Path, pattern: str, search: Search | None = None) -> list[Path]:
    """The paths `pattern` names below `folder`, sorted; files only where it has a wildcard.

    `search` is shared by the patterns of one run (a fresh one: this pattern alone).
    """
    parts = parts_of(pattern)
    fixed = fixed_parts(pattern)
    if len(fixed) == len(parts):  # no wildcard: the path itself, a link or a folder included
        path = folder.joinpath(*parts)
        return [path] if os.path.lexists(path) else []
    base = folder.joinpath(*fixed)
    rest = parts[len(fixed) :]
    wanted = re.compile(_translate(rest))  # raises BadPattern before any folder is read
    deepest = None if "**" in rest else len(rest) - 1
    hidden = any(part.startswith(".") for part in rest)
    search = search or Search()
    found: list[Path] = []
    stack: list[tuple[str, tuple[str, ...]]] = [(str(base), ())]
    while stack:
        current, below = stack.pop()
        folders, files = search.listing(current)
        for name in files:
            if wanted.fullmatch("/".join((*below, name))):
                found.append(Path(current, name))
        if deepest is None or len(below) < deepest:
            stack += [
                (os.path.join(current, name), (*below, name))
                for name in reversed(folders)
                if hidden or not name.startswith(".")
            ]
    return sorted(found)


def _translate(parts: list[str]) -> str:
    pieces = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "**":  # any folders down; last, any name below but hidden ones, as glob
            pieces.append("(?:[^/]+/)*(?!\\.)[^/]+" if last else "(?:[^/]+/)*")
        else:
            pieces.append(_translate_part(part) + ("" if last else "/"))
    return "".join(pieces)


def _translate_part(part: str) -> str:
    out = ["(?!\\.)"] if part[0] in MAGIC else []  # a wildcard never matches a leading dot
    index = 0
    while index < len(part):
        char = part[index]
        end = _set_end(part, index) if char == "[" else -1
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif end != -1:
            out.append(_translate_set(part, index, end))
            index = end
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


def _set_end(part: str, start: int) -> int:
    """Where the `[...]` opened at `start` closes, or -1: then the `[` is a plain character.

    As in glob, a `]` right after `[` or `[!` is one of the set's characters, not its end.
    """
    first = start + 1 + part.startswith("!", start + 1)
    return part.find("]", first + 1)


def _translate_set(part: str, start: int, end: int) -> str:
    """The regular expression of `part[start : end + 1]`, a `[...]` set, read as glob reads it.

    `a-z` is a range; a `-` first, last or right after a range is itself. A range that
    runs backwards matches nothing in glob: refused, since it is always a slip.
    """
    body = part[start + 1 : end]
    negate = body.startswith("!")
    body = body[negate:]
    pieces: list[str] = []
    index = 0
    while index < len(body):
        if index + 2 < len(body) and body[index + 1] == "-":
            low, high = body[index], body[index + 2]
            if low > high:
                raise BadPattern(_backwards(part[start : end + 1], low, high))
            pieces.append(f"{re.escape(low)}-{re.escape(high)}")
            index += 3
        else:
            pieces.append(re.escape(body[index]))
            index += 1
    return f"[{'^' if negate else ''}{''.join(pieces)}]"


def _backwards(written: str, low: str, high: str) -> str:
    hint = (
        "to match `-` itself, put it first or last inside the brackets"
        if "-" in (low, high)
        else f"write `{high}-{low}`"
    )
    return f"`{written}` holds the range `{low}-{high}`, which runs backwards and matches nothing: {hint}"
