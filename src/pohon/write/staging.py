"""Each finished tree's files put on disk at once, so that a render holds only their names.

A render hands every file here as soon as its tree is finished (`Staging.add`). A file
whose bytes are already on disk, in the file it would replace, is only looked at: its size,
its sha256 and the state of that file are kept. Any other file is written into the staging
folder at the top of the output folder (journal.STAGING_FOLDER), under a number of its own.
Nothing the previous render wrote is touched: the write (write/output_folder.py) then plans
from the names, sizes and hashes, moves the changed files' copies beside their targets and
swaps them in as it always did; whatever is left in the staging folder is removed, after a
write, a failure or a stop alike (`Staging.discard`).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pohon.core.errors import UsageError
from pohon.core.messages import _
from pohon.render.cache import inside
from pohon.render.on_disk import RealFolders, plain_file, read_output
from pohon.write.journal import STAGING_FOLDER, discard_staging, write_new

Seen = tuple[int, int, int, int, int]
"""A file on disk as looked at: device, inode, size, modification and change times (ns)."""


def seen_as(info: os.stat_result) -> Seen:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


@dataclass(frozen=True)
class Output:
    """One file of a render, without its bytes: their size and sha256, and where they are:
    a copy in the staging folder, or (`seen`) the file on disk that held them when looked at."""

    size: int
    sha256: str
    copy: Path | None = None
    seen: Seen | None = None

    @classmethod
    def of(cls, data: bytes, copy: Path | None = None, seen: Seen | None = None) -> Output:
        return cls(len(data), hashlib.sha256(data).hexdigest(), copy, seen)


class Staging:
    """The files of a render in progress: each staged as it comes, or found on disk already."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.outputs: dict[str, Output] = {}
        self._folders = RealFolders(out)
        self._made = False
        self._count = 0

    def add(self, files: Mapping[str, bytes]) -> None:
        """Stage `files` (relative path -> bytes); a name leading outside the folder is refused."""
        for name, data in files.items():
            self.put(name, data)

    def put(self, name: str, data: bytes) -> None:
        if not inside(name):  # a renderer's bug, or a file name that slipped through
            raise UsageError(
                _("refusing to write {file}: it leads outside {folder}").format(
                    file=name, folder=self.out
                )
            )
        seen = self._on_disk(name, data)
        if seen is not None:
            self.outputs[name] = Output.of(data, seen=seen)
            return
        try:
            copy = self._staging_folder() / str(self._count)
            self._count += 1
            write_new(copy, data)
        except OSError as error:
            raise UsageError(
                _("cannot write into {folder}: {reason}").format(
                    folder=self.out, reason=error.strerror or error
                )
            ) from None
        self.outputs[name] = Output.of(data, copy=copy)

    def _on_disk(self, name: str, data: bytes) -> Seen | None:
        """The file `name` as looked at, when it holds `data` already (read through no link)."""
        if self._folders.blocked(name) is not None:
            return None
        target = self.out / name
        before = plain_file(target)
        if before is None or before.st_size != len(data) or read_output(target, len(data)) != data:
            return None
        after = plain_file(target)
        return seen_as(before) if after is not None and seen_as(after) == seen_as(before) else None

    def _staging_folder(self) -> Path:
        folder = self.out / STAGING_FOLDER
        if not self._made:
            discard_staging(self.out)  # a killed render's, if the recovery could not remove it
            self.out.mkdir(parents=True, exist_ok=True)
            folder.mkdir()  # never through a link: one standing there makes this fail
            self._made = True
        return folder

    def discard(self) -> None:
        """Remove the staging folder and every copy still in it."""
        if self._made:
            discard_staging(self.out)
            self._made = False
