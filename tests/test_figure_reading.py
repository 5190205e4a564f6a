"""Figures and money as Indonesian offices write them: read exactly, or refused with the fix."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import tree_text
from pohon.check.validate_trees import check_path
from pohon.render.json_export import tree_to_json
from pohon.render.json_text import DEEPEST_INDENT, dumps
from pohon.render.reports.figures import format_budget, format_number
from pohon.source.settings_file import Config
from pohon.tree.assemble import load_tree
from pohon.tree.figure_reading import Number, read_figure, read_rupiah


@pytest.mark.parametrize(
    ("written", "value", "unit"),
    [
        ("13,50", "13.50", None),
        ("19,21", "19.21", None),
        ("1.000", "1000", None),  # a thousand, as pohon's own reports print it (issue 13 #9)
        ("11.080.481.999", "11080481999", None),
        ("1.000,5", "1000.5", None),
        ("62.5", "62.5", None),  # a dot that cannot group thousands is a decimal point
        ("0.650", "0.650", None),  # no group starts with 0
        ("1234.5", "1234.5", None),
        ("12345678901234567890", "12345678901234567890", None),  # past 15 digits, exact
        ("-2,5", "-2.5", None),
        ("\u22122,5", "-2.5", None),  # the minus sign
        ("19,21%", "19.21", "%"),
        ("19,21 %", "19.21", "%"),
        ("101%", "101", "%"),
        ("14 Dokumen", "14", "Dokumen"),
        ("3 orang/tahun", "3", "orang/tahun"),
        ("Rp 5.000", "5000", "Rp"),
    ],
)
def test_a_figure_is_read_as_the_number_it_is(written: str, value: str, unit: str | None) -> None:
    figure = read_figure(written)
    assert figure == Number(Decimal(value), unit)
    assert isinstance(figure, Number) and str(figure.value) == value  # its digits as written


@pytest.mark.parametrize(
    "written", ["WTP", "BB", "sesuai kebutuhan", "80-85", "80 s.d. 85", "1e3", "1 000", "≥ 80"]
)
def test_text_that_is_no_figure_stays_as_written(written: str) -> None:
    assert read_figure(written) == written


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("11,102,261,200", "write `11.102.261.200`"),
        ("1,000.5", "write `1.000,5`"),
        ("1,000", "write `1` for 1, or `1.000` for 1 thousand"),
        ("25,000", "write `25` for 25, or `25.000` for 25 thousand"),
        ("1.2.3", "no single reading"),
        ("1.00,5", "no single reading"),
        ("nan", "is not a number"),
        ("-Infinity", "is not a number"),
        ("inf%", "is not a number"),
        ("", "nothing is written here"),
        ("1" * 31, "more than 30 digits"),
    ],
)
def test_a_figure_with_no_single_reading_is_refused_with_the_fix(written: str, says: str) -> None:
    with pytest.raises(ValueError, match=r".") as refused:
        read_figure(written)
    assert says in str(refused.value)


@pytest.mark.parametrize(
    ("written", "rupiah"),
    [
        ("11.080.481.999", "11080481999"),
        ("Rp 11.080.481.999", "11080481999"),
        ("Rp11.080.481.999,00", "11080481999"),
        ("Rp. 1.250.000,-", "1250000"),
        ("1.250.000 rupiah", "1250000"),
        ("450000000.5", "450000000.5"),
        ("1.500,50", "1500.50"),
        ("0", "0"),
    ],
)
def test_money_written_the_indonesian_way_is_the_rupiah_it_says(written: str, rupiah: str) -> None:
    assert read_rupiah(written) == Decimal(rupiah)


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("-5", "`-5` is negative"),
        ("nan", "`nan` is not a number"),
        ("Infinity", "is not a number"),
        ("Rp 1,5 milyar", "write the whole number of rupiah"),
        ("11,102,261,200", "write `11.102.261.200`"),
        ("1,500", "for 1500 rupiah write `1.500`"),
        ("1.500,505", "rupiah have at most two (sen)"),
        ("banyak", "is not an amount pohon can read"),
    ],
)
def test_money_that_is_no_amount_of_rupiah_is_refused(written: str, says: str) -> None:
    with pytest.raises(ValueError, match=r".") as refused:
        read_rupiah(written)
    assert says in str(refused.value)


def _indonesian(number: int) -> str:
    return f"{number:,}".replace(",", ".")


@given(st.integers(min_value=0, max_value=10**28 - 1))  # with `,00`: 30 digits, the most
def test_any_whole_number_written_indonesian_style_reads_back_exactly(number: int) -> None:
    assert read_figure(_indonesian(number)) == Number(Decimal(number))
    assert read_rupiah(_indonesian(number)) == number
    assert read_rupiah(f"Rp {_indonesian(number)},00") == number
    assert read_figure(str(number)) == Number(Decimal(number))


@given(
    st.decimals(
        min_value=-(10**20), max_value=10**20, places=4, allow_nan=False, allow_infinity=False
    )
)
def test_what_pohon_prints_pohon_reads_back(value: Decimal) -> None:
    printed = format_number(value, "id")
    assert read_figure(printed) == Number(value)


@given(st.integers(min_value=0, max_value=10**17), st.integers(min_value=0, max_value=99))
def test_a_printed_budget_reads_back_as_the_same_rupiah(rupiah: int, sen: int) -> None:
    amount = Decimal(rupiah) + Decimal(sen) / 100
    printed = format_budget(amount, "id", "Rp")
    assert read_rupiah(printed) == amount


@given(st.text(max_size=20))
def test_any_text_is_a_figure_text_or_a_refusal_never_a_float(text: str) -> None:
    try:
        figure = read_figure(text)
    except ValueError:
        return
    assert isinstance(figure, Number | str)
    assert not isinstance(figure, Number) or figure.value.is_finite()


# --- through the loader: years, the end of the period, the export --------------------------


def _tree(tmp_path: Path, nodes: str) -> Path:
    path = tmp_path / "tree.yaml"
    path.write_text(tree_text(nodes), encoding="utf-8")
    return path


INDICATOR = """
- id: tujuan
  tingkat: tujuan_opd
  pernyataan: Meningkatkan kesejahteraan sosial
  pagu: {pagu}
  indikator:
    - nama: Indeks kesejahteraan sosial
      target: {target}
