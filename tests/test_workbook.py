"""The workbook: every report of a tree as a sheet, read back cell by cell as a spreadsheet would.

Values and merged ranges are read with python-calamine (another library than the writer);
number formats, frozen panes, filters and print setup from the sheet XML itself
(tests/xlsx_read.py, the standard library only).
"""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from conftest import MAMUJU, ROOT, assert_golden, in_english
from pohon.cli import main
from pohon.render.reports.figures import Shown, format_budget, format_figure
from pohon.render.workbook.book import cell_number, number_format, workbook_bytes
from pohon.render.workbook.cells import MAX_SHEET_NAME, Cell, SheetPlan, sheet_name
from pohon.render.workbook.heights import lines_of, row_heights
from pohon.tree.figure_reading import Number
from xlsx_read import dump, read_workbook, ref

CONTOH = ROOT / "tests" / "fixtures" / "reports" / "contoh.yaml"
GOLDEN = ROOT / "tests" / "golden" / "workbook"
SHEETS_ID = [
    "Matriks Cascading",
    "Daftar Indikator Kinerja",
    "T-C.25 Tujuan dan Sasaran",
    "T-C.27 Rencana Program",
    "Indikator Kinerja Utama (IKU)",
    "Lampiran Perjanjian Kinerja",
]
DATA_SHEETS = ["Meta", "Jabatan", "Pohon"]  # the tree as data, for `pohon import --layout pohon`


def export(tree: Path, out: Path, *options: str) -> bytes:
    result = CliRunner().invoke(
        main, ["export", str(tree), "--format", "xlsx", "--out", str(out), *options]
    )
    assert result.exit_code == 0, result.output
    return out.read_bytes()


