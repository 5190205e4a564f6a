"""A tree read in two places: its files parsed in one process, the same tree assembled in another.

`pohon diff` reads the older side in a worker while it reads the newer one itself. A pickled
tree of models costs more to load than reading the files again; the plain data of each file
(dicts, lists and text, as the parser made them) costs little. So the worker records what
each read gave, and the caller replays those reads through the very loader that made them:
the same data validated by the same models, in the same order, gives the same tree.

Only a tree that loaded without an error is recorded: any finding, or anything unexpected in
the replay, gives None, and the caller reads the tree itself, messages and all.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from pohon.source.files import display_path
from pohon.source.yaml_marks import Marks
from pohon.tree.assemble import _Loader
from pohon.tree.model import Tree

# One read: the path, the file's name as shown, its data pickled at once (before the models
# see it), the sha256 of its bytes and the characters it counted against the tree's limit.
Read = tuple[str, str, bytes, str, int]


class _Recording(_Loader):
    def __init__(self, main: Path) -> None:
        super().__init__(main)
        self.reads: list[Read] = []

    def read(self, path: Path) -> tuple[str, Any] | None:
        counted = self.bytes_read
        found = super().read(path)
        if found is not None:
            name, data = found
            blob = pickle.dumps(data, pickle.HIGHEST_PROTOCOL)
            size = self.bytes_read - counted
            self.reads.append((str(path), name, blob, self.result.digests[name], size))
        return found


class _Replaying(_Loader):
    def __init__(self, main: Path, reads: list[Read]) -> None:
        super().__init__(main)
        self.reads = iter(reads)
        self.astray = False  # the replay asked for another file than the recording read

    def read(self, path: Path) -> tuple[str, Any] | None:
        recorded = next(self.reads, None)
        if recorded is None or recorded[0] != str(path) or recorded[1] != display_path(path):
            self.astray = True
            return None  # read as a file that did not load: the replay gives no tree
        _path, name, blob, digest, size = recorded
        self.result.digests[name] = digest
        self.result.marks[name] = Marks()  # no finding is made from a recorded read
        self.bytes_read += size
        data: Any = pickle.loads(blob)
        return name, data


def recorded(path: Path) -> bytes:
    """The reads of the tree at `path`, pickled; empty when the tree has any finding."""
    loader = _Recording(path)
    result = loader.run()
    if result.tree is None or result.findings:
        return b""
    return pickle.dumps(loader.reads, pickle.HIGHEST_PROTOCOL)


def replayed(path: Path, reads: bytes) -> Tree | None:
    """The tree `recorded(path)` read, or None: then read it here."""
    if not reads:
        return None
    loader = _Replaying(path, pickle.loads(reads))
    result = loader.run()
    if loader.astray or result.findings or next(loader.reads, None) is not None:
        return None
    return result.tree
