"""Schema errors read as advice: where, what is wrong, how to fix it."""

from __future__ import annotations

import pytest

from conftest import HEADER
from pohon.check.validate_trees import check_path
from pohon.source.settings_file import Config

NODE = "simpul:\n  - id: p\n    tingkat: program\n    nama: PROGRAM A\n    pernyataan: Meningkatnya A\n"


def only_finding(write_tree, text: str):  # type: ignore[no-untyped-def]
    findings = check_path(write_tree(whole=text), Config()).findings
    assert len(findings) == 1, findings
    return findings[0]


@pytest.mark.parametrize(
    ("extra", "line", "words"),
    [
        ("    indikatr: []\n", 13, ["unknown key `indikatr`", "Did you mean `indikator`?"]),
        ("    tingkat2: x\n", 13, ["unknown key `tingkat2`"]),
        ("    indikator:\n      - satuan: '%'\n", 14, ["`nama` is missing"]),
        ("    indikator: Persentase A\n", 13, ["must be a list"]),
        (
            "    anak:\n      - id: k\n        tingkat: kegiatn\n        pernyataan: A\n",
            15,
            ["cannot be `kegiatn`", "Did you mean `kegiatan`?"],
        ),
        ("    indikator:\n      - nama: [a, b]\n", 14, ["must be text", "a list"]),
        ("    indikator:\n      - nama: A\n        target: {20x4: 5}\n", 15, ["not a year"]),
        ("    indikator:\n      - nama: A\n        polaritas: atas\n", 15, ["naik", "turun"]),
        ("    pagu: {2024: banyak}\n", 13, ["`banyak` is not an amount", "1.500.000.000"]),
    ],
)
def test_schema_errors_are_positioned_and_helpful(write_tree, extra, line, words) -> None:  # type: ignore[no-untyped-def]
    finding = only_finding(write_tree, HEADER + NODE + extra)
    assert (finding.rule, finding.line) == ("schema", line)
    for word in words:
        assert word in finding.message


def test_a_missing_statement_points_at_its_node(write_tree) -> None:  # type: ignore[no-untyped-def]
    text = HEADER + "simpul:\n  - id: p\n    tingkat: tujuan_rpjmd\n"
    finding = only_finding(write_tree, text)
    assert (finding.line, finding.column) == (9, 5)
    assert "`pernyataan` is missing" in finding.message


def test_a_budget_item_without_a_statement_is_read_and_warned_about(write_tree) -> None:  # type: ignore[no-untyped-def]
    text = HEADER + "simpul:\n  - id: p\n    tingkat: program\n    nama: PROGRAM A\n"
    findings = check_path(write_tree(whole=text), Config()).findings
    assert {(f.rule, f.severity.label, f.line) for f in findings} == {
        ("statement-missing", "warning", 9),
        ("missing-indicator", "warning", 9),
    }


def test_every_error_of_a_file_is_reported_at_once(write_tree) -> None:  # type: ignore[no-untyped-def]
    text = HEADER.replace("opd: Dinas Sosial", "odp: Dinas Sosial") + NODE + "    kode: [1]\n"
    findings = check_path(write_tree(whole=text), Config()).findings
    # `odp` is too far from `opd` for a suggestion: both the unknown and the missing key are said
    assert [f.line for f in findings] == [2, 4, 13]


def test_the_format_marker_is_required(write_tree) -> None:  # type: ignore[no-untyped-def]
    finding = only_finding(write_tree, HEADER.replace("format: pohon/1\n", "") + NODE)
    assert "format: pohon/1" in finding.message


def test_a_misspelt_required_key_is_one_finding_where_the_fix_goes(write_tree) -> None:  # type: ignore[no-untyped-def]
    text = HEADER + NODE.replace("    pernyataan:", "    pernyatan:")
    finding = only_finding(write_tree, text)
    assert (finding.line, finding.column) == (12, 5)
    assert "unknown key `pernyatan`. Did you mean `pernyataan`?" in finding.message


def test_a_missing_key_is_still_reported_beside_an_unrelated_unknown_one(write_tree) -> None:  # type: ignore[no-untyped-def]
    text = HEADER + NODE.replace("    pernyataan: Meningkatnya A\n", "    warna: merah\n").replace(
        "tingkat: program", "tingkat: sasaran_rpjmd"
    )
    findings = check_path(write_tree(whole=text), Config()).findings
    assert len(findings) == 2
    assert any("`pernyataan` is missing" in f.message for f in findings)
