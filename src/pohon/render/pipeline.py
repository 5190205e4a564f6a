"""Render many trees at once: DOT and reports here, every engine call in one pool, unchanged outputs reused.

Trees are rendered in order; while one tree's pages are being drawn by the engine (a
separate process per page), the next tree's DOT and reports are built, so the trees
overlap. An output is reused from the output folder, without calling the engine, when
the manifest recorded the same key for it and the file on disk still has the bytes
pohon wrote; a whole tree is reused when its own key (every file it was read from, its
findings, the options, the engine and pohon) is unchanged and all its files are intact.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pohon.check.validate_trees import Checked
from pohon.render.cache import Keys, make_keys
from pohon.render.diagrams import engines
from pohon.render.diagrams.outputs import Drawing, Pool, choose_engine, default_jobs, draw, drawings
from pohon.render.options import RenderOptions
from pohon.render.progress import Progress
from pohon.tree.model import Tree
from pohon.write.output_folder import Manifest, Record, read_manifest

if TYPE_CHECKING:
    from pohon.source.settings_file import Config
    from pohon.tree.assemble import LoadResult


@dataclass
class Rendered:
    """Every file of the render in memory, what to remember of it, and what it cost."""

    files: dict[str, bytes] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    trees: dict[str, str] = field(default_factory=dict)
    engine_calls: int = 0
    reused: int = 0

    @property
    def record(self) -> Record:
        return Record(self.keys, self.trees)


@dataclass(frozen=True)
class Setup:
    """What every tree of one render shares; small and plain, so worker processes get it too."""

    engine: engines.Engine | None
    keys: Keys
    manifest: Manifest


def prepare(options: RenderOptions, out: Path, force: bool) -> Setup:
    """The engine (found once), the keys, and the last render's manifest (none under `force`)."""
    engine = choose_engine(options)
    return Setup(engine, make_keys(engine, options), Manifest() if force else read_manifest(out))


class Renderer:
    """Renders trees one after the other, their engine calls in `pool`; `collect` waits for all."""

    def __init__(
        self, options: RenderOptions, out: Path, pool: Pool, progress: Progress, setup: Setup
    ) -> None:
        self.options, self.out, self.pool, self.progress = options, out, pool, progress
        self.engine, self.keys, self.manifest = setup.engine, setup.keys, setup.manifest
        self.result = Rendered()
        self.lock = threading.Lock()
        self.pending: list[tuple[str, Future[bytes] | bytes]] = []

    def tree(self, load: LoadResult, config: Config) -> None:
        """Render one loaded tree, or take it whole from the output folder if it is unchanged."""
        assert load.tree is not None  # only loaded trees are rendered
        folder = Path(load.tree.source).stem
        key = self.keys.tree(load, folder, config)
        if key is not None:
            self.result.trees[folder] = key
        if key is not None and self._reuse_tree(folder, key):
            self.progress.advance(folder)
            return
        from pohon.check.run_rules import check_tree
        from pohon.render.reports import render_reports

        checked = Checked(load, check_tree(load, config))
        names: list[str] = []
        futures: list[Future[bytes]] = []
        for drawing in drawings(load.tree, self.options):
            name = f"{folder}/{drawing.name}"
            names.append(name)
            made = self._drawing(name, drawing)
            self.pending.append((name, made))
            if isinstance(made, Future):
                futures.append(made)
        reports = render_reports(checked, self.options, folder, frozenset(names))
        self.pending += reports.items()
        self._when_done(futures, lambda: self.progress.advance(folder))

    def _reuse_tree(self, folder: str, key: str) -> bool:
        """Take every file of the tree from disk, if the tree is unchanged and they are intact."""
        if self.manifest.record.trees.get(folder) != key:
            return False
        names = sorted(n for n in self.manifest.hashes if n.startswith(f"{folder}/"))
        found = {name: self.manifest.trusted(self.out, name) for name in names}
        if not names or any(data is None for data in found.values()):
            return False
        for name, data in found.items():
            assert data is not None
            self.pending.append((name, data))
            if name in self.manifest.record.keys:
                self.result.keys[name] = self.manifest.record.keys[name]
        self.result.reused += len(names)
        return True

    def _drawing(self, name: str, drawing: Drawing) -> Future[bytes] | bytes:
        if not drawing.drawn or self.engine is None:
            return drawing.source.encode()
        key = self.keys.drawing(drawing.source, drawing.format, drawing.args)
        self.result.keys[name] = key
        if self.manifest.record.keys.get(name) == key:
            data = self.manifest.trusted(self.out, name)
            if data is not None:
                self.result.reused += 1
                return data
        self.result.engine_calls += 1
        engine, asked = self.engine, self.options.engine
        return self.pool.submit(lambda: draw(drawing, engine, asked))

    def _when_done(self, futures: list[Future[bytes]], then: Callable[[], None]) -> None:
        """Call `then` once every future is done (at once when there are none)."""
        left = [len(futures)]

        def one_done(_: Future[bytes]) -> None:
            with self.lock:
                left[0] -= 1
                last = left[0] == 0
            if last:
                then()

        if not futures:
            then()
        for future in futures:
            future.add_done_callback(one_done)

    def collect(self) -> Rendered:
        """Wait for the engine; the files come out in tree and page order whatever the timing."""
        for name, made in self.pending:
            self.result.files[name] = made.result() if isinstance(made, Future) else made
        self.pending.clear()
        return self.result


def render_trees(
    trees: Iterable[LoadResult],
    config: Config,
    options: RenderOptions,
    out: Path,
    *,
    force: bool = False,
    progress: Progress | None = None,
) -> Rendered:
    """Every file of every tree (and the top index), reusing what `out` already holds unless `force`.

    Trees are taken one at a time and let go once rendered (only their title data is
    kept for the index): a province's trees need not all be in memory at once.
    """
    progress = progress or Progress(0)
    setup = prepare(options, out, force)
    titles: list[Tree] = []
    with Pool(options.jobs or default_jobs()) as pool:
        renderer = Renderer(options, out, pool, progress, setup)
        for load in trees:
            renderer.tree(load, config)
            assert load.tree is not None
            titles.append(title_only(load.tree))
        rendered = renderer.collect()
    rendered.files.update(render_index(titles, options))
    return rendered


def title_only(tree: Tree) -> Tree:
    """The tree without its nodes: what the top index shows of it."""
    return Tree(source=tree.source, meta=tree.meta, positions={}, roots=[])


def render_index(titles: list[Tree], options: RenderOptions) -> dict[str, bytes]:
    """`index.html` at the top of the output folder: one link per rendered tree's own site."""
    from pohon.render.reports import render_site_index

    listed = [(Path(tree.source).stem, tree) for tree in titles]
    return {"index.html": render_site_index(listed, options.lang, options.templates)}
