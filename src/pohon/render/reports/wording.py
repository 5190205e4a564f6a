"""The words around the data in reports, per language: Indonesian (the documents' own) and English."""

from __future__ import annotations

from pohon.core.errors import UsageError
from pohon.core.vocabulary import LANGUAGES, IndicatorType, Level, Polarity
from pohon.render.reports.wording_diff import DIFF_EN, DIFF_ID
from pohon.render.reports.wording_renstra import RENSTRA_EN, RENSTRA_ID

_ID: dict[str, str] = {
    "site_title": "Pohon Kinerja dan Cascading Kinerja",
    "trees": "Pohon yang dirender",
    "agency": "Perangkat daerah",
    "opd_code": "Kode OPD",
    "region_code": "Kode wilayah",
    "period": "Periode",
    "diagrams": "Diagram",
    "overviews": "Gambaran umum",
    "reports": "Laporan",
    "no_diagrams": "Tidak ada diagram yang dirender.",
    "matrix": "Matriks Cascading",
    "matrix_intro": "Satu baris untuk setiap jalur dari {top} sampai {bottom}.",
    "matrix_intro_one": "Satu baris untuk setiap {top}.",
    "matrix_omitted": "Matriks tidak dibuat: jalur pohon ini memerlukan {columns} kolom tingkat, lebih dari batas {limit}. Pohonnya tetap tergambar pada diagram.",
    "agreements": "Lampiran Perjanjian Kinerja",
    "agreement": "Lampiran Perjanjian Kinerja",
    "agreement_year": "Tahun",
    "register": "Daftar Indikator Kinerja",
    "register_intro": "Capaian = realisasi ÷ target × 100; untuk indikator berpolaritas turun (↓, makin rendah makin baik), target ÷ realisasi × 100.",
    "register_intro_selisih": "Capaian = realisasi ÷ target × 100; untuk indikator berpolaritas turun (↓, makin rendah makin baik), (2 × target − realisasi) ÷ target × 100.",
    "formula_rasio": "capaian = realisasi ÷ target × 100",
    "formula_kebalikan": "capaian = target ÷ realisasi × 100",
    "formula_selisih": "capaian = (2 × target − realisasi) ÷ target × 100",
    "as_targeted": "sesuai target",
    "not_as_targeted": "tidak sesuai target",
    "end_target": "Target akhir periode",
    "end_short": "akhir",
    "summary": "Ringkasan Validasi",
    "summary_none": "Tidak ada temuan: pohon ini lolos semua aturan.",
    "summary_none_silenced": "Tidak ada temuan dari aturan yang diperiksa, tetapi {n} aturan dibungkam: pohon ini tidak diperiksa dengan semua aturan.",
    "silenced": "Aturan yang dibungkam",
    "silenced_count": "{n} dibungkam",
    "silenced_intro": "Aturan ini tidak diperiksa di tempat yang disebut, jadi temuannya tidak tampil di sini.",
    "silenced_by": "Dibungkam oleh",
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
    "pagu": "Pagu",
    "tags": "Tag",
    "notes": "Catatan",
    "code": "Kode",
    "opd_budget": "Pagu perangkat daerah per tahun",
    "back": "Kembali ke daftar isi",
    "contents": "Daftar isi",
    "source": "Sumber data",
    "years_legend": "target / realisasi / capaian",
    "urusan": "Urusan",
    "bidang_urusan": "Bidang urusan",
    "official_name": "nama resmi",
    **RENSTRA_ID,
    **DIFF_ID,
}

_EN: dict[str, str] = {
    "site_title": "Performance tree and cascading",
    "trees": "Rendered trees",
    "agency": "Agency",
    "opd_code": "OPD code",
    "region_code": "Region code",
    "period": "Period",
    "diagrams": "Diagrams",
    "overviews": "Overviews",
    "reports": "Reports",
    "no_diagrams": "No diagram was rendered.",
    "matrix": "Cascading matrix",
    "matrix_intro": "One row per path from the {top} down to each {bottom}.",
    "matrix_intro_one": "One row per {top}.",
    "matrix_omitted": "No matrix: the paths of this tree need {columns} level columns, more than the limit of {limit}. The diagrams still draw the tree.",
    "agreements": "Performance agreement annexes",
    "agreement": "Performance agreement annex",
    "agreement_year": "Year",
    "register": "Indicator register",
    "register_intro": "Achievement = realisation ÷ target × 100; for lower-is-better indicators (↓), target ÷ realisation × 100.",
    "register_intro_selisih": "Achievement = realisation ÷ target × 100; for lower-is-better indicators (↓), (2 × target − realisation) ÷ target × 100.",
    "formula_rasio": "achievement = realisation ÷ target × 100",
    "formula_kebalikan": "achievement = target ÷ realisation × 100",
    "formula_selisih": "achievement = (2 × target − realisation) ÷ target × 100",
    "as_targeted": "as targeted",
    "not_as_targeted": "not as targeted",
    "end_target": "End-of-period target",
    "end_short": "end",
    "summary": "Validation summary",
    "summary_none": "No findings: this tree passes every rule.",
    "summary_none_silenced": "No findings from the rules that were checked, but {n} silenced: this tree was not checked against every rule.",
    "silenced": "Silenced rules",
    "silenced_count": "{n} silenced",
    "silenced_intro": "These rules were not checked where named, so their findings are not shown here.",
    "silenced_by": "Silenced by",
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
    "pagu": "Budget",
    "tags": "Tags",
    "notes": "Notes",
    "code": "Code",
    "opd_budget": "The agency's budget per year",
    "back": "Back to the contents",
    "contents": "Contents",
    "source": "Data source",
    "years_legend": "target / realisation / achievement",
    "urusan": "Government affair",
    "bidang_urusan": "Field of affairs",
    "official_name": "official name",
    **RENSTRA_EN,
    **DIFF_EN,
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

# The levels as a sentence names them ("from … to …"): what a matrix's rows run between.
_LEVELS_IN_PROSE: dict[str, dict[Level, str]] = {
    "id": {
        Level.TUJUAN_OPD: "tujuan perangkat daerah",
        Level.SASARAN_STRATEGIS: "sasaran strategis",
        Level.SASARAN_ANTARA: "sasaran antara",
        Level.PROGRAM: "program",
        Level.KEGIATAN: "kegiatan",
        Level.SUB_KEGIATAN: "sub kegiatan",
    },
    "en": {
        Level.TUJUAN_OPD: "agency's goal",
        Level.SASARAN_STRATEGIS: "strategic objective",
        Level.SASARAN_ANTARA: "intermediate objective",
        Level.PROGRAM: "program",
        Level.KEGIATAN: "activity",
        Level.SUB_KEGIATAN: "sub-activity",
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

    def level_in_prose(self, level: Level) -> str:
        """The level as a sentence names it (lower case): an OPD level, else its label."""
        return _LEVELS_IN_PROSE[self.lang].get(level) or self.level(level).lower()

    def indicator_type(self, kind: IndicatorType | None) -> str:
        return _TYPES[self.lang][kind] if kind else self.words["none"]

    def polarity(self, polarity: Polarity) -> str:
        return _POLARITIES[self.lang][polarity]
