"""`pohon import` of pohon's own data sheets and of a flat CSV: the tree comes back exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from python_calamine import CalamineWorkbook

from conftest import MAMUJU
from pohon.cli import main
from pohon.render.data_sheets import data_workbook
from pohon.render.tree_table import tree_table
from pohon.tree.assemble import load_tree


def _export(path: Path) -> dict[str, object]:
    result = CliRunner().invoke(main, ["export", str(path)])
    assert result.exit_code == 0, result.stderr
    exported = json.loads(result.stdout)
    del exported["source"]  # the file it was read from
    return exported


def _mamuju():  # type: ignore[no-untyped-def]
    tree = load_tree(MAMUJU).tree
    assert tree is not None
    return tree


def test_the_mamuju_tree_survives_its_data_sheets(tmp_path: Path) -> None:
    book = tmp_path / "mamuju.xlsx"
    book.write_bytes(data_workbook(_mamuju()))
    out = tmp_path / "kembali.yaml"
    result = CliRunner().invoke(main, ["import", str(book), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "tata letak pohon" in result.stderr  # Indonesian by default
    assert _export(out) == _export(MAMUJU)
    # the same findings as the original, at the new file's lines
    again = CliRunner().invoke(main, ["validate", str(out)])
    original = CliRunner().invoke(main, ["validate", str(MAMUJU)])
    shape = lambda text: sorted(line.split(": ", 1)[1] for line in text.splitlines())  # noqa: E731
    assert shape(again.stdout) == shape(original.stdout)


def test_the_data_sheets_are_the_same_bytes_every_time() -> None:
    assert data_workbook(_mamuju()) == data_workbook(_mamuju())


def test_the_data_sheets_hold_numbers_as_numbers(tmp_path: Path) -> None:
    book = tmp_path / "mamuju.xlsx"
    book.write_bytes(data_workbook(_mamuju()))
    workbook = CalamineWorkbook.from_path(str(book))
    assert workbook.sheet_names == ["Meta", "Jabatan", "Pohon"]
    rows = workbook.get_sheet_by_name("Pohon").to_python()
    header = rows[0]
    assert header[:3] == ["id", "induk", "tingkat"]
    table = tree_table(_mamuju())
    assert len(rows) == 1 + len(table.rows)
    meta = {row[0]: row[1] for row in workbook.get_sheet_by_name("Meta").to_python()}
    assert meta["opd"] == "Dinas Sosial Kabupaten Mamuju"
    assert meta["periode_awal"] == 2021.0  # a number cell, read back as calamine's float


def test_figures_and_rupiah_of_every_form_come_back(tmp_path: Path) -> None:
    tree_file = tmp_path / "t.yaml"
    tree_file.write_text(
        "format: pohon/1\nmeta: {pemda: Kabupaten A, opd: Dinas B, periode: {awal: 2025, akhir: 2026}}\n"
        "simpul:\n"
        "  - id: p\n    tingkat: program\n    kode: '1.06.02'\n    nama: PROGRAM A\n"
        "    pagu: {2025: '1.500.000,50', 2026: '9.007.199.254.740.993'}\n"
        "    indikator:\n"
        "      - nama: Persentase A\n        satuan: '%'\n        baseline: '85,0'\n"
        "        target: {2025: '19,21', 2026: WTP, akhir: '0,125'}\n        realisasi: {2025: 20}\n"
        "        tag: [IKU, SPM]\n        polaritas: turun\n",
        encoding="utf-8",
    )
    tree = load_tree(tree_file).tree
    assert tree is not None
    book = tmp_path / "t.xlsx"
    book.write_bytes(data_workbook(tree))
    rows = CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Pohon").to_python()
    pagu = rows[1][rows[0].index("pagu_2025") :][:2]
    assert pagu == ["1500000,50", "9007199254740993"]  # no spreadsheet number holds these exactly
    out = tmp_path / "back.yaml"
    result = CliRunner().invoke(main, ["import", str(book), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert _export(out) == _export(tree_file)
    exported = _export(out)
    indicator = exported["nodes"][0]["indicators"][0]  # type: ignore[index]
    assert indicator["baseline"] == 85.0 and "85,0" in out.read_text()


FLAT = (
    "Rencana Kinerja Dinas Sosial Kabupaten Mamuju Tahun 2025-2026;;;;;;;;;;;\n"
    "kode;tingkat;nama;sasaran;indikator;satuan;kondisi_awal;target 2025;target 2026;"
    "pagu 2025;pagu 2026;jabatan\n"
    ";tujuan_opd;;Meningkatnya kesejahteraan sosial;Indeks Kesejahteraan Sosial;indeks;0,65;"
    "0,66;0,67;;;Kepala Dinas\n"
    ";sasaran_strategis;;Meningkatnya penanganan PMKS;Persentase PMKS tertangani;%;19,21%;20;"
    "21;;;Kepala Dinas\n"
    "1.06.04;;PROGRAM REHABILITASI SOSIAL;Meningkatnya rehabilitasi sosial;Persentase PMKS yang "
    "direhabilitasi;%;50;55;60;Rp 1.500.000.000;1.600.000.000;Kepala Bidang Rehabilitasi Sosial\n"
    "1.06.04.02.01;;Rehabilitasi Sosial Dasar;Meningkatnya rehabilitasi dasar;Jumlah dokumen;"
    "Dokumen;10;14 Dokumen;;1.500.000.000;;\n"
    "1.06.04.2.01.01;;Penyediaan Permakanan;Tersedianya permakanan;Opini;;;WTP;BB;1.500.000.000;;\n"
)


def test_a_flat_csv_with_semicolons_imports_and_round_trips(tmp_path: Path) -> None:
    source = tmp_path / "tabel.csv"
    source.write_text(FLAT, encoding="utf-8-sig")  # Excel's "CSV UTF-8" starts with a BOM
    out = tmp_path / "pohon.yaml"
    result = CliRunner().invoke(main, ["import", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "tata letak flat" in result.stderr
    exported = _export(out)
    program = exported["nodes"][0]["children"][0]["children"][0]  # type: ignore[index]
    assert program["id"] == "prog-1.06.04"
    assert program["budget"] == {"2025": 1500000000, "2026": 1600000000}
    kegiatan = program["children"][0]
    assert kegiatan["code"] == "1.06.04.2.01"  # the padded form read as the list writes it
    assert kegiatan["indicators"][0]["targets"] == {"2025": 14}
    assert kegiatan["indicators"][0]["unit"] == "Dokumen"
    sub = kegiatan["children"][0]
    assert sub["code"] == "1.06.04.2.01.0001"
    assert sub["indicators"][0]["targets"] == {"2025": "WTP", "2026": "BB"}
    assert exported["meta"]["opd"] == "Dinas Sosial Kabupaten Mamuju"  # type: ignore[index]
    assert exported["meta"]["period"] == {"start": 2025, "end": 2026}  # type: ignore[index]
    assert exported["positions"]["kepala-dinas"]["title"] == "Kepala Dinas"  # type: ignore[index]
    # and back: the imported tree's data sheets give the same tree again
    tree = load_tree(out).tree
    assert tree is not None
    book = tmp_path / "again.xlsx"
    book.write_bytes(data_workbook(tree))
    import zipfile

    with zipfile.ZipFile(book) as archive:  # the rupiah as numbers with a thousands format
        assert 'formatCode="#,##0"' in archive.read("xl/styles.xml").decode()
    again = tmp_path / "again.yaml"
    assert CliRunner().invoke(main, ["import", str(book), "--out", str(again)]).exit_code == 0
    assert _export(again) == exported


@pytest.mark.parametrize("layout", ["flat", None])
def test_the_flat_layout_reads_an_xlsx_too(tmp_path: Path, layout: str | None) -> None:
    import xlsxwriter

    source = tmp_path / "tabel.xlsx"
    book = xlsxwriter.Workbook(str(source))
    sheet = book.add_worksheet("Data")
    for row, line in enumerate(FLAT.splitlines()):
        for column, value in enumerate(line.split(";")):
            if value:
                sheet.write_string(row, column, value)
    sheet.write_number(4, 9, 1_500_000_000, book.add_format({"num_format": "#,##0"}))
    book.close()
    out = tmp_path / "pohon.yaml"
    args = ["import", str(source), "--out", str(out)] + (["--layout", layout] if layout else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    program = _export(out)["nodes"][0]["children"][0]["children"][0]  # type: ignore[index]
    assert program["budget"]["2025"] == 1500000000


def test_the_data_sheets_have_a_frozen_header_filters_and_print_setup(tmp_path: Path) -> None:
    import zipfile

    book = tmp_path / "mamuju.xlsx"
    book.write_bytes(data_workbook(_mamuju()))
    with zipfile.ZipFile(book) as archive:
        pohon = archive.read("xl/worksheets/sheet3.xml").decode()
        names = archive.read("xl/workbook.xml").decode()
    assert '<sheet name="Pohon"' in names and "_xlnm.Print_Titles" in names
    assert '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' in pohon
    rows = len(tree_table(_mamuju()).rows)
    assert '<autoFilter ref="A1:' in pohon and f'{rows + 1}"/>' in pohon
    assert 'orientation="landscape"' in pohon and 'paperSize="9"' in pohon


def test_a_cell_formatted_as_a_percentage_reads_as_the_figure_it_shows(tmp_path: Path) -> None:
    """`19,21%` typed into Excel is kept as 0.1921 with a percentage format: read as 19.21 %."""
    import xlsxwriter

    source = tmp_path / "persen.xlsx"
    book = xlsxwriter.Workbook(str(source))
    sheet = book.add_worksheet("Data")
    percent = book.add_format({"num_format": "0.00%"})
    whole = book.add_format({"num_format": "0%"})
    for column, title in enumerate(
        ["kode", "nama", "indikator", "kondisi_awal", "target_2025", "target_2026"]
    ):
        sheet.write_string(0, column, title)
    for column, value in enumerate(["1.06.02", "PROGRAM A", "Persentase A"]):
        sheet.write_string(1, column, value)
    sheet.write_number(1, 3, 0.1921, percent)
    sheet.write_number(1, 4, 0.2, whole)
    sheet.write_number(1, 5, 21.5)  # no format: the number as typed
    book.close()
    out = tmp_path / "pohon.yaml"
    result = CliRunner().invoke(main, ["import", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    indicator = _export(out)["nodes"][0]["indicators"][0]  # type: ignore[index]
    assert indicator["unit"] == "%"
    assert indicator["baseline"] == 19.21
    assert indicator["targets"] == {"2025": 20, "2026": 21.5}
