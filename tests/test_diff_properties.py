"""Property tests of `pohon diff`: a tree is no change from itself however it is laid out,
and one change made to a tree is the one change the comparison finds."""

from __future__ import annotations

import copy
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pohon.render.diff.tree_compare import diff_trees
from pohon.render.diff.values import TreeDiff
from pohon.tree.assemble import load_tree
from pohon.tree.model import Tree

Data = dict[str, Any]
LEVELS = ("sasaran_strategis", "program", "kegiatan", "sub_kegiatan")
WORDS = st.sampled_from(
    ["Meningkatnya", "kualitas", "layanan", "sosial", "PSKS", "KAT", "bencana", "anak", "lansia"]
)
STATEMENTS = st.lists(WORDS, min_size=2, max_size=6).map(" ".join)
FIGURES = st.integers(min_value=0, max_value=10**12)


@st.composite
def indicators(draw: st.DrawFn) -> list[Data]:
    count = draw(st.integers(min_value=0, max_value=2))
    found = []
    for number in range(count):
        years = draw(st.lists(st.sampled_from([2024, 2025, 2026]), unique=True, max_size=3))
        found.append(
            {
                "nama": f"Persentase {draw(STATEMENTS)} {number}",
                "satuan": draw(st.sampled_from(["%", "orang", "dokumen"])),
                "target": {year: draw(FIGURES) for year in sorted(years)},
            }
        )
    return found


@st.composite
def nodes(draw: st.DrawFn, depth: int = 0, prefix: str = "n") -> list[Data]:
    count = draw(st.integers(min_value=1 if depth == 0 else 0, max_value=3 if depth else 2))
    found = []
    for number in range(count):
        node_id = f"{prefix}-{number}"
        node: Data = {"id": node_id, "tingkat": LEVELS[depth], "pernyataan": draw(STATEMENTS)}
        node["indikator"] = draw(indicators())
        if depth and draw(st.booleans()):
            node["pagu"] = {2025: draw(FIGURES)}
        if depth + 1 < len(LEVELS):
            node["anak"] = draw(nodes(depth + 1, node_id))
        found.append(node)
    return found


def tree_data(roots: list[Data]) -> Data:
    return {
        "format": "pohon/1",
        "meta": {
            "pemda": "Kabupaten Contoh",
            "opd": "Dinas Sosial",
            "periode": {"awal": 2024, "akhir": 2026},
        },
        "simpul": roots,
    }


def loaded(files: dict[str, str]) -> Tree:
    with tempfile.TemporaryDirectory() as folder:
        for name, text in files.items():
            path = Path(folder) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        result = load_tree(Path(folder) / "main.yaml")
    assert result.tree is not None, result.findings
    return result.tree


def block(data: Data) -> dict[str, str]:
    return {"main.yaml": yaml.safe_dump(data, allow_unicode=True, sort_keys=False)}


def flow_sorted(data: Data) -> dict[str, str]:
    text = yaml.safe_dump(
        data, allow_unicode=True, sort_keys=True, default_flow_style=True, width=60
    )
    return {"main.yaml": text}


def commented(data: Data) -> dict[str, str]:
    # No wrapped scalars: a comment between the lines of one would end it.
    lines = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6).splitlines()
    noted = [f"{line}  # catatan" if line.rstrip().endswith(":") else line for line in lines]
    return {"main.yaml": "# pohon kinerja\n" + "\n# ---\n".join(noted) + "\n"}


def split(data: Data) -> dict[str, str]:
    """The first root's children in a part of their own, hung under it with `induk`."""
    main = copy.deepcopy(data)
    root = main["simpul"][0]
    part = {"format": "pohon/1", "induk": root["id"], "simpul": root.pop("anak", [])}
    main["sertakan"] = ["bagian/*.yaml"]
    return {
        "main.yaml": yaml.safe_dump(main, allow_unicode=True),
        "bagian/anak.yaml": yaml.safe_dump(part, allow_unicode=True, default_flow_style=True),
    }


LAYOUTS: list[Callable[[Data], dict[str, str]]] = [block, flow_sorted, commented, split]
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def compared(first: Tree, second: Tree) -> TreeDiff:
    return diff_trees(first, second, old_label="a", new_label="b")


@SETTINGS
@given(nodes(), st.sampled_from(LAYOUTS), st.sampled_from(LAYOUTS))
def test_a_tree_laid_out_otherwise_is_no_change(roots: list[Data], first: Any, second: Any) -> None:
    data = tree_data(roots)
    before, after = loaded(first(data)), loaded(second(data))
    assert compared(before, before).empty
    assert compared(before, after).empty


def _walk(roots: list[Data]) -> list[Data]:
    found = []
    stack = list(roots)
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(node.get("anak", []))
    return found


def _reword(node: Data, _draw: st.DrawFn) -> tuple[str, ...]:
    node["pernyataan"] += " yang berkelanjutan"
    return ("statement",)


def _pagu(node: Data, draw: st.DrawFn) -> tuple[str, ...]:
    node["pagu"] = {2025: node.get("pagu", {}).get(2025, 0) + draw(st.integers(1, 10**9))}
    return ("budget",)


def _new_indicator(node: Data, _draw: st.DrawFn) -> tuple[str, ...]:
    node["indikator"].append({"nama": "Jumlah dokumen evaluasi tahunan", "target": {2025: 1}})
    return ("indicators",)


def _target(node: Data, draw: st.DrawFn) -> tuple[str, ...]:
    if not node["indikator"]:
        return _new_indicator(node, draw)
    indicator = draw(st.sampled_from(node["indikator"]))
    indicator["target"][2026] = indicator["target"].get(2026, 0) + 1
    return ("indicators",)


MUTATIONS = [_reword, _pagu, _new_indicator, _target]


@SETTINGS
@given(nodes(), st.sampled_from(MUTATIONS), st.sampled_from(LAYOUTS), st.data())
def test_one_change_is_found_as_that_change(
    roots: list[Data], mutate: Any, layout: Any, data: st.DataObject
) -> None:
    before = tree_data(roots)
    after = copy.deepcopy(before)
    node = data.draw(st.sampled_from(_walk(after["simpul"])))
    aspects = mutate(node, data.draw)
    diff = compared(loaded(block(before)), loaded(layout(after)))
    [changed] = diff.nodes
    assert (changed.kind, changed.id, changed.aspects) == ("changed", node["id"], aspects)
    if mutate is _target:  # a changed target (or, on a node without one, a new indicator)
        [indicator] = changed.indicators
        if indicator.kind == "changed":
            assert [shift.year for shift in indicator.targets] == [2026]
            shift = indicator.targets[0]
            assert shift.difference == (1 if shift.before is not None else None)
        else:
            assert indicator.kind == "added"


@SETTINGS
@given(nodes(), st.data())
def test_a_removed_node_is_found_removed_with_nothing_else(
    roots: list[Data], data: st.DataObject
) -> None:
    before = tree_data(roots)
    after = copy.deepcopy(before)
    parents = [node for node in _walk(after["simpul"]) if node.get("anak")]
    if not parents:
        return
    parent = data.draw(st.sampled_from(parents))
    gone = parent["anak"].pop(data.draw(st.integers(0, len(parent["anak"]) - 1)))
    diff = compared(loaded(block(before)), loaded(block(after)))
    assert {node.id for node in diff.nodes} == {node["id"] for node in _walk([gone])}
    assert {node.kind for node in diff.nodes} == {"removed"}
