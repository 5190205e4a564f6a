"""The HTML-like labels of the boxes: one tree node, the title block, the legend, the signature.

Graphviz rejects an empty `<FONT>`, `<B>`… element, so every piece of markup goes through
`_tag`, which drops the element when the (cleaned, escaped) text turns out empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pohon.diagrams.labels import escape, lines
from pohon.diagrams.style import COLOURS, word
from pohon.model import Level, Node, Position, Tree

CASCADE_WIDTH = 250  # points: every box of a view has the same width
POHON_WIDTH = 190
TEXT_SIZE = 10
SMALL_SIZE = 9
_PAD = 14  # points of cell padding and border, left and right together
_LINK = "#1F4E9A"


@dataclass(frozen=True)
class BoxText:
    """What a cascading box says besides its statement and indicators."""

    level_word: str  # e.g. "SASARAN KEGIATAN"
    item: str | None  # e.g. "KEG 1 : Pemberdayaan Sosial KAT"
    position: str | None  # the title of the official who answers for it
    more: str | None  # e.g. ">> rincian: 2 kegiatan, 6 sub kegiatan" on a linked program


def _tag(name: str, content: str, attrs: str = "") -> str:
    return f"<{name}{attrs}>{content}</{name}>" if content else ""


def _font(content: str, size: float, colour: str | None = None) -> str:
    colour_attr = f' COLOR="{colour}"' if colour else ""
    return _tag("FONT", content, f' POINT-SIZE="{size:g}"{colour_attr}') or " "


def _em(width: float, size: float) -> float:
    return (width - _PAD) / size


def _row(content: str, width: int, *, size: float = TEXT_SIZE, **attrs: str) -> str:
    """One full-width cell; attribute names as Graphviz spells them (BGCOLOR, HREF, …)."""
    cell = "".join(f' {key.upper()}="{value}"' for key, value in attrs.items())
    return f'<TR><TD WIDTH="{width - 2}"{cell}>{_font(content, size)}</TD></TR>'


def _table(rows: Iterable[str], *, fill: str, border: str) -> str:
    return (
        f'<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4" COLOR="{border}"'
        f' BGCOLOR="{fill}">{"".join(rows)}</TABLE>>'
    )


def _colours(level: Level) -> tuple[str, str, str]:
    colours = COLOURS[level]
    return colours.fill, colours.header, colours.border


def cascading_box(node: Node, text: BoxText, lang: str, link: str | None = None) -> str:
    """Level word, budget item, statement, indicators and official, as on the seed's first page."""
    fill, header, border = _colours(node.level)
    width, em = CASCADE_WIDTH, _em(CASCADE_WIDTH, TEXT_SIZE)
    rows = [_row(_tag("B", escape(text.level_word)), width, size=SMALL_SIZE, bgcolor=header)]
    if text.item:
        rows.append(_row(_tag("B", lines(text.item, em / 1.1)), width))
    rows.append(_row(lines(node.statement, em), width))
    if node.indicators:
        rows.append(_row(_indicators(node, lang), width, size=SMALL_SIZE, balign="LEFT"))
    if text.position:
        position = lines(text.position, _em(width, SMALL_SIZE))
        rows.append(_row(_tag("I", position), width, size=SMALL_SIZE))
    if text.more:
        rows.append(_more_row(text.more, width, link))
    return _table(rows, fill=fill, border=border)


def _more_row(more: str, width: int, link: str | None) -> str:
    content = _tag("U", _font(escape(more), SMALL_SIZE, _LINK))
    return _row(content, width, size=SMALL_SIZE, **({"href": escape(link)} if link else {}))


def _indicators(node: Node, lang: str) -> str:
    """`INDIKATOR :` and the indicators, numbered when there are several, as the chart writes them."""
    em = _em(CASCADE_WIDTH, SMALL_SIZE)
    parts = [_tag("B", escape(word("indicator", lang)))]
    numbered = len(node.indicators) > 1
    for n, indicator in enumerate(node.indicators, start=1):
        parts.append(lines(f"{n}. {indicator.name}" if numbered else indicator.name, em))
    return "<BR/>".join(part for part in parts if part)


