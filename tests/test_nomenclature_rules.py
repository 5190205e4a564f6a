"""The nomenclature rules read a tree against the list: unknown codes, names, levels, versions."""

from __future__ import annotations

from pathlib import Path

from conftest import HEADER, tree_text
from pohon.check.validate_trees import check_path
from pohon.core.findings import Finding, Severity
from pohon.source.settings_file import Config, NomenclatureChoice

PROGRAM = """
- id: prog-penunjang
  tingkat: program
  nama: PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA
  kode: "{program}"
  pernyataan: Meningkatnya akuntabilitas kinerja perangkat daerah
  indikator: [{{nama: Nilai AKIP}}]
  anak:
    - id: keg
      tingkat: kegiatan
      nama: {name}
      kode: "{code}"
      pernyataan: Meningkatnya tata kelola perangkat daerah
      indikator: [{{nama: Persentase layanan umum yang terpenuhi}}]
"""


def found(
    tmp_path: Path, nodes: str, config: Config | None = None, meta: str = ""
) -> list[Finding]:
    text = tree_text(nodes)
    if meta:
        text = text.replace(
            "  periode: {awal: 2021, akhir: 2026}\n",
            f"  periode: {{awal: 2021, akhir: 2026}}\n{meta}",
        )
    path = tmp_path / "tree.yaml"
    path.write_text(text, encoding="utf-8")
    return [
        f
        for f in check_path(path, config or Config()).findings
        if f.rule.startswith("nomenclature")
    ]


def kegiatan(name: str, code: str, program: str = "1.06.01") -> str:
    return PROGRAM.format(program=program, name=name, code=code)


def test_the_chart_s_ordinal_is_not_the_code_and_the_name_says_which_is(tmp_path: Path) -> None:
    # The Mamuju chart's KEG 4 of the PENUNJANG program is Administrasi Umum: code 2.06.
    (finding,) = found(tmp_path, kegiatan("Administrasi Umum Perangkat Daerah", "1.06.01.2.04"))
    assert (finding.rule, finding.line, finding.column) == ("nomenclature-name", 18, 9)
    assert "`Administrasi Pendapatan Daerah Kewenangan Perangkat Daerah`" in finding.message
    assert "is the name of `1.06.01.2.06`" in finding.message


def test_case_spacing_and_punctuation_are_no_difference(tmp_path: Path) -> None:
    name = "perencanaan penganggaran DAN evaluasi kinerja   perangkat daerah."
    assert found(tmp_path, kegiatan(name, "1.06.01.02.01")) == []  # a padded code too


def test_an_unknown_code_is_a_warning_where_the_list_is_complete(tmp_path: Path) -> None:
    meta = "  nomenklatur: Kepmendagri 050-5889 Tahun 2021\n"
    nodes = kegiatan("Administrasi Umum Perangkat Daerah", "1.06.01.2.19")
    (finding,) = found(tmp_path, nodes, meta=meta)
    assert (finding.rule, finding.severity) == ("nomenclature-unknown-code", Severity.WARNING)
    assert "its name is that of `1.06.01.2.06`" in finding.message


def test_an_unknown_code_is_only_info_where_the_list_is_partial(tmp_path: Path) -> None:
    # No version named: the latest, after 050-5889, for which the list is partial everywhere.
    (late,) = found(tmp_path, kegiatan("Administrasi Umum Perangkat Daerah", "1.06.01.2.19"))
    assert late.severity is Severity.INFO and "partial there" in late.message
    program = """
    - id: prog-llaj
      tingkat: program
      nama: PROGRAM PENYELENGGARAAN LALU LINTAS DAN ANGKUTAN JALAN (LLAJ)
      kode: "2.15.02"
      pernyataan: Meningkatnya keselamatan lalu lintas
      indikator: [{nama: Angka kecelakaan lalu lintas}]
    """
    meta = "  nomenklatur: Kepmendagri 050-5889 Tahun 2021\n"
    (other,) = found(tmp_path, program, meta=meta)  # bidang 2.15: only its name is listed
    assert (other.rule, other.severity) == ("nomenclature-unknown-code", Severity.INFO)
    assert "`pohon lookup 2.15`" in other.message
    no_bidang = program.replace('"2.15.02"', '"2.99.02"')
    (unheard,) = found(tmp_path, no_bidang, meta=meta)  # every bidang is listed: 2.99 is none
    assert (unheard.rule, unheard.severity) == ("nomenclature-unknown-code", Severity.WARNING)
    chosen = Config(severities={"nomenclature-unknown-code": Severity.ERROR})
    (kept,) = found(tmp_path, program, chosen, meta=meta)
    assert kept.severity is Severity.ERROR  # the project's choice is not softened


