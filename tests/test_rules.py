"""Every rule fires on its documented failing example and stays quiet on its passing one."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, assert_golden, tree_text
from pohon.check.registry import rule_doc
from pohon.check.rules import RULES
from pohon.check.rules.catalogue import markdown
from pohon.check.validate_trees import check_path
from pohon.core.findings import Severity
from pohon.source.settings_file import Config

DOCS = [rule_doc(module) for module in RULES.values()]


def findings_for(tmp_path: Path, nodes: str, config: Config | None = None) -> list[tuple[str, int]]:
    path = tmp_path / "tree.yaml"
    path.write_text(tree_text(nodes), encoding="utf-8")
    checked = check_path(path, config or Config())
    return [(f.rule, f.line) for f in checked.findings]


@pytest.mark.parametrize("doc", DOCS, ids=[d.id for d in DOCS])
def test_failing_example_is_reported(doc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rules = [rule for rule, _ in findings_for(tmp_path, doc.failing)]
    assert doc.id in rules


@pytest.mark.parametrize("doc", DOCS, ids=[d.id for d in DOCS])
def test_passing_example_is_clean(doc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert findings_for(tmp_path, doc.passing) == []


def test_every_rule_documents_both_examples() -> None:
    for doc in DOCS:
        assert doc.summary and doc.text and doc.failing and doc.passing, doc.id


def test_rules_catalogue_is_current() -> None:
    assert_golden(markdown(), ROOT / "docs" / "rules.md")


def test_finding_points_at_the_offending_line(tmp_path: Path) -> None:
    nodes = """
    - id: prog-1
      tingkat: program
      nama: PROGRAM A
      pernyataan: Meningkatnya A
      indikator:
        - nama: Persentase A
          target: {2024: 180}
    """
    found = findings_for(tmp_path, nodes)
    # header is 7 lines + `simpul:`; the target mapping's year key sits on line 15
    assert found == [("percentage-range", 15)]


def test_severity_can_be_raised_or_switched_off(tmp_path: Path) -> None:
    nodes = "- id: s\n  tingkat: sasaran_strategis\n  pernyataan: Meningkatnya A\n"
    path = tmp_path / "tree.yaml"
    path.write_text(tree_text(nodes), encoding="utf-8")
    default = check_path(path, Config()).findings
    assert [(f.rule, f.severity) for f in default] == [("missing-indicator", Severity.WARNING)]
    raised = check_path(path, Config(severities={"missing-indicator": Severity.ERROR})).findings
    assert [f.severity for f in raised] == [Severity.ERROR]
    assert check_path(path, Config(severities={"missing-indicator": None})).findings == []


def test_abaikan_silences_one_rule_on_one_node(tmp_path: Path) -> None:
    nodes = """
    - id: s1
      tingkat: sasaran_strategis
      pernyataan: Meningkatnya A
      abaikan: [missing-indicator]
    - id: s2
      tingkat: sasaran_strategis
      pernyataan: Meningkatnya B
      abaikan: [no-such-rule]
    """
    found = findings_for(tmp_path, nodes)
    assert found == [("missing-indicator", 13), ("unknown-rule", 16)]


def test_unique_ids_points_at_the_second_use(tmp_path: Path) -> None:
    nodes = """
    - id: a
      tingkat: tujuan_opd
      pernyataan: Meningkatkan A
      indikator: [{nama: Indeks A}]
    - id: a
      tingkat: tujuan_opd
      pernyataan: Meningkatkan B
      indikator: [{nama: Indeks B}]
    """
    path = tmp_path / "tree.yaml"
    path.write_text(tree_text(nodes), encoding="utf-8")
    (found,) = check_path(path, Config()).findings
    assert (found.rule, found.line, found.column) == ("unique-ids", 13, 5)
    assert " in " not in found.message  # same file: no file name to repeat
