"""The words of the Renstra tables (T-C.25, T-C.27): the column heads as planning offices print them.

Each is `NP_(key, English)`: the key is what templates read (`labels.key`) and the context of
the word in the catalogue, which holds its Indonesian (core/locale/id/LC_MESSAGES/pohon.po).
"""

from __future__ import annotations

from pohon.core.messages import NP_

RENSTRA_WORDS: tuple[tuple[str, str], ...] = (
    NP_("tc25", "T-C.25 Medium-term goals and objectives of the agency's services"),
    NP_(
        "tc25_intro",
        "One row per indicator of a goal or strategic objective. Starting condition: the baseline; end condition: the end-of-period target, else the last year's.",
    ),
    NP_("tc27", "T-C.27 Programs, activities and funding of the agency"),
    NP_(
        "tc27_intro",
        "One row per indicator of a program, activity or sub-activity. Starting data: the baseline, else the first year's realisation; a budget not written is the sum of those below; end-of-period IDR: all the years added up.",
    ),
    NP_("goal", "Goal"),
    NP_("objective", "Objective"),
    NP_("goal_indicator", "Goal/objective indicator"),
    NP_("start_condition", "Starting condition"),
    NP_("end_condition", "End condition"),
    NP_("target_years", "Performance target in"),
    NP_("item", "Program/Activity/Sub-activity"),
    NP_("item_indicator", "Program (outcome)/activity (output) indicator"),
    NP_("start_data", "Achievement at the start of the plan"),
    NP_("plan_funding", "Performance targets and funding framework"),
    NP_("end_period", "Performance at the end of the plan period"),
    NP_("unit_in_charge", "Unit in charge"),
    NP_("place", "Location"),
    NP_("rp", "IDR"),
    NP_("no_goals", "This tree holds no goal or strategic objective of the agency."),
    NP_("no_items", "This tree holds no program, activity or sub-activity."),
)
