"""An xlsx or ods is a zip: its parts are sized and its sheets' extent read before calamine opens it.

calamine holds a sheet as a dense range from its first cell to its last, so two cells at A1 and
XFD1048576 would cost gigabytes: the extent is found here, streaming, in bounded memory.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from pohon.core.errors import SheetError
from pohon.core.finding_ids import LoaderCheck
from pohon.core.messages import _
from pohon.source.limits import (
    MAX_SHEET_COLUMNS,
    MAX_SHEET_ROWS,
    MAX_SHEET_UNZIPPED_BYTES,
    MAX_SHEET_ZIP_RATIO,
)

_CHUNK = 1 << 20
_XLSX_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"')


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def _not_a_zip(path: Path, label: str) -> None:
    """An OLE file where a zip belongs: an encrypted workbook, or an old .xls renamed."""
    with path.open("rb") as stream:
        head = stream.read(1 << 20)
    if not head.startswith(_OLE):
        return
    if _ENCRYPTED in head:
        message = _(
            "the workbook is protected with a password: open it, remove the password (File > "
            "Info > Protect Workbook) and import the unprotected copy"
        )
    else:
        message = _("the file is an old Excel .xls with another name: rename it to .xls")
    raise SheetError(LoaderCheck.IMPORT_UNREADABLE, label, message)


def check_zip(path: Path, label: str) -> None:
    """Refuse a zip whose parts unzip past the limits, and a sheet wider or longer than they allow."""
    _not_a_zip(path, label)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise SheetError(
            LoaderCheck.IMPORT_UNREADABLE,
            label,
            _(
                "the file is no readable workbook ({reason}): open it in a spreadsheet program and "
                "save it again as .xlsx"
            ).format(reason=error),
        ) from None
    with archive:
        total = 0
        for info in archive.infolist():
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if total > MAX_SHEET_UNZIPPED_BYTES or (
                info.file_size > _CHUNK and ratio > MAX_SHEET_ZIP_RATIO
            ):
                raise SheetError(
                    LoaderCheck.IMPORT_TOO_LARGE,
                    label,
                    _(
                        "the workbook unzips to more than {limit} MB or {ratio} times its size "
                        "(a zip bomb?): pohon reads workbooks within these limits"
                    ).format(limit=MAX_SHEET_UNZIPPED_BYTES // 2**20, ratio=MAX_SHEET_ZIP_RATIO),
                )
        for info in archive.infolist():
            name = info.filename
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                _check_extent(_xlsx_extent(archive, name), label)
            elif name == "content.xml":
                _check_extent(_ods_extent(archive, name), label)


def _letters_number(letters: bytes) -> int:
    number = 0
    for byte in letters:
        number = number * 26 + byte - 64
    return number


def _stream(
    archive: zipfile.ZipFile, name: str, pattern: re.Pattern[bytes]
) -> Iterator[re.Match[bytes]]:
    """Each match of `pattern` in one part, read a megabyte at a time (matches across a cut too)."""
    tail = b""
    with archive.open(name) as part:
        while chunk := part.read(_CHUNK):
            data = tail + chunk
            last = 0
            for found in pattern.finditer(data):
                yield found
                last = found.end()
            tail = data[max(last, len(data) - 512) :]


def _xlsx_extent(archive: zipfile.ZipFile, name: str) -> tuple[int, int]:
    rows = columns = 0
    for found in _stream(archive, name, _XLSX_CELL):
        columns = max(columns, _letters_number(found[1]))
        rows = max(rows, int(found[2]))
    return rows, columns


_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _ods_extent(archive: zipfile.ZipFile, name: str) -> tuple[int, int]:
    """The last row and column that hold something, repeats counted (calamine expands them);
    the empty rows and cells LibreOffice repeats to the sheet's end count for nothing."""
    import xml.etree.ElementTree as ElementTree

    rows = columns = most_rows = 0
    with archive.open(name) as part:
        for _event, element in ElementTree.iterparse(part, events=("end",)):
            tag = element.tag
            if tag == f"{_TABLE}table":
                rows = 0
            elif tag == f"{_TABLE}table-row":
                repeat = int(element.get(f"{_TABLE}number-rows-repeated", "1") or 1)
                width = 0
                filled = 0
                for cell in element:
                    span = int(cell.get(f"{_TABLE}number-columns-repeated", "1") or 1)
                    width += span
                    if cell.get(f"{_OFFICE}value-type") or len(cell):
                        filled = width
                rows += repeat
                if filled:
                    most_rows = max(most_rows, rows)
                    columns = max(columns, filled)
                element.clear()
    return most_rows, columns


def _check_extent(extent: tuple[int, int], label: str) -> None:
    rows, columns = extent
    if rows > MAX_SHEET_ROWS or columns > MAX_SHEET_COLUMNS:
        raise SheetError(
            LoaderCheck.IMPORT_TOO_LARGE,
            label,
            _(
                "a sheet reaches row {rows:,} and column {columns:,}; pohon imports sheets of up "
                "to {max_rows:,} rows and {max_columns} columns (the limits): delete the rows and "
                "columns past the table"
            ).format(
                rows=rows, columns=columns, max_rows=MAX_SHEET_ROWS, max_columns=MAX_SHEET_COLUMNS
            ),
        )


_DIMENSIONS = b"\x00\x02\x0e\x00"  # BIFF8 record 0x0200, 14 bytes: the sheet's used range


def check_xls(path: Path, label: str) -> None:
    """An .xls names each sheet's used range in a DIMENSIONS record: refuse one past the limits
    before calamine builds the range (the format allows 65,536 × 256 cells, a gigabyte)."""
    import struct

    data = path.read_bytes()
    start = data.find(_DIMENSIONS)
    while start != -1 and start + 18 <= len(data):
        _first_row, rows, _first_column, columns = struct.unpack_from("<IIHH", data, start + 4)
        if rows <= 65_536 and columns <= 256:  # a real record, not bytes that look like one
            _check_extent((rows, columns), label)
        start = data.find(_DIMENSIONS, start + 4)
