"""The drawn SVG of the Mamuju tree: every box's text, the lanes, the links, the ids; text stays text.

These run the embedded engine (graphviz-pure, pinned); they check structure, not pixels,
so they hold across engine versions.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MAMUJU, diagram_files, diagram_pages
from pohon.check.validate_trees import check_path
from pohon.core.vocabulary import Level
from pohon.render.diagrams.dot import build
from pohon.render.diagrams.engines import Engine, choose
from pohon.render.diagrams.label_text import clean
from pohon.render.diagrams.pages import find_node, plans
from pohon.render.options import RenderOptions
from pohon.source.settings_file import Config
from pohon.tree.header import Meta, Period
from pohon.tree.model import Indicator, Node, Tree

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"
SVG_ONLY = RenderOptions(formats=("svg",))


@pytest.fixture(scope="module")
def mamuju() -> Tree:
    tree = check_path(MAMUJU, Config()).load.tree
    assert tree is not None
    return tree


@pytest.fixture(scope="module")
def drawn(mamuju: Tree) -> dict[str, ET.Element]:
    """Every Mamuju page as parsed SVG (parsing fails the test if the SVG is ill-formed XML)."""
    files = diagram_files(mamuju, SVG_ONLY)
    return {name: ET.fromstring(data) for name, data in files.items()}


def _words(text: str) -> str:
    return " ".join(clean(text).split())


def node_texts(svg: ET.Element) -> dict[str, str]:
    """Node id (from the element id `…:node:<id>`) -> all its text, lines joined by spaces."""
    found = {}
    for group in svg.iter(f"{SVG}g"):
        element_id = group.get("id", "")
        if group.get("class") == "node" and ":node:" in element_id:
            texts = [t.text or "" for t in group.iter(f"{SVG}text")]
            found[element_id.rsplit(":node:", 1)[1]] = _words(" ".join(texts))
    return found


def test_every_node_appears_with_its_name_statement_and_indicators(
    mamuju: Tree, drawn: dict[str, ET.Element]
) -> None:
    cascading = {}
    for name, svg in drawn.items():
        if name.startswith("diagram/cascading"):
            cascading.update(node_texts(svg))
    for node in mamuju.walk():
        text = cascading[node.id]
        assert _words(node.statement) in text
        if node.name:
            assert _words(node.name) in text
        for indicator in node.indicators:
            assert _words(indicator.name) in text


def test_pohon_view_shows_every_statement(mamuju: Tree, drawn: dict[str, ET.Element]) -> None:
    pohon = {}
    for name, svg in drawn.items():
        if name.startswith("diagram/pohon"):
            pohon.update(node_texts(svg))
    # The Pohon Kinerja starts, as the chart's does, at the Tujuan OPD: the Pemda's levels
    # above it are the Cascading page's.
    (goal,) = [node for node in mamuju.walk() if node.level is Level.TUJUAN_OPD]
    assert set(pohon) == {node.id for node in goal.walk()}
    for node in goal.walk():
        assert _words(node.statement) in pohon[node.id]


def _groups(svg: ET.Element, kind: str) -> dict[str, ET.Element]:
    return {g.get("id", ""): g for g in svg.iter(f"{SVG}g") if g.get("class") == kind}


def test_lanes_are_drawn_with_their_labels(drawn: dict[str, ET.Element]) -> None:
    lanes = _groups(drawn["diagram/cascading.svg"], "cluster")
    assert list(lanes) == [
        "cascading:lane:tujuan",
        "cascading:lane:sasaran-rpjmd",
        "cascading:lane:eselon-2",
        "cascading:lane:eselon-3",
    ]
    labels = [next(g.iter(f"{SVG}text")).text for g in lanes.values()]
    assert labels == ["TUJUAN", "SASARAN RPJMD", "ESELON II", "ESELON III"]
    program_page = _groups(drawn["diagram/cascading/prog-rehabilitasi-sosial.svg"], "cluster")
    assert list(program_page) == [
        "cascading:program:prog-rehabilitasi-sosial:lane:eselon-3",
        "cascading:program:prog-rehabilitasi-sosial:lane:eselon-4",
    ]


def _links(svg: ET.Element) -> list[str]:
    return [a.get(XLINK, "") for a in svg.iter(f"{SVG}a")]


def test_overview_links_each_program_page_and_each_page_links_back(
    mamuju: Tree, drawn: dict[str, ET.Element]
) -> None:
    for view in ("cascading", "pohon"):
        overview = _links(drawn[f"diagram/{view}.svg"])
        programs = [p for p in diagram_pages(mamuju, SVG_ONLY) if p.view == view and p.scope]
        for page in programs:
            target = page.path.removeprefix("diagram/") + ".svg"
            assert target in overview
            assert f"diagram/{target}" in drawn  # the link leads to a file that exists
            assert f"../{view}.svg" in _links(drawn[f"{page.path}.svg"])


def test_every_svg_id_is_unique_across_all_pages(drawn: dict[str, ET.Element]) -> None:
    ids = [el.get("id") for svg in drawn.values() for el in svg.iter() if el.get("id")]
    assert len(ids) == len(set(ids)), "several SVGs must be able to sit in one HTML page"


def test_pages_stay_within_what_cairo_can_draw(mamuju: Tree) -> None:
    """The widest page: the overview. 76 sub kegiatan in one row would be ~22,000 pt wide."""
    for name, svg in _parsed(mamuju).items():
        width = float(svg.get("width", "0pt").removesuffix("pt"))
        height = float(svg.get("height", "0pt").removesuffix("pt"))
        assert width < 3000 and height < 5000, f"{name} is {width:.0f} x {height:.0f} pt"


def _parsed(tree: Tree) -> dict[str, ET.Element]:
    return {k: ET.fromstring(v) for k, v in diagram_files(tree, SVG_ONLY).items()}


HOSTILE = (
    '<<B>bold</B>> "]; x [label="y"]; a -> b; // \\N \\G \\L {braces} ]]> & &amp; '
    "\x0b\x00\x1b control 😀 emoji\nnew line"
)


def _tree(statement: str, name: str, indicator: str) -> Tree:
    node = Node(
        id="keg",
        tingkat=Level.KEGIATAN,
        pernyataan=statement,
        nama=name,
        indikator=[Indicator(nama=indicator)],
    )
    program = Node(id="prog", tingkat=Level.PROGRAM, pernyataan=statement, anak=[node])
    meta = Meta(pemda=name, opd=statement, periode=Period(awal=2025, akhir=2029))
    return Tree(source="t.yaml", meta=meta, positions={}, roots=[program])


def _drawn_text(tree: Tree, engine: Engine) -> str:
    plan = plans(tree, find_node(tree, "prog"), "id")[0]
    svg = ET.fromstring(engine.run(build(tree, plan, "id"), "svg"))  # well-formed, or this fails
    return "".join("".join(svg.itertext()).split())


def test_hostile_text_is_drawn_as_written() -> None:
    engine = choose("embedded")
    seen = _drawn_text(_tree(HOSTILE, HOSTILE, HOSTILE), engine)
    assert "".join(clean(HOSTILE).split()) in seen
    assert seen.count("".join(clean(HOSTILE).split())) >= 3


_TEXT = st.lists(
    st.one_of(
        st.text(st.characters(codec="utf-8"), min_size=1, max_size=6),
        st.sampled_from(["<", ">", "&", '"', "'", "\\", "\\N", "{", "}", "\x0b", "\n", " "]),
    ),
    min_size=1,
    max_size=10,
).map("".join)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(statement=_TEXT, name=_TEXT, indicator=_TEXT)
def test_any_text_renders_to_well_formed_svg_with_the_text(
    statement: str, name: str, indicator: str
) -> None:
    seen = _drawn_text(_tree(statement, name, indicator), choose("embedded"))
    for part in (statement, name, indicator):
        assert "".join(clean(part).split()) in seen
