"""Render whole trees in worker processes, so pohon's own work runs side by side too.

About half of a render is pohon's own Python work (reading and checking a tree, its DOT,
its reports), which threads cannot run in parallel. With several trees and `-j` above 1,
each tree takes the same path as in one process (pipeline.render_tree), start to finish
in a worker, its engine calls in turn there, and only bytes come back: a parsed tree
costs more to send between processes than to read again.
"""

from __future__ import annotations

import contextlib
import os
import signal
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path

from pohon.core.messages import language, use_language
from pohon.core.runtime import tune_gc
from pohon.core.vocabulary import Language
from pohon.render.diagrams.outputs import Pool
from pohon.render.pipeline import Job, Sink, TreeRender, hand_on, render_tree
from pohon.render.progress import Progress

PARALLEL_FROM = 4
"""Fewer trees than this are rendered in this process, the engine runs in threads."""


def use_workers(paths: list[Path], jobs: int) -> bool:
    return jobs > 1 and len(paths) >= PARALLEL_FROM


def _start_worker(lang: Language) -> None:
    # Each worker leads a process group of its own, which its engine runs join: Ctrl-C at
    # the terminal reaches the parent alone, and the parent ends each group, engines and
    # all, at once (a worker that ignored Ctrl-C kept its engines ignoring it too, and a
    # stopped render waited for every page being drawn).
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # until it is out of the terminal's group
    for name in ("SIGTERM", "SIGHUP"):  # the parent's own handlers came along with a fork
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if hasattr(os, "setpgrp"):
        os.setpgrp()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    tune_gc()  # a worker may be started fresh (spawn), not forked from the tuned parent
    use_language(lang)  # and so speak the default language, not the run's


def _render_one(path: Path, job: Job) -> TreeRender:
    with Pool(1, beside=False) as pool:  # the other workers keep the other cores busy
        return render_tree(path, job, pool).result()


def render_in_workers(
    paths: list[Path], job: Job, jobs: int, progress: Progress, sink: Sink | None = None
) -> list[TreeRender]:
    """Every tree's render, in path order whatever order they finish in; each tree's files
    are handed to `sink` as it comes back (until one has failed: then nothing is written)."""
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_start_worker, initargs=(language(),)
    ) as pool:
        futures: list[Future[TreeRender]] = [pool.submit(_render_one, p, job) for p in paths]
        try:
            failed = False
            for future in as_completed(futures):
                tree = future.result()
                progress.advance(tree.path.stem)
                failed = failed or tree.failed is not None
                hand_on(tree, None if failed else sink)
        except BaseException:
            # A stop, or a tree's failure: nothing more of theirs is needed. The futures are
            # not cancelled here: ending the workers breaks the pool, and its own thread then
            # fails every pending future; a future cancelled meanwhile made that thread raise
            # InvalidStateError (Python 3.11's terminate_broken) and print a traceback.
            _end_workers(pool)
            raise
        return [future.result() for future in futures]


def _end_workers(pool: ProcessPoolExecutor) -> None:
    """End every worker with its engine runs now, rather than wait for their trees."""
    # The executor names its processes only in a private mapping (Python 3.14 adds
    # terminate_workers(), which would end the workers but not their engines).
    for pid in list(getattr(pool, "_processes", None) or {}):
        try:
            os.killpg(pid, signal.SIGTERM)  # the worker's group: it and its engine runs
        except (ProcessLookupError, PermissionError, AttributeError):
            with contextlib.suppress(OSError):  # not its own group yet, or no groups (Windows)
                os.kill(pid, signal.SIGTERM)
