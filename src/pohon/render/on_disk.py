"""What an earlier render left in the output folder, read as warily as a tree file is.

The output folder is anyone's to edit and is often committed: a file in it may have become
a pipe (reading it would wait for ever), a link to `/dev/zero` (reading it would never
end) or to a file outside the folder, or a folder may have become a link that leads out.
pohon never follows a link inside the output folder, reads only regular files, and reads
no more than the size it expects; anything else is simply not an output of pohon's.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

MAX_OUTPUT_BYTES = 1024 * 1024 * 1024
"""Largest file read back from the output folder: far above any page or report pohon writes."""

_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def plain_file(path: Path) -> os.stat_result | None:
    """The file's status when it is a regular file (not a link, a pipe, a device, a folder)."""
    try:
        info = path.lstat()
    except OSError:
        return None
    return info if stat.S_ISREG(info.st_mode) else None


def read_output(path: Path, size: int | None = None, limit: int = MAX_OUTPUT_BYTES) -> bytes | None:
    """A regular file's bytes (of `size` bytes when given, at most `limit`), else None.

    Never blocks and never follows a link: the file is opened without following one and
    without waiting for a writer, and what was opened must be the regular file looked at.
    """
    seen = plain_file(path)
    if seen is None or seen.st_size > limit or (size is not None and seen.st_size != size):
        return None
    try:
        handle = os.open(path, os.O_RDONLY | _NO_FOLLOW)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        opened = os.fstat(handle)
        if (opened.st_dev, opened.st_ino) != (seen.st_dev, seen.st_ino):
            return None  # swapped for something else between the look and the open
        data = stream.read(seen.st_size + 1)
    return data if len(data) == seen.st_size else None


def sha256_of(path: Path, size: int | None = None) -> str | None:
    data = read_output(path, size)
    return None if data is None else hashlib.sha256(data).hexdigest()


def linked_folder(out: Path, name: str) -> str | None:
    """The first folder on the way from `out` to `name` that is a link or no folder, if any.

    `name` is relative to `out`, with `/` between its parts. The output folder itself may be
    a link (the user's choice); nothing below it may lead elsewhere.
    """
    return RealFolders(out).blocked(name)


class RealFolders:
    """Which folders on the way to names under `out` are no real folder, each looked at once."""

    def __init__(self, out: Path) -> None:
        self.out = os.fspath(out)
        self.seen: dict[str, str | None] = {"": None}  # folder -> the first that is none

    def blocked(self, name: str) -> str | None:
        """As `linked_folder`: the first folder on the way to `name` that is no real folder."""
        folder = name.rpartition("/")[0]
        if folder in self.seen:
            return self.seen[folder]
        parts = folder.split("/")
        found: str | None = None
        for depth in range(1, len(parts) + 1):
            here = "/".join(parts[:depth])
            if here not in self.seen:
                self.seen[here] = self._look(here) if found is None else found
            found = self.seen[here]
        return found

    def _look(self, folder: str) -> str | None:
        try:
            mode = os.lstat(os.path.join(self.out, folder)).st_mode
        except FileNotFoundError:
            return None  # not made yet: writing makes it a real folder
        except OSError:
            return folder
        return None if stat.S_ISDIR(mode) else folder
