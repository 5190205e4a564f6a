"""The checker and the editor schema accept the same keys in every mapping, and only the format's.

The format is the documented (Indonesian) keys; the models' English attribute names are
code, not format. Every key either side knows of is tried in every kind of mapping: one
that the checker takes and the editor refuses (or the other way round) fails the test.
"""

from __future__ import annotations

from typing import Any, get_args

import jsonschema
import pytest
from pydantic import BaseModel, ValidationError

from conftest import tree_text
from pohon.commands.editor_schema import build_schema
from pohon.tree.header import Period
from pohon.tree.model import FragmentFile, Indicator, Node, TreeFile
from pohon.tree.schema_base import yaml_key
from pohon.tree.synonyms import SYNONYMS, meant

SCHEMA = build_schema()


def _inner_models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for argument in get_args(annotation) for model in _inner_models(argument)]


def _places() -> list[type[BaseModel]]:
    """Every model a tree file's mappings are read as, walked from the two file forms."""
    found: list[type[BaseModel]] = []
    todo: list[type[BaseModel]] = [TreeFile, FragmentFile]
    while todo:
        model = todo.pop()
        if model not in found:
            found.append(model)
            for info in model.model_fields.values():
                todo += _inner_models(info.annotation)
    return sorted(found, key=lambda model: model.__name__)


PLACES = _places()
# Every word either side might take: YAML keys, attribute names, the schema's properties,
# and the analysts' words that "did you mean" answers.
CANDIDATES = sorted(
    {
        key
        for model in PLACES
        for name, info in model.model_fields.items()
        for key in (name, info.alias)
    }
    - {None}
    | {key for body in SCHEMA["definitions"].values() for key in body.get("properties", {})}
    | {word for words in SYNONYMS.values() for word in words}
)


def _checker_takes(model: type[BaseModel], key: str) -> bool:
    try:
        model.model_validate({key: None})
    except ValidationError as error:
        return not any(
            e["type"] == "extra_forbidden" and e["loc"] == (key,) for e in error.errors()
        )
    return True


def _editor_takes(model: type[BaseModel], key: str) -> bool:
    schema = {**SCHEMA, "$ref": f"#/definitions/{model.__name__}"}
    for name in ("if", "then", "else"):
        schema.pop(name)
    errors = jsonschema.Draft7Validator(schema).iter_errors({key: None})
    return not any(e.validator == "additionalProperties" and repr(key) in e.message for e in errors)


def test_every_place_of_the_format_is_a_definition_of_the_schema() -> None:
    assert [model.__name__ for model in PLACES] == sorted(
        name for name, body in SCHEMA["definitions"].items() if "properties" in body
    )


@pytest.mark.parametrize("model", PLACES, ids=[model.__name__ for model in PLACES])
def test_the_checker_and_the_editor_take_the_same_keys(model: type[BaseModel]) -> None:
    checker = {key for key in CANDIDATES if _checker_takes(model, key)}
    editor = {key for key in CANDIDATES if _editor_takes(model, key)}
    assert checker == editor, {"checker only": checker - editor, "editor only": editor - checker}
    assert checker == set(SCHEMA["definitions"][model.__name__]["properties"])


@pytest.mark.parametrize("model", PLACES, ids=[model.__name__ for model in PLACES])
def test_an_english_attribute_name_is_no_key(model: type[BaseModel]) -> None:
    english = {name for name, info in model.model_fields.items() if info.alias not in (None, name)}
    assert not {name for name in english if _checker_takes(model, name)}


def test_targets_for_target_is_refused_with_the_key_to_write() -> None:
    from pathlib import Path
    from tempfile import TemporaryDirectory

    from pohon.tree.assemble import load_tree

    text = tree_text(
        "- id: tujuan\n  tingkat: tujuan_opd\n  pernyataan: Meningkatkan A\n"
        "  indikator:\n    - nama: Indeks A\n      targets: {2024: 80}\n"
    )
    with TemporaryDirectory() as folder:
        path = Path(folder) / "tree.yaml"
        path.write_text(text, encoding="utf-8")
        result = load_tree(path)
    assert result.tree is None
    messages = [(f.line, f.column, f.message) for f in result.findings]
    assert len(messages) == 1, messages
    line, column, message = messages[0]
    assert "unknown key `targets`" in message and "Did you mean `target`?" in message
    assert text.splitlines()[line - 1][column - 1 :].startswith("targets:")


@pytest.mark.parametrize("model", list(SYNONYMS), ids=[model.__name__ for model in SYNONYMS])
def test_every_synonym_names_fields_of_its_place_and_is_no_key_there(
    model: type[BaseModel],
) -> None:
    for word, fields in SYNONYMS[model].items():
        assert set(fields) <= set(model.model_fields), (word, fields)
        assert not _checker_takes(model, word), word
        assert meant(word, model) == tuple(yaml_key(model, field) for field in fields)


def test_an_english_name_means_its_key_and_a_key_means_nothing() -> None:
    assert meant("targets", Indicator) == ("target",)
    assert meant("statement", Node) == ("pernyataan",)
    assert meant("start", Period) == ("awal",)
    assert meant("pernyataan", Node) == ()
    assert meant("baseline", Indicator) == ()  # its field name is its key
