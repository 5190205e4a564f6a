"""The JSON Schema of the YAML format, for editors: completion and inline errors as the analyst types.

Generated from the pydantic models, then shaped for the YAML language server, which
reads draft-07: `definitions` instead of `$defs`, no keywords beside a `$ref` (draft-07
ignores them, so a description there would be lost), `type` lists instead of
`anyOf` of plain types. The editor reads YAML 1.2 core types, not pohon's text-only
loader: `85` arrives as a number, `1.06` too. Figures therefore accept numbers and
text, while codes and ids stay strings, so the editor asks for quotes where a code
would otherwise turn into a number. The output is byte-stable: it is committed.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import models_json_schema

from pohon.core.finding_ids import RuleId
from pohon.core.vocabulary import BUDGET_LEVELS
from pohon.source.files import FORMAT_MARKER
from pohon.tree.model import FragmentFile, Indicator, Node, TreeFile
from pohon.tree.schema_base import yaml_key
from pohon.tree.years import END_OF_PERIOD

SCHEMA_ID = "urn:pohon:schema:pohon-1"
DRAFT_07 = "http://json-schema.org/draft-07/schema#"  # http: editors reject the https spelling
YEAR_PATTERN = "19[0-9]{2}|2[01][0-9]{2}|2200"
# The keys of each year-keyed mapping: years, and for targets the end of the period too.
YEAR_MAPS = {
    yaml_key(Indicator, "targets"): {"pattern": f"^({YEAR_PATTERN}|{END_OF_PERIOD})$"},
    yaml_key(Indicator, "realisations"): {"pattern": f"^({YEAR_PATTERN})$"},
    yaml_key(Node, "budget"): {"pattern": f"^({YEAR_PATTERN})$"},
}

# The models' docstrings are English notes for developers; an analyst reads these instead:
# the title labels the editor's "insert this object" suggestion, the description its hover.
DEFINITIONS = {
    "AchievementFormula": (
        "Rumus capaian",
        "Rumus capaian: rasio (realisasi ÷ target), kebalikan (target ÷ realisasi) atau "
        "selisih ((2 × target − realisasi) ÷ target).",
    ),
    "ChangeNote": (
        "Catatan perubahan",
        "Perubahan simpul: tanggal, dasar hukum, alasan dan tahun mulai berlaku.",
    ),
    "Echelon": ("Eselon", "Eselon jabatan: I, II, III, IV atau V."),
    "FragmentFile": (
        "Bagian pohon",
        "Bagian pohon dalam berkas sendiri: simpulnya digantung di bawah `induk`.",
    ),
    "Indicator": (
        "Indikator",
        "Indikator kinerja: rumusan, satuan, target dan realisasi per tahun.",
    ),
    "IndicatorChangeNote": (
        "Catatan perubahan indikator",
        "Perubahan indikator: tanggal, dasar, alasan, tahun mulai berlaku, indikator yang digantikan.",
    ),
    "IndicatorType": ("Jenis indikator", "Jenis indikator: impact, outcome, output atau proses."),
    "Level": ("Tingkat", "Tingkat simpul, dari visi Pemda sampai sub kegiatan."),
    "Meta": ("Meta", "Identitas pohon: pemda, perangkat daerah, periode rencana."),
    "Node": ("Simpul", "Satu simpul pohon: pernyataan sasaran, indikator dan simpul anaknya."),
    "Period": ("Periode", "Periode rencana (RPJMD / Renstra), tahun awal dan akhir."),
    "Polarity": ("Polaritas", "Arah kinerja: naik (makin tinggi makin baik) atau turun."),
    "Position": ("Jabatan", "Satu jabatan penanggung jawab."),
    "RegionHead": ("Kepala daerah", "Kepala daerah: jabatan (mis. Bupati Mamuju) dan nama."),
    "Signatory": ("Penandatangan", "Penandatangan dokumen (Perjanjian Kinerja, bagan)."),
    "TreeFile": (
        "Berkas utama pohon",
        "Berkas utama pohon: meta, jabatan, simpul akar dan berkas yang disertakan.",
    ),
}


def build_schema() -> dict[str, Any]:
    """The schema as a dict: the main-file form, or the fragment form when `induk` is present."""
    _, generated = models_json_schema(
        [(TreeFile, "validation"), (FragmentFile, "validation")], by_alias=True
    )
    # A figure's own class (Number) is described by its WithJsonSchema, not by a definition.
    refs = json.dumps(generated)
    forms = {TreeFile.__name__, FragmentFile.__name__}
    definitions = {
        name: _shape(body)
        for name, body in sorted(generated["$defs"].items())
        if name in forms or f'"#/$defs/{name}"' in refs
    }
    for name, body in definitions.items():
        body["title"], body["description"] = DEFINITIONS[name]
    for form_model in (TreeFile, FragmentFile):
        form = form_model.__name__
        definitions[form]["properties"][yaml_key(form_model, "format")] = {
            "const": FORMAT_MARKER,
            "description": f"Penanda berkas pohon; selalu `{FORMAT_MARKER}`.",
        }
    ignore = definitions["Node"]["properties"][yaml_key(Node, "ignore")]
    ignore["items"] = {"enum": list(RuleId)}  # `abaikan` completes to the rule ids
    definitions["Node"].update(_statement_above_the_budget_items())
    return {
        "$schema": DRAFT_07,
        "$id": SCHEMA_ID,
        "title": f"Pohon Kinerja ({FORMAT_MARKER})",
        "description": "Berkas Pohon Kinerja: berkas utama, atau bagian pohon bila ada `induk`.",
        "type": "object",
        "if": {"required": [yaml_key(FragmentFile, "parent")]},
        "then": {"$ref": "#/definitions/FragmentFile"},
        "else": {"$ref": "#/definitions/TreeFile"},
        "definitions": definitions,
    }


def _statement_above_the_budget_items() -> dict[str, Any]:
    """As the checker: only a program, kegiatan or sub kegiatan may go without `pernyataan`."""
    level, statement = yaml_key(Node, "level"), yaml_key(Node, "statement")
    return {
        "if": {
            "properties": {level: {"enum": [item.value for item in BUDGET_LEVELS]}},
            "required": [level],
        },
        "else": {"required": [statement], "properties": {statement: {"type": "string"}}},
    }


def schema_text() -> str:
    """The schema as committed: two-space JSON, keys in model order, one final newline."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def _shape(node: Any, key: str | None = None) -> Any:
    """Rewrite one generated subschema for draft-07 editors, recursively."""
    if isinstance(node, list):
        return [_shape(item) for item in node]
    if not isinstance(node, dict):
        return node
    if key == "properties":  # field names, not keywords: a field may be called "title"
        fields = {name: _shape(body) for name, body in node.items()}
        for name in YEAR_MAPS.keys() & set(fields):
            fields[name]["propertyNames"] = YEAR_MAPS[name]
        return fields
    # pydantic's titles are English field names; the descriptions say it in Indonesian.
    shaped = {k: _shape(v, k) for k, v in node.items() if k != "title"}
    if "$ref" in shaped:
        shaped["$ref"] = shaped["$ref"].replace("#/$defs/", "#/definitions/")
        if len(shaped) > 1:  # draft-07 ignores a $ref's siblings: keep them beside an allOf
            shaped["allOf"] = [{"$ref": shaped.pop("$ref")}]
    if "anyOf" in shaped:
        shaped = _merge_plain_types(shaped)
    return shaped


def _merge_plain_types(node: dict[str, Any]) -> dict[str, Any]:
    """`anyOf` of bare `{"type": …}` entries as one `type` list; `integer` is in `number`."""
    options = node["anyOf"]
    if not all(isinstance(o, dict) and set(o) == {"type"} for o in options):
        return node
    types = [kind for o in options for kind in _as_list(o["type"])]
    if "number" in types and "integer" in types:
        types.remove("integer")
    merged = {k: v for k, v in node.items() if k != "anyOf"}
    merged["type"] = types[0] if len(types) == 1 else types
    return merged


def _as_list(kinds: str | list[str]) -> list[str]:
    return kinds if isinstance(kinds, list) else [kinds]
