"""The whole tree document of an import: meta from the title rows, positions, nodes, in YAML keys."""

from __future__ import annotations

import re
from typing import Any

from pohon.core.finding_ids import LoaderCheck
from pohon.core.findings import Finding, Severity
from pohon.core.messages import _
from pohon.core.vocabulary import Level
from pohon.source.files import FORMAT_MARKER
from pohon.source.spreadsheet.pohon_layout import POSITION_COLUMNS
from pohon.source.spreadsheet.rows import META_TEXTS, SheetTable
from pohon.tree.header import Meta
from pohon.tree.importing.cell_values import cell_text
from pohon.tree.importing.indicator_rows import problem, put
from pohon.tree.importing.sheet_tree import TreeBuilder

PLACEHOLDER = "(isi)"
"""What a meta field the sheet does not name holds, for the analyst to fill in."""
_META_ORDER = [field.alias or name for name, field in Meta.model_fields.items()]


def _period(table: SheetTable, source: str, findings: list[Finding]) -> dict[str, int]:
    start, end = table.meta.get("periode_awal"), table.meta.get("periode_akhir")
    if start is not None and end is not None:
        return {"awal": int(cell_text(start)), "akhir": int(cell_text(end))}
    if table.years:
        return {"awal": min(table.years), "akhir": max(table.years)}
    findings.append(
        problem(
            source,
            LoaderCheck.IMPORT_META,
            _(
                "neither the title rows nor the columns name the plan's years: fill in `periode` in "
                "the tree"
            ),
            Severity.WARNING,
        )
    )
    return {"awal": 2025, "akhir": 2029}


def _meta(table: SheetTable, source: str, findings: list[Finding]) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for key in ("pemda", "opd"):
        text = cell_text(table.meta.get(key))
        if not text:
            findings.append(
                problem(
                    source,
                    LoaderCheck.IMPORT_META,
                    _(
                        "the sheet does not name the {key}: the tree says `{placeholder}` there; fill it "
                        "in"
                    ).format(key=key, placeholder=PLACEHOLDER),
                    Severity.WARNING,
                )
            )
        meta[key] = text or PLACEHOLDER
    meta["periode"] = _period(table, source, findings)
    versions = {
        int(k[12:]): cell_text(f)
        for k, f in table.meta.items()
        if re.fullmatch(r"nomenklatur_\d{4}", k)
    }
    if cell_text(table.meta.get("nomenklatur")):
        meta["nomenklatur"] = cell_text(table.meta.get("nomenklatur"))
    elif versions:
        meta["nomenklatur"] = dict(sorted(versions.items()))
    for key, path in META_TEXTS.items():
        if cell_text(table.meta.get(key)):
            put(meta, path, cell_text(table.meta.get(key)))
    signs = []
    for key in sorted(k for k in table.meta if k.startswith("penandatangan_")):
        sign = {"jabatan": cell_text(table.meta[key])}
        place = cell_text(table.meta.get("tempat_" + key.split("_", 1)[1]))
        if place:
            sign["tempat"] = place
        signs.append(sign)
    if signs:
        meta["penandatangan"] = signs
    return {key: meta[key] for key in _META_ORDER if key in meta}  # in the schema's order


def _positions(table: SheetTable, named: dict[str, str]) -> dict[str, Any]:
    positions: dict[str, Any] = {}
    for fields in table.positions:
        entry = {"nama": cell_text(fields.get("nama"))}
        for key in POSITION_COLUMNS[2:]:  # after `id` and `nama`: eselon, pejabat, …
            if cell_text(fields.get(key)):
                entry[key] = cell_text(fields.get(key))
        positions[cell_text(fields.get("id"))] = entry
    for key, title in named.items():
        positions.setdefault(key, {"nama": title})
    return positions


def _drop_repeats(
    nodes: list[dict[str, Any]], findings: list[Finding], places: dict[int, str]
) -> None:
    """A kegiatan row that repeats its sub kegiatan's indicators: kept at the sub kegiatan only."""
    stack = list(nodes)
    while stack:
        node = stack.pop()
        stack.extend(node["anak"])
        if node["tingkat"] != Level.KEGIATAN.value:
            continue
        below = {i["nama"]: child["id"] for child in node["anak"] for i in child["indikator"]}
        kept = [i for i in node["indikator"] if i["nama"] not in below]
        for indicator in node["indikator"]:
            if indicator["nama"] in below:
                findings.append(
                    problem(
                        places.get(id(indicator), node["id"]),
                        LoaderCheck.IMPORT_UNPLACED,
                        _(
                            "the kegiatan `{id}` repeats the indicator `{name}` of its sub kegiatan "
                            "`{child}`: it is kept at the sub kegiatan only"
                        ).format(
                            id=node["id"], name=indicator["nama"], child=below[indicator["nama"]]
                        ),
                        Severity.INFO,
                    )
                )
        node["indikator"] = kept


def _tidy(nodes: list[dict[str, Any]]) -> None:
    """Leave out what is empty, as a person writes a tree."""
    stack = list(nodes)
    while stack:
        node = stack.pop()
        stack.extend(node["anak"])
        for key in ("indikator", "pagu", "anak"):
            if not node[key]:
                del node[key]
        if "pagu" in node:
            node["pagu"] = dict(sorted(node["pagu"].items()))


def tree_document(
    table: SheetTable, source: str, *, drop_repeats: bool = False, exact: bool = False
) -> tuple[dict[str, Any], list[Finding]]:
    """The tree document (YAML keys, YAML order) the table describes, and what was found on the way."""
    position_ids = {cell_text(p.get("id")) for p in table.positions}
    builder = TreeBuilder(table, position_ids, exact=exact)
    built = builder.build()
    findings = built.findings
    findings.extend(
        problem(place, LoaderCheck.IMPORT_UNPLACED, message, Severity.WARNING)
        for place, message in table.unplaced
    )
    if drop_repeats:
        _drop_repeats(built.roots, findings, built.places)
    _tidy(built.roots)
    document: dict[str, Any] = {"format": FORMAT_MARKER, "meta": _meta(table, source, findings)}
    positions = _positions(table, built.positions)
    if positions:
        document["jabatan"] = positions
    document["simpul"] = built.roots
    return document, findings
