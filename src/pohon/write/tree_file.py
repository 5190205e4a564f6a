"""Writing one new tree file whole or not at all: a temporary file beside it, then one rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from pohon.core.errors import UsageError
from pohon.core.messages import _


def refuse_existing(path: Path, *, force: bool) -> None:
    """Stop before any work when `path` exists and may not be replaced."""
    if path.is_dir():
        raise UsageError(
            _("{path} is a folder: give the path of the tree file to write").format(path=path)
        )
    if path.exists() and not force:
        raise UsageError(
            _("{path} exists: give --force to replace it, or another --out").format(path=path)
        )


def write_whole(path: Path, text: str) -> None:
    """Write `text` to `path` atomically: a reader sees the old file or the new, never a part."""
    folder = path.parent if str(path.parent) else Path(".")
    handle, staged = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(staged, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(staged)
        raise
