"""Pages over the box budget are split: a program's kegiatan get pages of their own, linked both ways."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import MAMUJU, diagram_files, diagram_pages, tree_text
from pohon.check.validate_trees import check_path
from pohon.cli import main
from pohon.render.diagrams.drawn import collect
from pohon.render.diagrams.pages import find_node, plans
from pohon.render.options import MAX_NODES_PER_PAGE, RenderOptions
from pohon.source.settings_file import Config
from pohon.tree.model import Tree

DOT_ONLY = RenderOptions(formats=("dot",))


def big_tree(programs: int, kegiatan: int, sub: int, groups: int = 0) -> str:
    """A sasaran strategis over `programs` programs (under `groups` sasaran antara, if any)."""

    def node(ident: str, level: str, children: list[dict[str, object]]) -> dict[str, object]:
        return {
            "id": ident,
            "tingkat": level,
            "pernyataan": f"Meningkatnya {ident}",
            "anak": children,
        }

    program_nodes = [
        node(
            f"p{p}",
            "program",
            [
                node(
                    f"p{p}k{k}",
                    "kegiatan",
                    [node(f"p{p}k{k}s{s}", "sub_kegiatan", []) for s in range(sub)],
                )
                for k in range(kegiatan)
            ],
        )
        for p in range(programs)
    ]
    if groups:
        size = -(-programs // groups)
        program_nodes = [
            node(f"sa{g}", "sasaran_antara", program_nodes[g * size : (g + 1) * size])
            for g in range(groups)
        ]
    return tree_text(json.dumps([node("ss", "sasaran_strategis", program_nodes)]))


@pytest.fixture
def load(write_tree: Callable[..., Path]) -> Callable[[str], Tree]:
    def loaded(text: str) -> Tree:
        tree = check_path(write_tree(whole=text), Config()).load.tree
        assert tree is not None
        return tree

    return loaded


def drawn_ids(tree: Tree, options: RenderOptions, view: str) -> list[str]:
    root = find_node(tree, options.root) if options.root else None
    every = plans(tree, root, options.lang, options.max_nodes_per_page)
    return [node.id for plan in every if plan.page.view == view for node in collect(plan).nodes]


def test_a_program_with_too_many_boxes_gets_a_page_per_kegiatan(
    load: Callable[[str], Tree],
) -> None:
    tree = load(big_tree(programs=1, kegiatan=9, sub=8))  # 1 + 9 x 9 = 82 boxes on p0's page
    paths = [page.path for page in diagram_pages(tree, DOT_ONLY) if page.view == "cascading"]
    assert paths == [
        "diagram/cascading",
        "diagram/cascading/p0",
        *(f"diagram/cascading/p0/p0k{k}" for k in range(9)),
    ]
    files = diagram_files(tree, DOT_ONLY)
    program = files["diagram/cascading/p0.dot"].decode()
    assert re.findall(r'HREF="([^"]+)"', program) == [
        "../cascading.svg",
        *(f"p0/p0k{k}.svg" for k in range(9)),
    ]
    kegiatan = files["diagram/cascading/p0/p0k4.dot"].decode()
    assert 'HREF="../p0.svg"' in kegiatan, "a kegiatan page leads back to its program's page"
    assert "p0k4s7" in kegiatan and "p0k3" not in kegiatan


def test_every_node_is_drawn_on_exactly_one_page_per_view(load: Callable[[str], Tree]) -> None:
    tree = load(big_tree(programs=3, kegiatan=9, sub=8))
    every = sorted(node.id for node in tree.walk())
    for view in ("cascading", "pohon"):
        assert sorted(drawn_ids(tree, DOT_ONLY, view)) == sorted(
            every + [f"p{p}" for p in range(3)] + [f"p{p}k{k}" for p in range(3) for k in range(9)]
        ), "each node once in full, and once more as the link to its own page"


def test_an_overview_with_too_many_programs_gets_a_page_per_sasaran(
    load: Callable[[str], Tree],
) -> None:
    tree = load(big_tree(programs=50, kegiatan=1, sub=1, groups=2))  # 53 boxes down to programs
    options = RenderOptions(formats=("dot",), max_nodes_per_page=30)
    above_programs = [
        page.path
        for page in diagram_pages(tree, options)
        if page.view == "pohon" and page.scope in (None, "sa0", "sa1")
    ]
    assert above_programs == ["diagram/pohon", "diagram/pohon/sa0", "diagram/pohon/sa1"]
    files = diagram_files(tree, options)
    overview = files["diagram/pohon.dot"].decode()
    assert re.findall(r'HREF="([^"]+)"', overview) == ["pohon/sa0.svg", "pohon/sa1.svg"]
    sasaran = files["diagram/pohon/sa1.dot"].decode()
    assert 'HREF="p49.svg"' in sasaran and 'HREF="../pohon.svg"' in sasaran
    assert 'HREF="sa0.svg"' in files["diagram/pohon/p3.dot"].decode(), "back to the page linking it"


def test_the_budget_is_configurable(load: Callable[[str], Tree]) -> None:
    tree = load(big_tree(programs=1, kegiatan=9, sub=8))
    assert (
        len(diagram_pages(tree, RenderOptions(max_nodes_per_page=100))) == 4
    )  # overview + program, x2
    assert len(diagram_pages(tree, RenderOptions(max_nodes_per_page=MAX_NODES_PER_PAGE))) == 22


def test_the_mamuju_pages_stay_whole_under_the_default_budget() -> None:
    tree = check_path(MAMUJU, Config()).load.tree
    assert tree is not None
    assert len(diagram_pages(tree, RenderOptions())) == len(
        diagram_pages(tree, RenderOptions(max_nodes_per_page=10**6))
    )


def test_split_pages_render_and_every_link_opens_a_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("big.yaml").write_text(big_tree(programs=1, kegiatan=3, sub=4), encoding="utf-8")
    result = CliRunner().invoke(main, ["render", "big.yaml", "--max-nodes-per-page", "10"])
    assert result.exit_code == 0, result.output
    svgs = sorted(Path("build/big/diagram").rglob("*.svg"))
    assert len(svgs) == 2 * (1 + 1 + 3)
    for svg in svgs:
        for href in re.findall(r'xlink:href="([^"]+)"', svg.read_text(encoding="utf-8")):
            assert (svg.parent / href).resolve().is_file(), f"{svg}: {href}"
