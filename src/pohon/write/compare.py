"""`render --check`: the output folder must hold this render, whole, and nothing else of its own.

Every file of the render must be on disk as a regular file with exactly its bytes. A tree's
folder (`out/<tree>/`) is pohon's alone: any file in it that the render does not write (a
page added by hand, a link, a stray copy) is reported too. The top of the folder is shared
with the user's own files (`CNAME`, `.nojekyll`, a README), so there only pohon's own
leftovers are: the files of the last manifest, and what a stopped render left (its journal,
its staged copies, its staging folder). The files are compared as the trees finish, so
that only their names and hashes are held until the end.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path

from pohon.core.messages import N_
from pohon.render.cache import MANIFEST, Record, manifest_of, read_manifest
from pohon.render.on_disk import RealFolders, read_output
from pohon.write.journal import JOURNAL, STAGING_FOLDER, leftover_temporaries

OUT_OF_DATE = N_("out of date")
NOT_RENDERED = N_("not written by pohon: remove it")
STOPPED = N_("left by a render that was stopped: run `pohon render` to finish or undo it")


def check_outputs(
    out: Path, files: Mapping[str, bytes], record: Record | None = None
) -> list[tuple[str, str]]:
    """Every path (relative to `out`) that keeps the folder from being this render, and why."""
    compared = Compared(out)
    compared.add(files)
    return compared.problems(record)


class Compared:
    """`--check` as the trees finish: each file compared with the disk as it comes, byte for
    byte; only its name, size and sha256 are kept, for the manifest compared at the end."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.outputs: dict[str, tuple[str, int]] = {}
        self.stale: set[str] = set()
        self._real = RealFolders(out)

    def add(self, files: Mapping[str, bytes]) -> None:
        for name, data in files.items():
            self.outputs[name] = (hashlib.sha256(data).hexdigest(), len(data))
            blocked = self._real.blocked(name) is not None
            if blocked or read_output(self.out / name, len(data)) != data:
                self.stale.add(name)

    def problems(self, record: Record | None = None) -> list[tuple[str, str]]:
        """Every path that keeps the folder from being the render added, and why."""
        out = self.out
        self.add({MANIFEST: manifest_of(self.outputs, record)})
        expected = self.outputs
        found: dict[str, str] = dict.fromkeys(sorted(self.stale), OUT_OF_DATE)
        real = RealFolders(out)
        listed = read_manifest(out).files
        for name in sorted(listed - set(expected)):
            if real.blocked(name) is None and os.path.lexists(out / name):
                found[name] = OUT_OF_DATE
        for stopped in (JOURNAL, STAGING_FOLDER):
            if os.path.lexists(out / stopped):
                found[stopped] = STOPPED
        for path in leftover_temporaries(out, {*expected, *listed}):
            found[path.relative_to(out).as_posix()] = STOPPED
        trees = sorted({name.split("/")[0] for name in expected if "/" in name})
        for name in _files_under(out, trees):
            if name not in expected:
                found.setdefault(name, NOT_RENDERED)
        return sorted(found.items())


def _files_under(out: Path, folders: list[str]) -> list[str]:
    """Everything but folders under `out/<folder>/`, links included and never followed."""
    names = []
    for folder in folders:
        if RealFolders(out).blocked(f"{folder}/x") is not None:
            continue  # the tree's own files are out of date already
        for top, subfolders, files in os.walk(out / folder):
            here = Path(top).relative_to(out).as_posix()
            links = [name for name in subfolders if os.path.islink(os.path.join(top, name))]
            names += [f"{here}/{name}" for name in (*files, *links)]
    return names
