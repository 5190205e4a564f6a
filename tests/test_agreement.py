"""The Perjanjian Kinerja: the lampiran by jenjang, the counter-parties, --year, the marks of
what is missing, and the rules that say so (missing-target, missing-unit, unknown-superior)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pohon.check.validate_trees import check_path
from pohon.cli import main
from pohon.render.reports.agreement import Agreement, build_agreements
from pohon.render.reports.wording import Labels
from pohon.source.settings_file import Config
from pohon.tree.jenjang import agreement_scopes
from pohon.tree.model import Tree

ID, EN = Labels("id"), Labels("en")

TREE = """\
format: pohon/1
meta:
  pemda: Kabupaten Contoh
  opd: Dinas Sosial Kabupaten Contoh
  periode: {awal: 2024, akhir: 2025}
  kepala_daerah: {jabatan: Bupati Contoh, nama: H. ANDI MAPPA}
  penandatangan: [{jabatan: kadis, tempat: Contoh}]
jabatan:
  kadis: {nama: Kepala Dinas Sosial, eselon: II, pejabat: SITI, pangkat: Pembina (IV/a), nip: "1970"}
  kabid: {nama: Kepala Bidang Rehabilitasi Sosial, eselon: III, atasan: kadis}
  kasi: {nama: Kepala Seksi Rehabilitasi Anak, eselon: IV, atasan: kabid}
  kasi-lansia: {nama: Kepala Seksi Lansia, atasan: kabid}
simpul:
  - id: tujuan
    tingkat: tujuan_opd
    pernyataan: Meningkatnya kesejahteraan sosial
    jabatan: kadis
    indikator: [{nama: Indeks Kesejahteraan Sosial, satuan: indeks, target: {2024: 1, 2025: 2}}]
    anak:
      - id: ss
        tingkat: sasaran_strategis
        pernyataan: Menurunnya PPKS terlantar
        indikator: [{nama: Persentase PPKS terlantar, satuan: "%", target: {2024: 10, 2025: 8}}]
        anak:
          - id: prog
            tingkat: program
            nama: PROGRAM REHABILITASI SOSIAL
            pernyataan: Meningkatnya layanan rehabilitasi sosial
            jabatan: kabid
            indikator: [{nama: Persentase PPKS tertangani, target: {2024: 80}}]
            anak:
              - id: keg-anak
                tingkat: kegiatan
                nama: Rehabilitasi Sosial Anak
                pernyataan: Meningkatnya anak yang direhabilitasi
                jabatan: kasi
                anak:
                  - id: sub-asistensi
                    tingkat: sub_kegiatan
                    nama: Asistensi Anak
                    pagu: {2024: 100, 2025: 150}
                  - id: sub-pendampingan
                    tingkat: sub_kegiatan
                    nama: Pendampingan Anak
                    pagu: {2024: 50}
              - id: keg-lansia
                tingkat: kegiatan
                nama: Rehabilitasi Sosial Lansia
                pernyataan: Meningkatnya lansia yang direhabilitasi
                pagu: {2024: 300}
                indikator: [{nama: Jumlah lansia yang direhabilitasi, satuan: orang, target: {2024: 5, 2025: 6}}]
                anak:
                  - id: sub-lansia
                    tingkat: sub_kegiatan
                    nama: Asistensi Lansia
                    pernyataan: Terlayaninya lansia terlantar
                    jabatan: kasi-lansia
                    pagu: {2024: 300}
                    indikator: [{nama: Jumlah lansia yang diasistensi, satuan: orang, target: {2024: 40, 2025: 45}}]
