"""The only module that writes into the output folder: stage every file, then swap them in.

A render puts each tree's files in the staging folder as the tree is finished (or finds
them on disk already: write/staging.py), keeping only their names, sizes and hashes. Writing
then plans what changes (write/plan.py: only files pohon wrote are replaced or removed,
nothing through a link), writes a journal (write/journal.py), moves each changed file's copy
beside its target as a temporary file, and swaps those in with Ctrl-C, SIGTERM and SIGHUP
held back. A
failure or a stop while staging leaves the previous outputs as they were; a failure while
swapping puts them back; a killed render is finished or undone by the next one, from the
journal. The whole write runs under the folder's lock (write/folder_lock.py).

The manifest's form, with a sha256 of every file written and the keys of what produced
them, belongs to the render cache (pohon.render.cache), which reuses a file whose key is
unchanged only while its bytes on disk are still the ones pohon wrote.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pohon.core.errors import UsageError
from pohon.core.messages import _
from pohon.core.signals import held
from pohon.render.cache import MANIFEST, Record, inside, manifest_of, read_manifest
from pohon.write import journal as steps
from pohon.write.journal import SWAPPING, Journal
from pohon.write.plan import Plan, plan_write
from pohon.write.staging import Output, Staging

__all__ = ["MANIFEST", "Written", "recover_stopped_write", "write_outputs", "write_staged"]


@dataclass
class Written:
    """What a write changed (paths relative to the folder), what it left alone, and why; or,
    when it wrote nothing because files in the way are not pohon's to replace, those."""

    changed: list[str] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


def recover_stopped_write(out: Path) -> str | None:
    """Finish or undo a write into `out` that was killed; "finished", "undone" or None."""
    try:
        return steps.recover(out, read_manifest(out).files)
    except OSError as error:
        raise UsageError(
            _("cannot finish the render into {folder} that was stopped: {reason}").format(
                folder=out, reason=error.strerror or error
            )
        ) from None


def write_outputs(
    out: Path, files: Mapping[str, bytes], record: Record | None = None, *, force: bool = False
) -> Written:
    """Write `files` (relative path -> bytes) under `out`; `force`: replace files not pohon's."""
    outside = sorted(name for name in files if not inside(name))
    if outside:  # a renderer's bug, or a file name that slipped through: never write there
        raise UsageError(
            _("refusing to write {file}: it leads outside {folder}").format(
                file=outside[0], folder=out
            )
        )
    with _folder(out):
        staging = Staging(out)
        try:
            staging.add(files)
            return write_staged(staging, record, force=force)
        finally:
            staging.discard()


def write_staged(staging: Staging, record: Record | None = None, *, force: bool = False) -> Written:
    """Write the files of `staging` (and their manifest) under its folder, all or nothing.

    The copies left in the staging folder are the caller's to discard (`Staging.discard`).
    """
    out = staging.out
    hashes = {name: (output.sha256, output.size) for name, output in staging.outputs.items()}
    staging.put(MANIFEST, manifest_of(hashes, record))
    everything = staging.outputs
    plan = plan_write(out, everything, read_manifest(out), force=force)
    if plan.refused:
        return Written(refused=plan.refused)
    _all_staged(out, plan, everything)
    if plan.changed or plan.leftovers:
        with _folder(out):
            _stage(out, plan, everything)
        _swap(out, Journal(SWAPPING, plan.changed, plan.folders, plan.leftovers))
    changed = [name for name, _ in plan.changed if name != MANIFEST]
    return Written(changed + sorted(plan.leftovers), plan.kept)


def _all_staged(out: Path, plan: Plan, everything: Mapping[str, Output]) -> None:
    """Every file to write has its copy: one found on disk while rendering is changed since."""
    for name, _had_file in plan.changed:
        if everything[name].copy is None:
            raise UsageError(
                _(
                    "{file} was changed while pohon was rendering: nothing written; "
                    "run `pohon render` again"
                ).format(file=out / name)
            )


@contextlib.contextmanager
def _folder(out: Path) -> Iterator[None]:
    """`out` made if missing (a render made it already, to lock it); unmade if the block fails."""
    made = sorted((f for f in (out, *out.parents) if not f.exists()), key=lambda f: len(f.parts))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(
            _("cannot write into {folder}: {reason}").format(
                folder=out, reason=error.strerror or error
            )
        ) from None
    try:
        yield
    except BaseException:
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def _stage(out: Path, plan: Plan, everything: Mapping[str, Output]) -> None:
    """Every changed file staged beside its target; on any failure, or a stop, none is."""
    journal = Journal(entries=plan.changed, folders=plan.folders, leftovers=plan.leftovers)
    try:
        journal.save(out)
        for folder in plan.folders:
            (out / folder).mkdir(exist_ok=True)
        for name, _hash in plan.changed:
            copy = everything[name].copy
            assert copy is not None  # _all_staged
            steps.create(steps.staged(out / name), copy)
    except BaseException as error:
        with held():
            steps.undo(out, journal)
        if isinstance(error, OSError):
            raise UsageError(
                _("cannot write into {folder}: {reason}").format(
                    folder=out, reason=error.strerror or error
                )
            ) from None
        raise


def _swap(out: Path, journal: Journal) -> None:
    """Swap every staged file in (manifest last), with stop signals held until it is done."""
    with held():
        try:
            journal.save(out)  # from here on, a killed render is finished by the next one
            for name, had_file in journal.entries:
                steps.swap_in(out / name, had_file)
        except OSError as error:
            _swap_back(out, journal, error)
        try:
            steps.finish(out, journal, swapped=True)
        except OSError as error:
            raise UsageError(
                _(
                    "the new outputs are in {folder}, but removing the old ones failed: "
                    "{reason}; run `pohon render` again to finish"
                ).format(folder=out, reason=error.strerror or error)
            ) from None


def _swap_back(out: Path, journal: Journal, error: OSError) -> None:
    """Put the previous outputs back after a swap failed half-way; then say what happened."""
    reason = error.strerror or str(error)
    try:
        for name, had_file in reversed(journal.entries):
            steps.swap_back(out / name, had_file)
        steps.undo(out, journal)
    except OSError:
        raise UsageError(
            _(
                "cannot write into {folder}: {reason}; the render stopped half-way: "
                "run `pohon render` again to finish it"
            ).format(folder=out, reason=reason)
        ) from None
    raise UsageError(
        _("cannot write into {folder}: {reason}; the previous outputs were put back").format(
            folder=out, reason=reason
        )
    )
