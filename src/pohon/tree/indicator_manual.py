"""What the IKU document and its Manual IK say of an indicator beyond its figures: definition,
formula, data source and reporting period (PermenPAN 09/2007, PermenPANRB 53/2014)."""

from __future__ import annotations

from pydantic import Field

from pohon.tree.schema_base import Schema

IKU_TAG = "IKU"
"""The `tag` that makes an indicator an Indikator Kinerja Utama (compared without case)."""


class ManualFields(Schema):
    """The Manual IK's fields of an indicator; every one may be left out (the documents then
    mark it `belum diisi`). The responsible unit is the node's `jabatan`, not a field here."""

    definition: str | None = Field(
        default=None,
        alias="definisi",
        min_length=1,
        description="Definisi operasional indikator: apa yang diukur dan batasannya.",
    )
    calculation: str | None = Field(
        default=None,
        alias="rumus",
        min_length=1,
        description="Rumus / formula perhitungan nilai indikator, mis. jumlah PSKS aktif ÷ "
        "jumlah PSKS × 100%. (Rumus capaian terhadap target: `rumus_capaian`.)",
    )
    data_source: str | None = Field(
        default=None,
        alias="sumber_data",
        min_length=1,
        description="Sumber data indikator, mis. laporan bidang, aplikasi SIKS-NG.",
    )
    reporting_period: str | None = Field(
        default=None,
        alias="periode_pelaporan",
        min_length=1,
        description="Periode pelaporan, mis. tahunan, semesteran, triwulanan.",
    )
