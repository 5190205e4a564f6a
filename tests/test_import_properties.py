"""Property: any figure and any rupiah a tree holds come back exactly through the data sheets."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pohon.cli import main
from pohon.render.data_sheets import data_workbook
from pohon.tree.assemble import load_tree
from pohon.write.tree_yaml import figure_text, tree_yaml

FIGURES = st.one_of(
    st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False),
    st.decimals(min_value=0, max_value=1000, places=4, allow_nan=False),
    st.integers(min_value=0, max_value=10**20).map(Decimal),
    st.sampled_from(["WTP", "BB", "80 - 85", "A", "Baik Sekali"]),
)
RUPIAH = st.one_of(
    st.integers(min_value=0, max_value=10**18).map(Decimal),
    st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False),
)


def _export(path: Path) -> dict[str, object]:
    result = CliRunner().invoke(main, ["export", str(path)])
    assert result.exit_code == 0, result.stderr
    exported = json.loads(result.stdout)
    del exported["source"]
    return exported


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(figures=st.lists(FIGURES, min_size=1, max_size=30), budget=RUPIAH)
def test_figures_and_rupiah_round_trip(
    tmp_path: Path, figures: list[object], budget: Decimal
) -> None:
    indicators = [{"nama": f"Indikator {i}", "target": {2025: f}} for i, f in enumerate(figures)]
    document = {
        "format": "pohon/1",
        "meta": {"pemda": "Kabupaten A", "opd": "Dinas B", "periode": {"awal": 2025, "akhir": 2026}},
        "simpul": [
            {"id": "p", "tingkat": "program", "kode": "1.06.02", "nama": "PROGRAM A",
             "indikator": indicators, "pagu": {2025: budget}}
        ],
    }  # fmt: skip
    original = tmp_path / "asli.yaml"
    original.write_text(tree_yaml(document), encoding="utf-8")
    tree = load_tree(original).tree
    assert tree is not None, original.read_text()
    node = tree.roots[0]
    for indicator, written in zip(node.indicators, figures, strict=True):
        value = indicator.targets[2025]
        assert (value.value if hasattr(value, "value") else value) == written  # the YAML writer
    book = tmp_path / "t.xlsx"
    book.write_bytes(data_workbook(tree))
    back = tmp_path / "kembali.yaml"
    result = CliRunner().invoke(main, ["import", str(book), "--out", str(back), "--force"])
    assert result.exit_code in (0, 1), result.output
    assert _export(back) == _export(original)


def test_figure_text_never_groups() -> None:
    assert figure_text(Decimal("1.125")) == "1,125"  # not `1.125`, a thousand and 125
    assert figure_text(Decimal("1E+3")) == "1000"
