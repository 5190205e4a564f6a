"""Build the DOT text of one diagram page: boxes, lanes, links.

Every label is an HTML-like label built in `boxes` from escaped text; every other
attribute value is a fixed word or derived from node ids (which the schema limits to
letters, digits and `._-`) and quoted by `dotsyntax`, so no user text is ever read as DOT.
Order follows the YAML; nothing here iterates over a set or an unordered mapping.
"""

from __future__ import annotations

from dataclasses import dataclass

from pohon.core.vocabulary import Level
from pohon.render.diagrams import boxes
from pohon.render.diagrams.box_figures import FigureChoice, box_figures
from pohon.render.diagrams.dotsyntax import Dot, Html
from pohon.render.diagrams.drawn import Drawn, collect
from pohon.render.diagrams.label_text import escape
from pohon.render.diagrams.link_counts import counts_below
from pohon.render.diagrams.pages import Plan
from pohon.render.diagrams.style import FONT, LANES, level_word, word
from pohon.tree.model import Node, Tree

_EDGE = "#595959"
_AGENCY = "~opd"  # node ids never hold `~`: no box of the tree is named so


def _label(label: str) -> str:
    """A label from `boxes`: HTML-like when it is `<…>` (the footer may be a plain blank)."""
    return Html(label) if label.startswith("<") and label.endswith(">") else label


@dataclass(frozen=True)
class _Page:
    tree: Tree
    plan: Plan
    drawn: Drawn
    gid: str
    lang: str
    parents: dict[int, Node]
    below: dict[int, tuple[int, int]]  # id() -> the kegiatan and sub kegiatan under a node
    printed: bool = False
    figures: FigureChoice | None = None

    @property
    def view(self) -> str:
        return self.plan.page.view

    @property
    def agency(self) -> bool:
        """A Pohon Kinerja overview of several top boxes hangs them under one box for the OPD."""
        return self.view == "pohon" and self.plan.page.scope is None and len(self.plan.roots) > 1

    def eid(self, *parts: str) -> str:
        """An SVG element id unique across every page: node ids never contain `:`."""
        return ":".join((self.gid, *parts))


def graph_id(plan: Plan) -> str:
    """A unique id per page, so several SVGs can sit in one HTML page."""
    page = plan.page
    part = f"+{page.part}" if page.part > 1 else ""  # a page drawn in parts: node ids hold no `+`
    if page.scope is None:
        return page.view + part
    if plan.parent is None:  # --root: the subtree's own id
        return f"{page.view}:root:{page.scope}{part}"
    # The path below the view's folder: unique. Node ids never hold `~`, paths never `:`.
    return f"{page.view}:program:{page.path.split('/', 2)[2].replace('/', '~')}"


def build(
    tree: Tree,
    plan: Plan,
    lang: str,
    parents: dict[int, Node] | None = None,
    below: dict[int, tuple[int, int]] | None = None,
    *,
    printed: bool = False,
    figures: FigureChoice | None = None,
) -> str:
    """The DOT source of one page; `parents` (`tree.parents()`) and `below` (`counts_below`)
    may be passed in, worked out once for all of a tree's pages; `printed`: for a PDF sheet,
    its title lines narrower."""
    parents = tree.parents() if parents is None else parents
    below = counts_below(tree) if below is None else below
    page = _Page(tree, plan, collect(plan), graph_id(plan), lang, parents, below, printed, figures)
    dot = Dot(page.gid)
    dot.defaults(
        "graph",
        id=page.gid,
        label=_label(boxes.footer(tree, lang)),
        labelloc="b",
        labeljust="r",
        fontname=FONT,
        newrank="true",
        nodesep="0.2",
        ranksep="0.35",
        pad="0.3",
        splines="ortho",
        bgcolor="white",
    )
    dot.defaults("node", shape="plain", fontname=FONT)
    dot.defaults("edge", color=_EDGE, arrowsize="0.6", penwidth="1.1")
    _title(dot, page)
    if page.view == "cascading":
        _lanes(dot, page)
    else:
        _agency(dot, page)
        _ranks(dot, page, page.drawn.nodes)
    _edges(dot, page)
    return dot.source


def _agency(dot: Dot, page: _Page) -> None:
    if not page.agency:
        return
    with dot.subgraph() as rank:
        rank.set(rank="same")
        rank.node(_AGENCY, Html(boxes.agency_box(page.tree)), id=page.eid("agency"))
    for node in page.drawn.nodes:
        if page.drawn.parent(node) is None:
            name = page.drawn.name(node)
            dot.edge(_AGENCY, name, id=page.eid("edge", "agency", name))


def _title(dot: Dot, page: _Page) -> None:
    """The title block above the tree: invisible edges hold it over the top boxes."""
    plan = page.plan
    levels = tuple(level for level in Level if any(n.level is level for n in page.drawn.nodes))
    titled = plan.page.scope is not None or plan.page.parts > 1
    title = boxes.Title(
        heading=word(page.view, page.lang),
        subtitle=plan.page.title.split(" — ", 1)[1] if titled else None,
        context=_context(page),
        back=f"{plan.back}.svg" if plan.back else None,
        levels=levels,
        level_words=tuple(level_word(level, page.lang) for level in levels),
        previous=_svg(plan.relative(plan.previous_part)),
        next=_svg(plan.relative(plan.next_part)),
        following=f"{plan.next}.svg" if plan.next else None,
        narrow=page.printed,
    )
    with dot.subgraph() as top:
        top.set(rank="min")
        label = Html(boxes.title_block(page.tree, title, page.lang))
        top.node("~title", label, id=page.eid("title"))
    if page.agency:
        dot.edge("~title", _AGENCY, style="invis")
        return
    for node in page.drawn.nodes:
        if page.drawn.parent(node) is None:
            dot.edge("~title", page.drawn.name(node), style="invis")


