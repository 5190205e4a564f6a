"""The words of the IKU document and the Manual IK, per language: as a Kepala Dinas's decree prints them."""

from __future__ import annotations

from pohon.core.messages import NP_

IKU_WORDS: tuple[tuple[str, str], ...] = (
    NP_("iku", "Key Performance Indicators (IKU)"),
    NP_("manual_ik", "Key Performance Indicator Manual"),
    NP_("iku_decree", "Decree of the Head of {opd}"),
    NP_("iku_number", "Number: ...................."),
    NP_("iku_about", "On"),
    NP_("iku_subject", "The Key Performance Indicators of {opd}, {period}"),
    NP_("iku_annex", "Annex to the Decree of the Head of {opd} on the Key Performance Indicators"),
    NP_("iku_by_tag", "The indicators tagged “tag: [IKU]” in the tree."),
    NP_(
        "iku_by_level",
        "No indicator is tagged “tag: [IKU]”: these are the indicators of the agency's goals and strategic objectives.",
    ),
    NP_(
        "iku_none",
        "This tree holds no key performance indicator: tag indicators “tag: [IKU]”, or give the goals and strategic objectives indicators.",
    ),
    NP_("iku_objective", "Goal / objective"),
    NP_("iku_indicator", "Key performance indicator"),
    NP_("definition", "Operational definition"),
    NP_("calculation", "Formula"),
    NP_("data_source", "Data source"),
    NP_("reporting_period", "Reporting period"),
    NP_("responsible", "Responsible"),
    NP_("type_polarity", "Type / polarity"),
    NP_("target_per_year", "Target"),
    NP_("not_filled", "not filled in"),
    NP_(
        "manual_intro",
        "One card per key performance indicator. What is marked not filled in is not yet recorded in the tree.",
    ),
    NP_("manual_card", "Card {n}"),
    NP_("indicator_name", "Indicator"),
    NP_("date_blank", "...................., ...................."),
)
