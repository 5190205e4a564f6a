"""`pohon lookup`: a code gives its entry, a text the closest entries, the project's list counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pohon.cli import main


@pytest.fixture(autouse=True)
def _in_a_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no settings above: the bundled list alone


def lookup(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["lookup", "--lang", "en", *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout.splitlines()


def test_a_code_gives_its_name_parents_versions_sources_and_children() -> None:
    code, lines = lookup("1.06.02.02.03")  # padded, as some systems write it
    assert code == 0
    assert lines[:5] == [
        "1.06.02.2.03  kegiatan",
        "  Pengembangan Potensi Sumber Kesejahteraan Sosial Daerah Kabupaten/Kota",
        "  under 1 URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR",
        "  under 1.06 URUSAN PEMERINTAHAN BIDANG SOSIAL",
        "  under 1.06.02 PROGRAM PEMBERDAYAAN SOSIAL",
    ]
    assert "  versions: Permendagri 90/2019 to Kepmendagri 900.1-861/2026 (7 of 7)" in lines
    assert any(line.startswith("  source: S1 irunwazed/sepeda") for line in lines)
    assert "  5 sub kegiatan under it:" in lines
    assert lines[-1] == (
        "    1.06.02.2.03.0005 Peningkatan Kemampuan Sumber Daya Manusia dan Penguatan "
        "Lembaga Konsultasi Kesejahteraan Keluarga (LK3)"
    )


def test_a_penunjang_code_reads_under_the_bidang_it_was_asked_for() -> None:
    code, lines = lookup("2.15.01.2.06.0005")
    assert code == 0
    assert lines[:2] == [
        "2.15.01.2.06.0005  sub kegiatan",
        "  Penyediaan Barang Cetakan dan Penggandaan",
    ]
    assert "  under 2.15 URUSAN PEMERINTAHAN BIDANG PERHUBUNGAN" in lines
    assert "  satuan: Paket" in lines


def test_a_code_not_in_the_list_shows_what_its_parent_holds() -> None:
    code, lines = lookup("1.06.07.2.02")
    assert code == 1
    assert lines == [
        "1.06.07.2.02: not in the nomenclature (bundled list)",
        "  the list has under 1.06.07:",
        "    1.06.07.2.01 Pemeliharaan Taman Makam Pahlawan Nasional Kabupaten/Kota",
    ]


def test_a_text_gives_the_closest_names_best_first() -> None:
    code, lines = lookup("Penyedia jasa pelayanan umum kantor", "--limit", "2")
    assert code == 0
    assert lines[0] == "2 closest to `Penyedia jasa pelayanan umum kantor`:"
    assert lines[1].startswith(
        "  X.XX.01.2.08.0004  sub kegiatan  Penyediaan Jasa Pelayanan Umum Kantor  (0.9"
    )
    assert (
        lines[2] == "      under X.XX.01.2.08 Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah"
    )
    assert len(lines) == 5


def test_two_entries_of_one_name_are_told_apart_by_their_kegiatan() -> None:
    code, lines = lookup("penyediaan permakanan", "--limit", "2")
    assert code == 0
    assert lines[1:] == [
        "  1.06.04.2.01.0001  sub kegiatan  Penyediaan Permakanan  (1.00)",
        "      under 1.06.04.2.01 Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar,…",
        "  1.06.04.2.02.0003  sub kegiatan  Penyediaan Permakanan  (1.00)",
        "      under 1.06.04.2.02 Rehabilitasi Sosial Penyandang Masalah Kesejahteraan Sosial…",
    ]


def test_a_text_nothing_resembles_finds_nothing() -> None:
    code, lines = lookup("zzzz qqqq")
    assert (code, lines) == (1, ["zzzz qqqq: no entry of the nomenclature has a name like it"])


def test_the_project_s_own_list_is_read_with_the_bundled_one(tmp_path: Path) -> None:
    (tmp_path / "pohon.toml").write_text('[nomenclature]\nlist = "kode.csv"\n', encoding="utf-8")
    (tmp_path / "kode.csv").write_text(
        "kode;nama;satuan\n1.06.07.2.02;Pendataan Makam Pahlawan;Dokumen\n", encoding="utf-8-sig"
    )
    code, lines = lookup("1.06.07.2.02")
    assert code == 0
    assert lines[:2] == ["1.06.07.2.02  kegiatan", "  Pendataan Makam Pahlawan"]
    assert "  source: proyek" in lines
    assert lookup("1.06.07.2.01")[0] == 0  # the bundled entries stay