def _context(page: _Page) -> str | None:
    """On a program (or --root) page, the box it hangs under, so a reader knows where it sits."""
    if page.plan.page.scope is None or not page.plan.roots:
        return None
    parent = page.parents.get(id(page.plan.roots[0]))
    if parent is None:
        return None
    return f"{word('under', page.lang)} {level_word(parent.level, page.lang)}: {boxes.said(parent)}"


def _lanes(dot: Dot, page: _Page) -> None:
    """One cluster per lane, as the seed's horizontal bands labelled by level and echelon."""
    for lane in LANES:
        nodes = [node for node in page.drawn.nodes if node.level in lane.levels]
        if not nodes:
            continue
        with dot.subgraph(f"cluster_{lane.key}") as band:
            band.set(
                id=page.eid("lane", lane.key),
                label=Html(f"<<B>{escape(lane.label(page.lang))}</B>>"),
                labeljust="l",
                labelloc="t",
                fontsize="13",
                style="filled",
                fillcolor="#FAFAFA",
                color="#BFBFBF",
                margin="12",
            )
            _ranks(band, page, nodes)
    others = [n for n in page.drawn.nodes if not any(n.level in lane.levels for lane in LANES)]
    _ranks(dot, page, others)


def _ranks(dot: Dot, page: _Page, nodes: list[Node]) -> None:
    """Boxes of one level side by side; a kegiatan's children stacked under it on a spine."""
    levels: list[Level] = []
    for node in nodes:
        if node.level not in levels and not page.drawn.stacked(node):
            levels.append(node.level)
    for level in levels:
        with dot.subgraph() as rank:
            rank.set(rank="same")
            for node in nodes:
                if node.level is level and not page.drawn.stacked(node):
                    _box(rank, page, node)
    for node in nodes:
        children = page.drawn.children(node)
        if node.level is Level.KEGIATAN and children:
            _spine(dot, page, node, children)


def _spine(dot: Dot, page: _Page, parent: Node, children: list[Node]) -> None:
    """A vertical line down the left of the column, one short arrow into each child box."""
    name = page.drawn.name(parent)
    for n, child in enumerate(children, start=1):
        with dot.subgraph() as rank:
            rank.set(rank="same")
            rank.node(
                f"{name}~spine~{n}",
                "",
                id=page.eid("spine", name, str(n)),
                shape="point",
                width="0.02",
                height="0.02",
                color=_EDGE,
            )
            _box(rank, page, child)


def _box(dot: Dot, page: _Page, node: Node) -> None:
    name = page.drawn.name(node)
    link = page.plan.link(node)
    more = _more(page.below[id(node)], page.lang) if link else None
    href = f"{link}.svg" if link else None
    if page.view == "cascading":
        label = boxes.cascading_box(node, _box_text(page, node, more), page.lang, href)
    else:
        label = boxes.pohon_box(node, more, page.lang, href)
    attrs = {"id": page.eid("node", name)}
    if href and more:
        attrs["URL"] = href
        attrs["tooltip"] = more  # fixed words and counts only: never the tree's text
    dot.node(name, Html(label), **attrs)


def _more(counts: tuple[int, int], lang: str) -> str:
    return word("open", lang).format(k=counts[0], s=counts[1])


def _svg(path: str | None) -> str | None:
    return f"{path}.svg" if path else None


def _box_text(page: _Page, node: Node, more: str | None) -> boxes.BoxText:
    position = page.tree.positions.get(node.position) if node.position else None
    said_level = level_word(node.level, page.lang)
    return boxes.BoxText(
        f"{said_level} {node.number}" if node.number is not None else said_level,
        _item(page, node),
        position.title if position else None,
        more,
        box_figures(node, page.figures, page.lang) if page.figures else None,
    )


def _item(page: _Page, node: Node) -> str | None:
    """The budget item line: the program's name, or `KEG n : name` as the chart numbers them."""
    if node.level is Level.PROGRAM:
        return " ".join(part for part in (node.code, node.name) if part) or None
    if node.level in (Level.KEGIATAN, Level.SUB_KEGIATAN) and node.name:
        number = page.drawn.numbers[id(node)]
        return f"{word(node.level.value, page.lang)} {number} : {node.name}"
    return node.name


def _edges(dot: Dot, page: _Page) -> None:
    drawn = page.drawn
    for node in drawn.nodes:
        parent = drawn.parent(node)
        if parent is None or drawn.stacked(node):
            continue
        a, b = drawn.name(parent), drawn.name(node)
        dot.edge(a, b, id=page.eid("edge", a, b))
    for node in drawn.nodes:
        children = drawn.children(node)
        if node.level is Level.KEGIATAN and children:
            _spine_edges(dot, page, node, children)


def _spine_edges(dot: Dot, page: _Page, parent: Node, children: list[Node]) -> None:
    name = page.drawn.name(parent)
    above = name
    for n, child in enumerate(children, start=1):
        point = f"{name}~spine~{n}"
        dot.edge(above, point, id=page.eid("spine-edge", name, str(n)), arrowhead="none")
        child_name = page.drawn.name(child)
        dot.edge(point, child_name, id=page.eid("edge", name, child_name))
        above = point
