"""The words around the data in reports, in each language: Indonesian (the documents' own) and English.

Each word is `NP_(key, English)`: the key is what templates read (`labels.key`) and the
word's context in the message catalogue, which holds its Indonesian
(core/locale/id/LC_MESSAGES/pohon.po; `make messages` adds a new word there to translate).
"""

from __future__ import annotations

from pohon.core.errors import UsageError
from pohon.core.messages import NP_, _, translated
from pohon.core.vocabulary import LANGUAGES, IndicatorType, Level, Polarity
from pohon.render.reports.wording_agreement import AGREEMENT_WORDS
from pohon.render.reports.wording_diff import DIFF_WORDS
from pohon.render.reports.wording_iku import IKU_WORDS
from pohon.render.reports.wording_renstra import RENSTRA_WORDS

_WORDS: tuple[tuple[str, str], ...] = (
    NP_("site_title", "Performance tree and cascading"),
    NP_("trees", "Rendered trees"),
    NP_("agency", "Agency"),
    NP_("opd_code", "OPD code"),
    NP_("region_code", "Region code"),
    NP_("period", "Period"),
    NP_("diagrams", "Diagrams"),
    NP_("overviews", "Overviews"),
    NP_("reports", "Reports"),
    NP_("no_diagrams", "No diagram was rendered."),
    NP_("matrix", "Cascading matrix"),
    NP_("matrix_intro", "One row per path from the {top} down to each {bottom}."),
    NP_("matrix_intro_one", "One row per {top}."),
    NP_(
        "matrix_omitted",
        "No matrix: the paths of this tree need {columns} level columns, more than the limit of {limit}. The diagrams still draw the tree.",
    ),
    NP_("agreements", "Performance agreements"),
    NP_("agreement", "Performance agreement"),
    NP_("agreement_year", "Year"),
    NP_("register", "Indicator register"),
    NP_(
        "register_intro",
        "Achievement = realisation ÷ target × 100; for lower-is-better indicators (↓), target ÷ realisation × 100.",
    ),
    NP_(
        "register_intro_selisih",
        "Achievement = realisation ÷ target × 100; for lower-is-better indicators (↓), (2 × target − realisation) ÷ target × 100.",
    ),
    NP_("formula_rasio", "achievement = realisation ÷ target × 100"),
    NP_("formula_kebalikan", "achievement = target ÷ realisation × 100"),
    NP_("formula_selisih", "achievement = (2 × target − realisation) ÷ target × 100"),
    NP_("as_targeted", "as targeted"),
    NP_("not_as_targeted", "not as targeted"),
    NP_("end_target", "End-of-period target"),
    NP_("end_short", "end"),
    NP_("summary", "Validation summary"),
    NP_("summary_none", "No findings: this tree passes every rule."),
    NP_(
        "summary_none_silenced",
        "No findings from the rules that were checked, but {n} silenced: this tree was not checked against every rule.",
    ),
    NP_("silenced", "Silenced rules"),
    NP_("silenced_count", "{n} silenced"),
    NP_(
        "silenced_intro",
        "These rules were not checked where named, so their findings are not shown here.",
    ),
    NP_("silenced_by", "Silenced by"),
    NP_("markdown", "Markdown"),
    NP_("html", "HTML"),
    NP_("statement", "Objective"),
    NP_("indicator", "Indicator"),
    NP_("indicators", "Indicators"),
    NP_("unit", "Unit"),
    NP_("type", "Type"),
    NP_("polarity", "Polarity"),
    NP_("baseline", "Baseline"),
    NP_("target", "Target"),
    NP_("realisation", "Realisation"),
    NP_("achievement", "Achievement"),
    NP_("node", "Node"),
    NP_("level", "Level"),
    NP_("no", "No"),
    NP_("none", "–"),
    NP_("no_indicator", "no indicator"),
    NP_("no_target", "no target yet"),
    NP_("no_nodes", "This position answers for no objective."),
    NP_("not_computable", "cannot be computed"),
    NP_("budget_items", "Programs and activities"),
    NP_("budget_item", "Program / Activity"),
    NP_("budget", "Budget"),
    NP_("total", "Total"),
    NP_("no_budget_items", "No program or activity under these objectives."),
    NP_("first_party", "First party"),
    NP_("second_party", "Second party"),
    NP_("signature_blank", "(signature)"),
    NP_("holder_blank", "(name of the official)"),
    NP_("nip", "NIP"),
    NP_("position", "Position"),
    NP_("rule", "Rule"),
    NP_("severity", "Severity"),
    NP_("message", "Message"),
    NP_("location", "Location"),
    NP_("findings", "Findings"),
    NP_("error", "error"),
    NP_("warning", "warning"),
    NP_("info", "info"),
    NP_("budget_prefix", "IDR"),
    NP_("pagu", "Budget"),
    NP_("tags", "Tags"),
    NP_("notes", "Notes"),
    NP_("code", "Code"),
    NP_("opd_budget", "The agency's budget per year"),
    NP_("back", "Back to the contents"),
    NP_("contents", "Contents"),
    NP_("source", "Data source"),
    NP_("years_legend", "target / realisation / achievement"),
    NP_("urusan", "Government affair"),
    NP_("bidang_urusan", "Field of affairs"),
    NP_("official_name", "official name"),
    NP_("workbook", "Every report above in one Excel workbook"),
    NP_("workbook_short", "Excel workbook"),
    *RENSTRA_WORDS,
    *AGREEMENT_WORDS,
    *IKU_WORDS,
    *DIFF_WORDS,
)

