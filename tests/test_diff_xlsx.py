"""`pohon diff --format xlsx`: the Matriks Perubahan as a sheet, read back as a spreadsheet reads it.

Values and merged ranges with python-calamine (another library than the writer); number
formats, the frozen pane, the filter and the print setup from the sheet's XML (xlsx_read).
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from conftest import ROOT, assert_golden
from pohon.cli import main
from pohon.render.workbook.book import cell_number, number_format
from pohon.render.workbook.cells import Difference
from xlsx_read import dump, read_workbook

FIXTURES = Path("tests/fixtures/diff")
BEFORE, AFTER = str(FIXTURES / "before.yaml"), str(FIXTURES / "after.yaml")
GOLDEN = ROOT / "tests" / "golden" / "diff"
SHEET = "Matriks Perubahan"


@pytest.fixture(autouse=True)
def _in_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the fixtures are named as a user in the repository names them


def run(*args: str) -> Any:
    return CliRunner().invoke(main, ["diff", *args])


def written(out: Path, *args: str) -> bytes:
    result = run(BEFORE, AFTER, "--format", "xlsx", "--out", str(out), *args)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    return out.read_bytes()


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    mp = pytest.MonkeyPatch()
    mp.chdir(ROOT)
    try:
        return written(tmp_path_factory.mktemp("diffxlsx") / "matriks.xlsx")
    finally:
        mp.undo()


def rows(data: bytes, sheet: str = SHEET) -> list[list[Any]]:
    found = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name(sheet)
    return [list(row) for row in found.to_python()]


def test_the_sheet_has_the_html_matrix_s_heads_merged_over_each_year(book: bytes) -> None:
    table = rows(book)
    assert table[0][0] == "Matriks Perubahan"
    assert table[3][:7] == [
        "Tingkat",
        "Kode",
        "Uraian",
        "Perubahan",
        "Indikator Sebelum",
        "Indikator Sesudah",
        "Satuan",
    ]
    assert [table[3][7], table[3][13], table[3][19]] == ["2024", "2025", "2026"]
    assert table[3][25:] == ["Alasan", "Dasar", "Berlaku Mulai"]
    assert table[4][7:13] == ["Target", "", "", "Pagu", "", ""]
    assert table[5][7:13] == [
        "Sebelum",
        "Sesudah",
        "Bertambah/(Berkurang)",
        "Sebelum",
        "Sesudah",
        "Selisih",
    ]
    sheets, _ = read_workbook(book)
    merges = sheets[SHEET].merges
    assert {"H4:M4", "N4:S4", "T4:Y4", "H5:J5", "K5:M5", "A4:A6", "AB4:AB6"} <= set(merges)


def test_targets_and_rupiah_are_numbers_a_decrease_shown_in_brackets(book: bytes) -> None:
    table = rows(book)
    kegiatan = next(row for row in table if row[1] == "1.06.04.2.01" and "pagu" in row[3])
    assert kegiatan[16:19] == [175_000_000, 160_000_000, -15_000_000]  # pagu 2025, exact
    sub = next(row for row in table if row[1] == "1.06.04.2.01.0001")
    assert sub[13:16] == [120, 105, -15]  # target 2025: before, after, (decrease)
    cells = read_workbook(book)[0][SHEET].cells
    pagu = {ref: cells[ref] for ref in ("Q11", "R11", "S11")}
    assert [c.number for c in pagu.values()] == [True, True, True]
    assert [c.format for c in pagu.values()] == [
        '"Rp "#,##0',
        '"Rp "#,##0',
        '"Rp "#,##0;("Rp "#,##0)',
    ]
    assert cells["S11"].value == "-15000000"
    assert (cells["P14"].value, cells["P14"].format) == ("-15", "#,##0;(#,##0)")
    assert (cells["O8"].value, cells["O8"].number) == ("–", False)  # a removed target: its dash


def test_the_recorded_reason_basis_and_year_sit_beside_the_change(book: bytes) -> None:
    replaced = next(row for row in rows(book) if row[3] == "diganti")
    assert replaced[4:7] == [
        "Jumlah PSKS yang aktif",
        "Persentase PSKS yang aktif dalam penanganan PPKS",
        "lembaga → %",
    ]
    assert replaced[25:] == [
        "Jumlah tidak menunjukkan cakupan; diganti persentase",
        "Perbup Contoh No. 12 Tahun 2025",
        "2025",
    ]


def test_heads_are_frozen_filtered_and_printed_on_every_a4_landscape_page(book: bytes) -> None:
    sheets, names = read_workbook(book)
    sheet = sheets[SHEET]
    assert sheet.attributes("pane") == {
        "xSplit": "3",
        "ySplit": "6",
        "topLeftCell": "D7",
        "activePane": "bottomRight",
        "state": "frozen",
    }
    assert sheet.attributes("autoFilter") == {"ref": "A6:AB16"}
    assert names["_xlnm.Print_Titles:0"] == "'Matriks Perubahan'!$4:$6"
    setup = sheet.attributes("pageSetup")
    assert setup["paperSize"] == "9" and setup["orientation"] == "landscape"
    assert "fitToWidth" not in setup and setup["fitToHeight"] == "0"  # one page wide
    assert sheet.attributes("pageSetUpPr") == {"fitToPage": "1"}


def test_the_matrix_sheet_is_golden(book: bytes) -> None:
    assert_golden(dump(*read_workbook(book)), GOLDEN / "matriks-perubahan.xlsx.txt")


def test_the_same_bytes_on_every_run(tmp_path: Path, book: bytes) -> None:
    assert written(tmp_path / "again.xlsx") == book


def test_the_heads_speak_the_run_s_language(tmp_path: Path) -> None:
    english = written(tmp_path / "en.xlsx", "--lang", "en")
    table = rows(english, "Matrix of Changes (Matriks")  # cut at a word to 31 characters
    assert table[3][:3] == ["Level", "Code", "Description"]
    assert table[5][9] == "Increase/(Decrease)"


def test_no_change_is_a_sheet_saying_so(tmp_path: Path) -> None:
    out = tmp_path / "same.xlsx"
    result = run(BEFORE, BEFORE, "--format", "xlsx", "--out", str(out))
    assert result.exit_code == 0, result.output
    table = rows(out.read_bytes())
    assert table[3][0] == "Tidak ada perubahan."
    assert read_workbook(out.read_bytes())[0][SHEET].attributes("pane") == {}


def test_xlsx_needs_a_file_and_never_goes_to_the_terminal(tmp_path: Path) -> None:
    refused = run(BEFORE, AFTER, "--format", "xlsx", "--lang", "en")
    assert refused.exit_code == 2 and refused.stdout == ""
    assert "--format xlsx writes a file: give it with --out FILE.xlsx" in refused.stderr
    folder = run(BEFORE, AFTER, "--format", "xlsx", "--out", str(tmp_path))
    assert folder.exit_code == 2 and "Traceback" not in folder.output
    assert list(tmp_path.iterdir()) == []  # nothing staged is left behind


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False))
def test_a_difference_is_its_signed_number_a_decrease_in_brackets(value: Decimal) -> None:
    shown = Difference(str(value), value, 2, "Rp ")
    assert number_format(shown) == '"Rp "#,##0.00;("Rp "#,##0.00)'
    number = cell_number(shown)
    assert number is not None and Decimal(str(number)) == value
