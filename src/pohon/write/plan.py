"""What a write will do to the output folder, decided before anything in it is touched.

pohon replaces or removes only what it wrote itself, as it wrote it: a file whose bytes
still hash to what the last manifest recorded. A file the user edited, or one pohon never
wrote (`--out .` beside a repository's own `index.html`), stops the write before anything
is changed, unless `--force` is given; an edited leftover is left in place and named. Names
are confined to the output folder by what is on disk, not by their text alone: nothing is
written, read or removed through a link or a file standing where a folder should be.
The render's files are known here by their sizes and sha256 (write/staging.py), not bytes.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pohon.core.errors import UsageError
from pohon.core.messages import N_, _
from pohon.render.cache import MANIFEST, Manifest
from pohon.render.on_disk import RealFolders, plain_file, sha256_of
from pohon.write.staging import Output, seen_as


@dataclass
class Plan:
    """The files to write (each: whether a file stands there now), the folders to make, the
    leftovers to remove (with the hash they must still have), and what is left alone, why."""

    changed: list[tuple[str, bool]] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)
    leftovers: dict[str, str] = field(default_factory=dict)
    kept: list[tuple[str, str]] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


def plan_write(out: Path, files: Mapping[str, Output], previous: Manifest, *, force: bool) -> Plan:
    """The plan for writing `files` (the manifest's last) over what `previous` recorded."""
    _no_file_is_a_folder(out, files)
    plan = Plan()
    folders = RealFolders(out)
    for name in sorted(files, key=lambda name: (name == MANIFEST, name)):
        _plan_file(plan, out, name, files[name], previous, folders.blocked(name), force=force)
    for name in sorted(previous.files - set(files) - {MANIFEST}):
        _plan_leftover(plan, out, name, previous, folders.blocked(name))
    plan.folders = _new_folders(out, [name for name, _ in plan.changed])
    return plan


def _plan_file(
    plan: Plan,
    out: Path,
    name: str,
    data: Output,
    previous: Manifest,
    blocked: str | None,
    *,
    force: bool,
) -> None:
    if blocked is not None:
        not_a_folder = _(NOT_A_FOLDER)
        if (blocked, not_a_folder) not in plan.refused[-1:]:  # one line for a folder's files
            plan.refused.append((blocked, not_a_folder))
        return
    target = out / name
    try:
        info = target.lstat()
    except FileNotFoundError:
        plan.changed.append((name, False))
        return
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        plan.refused.append((name, _("is a folder where pohon writes a file")))
        return
    if data.seen is not None and data.seen == seen_as(info):
        return  # untouched since the render found it holding these bytes
    found = sha256_of(target) if stat.S_ISREG(mode) else None
    if found == data.sha256:
        return  # already as it should be
    ours = found is not None and (name == MANIFEST or found == previous.hashes.get(name))
    if ours or force:
        plan.changed.append((name, True))
    elif found is None:
        plan.refused.append((name, _("is no regular file (a link, a pipe or a device)") + _(FORCE)))
    else:
        plan.refused.append((name, _("was not written by pohon, or was changed since") + _(FORCE)))


def _plan_leftover(
    plan: Plan, out: Path, name: str, previous: Manifest, blocked: str | None
) -> None:
    """A file the last render wrote and this one does not: removed if it is still pohon's."""
    if blocked is not None:
        plan.kept.append(
            (name, _("lies behind {folder}, which is no real folder").format(folder=out / blocked))
        )
        return
    target = out / name
    if not os.path.lexists(target):
        return
    sha = previous.hashes.get(name)
    if plain_file(target) is None:
        plan.kept.append((name, _("is no regular file any more; remove it if it is not needed")))
    elif sha is not None and sha256_of(target, previous.sizes.get(name)) == sha:
        plan.leftovers[name] = sha
    else:
        plan.kept.append(
            (name, _("was changed since pohon wrote it; remove it if it is not needed"))
        )


FORCE = N_(" (--force replaces it)")
NOT_A_FOLDER = N_(
    "is a link or a file where pohon needs a folder: pohon writes only into real folders"
)


def _no_file_is_a_folder(out: Path, files: Mapping[str, Output]) -> None:
    """A render whose file names would need one path to be a file and a folder (on any disk)."""
    names = {name.lower(): name for name in files}
    for name in files:
        parts = name.lower().split("/")
        for depth in range(1, len(parts)):
            clash = names.get("/".join(parts[:depth]))
            if clash is not None:
                raise UsageError(
                    _(
                        "{file} would be both a file and the folder of {other}: "
                        "rename the tree whose folder it is"
                    ).format(file=out / clash, other=out / name)
                )


def _new_folders(out: Path, names: list[str]) -> list[str]:
    """The folders that writing `names` will make, outermost first, relative to `out`."""
    new: set[str] = set()
    for name in names:
        parts = name.split("/")[:-1]
        for depth in range(len(parts), 0, -1):
            folder = "/".join(parts[:depth])
            if folder in new or (out / folder).exists():
                break
            new.add(folder)
    return sorted(new, key=lambda folder: (folder.count("/"), folder))
