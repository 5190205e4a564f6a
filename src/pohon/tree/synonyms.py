"""The words analysts write for the format's keys, so an unknown key answers with the one meant.

One table, by the kind of mapping the word is written in: the same word means another key
in another place (`awal` is the start of `periode`, but in an indicator it is the
`baseline`; `tahun` is the `periode` under `meta`, but the years of `target` in an
indicator). Each word names fields of the model, never YAML keys: the key shown is the
field's alias (as `yaml_key` gives it), so renaming a key moves its synonyms with it. The models'
English field names (`targets`, `statement`, `budget`…) are synonyms too, without being
listed: a tree written with them is refused, and the hint gives the key to write.
"""

from __future__ import annotations

from pydantic import BaseModel

from pohon.tree.header import Meta, Period, Position, Signatory
from pohon.tree.model import FragmentFile, Indicator, Node, TreeFile

Fields = tuple[str, ...]
"""The field (or, for a word of two meanings, the fields) of the model a word stands for."""

_NAME, _STATEMENT = ("name",), ("statement",)

SYNONYMS: dict[type[BaseModel], dict[str, Fields]] = {
    TreeFile: {
        "identitas": ("meta",),
        "pohon": ("nodes",),
        "akar": ("nodes",),
        "pejabat": ("positions",),
        "include": ("includes",),
        "bagian": ("includes",),
    },
    FragmentFile: {
        "simpul_induk": ("parent",),
        "parent_id": ("parent",),
        "include": ("includes",),
    },
    Meta: {
        "pemerintah_daerah": ("pemda",),
        "pemkab": ("pemda",),
        "pemkot": ("pemda",),
        "pemprov": ("pemda",),
        "kabupaten": ("pemda",),
        "daerah": ("pemda",),
        "perangkat_daerah": ("opd",),
        "skpd": ("opd",),
        "dinas": ("opd",),
        "instansi": ("opd",),
        "unit_kerja": ("opd",),
        "tahun": ("period",),
        "periode_rencana": ("period",),
        "renstra": ("period",),
        "kode": ("opd_code", "region_code"),
        "kode_skpd": ("opd_code",),
        "kode_unit": ("opd_code",),
        "kode_perangkat_daerah": ("opd_code",),
        "urusan": ("opd_code",),
        "bidang_urusan": ("opd_code",),
        "bidang": ("opd_code",),
        "kode_daerah": ("region_code",),
        "kode_pemda": ("region_code",),
        "wilayah": ("region_code",),
        "versi_nomenklatur": ("nomenclature",),
        "kepmendagri": ("nomenclature",),
        "permendagri": ("nomenclature",),
        "sumber_data": ("source",),
        "bupati": ("head",),
        "wali_kota": ("head",),
        "walikota": ("head",),
        "gubernur": ("head",),
        "tanda_tangan": ("signatories",),
        "ttd": ("signatories",),
    },
    Period: {
        "mulai": ("start",),
        "dari": ("start",),
        "tahun_awal": ("start",),
        "selesai": ("end",),
        "sampai": ("end",),
        "hingga": ("end",),
        "tahun_akhir": ("end",),
    },
    Signatory: {
        "pejabat": ("position",),
        "lokasi": ("place",),
        "kota": ("place",),
    },
    Position: {
        "jabatan": ("title",),
        "nama_jabatan": ("title",),
        "nama_pejabat": ("holder",),
        "pemangku": ("holder",),
        "golongan": ("rank",),
        "atasan_langsung": ("superior",),
        "pimpinan": ("superior",),
        "esolon": ("echelon",),  # as the Mamuju chart spells it
    },
    Node: {
        "anggaran": ("budget",),
        "pagu_anggaran": ("budget",),
        "dana": ("budget",),
        "biaya": ("budget",),
        "uraian": ("statement", "name"),
        "sasaran": _STATEMENT,
        "tujuan": _STATEMENT,
        "kondisi": _STATEMENT,
        "pernyataan_sasaran": _STATEMENT,
        "indikator_kinerja": ("indicators",),
        "indikator_sasaran": ("indicators",),
        "indicator": ("indicators",),
        "program": _NAME,
        "kegiatan": _NAME,
        "sub_kegiatan": _NAME,
        "nama_program": _NAME,
        "nama_kegiatan": _NAME,
        "nama_sub_kegiatan": _NAME,
        "nomenklatur": _NAME,
        "kode_program": ("code",),
        "kode_kegiatan": ("code",),
        "kode_rekening": ("code",),
        "penanggung_jawab": ("position",),
        "pj": ("position",),
        "pelaksana": ("position",),
        "jenjang": ("level",),
        "tipe": ("level",),
        "turunan": ("children",),
        "cabang": ("children",),
        "bawahan": ("children",),
        "keterangan": ("notes",),
        "ket": ("notes",),
        "kecualikan": ("ignore",),
        "lewati": ("ignore",),
    },
    Indicator: {
        "kondisi_awal": ("baseline",),
        "nilai_awal": ("baseline",),
        "data_awal": ("baseline",),
        "awal": ("baseline",),
        "tahun": ("targets",),
        "target_tahunan": ("targets",),
        "target_kinerja": ("targets",),
        "rencana": ("targets",),
        "kondisi_akhir": ("targets",),
        "target_akhir": ("targets",),
        "realisasi_kinerja": ("realisations",),
        "realization": ("realisations",),
        "realizations": ("realisations",),
        "realisation": ("realisations",),
        "uraian": _NAME,
        "indikator_kinerja": _NAME,
        "nama_indikator": _NAME,
        "rumusan": _NAME,
        "rumusan_indikator": _NAME,
        "satuan_ukur": ("unit",),
        "ukuran": ("unit",),
        "jenis_indikator": ("type",),
        "tipe": ("type",),
        "arah": ("polarity",),
        "arah_kinerja": ("polarity",),
        "sifat": ("polarity",),
        "label": ("tags",),
        "keterangan": ("notes",),
        "ket": ("notes",),
    },
}


def meant(word: str, model: type[BaseModel]) -> tuple[str, ...]:
    """The YAML keys of `model` that `word` stands for: a listed synonym, or an English field name."""
    fields = SYNONYMS.get(model, {}).get(word)
    if fields is None and word in model.model_fields:
        fields = (word,)
    if fields is None:
        return ()
    # The fields are data here, not names in code: tests/test_key_parity.py checks each one.
    keys = tuple(model.model_fields[field].alias or field for field in fields)
    return () if word in keys else keys
