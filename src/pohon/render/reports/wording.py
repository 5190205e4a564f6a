"""The words around the data in reports, per language: Indonesian (the documents' own) and English."""

from __future__ import annotations

from pohon.core.errors import UsageError
from pohon.core.vocabulary import LANGUAGES, Level
from pohon.tree.model import IndicatorType, Polarity

_ID: dict[str, str] = {
    "site_title": "Pohon Kinerja dan Cascading Kinerja",
    "trees": "Pohon yang dirender",
    "agency": "Perangkat daerah",
    "period": "Periode",
    "diagrams": "Diagram",
    "overviews": "Gambaran umum",
    "reports": "Laporan",
    "no_diagrams": "Tidak ada diagram yang dirender.",
    "matrix": "Matriks Cascading",
    "matrix_intro": "Satu baris untuk setiap jalur dari tujuan perangkat daerah sampai sub kegiatan.",
    "matrix_omitted": "Matriks tidak dibuat: jalur pohon ini memerlukan {columns} kolom tingkat, lebih dari batas {limit}. Pohonnya tetap tergambar pada diagram.",
    "agreements": "Lampiran Perjanjian Kinerja",
    "agreement": "Lampiran Perjanjian Kinerja",
    "agreement_year": "Tahun",
    "register": "Daftar Indikator Kinerja",
    "register_intro": "Capaian = realisasi ÷ target × 100; untuk indikator berpolaritas turun (↓, makin rendah makin baik), target ÷ realisasi × 100.",
    "summary": "Ringkasan Validasi",
    "summary_none": "Tidak ada temuan: pohon ini lolos semua aturan.",
    "markdown": "Markdown",
    "html": "HTML",
    "statement": "Sasaran",
    "indicator": "Indikator",
    "indicators": "Indikator",
    "unit": "Satuan",
    "type": "Jenis",
    "polarity": "Polaritas",
    "baseline": "Baseline",
    "target": "Target",
    "realisation": "Realisasi",
    "achievement": "Capaian",
    "node": "Simpul",
    "level": "Tingkat",
    "no": "No",
    "none": "–",
    "no_indicator": "tidak ada indikator",
    "no_target": "belum ada target",
    "no_nodes": "Tidak ada sasaran yang menjadi tanggung jawab jabatan ini.",
    "not_computable": "tidak dapat dihitung",
    "budget_items": "Program dan kegiatan",
    "budget_item": "Program / Kegiatan",
    "budget": "Anggaran",
    "total": "Jumlah",
    "no_budget_items": "Tidak ada program atau kegiatan di bawah sasaran ini.",
    "first_party": "Pihak Pertama",
    "second_party": "Pihak Kedua",
    "signature_blank": "(tanda tangan)",
    "holder_blank": "(nama pejabat)",
    "nip": "NIP",
    "position": "Jabatan",
    "rule": "Aturan",
    "severity": "Tingkat",
    "message": "Pesan",
    "location": "Letak",
    "findings": "Temuan",
    "error": "galat",
    "warning": "peringatan",
    "info": "info",
    "budget_prefix": "Rp",
    "back": "Kembali ke daftar isi",
    "contents": "Daftar isi",
    "source": "Sumber data",
    "years_legend": "target / realisasi / capaian",
}

