"""Every finding id pohon reports, named once: the checks made while reading, and the rules.

Each stage that reports a finding names its id from here, so no id is a free string;
the one registry of what each id means, how severe it is and whether a project may
change that is `pohon.check.registry`, which docs/rules.md is written from.
"""

from __future__ import annotations

from enum import StrEnum


class LoaderCheck(StrEnum):
    """Checks that are no rules: made reading the files, their severity is fixed."""

    YAML_SYNTAX = "yaml-syntax"
    DUPLICATE_KEY = "duplicate-key"
    YAML_TAG = "yaml-tag"
    ENCODING = "encoding"
    EMPTY_FILE = "empty-file"
    TOO_DEEP = "too-deep"
    TOO_LARGE = "too-large"
    SCHEMA = "schema"
    INCLUDE_MISSING = "include-missing"
    INCLUDE_OUTSIDE = "include-outside"
    INCLUDE_CYCLE = "include-cycle"
    UNKNOWN_PARENT = "unknown-parent"
    UNUSED_PART = "unused-part"
    UNKNOWN_RULE = "unknown-rule"
    IMPORT_UNREADABLE = "import-unreadable"
    IMPORT_TOO_LARGE = "import-too-large"
    IMPORT_LAYOUT = "import-layout"
    IMPORT_VALUE = "import-value"
    IMPORT_STRUCTURE = "import-structure"
    IMPORT_UNIT = "import-unit"
    IMPORT_UNPLACED = "import-unplaced"
    IMPORT_META = "import-meta"


class RuleId(StrEnum):
    """The rules, in the order their findings read best; each is a module of pohon.check.rules."""

    UNIQUE_IDS = "unique-ids"
    LEVEL_ORDER = "level-order"
    UNKNOWN_POSITION = "unknown-position"
    UNKNOWN_SUPERIOR = "unknown-superior"
    MISSING_INDICATOR = "missing-indicator"
    MISSING_TARGET = "missing-target"
    MISSING_UNIT = "missing-unit"
    STATEMENT_MISSING = "statement-missing"
    BUDGET_ITEM_NAME = "budget-item-name"
    CODE_FORMAT = "code-format"
    NOMENCLATURE_VERSION = "nomenclature-version"
    NOMENCLATURE_LEVEL = "nomenclature-level"
    NOMENCLATURE_UNKNOWN_CODE = "nomenclature-unknown-code"
    NOMENCLATURE_NAME = "nomenclature-name"
    INDICATOR_REPEATS_STATEMENT = "indicator-repeats-statement"
    DUPLICATE_STATEMENT = "duplicate-statement"
    ACTIVITY_STATEMENT = "activity-statement"
    STATEMENT_READS_LIKE_INDICATOR = "statement-reads-like-indicator"
    UNMEASURABLE_INDICATOR = "unmeasurable-indicator"
    COMBINED_INDICATOR = "combined-indicator"
    PERCENTAGE_RANGE = "percentage-range"
    TARGET_AGAINST_POLARITY = "target-against-polarity"
    FIGURE_UNIT = "figure-unit"
    YEAR_OUTSIDE_PERIOD = "year-outside-period"
    REALISATION_WITHOUT_TARGET = "realisation-without-target"
    BUDGET_SUM = "budget-sum"
    REPLACES_UNKNOWN_INDICATOR = "replaces-unknown-indicator"
    REPLACED_STILL_IN_FORCE = "replaced-still-in-force"


FindingId = LoaderCheck | RuleId
"""The id of any finding: what an output line shows after its severity."""
