"""The loader keeps what the analyst wrote, knows where it was written, and refuses lost data."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from conftest import HEADER, tree_text
from pohon.check.validate_trees import check_path
from pohon.core.errors import YamlError
from pohon.source import yaml_marks as yamlload
from pohon.source.settings_file import Config
from pohon.source.yaml_marks import parse
from pohon.tree.assemble import load_tree
from pohon.tree.figure_reading import Number


def test_uses_the_c_parser_when_pyyaml_has_it() -> None:
    if not yaml.__with_libyaml__:
        pytest.skip("this PyYAML was built without libyaml")
    assert issubclass(yamlload._TextLoader, yaml.CSafeLoader)


@pytest.mark.parametrize(
    "written",
    [
        "1.10",
        "1.06.02",
        "NO",
        "no",
        "yes",
        "on",
        "off",
        "012",
        "0x1F",
        "1_000",
        "2024-01-02",
        "1:20",
        "1e3",
        ".inf",
        ".nan",
        "true",
        "False",
    ],
)
def test_plain_scalars_stay_as_written(written: str) -> None:
    data, _ = parse(f"value: {written}\n")
    assert data == {"value": written}


@pytest.mark.parametrize("written", ["~", "null", "Null", "NULL", ""])
def test_null_is_nothing(written: str) -> None:
    assert parse(f"value: {written}\n")[0] == {"value": None}


def test_year_keys_stay_text_until_the_schema_reads_them() -> None:
    assert parse("target:\n  2024: 80\n")[0] == {"target": {"2024": "80"}}


def test_positions_of_keys_and_values_are_one_based() -> None:
    _, marks = parse("a:\n  - b: x\n    c: [1, 2]\n")
    assert marks.locate(("a", 0, "c")) == (3, 5)  # the key
    assert marks.locate(("a", 0, "c"), prefer_key=False) == (3, 8)  # its value
    assert marks.locate(("a", 0, "c", 1)) == (3, 12)
    assert marks.locate(("a", 0, "missing")) == (2, 5)  # nearest written ancestor
    assert marks.locate(("a", 7)) == (1, 1)  # no such item: the key `a`


def test_duplicate_keys_are_an_error_naming_both_lines() -> None:
    with pytest.raises(YamlError) as raised:
        parse("nama: A\npernyataan: B\nnama: C\n")
    assert (raised.value.rule, raised.value.line, raised.value.column) == ("duplicate-key", 3, 1)
    assert "line 1" in raised.value.message


@pytest.mark.parametrize(
    "text",
    ["a: !!python/object:os.system x\n", "a: !custom x\n", "a: !!binary aGk=\n", "a: !!int 5\n"],
)
def test_tags_are_refused(text: str) -> None:
    with pytest.raises(YamlError) as raised:
        parse(text)
    assert raised.value.rule == "yaml-tag"


def test_a_tab_gets_a_plain_message() -> None:
    with pytest.raises(YamlError) as raised:
        parse("a:\n\t- b\n")
    assert raised.value.line == 2 and "tab" in raised.value.message


@given(st.text(max_size=60))
def test_quoted_text_reads_as_the_yaml_spec_says(text: str) -> None:
    # Quoted text is never reinterpreted: pohon reads it exactly as PyYAML's own safe
    # loader does (which can differ from `text` where the dumper emits a raw line break
    # such as U+0085 inside quotes, and YAML folds it).
    dumped = yaml.safe_dump({"pernyataan": text}, allow_unicode=True)
    try:
        data, _ = parse(dumped)
    except YamlError:
        # the dumper can emit characters that pohon refuses (e.g. control characters);
        # the loader then reports them instead of misreading them
        return
    assert data == yaml.safe_load(dumped)


def test_code_and_statement_keep_their_text_through_the_schema(write_tree) -> None:  # type: ignore[no-untyped-def]
    path = write_tree(
        """
        - id: p
          tingkat: program
          kode: 1.10.01
          nama: NO
          pernyataan: 2024
          indikator:
            - nama: Persentase A
              target: {2024: 80.50, 2025: "85", 2026: tinggi}
        """
    )
    tree = load_tree(path).tree
    assert tree is not None
    (node,) = tree.roots
    assert (node.code, node.name, node.statement) == ("1.10.01", "NO", "2024")
    # Figures are exact, as written: `80.50` keeps its two decimals; text stays text.
    assert node.indicators[0].targets == {
        2024: Number(Decimal("80.50")),
        2025: Number(Decimal(85)),
        2026: "tinggi",
    }
    assert str(node.indicators[0].targets[2024].value) == "80.50"  # type: ignore[union-attr]


def test_a_tree_split_across_files_validates_as_one(write_tree, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    main = (
        write_tree(
            """
        - id: tujuan
          tingkat: tujuan_opd
          pernyataan: Meningkatkan A
          indikator: [{nama: Indeks A}]
        """
        ).read_text()
        + "sertakan: [program/*.yaml]\n"
    )
    (tmp_path / "tree.yaml").write_text(main)
    (tmp_path / "program").mkdir()
    (tmp_path / "program" / "b.yaml").write_text(
        "format: pohon/1\ninduk: ss\nsimpul:\n"
        "  - id: prog\n    tingkat: program\n    nama: PROGRAM B\n    pernyataan: Meningkatnya B\n"
    )
    (tmp_path / "program" / "a.yaml").write_text(
        "format: pohon/1\ninduk: tujuan\nsimpul:\n"
        "  - id: ss\n    tingkat: sasaran_strategis\n    pernyataan: Meningkatnya A\n"
        "    indikator: [{nama: Persentase A}]\n"
    )
    checked = check_path(tmp_path / "tree.yaml", Config())
    assert checked.load.tree is not None
    assert [n.id for n in checked.load.tree.walk()] == ["tujuan", "ss", "prog"]
    # the program has no indicator: the finding points into its own file
    (finding,) = checked.findings
    assert (finding.file, finding.line, finding.rule) == ("program/b.yaml", 4, "missing-indicator")


def test_include_errors_are_positioned(write_tree, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = tree_text("- id: t\n  tingkat: tujuan_opd\n  pernyataan: A\n  indikator: [{nama: I}]\n")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.yaml"
    outside.write_text("format: pohon/1\ninduk: t\nsimpul: []\n")
    (tmp_path / "tree.yaml").write_text(
        text + f"sertakan:\n  - none/*.yaml\n  - ../{outside.name}\n"
    )
    rules = [(f.rule, f.line) for f in load_tree(tmp_path / "tree.yaml").findings]
    assert rules == [("include-missing", 14), ("include-outside", 15)]


def test_an_unknown_parent_is_reported_in_the_fragment(tmp_path: Path) -> None:
    (tmp_path / "tree.yaml").write_text(HEADER + "simpul: []\nsertakan: [part.yaml]\n")
    (tmp_path / "part.yaml").write_text("format: pohon/1\ninduk: nowhere\nsimpul: []\n")
    (finding,) = load_tree(tmp_path / "tree.yaml").findings
    assert (finding.rule, finding.file.endswith("part.yaml"), finding.line) == (
        "unknown-parent",
        True,
        2,
    )


def test_a_fragment_given_as_the_main_file_says_so(tmp_path: Path) -> None:
    (tmp_path / "part.yaml").write_text("format: pohon/1\ninduk: t\nsimpul: []\n")
    (finding,) = load_tree(tmp_path / "part.yaml").findings
    assert "main file" in finding.message
