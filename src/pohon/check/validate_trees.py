"""The `validate` pipeline: load each tree, check it, gather the findings."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pohon.check.run_rules import check_tree
from pohon.check.silenced import Silence, silences
from pohon.core.errors import InputError
from pohon.core.findings import Finding
from pohon.core.messages import language, use_language
from pohon.core.vocabulary import Language
from pohon.source.settings_file import Config
from pohon.tree.assemble import LoadResult, load_tree

PARALLEL_FROM = 4
"""Fewer trees than this are checked in this process: starting workers costs more."""


@dataclass(frozen=True)
class Checked:
    """One tree after loading and checking: the result of loading and all findings."""

    load: LoadResult
    findings: list[Finding]
    silenced: list[Silence] = field(default_factory=list)


def check_loaded(result: LoadResult, config: Config) -> Checked:
    """The findings of a loaded tree, and the rules silenced for it."""
    return Checked(result, check_tree(result, config), silences(result, config))


def check_path(path: Path, config: Config) -> Checked:
    return check_loaded(load_tree(path), config)


@dataclass(frozen=True)
class Outcome:
    """What `validate` needs of one tree: small enough to send back from a worker process."""

    path: Path
    findings: list[Finding]
    files: list[str]
    loaded: bool
    unreadable: str | None = None
    silenced: list[Silence] = field(default_factory=list)


def outcome(path: Path, config: Config) -> Outcome:
    try:
        checked = check_path(path, config)
    except InputError as error:
        return Outcome(path, [], [], False, str(error))
    load = checked.load
    return Outcome(
        path, checked.findings, list(load.marks), load.tree is not None, None, checked.silenced
    )


def _start_worker(lang: Language) -> None:
    """A worker speaks the run's language (a spawned one starts with the default) and paces GC."""
    from pohon.core.runtime import tune_gc

    use_language(lang)
    tune_gc()


def validate_paths(
    paths: Sequence[Path], config: Config, jobs: int | None = None
) -> Iterator[Outcome]:
    """One outcome per tree, in path order; every path is read even after errors.

    Trees are independent, so several are checked side by side in worker processes
    (the work is pure Python: threads would wait on each other).
    """
    workers = min(jobs or os.cpu_count() or 1, len(paths))
    if workers < 2 or len(paths) < PARALLEL_FROM:
        yield from (outcome(path, config) for path in paths)
        return
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    with ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(language(),)
    ) as pool:
        yield from pool.map(partial(outcome, config=config), paths, chunksize=4)
