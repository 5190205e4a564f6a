"""The IKU document and the Manual IK: which indicators are key, the fields, the missing mark."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MAMUJU, ROOT, assert_golden
from pohon.check.validate_trees import check_path
from pohon.render.diagrams.outputs import Pool
from pohon.render.options import RenderOptions
from pohon.render.pipeline import prepare, render_loaded
from pohon.render.reports.key_indicators import build_iku, key_indicators
from pohon.render.reports.manual_ik import build_manual
from pohon.render.reports.wording import Labels
from pohon.source.settings_file import Config
from pohon.tree.assemble import load_tree
from pohon.tree.model import Tree

GOLDEN = ROOT / "tests" / "golden" / "reports" / "mamuju"
ID = Labels("id")

HEAD = """\
format: pohon/1
meta:
  pemda: Kabupaten Contoh
  opd: Dinas Sosial Kabupaten Contoh
  periode: {awal: 2025, akhir: 2026}
  penandatangan: [{jabatan: kadis, tempat: Contoh}]
jabatan:
  kadis: {nama: Kepala Dinas Sosial, eselon: II, pejabat: SITI, nip: "197001011990032001"}
  kabid: {nama: Kepala Bidang Rehabilitasi Sosial, eselon: III}
simpul:
  - id: tujuan
    tingkat: tujuan_opd
    pernyataan: Meningkatkan kesejahteraan sosial
    jabatan: kadis
    indikator:
      - nama: Indeks Kesejahteraan Sosial
        satuan: indeks
        definisi: Ukuran gabungan kesejahteraan sosial penduduk
        rumus: rata-rata tertimbang lima dimensi
        sumber_data: Survei BPS
        periode_pelaporan: tahunan
        target: {2025: 0.68, 2026: 0.7}
    anak:
      - id: ss
        tingkat: sasaran_strategis
        pernyataan: Menurunnya PPKS terlantar
        jabatan: kadis
        indikator:
          - nama: Persentase PPKS terlantar
        anak:
          - id: prog
            tingkat: program
            nama: PROGRAM REHABILITASI SOSIAL
            pernyataan: Meningkatnya layanan rehabilitasi sosial
            jabatan: kabid
            indikator:
              - nama: Persentase PPKS yang tertangani
                satuan: "%"
{tag}
            anak:
              - id: keg
                tingkat: kegiatan
                nama: Rehabilitasi Sosial Dasar
                pernyataan: Meningkatnya rehabilitasi dasar
                indikator:
                  - nama: Jumlah anak yang direhabilitasi
{tag2}
"""


def yaml_text(tag: str = "", tag2: str = "") -> str:
    return HEAD.replace("{tag}", tag).replace("{tag2}", tag2)


def tree_of(tmp_path: Path, tag: str = "", tag2: str = "") -> Tree:
    path = tmp_path / "t.yaml"
    path.write_text(yaml_text(tag, tag2), encoding="utf-8")
    tree = check_path(path, Config()).load.tree
    assert tree is not None
    return tree


def test_without_a_tag_the_iku_are_the_tujuan_and_sasaran_strategis_indicators(
    tmp_path: Path,
) -> None:
    chosen, by_tag = key_indicators(tree_of(tmp_path))
    assert not by_tag
    assert [k.indicator.name for k in chosen] == [
        "Indeks Kesejahteraan Sosial",
        "Persentase PPKS terlantar",
    ]


def test_a_tag_chooses_the_iku_and_only_those(tmp_path: Path) -> None:
    tree = tree_of(tmp_path, "                tag: [IKU]", "                    tag: [iku, SPM]")
    chosen, by_tag = key_indicators(tree)
    assert by_tag
    # tagged on a program and a kegiatan; the untagged tujuan's indicator is no longer an IKU
    assert [k.indicator.name for k in chosen] == [
        "Persentase PPKS yang tertangani",
        "Jumlah anak yang direhabilitasi",
    ]
    # the kegiatan has no `jabatan`: its program's Kabid answers for it
    assert [k.position.title if k.position else None for k in chosen] == [
        "Kepala Bidang Rehabilitasi Sosial",
        "Kepala Bidang Rehabilitasi Sosial",
    ]
    assert build_iku(tree, ID).chosen_by == ID["iku_by_tag"]


def test_recorded_fields_print_and_missing_ones_are_marked(tmp_path: Path) -> None:
    iku = build_iku(tree_of(tmp_path), ID)
    first, second = iku.rows
    assert iku.years == (2025, 2026)
    assert first.definition.text == "Ukuran gabungan kesejahteraan sosial penduduk"
    assert first.calculation.text == "rata-rata tertimbang lima dimensi"
    assert first.data_source.text == "Survei BPS"
    assert [t.text for t in first.targets] == ["0,68", "0,7"]
    assert not any(e.missing for e in (first.definition, first.unit, *first.targets))
    for entry in (second.definition, second.calculation, second.unit, second.data_source):
        assert entry.missing and entry.text == "belum diisi"
    assert all(t.missing for t in second.targets)
    assert second.responsible.text == "Kepala Dinas Sosial" and not second.responsible.missing
    assert iku.signer is not None and iku.signer.nip == "NIP. 197001011990032001"


def test_manual_cards_carry_every_field(tmp_path: Path) -> None:
    manual = build_manual(tree_of(tmp_path), ID)
    card, bare = manual.cards
    assert card.title == "Kartu 1" and card.reporting_period.text == "tahunan"
    assert card.objective == "Tujuan: Meningkatkan kesejahteraan sosial"
    assert card.polarity == "naik ↑"
    assert bare.reporting_period.missing and bare.type.missing and bare.baseline.missing


def test_a_node_no_position_answers_for_is_marked(tmp_path: Path) -> None:
    lines = yaml_text().splitlines(keepends=True)
    text = "".join(line for line in lines if line.strip() != "jabatan: kadis")
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    tree = check_path(path, Config()).load.tree
    assert tree is not None
    rows = build_iku(tree, ID).rows
    assert all(row.responsible.missing for row in rows)


def _render(path: Path, lang: str = "id") -> dict[str, bytes]:
    job = prepare(RenderOptions(formats=(), lang=lang), Config(), Path("never"), force=True)
    with Pool(1) as pool:
        return render_loaded(load_tree(path), job, pool).result().files


def test_rendered_documents_mark_what_is_missing_not_with_dashes(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(yaml_text(), encoding="utf-8")
    files = _render(path)
    html = files["t/laporan/iku.html"].decode()
    markdown = files["t/laporan/iku.md"].decode()
    cards = files["t/laporan/manual-ik.md"].decode()
    assert '<span class="not-filled">belum diisi</span>' in html
    assert "**_belum diisi_**" in markdown and "**_belum diisi_**" in cards
    row = next(line for line in markdown.splitlines() if "Persentase PPKS terlantar" in line)
    assert " – " not in row and "|  |" not in row.removeprefix("| 1 |")
    assert "KEPUTUSAN KEPALA DINAS SOSIAL KABUPATEN CONTOH" in html
    assert "NIP. 197001011990032001" in html
    index = files["t/README.md"].decode()
    assert "(laporan/iku.md)" in index and "(laporan/manual-ik.md)" in index


def test_english_documents_use_english_words(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(yaml_text(), encoding="utf-8")
    files = _render(path, "en")
    assert "not filled in" in files["t/laporan/iku.md"].decode()
    assert "Operational definition" in files["t/laporan/manual-ik.html"].decode()


@pytest.fixture(scope="module")
def mamuju_files() -> dict[str, bytes]:
    return _render(MAMUJU)


@pytest.mark.parametrize("name", ["iku.md", "iku.html", "manual-ik.md", "manual-ik.html"])
def test_mamuju_iku_and_manual_are_golden(name: str, mamuju_files: dict[str, bytes]) -> None:
    assert_golden(mamuju_files[f"dinsos_mamuju/laporan/{name}"].decode(), GOLDEN / name)


def test_mamuju_has_its_three_default_iku() -> None:
    tree = check_path(MAMUJU, Config()).load.tree
    assert tree is not None
    chosen, by_tag = key_indicators(tree)
    assert not by_tag
    assert [k.node.id for k in chosen] == ["tujuan-opd", "ss-kesos-partisipatif", "ss-birokrasi"]
