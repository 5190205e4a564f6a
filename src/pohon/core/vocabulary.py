"""The words pohon's stages share, each list written once: levels and their groups, languages,
engines, diagram and finding formats.

The levels are a StrEnum (the schema reads them from YAML); the others are Literals, so a
value stays the plain text it was given on the command line or in the settings, and the
tuples beside them (for click's choices and for messages) come from the same definition.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, get_args


class Level(StrEnum):
    """The levels of a performance tree, from the Pemda's vision down to the budget items."""

    VISI = "visi"
    MISI = "misi"
    TUJUAN_RPJMD = "tujuan_rpjmd"
    SASARAN_RPJMD = "sasaran_rpjmd"
    TUJUAN_OPD = "tujuan_opd"
    SASARAN_STRATEGIS = "sasaran_strategis"
    SASARAN_ANTARA = "sasaran_antara"
    PROGRAM = "program"
    KEGIATAN = "kegiatan"
    SUB_KEGIATAN = "sub_kegiatan"


# Which levels may sit directly under which: the cascade reads top-down, and an
# intermediate sasaran (sasaran_antara) may appear between the OPD's strategic
# sasaran and its programs on some branches only.
ALLOWED_CHILDREN: dict[Level, frozenset[Level]] = {
    Level.VISI: frozenset({Level.MISI}),
    Level.MISI: frozenset({Level.TUJUAN_RPJMD}),
    Level.TUJUAN_RPJMD: frozenset({Level.SASARAN_RPJMD}),
    Level.SASARAN_RPJMD: frozenset({Level.TUJUAN_OPD}),
    Level.TUJUAN_OPD: frozenset({Level.SASARAN_STRATEGIS}),
    Level.SASARAN_STRATEGIS: frozenset({Level.SASARAN_ANTARA, Level.PROGRAM}),
    Level.SASARAN_ANTARA: frozenset({Level.SASARAN_ANTARA, Level.PROGRAM}),
    Level.PROGRAM: frozenset({Level.KEGIATAN}),
    Level.KEGIATAN: frozenset({Level.SUB_KEGIATAN}),
    Level.SUB_KEGIATAN: frozenset(),
}

BUDGET_LEVELS = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)
"""The budget items (nomenclature), top down: they carry an official `nama` and a `kode`."""

OPD_LEVELS = (
    Level.TUJUAN_OPD,
    Level.SASARAN_STRATEGIS,
    Level.SASARAN_ANTARA,
    *BUDGET_LEVELS,
)
"""The levels the OPD answers for (its Renstra), top down: each node needs an indicator,
and the cascading matrix has a column for each."""

OUTCOME_LEVELS = (
    Level.TUJUAN_RPJMD,
    Level.SASARAN_RPJMD,
    Level.TUJUAN_OPD,
    Level.SASARAN_STRATEGIS,
    Level.SASARAN_ANTARA,
    Level.PROGRAM,
    Level.KEGIATAN,
)
"""Levels whose statement should name a result (an outcome), not an activity: every
level from the Pemda's tujuan down to kegiatan."""

Language = Literal["id", "en"]
"""The languages of labels in diagrams and reports."""
LANGUAGES: tuple[Language, ...] = get_args(Language)

EngineChoice = Literal["auto", "embedded", "dot"]
"""Which Graphviz draws: the pinned pip engine, the system `dot`, or the first found."""
ENGINE_CHOICES: tuple[EngineChoice, ...] = get_args(EngineChoice)

DiagramFormat = Literal["svg", "png", "pdf", "dot"]
"""The files a diagram page can be written as, in the order the site lists them."""
DIAGRAM_FORMATS: tuple[DiagramFormat, ...] = get_args(DiagramFormat)

PaperChoice = Literal["a4", "f4"]
"""The paper diagram PDFs are printed on: A4, or F4 (215 × 330 mm, Indonesia's folio)."""
PAPERS: tuple[PaperChoice, ...] = get_args(PaperChoice)

FindingFormat = Literal["text", "json", "github"]
"""How `pohon validate` prints its findings."""
FINDING_FORMATS: tuple[FindingFormat, ...] = get_args(FindingFormat)


class IndicatorType(StrEnum):
    IMPACT = "impact"
    OUTCOME = "outcome"
    OUTPUT = "output"
    PROSES = "proses"


class Polarity(StrEnum):
    """Whether a higher (naik) or a lower (turun) figure is better."""

    NAIK = "naik"
    TURUN = "turun"


class AchievementFormula(StrEnum):
    """How capaian is computed from a target and its realisation (docs/reports.md)."""

    RASIO = "rasio"  # realisasi ÷ target × 100: for higher-is-better indicators
    KEBALIKAN = "kebalikan"  # target ÷ realisasi × 100: lower is better
    SELISIH = "selisih"  # (2 × target − realisasi) ÷ target × 100: lower is better


class Echelon(StrEnum):
    I = "I"  # noqa: E741 - the echelon's official name
    II = "II"
    III = "III"
    IV = "IV"
    V = "V"
