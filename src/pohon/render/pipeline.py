"""The render of one tree, and of many: the one path every tree takes, in this process or a worker.

`render_tree` reads one tree, checks it, plans its diagram pages once, builds their DOT
and the reports from the same plan, and hands every engine call to a pool; unchanged
outputs are taken from the output folder instead (pohon.render.cache). The same
function runs here, for a few trees whose engine calls share one pool of threads, and
in worker processes (workers.py), which send back only bytes. Nothing here writes a
file: each tree's files are handed on (a `Sink`: pohon.write stages them, or `--check`
compares them) as soon as the tree is finished, and let go of.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from pohon.check.finding_formats import FORMATS
from pohon.check.validate_trees import check_loaded, check_path
from pohon.core import exit_codes
from pohon.core.findings import Finding
from pohon.render.cache import Keys, Manifest, Record, make_keys, read_manifest
from pohon.render.diagrams import engines
from pohon.render.diagrams.outputs import (
    Drawing,
    Pool,
    choose_engine,
    default_jobs,
    diagram_formats,
    draw,
    drawings,
)
from pohon.render.diagrams.pages import find_node, plans
from pohon.render.options import RenderOptions
from pohon.render.progress import Progress
from pohon.render.tree_inputs import TreeInputs, inputs_of
from pohon.source.nomenclature.lists import nomenclature_for
from pohon.source.settings_file import Config
from pohon.tree.assemble import LoadResult, load_tree
from pohon.tree.model import Tree

Sink = Callable[[dict[str, bytes]], None]
"""Where a finished tree's files go (relative path -> bytes); the render keeps none of them."""


@dataclass(frozen=True)
class Job:
    """What every tree of one render shares; plain values, so worker processes get them too."""

    options: RenderOptions
    config: Config
    out: Path
    engine: engines.Engine | None
    keys: Keys
    previous: Manifest


def prepare(options: RenderOptions, config: Config, out: Path, *, force: bool) -> Job:
    """The engine (found once), the keys, and the last render's manifest (none under `force`)."""
    engine = choose_engine(options)
    previous = Manifest() if force else read_manifest(out)
    return Job(options, config, out, engine, make_keys(engine, options), previous)


@dataclass
class TreeRender:
    """One tree's render as it comes back (from a worker too): its files in page order, what
    to remember of them, what it cost; or, for a tree that could not be read, its findings."""

    path: Path
    failed: str | None = None
    files: dict[str, bytes] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    tree_key: tuple[str, str] | None = None  # (folder, key)
    title: Tree | None = None  # the tree without its nodes, for the top index
    inputs: TreeInputs | None = None  # what it was read from, to know it unchanged next time
    engine_calls: int = 0
    reused: int = 0


class PendingTree:
    """A tree whose engine calls may still be running; `result()` waits for them."""

    def __init__(self, render: TreeRender) -> None:
        self.render = render
        self.pending: list[tuple[str, Future[bytes] | bytes]] = []

    def when_drawn(self, then: Callable[[], None]) -> None:
        """Call `then` once every engine call of the tree is done (at once when there are none)."""
        futures = [made for _, made in self.pending if isinstance(made, Future)]
        left, lock = [len(futures)], threading.Lock()

        def one_done(_: Future[bytes]) -> None:
            with lock:
                left[0] -= 1
                last = left[0] == 0
            if last:
                then()

        if not futures:
            then()
        for future in futures:
            future.add_done_callback(one_done)

    def result(self) -> TreeRender:
        for name, made in self.pending:
            self.render.files[name] = made.result() if isinstance(made, Future) else made
        self.pending.clear()
        return self.render


def render_tree(path: Path, job: Job, pool: Pool) -> PendingTree:
    """Read, check and render the tree whose main file is `path`, its engine calls in `pool`."""
    load = load_tree(path)
    if load.tree is None:
        return _failed(path, load.findings)
    return render_loaded(load, job, pool)


def _failed(path: Path, findings: list[Finding]) -> PendingTree:
    """A tree that could not be read, or has errors: its findings, as `validate` prints them."""
    return PendingTree(TreeRender(path, failed=FORMATS["text"](sorted(findings))))


def _has_errors(findings: list[Finding]) -> bool:
    return exit_codes.for_findings(findings) != exit_codes.OK