_LEVELS: dict[Level, tuple[str, str]] = {
    Level.VISI: NP_("level", "Vision"),
    Level.MISI: NP_("level", "Mission"),
    Level.TUJUAN_RPJMD: NP_("level", "Regional goal"),
    Level.SASARAN_RPJMD: NP_("level", "Regional objective"),
    Level.TUJUAN_OPD: NP_("level", "Agency goal"),
    Level.SASARAN_STRATEGIS: NP_("level", "Strategic objective"),
    Level.SASARAN_ANTARA: NP_("level", "Intermediate objective"),
    Level.PROGRAM: NP_("level", "Program"),
    Level.KEGIATAN: NP_("level", "Activity"),
    Level.SUB_KEGIATAN: NP_("level", "Sub-activity"),
}

# The levels as a sentence names them ("from … to …"): what a matrix's rows run between.
_LEVELS_IN_PROSE: dict[Level, tuple[str, str]] = {
    Level.TUJUAN_OPD: NP_("level in prose", "agency's goal"),
    Level.SASARAN_STRATEGIS: NP_("level in prose", "strategic objective"),
    Level.SASARAN_ANTARA: NP_("level in prose", "intermediate objective"),
    Level.PROGRAM: NP_("level in prose", "program"),
    Level.KEGIATAN: NP_("level in prose", "activity"),
    Level.SUB_KEGIATAN: NP_("level in prose", "sub-activity"),
}

_TYPES: dict[IndicatorType, tuple[str, str]] = {
    IndicatorType.IMPACT: NP_("indicator type", "impact"),
    IndicatorType.OUTCOME: NP_("indicator type", "outcome"),
    IndicatorType.OUTPUT: NP_("indicator type", "output"),
    IndicatorType.PROSES: NP_("indicator type", "process"),
}

_POLARITIES: dict[Polarity, tuple[str, str]] = {
    Polarity.NAIK: NP_("polarity", "higher ↑"),
    Polarity.TURUN: NP_("polarity", "lower ↓"),
}


class Labels:
    """The labels of one language: its words (templates read them as `labels.word`) and enum names."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise UsageError(
                _("--lang {lang}: reports speak {languages}").format(
                    lang=lang, languages=", ".join(LANGUAGES)
                )
            )
        self.lang = lang
        self.words = {key: translated(lang, key, text) for key, text in _WORDS}

    def __getitem__(self, word: str) -> str:
        return self.words[word]

    def level(self, level: Level) -> str:
        return translated(self.lang, *_LEVELS[level])

    def level_in_prose(self, level: Level) -> str:
        """The level as a sentence names it (lower case): an OPD level, else its label."""
        said = _LEVELS_IN_PROSE.get(level)
        return translated(self.lang, *said) if said else self.level(level).lower()

    def indicator_type(self, kind: IndicatorType | None) -> str:
        return translated(self.lang, *_TYPES[kind]) if kind else self.words["none"]

    def polarity(self, polarity: Polarity) -> str:
        return translated(self.lang, *_POLARITIES[polarity])
