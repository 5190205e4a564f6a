"""Diagram pages and their DOT: golden files (engine-independent), pages, lanes, links, ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import MAMUJU, ROOT, assert_golden, diagram_files, diagram_pages
from pohon.check.validate_trees import check_path
from pohon.core.errors import UsageError
from pohon.core.vocabulary import Level
from pohon.render.diagrams.dot import build
from pohon.render.diagrams.pages import DiagramPage, plans
from pohon.render.options import RenderOptions
from pohon.source.settings_file import Config
from pohon.tree.model import Tree

SMALL = ROOT / "tests" / "fixtures" / "diagrams" / "small.yaml"
GOLDEN = ROOT / "tests" / "golden" / "diagrams"
DOT_ONLY = RenderOptions(formats=("dot",))


def load(path: Path) -> Tree:
    tree = check_path(path, Config()).load.tree
    assert tree is not None
    return tree


@pytest.fixture(scope="module")
def small() -> Tree:
    return load(SMALL)


@pytest.fixture(scope="module")
def mamuju() -> Tree:
    return load(MAMUJU)


def test_small_tree_dot_matches_golden(small: Tree) -> None:
    files = diagram_files(small, DOT_ONLY)
    for name, data in files.items():
        assert_golden(data.decode(), GOLDEN / "small" / name)
    on_disk = {p.relative_to(GOLDEN / "small").as_posix() for p in GOLDEN.glob("small/**/*.dot")}
    assert on_disk == set(files), "golden files left over or missing"


@pytest.mark.parametrize(
    "page",
    [
        "diagram/cascading.dot",
        "diagram/cascading/prog-rehabilitasi-sosial.dot",
        "diagram/pohon.dot",
        "diagram/pohon/prog-penunjang.dot",
    ],
)
def test_mamuju_dot_matches_golden(mamuju: Tree, page: str) -> None:
    assert_golden(diagram_files(mamuju, DOT_ONLY)[page].decode(), GOLDEN / "mamuju" / page)


def test_pages_are_the_overview_then_one_per_program_for_each_view(small: Tree) -> None:
    assert diagram_pages(small, RenderOptions()) == [
        DiagramPage("cascading", None, "Cascading Kinerja — Dinas Sosial Kabupaten Contoh", "diagram/cascading"),
        DiagramPage("cascading", "prog-rehab", "Cascading Kinerja — PROGRAM REHABILITASI SOSIAL", "diagram/cascading/prog-rehab"),
        DiagramPage("cascading", "prog-penunjang", "Cascading Kinerja — PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "diagram/cascading/prog-penunjang"),
        DiagramPage("pohon", None, "Pohon Kinerja — Dinas Sosial Kabupaten Contoh", "diagram/pohon"),
        DiagramPage("pohon", "prog-rehab", "Pohon Kinerja — PROGRAM REHABILITASI SOSIAL", "diagram/pohon/prog-rehab"),
        DiagramPage("pohon", "prog-penunjang", "Pohon Kinerja — PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH", "diagram/pohon/prog-penunjang"),
    ]  # fmt: skip


def test_mamuju_has_a_page_for_each_of_its_seven_programs(mamuju: Tree) -> None:
    found = diagram_pages(mamuju, RenderOptions())
    assert len(found) == 2 * (1 + 7)
    programs = [n.id for n in mamuju.walk() if n.level is Level.PROGRAM]
    assert [p.scope for p in found if p.view == "cascading"] == [None, *programs]


def test_render_diagrams_keys_are_page_paths_with_each_format(small: Tree) -> None:
    files = diagram_files(small, DOT_ONLY)
    assert list(files) == [f"{page.path}.dot" for page in diagram_pages(small, DOT_ONLY)]


def _node_names(dot: str) -> list[str]:
    return re.findall(r'^\s*"?([A-Za-z0-9][A-Za-z0-9_.-]*)"? \[label=<', dot, flags=re.M)


def test_overview_stops_at_programs_and_program_pages_hold_the_rest(small: Tree) -> None:
    files = diagram_files(small, DOT_ONLY)
    overview = _node_names(files["diagram/cascading.dot"].decode())
    rehab = _node_names(files["diagram/cascading/prog-rehab.dot"].decode())
    penunjang = _node_names(files["diagram/cascading/prog-penunjang.dot"].decode())
    every = [n.id for n in small.walk()]
    assert "prog-rehab" in overview and "keg-dasar" not in overview
    assert sorted(set(overview) | set(rehab) | set(penunjang)) == sorted(every)
    # Level by level (each rank in YAML order), then each kegiatan's column in YAML order.
    assert rehab == ["prog-rehab", "keg-dasar", "keg-lanjut", "sub-makan", "sub-sandang", "sub-alat", "sub-data"]  # fmt: skip


def test_cascading_has_the_seeds_lanes_and_the_pohon_view_has_none(small: Tree) -> None:
    files = diagram_files(small, DOT_ONLY)
    cascading = files["diagram/cascading.dot"].decode()
    lanes = re.findall(r'subgraph "?cluster_([\w-]+)"? \{', cascading)
    assert lanes == ["tujuan", "sasaran-rpjmd", "eselon-2", "eselon-3"]
    for word in ("TUJUAN", "SASARAN RPJMD", "ESELON II", "ESELON III"):
        assert f"<B>{word}</B>" in cascading
    assert "ESELON IV" in files["diagram/cascading/prog-rehab.dot"].decode()
    assert "cluster" not in files["diagram/pohon.dot"].decode()


def test_cascading_boxes_carry_item_statement_indicators_and_official(small: Tree) -> None:
    dot = diagram_files(small, DOT_ONLY)["diagram/cascading/prog-rehab.dot"].decode()
    assert "SASARAN SUB KEGIATAN" in dot
    assert "KEG 2 : Rehabilitasi Sosial PPKS Lainnya" in dot
    assert "SUB KEG 3 : Penyediaan Alat Bantu" in dot
    assert "1.06.04 PROGRAM REHABILITASI SOSIAL" in dot
    assert "INDIKATOR :" in dot and "Jumlah orang yang mendapat sandang" in dot
    assert "Kepala Bidang Rehabilitasi Sosial" in dot


def test_pohon_boxes_show_statements_only(small: Tree) -> None:
    dot = diagram_files(small, DOT_ONLY)["diagram/pohon/prog-rehab.dot"].decode()
    assert "Tersedianya paket sandang" in dot
    assert "INDIKATOR" not in dot and "Penyediaan Sandang" not in dot


def test_title_block_has_pemda_opd_period_and_signature(small: Tree) -> None:
    dot = diagram_files(small, DOT_ONLY)["diagram/cascading.dot"].decode()
    for text in (
        "CASCADING KINERJA",
        "DINAS SOSIAL KABUPATEN CONTOH",
        "Kabupaten Contoh",
        "2025-2029",
    ):
        assert text in dot
    for text in (
        "KEPALA DINAS SOSIAL",
        "Nama Kepala, S.Sos",
        "NIP. 197001012000031001",
        "Contoh, ",
    ):
        assert text in dot
    assert "KETERANGAN" in dot  # the legend of level colours


def test_nip_line_is_left_to_fill_in_when_the_data_has_none(mamuju: Tree) -> None:
    """The chart's signature block ends with a NIP line; the sample data records no NIP."""
    dot = diagram_files(mamuju, DOT_ONLY)["diagram/cascading.dot"].decode()
    assert "IKHSAN LASAMI" in dot and "NIP. ...................." in dot


