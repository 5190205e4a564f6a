"""PDF pages: from the system `dot`, or by converting the embedded engine's SVG with cairosvg.

The embedded engine has no PDF writer. cairosvg (the `pdf` extra) needs the cairo
library, which not every machine has, so PDF falls back to the system `dot` under
`--engine auto`, and otherwise says plainly what to install. Both writers stamp a
creation date; it is fixed here so that two renders give the same bytes.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

from pohon.core.errors import UsageError
from pohon.render.diagrams.engines import AUTO, SYSTEM, Engine, find_system

_DATE = re.compile(rb"/(CreationDate|ModDate)\s*\(D:([^)]*)\)")
_EPOCH = b"19700101000000"
_CAIRO_LOCK = (
    threading.Lock()
)  # cairo contexts are not shared, but be safe: one conversion at a time


def pdf(engine: Engine, asked: str, source: str) -> bytes:
    """The page as PDF, from the chosen engine where it can, else the best other way."""
    if engine.kind == SYSTEM:
        return fixed_dates(engine.run(source, "pdf"))
    convert = _cairosvg()
    if convert is not None:
        svg = engine.run(source, "svg")
        with _CAIRO_LOCK:
            return fixed_dates(convert(svg))
    system = find_system() if asked == AUTO else None
    if system:
        return fixed_dates(Engine(SYSTEM, system).run(source, "pdf"))
    raise UsageError(
        "PDF needs cairosvg with the cairo library (`pip install 'pohon[pdf]'`) or a system "
        "Graphviz (`--engine dot`); or leave pdf out of --format"
    )


def _cairosvg() -> Callable[[bytes], bytes] | None:
    try:
        import cairosvg  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except (ImportError, OSError):  # OSError: the package is there, the cairo library is not
        return None

    def convert(svg: bytes) -> bytes:
        data = cairosvg.svg2pdf(bytestring=svg, unsafe=False)
        return bytes(data)

    return convert


def fixed_dates(data: bytes) -> bytes:
    """The PDF with its creation and modification dates set to 1970, keeping every byte offset."""
    return _DATE.sub(
        lambda m: m.group(0)[: m.start(2) - m.start()] + _epoch_like(m.group(2)) + b")", data
    )


def _epoch_like(date: bytes) -> bytes:
    out = bytearray(date)
    digits = 0
    for index, char in enumerate(out):
        if 48 <= char <= 57:
            out[index] = _EPOCH[digits] if digits < len(_EPOCH) else 48
            digits += 1
    return bytes(out)
