"""A layout's rows made the nodes of a tree document: each row's node found or made, and placed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pohon.core.errors import CellProblem
from pohon.core.finding_ids import LoaderCheck
from pohon.core.findings import Finding, Severity
from pohon.core.messages import _
from pohon.core.vocabulary import ALLOWED_CHILDREN, BUDGET_LEVELS, Level
from pohon.source.nomenclature.codes import canonical, parent_of
from pohon.source.spreadsheet.rows import NODE_TEXTS, SheetRow, SheetTable
from pohon.tree.importing.cell_values import rupiah
from pohon.tree.importing.indicator_rows import IndicatorReader, problem, put, text_of
from pohon.tree.importing.node_ids import IdMaker, slug

_LEVEL_WORDS = {
    "tujuan": Level.TUJUAN_OPD, "sasaran": Level.SASARAN_STRATEGIS, "subkegiatan": Level.SUB_KEGIATAN,
    "tujuan pd": Level.TUJUAN_OPD, "sasaran pd": Level.SASARAN_STRATEGIS,
}  # fmt: skip
_BY_DEPTH = {3: Level.PROGRAM, 5: Level.KEGIATAN, 6: Level.SUB_KEGIATAN}


def level_of_words(text: str) -> Level | None:
    words = " ".join(text.lower().replace("_", " ").replace("-", " ").split())
    if words in _LEVEL_WORDS:
        return _LEVEL_WORDS[words]
    try:
        return Level(words.replace(" ", "_"))
    except ValueError:
        return None


@dataclass
class Built:
    """The nodes of the document, the positions the rows named, and every problem found."""

    roots: list[dict[str, Any]] = field(default_factory=list)
    positions: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    places: dict[int, str] = field(default_factory=dict)
    """Where each indicator (by id() of its mapping) was read: the cell of its name."""


class TreeBuilder:
    def __init__(self, table: SheetTable, position_ids: set[str], *, exact: bool = False) -> None:
        self.table = table
        self.exact = exact
        """pohon's own data sheets: codes and positions kept as written, every row's indicator."""
        self.known_positions = position_ids
        self.built = Built()
        self.indicators = IndicatorReader(table.years, self.built.findings, exact=exact)
        self.by_key: dict[str, dict[str, Any]] = {}
        self.by_id: dict[str, dict[str, Any]] = {}
        self.by_code: dict[str, dict[str, Any]] = {}
        self.level: dict[int, Level] = {}
        self.budget_place: dict[tuple[int, int], str] = {}
        self.stack: list[dict[str, Any]] = []
        given = {row.text("id") for row in table.rows if row.text("id")}
        self.ids = IdMaker(given)
        self.current: dict[str, Any] | None = None

    def error(self, place: str, rule: LoaderCheck, message: str) -> None:
        self.built.findings.append(problem(place, rule, message))

    def build(self) -> Built:
        for row in self.table.rows:
            self.row(row)
        return self.built

    def _key(self, row: SheetRow, level: Level | None, code: str | None) -> str | None:
        if row.key:
            return row.key
        if row.text("id"):
            return "id:" + row.text("id")
        if code:
            return "kode:" + code
        words = text_of(row.fields.get("pernyataan"), self.built.findings) or row.text("nama")
        if words and level:
            return f"text:{level}:{words}"
        return None

    def row(self, row: SheetRow) -> None:
        findings = self.built.findings
        written_code = text_of(row.fields.get("kode"), findings)
        code = canonical(written_code) if written_code else None
        level_text = row.text("tingkat")
        level = level_of_words(level_text) if level_text else None
        if level_text and level is None:
            self.error(
                row.fields["tingkat"].place,
                LoaderCheck.IMPORT_STRUCTURE,
                _("`{text}` is no level: write one of {levels}").format(
                    text=level_text, levels=", ".join(lv.value for lv in Level)
                ),
            )
            return
        if written_code and code is None and level is None:
            self.error(
                row.fields["kode"].place,
                LoaderCheck.IMPORT_STRUCTURE,
                _(
                    "`{code}` is no nomenclature code (as `1.06.02.2.01`): fix it, or give the row's "
                    "level in a `tingkat` column"
                ).format(code=written_code),
            )
            return
        if code and level is None:
            level = _BY_DEPTH.get(code.count(".") + 1)
            if level is None:
                self._heading(row, code)
                return
        key = self._key(row, level, code)
        if key is None:
            if self.current is None:
                self.error(
                    row.place,
                    LoaderCheck.IMPORT_STRUCTURE,
                    _(
                        "this row names no node: give it a `kode`, or a `tingkat` and a `pernyataan`"
                    ),
                )
                return
            node = self.current
        elif key in self.by_key:
            node = self.by_key[key]
            self._same_node(node, row)
        else:
            if level is None:
                self.error(
                    row.place,
                    LoaderCheck.IMPORT_STRUCTURE,
                    _("the row's node has no level: write its `tingkat`, or its `kode`"),
                )
                return
            kept = written_code if self.exact else code or written_code
            made = self._new(row, key, level, kept or None)
            if made is None:
                return
            node = made
        self.current = node
        self._budget(node, row)
        for indicator in self.indicators.read(row):
            if self.exact or indicator not in node["indikator"]:
                node["indikator"].append(indicator)
                self.built.places[id(indicator)] = row.fields["indikator"].place

    def _heading(self, row: SheetRow, code: str) -> None:
        self.built.findings.append(
            problem(
                row.fields["kode"].place,
                LoaderCheck.IMPORT_UNPLACED,
                _(
                    "`{code}` is an urusan or bidang urusan: no level of the tree; the row was read as a "
                    "heading and not imported"
                ).format(code=code),
                Severity.WARNING,
            )
        )

    def _new(
        self, row: SheetRow, key: str, level: Level, code: str | None
    ) -> dict[str, Any] | None:
        findings = self.built.findings
        texts = {name: text_of(row.fields.get(name), findings) for name in NODE_TEXTS}
        given = row.text("id")
        node_id = given or self.ids.make(
            level, code if level in BUDGET_LEVELS else None, texts["pernyataan"] or texts["nama"]
        )
        if given and given in self.by_id:
            self.error(
                row.fields["id"].place,
                LoaderCheck.IMPORT_STRUCTURE,
                _("the id `{id}` names two nodes: give each its own").format(id=given),
            )
            return None
        node: dict[str, Any] = {"id": node_id, "tingkat": level.value}
        if code:
            node["kode"] = code
        if row.text("nomor"):
            node["nomor"] = self._number(row)
        named = ("nama", "pernyataan")  # before `jabatan`, the rest after, as a person writes
        node.update((name, texts[name]) for name in named if texts[name])
        position = self._position(row)
        if position:
            node["jabatan"] = position
        for name, path in NODE_TEXTS.items():
            if texts[name] and name not in named:
                put(node, path, texts[name])
        ignore = row.text("abaikan")
        if ignore:
            node["abaikan"] = [part.strip() for part in ignore.split(",") if part.strip()]
        node["indikator"] = []
        node["pagu"] = {}
        node["anak"] = []
        self._place(node, row, level, code)
        self.by_key[key] = node
        self.by_id[node_id] = node
        self.level[id(node)] = level
        if code:
            self.by_code.setdefault(code, node)
        return node

    def _number(self, row: SheetRow) -> int | str:
        """The `nomor`: a whole number (else left as written, for validate to point at)."""
        text = text_of(row.fields.get("nomor"), self.built.findings)  # 2.0, a number cell: 2
        return int(text) if text.isascii() and text.isdigit() else text

    def _position(self, row: SheetRow) -> str | None:
        text = row.text("jabatan")
        if not text:
            return None
        if text in self.known_positions or self.exact:
            return text
        position_id = slug(text, words=8) or "jabatan"
        self.built.positions.setdefault(position_id, text)
        return position_id

    def _place(self, node: dict[str, Any], row: SheetRow, level: Level, code: str | None) -> None:
        parent: dict[str, Any] | None = None
        if row.parent is not None:
            parent = self.by_key.get(row.parent)
        elif row.text("induk"):
            parent = self.by_id.get(row.text("induk"))
            if parent is None:
                self.error(
                    row.fields["induk"].place,
                    LoaderCheck.IMPORT_STRUCTURE,
                    _(
                        "`{parent}` names no node above this row: write the parent's row first, with "
                        "that id"
                    ).format(parent=row.text("induk")),
                )
        elif code and level is not Level.PROGRAM:
            above = parent_of(code)
            parent = self.by_code.get(above) if above else None
        if parent is None and row.parent is None and not row.text("induk"):
            while self.stack and level not in ALLOWED_CHILDREN[self.level[id(self.stack[-1])]]:
                self.stack.pop()
            parent = self.stack[-1] if self.stack else None
        (parent["anak"] if parent is not None else self.built.roots).append(node)
        if parent is not None and parent in self.stack:
            del self.stack[self.stack.index(parent) + 1 :]
        elif parent is None:
            self.stack.clear()
        self.stack.append(node)

    def _same_node(self, node: dict[str, Any], row: SheetRow) -> None:
        for name in ("nama", "pernyataan"):
            cell = row.fields.get(name)
            text = text_of(cell, self.built.findings)
            if cell is not None and text and node.get(name) != text and not cell.continued:
                self.error(
                    cell.place,
                    LoaderCheck.IMPORT_VALUE,
                    _(
                        "this row gives the node `{id}` another {name} (`{text}`; above: `{was}`): "
                        "one node has one"
                    ).format(id=node["id"], name=name, text=text, was=node.get(name, "")),
                )

    def _budget(self, node: dict[str, Any], row: SheetRow) -> None:
        for key, cell in row.fields.items():
            if not key.startswith("pagu_") or not key[5:].isdigit():
                continue
            year = int(key[5:])
            try:
                amount = rupiah(cell.value)
            except CellProblem as error:
                self.error(cell.place, LoaderCheck.IMPORT_VALUE, str(error))
                continue
            if amount is None:
                continue
            if year in node["pagu"] and node["pagu"][year] != amount:
                self.error(
                    cell.place,
                    LoaderCheck.IMPORT_VALUE,
                    _(
                        "a second pagu {year} for `{id}` ({amount}; first {first} at {place}): a "
                        "node's budget is written once"
                    ).format(
                        year=year,
                        id=node["id"],
                        amount=amount,
                        first=node["pagu"][year],
                        place=self.budget_place[(id(node), year)],
                    ),
                )
                continue
            node["pagu"][year] = amount
            self.budget_place.setdefault((id(node), year), cell.place)
