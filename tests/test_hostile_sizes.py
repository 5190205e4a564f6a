"""Valid trees of hostile shape (thousands deep, thousands wide, thousands of findings) cost
linear work: each is run through the commands, and the work counted where it once grew
with the square of the size (no timing is asserted; docs/performance.md has the figures)."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pohon.cli import main
from pohon.render.diagrams import split
from pohon.render.diagrams.drawn import collect
from pohon.render.diagrams.pages import plans
from pohon.render.reports.matrix import build_matrix
from pohon.render.reports.wording import Labels
from pohon.source import limits, pattern, yaml_marks
from pohon.tree.assemble import load_tree
from pohon.tree.model import Node, Tree

HEADER = (
    "format: pohon/1\nmeta:\n  pemda: Kabupaten Contoh\n  opd: Dinas Sosial\n"
    "  periode: {awal: 2024, akhir: 2026}\n"
)
INDICATOR = "[{nama: Persentase layanan sosial yang tuntas, satuan: '%', target: {2024: 80}}]"
TOP = (
    "simpul:\n  - id: t\n    tingkat: tujuan_opd\n    pernyataan: Meningkatkan kesejahteraan\n"
    f"    indikator: {INDICATOR}\n    anak:\n      - id: s\n        tingkat: sasaran_strategis\n"
    f"        pernyataan: Meningkatnya kesejahteraan\n        indikator: {INDICATOR}\n"
)


def _chain(first: int, count: int) -> str:
    """`count` sasaran antara, each the only child of the one before, from `sa-<first>` on."""
    lines = []
    for number in range(first, first + count):
        pad = " " * (2 + 4 * (number - first))
        lines.append(
            f"{pad}- id: sa-{number}\n{pad}  tingkat: sasaran_antara\n"
            f"{pad}  pernyataan: Meningkatnya layanan sosial tahap {number}\n"
            f"{pad}  indikator: {INDICATOR}\n"
        )
        if number < first + count - 1:
            lines.append(f"{pad}  anak:\n")
    return "".join(lines)


def deep_tree(folder: Path, depth: int, per_part: int = 25) -> Path:
    """A valid tree whose sasaran antara nest `depth` deep: one YAML file nests at most 64
    levels, so the chain runs through parts, each hanging from the last node of the one before."""
    (folder / "bagian").mkdir(parents=True)
    (folder / "tree.yaml").write_text(HEADER + TOP + "sertakan: [bagian/*.yaml]\n")
    parent = "s"
    for part, first in enumerate(range(0, depth, per_part)):
        count = min(per_part, depth - first)
        (folder / "bagian" / f"p{part:04d}.yaml").write_text(
            f"format: pohon/1\ninduk: {parent}\nsimpul:\n" + _chain(first, count)
        )
        parent = f"sa-{first + count - 1}"
    return folder / "tree.yaml"


def _run(folder: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Any:
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert result.exit_code == 0, result.output
    return result


# --- thousands deep: nothing recurses once per level (issue 13, item 12) -----------------------


def test_a_tree_deeper_than_the_recursion_limit_validates_exports_and_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    depth = 1_200  # past Python's 1,000 frames: any walk that recursed per level would stop
    deep_tree(tmp_path, depth)
    _run(tmp_path, monkeypatch, "validate", "tree.yaml")
    text = _run(tmp_path, monkeypatch, "export", "tree.yaml").stdout
    exported = _parsed(text)
    node, below = exported["nodes"][0], 0
    while node["children"]:
        node, below = node["children"][0], below + 1
    assert below == depth + 1 and node["id"] == f"sa-{depth - 1}"
    _run(tmp_path, monkeypatch, "render", "tree.yaml", "--out", "out", "--format", "dot")
    pages = sorted((tmp_path / "out" / "tree" / "diagram").rglob("*.dot"))
    drawn = {m for page in pages for m in re.findall(r':node:(sa-\d+)"', page.read_text())}
    assert drawn == {f"sa-{n}" for n in range(depth)}, "every node is drawn on some page"
    deepest = max(len(page.relative_to(tmp_path / "out").parts) for page in pages)
    assert deepest <= 3 + split.NESTING + 1, "split-off pages nest a bounded number of folders"
    matrix = (tmp_path / "out" / "tree" / "laporan" / "matriks-cascading.md").read_text()
    assert f"memerlukan {depth + 2} kolom tingkat, lebih dari batas 30" in matrix


def _parsed(text: str) -> Any:
    """The JSON read back: Python's json recurses per level too (the reader's limit, not ours)."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(10_000)
    try:
        return json.loads(text)
    finally:
        sys.setrecursionlimit(limit)


