"""The title rows above a table: the OPD, the pemda and the period, as offices print them.

`RENCANA PROGRAM, KEGIATAN, DAN PENDANAAN DINAS SOSIAL KABUPATEN MAMUJU` and
`TAHUN 2025-2029`: names in capitals are written the way a tree writes them (`Dinas Sosial`).
"""

from __future__ import annotations

import re

from pohon.source.spreadsheet.grid import Grid
from pohon.source.spreadsheet.rows import Field

_PERIOD = re.compile(
    r"\b((?:19|20)[0-9]{2})\s*(?:-|–|—|s\.?\s*/?\s*d\.?|sampai(?: dengan)?|hingga)\s*((?:19|20)[0-9]{2})\b",
    re.IGNORECASE,
)
_REGION = r"(?:KABUPATEN|KOTA|PROVINSI)\s+[A-Z][A-Z .'-]*?"
_OPD = re.compile(
    r"\b((?:DINAS|BADAN|KANTOR|SEKRETARIAT|INSPEKTORAT|SATUAN|RUMAH SAKIT|KECAMATAN)\b.*?)"
    rf"\s*\b({_REGION})\s*(?=\bTAHUN\b|\bPERIODE\b|$|[,(]|(?:19|20)[0-9]{{2}}\b)",
    re.IGNORECASE,
)
_SMALL = {"dan", "di", "ke", "dari", "yang", "serta", "atau"}


def written(text: str) -> str:
    """A name printed in capitals, as a tree writes it: `DINAS SOSIAL` → `Dinas Sosial`."""
    if text != text.upper():
        return text
    words = text.lower().split()
    return " ".join(
        w if (i and w in _SMALL) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def title_meta(grid: Grid, header: int) -> tuple[dict[str, Field], int | None]:
    """The meta the rows above `header` name, and the first year of the period they name."""
    meta: dict[str, Field] = {}
    start = None
    for row in range(header):
        seen: list[str] = []
        for column in range(len(grid.rows[row])):
            text = " ".join(grid.text(row, column).split())
            if not text or text in seen:
                continue
            seen.append(text)
            place = grid.place(row, column)
            period = _PERIOD.search(text)
            if period and "periode_awal" not in meta:
                meta["periode_awal"] = Field(period[1], place)
                meta["periode_akhir"] = Field(period[2], place)
                start = int(period[1])
            opd = _OPD.search(text)
            if opd and "opd" not in meta:
                region = written(opd[2].strip())
                meta["opd"] = Field(f"{written(opd[1].strip())} {region}", place)
                meta["pemda"] = Field(region, place)
    return meta, start
