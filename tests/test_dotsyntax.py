"""pohon's DOT writer against the `graphviz` package it replaced: the same quoting, the same text."""

from __future__ import annotations

import graphviz
from graphviz import quoting
from hypothesis import given
from hypothesis import strategies as st

from pohon.render.diagrams.dotsyntax import Dot, Html, attributes, quote

# Values as pohon writes them (ids, paths, fixed words) and anything else text can be.
VALUES = st.one_of(
    st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,12}", fullmatch=True),
    st.sampled_from(["node", "Graph", "0.2", "-4.2", ".5", "1.06.01", "#595959", "a:b", ""]),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=20).filter(
        lambda text: not quoting.FINAL_ODD_BACKSLASHES.search(text)  # the package warns there
    ),
)


@given(VALUES)
def test_quoting_is_the_packages(value: str) -> None:
    assert quote(value) == quoting.quote(graphviz.nohtml(value))


@given(st.text(max_size=20))
def test_an_html_label_is_written_as_it_is(text: str) -> None:
    label = Html(f"<<B>{text}</B>>")
    assert quote(label) == label


# Attribute names as Graphviz has them: identifiers, never a DOT keyword.
NAMES = st.from_regex(r"[A-Za-z][A-Za-z_]{0,8}", fullmatch=True).filter(
    lambda name: name.lower() not in quoting.KEYWORDS
)


@given(st.dictionaries(NAMES, VALUES, max_size=5))
def test_attribute_lists_are_the_packages(attrs: dict[str, str]) -> None:
    expected = quoting.attr_list(kwargs={k: graphviz.nohtml(v) for k, v in attrs.items()})
    assert attributes(attrs) == expected


def test_a_graph_is_written_as_the_package_writes_it() -> None:
    label = "<<TABLE><TR><TD>a &amp; b</TD></TR></TABLE>>"
    ours = Dot("g:1")
    ours.defaults("graph", id="g:1", label=Html(label), splines="ortho", nodesep="0.2")
    ours.defaults("node", shape="plain")
    with ours.subgraph() as top:
        top.set(rank="min")
        top.node("~title", Html(label), id="g:1:title")
    with ours.subgraph("cluster_a") as band:
        band.set(id="g:1:lane", label=Html("<<B>LANE</B>>"), style="filled")
        with band.subgraph() as rank:
            rank.set(rank="same")
            rank.node("n-1", Html(label), URL="x/n-1.svg", id="g:1:node:n-1", tooltip="open")
            rank.node("n-1~spine~1", "", shape="point")
    ours.edge("~title", "n-1", style="invis")
    ours.edge("n-1", "n-1~spine~1", arrowhead="none", id="g:1:edge")

    theirs = graphviz.Digraph(name=graphviz.nohtml("g:1"))
    theirs.attr("graph", id=graphviz.nohtml("g:1"), label=label, splines="ortho", nodesep="0.2")
    theirs.attr("node", shape="plain")
    with theirs.subgraph() as top2:
        top2.attr(rank="min")
        top2.node("~title", label, id=graphviz.nohtml("g:1:title"))
    with theirs.subgraph(name="cluster_a") as band2:
        band2.attr(id=graphviz.nohtml("g:1:lane"), label="<<B>LANE</B>>", style="filled")
        with band2.subgraph() as rank2:
            rank2.attr(rank="same")
            rank2.node(
                "n-1",
                label,
                URL=graphviz.nohtml("x/n-1.svg"),
                id=graphviz.nohtml("g:1:node:n-1"),
                tooltip=graphviz.nohtml("open"),
            )
            rank2.node("n-1~spine~1", "", shape="point")
    theirs.edge("~title", "n-1", style="invis")
    theirs.edge("n-1", "n-1~spine~1", arrowhead="none", id=graphviz.nohtml("g:1:edge"))

    assert ours.source == theirs.source
