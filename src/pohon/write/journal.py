"""The journal of a write in progress, from which any later render finishes or undoes it.

Before it stages a single file, a render writes `.pohon-journal.json` into the output folder:
the files it will replace (each staged beside its target as `.NAME.pohon-tmp`, the file it
replaces moved aside as `.NAME.pohon-old` during the swap), the folders it makes and the
leftovers it will remove. The journal says which phase the write is in. If the process is
killed (SIGKILL, a crash, a power cut of the machine's processes), the next render finds the
journal and, while staging, undoes the write: the previous outputs were never touched; while
swapping, finishes it: every new file is whole in its staged copy. Then the journal goes.

While the trees are still being rendered, each finished file waits in `.pohon-staging/` at
the top of the output folder (write/staging.py); the stage step moves the changed ones
beside their targets. That folder is pohon's by its name alone: a killed render leaves it,
and the next one removes it with whatever it holds.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pohon.render.cache import inside
from pohon.render.on_disk import RealFolders, read_output, sha256_of

JOURNAL = ".pohon-journal.json"
STAGED = ".pohon-tmp"
REPLACED = ".pohon-old"
STAGING_FOLDER = ".pohon-staging"
STAGING, SWAPPING = "staging", "swapping"
# What an older pohon left when it was killed while staging (tempfile.mkstemp's names).
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_OLD_TEMPORARY = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp")


def staged(target: Path) -> Path:
    return target.with_name(f".{target.name}{STAGED}")


def replaced(target: Path) -> Path:
    return target.with_name(f".{target.name}{REPLACED}")


@dataclass
class Journal:
    """A write in progress: its phase, what it replaces, the folders it made, what it removes."""

    phase: str = STAGING
    entries: list[tuple[str, bool]] = field(default_factory=list)  # (name, a file was there)
    folders: list[str] = field(default_factory=list)  # outermost first
    leftovers: dict[str, str] = field(default_factory=dict)  # name -> sha256 pohon wrote

    def save(self, out: Path) -> None:
        """Write the journal whole or not at all (a staged copy renamed over the last one)."""
        listed = {
            "phase": self.phase,
            "entries": self.entries,
            "folders": self.folders,
            "leftovers": self.leftovers,
        }
        path = out / JOURNAL
        create(staged(path), json.dumps(listed).encode())
        os.replace(staged(path), path)


def create(path: Path, data: bytes | Path) -> None:
    """A new regular file holding `data`, never written through a link: what was there goes.

    `data` may be a file staged already (in the staging folder), which is then moved here.
    """
    _remove(path)
    if isinstance(data, Path):
        try:
            os.rename(data, path)  # a rename never follows a link where it lands
            return
        except OSError as error:
            if error.errno != errno.EXDEV:  # another disk under the output folder: copy it
                raise
        with open(data, "rb") as stream:
            data = stream.read()
    write_new(path, data)


def write_new(path: Path, data: bytes) -> None:
    """`create` for bytes: a new file, opened without following a link, readable by all."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW, 0o644)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(path, 0o644)  # whatever the umask: a site is for everyone to read
    except BaseException:
        _remove(path)
        raise


def load(out: Path) -> Journal | None:
    """The journal a stopped write left, keeping only names plainly inside the folder."""
    data = read_output(out / JOURNAL, limit=256 * 1024 * 1024)
    try:
        listed = json.loads(data.decode("utf-8")) if data is not None else None
    except ValueError:
        listed = None
    if not isinstance(listed, dict) or listed.get("phase") not in (STAGING, SWAPPING):
        return None

    folders = RealFolders(out)

    def usable(name: object) -> bool:
        return isinstance(name, str) and inside(name) and folders.blocked(name) is None

    entries = [
        (entry[0], entry[1] is True)
        for entry in listed.get("entries") or []
        if isinstance(entry, list) and len(entry) == 2 and usable(entry[0])
    ]
    made = [name for name in listed.get("folders") or [] if usable(name)]
    leftovers = listed.get("leftovers")
    kept = {
        name: sha
        for name, sha in (leftovers.items() if isinstance(leftovers, dict) else [])
        if usable(name) and isinstance(sha, str)
    }
    return Journal(listed["phase"], entries, made, kept)


