"""Turn each page's DOT into the files asked for: DOT as built, SVG and PNG from the engine, and
PDF sheets drawn by pohon from the engine's SVG (pdf.py), page by page of the printed set."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pohon.core.errors import UsageError
from pohon.core.vocabulary import DIAGRAM_FORMATS
from pohon.render.diagrams import engines
from pohon.render.diagrams.box_figures import figure_choice
from pohon.render.diagrams.dot import build
from pohon.render.diagrams.link_counts import counts_below
from pohon.render.diagrams.pages import Plan
from pohon.render.diagrams.pdf import Sheet

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
    sheet: Sheet | None = None  # a PDF's paper and title block

    @property
    def drawn(self) -> bool:
        """Whether an engine makes it (DOT files are the source itself)."""
        return self.format != "dot"

    @property
    def args(self) -> tuple[str, ...]:
        """The engine arguments beyond the format (a PDF's sheet): part of what it depends on."""
        if self.sheet is not None:
            return self.sheet.key
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
    """Every page's DOT (built here, in this process) with each screen format asked for (all
    but PDF, whose pages are the printed set's: paper_plan.py), page by page."""
    formats = [fmt for fmt in diagram_formats(options.formats) if fmt != "pdf"]
    parents = tree.parents()
    below = counts_below(tree)
    figures = figure_choice(tree, options)
    found = []
    for plan in pages:
        source = build(tree, plan, options.lang, parents, below, figures=figures)
        found += [Drawing(f"{plan.page.path}.{fmt}", source, fmt) for fmt in formats]
    return found


def choose_engine(options: RenderOptions) -> engines.Engine | None:
    """The engine, found once per render; None when only DOT is asked for."""
    drawn = [fmt for fmt in diagram_formats(options.formats) if fmt != "dot"]
    return engines.choose(options.engine) if drawn else None


def draw(drawing: Drawing, engine: engines.Engine | None, svg: bytes | None = None) -> bytes:
    """The file's bytes: DOT as built, or the engine's drawing of it; a PDF from the page's
    SVG (`svg` when it was drawn already, to measure the page for paper)."""
    if not drawing.drawn or engine is None:
        return drawing.source.encode()
    if drawing.sheet is not None:
        from pohon.render.diagrams.pdf import page_pdf

        return page_pdf(svg or engine.run(drawing.source, "svg"), drawing.sheet)
    return engine.run(drawing.source, drawing.format, args=drawing.args)


class Pool:
    """Runs engine calls `jobs` at a time (each is a separate process, so threads are enough),
    beside pohon's own work: while the engine draws one page, pohon builds the next pages and
    the reports. With `beside=False` and one job, each call runs when it is submitted (a
    worker process, whose siblings keep the other cores busy).
    A failed call or Ctrl-C drops the calls not started yet instead of running them.
    """

    def __init__(self, jobs: int, *, beside: bool = True) -> None:
        threaded = jobs > 1 or beside
        self.executor = ThreadPoolExecutor(max_workers=max(jobs, 1)) if threaded else None

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

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if kind is None:
            self.close()
            return
        with engines.stopped_runs():  # a failure or a stop: no engine still drawing is waited for
            self.close()


def default_jobs() -> int:
    return os.cpu_count() or 1
