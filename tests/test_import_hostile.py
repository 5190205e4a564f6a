"""`pohon import` of broken and hostile spreadsheets: one line at the cell or file, nothing written."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from click.testing import CliRunner

from conftest import in_english
from pohon.cli import main
from spreadsheet_books import write_tc27

FLAT_HEAD = ["kode", "nama", "indikator", "satuan", "target_2025", "pagu_2025"]


def _import(source: Path, out: Path, *extra: str) -> Any:
    return CliRunner().invoke(main, in_english(["import", str(source), "--out", str(out), *extra]))


def _flat(path: Path, rows: list[list[Any]], head: list[str] = FLAT_HEAD) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Data")
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    for column, title in enumerate(head):
        sheet.write_string(0, column, title)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), dates)
            elif value is not None:
                sheet.write(r, c, value)
    book.close()
    return path


def _refused(result: Any, out: Path, line: str) -> None:
    assert result.exit_code == 1, result.output
    assert line in result.stdout, result.stdout
    assert "pohon: nothing written" in result.stderr
    assert not out.exists()
    assert [p.name for p in out.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_date_where_a_number_belongs_is_an_error_at_its_cell(tmp_path: Path) -> None:
    source = _flat(
        tmp_path / "t.xlsx", [["1.06.02", "PROGRAM A", "Jumlah A", "orang", dt.date(2025, 1, 14)]]
    )
    out = tmp_path / "t.yaml"
    _refused(_import(source, out), out, "t.xlsx:Data!E2: error import-value this cell holds a date")


def test_rupiah_with_a_fraction_in_a_number_cell_is_an_error_at_its_cell(tmp_path: Path) -> None:
    source = _flat(tmp_path / "t.xlsx", [["1.06.02", "PROGRAM A", "Jumlah A", "orang", 5, 1500.25]])
    out = tmp_path / "t.yaml"
    _refused(
        _import(source, out), out, "t.xlsx:Data!F2: error import-value `1500.25` is not a whole"
    )


def test_an_english_grouped_figure_says_how_to_write_it(tmp_path: Path) -> None:
    source = _flat(
        tmp_path / "t.xlsx", [["1.06.02", "PROGRAM A", "Jumlah A", "orang", 5, "11,102,261,200"]]
    )
    out = tmp_path / "t.yaml"
    _refused(_import(source, out), out, "write `11.102.261.200`")


def test_a_second_budget_for_one_node_is_an_error(tmp_path: Path) -> None:
    rows = [
        ["1.06.02", "PROGRAM A", "Jumlah A", "orang", 5, 100],
        ["1.06.02", "PROGRAM A", "Jumlah B", "orang", 6, 200],
    ]
    out = tmp_path / "t.yaml"
    _refused(
        _import(_flat(tmp_path / "t.xlsx", rows), out),
        out,
        "t.xlsx:Data!F3: error import-value a second pagu 2025",
    )


def test_a_glued_unit_unlike_the_satuan_is_a_warning(tmp_path: Path) -> None:
    source = _flat(
        tmp_path / "t.xlsx", [["1.06.02", "PROGRAM A", "Persentase A", "%", "14 Dokumen"]]
    )
    result = _import(source, tmp_path / "t.yaml")
    assert result.exit_code == 0, result.output
    assert (
        "t.xlsx:Data!E2: warning import-unit the figure is written with the unit `Dokumen`"
        in result.stdout
    )


def test_a_column_that_has_no_place_is_named(tmp_path: Path) -> None:
    source = _flat(
        tmp_path / "t.xlsx",
        [["1.06.02", "PROGRAM A", "Jumlah A", "x", 1, 2, "catat"]],
        [*FLAT_HEAD, "Keterangan Lain"],
    )
    result = _import(source, tmp_path / "t.yaml")
    assert result.exit_code == 0, result.output
    assert "t.xlsx:Data!G1: warning import-unplaced the column `Keterangan Lain`" in result.stdout


def test_no_known_header_is_an_error(tmp_path: Path) -> None:
    source = _flat(tmp_path / "t.xlsx", [["a", "b"]], ["apa", "ini"])
    out = tmp_path / "t.yaml"
    _refused(_import(source, out), out, "t.xlsx:Data: error import-layout")


def test_an_existing_tree_is_kept_without_force(tmp_path: Path) -> None:
    source = _flat(tmp_path / "t.xlsx", [["1.06.02", "PROGRAM A", "Jumlah A", "orang", 5]])
    out = tmp_path / "t.yaml"
    out.write_text("mine\n")
    result = _import(source, out)
    assert result.exit_code == 2
    assert "exists: give --force" in result.stderr
    assert out.read_text() == "mine\n"
    assert _import(source, out, "--force").exit_code == 0
    assert 'kode: "1.06.02"' in out.read_text()


def test_the_spreadsheet_itself_is_never_the_output(tmp_path: Path) -> None:
    source = _flat(tmp_path / "t.xlsx", [["1.06.02", "PROGRAM A", "Jumlah A", "orang", 5]])
    before = source.read_bytes()
    result = _import(source, source, "--force")
    assert result.exit_code == 2 and "--out names the spreadsheet itself" in result.stderr
    assert source.read_bytes() == before


def test_a_missing_file_and_a_strange_suffix(tmp_path: Path) -> None:
    result = _import(tmp_path / "nothing.xlsx", tmp_path / "t.yaml")
    assert result.exit_code == 2 and "nothing.xlsx: no such file" in result.stderr
    (tmp_path / "t.txt").write_text("x")
    out = tmp_path / "t.yaml"
    _refused(
        _import(tmp_path / "t.txt", out), out, "t.txt: error import-unreadable pohon imports .xlsx"
    )


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods"])
def test_a_corrupt_file_is_unreadable(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / f"rusak{suffix}"
    source.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 40)
    out = tmp_path / "t.yaml"
    _refused(_import(source, out), out, f"rusak{suffix}: error import-unreadable")


def test_a_truncated_workbook_is_unreadable(tmp_path: Path) -> None:
    whole = write_tc27(tmp_path / "whole.xlsx").read_bytes()
    source = tmp_path / "half.xlsx"
    source.write_bytes(whole[: len(whole) // 2])
    out = tmp_path / "t.yaml"
    _refused(_import(source, out), out, "half.xlsx: error import-unreadable")


def test_a_password_protected_workbook_says_so(tmp_path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = write_tc27(tmp_path / "plain.xlsx")
    source = tmp_path / "locked.xlsx"
    with plain.open("rb") as stream, source.open("wb") as locked:
        OOXMLFile(stream).encrypt("rahasia", locked)
    out = tmp_path / "t.yaml"
    _refused(
        _import(source, out),
        out,
        "locked.xlsx: error import-unreadable the workbook is protected with a password",
    )


def test_a_zip_bomb_is_refused_before_it_is_unzipped(tmp_path: Path) -> None:
    source = write_tc27(tmp_path / "bomb.xlsx")
    with (
        zipfile.ZipFile(source, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/padding.bin", "w") as part,
    ):
        for _ in range(16):
            part.write(bytes(1 << 20))  # 16 MB of zeros: a few kB zipped
    out = tmp_path / "t.yaml"
    _refused(_import(source, out), out, "bomb.xlsx: error import-too-large the workbook unzips to")


@pytest.mark.parametrize("cell", [(999_999, 0), (0, 16_383)])
def test_a_sheet_of_a_million_rows_or_columns_is_refused_unread(
    tmp_path: Path, cell: tuple[int, int]
) -> None:
    source = tmp_path / "besar.xlsx"
    book = xlsxwriter.Workbook(str(source))
    sheet = book.add_worksheet("Data")
    sheet.write(0, 0, "kode")
    sheet.write(*cell, 1)  # two cells: calamine alone would hold the whole range between
    book.close()
    out = tmp_path / "t.yaml"
    _refused(_import(source, out), out, "besar.xlsx: error import-too-large a sheet reaches row")


def test_a_csv_of_a_million_rows_stops_at_the_limit(tmp_path: Path) -> None:
    source = tmp_path / "besar.csv"
    with source.open("w") as stream:
        stream.write("kode;indikator\n")
        stream.write("1.06.02;Jumlah A\n" * 1_000_000)
    out = tmp_path / "t.yaml"
    _refused(_import(source, out), out, "besar.csv:100001: error import-too-large")


def test_hidden_sheets_are_passed_over_and_named(tmp_path: Path) -> None:
    source = tmp_path / "t.xlsx"
    book = xlsxwriter.Workbook(str(source))
    old = book.add_worksheet("Lama")
    old.write(0, 0, "tidak dipakai")
    old.hide()
    sheet = book.add_worksheet("Data")
    for column, title in enumerate(FLAT_HEAD):
        sheet.write_string(0, column, title)
    for column, value in enumerate(["1.06.02", "PROGRAM A", "Jumlah A", "orang", 5]):
        sheet.write(1, column, value)
    sheet.activate()
    book.close()
    result = _import(source, tmp_path / "t.yaml")
    assert result.exit_code == 0, result.output
    assert (
        "t.xlsx:Lama: warning import-unplaced the sheet `Lama` (hidden) was not read"
        in result.stdout
    )
    result = _import(source, tmp_path / "u.yaml", "--sheet", "Nope")
    assert result.exit_code == 1
    assert (
        "t.xlsx: error import-unreadable the workbook has no sheet `Nope`; its sheets: Lama, Data"
        in result.stdout
    )


ODS_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="Data">'
    '<table:table-row><table:table-cell office:value-type="string"><text:p>kode</text:p>'
    "</table:table-cell></table:table-row>"
    '<table:table-row table:number-rows-repeated="{rows}"><table:table-cell '
    'table:number-columns-repeated="{columns}" office:value-type="float" office:value="1">'
    "<text:p>1</text:p></table:table-cell></table:table-row>"
    '<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
    'table:number-columns-repeated="1024"/></table:table-row>'
    "</table:table></office:spreadsheet></office:body></office:document-content>"
)


def _ods(path: Path, rows: int, columns: int) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", ODS_CONTENT.format(rows=rows, columns=columns))
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
            '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
            'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
    return path


@pytest.mark.parametrize(("rows", "columns"), [(2_000_000, 1), (1, 5_000)])
def test_an_ods_repeating_a_filled_row_or_cell_past_the_limits_is_refused(
    tmp_path: Path, rows: int, columns: int
) -> None:
    source = _ods(tmp_path / "ulang.ods", rows, columns)
    out = tmp_path / "t.yaml"
    _refused(_import(source, out), out, "ulang.ods: error import-too-large a sheet reaches row")


def test_an_ods_with_the_usual_empty_filler_rows_is_read(tmp_path: Path) -> None:
    result = _import(_ods(tmp_path / "biasa.ods", 1, 1), tmp_path / "t.yaml", "--layout", "flat")
    assert "import-too-large" not in result.stdout  # the 1,048,000 empty rows count for nothing
    assert "biasa.ods:Data: error import-layout" in result.stdout  # `kode` alone is no header


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice to write an .xls")
def test_an_xls_whose_used_range_passes_the_limits_is_refused_unread(tmp_path: Path) -> None:
    wide = tmp_path / "lebar.xlsx"
    book = xlsxwriter.Workbook(str(wide))
    sheet = book.add_worksheet("Data")
    sheet.write(0, 0, "kode")
    sheet.write(65_535, 255, 1)  # calamine would hold 16.7 million cells: a gigabyte
    book.close()
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xls", "--outdir", str(tmp_path), str(wide)],
        check=True,
        capture_output=True,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    out = tmp_path / "t.yaml"
    _refused(
        _import(tmp_path / "lebar.xls", out),
        out,
        "lebar.xls: error import-too-large a sheet reaches row 65,536",
    )
