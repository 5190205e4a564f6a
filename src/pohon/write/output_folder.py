"""The only module that writes into the output folder: stage every file, then swap them in.

A render first produces all its files in memory. Writing then stages each one as a
temporary file beside its target and renames the staged files into place with
Ctrl-C held back, so an interrupted or failed render leaves the previous outputs as
they were (or, once renaming has begun, finishes it). A manifest of what pohon
wrote lets the next render remove outputs that no longer exist in the tree, and
lets `--check` report them, without ever touching files pohon did not write.

The manifest's form, with a sha256 of every file written and the keys of what produced
them, belongs to the render cache (pohon.render.cache), which reuses a file whose key is
unchanged only while its bytes on disk are still the ones pohon wrote.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import FrameType

from pohon.core.errors import UsageError
from pohon.render.cache import MANIFEST, Record, inside, manifest_bytes, read_manifest


def _manifest(out: Path) -> set[str]:
    """The files the last render wrote, as far as they are plainly inside `out`."""
    return set(read_manifest(out).files)


def stale_outputs(out: Path, files: Mapping[str, bytes], record: Record | None = None) -> list[str]:
    """Paths (relative to `out`) whose bytes on disk differ from `files`, are missing, or are left over."""
    stale = []
    for name, data in sorted({**files, MANIFEST: manifest_bytes(files, record)}.items()):
        target = out / name
        try:
            if target.read_bytes() != data:
                stale.append(name)
        except OSError:
            stale.append(name)
    stale += sorted(name for name in _manifest(out) - set(files) if (out / name).exists())
    return stale


@contextlib.contextmanager
def _ctrl_c_deferred() -> Iterator[None]:
    """Hold a Ctrl-C until the block ends, so a swap of files is never left half done."""
    caught: list[int] = []

    def remember(signum: int, frame: FrameType | None) -> None:
        caught.append(signum)

    try:
        previous = signal.signal(signal.SIGINT, remember)
    except ValueError:  # not in the main thread: nothing to defer
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            raise KeyboardInterrupt


def write_outputs(out: Path, files: Mapping[str, bytes], record: Record | None = None) -> list[str]:
    """Write `files` (relative path -> bytes) under `out`; returns the paths that changed."""
    outside = sorted(name for name in files if not inside(name))
    if outside:  # a renderer's bug, or a file name that slipped through: never write there
        raise UsageError(f"refusing to write {outside[0]}: it leads outside {out}")
    everything = {**files, MANIFEST: manifest_bytes(files, record)}
    changed = [name for name in sorted(everything) if _differs(out / name, everything[name])]
    leftovers = sorted(name for name in _manifest(out) - set(files) if name != MANIFEST)
    staged: list[tuple[Path, Path]] = []
    created = _new_folders(out, changed)
    try:
        for name in changed:
            staged.append((_stage(out / name, everything[name]), out / name))
        with _ctrl_c_deferred():
            for temporary, target in staged:
                os.replace(temporary, target)
            staged.clear()
            created.clear()
            for name in leftovers:
                with contextlib.suppress(FileNotFoundError, IsADirectoryError):
                    (out / name).unlink()
    except OSError as error:
        raise UsageError(f"cannot write into {out}: {error.strerror or error}") from None
    finally:
        for temporary, _ in staged:
            with contextlib.suppress(OSError):
                temporary.unlink()
        for folder in reversed(created):  # a write that failed takes back the folders it made
            with contextlib.suppress(OSError):
                folder.rmdir()
    return [name for name in changed if name != MANIFEST] + leftovers


def _new_folders(out: Path, names: list[str]) -> list[Path]:
    """The folders that writing `names` will create, outermost first."""
    new: set[Path] = set()
    for name in names:
        folder = (out / name).parent
        while folder not in new and not folder.exists() and folder.parent != folder:
            new.add(folder)
            folder = folder.parent
    return sorted(new, key=lambda folder: len(folder.parts))


def _differs(target: Path, data: bytes) -> bool:
    try:
        return target.read_bytes() != data
    except OSError:
        return True


def _stage(target: Path, data: bytes) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(name, 0o644)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)