"""


@pytest.fixture
def tree(tmp_path: Path) -> Tree:
    path = tmp_path / "pk.yaml"
    path.write_text(TREE, encoding="utf-8")
    loaded = check_path(path, Config()).load.tree
    assert loaded is not None
    return loaded


def agreements(tree: Tree, year: int = 2024, labels: Labels = ID) -> dict[str, Agreement]:
    return {a.position_id: a for a in build_agreements(tree, year, labels)}


def test_the_jenjang_comes_from_the_eselon_else_from_the_highest_level_held(tree: Tree) -> None:
    scopes = agreement_scopes(tree)
    assert {p: s.jenjang for p, s in scopes.items()} == {
        "kadis": "jpt",
        "kabid": "administrator",
        "kasi": "pengawas",
        "kasi-lansia": "pengawas",  # no eselon: it holds a sub kegiatan
    }


def test_an_eselon_ii_agrees_on_its_sasaran_strategis_and_funds_programs(tree: Tree) -> None:
    kadis = agreements(tree)["kadis"]
    # the tujuan OPD is no row; the sasaran strategis it holds through the tujuan is
    assert [o.node.id for o in kadis.objectives] == ["ss"]
    assert (kadis.objective_label, kadis.items_label) == ("Sasaran Strategis", "Program")
    # the program states no pagu: the sum of what is under it (kegiatan, sub kegiatan)
    assert [(b.node.id, b.depth, b.group, b.budget) for b in kadis.budget_lines] == [
        ("prog", 0, False, "Rp 450"),
    ]
    assert kadis.total == "Rp 450"


def test_an_eselon_iii_agrees_on_its_sasaran_program_and_funds_kegiatan_by_program(
    tree: Tree,
) -> None:
    kabid = agreements(tree)["kabid"]
    assert [o.node.id for o in kabid.objectives] == ["prog"]
    assert (kabid.objective_label, kabid.items_label) == ("Sasaran Program", "Kegiatan")
    assert [(b.node.id, b.depth, b.group, b.budget) for b in kabid.budget_lines] == [
        ("prog", 0, True, "Rp 450"),
        ("keg-anak", 1, False, "Rp 150"),
        ("keg-lansia", 1, False, "Rp 300"),
    ]
    assert kabid.total == "Rp 450"


def test_an_eselon_iv_agrees_on_its_sasaran_kegiatan_and_funds_sub_kegiatan_by_kegiatan(
    tree: Tree,
) -> None:
    found = agreements(tree)
    kasi = found["kasi"]
    assert [o.node.id for o in kasi.objectives] == ["keg-anak"]
    assert (kasi.objective_label, kasi.items_label) == ("Sasaran Kegiatan", "Sub Kegiatan")
    assert [(b.node.id, b.depth, b.group, b.budget) for b in kasi.budget_lines] == [
        ("keg-anak", 0, True, "Rp 150"),
        ("sub-asistensi", 1, False, "Rp 100"),
        ("sub-pendampingan", 1, False, "Rp 50"),
    ]
    assert kasi.total == "Rp 150"
    # a pengawas holding a sub kegiatan only: that sub kegiatan is its sasaran, under its kegiatan
    lansia = found["kasi-lansia"]
    assert [o.node.id for o in lansia.objectives] == ["sub-lansia"]
    assert [(b.node.id, b.group) for b in lansia.budget_lines] == [
        ("keg-lansia", True),
        ("sub-lansia", False),
    ]


def test_year_picks_the_targets_and_the_budget(tree: Tree) -> None:
    kasi = agreements(tree, 2025)["kasi"]
    assert [(b.node.id, b.budget, b.missing) for b in kasi.budget_lines] == [
        ("keg-anak", "Rp 150", False),
        ("sub-asistensi", "Rp 150", False),
        ("sub-pendampingan", "belum ada pagu", True),
    ]
    assert kasi.total is None  # a sub kegiatan has no pagu for 2025: no partial sum
    kadis = agreements(tree, 2025)["kadis"]
    assert [i.target for o in kadis.objectives for i in o.indicators] == ["8"]


def test_the_counter_party_is_the_atasan_and_for_the_kepala_dinas_the_kepala_daerah(
    tree: Tree,
) -> None:
    found = agreements(tree)
    kadis = found["kadis"].second_party
    assert kadis is not None
    assert (kadis.title, kadis.holder, kadis.civil_servant) == (
        "Bupati Contoh",
        "H. ANDI MAPPA",
        False,
    )
    assert [found[p].second_party.title for p in ("kabid", "kasi", "kasi-lansia")] == [  # type: ignore[union-attr]
        "Kepala Dinas Sosial",
        "Kepala Bidang Rehabilitasi Sosial",
        "Kepala Bidang Rehabilitasi Sosial",
    ]
    text = found["kabid"].naskah
    assert text.title == "Perjanjian Kinerja Tahun 2024"
    assert "target kinerja tahun 2024" in text.promise


def test_an_atasan_wins_over_the_tree_shape(tmp_path: Path) -> None:
    text = TREE.replace("eselon: IV, atasan: kabid}", "eselon: IV, atasan: kadis}")
    path = tmp_path / "pk.yaml"
    path.write_text(text, encoding="utf-8")
    tree = check_path(path, Config()).load.tree
    assert tree is not None
    superior = agreements(tree)["kasi"].second_party
    assert superior is not None and superior.title == "Kepala Dinas Sosial"


def test_a_missing_target_unit_or_indicator_is_marked_not_dashed(tree: Tree) -> None:
    kabid = agreements(tree, 2025)["kabid"]
    (indicator,) = kabid.objectives[0].indicators
    assert (indicator.unit, indicator.unit_missing) == ("belum ada satuan", True)
    assert (indicator.target, indicator.target_missing) == ("belum ada target", True)
    kasi = agreements(tree, 2025, EN)["kasi"]
    assert kasi.objectives[0].indicators == ()  # the template says "no indicator set"


def test_the_rendered_agreement_marks_what_is_missing_as_a_warning(
    tree: Tree, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["render", tree.source, "--out", str(out), "--format", "svg", "--year", "2025", "-q"]
    )
    assert result.exit_code == 0, result.output
    html = (out / "pk" / "laporan" / "perjanjian-kinerja-kabid.html").read_text("utf-8")
    assert '<td class="num pk-missing">belum ada target</td>' in html
    assert '<td class="pk-missing">belum ada satuan</td>' in html
    assert "Target 2025" in html
    kasi = (out / "pk" / "laporan" / "perjanjian-kinerja-kasi.md").read_text("utf-8")
    assert "| ⚠ *indikator belum ditetapkan* |" in kasi
    assert " – " not in kasi.split("## Lampiran")[1]  # no row of dashes
    kadis = (out / "pk" / "laporan" / "perjanjian-kinerja-kadis.html").read_text("utf-8")
    assert "@page { size: A4 portrait" in kadis
    assert kadis.index('class="naskah"') < kadis.index('class="lampiran"')
    assert "Bupati Contoh" in kadis and "H. ANDI MAPPA" in kadis


def test_the_rules_flag_missing_targets_units_and_indicators_once_per_indicator(
    tree: Tree,
) -> None:
    findings = check_path(Path(tree.source), Config()).findings
    got = sorted(
        (f.rule, f.message.split("`")[1]) for f in findings if f.rule.startswith("missing")
    )
    assert got == [
        ("missing-indicator", "keg-anak"),
        ("missing-indicator", "sub-asistensi"),
        ("missing-indicator", "sub-pendampingan"),
        ("missing-target", "Persentase PPKS tertangani"),
        ("missing-unit", "Persentase PPKS tertangani"),
    ]
    (target,) = [f for f in findings if f.rule == "missing-target"]
    assert "no target for 2025:" in target.message


def test_an_atasan_naming_itself_or_no_position_is_an_error(tmp_path: Path) -> None:
    text = TREE.replace("eselon: III, atasan: kadis}", "eselon: III, atasan: kabid}").replace(
        "nama: Kepala Seksi Lansia, atasan: kabid}", "nama: Kepala Seksi Lansia, atasan: kasie}"
    )
    path = tmp_path / "pk.yaml"
    path.write_text(text, encoding="utf-8")
    found = [f for f in check_path(path, Config()).findings if f.rule == "unknown-superior"]
    assert [(f.severity.label, f.line) for f in found] == [("error", 10), ("error", 12)]
    assert "Did you mean `kasi`?" in found[1].message
