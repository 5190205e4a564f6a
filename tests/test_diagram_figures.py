"""`--figures`: satuan, target, realisation and capaian under each indicator, pagu in budget items."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import ROOT, diagram_files
from pohon.check.validate_trees import check_path
from pohon.render.options import RenderOptions
from pohon.source.settings_file import Config
from pohon.tree.model import Tree

RENCANA = ROOT / "tests" / "fixtures" / "renstra" / "rencana_program.yaml"
DOT = RenderOptions(formats=("dot",))


@pytest.fixture(scope="module")
def tree() -> Tree:
    loaded = check_path(RENCANA, Config()).load.tree
    assert loaded is not None
    return loaded


def test_the_boxes_print_the_figures_of_the_year(tree: Tree) -> None:
    files = diagram_files(tree, replace(DOT, figures=True, year=2025))
    page = files["diagram/cascading/prog-rehsos.dot"].decode()
    assert "anak · target 2025: 120 · realisasi 118 (98,33 %)" in page
    assert "PAGU 2025 : Rp 1.250.000.000" in page  # as stated, though its kegiatan differ
    assert "PAGU 2025 : Rp 650.000.000" in page
    # a program that states no pagu costs what its kegiatan add up to
    other = files["diagram/cascading/prog-linjamsos.dot"].decode()
    assert "PAGU 2025 : Rp 300.000.000" in other
    later = diagram_files(tree, replace(DOT, figures=True, year=2027, lang="en"))
    page = later["diagram/cascading/prog-rehsos.dot"].decode()
    assert "anak · target 2027: 140<" in page  # nothing realised that year: no capaian
    assert "BUDGET 2027 : IDR 1,290,000,000" in page


def test_without_the_option_the_charts_are_as_before(tree: Tree) -> None:
    plain = diagram_files(tree, DOT)
    assert plain == diagram_files(tree, replace(DOT, figures=False, year=2025))
    assert not any(b"target 2025" in data or b"PAGU" in data for data in plain.values())
    assert plain != diagram_files(tree, replace(DOT, figures=True))
