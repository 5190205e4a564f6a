"""The Mamuju tree: the whole seed is there, it validates, and its export is stable."""

from __future__ import annotations

from collections import Counter

import pytest
from click.testing import CliRunner

from conftest import MAMUJU, ROOT, assert_golden
from pohon.check.validate_trees import Checked, check_path
from pohon.cli import main
from pohon.core.findings import Severity
from pohon.core.vocabulary import Level
from pohon.render.json_export import tree_to_json
from pohon.source.settings_file import Config
from pohon.tree.model import Tree


@pytest.fixture(scope="module")
def checked() -> Checked:
    return check_path(MAMUJU.relative_to(ROOT), Config())


@pytest.fixture(scope="module")
def tree(checked: Checked) -> Tree:
    assert checked.load.tree is not None
    return checked.load.tree


@pytest.fixture(autouse=True, scope="module")
def _in_project_root() -> object:
    # paths in findings and the export are relative to the working folder
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        yield


def test_counts_per_level(tree: Tree) -> None:
    counts = Counter(node.level for node in tree.walk())
    assert counts == {
        Level.VISI: 1,
        Level.MISI: 1,
        Level.TUJUAN_RPJMD: 1,
        Level.SASARAN_RPJMD: 1,
        Level.TUJUAN_OPD: 1,
        Level.SASARAN_STRATEGIS: 2,
        Level.SASARAN_ANTARA: 2,
        Level.PROGRAM: 7,
        Level.KEGIATAN: 18,
        Level.SUB_KEGIATAN: 76,
    }


def test_every_budget_item_has_a_name_statement_and_indicator(tree: Tree) -> None:
    for node in tree.walk():
        if node.level in (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN):
            assert node.name and node.statement and node.indicators, node.id


def test_program_codes_are_the_national_ones(tree: Tree) -> None:
    codes = sorted(n.code for n in tree.walk() if n.level is Level.PROGRAM if n.code)
    assert codes == [f"1.06.0{i}" for i in range(1, 8)]


def test_the_two_opd_sasaran_and_their_branches(tree: Tree) -> None:
    strategic = [n for n in tree.walk() if n.level is Level.SASARAN_STRATEGIS]
    assert (
        [n.statement for n in strategic]
        == [
            "Meningkatnya penyelenggaraan kesejahteraan sosial yang partisipatif",
            "Terselenggaranya birokrasi OPD yang efektif, efisien dan beriroentasi pada pelayanan prima",  # sic, as the chart spells it
        ]
    )
    assert strategic[1].indicators[0].name.lower().startswith("nilai akip")
    programs_under = [len([n for n in s.walk() if n.level is Level.PROGRAM]) for s in strategic]
    assert programs_under == [6, 1]


def test_rehabilitasi_keg_1_owns_twelve_sub_kegiatan(tree: Tree) -> None:
    # The seed interleaves KEG 1's SUB KEG 2-12 with the migrant program's text (domain.md).
    program = next(n for n in tree.walk() if n.code == "1.06.04")
    kegiatan = [len(k.children) for k in program.children]
    assert kegiatan == [12, 14]
    migrant = next(n for n in tree.walk() if n.code == "1.06.03")
    assert [len(k.children) for k in migrant.children] == [1]


def test_validates_without_errors_and_warns_about_the_source(checked: Checked) -> None:
    assert not [f for f in checked.findings if f.severity is Severity.ERROR]
    rules = Counter(f.rule for f in checked.findings)
    # the source's real weaknesses (domain.md): these are what validate should point out
    assert rules["indicator-repeats-statement"] >= 1
    assert rules["duplicate-statement"] >= 1
    assert rules["activity-statement"] >= 1
    assert rules["combined-indicator"] >= 1


def test_every_kegiatan_and_sub_kegiatan_has_the_code_its_name_and_parent_give(tree: Tree) -> None:
    # docs/data-sources.md records each; a code is the list's entry under the parent's code
    from pohon.source.nomenclature.lists import bundled

    listed, parents = bundled(), tree.parents()
    budget = [n for n in tree.walk() if n.level in (Level.KEGIATAN, Level.SUB_KEGIATAN)]
    assert len(budget) == 94 and all(n.code for n in budget)
    for node in budget:
        assert node.code and node.code.startswith(parents[id(node)].code + "."), node.id
        assert listed.entry(node.code, listed.latest) is not None, node.id
    # not from the chart's ordinals: PENUNJANG KEG 4 is 2.06, and its KEG 2's SUB KEG 4 is 2.02.0007
    penunjang = next(n for n in tree.walk() if n.code == "1.06.01")
    assert penunjang.children[3].code == "1.06.01.2.06"
    assert penunjang.children[1].children[3].code == "1.06.01.2.02.0007"


def test_the_names_that_differ_from_the_list_are_reported_as_printed(checked: Checked) -> None:
    found = [f for f in checked.findings if f.rule.startswith("nomenclature-")]
    assert {f.rule for f in found} == {"nomenclature-name"}
    codes = [f.message.split("`")[1] for f in found]
    assert codes == [
        "1.06.04.2.02",  # (PPKS) for (PMKS)
        "1.06.04.2.02.0008",
        "1.06.01",
        "1.06.01.2.02.0007",  # Triwulan/Semester for Triwulanan/Semesteran
        "1.06.01.2.06.0005",
        "1.06.01.2.08",
        "1.06.01.2.08.0002",
        "1.06.01.2.08.0004",
        "1.06.01.2.09",
    ]
    assert "`Penyediaan Barang Cetakan dan Penggandaan`" in found[4].message


def test_findings_are_golden(checked: Checked) -> None:
    """In English, the message ids (the fixture reads the tree in the tests' language)."""
    from pohon.check.finding_formats import as_text

    assert_golden(as_text(checked.findings), ROOT / "tests" / "golden" / "mamuju.findings.txt")


def test_the_indonesian_findings_are_golden() -> None:
    """What `pohon validate data/dinsos_mamuju.yaml` prints by default, in Indonesian."""
    result = CliRunner().invoke(main, ["validate", "data/dinsos_mamuju.yaml"])
    assert result.exit_code == 0, result.output
    assert_golden(result.stdout, ROOT / "tests" / "golden" / "mamuju.findings.id.txt")


def test_export_is_golden(tree: Tree) -> None:
    assert_golden(tree_to_json(tree), ROOT / "tests" / "golden" / "mamuju.export.json")
