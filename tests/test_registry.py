"""One registry of finding ids, and YAML keys named through the models, never as literals."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from pydantic import BaseModel

from conftest import ROOT, tree_text
from pohon.check.registry import LOADER_CHECKS, REGISTRY
from pohon.check.rules import RULES
from pohon.check.validate_trees import check_path
from pohon.core.finding_ids import LoaderCheck, RuleId
from pohon.core.findings import Severity
from pohon.source import discover
from pohon.source.settings_file import Config
from pohon.tree import header, model
from pohon.tree.model import FragmentFile, Node, TreeFile
from pohon.tree.schema_base import yaml_key

SRC = ROOT / "src" / "pohon"
SOURCES = sorted(SRC.rglob("*.py"))
RULES_MD = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


def _calls(name: str) -> list[tuple[Path, ast.Call]]:
    found = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == name:
                found.append((path, node))
    return found


# --- the registry ------------------------------------------------------------------------


def test_every_id_is_registered_once_and_nothing_else_is() -> None:
    assert set(REGISTRY) == set(LoaderCheck) | set(RuleId)
    assert len(REGISTRY) == len(LoaderCheck) + len(RuleId)


def test_the_rules_are_the_rule_ids_in_their_order() -> None:
    assert list(RULES) == list(RuleId)
    for rule_id, module in RULES.items():
        assert module.__name__.rsplit(".", 1)[1] == rule_id.value.replace("-", "_")
        assert (module.__doc__ or "").startswith(f"{rule_id}: ")


def test_only_rules_are_configurable() -> None:
    assert {c.id for c in REGISTRY.values() if c.configurable} == set(RuleId)
    assert [c.id for c in LOADER_CHECKS] == list(LoaderCheck)


@pytest.mark.parametrize("check", REGISTRY.values(), ids=lambda c: c.id)
def test_every_id_is_documented_in_the_catalogue(check) -> None:  # type: ignore[no-untyped-def]
    assert check.summary.strip()
    row = f"| `{check.id}` | {check.severity.label} | {check.summary} |"
    heading = f"\n## {check.id}\n\nDefault severity: **{check.severity.label}**. {check.summary}"
    assert (heading if check.configurable else row) in RULES_MD


def test_unused_part_and_unknown_rule_are_documented_as_warnings() -> None:
    assert "| `unused-part` | warning |" in RULES_MD
    assert "| `unknown-rule` | warning |" in RULES_MD


@pytest.mark.parametrize("check", list(LoaderCheck), ids=str)
def test_every_loader_check_is_reported_by_some_module(check: LoaderCheck) -> None:
    """Each id names a finding some stage makes: the registry holds no dead ids."""
    users = [
        path.relative_to(SRC)
        for path in SOURCES
        if path.name not in ("finding_ids.py", "registry.py")
        and f"LoaderCheck.{check.name}" in path.read_text(encoding="utf-8")
    ]
    assert users, f"{check} is registered but nothing reports it"


def test_no_module_spells_a_finding_id_as_text() -> None:
    """Ids come from pohon.core.finding_ids; a literal id would bypass the registry."""
    ids = {str(i) for i in REGISTRY}
    spelt = []
    for path in SOURCES:
        if path.name == "finding_ids.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in ids:
                spelt.append(f"{path.relative_to(SRC)}:{node.lineno} {node.value!r}")
    assert spelt == []


# --- what the loader and the rules report agrees with the registry -------------------------

BAD_TREES = {
    "unknown-rule": """
    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      abaikan: [duplicate-statement, duplicate-statment]
      indikator: [{nama: Persentase PSKS yang aktif}]
    """,
    "schema": """
    - id: prog-1
      tingkat: program
      pernyatan: Meningkatnya pemberdayaan sosial
    """,
    "rules": """
    - id: prog-1
      tingkat: program
      pernyataan: Terlaksananya pemberdayaan sosial
      kode: "x"
      indikator: [{nama: Terlaksananya pemberdayaan sosial, satuan: "%", target: {2099: 120}}]
    """,
}


@pytest.mark.parametrize("case", BAD_TREES, ids=str)
def test_findings_carry_their_registered_severity(tmp_path: Path, case: str) -> None:
    path = tmp_path / "tree.yaml"
    path.write_text(tree_text(BAD_TREES[case]), encoding="utf-8")
    findings = check_path(path, Config()).findings
    assert findings
    for finding in findings:
        assert finding.rule in REGISTRY
        assert finding.severity is REGISTRY[finding.rule].severity, finding


def test_an_unknown_rule_in_abaikan_is_its_own_warning_at_the_item(tmp_path: Path) -> None:
    path = tmp_path / "tree.yaml"
    path.write_text(tree_text(BAD_TREES["unknown-rule"]), encoding="utf-8")
    (finding,) = check_path(path, Config()).findings
    line = (
        tree_text(BAD_TREES["unknown-rule"])
        .splitlines()
        .index("    abaikan: [duplicate-statement, duplicate-statment]")
    )
    assert (finding.rule, finding.severity) == (LoaderCheck.UNKNOWN_RULE, Severity.WARNING)
    assert (finding.line, finding.column) == (line + 1, 36)
    assert "`duplicate-statment`, which is no rule" in finding.message


# --- YAML keys through the models' aliases -------------------------------------------------


def test_yaml_key_reads_the_alias_and_refuses_an_unknown_field() -> None:
    assert yaml_key(Node, "code") == "kode"
    assert yaml_key(Node, "id") == "id"  # no alias: the field's own name
    with pytest.raises(KeyError):
        yaml_key(Node, "kode")  # a YAML key is no field name


def test_every_key_named_in_the_code_resolves() -> None:
    calls = _calls("yaml_key")
    assert len(calls) >= 25, "the rules, the loader and the editor schema name their keys"
    for path, call in calls:
        if path.name in {"model.py", "schema_base.py"}:
            continue
        owner, field = call.args
        where = f"{path.relative_to(SRC)}:{call.lineno}"
        assert isinstance(field, ast.Constant), where
        models = (
            [TreeFile, FragmentFile]
            if isinstance(owner, ast.Name) and owner.id == "form_model"
            else [getattr(model, owner.id, None) or getattr(header, owner.id)]
        )
        for cls in models:
            assert isinstance(cls, type) and issubclass(cls, BaseModel), where
            assert field.value in cls.model_fields, f"{where}: {cls.__name__} has no {field.value}"


def test_no_finding_points_at_a_key_spelt_as_text() -> None:
    """`ctx.at`, `at_indicator`, `locate` and `Origin` take keys from `yaml_key`, not literals."""
    keys = {
        info.alias or name
        for cls in (TreeFile, FragmentFile, header.Meta, header.Period, Node, model.Indicator)
        for name, info in cls.model_fields.items()
    }
    spelt = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name not in ("at", "at_indicator", "locate", "Origin", "Problem", "_stamp"):
                continue
            named = {
                id(arg)
                for inner in ast.walk(node)
                if isinstance(inner, ast.Call) and getattr(inner.func, "id", None) == "yaml_key"
                for arg in inner.args
            }
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Constant)
                    and inner.value in keys
                    and id(inner) not in named
                ):
                    spelt.append(f"{path.relative_to(SRC)}:{inner.lineno} {inner.value!r}")
    assert spelt == []


def test_discovery_looks_for_the_keys_the_models_are_written_with() -> None:
    assert discover.FORMAT_KEY == yaml_key(TreeFile, "format") == yaml_key(FragmentFile, "format")
    assert yaml_key(FragmentFile, "parent") == discover.PARENT_KEY


def test_a_part_of_a_tree_spells_its_keys_as_a_main_file_does() -> None:
    # the loader points at `sertakan` and `simpul` of either kind of file with one key
    for field in ("format", "nodes", "includes"):
        assert yaml_key(TreeFile, field) == yaml_key(FragmentFile, field)
