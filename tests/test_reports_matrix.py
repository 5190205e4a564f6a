"""Property tests of the cascading matrix on random trees of uneven depth."""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from pohon.check.validate_trees import Checked
from pohon.core.vocabulary import Level
from pohon.render.options import RenderOptions
from pohon.render.reports import render_reports
from pohon.render.reports.matrix import build_matrix
from pohon.render.reports.wording import Labels
from pohon.tree.assemble import LoadResult
from pohon.tree.header import Meta, Period
from pohon.tree.model import Node, Tree

BELOW = {
    Level.TUJUAN_OPD: [Level.SASARAN_STRATEGIS],
    Level.SASARAN_STRATEGIS: [Level.SASARAN_ANTARA, Level.PROGRAM],
    Level.SASARAN_ANTARA: [Level.SASARAN_ANTARA, Level.PROGRAM],
    Level.PROGRAM: [Level.KEGIATAN],
    Level.KEGIATAN: [Level.SUB_KEGIATAN],
    Level.SUB_KEGIATAN: [],
}


@st.composite
def subtree(draw: st.DrawFn, level: Level, depth: int = 0) -> Node:
    below = BELOW[level] if depth < 7 else []
    children = []
    for _ in range(draw(st.integers(0, 3)) if below else 0):
        children.append(draw(subtree(draw(st.sampled_from(below)), depth + 1)))
    node = Node(id="x", tingkat=level, pernyataan="Meningkatnya x", anak=children)
    # codes and pagu here and there: their columns must keep the table rectangular
    if draw(st.booleans()):
        node.code = "1.06"
    if level in (Level.PROGRAM, Level.KEGIATAN) and draw(st.booleans()):
        node.budget = {2024: Decimal(draw(st.integers(0, 10**12)))}
    return node


def numbered(roots: list[Node]) -> Tree:
    tree = Tree(
        source="t.yaml",
        meta=Meta(pemda="P", opd="O", periode=Period(awal=2024, akhir=2025)),
        positions={},
        roots=roots,
    )
    for number, node in enumerate(tree.walk()):
        node.id = f"n{number}"
    return tree


def paths(node: Node) -> list[list[str]]:
    if not node.children:
        return [[node.id]]
    return [[node.id, *rest] for child in node.children for rest in paths(child)]


TREES = st.lists(subtree(Level.TUJUAN_OPD), min_size=1, max_size=2).map(numbered)


@settings(max_examples=60, deadline=None)
@given(TREES)
def test_rows_are_the_paths_and_merged_cells_cover_each_column_exactly(tree: Tree) -> None:
    matrix = build_matrix(tree, Labels("id"))
    expected = [path for root in tree.roots for path in paths(root)]
    assert [[c.node.id for c in row if c.node] for row in matrix.rows] == expected
    groups = []
    for column in range(len(matrix.columns)):
        spans = [row[column].rowspan for row in matrix.rows]
        assert sum(spans) == len(matrix.rows)
        starts, at = [], 0
        while at < len(spans):  # a cell of span n is followed by n - 1 covered rows
            assert spans[at] > 0
            assert spans[at + 1 : at + spans[at]] == [0] * (spans[at] - 1)
            starts += [at] * spans[at]
            at += spans[at]
        groups.append(starts)
    for left, right in pairwise(groups):
        # a merged cell (even an empty one) never reaches past its parent's merged cell
        assert all(left[r] == left[r - 1] for r in range(1, len(right)) if right[r] == right[r - 1])


class _Grid(HTMLParser):
    """Lays out the matrix table as a browser would: rowspans carry cells down, colspans across."""

    def __init__(self) -> None:
        super().__init__()
        self.widths: list[int] = []
        self.carried: list[tuple[int, int]] = []  # (rows still covered, columns), per cell
        self.in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tbody":
            self.in_body = True
        elif tag == "tr" and self.in_body:
            self.widths.append(sum(width for rows, width in self.carried if rows > 0))
            self.carried = [(rows - 1, width) for rows, width in self.carried if rows > 1]
        elif tag == "td" and self.in_body:
            span = int(dict(attrs).get("rowspan") or 1)
            width = int(dict(attrs).get("colspan") or 1)
            self.widths[-1] += width
            if span > 1:
                self.carried.append((span - 1, width))

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self.in_body = False


@settings(max_examples=30, deadline=None)
@given(TREES)
def test_the_html_table_is_rectangular(tree: Tree) -> None:
    files = render_reports(Checked(LoadResult(tree=tree), []), RenderOptions(), "t")
    html = files["t/laporan/matriks-cascading.html"].decode()
    grid = _Grid()
    grid.feed(html.split("</table>")[0])  # the matrix; the OPD's totals follow in their own
    matrix = build_matrix(tree, Labels("id"))
    years = len(matrix.figures.years)
    # per level: its code where any, statement, indicator, satuan, baseline, the targets, pagu
    columns = sum(
        (1 if c.code else 0) + 4 + years + matrix.figures.end + (years if c.budget else 0)
        for c in matrix.columns
    )
    assert grid.widths == [columns] * len(grid.widths)
