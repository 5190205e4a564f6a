"""The reports show what the codes imply: the urusan and bidang, and official names beside others."""

from __future__ import annotations

from pathlib import Path

from conftest import tree_text
from pohon.render.diagrams.outputs import Pool
from pohon.render.options import RenderOptions
from pohon.render.pipeline import prepare, render_loaded
from pohon.source.settings_file import Config, NomenclatureChoice
from pohon.tree.assemble import load_tree

NODES = """
- id: ss
  tingkat: sasaran_strategis
  pernyataan: Meningkatnya keberfungsian sosial PPKS
  indikator: [{nama: Persentase PPKS yang meningkat keberfungsian sosialnya}]
  anak:
    - id: prog-rehsos
      tingkat: program
      nama: PROGRAM REHABILITASI SOSIAL DAERAH
      kode: "1.06.04"
      pernyataan: Meningkatnya kemampuan PPKS memenuhi kebutuhan dasarnya
      indikator: [{nama: Persentase PPKS yang terpenuhi kebutuhan dasarnya}]
      anak:
        - id: keg-dasar
          tingkat: kegiatan
          nama: Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial
          kode: "1.06.04.2.01"
          pernyataan: Meningkatnya pemenuhan kebutuhan dasar PPKS di luar panti
          indikator: [{nama: Persentase PPKS di luar panti yang terpenuhi kebutuhan dasarnya}]
"""


def reports(
    tmp_path: Path, nodes: str = NODES, config: Config | None = None, lang: str = "id"
) -> dict[str, str]:
    path = tmp_path / "tree.yaml"
    path.write_text(tree_text(nodes), encoding="utf-8")
    options = RenderOptions(formats=(), lang=lang)  # type: ignore[arg-type]  # reports only
    job = prepare(options, config or Config(), tmp_path / "never-written", force=True)
    with Pool(1) as pool:
        files = render_loaded(load_tree(path), job, pool).result().files
    return {
        name.removeprefix("tree/"): data.decode("utf-8")
        for name, data in files.items()
        if not name.endswith(".xlsx")  # the workbook: tests/test_workbook.py
    }


def test_the_title_block_names_the_urusan_and_bidang_the_codes_imply(tmp_path: Path) -> None:
    files = reports(tmp_path)
    line = (
        '<p class="affairs">Urusan 1 URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN '
        "DASAR · Bidang urusan 1.06 URUSAN PEMERINTAHAN BIDANG SOSIAL</p>"
    )
    for name in ("index.html", "laporan/matriks-cascading.html", "laporan/daftar-indikator.html"):
        assert line in files[name], name
    assert (
        "\nUrusan 1 URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR · "
        in files["README.md"]
    )


def test_the_matrix_lists_them_and_shows_the_official_name_beside_another(tmp_path: Path) -> None:
    files = reports(tmp_path)
    html, markdown = files["laporan/matriks-cascading.html"], files["laporan/matriks-cascading.md"]
    assert "<dt>Bidang urusan</dt><dd>1.06 URUSAN PEMERINTAHAN BIDANG SOSIAL</dd>" in html
    assert '<span class="official">nama resmi: PROGRAM REHABILITASI SOSIAL</span>' in html
    assert html.count('class="official"') == 1  # the kegiatan carries its official name
    assert (
        "- **Urusan**: 1 URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR"
        in markdown
    )
    assert (
        "| 1.06.04 | **PROGRAM REHABILITASI SOSIAL DAERAH** (nama resmi: PROGRAM REHABILITASI SOSIAL)<br>"
        in markdown
    )
    english = reports(tmp_path, lang="en")["laporan/matriks-cascading.html"]
    assert (
        "<dt>Field of affairs</dt>" in english
        and "official name: PROGRAM REHABILITASI SOSIAL</span>" in english
    )


def test_without_codes_nothing_is_implied(tmp_path: Path) -> None:
    nodes = "- id: ss\n  tingkat: sasaran_strategis\n  pernyataan: Meningkatnya A\n  indikator: [{nama: Indeks A}]\n"
    files = reports(tmp_path, nodes)
    assert (
        "affairs" not in files["index.html"]
        and "Urusan" not in files["laporan/matriks-cascading.md"]
    )


def test_the_reports_read_the_project_s_own_list(tmp_path: Path) -> None:
    listed = tmp_path / "kode.csv"
    listed.write_text("kode,nama\n1.06.04,PROGRAM REHABILITASI SOSIAL DAERAH\n", encoding="utf-8")
    files = reports(tmp_path, config=Config(nomenclature=NomenclatureChoice(listed)))
    assert 'class="official"' not in files["laporan/matriks-cascading.html"]