def undo(out: Path, journal: Journal) -> None:
    """Take back a write that had not begun swapping: its staged files and new folders."""
    for name, _ in journal.entries:
        _remove(staged(out / name))
    for name in reversed(journal.folders):
        with contextlib.suppress(OSError):
            (out / name).rmdir()
    _remove(staged(out / JOURNAL))
    _remove(out / JOURNAL)


def finish(out: Path, journal: Journal, *, swapped: bool = False) -> None:
    """Swap in whatever is still staged (unless all is), then remove what was replaced and
    the leftovers."""
    if not swapped:
        for name, had_file in journal.entries:
            swap_in(out / name, had_file)
    for name, had_file in journal.entries:
        if not had_file:
            continue  # nothing was moved aside
        _remove(replaced(out / name))
    for name, sha in journal.leftovers.items():
        if sha256_of(out / name) == sha:  # only what pohon wrote, as pohon wrote it
            _remove(out / name)
    _remove(out / JOURNAL)


def swap_in(target: Path, had_file: bool) -> None:
    """Put the staged copy of `target` in its place (a step already done is skipped)."""
    copy = staged(target)
    if not os.path.lexists(copy):
        return  # swapped in already
    if had_file and os.path.lexists(target) and not os.path.lexists(replaced(target)):
        os.replace(target, replaced(target))
    os.replace(copy, target)


def swap_back(target: Path, had_file: bool) -> None:
    """Undo `swap_in`: the new file back to its staged copy, the replaced one back in place."""
    old = replaced(target)
    swapped = not os.path.lexists(staged(target)) and os.path.lexists(target)
    if swapped and (not had_file or os.path.lexists(old)):
        os.replace(target, staged(target))
    if os.path.lexists(old):
        os.replace(old, target)


def discard_staging(out: Path) -> None:
    """Remove the staging folder with whatever is left in it (never what a link leads to)."""
    folder = out / STAGING_FOLDER
    try:
        mode = folder.lstat().st_mode
    except OSError:
        return
    if stat.S_ISDIR(mode):
        shutil.rmtree(folder, ignore_errors=True)
    else:
        _remove(folder)


def recover(out: Path, files: frozenset[str]) -> str | None:
    """Finish or undo a write that was stopped; say which. Stray staged copies are removed,
    and the staging folder of a render killed before it began to write.

    `files` are the last manifest's: their folders are where to look for staged copies
    that no journal names (pohon's by their names alone).
    """
    journal = load(out)
    done = None
    if journal is not None:
        (finish if journal.phase == SWAPPING else undo)(out, journal)
        done = "finished" if journal.phase == SWAPPING else "undone"
    elif os.path.lexists(out / JOURNAL):
        _remove(out / JOURNAL)  # unreadable: nothing in it can be trusted or done
    for path in leftover_temporaries(out, files):
        _remove(path)
    discard_staging(out)
    return done


def leftover_temporaries(out: Path, files: Iterable[str]) -> list[Path]:
    """Staged and replaced copies beside `files` (relative to `out`) and at the top of `out`.

    Staged copies of an older pohon (`.NAME.xxxxxxxx.tmp`, tempfile's names) count only
    beside the file NAME they were made for.
    """
    listed = set(files)
    found = []
    real = RealFolders(out)
    for folder in sorted({""} | {name.rpartition("/")[0] for name in listed}):
        if folder and real.blocked(f"{folder}/x") is not None:
            continue
        with contextlib.suppress(OSError):
            for entry in os.scandir(out / folder):
                if _temporary(entry.name, folder, listed):
                    found.append(out / folder / entry.name)
    return found


def _temporary(name: str, folder: str, listed: set[str]) -> bool:
    if name.startswith(".") and name.endswith((STAGED, REPLACED)):
        return True
    old = _OLD_TEMPORARY.fullmatch(name)
    return old is not None and f"{folder}/{old['name']}".lstrip("/") in listed


def _remove(path: Path) -> None:
    """Remove a file or a link (never what it leads to); a folder by that name stays."""
    with contextlib.suppress(FileNotFoundError, IsADirectoryError, NotADirectoryError):
        path.unlink()