def test_the_export_of_a_deep_tree_is_the_json_module_s_up_to_its_deepest_indent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sizes = []
    for depth in (60, 120, 180):  # 60 deep is 126 JSON levels: deeper than the indent follows
        deep_tree(tmp_path / str(depth), depth)
        text = _run(tmp_path / str(depth), monkeypatch, "export", "tree.yaml").stdout
        assert max(len(line) - len(line.lstrip(" ")) for line in text.splitlines()) == 2 * 64
        assert _parsed(text) == _parsed(json.dumps(_parsed(text), ensure_ascii=False, indent=2))
        sizes.append(len(text))
    # Sixty nodes more cost the same each time: no indent grows with the depth.
    assert sizes[2] - sizes[1] <= 1.05 * (sizes[1] - sizes[0]), sizes


# --- thousands of findings, parts and patterns: linear work (item 14) -----------------------


def test_twenty_thousand_unknown_keys_index_their_mapping_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = "".join(f"    kunci{n}: {n}\n" for n in range(20_000))
    node = "simpul:\n  - id: n0\n    tingkat: tujuan_opd\n    pernyataan: Meningkatkan A\n"
    (tmp_path / "tree.yaml").write_text(HEADER + node + keys)
    indexed: list[int] = []
    real_index = yaml_marks.index_keys

    def counted(mapping: Any) -> Any:
        indexed.append(len(mapping.value))
        return real_index(mapping)

    monkeypatch.setattr(yaml_marks, "index_keys", counted)
    monkeypatch.chdir(tmp_path)
    findings = load_tree(Path("tree.yaml")).findings
    assert len(findings) == 20_000
    assert findings[0].message.startswith("unknown key `kunci0`.")
    assert (findings[0].line, findings[-1].line) == (10, 20_009)
    # Each mapping on the way (the file, `simpul`'s node) is indexed once, not once per finding.
    assert len(indexed) == 2 and sum(indexed) == 3 + 20_003


def test_a_thousand_unplaced_parts_are_each_looked_at_a_bounded_number_of_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "p").mkdir()
    root = "simpul:\n  - {id: n0, tingkat: tujuan_opd, pernyataan: Meningkatkan A}\n"
    (tmp_path / "tree.yaml").write_text(HEADER + root + "sertakan: [p/*.yaml]\n")
    parts, per_part = 999, 5
    for number in range(parts):
        nodes = "".join(
            f"  - {{id: n{number}-{k}, tingkat: sasaran_strategis, pernyataan: Meningkatnya B}}\n"
            for k in range(per_part)
        )
        parent = f"n{number + 1}-0" if number % 3 else "nowhere"  # chains, and loops below
        (tmp_path / "p" / f"p{number:04d}.yaml").write_text(
            f"format: pohon/1\ninduk: {parent}\nsimpul:\n{nodes}"
        )
    visited = 0
    real_walk = Node.walk

    def counted(node: Node) -> Iterator[Node]:
        nonlocal visited
        for found in real_walk(node):
            visited += 1
            yield found

    monkeypatch.setattr(Node, "walk", counted)
    monkeypatch.chdir(tmp_path)
    findings = load_tree(Path("tree.yaml")).findings
    assert {f.rule for f in findings} == {"unknown-parent"}
    assert len(findings) == parts
    assert visited <= 3 * parts * per_part, visited  # was parts x parts x per_part


