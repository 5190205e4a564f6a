"""A CSV as offices' Excel writes it: `;` or `,` or tabs, UTF-8 (with or without BOM) or cp1252."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pohon.core.errors import SheetError
from pohon.core.finding_ids import LoaderCheck
from pohon.core.messages import _
from pohon.source.limits import MAX_SHEET_COLUMNS, MAX_SHEET_ROWS
from pohon.source.spreadsheet.grid import Grid, Value


def _text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows


def _delimiter(text: str) -> str:
    """The separator the first lines use most: `;` where the decimal mark is a comma."""
    head = text[:10_000]
    counts = {sep: head.count(sep) for sep in (";", "\t", ",")}
    return max(counts, key=lambda sep: (counts[sep], sep == ";"))


def read_csv(path: Path, label: str) -> Grid:
    text = _text(path)
    rows: list[list[Value]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)):
            if len(rows) >= MAX_SHEET_ROWS or len(row) > MAX_SHEET_COLUMNS:
                raise SheetError(
                    LoaderCheck.IMPORT_TOO_LARGE,
                    f"{label}:{len(rows) + 1}",
                    _(
                        "pohon imports sheets of up to {rows:,} rows and {columns} columns (the "
                        "limits): split the file"
                    ).format(rows=MAX_SHEET_ROWS, columns=MAX_SHEET_COLUMNS),
                )
            rows.append(list(row))
    except csv.Error as error:
        raise SheetError(
            LoaderCheck.IMPORT_UNREADABLE,
            f"{label}:{len(rows) + 1}",
            _("the CSV cannot be read ({reason}): check the quotes on this line").format(
                reason=error
            ),
        ) from None
    return Grid(label, path.stem, rows, lines=True)
