"""The head of a tree file: who plans (meta, with its period and codes) and who signs (positions)."""

from __future__ import annotations

from pydantic import Field

from pohon.core.vocabulary import Echelon
from pohon.tree.schema_base import Schema
from pohon.tree.years import Year


class Position(Schema):
    title: str = Field(alias="nama", min_length=1, description="Nama jabatan, mis. Kepala Dinas.")
    echelon: Echelon | None = Field(default=None, alias="eselon", description="Eselon: II, III…")
    holder: str | None = Field(default=None, alias="pejabat", description="Nama pejabat.")
    nip: str | None = Field(default=None, description="NIP pejabat (data pribadi: boleh kosong).")
    rank: str | None = Field(default=None, alias="pangkat", description="Pangkat / golongan.")
    superior: str | None = Field(
        default=None,
        alias="atasan",
        description="Id jabatan atasan langsung: pihak kedua Perjanjian Kinerja jabatan ini.",
    )


class RegionHead(Schema):
    title: str = Field(
        alias="jabatan", min_length=1, description="Jabatan kepala daerah, mis. Bupati Mamuju."
    )
    holder: str | None = Field(default=None, alias="nama", description="Nama kepala daerah.")


class Period(Schema):
    start: Year = Field(alias="awal", description="Tahun awal periode rencana.")
    end: Year = Field(alias="akhir", description="Tahun akhir periode rencana.")

    def years(self) -> range:
        return range(self.start, self.end + 1)


class Signatory(Schema):
    position: str = Field(alias="jabatan", description="Id jabatan yang menandatangani.")
    place: str | None = Field(default=None, alias="tempat", description="Tempat penandatanganan.")


# [0-9], not \d: pydantic's \d takes any script's digits, the editor's only 0-9.
REGION_CODE = r"^[0-9]{2}(\.[0-9]{2})?$"
"""Kode wilayah of a province (`35`) or a kabupaten/kota (`35.10`)."""
OPD_CODE = r"^[1-8]\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$"
"""Kode perangkat daerah: three urusan.bidang pairs (unused ones `0.00`), unit, sub unit."""


class Meta(Schema):
    pemda: str = Field(min_length=1, description="Pemerintah daerah, mis. Kabupaten Mamuju.")
    opd: str = Field(min_length=1, description="Perangkat daerah, mis. Dinas Sosial.")
    region_code: str | None = Field(
        default=None,
        alias="kode_wilayah",
        pattern=REGION_CODE,
        description='Kode wilayah pemda: provinsi "35", kabupaten/kota "35.10".',
    )
    opd_code: str | None = Field(
        default=None,
        alias="kode_opd",
        pattern=OPD_CODE,
        description='Kode perangkat daerah (Kepmendagri 050-5889), mis. "1.06.0.00.0.00.01.0000";'
        " urusan dan bidang urusan dibaca dari dua bagian pertamanya.",
    )
    period: Period = Field(alias="periode", description="Periode rencana (RPJMD / Renstra).")
    nomenclature: str | dict[Year, str] | None = Field(
        default=None,
        alias="nomenklatur",
        description="Versi nomenklatur yang diikuti kode, mis. Kepmendagri 050-5889 Tahun 2021; "
        "atau satu versi per tahun, mis. {2021: Permendagri 90/2019, 2022: Kepmendagri "
        "050-5889/2021}.",
    )
    source: str | None = Field(
        default=None, alias="sumber", description="Asal data dan catatan cara membacanya."
    )
    location: str | None = Field(default=None, alias="lokasi", description="Lokasi bawaan simpul.")
    head: RegionHead | None = Field(
        default=None,
        alias="kepala_daerah",
        description="Kepala daerah: pihak kedua Perjanjian Kinerja kepala perangkat daerah"
        " (jabatan tanpa `atasan`).",
    )
    signatories: list[Signatory] = Field(
        default_factory=list, alias="penandatangan", description="Blok tanda tangan."
    )
