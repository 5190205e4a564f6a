"""Render whole trees in worker processes, so pohon's own work runs side by side too.

About half of a render is pohon's own Python work (reading and checking a tree, its DOT,
its reports), which threads cannot run in parallel. With several trees and `-j` above 1,
each tree is rendered start to finish in a worker process (its engine calls in turn
there), and only bytes come back: a parsed tree costs more to send between processes
than to read again. The files are the same bytes as from a render in one process.
"""

from __future__ import annotations

import signal
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from pohon.check.finding_formats import FORMATS
from pohon.check.run_rules import check_tree
from pohon.core.runtime import tune_gc
from pohon.render.diagrams.outputs import Pool
from pohon.render.options import RenderOptions
from pohon.render.pipeline import Rendered, Renderer, Setup, prepare, render_index, title_only
from pohon.render.progress import Progress
from pohon.source.settings_file import find_config
from pohon.tree.assemble import load_tree
from pohon.tree.model import Tree

PARALLEL_FROM = 4
"""Fewer trees than this are rendered in this process, the engine runs in threads."""


@dataclass(frozen=True)
class TreeDone:
    """One tree's render, as a worker sends it back."""

    path: Path
    failed: str | None = None  # the findings of a tree that could not be read
    rendered: Rendered = field(default_factory=Rendered)
    index: Tree | None = None  # the tree's title data for the top index, without its nodes


def use_workers(paths: list[Path], jobs: int) -> bool:
    return jobs > 1 and len(paths) >= PARALLEL_FROM


def _start_worker() -> None:
    # Ctrl-C goes to the whole process group: the parent alone stops the render and speaks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    tune_gc()  # a worker may be started fresh (spawn), not forked from the tuned parent


def render_one(path: Path, options: RenderOptions, out: Path, setup: Setup) -> TreeDone:
    """Read, check and render one tree, start to finish, in this process."""
    config = find_config(Path.cwd())
    load = load_tree(path)
    tree = load.tree
    if tree is None:
        return TreeDone(path, failed=FORMATS["text"](check_tree(load, config)))
    with Pool(1) as pool:
        renderer = Renderer(options, out, pool, Progress(0), setup)
        renderer.tree(load, config)
        rendered = renderer.collect()
    return TreeDone(path, rendered=rendered, index=title_only(tree))


def render_in_workers(
    paths: list[Path],
    options: RenderOptions,
    out: Path,
    jobs: int,
    *,
    force: bool,
    progress: Progress,
) -> list[TreeDone]:
    """Every tree's render, in path order whatever order they finish in."""
    setup = prepare(options, out, force)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker) as pool:
        futures: list[Future[TreeDone]] = [
            pool.submit(render_one, path, options, out, setup) for path in paths
        ]
        try:
            for future in as_completed(futures):
                progress.advance(future.result().path.stem)
        except BaseException:
            for future in futures:
                future.cancel()
            raise
        return [future.result() for future in futures]


def merged(done: list[TreeDone], options: RenderOptions) -> Rendered:
    """The trees' renders as one, with the top index of them all."""
    result = Rendered()
    for tree in done:
        result.files.update(tree.rendered.files)
        result.keys.update(tree.rendered.keys)
        result.trees.update(tree.rendered.trees)
        result.engine_calls += tree.rendered.engine_calls
        result.reused += tree.rendered.reused
    result.files.update(render_index([t.index for t in done if t.index is not None], options))
    return result