"""


@pytest.mark.parametrize("again", ["02024", "2024.0", "+2024", "2_024"])
def test_one_year_under_two_spellings_is_refused_naming_both(tmp_path: Path, again: str) -> None:
    path = _tree(tmp_path, INDICATOR.format(pagu="{}", target=f"{{2024: 5, {again}: 6}}"))
    findings = load_tree(path).findings
    assert [(f.line, f.column, f.rule) for f in findings] == [(15, 27, "schema")]
    assert findings[0].message == (
        f"the year 2024 is written twice in `target`, as `2024` (line 15, column 18) and as "
        f"`{again}`: only one of them would be kept; write the year once, as four digits"
    )


def test_the_export_writes_money_as_integers_and_figures_exactly(tmp_path: Path) -> None:
    pagu = '{2024: 11.080.481.999, 2025: "Rp 450.000.000,50", 2026: 0}'
    target = "{2024: 12345678901234567890, 2025: 1.000, 2026: 62.5, akhir: WTP}"
    checked = check_path(_tree(tmp_path, INDICATOR.format(pagu=pagu, target=target)), Config())
    assert checked.load.tree is not None
    text = tree_to_json(checked.load.tree)
    assert '"2024": 11080481999,' in text and '"2025": 450000000.5,' in text
    assert '"2024": 12345678901234567890,' in text and "NaN" not in text
    node = json.loads(text)["nodes"][0]
    assert node["budget"] == {"2024": 11080481999, "2025": 450000000.5, "2026": 0}
    assert node["indicators"][0]["targets"] == {
        "2024": 12345678901234567890,
        "2025": 1000,
        "2026": 62.5,
        "akhir": "WTP",
    }


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(JSON)
def test_the_json_writer_lays_out_as_the_standard_one(value: Any) -> None:
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_the_json_writer_takes_any_depth_and_no_float() -> None:
    deep: Any = []
    for _ in range(5000):  # far past the recursion limit
        deep = [deep]
    lines = dumps(deep).splitlines()  # 5000 openings, the innermost `[]`, 5000 closings
    # Past DEEPEST_INDENT levels, lines keep its indent (docs/export.md): the text stays linear.
    indent = " " * 2 * DEEPEST_INDENT
    assert len(lines) == 10001 and lines[5000] == indent + "[]" and lines[-1] == "]"
    assert lines[DEEPEST_INDENT] == indent + "[" and lines[DEEPEST_INDENT - 1] == indent[2:] + "["
    assert dumps(Decimal("13.50")) == "13.5" and dumps(Decimal("1E+3")) == "1000"
    with pytest.raises(TypeError):
        dumps({"a": 0.5})
    with pytest.raises(ValueError, match="no JSON number"):
        dumps(Decimal("NaN"))


def test_a_binary_float_is_never_taken_as_a_figure_or_money() -> None:
    with pytest.raises(ValueError, match="give it as text"):
        read_figure(0.1)
    with pytest.raises(ValueError, match="give it as text"):
        read_rupiah(1250000000.0)
    assert read_rupiah(1250000000) == Decimal(1250000000)  # a whole number is exact


def test_a_misspelt_end_of_period_key_is_told_how_to_write_it(tmp_path: Path) -> None:
    path = _tree(tmp_path, INDICATOR.format(pagu="{}", target="{2024: 5, akir: 6}"))
    (finding,) = load_tree(path).findings
    assert (finding.line, finding.column) == (15, 27)
    assert finding.message.endswith("e.g. `2024:`, or `akhir:` for the end of the period.")