_EN: dict[str, str] = {
    "site_title": "Performance tree and cascading",
    "trees": "Rendered trees",
    "agency": "Agency",
    "period": "Period",
    "diagrams": "Diagrams",
    "overviews": "Overviews",
    "reports": "Reports",
    "no_diagrams": "No diagram was rendered.",
    "matrix": "Cascading matrix",
    "matrix_intro": "One row per path from the agency's goal down to each sub-activity.",
    "matrix_omitted": "No matrix: the paths of this tree need {columns} level columns, more than the limit of {limit}. The diagrams still draw the tree.",
    "agreements": "Performance agreement annexes",
    "agreement": "Performance agreement annex",
    "agreement_year": "Year",
    "register": "Indicator register",
    "register_intro": "Achievement = realisation ÷ target × 100; for lower-is-better indicators (↓), target ÷ realisation × 100.",
    "summary": "Validation summary",
    "summary_none": "No findings: this tree passes every rule.",
    "markdown": "Markdown",
    "html": "HTML",
    "statement": "Objective",
    "indicator": "Indicator",
    "indicators": "Indicators",
    "unit": "Unit",
    "type": "Type",
    "polarity": "Polarity",
    "baseline": "Baseline",
    "target": "Target",
    "realisation": "Realisation",
    "achievement": "Achievement",
    "node": "Node",
    "level": "Level",
    "no": "No",
    "none": "–",
    "no_indicator": "no indicator",
    "no_target": "no target yet",
    "no_nodes": "This position answers for no objective.",
    "not_computable": "cannot be computed",
    "budget_items": "Programs and activities",
    "budget_item": "Program / Activity",
    "budget": "Budget",
    "total": "Total",
    "no_budget_items": "No program or activity under these objectives.",
    "first_party": "First party",
    "second_party": "Second party",
    "signature_blank": "(signature)",
    "holder_blank": "(name of the official)",
    "nip": "NIP",
    "position": "Position",
    "rule": "Rule",
    "severity": "Severity",
    "message": "Message",
    "location": "Location",
    "findings": "Findings",
    "error": "error",
    "warning": "warning",
    "info": "info",
    "budget_prefix": "IDR",
    "back": "Back to the contents",
    "contents": "Contents",
    "source": "Data source",
    "years_legend": "target / realisation / achievement",
}

_LEVELS: dict[str, dict[Level, str]] = {
    "id": {
        Level.VISI: "Visi",
        Level.MISI: "Misi",
        Level.TUJUAN_RPJMD: "Tujuan RPJMD",
        Level.SASARAN_RPJMD: "Sasaran RPJMD",
        Level.TUJUAN_OPD: "Tujuan",
        Level.SASARAN_STRATEGIS: "Sasaran Strategis",
        Level.SASARAN_ANTARA: "Sasaran Antara",
        Level.PROGRAM: "Program",
        Level.KEGIATAN: "Kegiatan",
        Level.SUB_KEGIATAN: "Sub Kegiatan",
    },
    "en": {
        Level.VISI: "Vision",
        Level.MISI: "Mission",
        Level.TUJUAN_RPJMD: "Regional goal",
        Level.SASARAN_RPJMD: "Regional objective",
        Level.TUJUAN_OPD: "Agency goal",
        Level.SASARAN_STRATEGIS: "Strategic objective",
        Level.SASARAN_ANTARA: "Intermediate objective",
        Level.PROGRAM: "Program",
        Level.KEGIATAN: "Activity",
        Level.SUB_KEGIATAN: "Sub-activity",
    },
}

_TYPES: dict[str, dict[IndicatorType, str]] = {
    "id": {
        IndicatorType.IMPACT: "impact",
        IndicatorType.OUTCOME: "outcome",
        IndicatorType.OUTPUT: "output",
        IndicatorType.PROSES: "proses",
    },
    "en": {
        IndicatorType.IMPACT: "impact",
        IndicatorType.OUTCOME: "outcome",
        IndicatorType.OUTPUT: "output",
        IndicatorType.PROSES: "process",
    },
}

_POLARITIES: dict[str, dict[Polarity, str]] = {
    "id": {Polarity.NAIK: "naik ↑", Polarity.TURUN: "turun ↓"},
    "en": {Polarity.NAIK: "higher ↑", Polarity.TURUN: "lower ↓"},
}


class Labels:
    """The labels of one language: its words (templates read them as `labels.word`) and enum names."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise UsageError(f"--lang {lang}: reports speak {', '.join(LANGUAGES)}")
        self.lang = lang
        self.words = _ID if lang == "id" else _EN

    def __getitem__(self, word: str) -> str:
        return self.words[word]

    def level(self, level: Level) -> str:
        return _LEVELS[self.lang][level]

    def indicator_type(self, kind: IndicatorType | None) -> str:
        return _TYPES[self.lang][kind] if kind else self.words["none"]

    def polarity(self, polarity: Polarity) -> str:
        return _POLARITIES[self.lang][polarity]
