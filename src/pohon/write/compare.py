"""`render --check`: the output folder must hold this render, whole, and nothing else of its own.

Every file of the render must be on disk as a regular file with exactly its bytes. A tree's
folder (`out/<tree>/`) is pohon's alone: any file in it that the render does not write (a
page added by hand, a link, a stray copy) is reported too. The top of the folder is shared
with the user's own files (`CNAME`, `.nojekyll`, a README), so there only pohon's own
leftovers are: the files of the last manifest, and what a stopped render left (its journal,
its staged copies).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pohon.core.messages import N_
from pohon.render.cache import MANIFEST, Record, manifest_bytes, read_manifest
from pohon.render.on_disk import RealFolders, read_output
from pohon.write.journal import JOURNAL, leftover_temporaries

OUT_OF_DATE = N_("out of date")
NOT_RENDERED = N_("not written by pohon: remove it")
STOPPED = N_("left by a render that was stopped: run `pohon render` to finish or undo it")


def check_outputs(
    out: Path, files: Mapping[str, bytes], record: Record | None = None
) -> list[tuple[str, str]]:
    """Every path (relative to `out`) that keeps the folder from being this render, and why."""
    expected = {**files, MANIFEST: manifest_bytes(files, record)}
    found: dict[str, str] = {}
    real = RealFolders(out)
    for name, data in sorted(expected.items()):
        if real.blocked(name) is not None or read_output(out / name, len(data)) != data:
            found[name] = OUT_OF_DATE
    listed = read_manifest(out).files
    for name in sorted(listed - set(expected)):
        if real.blocked(name) is None and os.path.lexists(out / name):
            found[name] = OUT_OF_DATE
    if os.path.lexists(out / JOURNAL):
        found[JOURNAL] = STOPPED
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
