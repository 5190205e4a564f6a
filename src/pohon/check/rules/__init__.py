"""The registry of rules: one module each, listed here in the order their findings read best."""

from __future__ import annotations

from types import ModuleType

from pohon.check.rules import (
    activity_statement,
    budget_item_name,
    budget_sum,
    code_format,
    combined_indicator,
    duplicate_statement,
    figure_unit,
    indicator_repeats_statement,
    level_order,
    missing_indicator,
    missing_target,
    missing_unit,
    nomenclature_level,
    nomenclature_name,
    nomenclature_unknown_code,
    nomenclature_version,
    percentage_range,
    realisation_without_target,
    replaced_still_in_force,
    replaces_unknown_indicator,
    statement_missing,
    statement_reads_like_indicator,
    target_against_polarity,
    unique_ids,
    unknown_position,
    unknown_superior,
    unmeasurable_indicator,
    year_outside_period,
)
from pohon.core.finding_ids import RuleId

RULES: dict[RuleId, ModuleType] = {
    module.ID: module
    for module in (
        unique_ids,
        level_order,
        unknown_position,
        unknown_superior,
        missing_indicator,
        missing_target,
        missing_unit,
        statement_missing,
        budget_item_name,
        code_format,
        nomenclature_version,
        nomenclature_level,
        nomenclature_unknown_code,
        nomenclature_name,
        indicator_repeats_statement,
        duplicate_statement,
        activity_statement,
        statement_reads_like_indicator,
        unmeasurable_indicator,
        combined_indicator,
        percentage_range,
        target_against_polarity,
        figure_unit,
        year_outside_period,
        realisation_without_target,
        budget_sum,
        replaces_unknown_indicator,
        replaced_still_in_force,
    )
}
