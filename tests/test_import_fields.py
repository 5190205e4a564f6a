"""Every field of the model survives the export workbook, the flat CSV and the JSON export.

The model itself is compared (`model_dump` of the tree loaded from the original and from the
re-imported file), not only the JSON export, and a fixture that sets every field of every
model class (tests/fixtures/roundtrip/every_field.yaml) makes a field added to the model but
not carried by the data sheets or the export fail here (docs/import.md, "A new field").
"""

from __future__ import annotations

import csv
import io
import json
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from pydantic import BaseModel

from conftest import MAMUJU, ROOT
from pohon.cli import main
from pohon.render.tree_table import tree_table
from pohon.tree.assemble import load_tree
from pohon.tree.model import Tree
from pohon.write.tree_yaml import figure_text

EVERY_FIELD = ROOT / "tests" / "fixtures" / "roundtrip" / "every_field.yaml"


def _tree(path: Path) -> Tree:
    loaded = load_tree(path)
    assert loaded.tree is not None, loaded.findings
    return loaded.tree


def _model(path: Path) -> dict[str, Any]:
    """The whole model as data, less what names the file it was read from."""
    dumped = _tree(path).model_dump(mode="json", by_alias=True, warnings=False)
    del dumped["source"]  # the file's path; the nodes' origins are private, not dumped
    return dumped


def _export(path: Path) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["export", str(path)])
    assert result.exit_code == 0, result.output
    exported: dict[str, Any] = json.loads(result.stdout)
    del exported["source"]
    return exported


def _classes(model: type[BaseModel]) -> list[type[BaseModel]]:
    """`model` and every model class its fields hold, through lists, dicts and unions."""
    found: list[type[BaseModel]] = []
    todo: list[Any] = [model]
    while todo:
        kind = todo.pop()
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            if kind not in found:
                found.append(kind)
                todo.extend(f.annotation for f in kind.model_fields.values())
        else:
            todo.extend(typing.get_args(kind))
    return found


def _instances(value: Any, out: dict[type[BaseModel], list[BaseModel]]) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, BaseModel):
            out.setdefault(type(item), []).append(item)
            stack.extend(getattr(item, name) for name in type(item).model_fields)
        elif isinstance(item, list | tuple):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())


def _is_set(model: BaseModel, name: str) -> bool:
    field = type(model).model_fields[name]
    value = getattr(model, name)
    if field.default_factory is not None:
        return bool(value != field.default_factory())  # type: ignore[call-arg]
    return bool(value != field.default) if not field.is_required() else value is not None


def test_the_fixture_sets_every_field_of_every_model_class() -> None:
    """A field the fixture leaves unset is a field no round trip below would notice dropped."""
    found: dict[type[BaseModel], list[BaseModel]] = {}
    _instances(_tree(EVERY_FIELD), found)
    unset = [
        f"{kind.__name__}.{name}"
        for kind in _classes(Tree)
        for name in kind.model_fields
        if not any(_is_set(instance, name) for instance in found.get(kind, []))
    ]
    assert not unset, (
        f"set these fields in {EVERY_FIELD.name} and carry them in the data sheets and the "
        f"JSON export (docs/import.md, 'A new field'): {unset}"
    )
    assert isinstance(_tree(EVERY_FIELD).meta.nomenclature, dict)  # Mamuju has the one text


