"""An .xlsx read back with the standard library: what a spreadsheet program reads of its XML.

python-calamine reads values and merged ranges; number formats, frozen panes, filters and
print setup are only in the sheet XML, read here from the zip itself (no writer's code).
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
BUILTIN_FORMATS = {0: "General", 3: "#,##0", 4: "#,##0.00", 49: "@"}


@dataclass
class XCell:
    ref: str
    value: str  # the text, or the number as written in <v>
    number: bool
    format: str


@dataclass
class XSheet:
    name: str
    xml: str
    cells: dict[str, XCell] = field(default_factory=dict)
    merges: list[str] = field(default_factory=list)

    def attributes(self, tag: str) -> dict[str, str]:
        found = ET.fromstring(self.xml).find(f".//m:{tag}", NS)
        return dict(found.attrib) if found is not None else {}


def read_workbook(data: bytes) -> tuple[dict[str, XSheet], dict[str, str]]:
    """The sheets by name (in order), and the workbook's defined names (print titles)."""
    book = zipfile.ZipFile(io.BytesIO(data))
    strings = _strings(book)
    formats = _formats(book)
    workbook = ET.fromstring(book.read("xl/workbook.xml"))
    rels = ET.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    sheets: dict[str, XSheet] = {}
    for sheet in workbook.findall(".//m:sheet", NS):
        xml = book.read(f"xl/{targets[sheet.get(REL)]}").decode("utf-8")
        sheets[sheet.get("name") or ""] = _sheet(sheet.get("name") or "", xml, strings, formats)
    names = {
        f"{name.get('name')}:{name.get('localSheetId')}": name.text or ""
        for name in workbook.findall(".//m:definedName", NS)
    }
    return sheets, names


def _strings(book: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in book.namelist():
        return []
    root = ET.fromstring(book.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")) for si in root]


def _formats(book: zipfile.ZipFile) -> list[str]:
    """The number format code of each cell style (the `s` of a cell)."""
    root = ET.fromstring(book.read("xl/styles.xml"))
    codes = dict(BUILTIN_FORMATS)
    for fmt in root.findall(".//m:numFmts/m:numFmt", NS):
        codes[int(fmt.get("numFmtId") or 0)] = fmt.get("formatCode") or ""
    xfs = root.find("m:cellXfs", NS)
    assert xfs is not None
    return [codes.get(int(xf.get("numFmtId") or 0), "?") for xf in xfs]


def _sheet(name: str, xml: str, strings: list[str], formats: list[str]) -> XSheet:
    sheet = XSheet(name, xml)
    root = ET.fromstring(xml)
    for cell in root.iter(f"{{{NS['m']}}}c"):
        value = cell.find("m:v", NS)
        if value is None:
            continue
        text = value.text or ""
        kind = cell.get("t")
        shown = strings[int(text)] if kind == "s" else text
        style = formats[int(cell.get("s") or 0)]
        sheet.cells[cell.get("r") or ""] = XCell(cell.get("r") or "", shown, kind is None, style)
    sheet.merges = [m.get("ref") or "" for m in root.iter(f"{{{NS['m']}}}mergeCell")]
    return sheet


def column_letters(col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def ref(row: int, col: int) -> str:
    """`A1` for (0, 0)."""
    return f"{column_letters(col)}{row + 1}"


def dump(sheets: dict[str, XSheet], names: dict[str, str]) -> str:
    """A diffable text of the workbook: per sheet its setup, merges and every written cell."""
    lines = []
    for index, sheet in enumerate(sheets.values()):
        lines.append(f"== {sheet.name}")
        lines.append(f"pane {sheet.attributes('pane')}")
        lines.append(f"autofilter {sheet.attributes('autoFilter')}")
        lines.append(f"page {sheet.attributes('pageSetup')}")
        lines.append(f"fit {sheet.attributes('pageSetUpPr')}")
        lines.append(f"print titles {names.get(f'_xlnm.Print_Titles:{index}')}")
        breaks = re.findall(r'<brk id="(\d+)"', sheet.xml)
        lines.append(f"breaks {breaks}")
        heights = re.findall(r'<row r="(\d+)"[^>]* ht="([\d.]+)"', sheet.xml)
        lines.append("heights " + " ".join(f"{row}:{height}" for row, height in heights))
        lines.extend(f"merged {merge}" for merge in sheet.merges)
        for cell in sheet.cells.values():
            kind = "n" if cell.number else "s"
            shown = cell.value.replace("\n", "\\n")
            lines.append(f"{cell.ref} {kind} [{cell.format}] {shown}")
    return "\n".join(lines) + "\n"
