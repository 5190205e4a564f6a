"""What every layout reads a sheet into: rows of named fields, each with the cell it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pohon.source.spreadsheet.grid import Value

TextColumns = dict[str, tuple[str, ...]]
"""Columns of text copied as written, each with its YAML path: a key, or keys into a mapping."""


def own(*keys: str) -> TextColumns:
    """Columns named as their YAML keys."""
    return {key: (key,) for key in keys}


NODE_TEXTS: TextColumns = own("nama", "pernyataan", "lokasi", "catatan") | {
    "perubahan_tanggal": ("perubahan", "tanggal"),
    "perubahan_dasar": ("perubahan", "dasar"),
    "perubahan_alasan": ("perubahan", "alasan"),
    "perubahan_berlaku_mulai": ("perubahan", "berlaku_mulai"),
}
"""A node's fields of text. A new text field of the model is one entry here (a key inside a
mapping: `"perubahan_tanggal": ("perubahan", "tanggal")`): the data sheets write its column
and every layout reads it (docs/import.md, "A new field")."""
INDICATOR_TEXTS: TextColumns = own(
    "definisi", "rumus", "sumber_data", "periode_pelaporan", "berlaku_sampai"
) | {
    "id_indikator": ("id",),
    "perubahan_indikator_tanggal": ("perubahan", "tanggal"),
    "perubahan_indikator_dasar": ("perubahan", "dasar"),
    "perubahan_indikator_alasan": ("perubahan", "alasan"),
    "perubahan_indikator_berlaku_mulai": ("perubahan", "berlaku_mulai"),
    "perubahan_indikator_menggantikan": ("perubahan", "menggantikan"),
}
"""An indicator's, likewise; a column a node's field already names takes `_indikator`."""
META_TEXTS: TextColumns = {
    **own("kode_wilayah", "kode_opd", "sumber", "lokasi"),
    "kepala_daerah_jabatan": ("kepala_daerah", "jabatan"),
    "kepala_daerah_nama": ("kepala_daerah", "nama"),
}
"""The Meta sheet's keys of text, likewise (pemda, opd, periode, nomenklatur and
penandatangan have their own rows)."""
NODE_FIELDS = (
    "id", "induk", "tingkat", "kode", "nomor", "jabatan", "abaikan", *NODE_TEXTS,
)  # fmt: skip
"""The fields of a node, as the flat layout's columns name them (its YAML keys)."""
INDICATOR_FIELDS = (
    "indikator", "satuan", "jenis", "polaritas", "rumus_capaian", "kondisi_awal", "target_akhir",
    "tag", "catatan_indikator", *INDICATOR_TEXTS,
)  # fmt: skip
"""The fields of an indicator; `catatan_indikator` is its `catatan`."""
YEARLY = ("target", "pagu", "realisasi")
"""Fields with one column per year: `target_2025`, `pagu_2025`, `realisasi_2025`."""


@dataclass(frozen=True, slots=True)
class Field:
    """One cell's value where a field was read, and where it was."""

    value: Value
    place: str
    continued: bool = False
    """The cell continues a merged range begun above (the same node, drawn once)."""


@dataclass
class SheetRow:
    """One row of a layout: a node's fields, maybe one indicator's, and where the row is."""

    place: str
    fields: dict[str, Field] = field(default_factory=dict)
    key: str | None = None
    """Which node the row belongs to, where the layout knows (tc27: the merged cell's first cell)."""
    parent: str | None = None
    """The key of the node's parent, where the layout knows it."""

    def text(self, name: str) -> str:
        found = self.fields.get(name)
        if found is None or found.value is None:
            return ""
        value = found.value
        return value.strip() if isinstance(value, str) else str(value)


@dataclass
class SheetTable:
    """A layout's reading of a sheet: its rows, the meta it names, what it could not place."""

    rows: list[SheetRow]
    years: list[int]
    meta: dict[str, Field] = field(default_factory=dict)
    positions: list[dict[str, Field]] = field(default_factory=list)
    unplaced: list[tuple[str, str]] = field(default_factory=list)
    """(place, message) of each column, row or sheet left out."""


def header_words(value: Value) -> str:
    """A header as words to compare: case, spacing, line breaks and punctuation ignored."""
    text = value if isinstance(value, str) else str(value)
    return " ".join(re.sub(r"[^\w%]+|_", " ", text.lower()).split())
