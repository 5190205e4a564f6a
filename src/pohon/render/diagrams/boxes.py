"""The HTML-like labels of the boxes: one tree node, the title block, the legend, the signature.

Graphviz rejects an empty `<FONT>`, `<B>`… element, so every piece of markup goes through
`_tag`, which drops the element when the (cleaned, escaped) text turns out empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pohon.core.vocabulary import Level
from pohon.render.diagrams.box_figures import BoxFigures
from pohon.render.diagrams.label_text import escape, lines
from pohon.render.diagrams.style import COLOURS, word
from pohon.tree.header import Position
from pohon.tree.model import Node, Tree

CASCADE_WIDTH = 250  # points: every box of a view has the same width
POHON_WIDTH = 190
TEXT_SIZE = 10
SMALL_SIZE = 9
_PAD = 14  # points of cell padding and border, left and right together
_LINK = "#1F4E9A"
_FIGURE = "#404040"
_ROWS = "\n"  # one table row per DOT line: golden files and diffs stay readable


@dataclass(frozen=True)
class BoxText:
    """What a cascading box says besides its statement and indicators."""

    level_word: str  # e.g. "SASARAN KEGIATAN"
    item: str | None  # e.g. "KEG 1 : Pemberdayaan Sosial KAT"
    position: str | None  # the title of the official who answers for it
    more: str | None  # e.g. ">> rincian: 2 kegiatan, 6 sub kegiatan" on a linked program
    figures: BoxFigures | None = None  # `--figures`: satuan, target and pagu of one year


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
        f' BGCOLOR="{fill}">\n{_ROWS.join(rows)}\n</TABLE>>'
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
    if node.statement:  # without one, the budget item's name above says what the box is
        rows.append(_row(lines(node.statement, em), width))
    if node.indicators:
        shown = _indicators(node, lang, text.figures)
        rows.append(_row(shown, width, size=SMALL_SIZE, align="LEFT", balign="LEFT"))
    if text.figures and text.figures.budget:
        rows.append(_row(_tag("B", escape(text.figures.budget)), width, size=SMALL_SIZE))
    if text.position:
        position = lines(text.position, _em(width, SMALL_SIZE))
        rows.append(_row(_tag("I", position), width, size=SMALL_SIZE))
    if text.more:
        rows.append(_more_row(text.more, width, link))
    return _table(rows, fill=fill, border=border)


def said(node: Node) -> str:
    """What a node states: its statement, else (a budget item the source gives none) its name."""
    return node.statement or node.name or node.id


def _more_row(more: str, width: int, link: str | None) -> str:
    content = _tag("U", _font(escape(more), SMALL_SIZE, _LINK))
    # The tooltip is the row's own words: Graphviz would otherwise show "<TABLE>" on hover.
    link_attrs = {"href": escape(link), "tooltip": escape(more)} if link else {}
    return _row(content, width, size=SMALL_SIZE, **link_attrs)


def _indicators(
    node: Node, lang: str, figures: BoxFigures | None = None, width: int = CASCADE_WIDTH
) -> str:
    """`INDIKATOR :` and the indicators, numbered when there are several, as the chart writes them."""
    em = _em(width, SMALL_SIZE)
    parts = [_tag("B", escape(word("indicator", lang)))]
    numbered = len(node.indicators) > 1
    for n, indicator in enumerate(node.indicators, start=1):
        parts.append(lines(f"{n}. {indicator.name}" if numbered else indicator.name, em))
        if figures:  # under its indicator, in grey: the words stay what the eye reads first
            figure = lines(figures.indicators[n - 1], em)
            parts.append(_tag("FONT", _tag("I", figure), f' COLOR="{_FIGURE}"'))
    return "<BR/>".join(part for part in parts if part)


def agency_box(tree: Tree) -> str:
    """The OPD itself, over a Pohon Kinerja whose tree starts with several boxes (programs)."""
    name = _tag("B", lines(tree.meta.opd.upper(), _em(POHON_WIDTH, TEXT_SIZE) / 1.1))
    return _table([_row(name, POHON_WIDTH)], fill="#FFFFFF", border="#595959")


def pohon_box(node: Node, more: str | None, lang: str, link: str | None = None) -> str:
    """The statement alone, as on the seed's second page (the name, where there is none);
    the agency's tujuan, where that page starts, with its indicators too."""
    fill, _, border = _colours(node.level)
    rows = [_row(lines(said(node), _em(POHON_WIDTH, TEXT_SIZE)), POHON_WIDTH)]
    if node.level is Level.TUJUAN_OPD and node.indicators:
        shown = _indicators(node, lang, width=POHON_WIDTH)
        rows.append(_row(shown, POHON_WIDTH, size=SMALL_SIZE, align="LEFT", balign="LEFT"))
    if more:
        rows.append(_more_row(more, POHON_WIDTH, link))
    return _table(rows, fill=fill, border=border)


