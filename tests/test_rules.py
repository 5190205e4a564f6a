"""Every rule's failing example finds what its `^` marks say, where they say; the passing one nothing."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT, assert_golden, tree_text
from pohon.check.registry import RuleDoc, rule_doc
from pohon.check.rules import RULES
from pohon.check.rules.catalogue import markdown
from pohon.check.validate_trees import check_path
from pohon.core.findings import Severity
from pohon.source.settings_file import Config

DOCS = [rule_doc(module) for module in RULES.values()]


def example_file(example: str) -> str:
    """A rule's example as a tree file: its nodes under the shared header, or, when the
    example starts with `format:` (it needs its own `meta`), the whole file as written."""
    return example + "\n" if example.startswith("format:") else tree_text(example)


def findings_for(tmp_path: Path, nodes: str, config: Config | None = None) -> list[tuple[str, int]]:
    path = tmp_path / "tree.yaml"
    path.write_text(example_file(nodes), encoding="utf-8")
    checked = check_path(path, config or Config())
    return [(f.rule, f.line) for f in checked.findings]


# A YAML comment under a line of a failing example: its `^` stands under the column a
# finding points at, and the rules after it are those found there.
MARK = re.compile(r"^\s*#\s*(\^) (\S.*)$")


def marked(text: str) -> Counter[tuple[str, int, int]]:
    """(rule, line, column) of every finding the marks in a tree file's text announce."""
    expected: Counter[tuple[str, int, int]] = Counter()
    line = 0
    for number, text_line in enumerate(text.splitlines(), start=1):
        mark = MARK.match(text_line)
        if not mark:
            line = number
            continue
        for rule in mark[2].split(", "):
            expected[(rule, line, mark.start(1) + 1)] += 1
    return expected


def test_marks_are_read_as_written() -> None:
    text = "a: {b: 1}\n#    ^ x\n# ^ y, z\nc: 2\n  # ^ x\n"
    assert marked(text) == Counter({("x", 1, 6): 1, ("y", 1, 3): 1, ("z", 1, 3): 1, ("x", 4, 5): 1})


@pytest.mark.parametrize("doc", DOCS, ids=[d.id for d in DOCS])
def test_failing_example_finds_what_its_marks_say(doc: RuleDoc, tmp_path: Path) -> None:
    path = tmp_path / "tree.yaml"
    path.write_text(example_file(doc.failing), encoding="utf-8")
    expected = marked(path.read_text(encoding="utf-8"))
    assert doc.id in {rule for rule, _, _ in expected}
    found = Counter((f.rule, f.line, f.column) for f in check_path(path, Config()).findings)
    assert found == expected


@pytest.mark.parametrize("doc", DOCS, ids=[d.id for d in DOCS])
def test_passing_example_is_clean(doc: RuleDoc, tmp_path: Path) -> None:
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
