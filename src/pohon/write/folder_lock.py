"""One render at a time into an output folder: a lock held on the folder itself.

Two renders writing into one folder at once would leave a mix of both. The lock is an
advisory `flock` on the folder (no lock file to leave behind or to commit): a render holds
it exclusively from before it reads the last manifest until its files are swapped in; a
`--check` holds it shared, so that it never compares a folder in the middle of a swap.
A second render does not wait for the first (which may be stuck): it stops at once and
says why. The kernel lets go of the lock when the process ends, however it ends.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from pohon.core.errors import UsageError
from pohon.core.messages import _

if sys.platform != "win32":
    import fcntl

TRIES = 3  # the folder was removed and made again between opening and locking it


@contextlib.contextmanager
def locked(out: Path, *, write: bool) -> Iterator[None]:
    """Hold the folder `out` (made first when writing) for the block; busy: a usage error.

    Folders made here and still empty at the end are removed again, so that a render that
    writes nothing (a tree with errors) leaves no folder behind.
    """
    made = _make_folders(out) if write else []
    try:
        if not out.is_dir():  # --check of a folder never written: nothing to hold
            yield
            return
        handle = _lock(out, write)
        try:
            yield
        finally:
            os.close(handle)
    finally:
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()


def _make_folders(out: Path) -> list[Path]:
    missing = [folder for folder in (out, *out.parents) if not folder.exists()]
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(
            _("cannot write into {folder}: {reason}").format(
                folder=out, reason=error.strerror or error
            )
        ) from None
    return sorted(missing, key=lambda folder: len(folder.parts))


def _lock(out: Path, write: bool) -> int:
    """An open handle of `out`, locked; the lock ends when the handle is closed."""
    for _attempt in range(TRIES):
        try:
            handle = os.open(out, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError as error:
            raise UsageError(
                _("cannot write into {folder}: {reason}").format(
                    folder=out, reason=error.strerror or error
                )
            ) from None
        if sys.platform == "win32":  # no flock: a Windows render is not guarded
            return handle
        try:
            fcntl.flock(handle, (fcntl.LOCK_EX if write else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(handle)
            raise UsageError(
                _(
                    "another pohon is rendering into {folder}/ right now: wait until it has "
                    "finished, then run this again"
                ).format(folder=out)
            ) from None
        opened, now = os.fstat(handle), _stat(out)
        if now is not None and (opened.st_dev, opened.st_ino) == (now.st_dev, now.st_ino):
            return handle
        os.close(handle)  # the folder locked is no longer the one at this path: once more
    raise UsageError(
        _("cannot lock {folder}/: it keeps being replaced; is another program using it?").format(
            folder=out
        )
    )


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None
