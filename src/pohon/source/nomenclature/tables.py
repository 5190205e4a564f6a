"""CSV tables of entries, the bundled ones and a project's export alike: rows read into entries.

A table needs a code and a name column. Headers are read in any case, in Indonesian or
English (`kode`/`code`, `nama`/`name`/`nomenklatur`); `tingkat`, `satuan`, `sejak`,
`dihapus`, `sumber` and `catatan` are optional. Commas, semicolons (what a spreadsheet
saves in an Indonesian locale) or tabs separate the cells.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from pohon.core.errors import ConfigError
from pohon.source.nomenclature.codes import CodeLevel, canonical, in_list, level_of
from pohon.source.nomenclature.reference import Entry

COLUMNS = {
    "code": ("kode", "code", "nomor_kode", "kode_nomenklatur"),
    "name": ("nama", "name", "nomenklatur", "uraian"),
    "level": ("tingkat", "level"),
    "unit": ("satuan", "unit"),
    "since": ("sejak", "since"),
    "deleted_by": ("dihapus", "deleted_by"),
    "sources": ("sumber", "sources"),
    "note": ("catatan", "note"),
}
"""Each field of an entry and the headers a table may give it under."""


def rows(text: str, origin: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, cells by header) of every non-empty row after the header."""
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [cell.strip().lower() for cell in next(reader)]
    except StopIteration:
        raise ConfigError(f"{origin}: the list is empty: write a header row first") from None
    for field in ("code", "name"):
        if not set(COLUMNS[field]) & set(header):
            names = " or ".join(f"`{name}`" for name in COLUMNS[field][:2])
            raise ConfigError(f"{origin}: the list has no {names} column (header: {first.strip()})")
    for row in reader:
        if any(cell.strip() for cell in row):
            yield reader.line_num, dict(zip(header, (cell.strip() for cell in row), strict=False))


def entries(text: str, origin: str, default_since: str) -> list[Entry]:
    """The entries of a table, each checked; a problem names the file and line."""
    return [_entry(cells, f"{origin}:{line}", default_since) for line, cells in rows(text, origin)]


def _cell(cells: dict[str, str], field: str) -> str:
    return next((cells[name] for name in COLUMNS[field] if cells.get(name)), "")


def _entry(cells: dict[str, str], where: str, default_since: str) -> Entry:
    written, name = _cell(cells, "code"), _cell(cells, "name")
    code = canonical(written)
    if code is None:
        raise ConfigError(f"{where}: `{written}` is not a nomenclature code (e.g. 1.06.02.2.01)")
    if not name:
        raise ConfigError(f"{where}: `{written}` has no name")
    level = level_of(code)
    written_level = _cell(cells, "level")
    if written_level and written_level != level.value:
        raise ConfigError(
            f"{where}: `{written}` is the code of a {level.value}, not a {written_level}; "
            f"levels: {', '.join(CodeLevel)}"
        )
    sources = tuple(part for part in _cell(cells, "sources").split(";") if part)
    return Entry(
        code=in_list(code),
        level=level,
        name=" ".join(name.split()),
        unit=_cell(cells, "unit"),
        since=_cell(cells, "since") or default_since,
        deleted_by=_cell(cells, "deleted_by"),
        sources=sources,
        note=_cell(cells, "note"),
    )
