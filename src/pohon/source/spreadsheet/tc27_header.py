"""The header of a Renstra T-C.27: two or three rows of merged titles over twenty columns.

Each column's titles, top to bottom, say what it holds: `Tujuan`, `Kode`, `Indikator …`,
`Target Kinerja … / Tahun 2026 / Rp`. Years may be written `Tahun-1` … `Tahun-5`: they
count from the period the title rows name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pohon.source.spreadsheet.grid import Grid
from pohon.source.spreadsheet.rows import header_words

_YEAR = re.compile(r"\b((?:19|20)[0-9]{2})\b")
_NTH = re.compile(r"\btahun (?:ke )?([1-9])\b")
_NUMBERS = re.compile(r"^\(?[0-9]{1,2}\)?$")


@dataclass
class Tc27Columns:
    """Which column holds what: one field a column, the code perhaps split over several."""

    header_rows: list[int]
    first_data_row: int
    fields: dict[int, str] = field(default_factory=dict)
    code: list[int] = field(default_factory=list)
    relative: dict[int, tuple[str, int]] = field(default_factory=dict)
    """Columns of `Tahun-n` with no year written: (kind, n), given a year once the period is known."""
    unplaced: dict[int, str] = field(default_factory=dict)


def is_tc27(words: str) -> bool:
    return "indikator" in words and "kode" in words and ("rp" in words or "pendanaan" in words)


def find_tc27_header(grid: Grid, limit: int = 30) -> int | None:
    for row in range(min(limit, len(grid.rows))):
        words = " ".join(header_words(grid.text(row, c)) for c in range(len(grid.rows[row])))
        if "indikator" in words and "kode" in words:
            return row
    return None


def _kind(words: str) -> str | None:
    last = words.split()[-1] if words else ""
    if last in ("rp", "pagu", "anggaran", "dana") or words.endswith(("rp 000", "rupiah")):
        return "pagu"
    if last in ("target", "k", "kinerja") or "target" in words.split()[-2:]:
        return "target"
    return None


def _classify(words: str) -> str | None:
    if "indikator" in words:
        return "indikator"
    if "satuan" in words:
        return "satuan"
    if "kode" in words:
        return "kode"
    if (
        "data capaian" in words
        or "kondisi awal" in words
        or "baseline" in words
        or "tahun awal" in words
    ):
        return "kondisi_awal"
    if "akhir periode" in words or "kondisi kinerja pada akhir" in words:
        return {"target": "target_akhir", "pagu": "pagu_akhir"}.get(_kind(words) or "")
    if "program" in words or "kegiatan" in words:
        return "nama"
    if "sasaran" in words:
        return "sasaran"
    if "tujuan" in words:
        return "tujuan"
    if "unit kerja" in words or "penanggung jawab" in words:
        return "jabatan"
    if "lokasi" in words:
        return "lokasi"
    return None


def _spread(grid: Grid, rows: list[int]) -> None:
    """Spread a title over the empty cells right of it that have titles below them: a merged
    header whose merge the reader does not report (calamine gives none for .ods)."""
    width = max(len(grid.rows[r]) for r in rows)
    for index, row in enumerate(rows):
        line = grid.rows[row]
        line.extend([""] * (width - len(line)))
        for column in range(1, width):
            below = any(grid.text(r, column) for r in rows[index + 1 :])
            if not grid.text(row, column) and grid.text(row, column - 1) and below:
                line[column] = line[column - 1]


def read_tc27_header(grid: Grid, top: int) -> Tc27Columns:
    rows = [top]
    row = top + 1
    while row < min(top + 4, len(grid.rows)):
        texts = [grid.text(row, c) for c in range(len(grid.rows[row]))]
        filled = [t for t in texts if t]
        if filled and all(_NUMBERS.match(t) for t in filled):  # (1) (2) … (20)
            row += 1
            break
        if any(
            header_words(t) in ("target", "rp", "k")
            or _YEAR.search(t)
            or _NTH.search(header_words(t))
            for t in filled
        ):
            rows.append(row)
            row += 1
            continue
        break
    columns = Tc27Columns(rows, row)
    _spread(grid, rows)
    for column in range(max(len(grid.rows[r]) for r in rows)):
        parts: list[str] = []
        for r in rows:
            words = header_words(grid.text(r, column))
            if words and (not parts or parts[-1] != words):
                parts.append(words)
        words = " ".join(parts)
        if not words:
            continue
        year = _YEAR.search(words)
        kind = _kind(words)
        if kind and year and "akhir" not in words:
            columns.fields[column] = f"{kind}_{year[1]}"
            continue
        nth = _NTH.search(words)
        if kind and nth and "akhir" not in words:
            columns.relative[column] = (kind, int(nth[1]))
            continue
        name = _classify(words)
        if name == "kode":
            columns.code.append(column)
        elif name is None or name in columns.fields.values():
            columns.unplaced[column] = " / ".join(parts)
        else:
            columns.fields[column] = name
    return columns
