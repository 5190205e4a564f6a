"""Spreadsheets as offices make them, built with XlsxWriter for the import tests and the benchmark."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import xlsxwriter

TITLE = "RENCANA PROGRAM, KEGIATAN, DAN PENDANAAN DINAS SOSIAL KABUPATEN MAMUJU"
YEARS = (2025, 2026, 2027, 2028, 2029)
HEAD = (
    "Tujuan",
    "Sasaran",
    "Kode",
    "Program dan Kegiatan",
    "Indikator Kinerja Tujuan, Sasaran,\nProgram (outcome) dan Kegiatan (output)",
    "Data Capaian pada Tahun Awal Perencanaan",
)


def tc27_header(book: Any, sheet: Any, *, relative: bool = False) -> int:
    """Title rows, a three-row header with merged years over Target | Rp, a row of (1)…(20)."""
    bold = book.add_format(
        {"bold": True, "align": "center", "valign": "vcenter", "text_wrap": True, "border": 1}
    )
    sheet.merge_range("A1:T1", TITLE, bold)
    sheet.merge_range("A2:T2", "TAHUN 2025-2029", bold)
    for column, title in enumerate(HEAD):
        sheet.merge_range(3, column, 5, column, title, bold)
    sheet.merge_range(3, 6, 3, 15, "Target Kinerja Program dan Kerangka Pendanaan", bold)
    for index, year in enumerate(YEARS):
        label = f"Tahun-{index + 1}" if relative else f"Tahun {year}"
        sheet.merge_range(4, 6 + 2 * index, 4, 7 + 2 * index, label, bold)
        sheet.write(5, 6 + 2 * index, "Target", bold)
        sheet.write(5, 7 + 2 * index, "Rp", bold)
    sheet.merge_range(
        3, 16, 4, 17, "Kondisi Kinerja pada akhir\nperiode Renstra Perangkat Daerah", bold
    )
    sheet.write(5, 16, "Target", bold)
    sheet.write(5, 17, "Rp", bold)
    sheet.merge_range(3, 18, 5, 18, "Unit Kerja Perangkat Daerah Penanggung Jawab", bold)
    sheet.merge_range(3, 19, 5, 19, "Lokasi", bold)
    for column in range(20):
        sheet.write(6, column, f"({column + 1})", bold)
    return 7


def write_tc27(path: Path, *, relative: bool = False) -> Path:
    """A small T-C.27 with every form offices use: see tests/test_import_tc27.py for what it holds."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("T-C.27")
    money = book.add_format({"num_format": "#,##0"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    first = tc27_header(book, sheet, relative=relative)
    r = first  # row 8 in the sheet
    sheet.merge_range(r, 0, r + 6, 0, "Meningkatnya kesejahteraan sosial penduduk miskin", wrap)
    sheet.write(r, 4, "Indeks Kesejahteraan Sosial")
    sheet.write(r, 5, 0.65)
    for i, target in enumerate((0.66, 0.67, 0.68, 0.69, 0.7)):
        sheet.write(r, 6 + 2 * i, target)
    sheet.write(r, 16, 0.7)
    sheet.merge_range(r + 1, 1, r + 6, 1, "Meningkatnya penanganan PMKS", wrap)
    sheet.write(r + 1, 4, "Persentase PMKS tertangani")
    sheet.write(r + 1, 5, "19,21%")
    sheet.write(r + 1, 6, "20%")
    sheet.write(r + 1, 8, "21,5%")
    # the program: code and name merged over its two indicator rows, its budget once
    sheet.merge_range(r + 2, 2, r + 3, 2, "1.06.04", wrap)
    sheet.merge_range(r + 2, 3, r + 3, 3, "PROGRAM REHABILITASI SOSIAL", wrap)
    sheet.write(r + 2, 4, "Persentase PMKS yang direhabilitasi")
    sheet.write(r + 3, 4, "Jumlah PMKS yang direhabilitasi")
    sheet.write(r + 2, 6, 55)
    sheet.write(r + 3, 6, "120 Orang")
    sheet.merge_range(r + 2, 7, r + 3, 7, 11_080_481_999, money)
    sheet.write(r + 2, 9, "Rp 1.600.000.000")
    # 2027 (columns K, L) is left empty: no target that year
    sheet.merge_range(r + 2, 18, r + 3, 18, "Bidang Rehabilitasi Sosial", wrap)
    # the kegiatan repeats its sub kegiatan's indicator
    sheet.write(r + 4, 2, "1.06.04.2.01")
    sheet.write(r + 4, 3, "Rehabilitasi Sosial Dasar Anak Terlantar")
    sheet.write(r + 4, 4, "Jumlah anak terlantar yang direhabilitasi")
    sheet.write(r + 4, 6, "14 Orang")
    sheet.write(r + 4, 7, "11.080.481.999")
    sheet.write(r + 5, 2, "1.06.04.2.01.0001")
    sheet.write(r + 5, 3, "Penyediaan Permakanan")
    sheet.write(r + 5, 4, "Jumlah anak terlantar yang direhabilitasi")
    sheet.write(r + 5, 6, "14 Orang")
    sheet.write(r + 5, 7, 10_580_481_999, money)
    # two indicators in one cell, one target a line; a text target
    sheet.write(r + 6, 2, "1.06.04.2.01.0002")
    sheet.write(r + 6, 3, "Penyediaan Alat Bantu")
    sheet.write(r + 6, 4, "Jumlah dokumen\nOpini laporan keuangan", wrap)
    sheet.write(r + 6, 6, "2 Dokumen\nWTP", wrap)
    sheet.write_formula(r + 6, 7, "=H13-H14", money, 500_000_000)
    sheet.write(r + 7, 0, "Jumlah")
    sheet.write_formula(r + 7, 7, f"=H{r + 3}", money, 11_080_481_999)
    book.close()
    return path
