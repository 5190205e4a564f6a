"""Graphviz's SVG as PDF drawing operators: the few shapes the engines write, and their links.

Graphviz writes a small, fixed part of SVG: groups with a transform, polygons, polylines,
paths of Bézier curves, ellipses, lines of text with a font, and `<a>` links. That part is
turned into PDF operators here, in the drawing's own points (y down, as in the SVG), so a
PDF needs nothing beyond pip: no cairo, no system Graphviz. Anything else is skipped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field

from pohon.core.errors import UsageError
from pohon.render.diagrams import helvetica
from pohon.render.diagrams import svg_geometry as geometry
from pohon.render.diagrams.svg_geometry import IDENTITY, Matrix

_NAMES = {
    "black": "000000",
    "white": "ffffff",
    "red": "ff0000",
    "green": "008000",
    "blue": "0000ff",
    "gray": "808080",
    "grey": "808080",
    "lightgray": "d3d3d3",
    "lightgrey": "d3d3d3",
    "yellow": "ffff00",
}
_XLINK = "{http://www.w3.org/1999/xlink}href"


@dataclass(frozen=True)
class Link:
    """A clickable area in the drawing's points (left, top, right, bottom) and where it leads."""

    box: tuple[float, float, float, float]
    href: str


@dataclass
class Painted:
    """A drawing as PDF operators, its size in points, its links and its smallest text."""

    width: float
    height: float
    ops: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    smallest_text: float = 0.0  # 0: the drawing has no text


def paint(svg: bytes) -> Painted:
    """The SVG drawing as PDF operators; a drawing that is no SVG is a usage error."""
    try:
        root = ElementTree.fromstring(svg)
    except ElementTree.ParseError as error:
        raise UsageError(f"the engine's SVG could not be read for the PDF: {error}") from None
    width, height = _length(root.get("width")), _length(root.get("height"))
    box = [float(n) for n in geometry.NUMBER.findall(root.get("viewBox", ""))]
    matrix = IDENTITY
    if len(box) == 4 and box[2] > 0 and box[3] > 0:
        sx, sy = width / box[2], height / box[3]
        matrix = (sx, 0.0, 0.0, sy, -box[0] * sx, -box[1] * sy)
    painted = Painted(width, height)
    _Painter(painted).children(root, matrix, {})
    return painted


def _length(text: str | None) -> float:
    """An SVG length in points (Graphviz writes `pt`; px count 0.75 pt)."""
    found = geometry.NUMBER.match((text or "").strip())
    if found is None:
        raise UsageError("the engine's SVG has no size: it cannot be put on paper")
    value = float(found.group())
    return value * 0.75 if (text or "").strip().endswith("px") else value


