"""The look of the diagrams: words per language, colours per level, and the lanes of the chart."""

from __future__ import annotations

from dataclasses import dataclass

from pohon.core.vocabulary import Level

FONT = "Arial"  # the embedded engine ships Arimo for it, metric-compatible with Arial


@dataclass(frozen=True)
class Colours:
    fill: str
    header: str
    border: str


# One colour per level, pale enough for black text; headers a shade darker. Pemda levels
# in greys and blues, the OPD's own levels warm, budget items yellow-green-blue as on the chart.
COLOURS: dict[Level, Colours] = {
    Level.VISI: Colours("#F2F2F2", "#D9D9D9", "#7F7F7F"),
    Level.MISI: Colours("#EDEDED", "#D0D0D0", "#7F7F7F"),
    Level.TUJUAN_RPJMD: Colours("#E4ECF7", "#C5D6EE", "#4F6D9A"),
    Level.SASARAN_RPJMD: Colours("#D6E3F3", "#AFC6E6", "#4F6D9A"),
    Level.TUJUAN_OPD: Colours("#F9E3E2", "#EFC1BF", "#A0504C"),
    Level.SASARAN_STRATEGIS: Colours("#F3D3D2", "#E5A8A6", "#A0504C"),
    Level.SASARAN_ANTARA: Colours("#FDEBDC", "#F8CDA8", "#B36B2E"),
    Level.PROGRAM: Colours("#FFF4CF", "#FFE38A", "#A68A1E"),
    Level.KEGIATAN: Colours("#EAF3DE", "#C9E2A8", "#5E8A2E"),
    Level.SUB_KEGIATAN: Colours("#E0F1F6", "#B3DCE8", "#2E7A8F"),
}

_LEVEL_WORDS = {
    "id": {
        Level.VISI: "VISI",
        Level.MISI: "MISI",
        Level.TUJUAN_RPJMD: "TUJUAN RPJMD",
        Level.SASARAN_RPJMD: "SASARAN RPJMD",
        Level.TUJUAN_OPD: "TUJUAN OPD",
        Level.SASARAN_STRATEGIS: "SASARAN STRATEGIS",
        Level.SASARAN_ANTARA: "SASARAN",
        Level.PROGRAM: "SASARAN PROGRAM",
        Level.KEGIATAN: "SASARAN KEGIATAN",
        Level.SUB_KEGIATAN: "SASARAN SUB KEGIATAN",
    },
    "en": {
        Level.VISI: "VISION",
        Level.MISI: "MISSION",
        Level.TUJUAN_RPJMD: "RPJMD GOAL",
        Level.SASARAN_RPJMD: "RPJMD TARGET",
        Level.TUJUAN_OPD: "AGENCY GOAL",
        Level.SASARAN_STRATEGIS: "STRATEGIC TARGET",
        Level.SASARAN_ANTARA: "INTERMEDIATE TARGET",
        Level.PROGRAM: "PROGRAM TARGET",
        Level.KEGIATAN: "ACTIVITY TARGET",
        Level.SUB_KEGIATAN: "SUB-ACTIVITY TARGET",
    },
}

_WORDS = {
    "id": {
        "cascading": "CASCADING KINERJA",
        "pohon": "POHON KINERJA",
        "indicator": "INDIKATOR :",
        "kegiatan": "KEG",
        "sub_kegiatan": "SUB KEG",
        "period": "Periode",
        "legend": "KETERANGAN",
        "back": "<< kembali ke gambaran umum",
        "previous": "< bagian sebelumnya",
        "next": "bagian berikutnya >",
        "open": ">> rincian: {k} kegiatan, {s} sub kegiatan",
        "nip": "NIP",
        "under": "di bawah",
        "sheet": "halaman {n} dari {m}",
        "part": "bagian {n} dari {m}",
        "next_part": "bagian berikutnya >>",
        "figures": "{unit} · target {year}: {target}",
        "reached": " · realisasi {value} ({achievement})",
        "pagu": "PAGU {year} : {amount}",
    },
    "en": {
        "cascading": "PERFORMANCE CASCADE",
        "pohon": "PERFORMANCE TREE",
        "indicator": "INDICATOR :",
        "kegiatan": "ACT",
        "sub_kegiatan": "SUB ACT",
        "period": "Period",
        "legend": "LEGEND",
        "back": "<< back to the overview",
        "previous": "< previous part",
        "next": "next part >",
        "open": ">> details: {k} activities, {s} sub-activities",
        "nip": "NIP",
        "under": "under",
        "sheet": "page {n} of {m}",
        "part": "part {n} of {m}",
        "next_part": "next part >>",
        "figures": "{unit} · target {year}: {target}",
        "reached": " · realised {value} ({achievement})",
        "pagu": "BUDGET {year} : {amount}",
    },
}


def level_word(level: Level, lang: str) -> str:
    return _LEVEL_WORDS[_lang(lang)][level]


def word(key: str, lang: str) -> str:
    return _WORDS[_lang(lang)][key]


def _lang(lang: str) -> str:
    return lang if lang in _WORDS else "id"


@dataclass(frozen=True)
class Lane:
    """A horizontal band of the Cascading Kinerja: who answers for the levels drawn in it."""

    key: str
    words: dict[str, str]
    levels: tuple[Level, ...]

    def label(self, lang: str) -> str:
        return self.words[_lang(lang)]


# The seed's lanes, top to bottom. A node's lane follows its level (not its `jabatan`): lanes
# are bands of whole ranks, and one box out of its band would break the band for all.
LANES: tuple[Lane, ...] = (
    Lane("tujuan", {"id": "TUJUAN", "en": "GOALS"}, (Level.VISI, Level.MISI, Level.TUJUAN_RPJMD)),
    Lane("sasaran-rpjmd", {"id": "SASARAN RPJMD", "en": "RPJMD TARGETS"}, (Level.SASARAN_RPJMD,)),
    Lane(
        "eselon-2",
        {"id": "ESELON II", "en": "ECHELON II"},
        (Level.TUJUAN_OPD, Level.SASARAN_STRATEGIS),
    ),
    Lane(
        "eselon-3", {"id": "ESELON III", "en": "ECHELON III"}, (Level.SASARAN_ANTARA, Level.PROGRAM)
    ),
    Lane("eselon-4", {"id": "ESELON IV", "en": "ECHELON IV"}, (Level.KEGIATAN, Level.SUB_KEGIATAN)),
)
