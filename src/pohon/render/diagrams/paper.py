"""Paper for the diagram PDFs: the sheet sizes, the margins and title block, and the readable size.

A drawing is scaled into the margins of an A4 or F4 sheet, portrait or landscape,
whichever lets it be larger, and never enlarged. Its smallest text must stay at least
MIN_TEXT_PT points after scaling; a page that would need more shrinking is split into
linked pages (paper_plan.py), and only a page that cannot be split is drawn smaller.
"""

from __future__ import annotations

from dataclasses import dataclass

from pohon.core.vocabulary import PaperChoice

MM = 72 / 25.4
SIZES: dict[str, tuple[float, float]] = {"a4": (210 * MM, 297 * MM), "f4": (215 * MM, 330 * MM)}
"""Portrait width and height in points."""
MARGIN = 10 * MM
TITLE_BLOCK = 30.0  # points under the drawing for the title block, with its gap above
MIN_TEXT_PT = 6.0
"""The smallest text a printed diagram may have: about the size of a dictionary's small print.
The boxes' own text is 9-10 pt, so a page may shrink to two thirds and stay readable."""


@dataclass(frozen=True)
class Fit:
    """Where a drawing sits on its sheet: the sheet's size, the drawing's scale and offset."""

    width: float
    height: float
    scale: float
    left: float  # the drawing's left edge on the sheet (points from the left)
    top: float  # its top edge (points from the bottom, as PDF counts)

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def fit(width: float, height: float, paper: PaperChoice) -> Fit:
    """The drawing (in points) on the sheet of `paper` that shows it largest, never enlarged."""
    short, long = SIZES[paper]
    sheets = [_place(width, height, short, long), _place(width, height, long, short)]
    portrait, landscape = sheets
    if portrait.scale == landscape.scale:  # both at full size: the drawing's own shape decides
        return landscape if width > height else portrait
    return max(sheets, key=lambda sheet: sheet.scale)


def _place(width: float, height: float, sheet_w: float, sheet_h: float) -> Fit:
    area_w, area_h = sheet_w - 2 * MARGIN, sheet_h - 2 * MARGIN - TITLE_BLOCK
    scale = min(1.0, area_w / max(width, 1.0), area_h / max(height, 1.0))
    left = MARGIN + (area_w - width * scale) / 2
    top = sheet_h - MARGIN - (area_h - height * scale) / 2
    return Fit(sheet_w, sheet_h, scale, left, top)


def readable(width: float, height: float, smallest_text: float, paper: PaperChoice) -> bool:
    """Whether the drawing's smallest text stays at least MIN_TEXT_PT on the chosen sheet."""
    return smallest_text * fit(width, height, paper).scale >= MIN_TEXT_PT - 1e-6