def test_overview_program_boxes_link_to_their_pages_and_back(small: Tree) -> None:
    files = diagram_files(small, DOT_ONLY)
    overview = files["diagram/cascading.dot"].decode()
    assert 'URL="cascading/prog-rehab.svg"' in overview
    assert 'HREF="cascading/prog-rehab.svg"' in overview
    assert 'HREF="../cascading.svg"' in files["diagram/cascading/prog-rehab.dot"].decode()
    assert 'HREF="../pohon.svg"' in files["diagram/pohon/prog-rehab.dot"].decode()


def test_program_pages_say_what_the_program_hangs_under(small: Tree) -> None:
    files = diagram_files(small, DOT_ONLY)
    text = "di bawah SASARAN: Meningkatnya rehabilitasi sosial diluar panti"
    assert text in files["diagram/cascading/prog-rehab.dot"].decode()
    assert "di bawah" not in files["diagram/cascading.dot"].decode()


def test_sub_kegiatan_hang_in_a_column_not_a_strip(mamuju: Tree) -> None:
    dot = diagram_files(mamuju, DOT_ONLY)["diagram/cascading/prog-rehabilitasi-sosial.dot"].decode()
    rank_groups = re.findall(r"\{\s*rank=same((?:[^{}])*)\}", dot)
    widest = max(len(_node_names(group)) for group in rank_groups)
    assert widest <= 2, "a kegiatan's children must stack, not share a rank"