def test_a_hundred_double_star_patterns_share_one_walk_and_one_folder_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patterns = ", ".join(f'"**/x{n}*.yaml"' for n in range(100))
    root = "simpul:\n  - {id: n0, tingkat: tujuan_opd, pernyataan: Meningkatkan A}\n"
    (tmp_path / "tree.yaml").write_text(HEADER + root + f"sertakan: [{patterns}]\n")
    for number in range(300):
        (tmp_path / "d" / str(number // 30) / str(number)).mkdir(parents=True)
    listed: list[str] = []
    real_list = pattern._list
    monkeypatch.setattr(pattern, "_list", lambda folder: listed.append(folder) or real_list(folder))
    monkeypatch.setattr(limits, "MAX_FOLDERS", 1_000)  # 312 folders: the fourth pattern passes it
    monkeypatch.chdir(tmp_path)
    findings = load_tree(Path("tree.yaml")).findings
    assert [(f.rule, f.column) for f in findings if f.rule == "too-large"] == [("too-large", 57)]
    assert "for all the `sertakan` patterns of a tree together" in findings[-1].message
    assert len(listed) == len(set(listed)) == 312, "each folder read from the disk once"


# --- thousands wide: pages of bounded size, in parts (item 15) ----------------------------


def _fan_out(children: int) -> Tree:
    kids = [
        Node(id=f"c{n}", tingkat="program", pernyataan=f"Meningkatnya {n}") for n in range(children)
    ]
    ss = Node(id="s", tingkat="sasaran_strategis", pernyataan="Meningkatnya S", anak=kids)
    top = Node(id="t", tingkat="tujuan_opd", pernyataan="Meningkatkan T", anak=[ss])
    from pohon.tree.header import Meta, Period

    meta = Meta(pemda="P", opd="O", periode=Period(awal=2024, akhir=2025))
    return Tree(source="tree.yaml", meta=meta, positions={}, roots=[top])


def test_a_fan_out_wider_than_a_page_is_drawn_in_linked_parts_each_within_the_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(limits, "MAX_PAGE_BOXES", 50)
    tree = _fan_out(120)
    every = [plan for plan in plans(tree, None, "id", 12) if plan.page.view == "pohon"]
    parts = [plan for plan in every if plan.page.scope == "s"]
    assert [plan.page.path for plan in parts] == [
        "diagram/pohon/s",
        *(f"diagram/pohon/s+{n}" for n in range(2, 12)),
    ]
    assert [plan.page.title.rsplit(" ", 1)[1] for plan in parts[:2]] == ["(1/11)", "(2/11)"]
    shown = [[node.id for node in collect(plan).nodes] for plan in parts]
    assert all(len(ids) <= 12 and ids[0] == "s" for ids in shown)
    assert [i for ids in shown for i in ids[1:]] == [f"c{n}" for n in range(120)]
    assert (parts[0].previous_part, parts[0].next_part) == (None, "diagram/pohon/s+2")
    assert (parts[-1].previous_part, parts[-1].next_part) == ("diagram/pohon/s+10", None)
    assert all(plan.parent == "diagram/pohon" for plan in parts), "back to the overview"


def test_a_fan_out_within_the_page_limit_stays_on_one_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PAGE_BOXES", 50)
    every = plans(_fan_out(40), None, "id", 12)  # over the budget, under the limit: drawn whole
    assert [plan.page.path for plan in every if plan.page.scope == "s"] == [
        "diagram/cascading/s",
        "diagram/pohon/s",
    ]


def test_the_pages_of_a_wide_fan_out_cost_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = 0
    real_collect = split.collect

    def counted(plan: Any) -> Any:
        nonlocal seen
        drawn = real_collect(plan)
        seen += len(drawn.nodes)
        return drawn

    monkeypatch.setattr(split, "collect", counted)
    monkeypatch.setattr(limits, "MAX_PAGE_BOXES", 100)
    for children in (2_000, 4_000):
        seen = 0
        plans(_fan_out(children), None, "id", 60)
        assert seen <= 2 * 2 * (children + children // 59 + 4), (children, seen)  # 2 views


@pytest.mark.parametrize("given", [["--max-nodes-per-page", "1001"]])
def test_a_page_budget_past_the_page_limit_is_refused(
    given: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tree.yaml").write_text(HEADER + TOP)
    result = CliRunner().invoke(main, ["render", "tree.yaml", *given])
    assert result.exit_code == 2 and "10<=x<=1000" in result.output
    (tmp_path / "pohon.toml").write_text("[render]\nmax_nodes_per_page = 5000\n")
    result = CliRunner().invoke(main, ["render", "--lang", "en", "tree.yaml"])
    assert result.exit_code == 2
    assert "max_nodes_per_page = 5000: write a whole number from 10 to 1,000" in result.output


def test_the_matrix_is_a_table_only_within_its_column_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chain: list[Node] = []
    for number in reversed(range(40)):
        chain = [Node(id=f"a{number}", tingkat="sasaran_antara", pernyataan="M", anak=chain)]
    tree = _fan_out(3)
    tree.roots[0].children[0].children.extend(chain)
    matrix = build_matrix(tree, Labels("en"))
    assert matrix.rows == () and matrix.note is not None and "43 level columns" in matrix.note
    monkeypatch.setattr(limits, "MAX_MATRIX_COLUMNS", 50)
    matrix = build_matrix(tree, Labels("en"))
    assert len(matrix.columns) == 43 and len(matrix.rows) == 4  # three programs, one chain
    assert all(len(row) == 43 for row in matrix.rows)
