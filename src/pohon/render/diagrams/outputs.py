"""Turn each page's DOT into the files asked for: DOT as built, SVG and PNG from the engine, PDF."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pohon.core.errors import UsageError
from pohon.core.vocabulary import DIAGRAM_FORMATS
from pohon.render.diagrams import engines
from pohon.render.diagrams.dot import build, counts_below
from pohon.render.diagrams.pages import Plan

if TYPE_CHECKING:
    from pohon.render.options import RenderOptions
    from pohon.tree.model import Tree

PNG_DPI = 96  # 72 would draw 9 pt indicator text 9 px high: too small to read on a screen


@dataclass(frozen=True)
class Drawing:
    """One diagram file to make: its path (relative to the tree's folder), DOT text and format."""

    name: str
    source: str
    format: str

    @property
    def drawn(self) -> bool:
        """Whether an engine makes it (DOT files are the source itself)."""
        return self.format != "dot"

    @property
    def args(self) -> tuple[str, ...]:
        """The engine arguments beyond the format: part of what the output depends on."""
        return (f"-Gdpi={PNG_DPI}",) if self.format == "png" else ()


def diagram_formats(asked: tuple[str, ...]) -> list[str]:
    """The formats asked for, in the order given, each once; an unknown one is a usage error."""
    chosen: list[str] = []
    for name in (item.strip().lower() for item in asked):
        if name not in DIAGRAM_FORMATS:
            raise UsageError(
                f"--format {name}: not a diagram format; choose from {', '.join(DIAGRAM_FORMATS)}"
            )
        if name not in chosen:
            chosen.append(name)
    return chosen


def drawings(tree: Tree, pages: Sequence[Plan], options: RenderOptions) -> list[Drawing]:
    """Every page's DOT (built here, in this process) with each format asked for, page by page."""
    formats = diagram_formats(options.formats)
    parents = tree.parents()
    below = counts_below(tree)
    found = []
    for plan in pages:
        source = build(tree, plan, options.lang, parents, below)
        found += [Drawing(f"{plan.page.path}.{fmt}", source, fmt) for fmt in formats]
    return found


def choose_engine(options: RenderOptions) -> engines.Engine | None:
    """The engine, found once per render; None when only DOT is asked for."""
    drawn = [fmt for fmt in diagram_formats(options.formats) if fmt != "dot"]
    return engines.choose(options.engine) if drawn else None


def draw(drawing: Drawing, engine: engines.Engine | None, asked: str) -> bytes:
    """The file's bytes: DOT as built, or the engine's drawing of it."""
    if not drawing.drawn or engine is None:
        return drawing.source.encode()
    if drawing.format == "pdf":
        from pohon.render.diagrams.pdf import pdf

        return pdf(engine, asked, drawing.source)
    return engine.run(drawing.source, drawing.format, args=drawing.args)


class Pool:
    """Runs engine calls `jobs` at a time (each is a separate process, so threads are enough).

    With one job, nothing runs beside pohon's own work: `-j 1` is a plain sequential render.
    A failed call or Ctrl-C drops the calls not started yet instead of running them.
    """

    def __init__(self, jobs: int) -> None:
        self.executor = ThreadPoolExecutor(max_workers=jobs) if jobs > 1 else None

    def submit(self, work: Callable[[], bytes]) -> Future[bytes]:
        if self.executor is not None:
            return self.executor.submit(work)
        future: Future[bytes] = Future()
        future.set_result(work())  # an exception propagates at once, as in a plain loop
        return future

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def default_jobs() -> int:
    return os.cpu_count() or 1
