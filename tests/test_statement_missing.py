"""A budget item the source gives no statement for: read, warned about, drawn and reported by name."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from conftest import diagram_files, render_one, tree_text
from editor_yaml import load_as_editor
from pohon.check.validate_trees import check_path
from pohon.commands.editor_schema import build_schema
from pohon.core.vocabulary import Level
from pohon.render.options import RenderOptions
from pohon.source.settings_file import Config
from pohon.tree.model import Tree

NODES = """
- id: ss-1
  tingkat: sasaran_strategis
  pernyataan: Meningkatnya penyelenggaraan kesejahteraan sosial
  indikator: [{nama: Persentase PPKS yang tertangani}]
  anak:
    - id: prog-dayasos
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      kode: "1.06.02"
      indikator: [{nama: Persentase PSKS yang aktif, satuan: "%", target: {2024: 80}}]
      anak:
        - id: keg-kat
          tingkat: kegiatan
          nama: Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)
          kode: "1.06.02.2.01"
          pernyataan: Meningkatnya kualitas hidup warga KAT
          indikator: [{nama: Persentase warga KAT yang meningkat kualitas hidupnya}]
"""


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Tree:
    path = tmp_path_factory.mktemp("tree") / "tree.yaml"
    text = tree_text(NODES)
    path.write_text(text, encoding="utf-8")
    checked = check_path(path, Config())
    assert [(f.rule, f.severity.label) for f in checked.findings] == [
        ("statement-missing", "warning")
    ]
    finding = checked.findings[0]
    assert text.splitlines()[finding.line - 1][finding.column - 1 :] == "id: prog-dayasos"
    assert checked.load.tree is not None
    return checked.load.tree


def test_the_pohon_kinerja_draws_the_program_by_its_name(tree: Tree) -> None:
    files = diagram_files(tree, RenderOptions(formats=("dot",)))
    pohon = files["diagram/pohon.dot"].decode()
    assert "PROGRAM PEMBERDAYAAN SOSIAL" in pohon
    cascading = files["diagram/cascading.dot"].decode()
    box = cascading.split('"prog-dayasos" [label=<', 1)[1].split("</TABLE>", 1)[0]
    rows = box.count("<TR>")
    assert rows == 4, box  # level word, budget item, indicators, the link: no empty statement
    assert "<B>1.06.02 PROGRAM PEMBERDAYAAN<BR/>SOSIAL</B>" in box
    for name, data in files.items():
        assert "None" not in data.decode(), name


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_reports_show_the_name_and_a_dash_never_none(tree: Tree, lang: str) -> None:
    files = render_one(tree, RenderOptions(formats=("dot",), lang=lang))
    for name, data in files.items():
        if name.endswith((".html", ".md")):
            assert "None" not in data.decode(), name
    matrix = files["laporan/matriks-cascading.md"].decode()
    # the code in its own column, the name above the missing statement
    assert "| 1.06.02 | **PROGRAM PEMBERDAYAAN SOSIAL**<br>– |" in matrix


def _editor_takes(node: str) -> bool:
    return not list(jsonschema.Draft7Validator(build_schema()).iter_errors(load_as_editor(node)))


def _checker_takes(node: str, tmp_path: Path) -> bool:
    path = tmp_path / "tree.yaml"
    path.write_text(node, encoding="utf-8")
    return check_path(path, Config()).load.tree is not None


@pytest.mark.parametrize("level", [level.value for level in Level])
@pytest.mark.parametrize("statement", ["", "\n  pernyataan:", "\n  pernyataan: Meningkatnya A"])
def test_the_editor_and_the_checker_agree_where_a_statement_is_needed(
    level: str, statement: str, tmp_path: Path
) -> None:
    text = tree_text(f"- id: n\n  tingkat: {level}\n  nama: PROGRAM A{statement}")
    needed = level not in ("program", "kegiatan", "sub_kegiatan")
    assert _checker_takes(text, tmp_path) is (
        bool(statement.strip(" \n:").endswith("A")) or not needed
    )
    assert _editor_takes(text) is _checker_takes(text, tmp_path)
