"""The editor schema: valid draft-07, current on disk, and right about what the editor will see."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import MAMUJU, ROOT, tree_text
from editor_yaml import load_as_editor
from pohon.check.rules import RULES
from pohon.cli import main
from pohon.commands.editor_schema import build_schema, schema_text

COMMITTED = ROOT / "docs" / "pohon.schema.json"

# Every keyword draft-07 defines (core and validation, with annotations); editors of that
# era, the YAML language server among them, know nothing newer (`$defs`, `prefixItems`…).
DRAFT_07_KEYWORDS = frozenset(
    [
        "$schema",
        "$id",
        "$ref",
        "$comment",
        "title",
        "description",
        "default",
        "readOnly",
        "writeOnly",
        "examples",
        "multipleOf",
        "maximum",
        "exclusiveMaximum",
        "minimum",
        "exclusiveMinimum",
        "maxLength",
        "minLength",
        "pattern",
        "additionalItems",
        "items",
        "maxItems",
        "minItems",
        "uniqueItems",
        "contains",
        "maxProperties",
        "minProperties",
        "required",
        "additionalProperties",
        "definitions",
        "properties",
        "patternProperties",
        "dependencies",
        "propertyNames",
        "const",
        "enum",
        "type",
        "format",
        "contentMediaType",
        "contentEncoding",
        "if",
        "then",
        "else",
        "allOf",
        "anyOf",
        "oneOf",
        "not",
    ]
)
# Keywords whose value is a map of names to schemas, not a schema.
_NAME_MAPS = frozenset({"properties", "definitions", "patternProperties", "dependencies"})


def _schemas(node: Any) -> list[dict[str, Any]]:
    """Every subschema of `node` (itself included)."""
    if not isinstance(node, dict):
        return []
    found = [node]
    for key, value in node.items():
        if key in _NAME_MAPS:
            for sub in value.values():
                found += _schemas(sub)
        elif key in {"items", "not", "if", "then", "else", "additionalProperties", "propertyNames"}:
            found += _schemas(value)
        elif key in {"allOf", "anyOf", "oneOf"}:
            for sub in value:
                found += _schemas(sub)
    return found


def _errors(instance: Any) -> list[str]:
    validator = jsonschema.Draft7Validator(build_schema())
    return sorted(
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(instance)
    )


def test_the_schema_is_valid_draft_07() -> None:
    schema = build_schema()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["$id"]
    jsonschema.Draft7Validator.check_schema(schema)


def test_the_schema_uses_only_draft_07_keywords() -> None:
    used = {key for sub in _schemas(build_schema()) for key in sub}
    assert used <= DRAFT_07_KEYWORDS, used - DRAFT_07_KEYWORDS


def test_no_ref_has_siblings_that_draft_07_would_ignore() -> None:
    for sub in _schemas(build_schema()):
        if "$ref" in sub:
            assert set(sub) == {"$ref"}, sub


def test_every_field_and_definition_is_described_in_indonesian() -> None:
    schema = build_schema()
    for name, definition in schema["definitions"].items():
        assert definition.get("description"), name
        for field, body in definition.get("properties", {}).items():
            assert body.get("description"), f"{name}.{field}"
    descriptions = [sub["description"] for sub in _schemas(schema) if "description" in sub]
    english = [d for d in descriptions if any(w in d.split() for w in ("the", "The", "of", "is"))]
    assert english == []


def test_the_committed_schema_is_current() -> None:
    result = CliRunner().invoke(main, ["schema", "--check", str(COMMITTED)])
    assert result.exit_code == 0, result.output
    assert schema_text() == COMMITTED.read_text(encoding="utf-8")


def test_schema_prints_the_schema(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert result.stdout == schema_text()
    assert json.loads(result.stdout)["$id"] == build_schema()["$id"]


def test_schema_check_reports_a_stale_copy(tmp_path: Path) -> None:
    stale = tmp_path / "pohon.schema.json"
    stale.write_text(schema_text().replace("Catatan.", "Catatan lama."), encoding="utf-8")
    result = CliRunner().invoke(main, ["schema", "--lang", "en", "--check", str(stale)])
    assert result.exit_code == 1
    assert "out of date" in result.stderr and "pohon schema >" in result.stderr


def test_schema_check_accepts_a_copy_checked_out_with_windows_line_ends(tmp_path: Path) -> None:
    copy = tmp_path / "pohon.schema.json"
    copy.write_bytes(schema_text().replace("\n", "\r\n").encode("utf-8"))
    assert CliRunner().invoke(main, ["schema", "--check", str(copy)]).exit_code == 0


def test_schema_check_of_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["schema", "--lang", "en", "--check", str(tmp_path / "nope.json")]
    )
    assert result.exit_code == 2
    assert "cannot be read" in result.stderr and "Traceback" not in result.output


def test_the_mamuju_tree_fits_the_schema_as_the_editor_reads_it() -> None:
    assert MAMUJU.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../docs/pohon.schema.json\n"
    )
    assert _errors(load_as_editor(MAMUJU)) == []


def test_a_fragment_file_fits_the_schema() -> None:
    fragment = "format: pohon/1\ninduk: prog-1\nsimpul:\n  - {id: keg-1, tingkat: kegiatan, pernyataan: Meningkatnya X}\n"
    assert _errors(load_as_editor(fragment)) == []
    assert _errors(load_as_editor(fragment.replace("induk: prog-1\n", ""))) != []


NODE = """\
- id: keg-1
  tingkat: kegiatan
  nama: Pemberdayaan Sosial KAT
  kode: {code}
  pernyataan: Meningkatnya kualitas hidup warga KAT
  indikator:
    - nama: Persentase warga KAT yang meningkat kualitas hidupnya
      target: {{2024: {figure}}}
  pagu: {{2024: 150000000}}
