"""`pohon import` of a 10,000-row T-C.27, and how fast hostile spreadsheets are refused.

.venv/bin/python benchmarks/import_bench.py     # or as part of benchmarks/run.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from measure import POHON, measure, row  # noqa: E402

from spreadsheet_books import tc27_header  # noqa: E402


def write_big_tc27(path: Path, programs: int = 20, activities: int = 20, subs: int = 12) -> int:
    """A T-C.27 of one tujuan, one sasaran per program and every node's rows: its row count."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": False})
    sheet = book.add_worksheet("T-C.27")
    money = book.add_format({"num_format": "#,##0"})
    r = tc27_header(book, sheet)
    first = r
    sheet.write(r, 0, "Meningkatnya kesejahteraan sosial")
    sheet.write(r, 4, "Indeks Kesejahteraan Sosial")
    sheet.write(r, 6, "0,66")
    r += 1
    for p in range(1, programs + 1):
        sheet.write(r, 1, f"Meningkatnya layanan sosial bidang {p}")
        sheet.write(r, 4, f"Persentase layanan bidang {p}")
        sheet.write(r, 6, "80%")
        r += 1
        sheet.merge_range(r, 2, r + 1, 2, f"1.06.{p:02}")
        sheet.merge_range(r, 3, r + 1, 3, f"PROGRAM LAYANAN SOSIAL {p}")
        sheet.write(r, 4, f"Persentase PMKS tertangani bidang {p}")
        sheet.write(r + 1, 4, f"Jumlah PMKS tertangani bidang {p}")
        sheet.write(r, 6, "75,5")
        sheet.write(r + 1, 6, "1.200 Orang")
        sheet.merge_range(r, 7, r + 1, 7, activities * subs * 1_000_000, money)
        r += 2
        for k in range(1, activities + 1):
            sheet.write(r, 2, f"1.06.{p:02}.2.{k:02}")
            sheet.write(r, 3, f"Kegiatan {p}.{k}")
            sheet.write(r, 4, f"Jumlah layanan kegiatan {p}.{k}")
            sheet.write(r, 6, 10)
            sheet.write(r, 7, subs * 1_000_000, money)
            r += 1
            for s in range(1, subs + 1):
                code = f"1.06.{p:02}.2.{k:02}.{s:04}"
                sheet.merge_range(r, 2, r + 1, 2, code)
                sheet.merge_range(r, 3, r + 1, 3, f"Sub kegiatan {p}.{k}.{s}")
                sheet.write(r, 4, f"Jumlah dokumen {p}.{k}.{s}")
                sheet.write(r + 1, 4, f"Jumlah peserta {p}.{k}.{s}")
                for year in range(5):
                    sheet.write(r, 6 + 2 * year, f"{year + 1} Dokumen")
                    sheet.write(r + 1, 6 + 2 * year, 100 + year)
                sheet.merge_range(r, 7, r + 1, 7, "Rp 1.000.000")
                r += 2
    book.close()
    return r - first


def bench_import(work: Path, found: dict[str, float] | None = None) -> list[str]:
    source = work / "renstra-10k.xlsx"
    rows = write_big_tc27(source)
    lines = [
        "## import",
        "",
        row("case", "rows", "MB", "seconds", "CPU s", "rows/s", "peak MB", "exit"),
        row(*["---"] * 8),
    ]
    out = work / "renstra-10k.yaml"
    run = measure([POHON, "import", str(source), "--out", str(out), "--force"], repeat=3)
    size = source.stat().st_size / 2**20
    if found is not None:
        found["import"] = run.seconds
    lines.append(row("T-C.27, then validated", f"{rows:,}", f"{size:.1f}", f"{run.seconds:.2f}",
                     f"{run.cpu:.2f}", f"{rows / run.seconds:,.0f}", f"{run.peak_mb:.0f}", run.code))  # fmt: skip
    check = measure([POHON, "validate", str(out)], repeat=3)
    lines.append(row("… of which: validate the written tree alone", "", "", f"{check.seconds:.2f}",
                     f"{check.cpu:.2f}", "", f"{check.peak_mb:.0f}", check.code))  # fmt: skip
    huge = work / "million.csv"
    with huge.open("w") as stream:
        stream.write("kode;indikator\n" + "1.06.02;Jumlah A\n" * 1_000_000)
    run = measure([POHON, "import", str(huge), "--out", str(work / "m.yaml")])
    lines.append(row("CSV of 1,000,000 rows (refused)", "1,000,001", f"{huge.stat().st_size / 2**20:.1f}",
                     f"{run.seconds:.2f}", f"{run.cpu:.2f}", "", f"{run.peak_mb:.0f}", run.code))  # fmt: skip
    two = work / "two-cells.xlsx"
    book = xlsxwriter.Workbook(str(two))
    sheet = book.add_worksheet("Data")
    sheet.write(0, 0, "kode")
    sheet.write(1_048_575, 16_383, 1)
    book.close()
    run = measure([POHON, "import", str(two), "--out", str(work / "t.yaml")])
    lines.append(row("xlsx with A1 and XFD1048576 (refused)", "1,048,576", "0.0",
                     f"{run.seconds:.2f}", f"{run.cpu:.2f}", "", f"{run.peak_mb:.0f}", run.code))  # fmt: skip
    return lines


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as temporary:
        print("\n".join(bench_import(Path(temporary))))