def pohon_box(node: Node, more: str | None, link: str | None = None) -> str:
    """The statement alone, as on the seed's second page."""
    fill, _, border = _colours(node.level)
    rows = [_row(lines(node.statement, _em(POHON_WIDTH, TEXT_SIZE)), POHON_WIDTH)]
    if more:
        rows.append(_more_row(more, POHON_WIDTH, link))
    return _table(rows, fill=fill, border=border)


def title_block(tree: Tree, heading: str, subtitle: str | None, back: str | None, lang: str) -> str:
    """The chart's heading, the OPD, Pemda and plan period, the page's program, a way back."""
    meta = tree.meta
    period = f"{word('period', lang)} {meta.period.start}-{meta.period.end}"
    rows = [
        _font(_tag("B", escape(heading)), 20),
        _font(_tag("B", escape(meta.opd.upper())), 14),
        _font(f"{escape(meta.pemda)} - {escape(period)}", 11),
    ]
    if subtitle:
        rows.append(_font(_tag("B", lines(subtitle, 60)), 13))
    cells = [f"<TR><TD>{row}</TD></TR>" for row in rows]
    if back:
        link = _tag("U", _font(escape(word("back", lang)), 10, _LINK))
        cells.append(f'<TR><TD HREF="{escape(back)}">{link}</TD></TR>')
    return f'<<TABLE BORDER="0" CELLSPACING="2">{"".join(cells)}</TABLE>>'


def footer(levels: list[Level], words: dict[Level, str], tree: Tree, lang: str) -> str:
    """The graph's bottom label: the legend of level colours and, beside it, the signature block."""
    cells = [f"<TD>{_legend(levels, words, lang)}</TD>"]
    sign = _signature(tree, lang)
    if sign:
        cells.append(f'<TD WIDTH="60"> </TD><TD VALIGN="TOP">{sign}</TD>')
    return f'<<TABLE BORDER="0" CELLSPACING="0"><TR>{"".join(cells)}</TR></TABLE>>'


def _legend(levels: list[Level], words: dict[Level, str], lang: str) -> str:
    """One swatch per level drawn on the page, in the order of the levels."""
    heading = _font(_tag("B", escape(word("legend", lang))), 9)
    rows = [f'<TR><TD COLSPAN="2">{heading}</TD></TR>']
    for level in levels:
        fill, _, border = _colours(level)
        rows.append(
            f'<TR><TD BGCOLOR="{fill}" COLOR="{border}" BORDER="1" WIDTH="24"> </TD>'
            f'<TD ALIGN="LEFT">{_font(escape(words[level]), 9)}</TD></TR>'
        )
    return (
        '<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2" COLOR="#7F7F7F">'
        f"{''.join(rows)}</TABLE>"
    )


def _signature(tree: Tree, lang: str) -> str | None:
    """The signature block from `penandatangan`: place, position, holder; NIP only if given."""
    rows: list[str] = []
    for signatory in tree.meta.signatories:
        position = tree.positions.get(signatory.position)
        rows += _signature_rows(signatory.place, position, signatory.position, lang)
    if not rows:
        return None
    return f'<TABLE BORDER="0" CELLSPACING="1">{"".join(rows)}</TABLE>'


def _signature_rows(place: str | None, position: Position | None, key: str, lang: str) -> list[str]:
    title = position.title if position else key
    rows = [
        f"{escape(place)}, ...................." if place else "",
        _tag("B", escape(title.upper())),
    ]
    rows += ["", "", ""]  # room to sign
    if position and position.holder:
        rows.append(_tag("B", _tag("U", escape(position.holder))))
    if position and position.rank:
        rows.append(escape(position.rank))
    if position and position.nip:
        rows.append(f"{escape(word('nip', lang))}. {escape(position.nip)}")
    return [f"<TR><TD>{_font(row, 10)}</TD></TR>" for row in rows]
