"""PDF pages: the engine's SVG drawn by pohon itself onto an A4 or F4 sheet with a title block.

Neither engine is asked for PDF: the embedded one writes none, and the system `dot`'s
differs by version and machine. Every engine writes SVG, which svg_paint turns into PDF
operators; the sheet (paper.py) places the drawing in its margins, and a title block
under it names the agency, the diagram, the page of the set and the plan period. No
cairo, no system software: the same bytes on every machine.
"""

from __future__ import annotations

from dataclasses import dataclass

from pohon.core.vocabulary import PaperChoice
from pohon.render.diagrams import helvetica
from pohon.render.diagrams.paper import MARGIN, Fit, fit
from pohon.render.diagrams.pdf_file import PageLink, pdf_bytes
from pohon.render.diagrams.svg_paint import Link, paint

_GREY = "0.35 0.35 0.35"
_HEADING_PT, _DETAIL_PT = 9.0, 8.0
_BOLD = helvetica.font_index(bold=True, italic=False)
_PLAIN = helvetica.font_index(bold=False, italic=False)


@dataclass(frozen=True)
class Sheet:
    """What the title block of one PDF page says, and the paper it is printed on."""

    paper: PaperChoice
    heading: str  # the agency and the diagram, e.g. "DINAS SOSIAL … — Cascading Kinerja — …"
    detail: str  # the pemda and the period
    number: str  # e.g. "halaman 2 dari 8"

    @property
    def key(self) -> tuple[str, ...]:
        """What the file depends on besides the drawing: part of its cache key."""
        return (f"paper={self.paper}", self.heading, self.detail, self.number)


def page_pdf(svg: bytes, sheet: Sheet) -> bytes:
    """The drawing on its sheet, scaled into the margins, with the title block and its links."""
    drawing = paint(svg)
    place = fit(drawing.width, drawing.height, sheet.paper)
    s = place.scale
    content = [
        f"q {_n(s, 5)} 0 0 {_n(-s, 5)} {_n(place.left)} {_n(place.top)} cm",
        *drawing.ops,
        "Q",
        *_title_block(place, sheet),
    ]
    links = [_on_sheet(link, place) for link in drawing.links]
    return pdf_bytes((place.width, place.height), "\n".join(content), links, sheet.heading)


def _on_sheet(link: Link, place: Fit) -> PageLink:
    left, top, right, bottom = link.box
    s = place.scale
    rect = (
        place.left + left * s,
        place.top - bottom * s,
        place.left + right * s,
        place.top - top * s,
    )
    return PageLink(rect, link.href)


def _title_block(place: Fit, sheet: Sheet) -> list[str]:
    """A rule across the sheet, the heading and page number on one line, the detail below."""
    left, right = MARGIN, place.width - MARGIN
    rule = MARGIN + 22
    number_width = helvetica.width(sheet.number, _PLAIN, _HEADING_PT)
    heading = _shortened(sheet.heading, right - left - number_width - 12)
    return [
        f"q {_GREY} RG 0.6 w {_n(left)} {_n(rule)} m {_n(right)} {_n(rule)} l S Q",
        _line(heading, _BOLD, _HEADING_PT, left, MARGIN + 11, "0 0 0"),
        _line(sheet.number, _PLAIN, _HEADING_PT, right - number_width, MARGIN + 11, "0 0 0"),
        _line(_shortened(sheet.detail, right - left), _PLAIN, _DETAIL_PT, left, MARGIN, _GREY),
    ]


def _line(text: str, font: int, size: float, x: float, y: float, colour: str) -> str:
    shown = helvetica.show(helvetica.runs(text, font), _n(size))
    return f"q {colour} rg BT 1 0 0 1 {_n(x)} {_n(y)} Tm {shown} ET Q"


def _shortened(text: str, room: float) -> str:
    """The text cut with `…` where it would run past `room` points at the heading size."""
    if helvetica.width(text, _BOLD, _HEADING_PT) <= room:
        return text
    while text and helvetica.width(text + "…", _BOLD, _HEADING_PT) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _n(value: float, places: int = 2) -> str:
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
