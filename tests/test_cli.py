"""The command line through click's CliRunner: output shapes and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import in_english, tree_text
from pohon.cli import COMMAND_SYNONYMS, main

CLEAN = """
- id: t
  tingkat: tujuan_opd
  pernyataan: Meningkatkan A
  indikator: [{nama: Indeks A}]
"""
WARNED = (
    CLEAN
    + "  anak:\n    - id: s\n      tingkat: sasaran_strategis\n      pernyataan: Meningkatnya A\n"
)
BROKEN = (
    CLEAN
    + "  anak:\n    - id: t\n      tingkat: sasaran_strategis\n      pernyataan: Meningkatnya A\n"
)


def run(*args: str):  # type: ignore[no-untyped-def]
    """The command in English, the language these tests assert its messages in."""
    return CliRunner().invoke(main, in_english(list(args)))


def test_clean_tree_exits_0(write_tree) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", str(write_tree(CLEAN)))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no problems found" in result.stderr


def test_warnings_exit_0_unless_strict(write_tree) -> None:  # type: ignore[no-untyped-def]
    path = str(write_tree(WARNED))
    result = run("validate", path)
    assert result.exit_code == 0
    assert result.stdout == (
        "tree.yaml:14:9: warning missing-indicator the sasaran_strategis `s` has no indicator: "
        "add `indikator:` with at least one measurable indicator\n"
    )
    assert run("validate", "--strict", path).exit_code == 1


def test_errors_exit_1(write_tree) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", str(write_tree(BROKEN)))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "tree.yaml:14:9: warning missing-indicator the sasaran_strategis `t` has no indicator: "
        "add `indikator:` with at least one measurable indicator",
        "tree.yaml:14:9: error unique-ids the id `t` is already used by another node: "
        "give this node an id of its own",
    ]


def test_json_format(write_tree) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", "--format", "json", str(write_tree(BROKEN)))
    items = json.loads(result.stdout)
    assert [(i["rule"], i["line"], i["column"], i["severity"]) for i in items] == [
        ("missing-indicator", 14, 9, "warning"),
        ("unique-ids", 14, 9, "error"),
    ]


def test_github_format(write_tree) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", "--format", "github", str(write_tree(BROKEN)))
    second = result.stdout.splitlines()[1]
    assert second.startswith("::error file=tree.yaml,line=14,col=9,title=unique-ids::the id `t`")


def test_missing_file_and_directory_exit_2_without_traceback(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "nope.yaml"), str(tmp_path))
    assert result.exit_code == 2
    assert "no such file" in result.stderr and "is a directory" in result.stderr
    assert result.stderr.endswith("0 trees checked: 2 paths could not be read\n")
    assert "Traceback" not in result.output


def test_every_path_is_checked_even_after_a_bad_one(write_tree, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = write_tree(WARNED)
    result = run("validate", str(tmp_path / "nope.yaml"), str(good))
    assert result.exit_code == 2
    assert "missing-indicator" in result.stdout


def test_invalid_yaml_is_one_positioned_line(write_tree) -> None:  # type: ignore[no-untyped-def]
    result = run("validate", str(write_tree(whole="format: pohon/1\nmeta: [\n")))
    assert result.exit_code == 1
    assert result.stdout.startswith("tree.yaml:3:1: error yaml-syntax ")
    assert len(result.stdout.splitlines()) == 1


def test_bad_settings_exit_2(write_tree, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_tree(CLEAN)
    (tmp_path / "pohon.toml").write_text('[rules]\nnope = "off"\n')
    result = run("validate", str(path))
    assert result.exit_code == 2 and "pohon.toml" in result.stderr


def test_settings_change_the_outcome(write_tree, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_tree(WARNED)
    (tmp_path / "pohon.toml").write_text('[rules]\nmissing-indicator = "error"\n')
    assert run("validate", str(path)).exit_code == 1


def test_export_prints_the_canonical_tree(write_tree) -> None:  # type: ignore[no-untyped-def]
    result = run("export", str(write_tree(WARNED)), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    (root,) = data["nodes"]
    assert {"id", "level", "name", "statement", "indicators", "children"} <= set(root)
    assert (root["id"], root["level"], root["name"]) == ("t", "tujuan_opd", None)
    assert root["indicators"][0]["name"] == "Indeks A"
    assert root["children"][0]["id"] == "s"


def test_export_refuses_a_tree_with_errors(write_tree) -> None:  # type: ignore[no-untyped-def]
    result = run("export", str(write_tree(BROKEN)))
    assert result.exit_code == 1 and result.stdout == ""
    assert "unique-ids" in result.stderr


def test_the_tree_text_helper_makes_a_valid_file() -> None:
    assert tree_text(CLEAN).startswith("format: pohon/1\n")


def test_many_trees_checked_in_parallel_read_as_one_by_one(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    paths = []
    for index in range(6):
        path = tmp_path / f"tree{index}.yaml"
        path.write_text(tree_text(BROKEN if index % 2 else WARNED), encoding="utf-8")
        paths.append(str(path.name))
    paths.insert(3, "missing.yaml")
    one = run("validate", "-j", "1", *paths)
    two = run("validate", "-j", "2", *paths)
    assert (two.exit_code, two.stdout, two.stderr) == (one.exit_code, one.stdout, one.stderr)
    assert one.exit_code == 2 and one.stdout.count("unique-ids") == 3
    assert [line.split(":")[0] for line in one.stdout.splitlines()] == [
        "tree0.yaml",
        "tree1.yaml",
        "tree1.yaml",
        "tree2.yaml",
        "tree3.yaml",
        "tree3.yaml",
        "tree4.yaml",
        "tree5.yaml",
        "tree5.yaml",
    ]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("report", "render"),
        ("laporan", "render"),
        ("build", "render"),
        ("draw", "render"),
        ("gambar", "render"),
        ("Report", "render"),
        ("cek", "validate"),
        ("check", "validate"),
        ("periksa", "validate"),
        ("json", "export"),
        ("new", "init"),
        ("skema", "schema"),
    ],
)
def test_another_word_for_a_command_names_that_command(typed: str, meant: str) -> None:
    result = run(typed, "tree.yaml")
    assert result.exit_code == 2
    message = result.stderr.splitlines()[-1]
    assert message.startswith(f"Error: No such command '{typed}'. Did you mean '{meant}'? (")
    assert "Traceback" not in result.output


def test_a_misspelt_command_still_gets_the_closest_name() -> None:
    result = run("rendr")
    assert result.exit_code == 2
    assert "Did you mean 'render'?" in result.stderr


def test_every_command_synonym_names_a_command_and_is_no_command() -> None:
    assert set(COMMAND_SYNONYMS) <= set(main.commands)
    words = [word for words in COMMAND_SYNONYMS.values() for word in words]
    assert len(words) == len(set(words)) and not set(words) & set(main.commands)