def test_graph_and_element_ids_are_unique_across_pages(mamuju: Tree) -> None:
    ids: list[str] = []
    for data in diagram_files(mamuju, DOT_ONLY).values():
        ids += re.findall(r'\bid="([^"]+)"', data.decode())
    assert len(ids) == len(set(ids))


def test_root_renders_one_subtree_per_view(small: Tree) -> None:
    options = RenderOptions(formats=("dot",), root="keg-dasar")
    assert [p.path for p in diagram_pages(small, options)] == ["diagram/cascading-keg-dasar", "diagram/pohon-keg-dasar"]  # fmt: skip
    dot = diagram_files(small, options)["diagram/cascading-keg-dasar.dot"].decode()
    assert dot.startswith('digraph "cascading:root:keg-dasar" {')
    assert _node_names(dot) == ["keg-dasar", "sub-makan", "sub-sandang", "sub-alat"]


def test_root_that_is_no_node_is_a_usage_error(small: Tree) -> None:
    with pytest.raises(UsageError, match=r"--root nope: .* has no node with this id"):
        diagram_pages(small, RenderOptions(root="nope"))


def test_unknown_format_is_a_usage_error(small: Tree) -> None:
    with pytest.raises(UsageError, match="--format gif: not a diagram format"):
        diagram_files(small, RenderOptions(formats=("svg", "gif")))


def test_english_words(small: Tree) -> None:
    plan = plans(small, None, "en")[0]
    dot = build(small, plan, "en")
    assert "PERFORMANCE CASCADE" in dot and "ECHELON II" in dot and "STRATEGIC TARGET" in dot


def test_pohon_overview_starts_at_the_tujuan_opd_with_its_indicator(mamuju: Tree) -> None:
    """As the chart's Pohon Kinerja page does; the Cascading page keeps the Pemda's levels."""
    files = diagram_files(mamuju, DOT_ONLY)
    pohon, cascading = files["diagram/pohon.dot"].decode(), files["diagram/cascading.dot"].decode()
    assert "MAMUJU KEREN" not in pohon and "MAMUJU KEREN" in cascading
    assert '"tujuan-opd" [' in pohon and "Indeks Kesejahteraan Sosial dan Partisipasi" in pohon
    assert '"agency"' not in pohon  # one tujuan: no OPD box above it


def test_root_still_picks_where_the_pohon_view_starts(mamuju: Tree) -> None:
    options = RenderOptions(formats=("dot",), root="visi")
    pohon = diagram_files(mamuju, options)["diagram/pohon-visi.dot"].decode()
    assert "MAMUJU KEREN" in pohon


def test_the_misi_box_is_labelled_with_its_number(mamuju: Tree) -> None:
    dot = diagram_files(mamuju, DOT_ONLY)["diagram/cascading.dot"].decode()
    assert "<B>MISI 3</B>" in dot
    assert "<B>VISI</B>" in dot  # a node without `nomor` keeps its level's word alone
