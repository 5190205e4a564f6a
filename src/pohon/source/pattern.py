"""The files a `sertakan` glob pattern names, found without following links into other folders.

`glob.glob(recursive=True)` follows symbolic links to folders, so `**/*.yaml` beside a
link to `/` searches the whole disk. Here `**` searches real folders only, skips hidden
ones (`.git`) as glob does, and stops after `limits.MAX_FOLDERS` folders. The rules
are glob's: `*` and `?` stay within one folder name and never match a leading dot,
`[abc]` and `[!abc]` match one character, `**` matches any number of folders.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from pohon.core.errors import TooManyFolders
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


def matches(folder: Path, pattern: str) -> list[Path]:
    """The paths `pattern` names below `folder`, sorted; files only where it has a wildcard."""
    parts = parts_of(pattern)
    fixed = fixed_parts(pattern)
    if len(fixed) == len(parts):  # no wildcard: the path itself, a link or a folder included
        path = folder.joinpath(*parts)
        return [path] if os.path.lexists(path) else []
    base = folder.joinpath(*fixed)
    rest = parts[len(fixed) :]
    wanted = re.compile(_translate(rest))
    deepest = None if "**" in rest else len(rest) - 1
    hidden = any(part.startswith(".") for part in rest)
    found: list[Path] = []
    for searched, (current, folders, files) in enumerate(os.walk(base), start=1):
        if searched > limits.MAX_FOLDERS:
            raise TooManyFolders(f"`{pattern}` searches more than {limits.MAX_FOLDERS:,} folders")
        below = Path(current).relative_to(base)
        keep = deepest is None or len(below.parts) < deepest
        folders[:] = sorted(f for f in folders if keep and (hidden or not f.startswith(".")))
        found += [
            Path(current, name) for name in files if wanted.fullmatch((below / name).as_posix())
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
        end = part.find("]", index + 2) if char == "[" else -1
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif end != -1:
            body = part[index + 1 : end]
            negate = body.startswith("!")
            body = "".join(f"\\{c}" if c in "\\[&~|^" else c for c in body[negate:])
            out.append(f"[{'^' if negate else ''}{body}]")
            index = end
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)
