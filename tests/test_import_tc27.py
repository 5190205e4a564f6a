"""`pohon import` of a Renstra T-C.27 as planning offices fill it (tests/spreadsheet_books.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import in_english
from pohon.cli import main
from spreadsheet_books import write_tc27


def _import(source: Path, out: Path, *extra: str) -> Any:
    return CliRunner().invoke(main, in_english(["import", str(source), "--out", str(out), *extra]))


def _nodes(out: Path) -> dict[str, dict[str, Any]]:
    result = CliRunner().invoke(main, ["export", str(out)])
    assert result.exit_code == 0, result.stderr
    found: dict[str, dict[str, Any]] = {}
    stack = json.loads(result.stdout)["nodes"]
    while stack:
        node = stack.pop()
        found[node["id"]] = node
        stack.extend(node["children"])
    return found


@pytest.fixture(scope="module")
def renstra(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tc27(tmp_path_factory.mktemp("tc27") / "renstra.xlsx")


def test_a_tc27_imports_into_a_tree_that_validates(renstra: Path, tmp_path: Path) -> None:
    out = tmp_path / "pohon.yaml"
    result = _import(renstra, out)
    assert result.exit_code == 0, result.output
    assert "layout tc27" in result.stderr
    assert " error " not in result.stdout
    nodes = _nodes(out)
    assert set(nodes) == {
        "tujuan-meningkatnya-kesejahteraan-sosial-penduduk",
        "ss-meningkatnya-penanganan-pmks",
        "prog-1.06.04",
        "keg-1.06.04.2.01",
        "subkeg-1.06.04.2.01.0001",
        "subkeg-1.06.04.2.01.0002",
    }
    tujuan = nodes["tujuan-meningkatnya-kesejahteraan-sosial-penduduk"]
    assert tujuan["level"] == "tujuan_opd"
    assert tujuan["indicators"][0]["baseline"] == 0.65
    assert tujuan["indicators"][0]["targets"]["akhir"] == 0.7
    sasaran = nodes["ss-meningkatnya-penanganan-pmks"]
    assert [c["id"] for c in sasaran["children"]] == ["prog-1.06.04"]
    assert sasaran["indicators"][0]["unit"] == "%"  # glued on: `19,21%`
    assert sasaran["indicators"][0]["baseline"] == 19.21
    assert sasaran["indicators"][0]["targets"] == {"2025": 20, "2026": 21.5}


def test_merged_node_cells_give_one_node_with_its_indicators_and_one_budget(
    renstra: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pohon.yaml"
    assert _import(renstra, out).exit_code == 0
    program = _nodes(out)["prog-1.06.04"]
    assert program["name"] == "PROGRAM REHABILITASI SOSIAL" and program["statement"] is None
    assert [i["name"] for i in program["indicators"]] == [
        "Persentase PMKS yang direhabilitasi",
        "Jumlah PMKS yang direhabilitasi",
    ]
    assert program["indicators"][1]["unit"] == "Orang"  # `120 Orang`
    assert program["indicators"][1]["targets"] == {"2025": 120}  # 2026 and on: empty, no target
    # a number with a thousands format, merged over two rows; `Rp 1.600.000.000` as text
    assert program["budget"] == {"2025": 11080481999, "2026": 1600000000}
    assert program["position"] == "bidang-rehabilitasi-sosial"


def test_the_kegiatan_repeating_its_sub_kegiatan_indicator_is_said(
    renstra: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pohon.yaml"
    result = _import(renstra, out)
    nodes = _nodes(out)
    assert nodes["keg-1.06.04.2.01"]["indicators"] == []
    assert nodes["keg-1.06.04.2.01"]["budget"] == {"2025": 11080481999}
    assert "renstra.xlsx:T-C.27!E12: info import-unplaced the kegiatan" in result.stdout
    assert nodes["subkeg-1.06.04.2.01.0001"]["indicators"][0]["targets"] == {"2025": 14}


def test_two_indicators_in_one_cell_and_a_formula_s_cached_value(
    renstra: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pohon.yaml"
    assert _import(renstra, out).exit_code == 0
    sub = _nodes(out)["subkeg-1.06.04.2.01.0002"]
    assert [(i["name"], i["unit"], i["targets"]) for i in sub["indicators"]] == [
        ("Jumlah dokumen", "Dokumen", {"2025": 2}),
        ("Opini laporan keuangan", None, {"2025": "WTP"}),
    ]
    assert sub["budget"] == {"2025": 500000000}  # `=H13-H14`, never evaluated: its cached value


def test_meta_comes_from_the_title_rows_and_what_is_left_is_named(
    renstra: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pohon.yaml"
    result = _import(renstra, out)
    text = out.read_text()
    assert "  pemda: Kabupaten Mamuju\n  opd: Dinas Sosial Kabupaten Mamuju\n" in text
    assert "  periode:\n    awal: 2025\n    akhir: 2029\n" in text
    assert "renstra.xlsx:T-C.27!R6: warning import-unplaced" in result.stdout
    assert "renstra.xlsx:T-C.27!15: warning import-unplaced a total row" in result.stdout


def test_years_written_tahun_n_count_from_the_title_period(tmp_path: Path) -> None:
    source = write_tc27(tmp_path / "relatif.xlsx", relative=True)
    out = tmp_path / "pohon.yaml"
    assert _import(source, out, "--layout", "tc27").exit_code == 0
    program = _nodes(out)["prog-1.06.04"]
    assert program["budget"] == {"2025": 11080481999, "2026": 1600000000}


def test_the_same_import_gives_the_same_bytes(renstra: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert _import(renstra, first).exit_code == 0
    assert _import(renstra, second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice to write .ods/.xls")
@pytest.mark.parametrize("kind", ["ods", "xls"])
def test_the_same_table_as_ods_and_xls_gives_the_same_tree(
    renstra: Path, tmp_path: Path, kind: str
) -> None:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", kind, "--outdir", str(tmp_path), str(renstra)],
        check=True,
        capture_output=True,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    converted = tmp_path / f"renstra.{kind}"
    from_xlsx, from_other = tmp_path / "a.yaml", tmp_path / "b.yaml"
    assert _import(renstra, from_xlsx).exit_code == 0
    assert _import(converted, from_other).exit_code == 0
    assert from_other.read_text().splitlines()[1:] == from_xlsx.read_text().splitlines()[1:]


def test_a_code_split_over_columns_and_urusan_headings(tmp_path: Path) -> None:
    """`1 | 06 | 04 | 2.01 | 0001` under one merged `Kode`, parts typed as numbers; `1.06` a heading."""
    import xlsxwriter

    source = tmp_path / "pecah.xlsx"
    book = xlsxwriter.Workbook(str(source))
    sheet = book.add_worksheet("Renstra")
    sheet.write(0, 0, "Rencana Program, Kegiatan dan Pendanaan Dinas Sosial Kota Palu 2025 - 2026")
    sheet.merge_range(2, 0, 2, 4, "Kode")
    head = ["Program/Kegiatan", "Indikator Kinerja", "Tahun 2025", "", "Tahun 2026", ""]
    for column, title in enumerate(head, start=5):
        if title:
            sheet.merge_range(2, column, 2, column + 1, title) if title.startswith(
                "Tahun"
            ) else sheet.write(2, column, title)
    for column, title in enumerate(["Target", "Rp", "Target", "Rp"], start=7):
        sheet.write(3, column, title)
    rows = [
        [1, 6, None, None, None, "URUSAN SOSIAL", None],
        [1, 6, 4, None, None, "PROGRAM REHABILITASI SOSIAL", "Persentase A", 55, 2_000_000],
        [1, 6, 4, 2.01, None, "Rehabilitasi Sosial Dasar", "Jumlah B", 10, 2_000_000],
        [1, 6, 4, 2.01, 1, "Penyediaan Permakanan", "Jumlah C", 12, 2_000_000, 13],
    ]
    for r, values in enumerate(rows, start=4):
        for c, value in enumerate(values):
            if value is not None:
                sheet.write(r, c, value)
    book.close()
    out = tmp_path / "pohon.yaml"
    result = _import(source, out)
    assert result.exit_code == 0, result.output
    assert "layout tc27" in result.stderr
    assert (
        "pecah.xlsx:Renstra!A5: warning import-unplaced `1.06` is an urusan or bidang"
        in result.stdout
    )
    nodes = _nodes(out)
    assert set(nodes) == {"prog-1.06.04", "keg-1.06.04.2.01", "subkeg-1.06.04.2.01.0001"}
    sub = nodes["subkeg-1.06.04.2.01.0001"]
    assert sub["budget"] == {"2025": 2000000}
    assert sub["indicators"][0]["targets"] == {"2025": 12, "2026": 13}
    assert "  opd: Dinas Sosial Kota Palu\n" in out.read_text()