def _through_the_export_workbook(source: Path, tmp_path: Path) -> Path:
    book = tmp_path / "pohon.xlsx"
    written = CliRunner().invoke(
        main, ["export", str(source), "--format", "xlsx", "--out", str(book)]
    )
    assert written.exit_code == 0, written.output
    out = tmp_path / "kembali.yaml"
    result = CliRunner().invoke(main, ["import", str(book), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "tata letak pohon" in result.stderr
    return out


def test_every_field_survives_the_export_workbook(tmp_path: Path) -> None:
    back = _through_the_export_workbook(EVERY_FIELD, tmp_path)
    assert _model(back) == _model(EVERY_FIELD)
    assert _export(back) == _export(EVERY_FIELD)


def test_the_mamuju_tree_survives_the_export_workbook(tmp_path: Path) -> None:
    back = _through_the_export_workbook(MAMUJU, tmp_path)
    assert _model(back) == _model(MAMUJU)
    assert _export(back) == _export(MAMUJU)


def _csv_cell(value: str | int | Decimal | None) -> str:
    if value is None:
        return ""
    return figure_text(value) if isinstance(value, Decimal) else str(value)


def test_every_node_field_survives_a_flat_csv(tmp_path: Path) -> None:
    """The Pohon sheet's columns pasted into a CSV: the flat layout gives every node back.

    A flat table holds no Meta and no Jabatan sheet (its meta comes from title rows, its
    positions from the `jabatan` column): only the nodes are compared; and it reads a unit
    written beside a figure (`120 orang`) as a check on the `satuan`, keeping the number."""
    table = tree_table(_tree(EVERY_FIELD))
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";", lineterminator="\n")
    writer.writerows([table.header, *([_csv_cell(c) for c in row] for row in table.rows)])
    source = tmp_path / "tabel.csv"
    source.write_text(text.getvalue(), encoding="utf-8")
    out = tmp_path / "pohon.yaml"
    result = CliRunner().invoke(main, ["import", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "tata letak flat" in result.stderr
    assert _unitless(_model(out)["roots"]) == _unitless(_model(EVERY_FIELD)["roots"])
    assert _model(out)["roots"] != _model(EVERY_FIELD)["roots"]  # the units did go


def _unitless(value: Any) -> Any:
    """A dumped tree with each figure's unit written beside it left out."""
    if isinstance(value, dict):
        if set(value) == {"value", "unit"}:
            return value["value"]
        return {key: _unitless(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_unitless(item) for item in value]
    return value


NOT_EXPORTED = {
    "Position.nip": "personal data: never in the JSON export (docs/export.md)",
    "Indicator.end_target": "exported as `akhir` in `targets`",
    "Meta.signatories": "exported as `signatories` (ids) and `signatures` (with the place)",
    "Tree.roots": "exported as `nodes`",
}


def _exported_objects(exported: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    nodes, stack = [], list(exported["nodes"])
    while stack:
        node = stack.pop()
        nodes.append(node)
        stack.extend(node["children"])
    meta = exported["meta"]
    return {
        "Tree": [exported],
        "Meta": [meta],
        "Period": [meta["period"]],
        "RegionHead": [meta["head"]],
        "Signatory": meta["signatures"],
        "Position": list(exported["positions"].values()),
        "Node": nodes,
        "Indicator": [i for node in nodes for i in node["indicators"]],
        "ChangeNote": [n["change"] for n in nodes if n["change"]],
        "IndicatorChangeNote": [i["change"] for n in nodes for i in n["indicators"] if i["change"]],
    }


def test_the_json_export_has_a_key_for_every_field_of_the_model() -> None:
    """Each model class's fields are keys of its JSON object (by field name), bar those above."""
    objects = _exported_objects(_export(EVERY_FIELD))
    missing = []
    for kind in _classes(Tree):
        assert kind.__name__ in objects, f"the JSON export has no object for {kind.__name__}"
        for name in kind.model_fields:
            where = f"{kind.__name__}.{name}"
            if where in NOT_EXPORTED or where == "Tree.source":
                continue
            if not all(name in obj for obj in objects[kind.__name__]):
                missing.append(where)
    assert not missing, f"add these to render/json_export.py and docs/export.md: {missing}"


def test_a_field_left_out_of_the_data_sheets_is_noticed(tmp_path: Path) -> None:
    """The comparison is honest: the same tree less one field's value compares unequal."""
    text = EVERY_FIELD.read_text(encoding="utf-8").replace("            nomor: 2\n", "")
    fewer = tmp_path / "fewer.yaml"
    fewer.write_text(text, encoding="utf-8")
    assert _model(fewer) != _model(EVERY_FIELD)
    assert _export(fewer) != _export(EVERY_FIELD)
