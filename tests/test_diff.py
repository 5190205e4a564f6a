"""`pohon diff`: golden outputs for a revision with every kind of change, exit codes, the kinds found."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import ROOT, assert_golden
from pohon.cli import main
from pohon.render.diff.text_format import text_diff
from pohon.render.diff.tree_compare import diff_trees
from pohon.render.reports.agreement import build_agreements
from pohon.render.reports.register import build_register
from pohon.render.reports.wording import Labels
from pohon.tree.assemble import load_tree
from pohon.tree.indicator_years import in_force
from pohon.tree.model import Tree

FIXTURES = Path("tests/fixtures/diff")
BEFORE, AFTER = str(FIXTURES / "before.yaml"), str(FIXTURES / "after.yaml")
GOLDEN = ROOT / "tests" / "golden" / "diff"


@pytest.fixture(autouse=True)
def _in_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the fixtures are named as a user in the repository names them


def run(*args: str) -> Any:
    return CliRunner().invoke(main, ["diff", *args])


def loaded(path: str) -> Tree:
    tree = load_tree(Path(path)).tree
    assert tree is not None
    return tree


@pytest.mark.parametrize(
    ("options", "golden"),
    [
        ((), "changes.txt"),
        (("--lang", "en"), "changes-en.txt"),
        (("--format", "markdown"), "changes.md"),
        (("--format", "json"), "changes.json"),
        (("--format", "html"), "matriks-perubahan.html"),
    ],
)
def test_every_format_shows_the_revision(options: tuple[str, ...], golden: str) -> None:
    result = run(BEFORE, AFTER, *options)
    assert result.exit_code == 0, result.output
    assert_golden(result.output, GOLDEN / golden)


def _json() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        run(BEFORE, AFTER, "--format", "json").output, parse_float=Decimal
    )
    return data


def _node(data: dict[str, Any], node_id: str) -> dict[str, Any]:
    [tree] = data["trees"]
    found: dict[str, Any] = next(n for n in tree["nodes"] if n["id"] == node_id)
    return found


def test_a_replaced_indicator_is_one_change_with_its_reason() -> None:
    prog = _node(_json(), "prog-1")
    replaced = [i for i in prog["indicators"] if i["kind"] == "replaced"]
    assert [(i["name"]["before"], i["name"]["after"]) for i in replaced] == [
        ("Jumlah PSKS yang aktif", "Persentase PSKS yang aktif dalam penanganan PPKS")
    ]
    assert replaced[0]["note"]["replaces"] == "psks-jumlah"
    assert replaced[0]["note"]["applies_from"] == 2025
    assert replaced[0]["unit"] == {"before": "lembaga", "after": "%"}
    kept = [i for i in prog["indicators"] if i["kind"] == "changed"]
    assert kept[0]["ends"] == {"before": None, "after": "2024"}  # the replaced one stays, ending


def test_a_reworded_indicator_is_changed_not_removed_and_added() -> None:
    keg = _node(_json(), "keg-1")
    kinds = [(i["kind"], i["aspects"]) for i in keg["indicators"]]
    assert kinds == [("changed", ["reworded", "unit"]), ("changed", ["polarity"])]
    assert keg["indicators"][1]["polarity"] == {"before": "naik", "after": "turun"}


def test_targets_and_pagu_change_by_exact_differences() -> None:
    data = _json()
    assert _node(data, "keg-1")["budget"] == [
        {"year": 2025, "before": 175000000, "after": 160000000, "difference": -15000000}
    ]
    targets = _node(data, "ss-1")["indicators"][0]["targets"]
    assert [(t["year"], t["before"], t["after"], t["difference"]) for t in targets] == [
        (2025, 62, 63, 1),
        (2026, 64, 66, 2),
    ]
    realised = _node(data, "prog-1")["indicators"][0]["realisations"]
    assert realised == [{"year": 2024, "before": 18, "after": 19, "difference": 1}]


def test_nodes_reworded_moved_recoded_added_and_removed() -> None:
    data = _json()
    ss = _node(data, "ss-1")
    assert ss["aspects"] == ["statement", "indicators"]
    assert ss["note"]["reason"] == "Penyelarasan dengan RPJMD Perubahan"
    moved = _node(data, "keg-2")
    assert moved["aspects"] == ["moved", "code", "position"]
    assert moved["parent"] == {"before": "prog-1", "after": "prog-2"}
    assert moved["code"] == {"before": "1.06.04.2.02", "after": "1.06.05.2.01"}
    assert _node(data, "prog-2")["kind"] == "added"
    assert _node(data, "subkeg-3")["kind"] == "added"
    assert _node(data, "subkeg-2")["kind"] == "removed"
    [position] = data["trees"][0]["positions"]
    assert (position["id"], position["holder"]) == ("kadis", {"before": "Budi", "after": "Siti"})


def test_the_same_tree_is_no_change_and_exit_code_says_so() -> None:
    same = run(AFTER, AFTER, "--exit-code")
    assert same.exit_code == 0
    assert "tidak ada perubahan" in same.output
    assert run(BEFORE, AFTER).exit_code == 0  # a diff is no failure by default
    assert run(BEFORE, AFTER, "--exit-code").exit_code == 1


def test_stat_is_one_line() -> None:
    result = run(BEFORE, AFTER, "--stat")
    assert result.output.splitlines() == [
        f"{BEFORE} → {AFTER}: 8 simpul berubah (2 ditambah, 1 dihapus, 5 diubah), "
        "6 indikator berubah, 1 jabatan berubah"
    ]


def test_html_goes_to_the_file_named(tmp_path: Path) -> None:
    out = tmp_path / "matriks.html"
    result = run(BEFORE, AFTER, "--format", "html", "--out", str(out))
    assert result.exit_code == 0 and result.output == ""
    page = out.read_text(encoding="utf-8")
    assert "Matriks Perubahan" in page
    assert "(Rp 15.000.000)" in page  # a decrease in brackets, as the revision forms write it


def test_colour_only_when_asked() -> None:
    diff = diff_trees(loaded(BEFORE), loaded(AFTER), old_label="a", new_label="b")
    assert "\x1b[" not in run(BEFORE, AFTER).output  # CliRunner is no terminal
    assert "\x1b[" in text_diff(diff, Labels("id"), colour=True)


def test_a_missing_side_is_one_line_and_exit_2() -> None:
    result = run(BEFORE, "tests/fixtures/diff/nothing.yaml")
    assert result.exit_code == 2
    assert "nothing.yaml" in result.output and "Traceback" not in result.output


def test_an_indicator_is_in_force_from_its_first_year_to_its_last() -> None:
    after = loaded(AFTER)
    kept, replacement = after.roots[0].children[0].indicators
    assert [in_force(kept, year) for year in (2024, 2025)] == [True, False]
    assert [in_force(replacement, year) for year in (2024, 2025, 2026)] == [False, True, True]


def test_the_agreement_of_a_year_lists_the_indicators_in_force_then() -> None:
    after, labels = loaded(AFTER), Labels("id")
    for year, name in (
        (2024, "Jumlah PSKS yang aktif"),
        (2025, "Persentase PSKS yang aktif dalam penanganan PPKS"),
    ):
        kabid = {a.position_id: a for a in build_agreements(after, year, labels)}["kabid"]
        prog = next(o for o in kabid.objectives if o.node.id == "prog-1")
        assert [i.name for i in prog.indicators] == [name]


def test_the_register_shows_both_with_the_change_marked() -> None:
    register = build_register(loaded(AFTER), Labels("id"))
    prog = [e for e in register.entries if e.node.id == "prog-1"]
    assert [e.indicator.name for e in prog if e.indicator] == [
        "Jumlah PSKS yang aktif",
        "Persentase PSKS yang aktif dalam penanganan PPKS",
    ]
    assert "digantikan: berlaku sampai 2024" in prog[0].notes
    assert "menggantikan indikator psks-jumlah" in prog[1].notes


def test_the_json_fits_its_documented_schema() -> None:
    import jsonschema

    schema = json.loads((ROOT / "docs" / "diff.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    for args in ((BEFORE, AFTER), (AFTER, AFTER), (AFTER, BEFORE)):
        document = json.loads(run(*args, "--format", "json").output)
        assert list(jsonschema.Draft7Validator(schema).iter_errors(document)) == []


def _siblings(count: int, suffix: str, tmp_path: Path, name: str) -> Tree:
    programs = "".join(
        f"    - {{id: p{n}{suffix}, tingkat: program, nama: PROGRAM {n}, "
        f"pernyataan: Meningkatnya layanan sosial kelompok {n}}}\n"
        for n in range(count)
    )
    text = (
        "format: pohon/1\nmeta: {pemda: A, opd: B, periode: {awal: 2024, akhir: 2026}}\n"
        "simpul:\n  - id: ss\n    tingkat: sasaran_strategis\n    pernyataan: Meningkatnya kesejahteraan\n"
        f"    anak:\n{programs}"
    )
    (tmp_path / name).write_text(text, encoding="utf-8")
    return loaded(str(tmp_path / name))


def test_nodes_given_new_ids_pair_by_statement_past_the_cap(tmp_path: Path) -> None:
    before, after = (
        _siblings(120, "", tmp_path, "a.yaml"),
        _siblings(120, "-baru", tmp_path, "b.yaml"),
    )
    diff = diff_trees(before, after, old_label="a", new_label="b")
    assert {(node.kind, node.aspects) for node in diff.nodes} == {("changed", ("id",))}
    assert [(node.old_id, node.id) for node in diff.nodes][:2] == [
        ("p0", "p0-baru"),
        ("p1", "p1-baru"),
    ]
    assert len(diff.nodes) == 120


def test_text_from_the_tree_is_escaped_in_html_and_markdown() -> None:
    from pohon.render.diff.html_format import html_diff
    from pohon.render.diff.markdown_format import markdown_diff

    before, after = loaded(BEFORE), loaded(AFTER)
    after.roots[0].statement = "Meningkatnya <script>alert(1)</script> | sosial"
    diff = diff_trees(before, after, old_label="a", new_label="b")
    page = html_diff([diff], Labels("id")).decode("utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    comment = markdown_diff(diff, Labels("id"))
    assert "<script>" not in comment and "\\| sosial" in comment


def test_a_reworded_sibling_never_takes_the_partner_of_one_written_the_same(tmp_path: Path) -> None:
    before = _siblings(6, "", tmp_path, "a.yaml")
    after = _siblings(6, "-baru", tmp_path, "b.yaml")
    after.roots[0].children[0].statement = "Meningkatnya layanan sosial kelompok 0 yang terpadu"
    diff = diff_trees(before, after, old_label="a", new_label="b")
    assert [(node.old_id, node.id) for node in diff.nodes] == [
        (f"p{n}", f"p{n}-baru") for n in range(6)
    ]
    assert diff.nodes[0].aspects == ("id", "statement")