@pytest.fixture(scope="module")
def contoh(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return export(CONTOH, tmp_path_factory.mktemp("xlsx") / "contoh.xlsx")


def calamine(data: bytes) -> CalamineWorkbook:
    return CalamineWorkbook.from_filelike(io.BytesIO(data))


def test_the_sheets_are_the_reports_in_the_site_s_order(contoh: bytes) -> None:
    assert calamine(contoh).sheet_names == SHEETS_ID + DATA_SHEETS


def test_the_sheets_speak_the_run_s_language(tmp_path: Path) -> None:
    english = export(CONTOH, tmp_path / "en.xlsx", "--lang", "en")
    names = calamine(english).sheet_names
    assert names[:2] == ["Cascading matrix", "Indicator register"]
    assert all(len(name) <= MAX_SHEET_NAME for name in names)
    matrix = calamine(english).get_sheet_by_name("Cascading matrix").to_python()
    assert matrix[8][:4] == ["Objective", "Indicator", "Unit", "Baseline"]


def test_the_matrix_merges_each_node_over_its_rows_as_the_html_does(contoh: bytes) -> None:
    sheet = calamine(contoh).get_sheet_by_name("Matriks Cascading")
    rows = sheet.to_python()
    assert rows[7][0] == "Tujuan" and rows[7][21] == "Program"  # a level's head over its columns
    assert rows[9][0] == "Meningkatkan kesejahteraan sosial masyarakat\n— Kepala Dinas Sosial"
    merged = {(a, b) for a, b in sheet.merged_cell_ranges}
    assert ((9, 0), (11, 0)) in merged  # the tujuan over its three paths
    assert ((9, 7), (10, 7)) in merged  # the first sasaran strategis over its two
    assert ((11, 14), (11, 20)) in merged  # no sasaran antara on this path: one empty cell
    assert rows[11][14] == "–"
    assert ((7, 0), (7, 6)) in merged  # the level's head


def test_figures_are_numbers_shown_as_the_html_shows_them(contoh: bytes) -> None:
    sheets, _ = read_workbook(contoh)
    matrix = sheets["Matriks Cascading"].cells
    assert (matrix["D10"].value, matrix["D10"].format) == ("0.62", "#,##0.00")  # baseline 0,62
    assert (matrix["G10"].value, matrix["G10"].format) == ("0.7", "#,##0.0")  # 0,7 as written
    assert (matrix["AD10"].value, matrix["AD10"].format) == ("1250000000", '"Rp "#,##0')
    assert matrix["AN10"].value == "450000000.5"  # Rp 450.000.000,50
    assert matrix["AN10"].format == '"Rp "#,##0.00'
    assert matrix["AD13"].value == "2050000000" and matrix["AD13"].number  # the column's sum
    register = sheets["Daftar Indikator Kinerja"].cells
    assert (register["N9"].value, register["N9"].format) == ("101.54", '#,##0.00" %"')  # capaian
    assert not register["A9"].number or register["A9"].value == "1"
    funding = calamine(contoh).get_sheet_by_name("T-C.27 Rencana Program").to_python()
    assert funding[9][7] == 1250000000 and isinstance(funding[9][7], int | float)


def test_a_text_target_stays_text_and_a_missing_one_a_dash(contoh: bytes) -> None:
    rows = calamine(contoh).get_sheet_by_name("Matriks Cascading").to_python()
    sub_kegiatan = [row[42:51] for row in rows[9:12]]  # from AQ: sasaran, indikator, …
    assert [sub_kegiatan[1][4], sub_kegiatan[1][5]] == ["sesuai kebutuhan", "–"]


def test_each_sheet_freezes_its_heads_filters_them_and_prints_them_on_every_page(
    contoh: bytes,
) -> None:
    sheets, names = read_workbook(contoh)
    funding = sheets["T-C.27 Rencana Program"]
    assert funding.attributes("pane") == {
        "ySplit": "9",
        "topLeftCell": "A10",
        "activePane": "bottomLeft",
        "state": "frozen",
    }
    assert funding.attributes("autoFilter") == {"ref": "A9:P16"}  # the column numbers' row
    assert names["_xlnm.Print_Titles:3"] == "'T-C.27 Rencana Program'!$6:$9"
    assert "A17:F17" in funding.merges and funding.cells["A17"].value == "Jumlah"
    for sheet in list(sheets.values())[:4]:
        setup = sheet.attributes("pageSetup")
        assert setup["paperSize"] == "9" and setup["orientation"] == "landscape"
        assert setup["fitToHeight"] == "0" and sheet.attributes("pageSetUpPr") == {"fitToPage": "1"}
    assert "fitToWidth" not in funding.attributes("pageSetup")  # 1: one page wide
    assert sheets["Matriks Cascading"].attributes("pageSetup")["fitToWidth"] == "3"  # 55 columns


def test_the_annexes_are_one_block_per_position_each_on_its_own_page(contoh: bytes) -> None:
    sheets, _ = read_workbook(contoh)
    annexes = sheets["Lampiran Perjanjian Kinerja"]
    assert annexes.attributes("pageSetup")["orientation"] == "portrait"
    titles = [c.value for c in annexes.cells.values() if c.value.startswith("Lampiran")]
    assert len(titles) == 5 and titles[0].endswith("Kepala Dinas Sosial")
    breaks = [
        int(row) for row in annexes.xml.split('<brk id="')[1:] for row in [row[:3].strip('"')]
    ]
    starts = [int(c.ref[1:]) - 1 for c in annexes.cells.values() if c.value in titles]
    assert breaks == starts[1:]  # a page break before every block but the first
    # The Kepala Dinas (JPT) agrees on its programs' pagu, and their total.
    assert annexes.cells["B11"].value == "Program"
    assert (
        annexes.cells["E12"].format == '"Rp "#,##0' and annexes.cells["E12"].value == "1250000000"
    )
    assert annexes.cells["E14"].value == "2050000000"


def test_f4_paper_is_excel_s_folio(tmp_path: Path) -> None:
    sheets, _ = read_workbook(export(CONTOH, tmp_path / "f4.xlsx", "--paper", "f4"))
    # The reports' sheets; the data sheets (for `pohon import`) are always set up on A4.
    reports = [sheet for name, sheet in sheets.items() if name not in DATA_SHEETS]
    assert {sheet.attributes("pageSetup")["paperSize"] for sheet in reports} == {"14"}


def test_the_workbook_is_the_same_bytes_every_time_with_fixed_dates(tmp_path: Path) -> None:
    first = export(CONTOH, tmp_path / "a.xlsx")
    assert export(CONTOH, tmp_path / "b.xlsx") == first
    book = zipfile.ZipFile(io.BytesIO(first))
    assert {info.date_time for info in book.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert b"2000-01-01T00:00:00Z" in book.read("docProps/core.xml")


def test_render_writes_the_workbook_beside_the_reports_and_check_passes(tmp_path: Path) -> None:
    out = tmp_path / "site"
    runner = CliRunner()
    rendered = runner.invoke(main, ["render", str(CONTOH), "--out", str(out), "--format", "dot"])
    assert rendered.exit_code == 0, rendered.output
    book = out / "contoh" / "laporan" / "contoh.xlsx"
    assert book.read_bytes() == export(CONTOH, tmp_path / "e.xlsx")  # export = render's
    assert 'href="laporan/contoh.xlsx"' in (out / "contoh" / "index.html").read_text()
    assert 'href="contoh/laporan/contoh.xlsx"' in (out / "index.html").read_text()
    checked = runner.invoke(main, ["render", str(CONTOH), "--out", str(out), "--format", "dot", "--check"])  # fmt: skip
    assert checked.exit_code == 0, checked.output
    book.write_bytes(book.read_bytes()[:-10])  # a damaged workbook is stale
    stale = runner.invoke(main, ["render", str(CONTOH), "--out", str(out), "--format", "dot", "--check"])  # fmt: skip
    assert stale.exit_code == 1


def test_xlsx_needs_a_file_and_json_may_go_to_one(tmp_path: Path) -> None:
    runner = CliRunner()
    refused = runner.invoke(main, in_english(["export", str(CONTOH), "--format", "xlsx"]))
    assert refused.exit_code == 2 and refused.stdout == ""
    assert "--format xlsx writes a file: give it with --out FILE.xlsx" in refused.stderr
    printed = runner.invoke(main, ["export", str(CONTOH)])
    written = runner.invoke(main, ["export", str(CONTOH), "--out", str(tmp_path / "t.json")])
    assert written.exit_code == 0 and written.stdout == ""
    assert (tmp_path / "t.json").read_text(encoding="utf-8") == printed.stdout
    folder = runner.invoke(main, ["export", str(CONTOH), "--format", "xlsx", "--out", str(tmp_path)])  # fmt: skip
    assert folder.exit_code == 2 and "Traceback" not in folder.output


def test_a_tree_with_errors_writes_no_workbook(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(CONTOH.read_text(encoding="utf-8").replace("id: keg-anak", "id: tujuan"))
    out = tmp_path / "never.xlsx"
    result = CliRunner().invoke(main, ["export", str(broken), "--format", "xlsx", "--out", str(out)])  # fmt: skip
    assert result.exit_code == 1 and not out.exists()
    assert "pohon: tidak diekspor: perbaiki dahulu kesalahan di atas" in result.stderr


def test_mamuju_workbook_is_golden(tmp_path: Path) -> None:
    """Every sheet's setup, merges and cells as text: a change of layout shows as a diff."""
    sheets, names = read_workbook(export(MAMUJU, tmp_path / "mamuju.xlsx"))
    assert list(sheets) == SHEETS_ID + DATA_SHEETS
    assert_golden(dump(sheets, names), GOLDEN / "mamuju.txt")


def test_an_amount_a_spreadsheet_cannot_hold_exactly_stays_its_text() -> None:
    huge = format_budget(Decimal("12345678901234567890"), "id", "Rp")
    assert cell_number(huge) is None  # written as "Rp 12.345.678.901.234.567.890", not rounded
    assert cell_number(format_budget(Decimal("999999999999999"), "id", "Rp")) == 999999999999999
    assert cell_number("WTP") is None and cell_number("–") is None


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=3, allow_nan=False))
def test_a_figure_s_number_and_format_show_what_the_html_shows(value: Decimal) -> None:
    shown = format_figure(Number(value, str(value)), "id", "–")
    assert isinstance(shown, Shown)
    number = cell_number(shown)
    if len(value.normalize().as_tuple().digits) > 15:  # more than a spreadsheet holds exactly
        assert number is None
        return
    assert number is not None and Decimal(str(number)) == value  # exact, through the float
    places = number_format(shown).partition(".")[2]
    assert len(places) == max(0, -value.as_tuple().exponent)  # type: ignore[operator]


@given(st.lists(st.text(min_size=0, max_size=60), min_size=1, max_size=12))
def test_sheet_names_fit_excel_and_never_repeat(titles: list[str]) -> None:
    taken: set[str] = set()
    names = [sheet_name(title, taken) for title in titles]
    assert all(0 < len(name) <= MAX_SHEET_NAME for name in names)
    assert len({name.lower() for name in names}) == len(names)
    assert not any(set(name) & set("[]:*?/\\") for name in names)
    assert not any(name.startswith("'") or name.endswith("'") for name in names)  # Excel refuses


def test_a_merged_statement_gets_the_height_its_lines_need() -> None:
    long = "kata " * 40  # 200 characters: about seven lines in a column 30 wide
    plan = SheetPlan("s", (Cell(0, 0, long, rows=3), Cell(0, 1, "x")), (30.0, 10.0))
    heights = row_heights(plan)
    assert lines_of(long, 30.0) >= 6
    assert sum(heights.get(row, 15.0) for row in range(3)) >= 15 + 13.8 * (lines_of(long, 30) - 1)
    assert set(heights) == {2}  # only the last row of the merge grows
    data = workbook_bytes([plan], "a4")
    sheets, _ = read_workbook(data)
    written = re.search(r'<row r="3" [^>]*ht="([\d.]+)" customHeight="1"', sheets["s"].xml)
    assert written and abs(float(written[1]) - heights[2]) < 0.75  # Excel counts in 0.75 pt


def test_a_statement_beginning_with_equals_is_text_not_a_formula() -> None:
    plan = SheetPlan("s", (Cell(0, 0, '=HYPERLINK("http://x")'),), (10.0,))
    sheets, _ = read_workbook(workbook_bytes([plan], "a4"))
    assert "<f>" not in sheets["s"].xml and sheets["s"].cells[ref(0, 0)].value.startswith("=")


def test_raw_sheets_come_after_the_reports_with_the_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    """The hook `pohon import`'s data sheets use: a writer given the workbook and the tree."""
    import pohon.render.workbook as workbook
    from pohon.render.options import RenderOptions
    from pohon.render.reports import tree_workbook
    from pohon.source.nomenclature.lists import bundled
    from pohon.tree.assemble import load_tree

    def data_sheets(book: object, tree: object) -> None:
        sheet = book.add_worksheet("Pohon")  # type: ignore[attr-defined]
        sheet.write_string(0, 0, tree.meta.opd)  # type: ignore[attr-defined]

    monkeypatch.setattr(workbook, "RAW_SHEETS", [data_sheets])
    tree = load_tree(CONTOH).tree
    assert tree is not None
    book = calamine(tree_workbook(tree, RenderOptions(), bundled()))
    assert book.sheet_names == [*SHEETS_ID, "Pohon"]
    assert book.get_sheet_by_name("Pohon").to_python() == [["Dinas Sosial Kabupaten Contoh"]]


def test_a_text_longer_than_a_cell_holds_is_cut_with_an_ellipsis() -> None:
    plan = SheetPlan("s", (Cell(0, 0, "x" * 40_000), Cell(1, 0, "y" * 32_767)), (10.0,))
    sheets, _ = read_workbook(workbook_bytes([plan], "a4"))
    cut, whole = sheets["s"].cells["A1"].value, sheets["s"].cells["A2"].value
    assert len(cut) == 32_767 and cut.endswith("x…")
    assert whole == "y" * 32_767
