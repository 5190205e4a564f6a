"""A tree that starts at program level (a Renstra program matrix): no empty pages, honest headings."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, assert_golden, diagram_files, diagram_pages, tree_text
from pohon.check.validate_trees import check_path
from pohon.core.vocabulary import Level
from pohon.render.options import RenderOptions
from pohon.render.reports.matrix import build_matrix
from pohon.render.reports.wording import Labels
from pohon.source.settings_file import Config
from pohon.tree.model import Tree
from test_reports_render import render

PROGRAM_MATRIX = ROOT / "tests" / "fixtures" / "renstra" / "program_matrix.yaml"
GOLDEN_DIAGRAMS = ROOT / "tests" / "golden" / "diagrams" / "program_matrix"
GOLDEN_REPORTS = ROOT / "tests" / "golden" / "reports" / "program_matrix"
DOT_ONLY = RenderOptions(formats=("dot",))


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the reports' render reads trees by their path from the root


@pytest.fixture(scope="module")
def matrix_tree() -> Tree:
    checked = check_path(PROGRAM_MATRIX, Config())
    assert checked.findings == [], "the fixture is a clean tree"
    assert checked.load.tree is not None
    return checked.load.tree


def test_the_fixture_is_six_programs_with_indicators_and_nothing_else(matrix_tree: Tree) -> None:
    assert [n.level for n in matrix_tree.roots] == [Level.PROGRAM] * 6
    assert all(n.indicators and not n.children for n in matrix_tree.roots)


def test_programs_without_kegiatan_get_no_page_and_no_link(matrix_tree: Tree) -> None:
    pages = diagram_pages(matrix_tree, DOT_ONLY)
    assert [p.path for p in pages] == ["diagram/cascading", "diagram/pohon"]
    files = diagram_files(matrix_tree, DOT_ONLY)
    assert all(
        "rincian" not in data.decode() and "URL=" not in data.decode() for data in files.values()
    )


def test_the_diagrams_are_golden(matrix_tree: Tree) -> None:
    files = diagram_files(matrix_tree, DOT_ONLY)
    for name, data in files.items():
        assert_golden(data.decode(), GOLDEN_DIAGRAMS / name)
    on_disk = {p.relative_to(GOLDEN_DIAGRAMS).as_posix() for p in GOLDEN_DIAGRAMS.rglob("*.dot")}
    assert on_disk == set(files), "golden files left over or missing"


def test_the_pohon_kinerja_hangs_the_programs_under_one_box_for_the_opd(matrix_tree: Tree) -> None:
    dot = diagram_files(matrix_tree, DOT_ONLY)["diagram/pohon.dot"].decode()
    assert "<B>DINAS SOSIAL KABUPATEN CONTOH</B>" in dot
    for program in matrix_tree.roots:
        assert f'"~opd" -> "{program.id}"' in dot
    cascading = diagram_files(matrix_tree, DOT_ONLY)["diagram/cascading.dot"].decode()
    assert '"~opd"' not in cascading, "the cascade keeps its lanes"


def test_one_top_box_needs_no_box_for_the_opd(write_tree) -> None:  # type: ignore[no-untyped-def]
    path = write_tree(
        """
        - id: prog-1
          tingkat: program
          nama: PROGRAM SATU
          pernyataan: Meningkatnya layanan satu
        """
    )
    tree = check_path(path, Config()).load.tree
    assert tree is not None
    assert '"~opd"' not in diagram_files(tree, DOT_ONLY)["diagram/pohon.dot"].decode()


def test_only_a_program_with_kegiatan_gets_a_page(write_tree) -> None:  # type: ignore[no-untyped-def]
    text = tree_text(
        """
        - id: prog-a
          tingkat: program
          nama: PROGRAM A
          pernyataan: Meningkatnya layanan A
          anak:
            - id: keg-a
              tingkat: kegiatan
              nama: Kegiatan A
              pernyataan: Meningkatnya layanan kegiatan A
        - id: prog-b
          tingkat: program
          nama: PROGRAM B
          pernyataan: Meningkatnya layanan B
        """
    )
    tree = check_path(write_tree(whole=text), Config()).load.tree
    assert tree is not None
    pages = [p.path for p in diagram_pages(tree, DOT_ONLY)]
    assert pages == ["diagram/cascading", "diagram/cascading/prog-a", "diagram/pohon", "diagram/pohon/prog-a"]  # fmt: skip
    overview = diagram_files(tree, DOT_ONLY)["diagram/cascading.dot"].decode()
    assert 'URL="cascading/prog-a.svg"' in overview
    assert "prog-b.svg" not in overview


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_reports_are_golden(lang: str) -> None:
    files = render(PROGRAM_MATRIX, lang=lang)
    names = ["index.html", "README.md"] + [
        f"laporan/{name}.{ext}"
        for name in (
            "matriks-cascading",
            "daftar-indikator",
            "renstra-tc25",
            "renstra-tc27",
            "iku",
            "manual-ik",
            "ringkasan-validasi",
        )
        for ext in ("html", "md")
    ]
    names.append("laporan/program_matrix.xlsx")  # every report as a sheet (test_workbook.py)
    assert set(files) == {f"program_matrix/{name}" for name in names}
    for name in names[:-1]:
        if lang == "id" or name.endswith(".md"):
            assert_golden(files[f"program_matrix/{name}"].decode(), GOLDEN_REPORTS / lang / name)


@pytest.mark.parametrize(
    ("lang", "intro"),
    [("id", "Satu baris untuk setiap program."), ("en", "One row per program.")],
)
def test_the_matrix_says_what_its_rows_hold(lang: str, intro: str) -> None:
    matrix = render(PROGRAM_MATRIX, lang=lang)["program_matrix/laporan/matriks-cascading.md"]
    assert intro in matrix.decode()
    assert "sub kegiatan" not in matrix.decode() and "sub-activity" not in matrix.decode()


def test_a_matrix_from_tujuan_to_sub_kegiatan_says_so() -> None:
    contoh = ROOT / "tests" / "fixtures" / "reports" / "contoh.yaml"
    matrix = render(contoh)["contoh/laporan/matriks-cascading.md"].decode()
    assert (
        "Satu baris untuk setiap jalur dari tujuan perangkat daerah sampai sub kegiatan." in matrix
    )


def test_a_matrix_from_program_to_kegiatan_says_so(tmp_path: Path) -> None:
    tree_file = tmp_path / "prog.yaml"
    tree_file.write_text(
        tree_text(
            """
            - id: prog-a
              tingkat: program
              nama: PROGRAM A
              pernyataan: Meningkatnya layanan A
              anak:
                - id: keg-a
                  tingkat: kegiatan
                  nama: Kegiatan A
                  pernyataan: Meningkatnya layanan kegiatan A
            """
        ),
        encoding="utf-8",
    )
    tree = check_path(tree_file, Config()).load.tree
    assert tree is not None
    intro = "Satu baris untuk setiap jalur dari program sampai kegiatan."
    assert build_matrix(tree, Labels("id")).intro == intro
    assert build_matrix(tree, Labels("en")).intro == (
        "One row per path from the program down to each activity."
    )