@dataclass(frozen=True)
class Title:
    """The title block of a page: heading, the page's program, a way back, the legend."""

    heading: str  # e.g. "CASCADING KINERJA"
    subtitle: str | None  # the program of a program page
    context: str | None  # where that program hangs: its parent's level and statement
    back: str | None  # the overview's file, relative to this page
    levels: tuple[Level, ...]  # the levels drawn, for the legend
    level_words: tuple[str, ...]
    previous: str | None = None  # the parts before and after this one, of a page drawn in parts
    next: str | None = None
    following: str | None = None  # the page with the next part of this one (printed pages)
    narrow: bool = False  # wrap the program and context lines for a sheet of paper


def title_block(tree: Tree, title: Title, lang: str) -> str:
    """The chart's heading, the OPD, Pemda and plan period, the page's program, a way back, legend."""
    meta = tree.meta
    period = f"{word('period', lang)} {meta.period.start}-{meta.period.end}"
    rows = [
        _font(_tag("B", escape(title.heading)), 20),
        _font(_tag("B", escape(meta.opd.upper())), 14),
        _font(f"{escape(meta.pemda)} - {escape(period)}", 11),
    ]
    # On paper a portrait sheet holds about 40 em of 13 pt text at its readable scale.
    if title.subtitle:
        rows.append(_font(_tag("B", lines(title.subtitle, 40 if title.narrow else 60)), 13))
    if title.context:
        rows.append(
            _font(_tag("I", lines(title.context, 60 if title.narrow else 90)), 10, "#595959")
        )
    cells = [f"<TR><TD>{row}</TD></TR>" for row in rows]
    if title.back:
        back = escape(word("back", lang))
        link = _tag("U", _font(back, 10, _LINK))
        cells.append(f'<TR><TD HREF="{escape(title.back)}" TOOLTIP="{back}">{link}</TD></TR>')
    for href, key in ((title.previous, "previous"), (title.next, "next")):
        if href:
            words = escape(word(key, lang))
            link = _tag("U", _font(words, 10, _LINK))
            cells.append(f'<TR><TD HREF="{escape(href)}" TOOLTIP="{words}">{link}</TD></TR>')
    if title.following:
        more = escape(word("next_part", lang))
        link = _tag("U", _font(more, 10, _LINK))
        cells.append(f'<TR><TD HREF="{escape(title.following)}" TOOLTIP="{more}">{link}</TD></TR>')
    legend = _legend(list(zip(title.levels, title.level_words, strict=True)), lang)
    cells.append(f"<TR><TD>{legend}</TD></TR>")
    return f'<<TABLE BORDER="0" CELLSPACING="2">\n{_ROWS.join(cells)}\n</TABLE>>'


def footer(tree: Tree, lang: str) -> str:
    """The graph's bottom label: the signature block (a blank line when there is none)."""
    return _signature(tree, lang) or " "


def _legend(levels: list[tuple[Level, str]], lang: str) -> str:
    """One swatch per level drawn on the page, in the order of the levels, in one row."""
    cells = [f'<TD ALIGN="LEFT">{_font(_tag("B", escape(word("legend", lang))), 9)}</TD>']
    for level, name in levels:
        fill, _, border = _colours(level)
        cells.append(
            f'<TD BGCOLOR="{fill}" COLOR="{border}" BORDER="1" WIDTH="18"> </TD>'
            f'<TD ALIGN="LEFT">{_font(escape(name), 9)}</TD>'
        )
    return (
        '<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="3" CELLPADDING="2" COLOR="#BFBFBF">'
        f"<TR>{''.join(cells)}</TR></TABLE>"
    )


def _signature(tree: Tree, lang: str) -> str | None:
    """The signature block from `penandatangan`: place, position, holder, rank, NIP line."""
    rows: list[str] = []
    for signatory in tree.meta.signatories:
        position = tree.positions.get(signatory.position)
        rows += _signature_rows(signatory.place, position, signatory.position, lang)
    if not rows:
        return None
    return f'<<TABLE BORDER="0" CELLSPACING="1">\n{_ROWS.join(rows)}\n</TABLE>>'


def _signature_rows(place: str | None, position: Position | None, key: str, lang: str) -> list[str]:
    title = position.title if position else key
    place_line = f"{escape(place)}, ...................." if place else ""
    rows = ["", place_line, _tag("B", escape(title.upper()))]  # a blank row keeps it off the tree
    rows += ["", "", ""]  # room to sign
    if position and position.holder:
        rows.append(_tag("B", _tag("U", escape(position.holder))))
    if position and position.rank:
        rows.append(escape(position.rank))
    # The chart's block ends with a NIP line; a tree that records none gets one to fill in.
    nip = escape(position.nip) if position and position.nip else "...................."
    rows.append(f"{escape(word('nip', lang))}. {nip}")
    return [f"<TR><TD>{_font(row, 10)}</TD></TR>" for row in rows]