def render_loaded(load: LoadResult, job: Job, pool: Pool) -> PendingTree:
    """Render one loaded tree, or take it whole from the output folder if it is unchanged."""
    tree = load.tree
    assert tree is not None  # render_tree renders only what loaded
    folder = Path(tree.source).stem
    key = job.keys.tree(load, folder, job.config)
    title = _title(tree)
    made = PendingTree(
        TreeRender(
            Path(tree.source), tree_key=(folder, key), title=title, inputs=inputs_of(load, title)
        )
    )
    reused = job.previous.reuse_tree(job.out, folder, key)
    if reused is not None:
        made.pending += reused.items()
        made.render.keys.update(job.previous.keys_of(reused))
        made.render.reused = len(reused)
        return made
    from pohon.render.reports import Diagrams, render_reports

    root = find_node(tree, job.options.root) if job.options.root is not None else None
    shown = tree if root is None else tree.model_copy(update={"roots": [root]})
    pages = plans(tree, root, job.options.lang, job.options.max_nodes_per_page)
    svgs: dict[str, bytes] = {}  # DOT -> SVG of the pages measured for paper
    every = drawings(tree, pages, job.options)
    if "pdf" in diagram_formats(job.options.formats) and job.engine is not None:
        from pohon.render.diagrams.printed import printed_drawings

        every += printed_drawings(tree, pages, job.options, job.engine, pool, svgs)
    for drawing in every:
        name = f"{folder}/{drawing.name}"
        made.pending.append((name, _drawing(name, drawing, job, pool, made.render, svgs)))
    checked = check_loaded(load, job.config)
    if _has_errors(checked.findings):  # nothing of it will be written: stop its engine calls
        for _, drawn in made.pending:
            if isinstance(drawn, Future):
                drawn.cancel()
        return _failed(Path(tree.source), checked.findings)
    diagrams = Diagrams([plan.page for plan in pages], frozenset(n for n, _ in made.pending))
    listed = nomenclature_for(job.config.nomenclature)
    made.pending += render_reports(
        checked, job.options, folder, diagrams, shown=shown, nomenclature=listed, workbook=True
    ).items()
    return made


def _drawing(
    name: str, drawing: Drawing, job: Job, pool: Pool, render: TreeRender, svgs: dict[str, bytes]
) -> Future[bytes] | bytes:
    if not drawing.drawn or job.engine is None:
        return drawing.source.encode()
    key = job.keys.drawing(drawing.source, drawing.format, drawing.args)
    render.keys[name] = key
    reused = job.previous.reuse_drawing(job.out, name, key)
    if reused is not None:
        render.reused += 1
        return reused
    if drawing.format == "svg" and drawing.source in svgs:  # drawn already, to measure it
        return svgs[drawing.source]
    render.engine_calls += 1
    engine, svg = job.engine, svgs.get(drawing.source)
    return pool.submit(lambda: draw(drawing, engine, svg))


def _title(tree: Tree) -> Tree:
    """The tree without its nodes: what the top index shows of it."""
    return Tree(source=tree.source, meta=tree.meta, positions={}, roots=[])


def render_here(
    paths: Iterable[Path], job: Job, progress: Progress, sink: Sink | None = None
) -> list[TreeRender]:
    """Every tree rendered in this process, one after the other, their engine calls side by side.

    While one tree's pages are being drawn (the engine is a process of its own), the next
    tree's DOT and reports are built; then the one before is handed to `sink`. After a tree
    that cannot be read or has errors, the rest are only checked, so that all their errors
    are shown: nothing will be written.
    """
    started: list[PendingTree] = []
    done: list[TreeRender] = []
    failed = False
    with Pool(job.options.jobs or default_jobs()) as pool:
        for path in paths:
            if failed:
                checked = check_path(path, job.config)
                started += (
                    [_failed(path, checked.findings)] if _has_errors(checked.findings) else []
                )
                continue
            tree = render_tree(path, job, pool)
            tree.when_drawn(functools.partial(progress.advance, path.stem))
            started.append(tree)
            failed = tree.render.failed is not None
            while not failed and len(done) < len(started) - 1:  # all but the one just begun
                done.append(hand_on(started[len(done)].result(), sink))
        return done + [hand_on(t.result(), None if failed else sink) for t in started[len(done) :]]


def hand_on(tree: TreeRender, sink: Sink | None) -> TreeRender:
    """The tree's files handed to `sink` and let go of (kept when there is no sink)."""
    if sink is not None and tree.failed is None:
        sink(tree.files)
        tree.files = {}
    return tree


@dataclass
class Rendered:
    """The files of the render not handed on yet (the top index), what to remember of the
    render, and what it cost."""

    files: dict[str, bytes] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    trees: dict[str, str] = field(default_factory=dict)
    inputs: dict[str, TreeInputs] = field(default_factory=dict)
    engine_calls: int = 0
    reused: int = 0

    @property
    def record(self) -> Record:
        return Record(self.keys, self.trees, self.inputs)


def merged(trees: list[TreeRender], options: RenderOptions) -> Rendered:
    """The trees' renders as one, in path order, with the top index of them all."""
    result = Rendered()
    for tree in trees:
        result.files.update(tree.files)
        result.keys.update(tree.keys)
        if tree.tree_key is not None:
            result.trees[tree.tree_key[0]] = tree.tree_key[1]
            if tree.inputs is not None:
                result.inputs[tree.tree_key[0]] = tree.inputs
        result.engine_calls += tree.engine_calls
        result.reused += tree.reused
    titles = [tree.title for tree in trees if tree.title is not None]
    result.files.update(render_index(titles, options))
    return result


def render_index(titles: list[Tree], options: RenderOptions) -> dict[str, bytes]:
    """`index.html` at the top of the output folder: one link per rendered tree's own site."""
    from pohon.render.reports import render_site_index

    listed = [(Path(tree.source).stem, tree) for tree in titles]
    return {"index.html": render_site_index(listed, options.lang, options.templates)}