def test_a_code_of_another_level_is_named(tmp_path: Path) -> None:
    nodes = kegiatan("Administrasi Umum Perangkat Daerah", "1.06.01.2.06.0001")
    (finding,) = found(tmp_path, nodes)
    assert finding.rule == "nomenclature-level" and finding.severity is Severity.ERROR
    assert "is the code of the sub kegiatan Penyediaan Komponen Instalasi" in finding.message


def test_a_version_that_does_not_exist_or_came_later(tmp_path: Path) -> None:
    nodes = kegiatan("Administrasi Umum Perangkat Daerah", "1.06.01.2.06")
    (typo,) = found(tmp_path, nodes, meta="  nomenklatur: Kepmendagri 050-5898 Tahun 2021\n")
    assert (typo.rule, typo.line, typo.column) == ("nomenclature-version", 6, 3)
    assert "did you mean Kepmendagri 050-5889/2021?" in typo.message
    meta = "  nomenklatur: {2021: Kepmendagri 900.1-2850/2025, 2026: Kepmendagri 900.1-861/2026}\n"
    (early,) = found(tmp_path, nodes, meta=meta)
    assert (early.rule, early.line, early.column) == ("nomenclature-version", 6, 17)
    assert "issued on 2025-07-31, after 2021" in early.message


def _own_list(tmp_path: Path, text: str, **choice: object) -> Config:
    listed = tmp_path / "nomenklatur.csv"
    listed.write_text(text, encoding="utf-8")
    return Config(nomenclature=NomenclatureChoice(listed, **choice))  # type: ignore[arg-type]


def test_a_code_deleted_or_added_later_in_a_project_s_list(tmp_path: Path) -> None:
    config = _own_list(
        tmp_path,
        "kode;nama;sejak;dihapus\n"
        "1.06.01.2.04;Administrasi Pendapatan Daerah Kewenangan Perangkat Daerah;;kepmendagri-900.1.15.5-1317-2023\n"
        "1.06.01.2.17;Layanan Baru;kepmendagri-900.1-2850-2025;\n",
    )
    meta = (
        "  nomenklatur: {2021: Kepmendagri 050-5889/2021, 2024: Kepmendagri 900.1.15.5-3406/2024}\n"
    )
    deleted = kegiatan("Administrasi Pendapatan Daerah Kewenangan Perangkat Daerah", "1.06.01.2.04")
    (finding,) = found(tmp_path, deleted, config, meta)
    assert finding.rule == "nomenclature-version"
    assert (
        "not in force in Kepmendagri 900.1.15.5-3406/2024 (the version for 2024–2026)"
        in finding.message
    )
    assert "deleted by Kepmendagri 900.1.15.5-1317/2023" in finding.message
    added = kegiatan("Layanan Baru", "1.06.01.2.17")
    messages = [f.message for f in found(tmp_path, added, config, meta)]
    assert len(messages) == 2 and all("added by Kepmendagri 900.1-2850/2025" in m for m in messages)


def test_a_project_s_list_extends_or_replaces_the_bundled_one(tmp_path: Path) -> None:
    own = "kode,nama\n1.06.01.2.06,Administrasi Umum dan Kerumahtanggaan Perangkat Daerah\n"
    nodes = kegiatan("Administrasi Umum dan Kerumahtanggaan Perangkat Daerah", "1.06.01.2.06")
    assert found(tmp_path, nodes, _own_list(tmp_path, own)) == []  # its name wins
    (bundled_name,) = found(tmp_path, nodes)
    assert bundled_name.rule == "nomenclature-name"
    program = "1.06.01,PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA\n"
    replacing = _own_list(tmp_path, own + program, replace=True, complete=("X.XX",))
    (gone,) = found(
        tmp_path,
        kegiatan(
            "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "1.06.01.2.01"
        ),
        replacing,
    )
    assert (gone.rule, gone.severity) == ("nomenclature-unknown-code", Severity.WARNING)


def test_no_finding_without_codes_whatever_the_names(tmp_path: Path) -> None:
    assert HEADER.count("nomenklatur") == 0
    nodes = """
    - id: prog
      tingkat: program
      nama: PROGRAM YANG TIDAK ADA
      pernyataan: Meningkatnya A
      indikator: [{nama: Persentase A}]
    """
    assert found(tmp_path, nodes) == []
