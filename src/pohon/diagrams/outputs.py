"""Turn each page's DOT into the files asked for: DOT as built, SVG and PNG from the engine, PDF."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from pohon.diagrams import engines
from pohon.diagrams.dot import build
from pohon.diagrams.pages import plans
from pohon.errors import UsageError

if TYPE_CHECKING:
    from pohon.model import Tree
    from pohon.render import RenderOptions

FORMATS = ("svg", "png", "pdf", "dot")
PNG_DPI = 96  # 72 would draw 9 pt indicator text 9 px high: too small to read on a screen


def diagram_formats(asked: tuple[str, ...]) -> list[str]:
    """The formats asked for, in the order given, each once; an unknown one is a usage error."""
    chosen: list[str] = []
    for name in (item.strip().lower() for item in asked):
        if name not in FORMATS:
            raise UsageError(
                f"--format {name}: not a diagram format; choose from {', '.join(FORMATS)}"
            )
        if name not in chosen:
            chosen.append(name)
    return chosen


def render_all(tree: Tree, options: RenderOptions) -> dict[str, bytes]:
    """Build every page's DOT, then run the engine for each drawn format (a few at a time)."""
    formats = diagram_formats(options.formats)
    sources = [
        (plan.page.path, build(tree, plan, options.lang))
        for plan in plans(tree, options.root, options.lang)
    ]
    jobs: list[tuple[str, Callable[[], bytes]]] = []
    drawn = [fmt for fmt in formats if fmt != "dot"]
    engine = engines.choose(options.engine) if drawn else None
    for path, source in sources:
        for fmt in formats:
            jobs.append((f"{path}.{fmt}", _job(engine, options.engine, source, fmt)))
    # Engine calls are separate processes: run them side by side; results keep the page order.
    pool = ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1))
    try:
        futures = [(name, pool.submit(job)) for name, job in jobs]
        return {name: future.result() for name, future in futures}
    finally:  # a failed page or Ctrl-C: drop the pages not started yet instead of drawing them
        pool.shutdown(wait=True, cancel_futures=True)


def _job(engine: engines.Engine | None, asked: str, source: str, fmt: str) -> Callable[[], bytes]:
    if fmt == "dot" or engine is None:
        data = source.encode()
        return lambda: data
    if fmt == "png":
        return lambda: engine.run(source, "png", args=(f"-Gdpi={PNG_DPI}",))
    if fmt == "pdf":
        from pohon.diagrams.pdf import pdf

        return lambda: pdf(engine, asked, source)
    return lambda: engine.run(source, fmt)