"""


@pytest.mark.parametrize("figure", ["85", "85.5", '"85,5"', "tercapai"])
def test_figures_may_be_numbers_or_text(figure: str) -> None:
    text = tree_text(NODE.format(code='"1.06.02.2.01"', figure=figure))
    assert _errors(load_as_editor(text)) == []


def test_an_unquoted_code_that_reads_as_a_number_is_flagged_in_the_editor() -> None:
    text = tree_text(NODE.format(code="1.06", figure="85"))
    assert _errors(load_as_editor(text)) == ["simpul/0/kode: 1.06 is not of type 'string', 'null'"]


def test_year_keyed_maps_take_years_only() -> None:
    text = tree_text(NODE.format(code='"1.06.02.2.01"', figure="85")).replace(
        "target: {2024:", "target: {tahun-ini:"
    )
    assert _errors(load_as_editor(text)) == [
        "simpul/0/indikator/0/target: 'tahun-ini' does not match "
        "'^(19[0-9]{2}|2[01][0-9]{2}|2200|akhir)$'"
    ]


def test_a_target_for_the_end_of_the_period_is_taken_by_the_editor_too() -> None:
    text = tree_text(NODE.format(code='"1.06.02.2.01"', figure="85")).replace(
        "target: {2024:", "target: {akhir:"
    )
    assert _errors(load_as_editor(text)) == []


@pytest.mark.parametrize(
    ("amount", "errors"),
    [
        ("1250000000", []),
        ("11.080.481.999", []),  # a float 11.08… to the editor: as good as a number
        ('"Rp 11.080.481.999,00"', []),
        ("-5", ["simpul/0/pagu/2024: -5 is less than the minimum of 0"]),
        ('"Rp 1,5 milyar"', ["simpul/0/pagu/2024: 'Rp 1,5 milyar' does not match"]),
    ],
)
def test_the_editor_checks_a_budget_as_the_checker_reads_it(amount: str, errors: list[str]) -> None:
    text = tree_text(NODE.format(code='"1.06.02.2.01"', figure="85")).replace(
        "pagu: {2024: 150000000}", f"pagu: {{2024: {amount}}}"
    )
    found = _errors(load_as_editor(text))
    assert [e[: len(x)] for e, x in zip(found, errors, strict=False)] == errors
    assert len(found) == len(errors)


def test_unknown_keys_and_levels_are_flagged() -> None:
    text = tree_text("- {id: a, tingkat: subkegiatan, pernyataan: X, warna: merah}")
    errors = _errors(load_as_editor(text))
    assert any(e.startswith("simpul/0/tingkat: 'subkegiatan' is not one of") for e in errors)
    assert any("'warna' was unexpected" in e for e in errors)


def test_abaikan_completes_to_the_rule_ids() -> None:
    items = build_schema()["definitions"]["Node"]["properties"]["abaikan"]["items"]
    assert items == {"enum": list(RULES)}


# The editors' own engine: the YAML language server that `make test` installs with npm.

LANGUAGE_SERVER = ROOT / ".venv" / "yaml-language-server" / "node_modules"
needs_language_server = pytest.mark.skipif(
    shutil.which("node") is None or not (LANGUAGE_SERVER / "yaml-language-server").is_dir(),
    reason="node or the YAML language server is missing: `make test` installs it with npm",
)


PART = "# yaml-language-server: $schema=pohon.schema.json\nformat: pohon/1\ninduk: ss-1\n"


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """What the language server says about each file below, asked in one node run."""
    folder = tmp_path_factory.mktemp("editor")
    (folder / "pohon.schema.json").write_text(schema_text(), encoding="utf-8")
    mistakes = "# yaml-language-server: $schema=pohon.schema.json\n" + tree_text(
        NODE.format(code="1.06", figure="85").replace("tingkat: kegiatan", "tingkat: kegiatn")
    ).replace("  - id: keg-1\n", "  - id: keg-1\n    warna: merah\n")
    (folder / "tree.yaml").write_text(mistakes, encoding="utf-8")
    (folder / "part.yaml").write_text(PART + "simpul: []\n", encoding="utf-8")
    (folder / "part-with-meta.yaml").write_text(PART + "meta: {}\n", encoding="utf-8")
    queries = {  # name: FILE[@LINE:COLUMN to hover at]
        "mamuju": str(MAMUJU),
        "mistakes": f"{folder / 'tree.yaml'}@12:6",
        "part": str(folder / "part.yaml"),
        "part with meta": str(folder / "part-with-meta.yaml"),
    }
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "yls_check.js"), *queries.values()],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "NODE_PATH": str(LANGUAGE_SERVER)},
    )
    answers: list[dict[str, Any]] = json.loads(result.stdout)
    assert len(answers) == len(queries)
    return dict(zip(queries, answers, strict=True))


@needs_language_server
def test_the_editor_finds_no_fault_in_the_mamuju_tree(editor: dict[str, dict[str, Any]]) -> None:
    assert editor["mamuju"]["diagnostics"] == []


@needs_language_server
def test_the_editor_flags_mistakes_where_they_are_and_explains_fields(
    editor: dict[str, dict[str, Any]],
) -> None:
    answer = editor["mistakes"]
    found = dict(d.split(" ", 1) for d in answer["diagnostics"])
    assert sorted(found) == ["11:5", "12:14", "14:11"]  # warna, tingkat, kode: 1.06
    assert "Property warna is not allowed" in found["11:5"]
    assert "sub_kegiatan" in found["12:14"]
    assert "Expected one of string, null" in found["14:11"]
    assert "Tingkat simpul" in answer["hover"]  # line 12 is `tingkat`


@needs_language_server
def test_the_editor_reads_a_part_of_a_tree_by_its_induk(editor: dict[str, dict[str, Any]]) -> None:
    assert editor["part"]["diagnostics"] == []
    assert editor["part with meta"]["diagnostics"] == ["4:1 Property meta is not allowed."]
