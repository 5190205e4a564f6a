"""The cells of an xlsx formatted as percentages: `19,21%` typed into Excel is kept as 0.1921.

calamine gives a cell's value, not its format; so the styles and each sheet's XML are read
here (streamed, as the extent is), and a percentage cell's value is given back as the
figure it shows (`19,21%`), which the figure reading makes 19.21 with the unit `%`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
import zipfile
from decimal import Decimal
from pathlib import Path, PurePosixPath

from pohon.source.spreadsheet.grid import Value

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_PERCENT_IDS = {"9", "10"}  # Excel's built-in `0%` and `0.00%`
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*)>")
_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]{1,7})"')
_STYLE = re.compile(rb'\bs="([0-9]+)"')


def _percent_styles(archive: zipfile.ZipFile) -> set[int]:
    try:
        root = ElementTree.fromstring(archive.read("xl/styles.xml"))
    except (KeyError, ElementTree.ParseError):
        return set()
    codes = {f.get("numFmtId", ""): f.get("formatCode", "") for f in root.iter(f"{_MAIN}numFmt")}
    percent = {i for i, code in codes.items() if "%" in re.sub(r'"[^"]*"|\\.', "", code)}
    percent |= _PERCENT_IDS
    styles = root.find(f"{_MAIN}cellXfs")
    if styles is None:
        return set()
    return {i for i, xf in enumerate(styles) if xf.get("numFmtId", "0") in percent}


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each sheet's name and the part holding its cells."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_PACKAGE_REL}Relationship")}
    parts = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(_REL), "")
        path = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        parts[sheet.get("name", "")] = path
    return parts


def _column(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + byte - 64
    return number - 1


def percent_cells(path: Path, sheet: str) -> set[tuple[int, int]]:
    """The 0-based cells of `sheet` whose number format shows a percentage (xlsx only)."""
    found: set[tuple[int, int]] = set()
    with zipfile.ZipFile(path) as archive:
        styles = _percent_styles(archive)
        part = _sheet_parts(archive).get(sheet)
        if not styles or part is None or part not in archive.namelist():
            return found
        data = archive.read(part)  # within the limits zip_guard checked
    for cell in _CELL.finditer(data):
        attributes = cell[1]
        style = _STYLE.search(attributes)
        ref = _REF.search(attributes)
        if style and ref and int(style[1]) in styles:
            found.add((int(ref[2]) - 1, _column(ref[1])))
    return found


def shown_percent(value: Value) -> Value:
    """A number in a percentage cell as the figure the cell shows: 0.1921 → `19,21%`."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    shown = (Decimal(repr(value)) * 100).normalize()
    return format(shown, "f").replace(".", ",") + "%"