def _tag(element: ElementTree.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


class _Painter:
    def __init__(self, painted: Painted) -> None:
        self.out = painted
        self.boxes: list[list[float]] = []  # the open links' extents, innermost last

    def children(self, parent: ElementTree.Element, matrix: Matrix, style: dict[str, str]) -> None:
        for element in parent:
            self.element(element, matrix, style)

    def element(self, element: ElementTree.Element, matrix: Matrix, style: dict[str, str]) -> None:
        tag = _tag(element)
        own = {**style, **{k: v for k, v in element.attrib.items() if k in _PAINT}}
        matrix = geometry.times(matrix, geometry.transform(element.get("transform", "")))
        if tag in ("g", "svg"):
            self.children(element, matrix, own)
        elif tag == "a":
            self.link(element, matrix, own)
        elif tag in ("polygon", "polyline"):
            numbers = [float(n) for n in geometry.NUMBER.findall(element.get("points", ""))]
            points = [
                geometry.apply(matrix, x, y)
                for x, y in zip(numbers[::2], numbers[1::2], strict=False)
            ]
            self.shape(
                geometry.polyline(points, closed=tag == "polygon"), points, own, tag == "polygon"
            )
        elif tag == "path":
            ops, points = geometry.path(element.get("d", ""), matrix)
            self.shape(ops, points, own, fillable=True)
        elif tag == "ellipse":
            ops, points = geometry.ellipse(element, matrix)
            self.shape(ops, points, own, fillable=True)
        elif tag == "text":
            self.text(element, matrix, own)

    def link(self, element: ElementTree.Element, matrix: Matrix, style: dict[str, str]) -> None:
        href = element.get(_XLINK) or element.get("href")
        self.boxes.append([])
        self.children(element, matrix, style)
        extent = self.boxes.pop()
        if self.boxes:
            self.boxes[-1] += extent
        if href and extent:
            xs, ys = extent[::2], extent[1::2]
            self.out.links.append(Link((min(xs), min(ys), max(xs), max(ys)), href))

    def reach(self, points: list[tuple[float, float]]) -> None:
        if self.boxes:
            self.boxes[-1] += [value for point in points for value in point]

    def shape(
        self, path: str, points: list[tuple[float, float]], style: dict[str, str], fillable: bool
    ) -> None:
        fill = _colour(style.get("fill", "black")) if fillable else None
        stroke = _colour(style.get("stroke", "none"))
        if not path or (fill is None and stroke is None):
            return
        self.reach(points)
        ops = ["q"]
        if fill is not None:
            ops.append(f"{fill} rg")
        if stroke is not None:
            ops.append(
                f"{stroke} RG {geometry.number(float(style.get('stroke-width', '1') or 1))} w"
            )
            dashes = geometry.NUMBER.findall(style.get("stroke-dasharray", ""))
            if dashes:
                ops.append(f"[{' '.join(geometry.number(float(d)) for d in dashes)}] 0 d")
        paint_op = "B" if fill is not None and stroke is not None else "f" if fill else "S"
        self.out.ops += [*ops, path, paint_op, "Q"]

    def text(self, element: ElementTree.Element, matrix: Matrix, style: dict[str, str]) -> None:
        content = "".join(element.itertext())
        if not content.strip():
            return
        sizes = geometry.NUMBER.findall(style.get("font-size", "14"))
        size = float(sizes[0]) if sizes else 14.0
        bold = style.get("font-weight", "") in ("bold", "bolder", "600", "700", "800", "900")
        font = helvetica.font_index(bold=bold, italic=style.get("font-style") in _SLANTED)
        runs = helvetica.runs(content, font)
        width = sum(run.width for run in runs) * size / 1000
        x, y = float(element.get("x", "0")), float(element.get("y", "0"))
        x -= {"middle": width / 2, "end": width}.get(style.get("text-anchor", "start"), 0.0)
        self.out.smallest_text = min(self.out.smallest_text or size, size)
        self.reach(
            [
                geometry.apply(matrix, x, y - 0.8 * size),
                geometry.apply(matrix, x + width, y + 0.2 * size),
            ]
        )
        colour = _colour(style.get("fill", "black")) or "0 0 0"
        a, b, c, d, e, f = geometry.times(matrix, (1.0, 0.0, 0.0, -1.0, x, y))
        shown = helvetica.show(runs, geometry.number(size))
        tm = " ".join(geometry.number(v) for v in (a, b, c, d, e, f))
        self.out.ops.append(f"q {colour} rg BT {tm} Tm {shown} ET Q")
        if "underline" in style.get("text-decoration", ""):
            start, end = (
                geometry.apply(matrix, x, y + size * 0.1),
                geometry.apply(matrix, x + width, y + size * 0.1),
            )
            line = f"{geometry.number(start[0])} {geometry.number(start[1])} m {geometry.number(end[0])} {geometry.number(end[1])} l"
            self.out.ops.append(f"q {colour} RG {geometry.number(size * 0.05)} w {line} S Q")


_PAINT = (
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "text-decoration",
)
_SLANTED = ("italic", "oblique")


def _colour(value: str) -> str | None:
    """A paint as PDF's `r g b` (0-1), or None for `none`/`transparent`."""
    value = value.strip().lower()
    if value in ("none", "transparent", ""):
        return None
    hexa = _NAMES.get(value, value.lstrip("#"))
    if len(hexa) == 3:
        hexa = "".join(ch * 2 for ch in hexa)
    try:
        channels = [int(hexa[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    except ValueError:
        channels = [0.0, 0.0, 0.0]
    return " ".join(geometry.number(c, 3) for c in channels)
