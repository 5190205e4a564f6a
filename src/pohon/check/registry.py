"""The one registry of finding ids: each id's severity, whether it is configurable, its docs.

docs/rules.md is written from here (pohon.check.rules.catalogue); every id comes from
pohon.core.finding_ids, so the stages below check/ name ids without importing this.
"""

from __future__ import annotations

import inspect
import textwrap
from dataclasses import dataclass
from types import ModuleType

from pohon.check.rules import RULES
from pohon.core.finding_ids import FindingId, LoaderCheck
from pohon.core.findings import Severity
from pohon.core.messages import N_


@dataclass(frozen=True)
class Check:
    """One finding id: what it means, how severe its findings are, and who reports it."""

    id: FindingId
    severity: Severity
    summary: str
    rule: ModuleType | None = None
    """The rule's module (its docstring is the rule's documentation); None for a loader check."""

    @property
    def configurable(self) -> bool:
        """Rules can be given another severity, turned off, or silenced with `abaikan`."""
        return self.rule is not None


@dataclass(frozen=True)
class RuleDoc:
    """One rule's documentation, read from its module docstring."""

    id: str
    summary: str
    text: str
    failing: str
    passing: str
    severity: str


def rule_doc(module: ModuleType) -> RuleDoc:
    """The parts of a rule's docstring: `id: summary`, its text, `Fails::` and `Passes::`."""
    doc = inspect.getdoc(module) or ""
    head, _, rest = doc.partition("\n")
    text, _, examples = rest.partition("Fails::")
    failing, _, passing = examples.partition("Passes::")
    return RuleDoc(
        id=module.ID,
        summary=head.split(":", 1)[1].strip(),
        text=text.strip(),
        failing=textwrap.dedent(failing).strip("\n"),
        passing=textwrap.dedent(passing).strip("\n"),
        severity=module.SEVERITY.label,
    )


_ERROR, _WARNING = Severity.ERROR, Severity.WARNING

LOADER_CHECKS: tuple[Check, ...] = (
    Check(
        LoaderCheck.YAML_SYNTAX,
        _ERROR,
        N_("The file is not valid YAML (indentation, quotes, tabs)."),
    ),
    Check(
        LoaderCheck.DUPLICATE_KEY,
        _ERROR,
        N_("A key appears twice in one mapping; YAML would keep only the last."),
    ),
    Check(
        LoaderCheck.YAML_TAG,
        _ERROR,
        N_(
            "An explicit tag (`!!python/object`, `!foo`, `<<:`) or an alias (`*name`) — pohon files "
            "hold plain data, each value written out."
        ),
    ),
    Check(LoaderCheck.ENCODING, _ERROR, N_("The file is not UTF-8 text.")),
    Check(LoaderCheck.EMPTY_FILE, _ERROR, N_("The file holds nothing.")),
    Check(
        LoaderCheck.TOO_DEEP, _ERROR, N_("The YAML nests deeper than pohon reads (docs/limits.md).")
    ),
    Check(
        LoaderCheck.TOO_LARGE,
        _ERROR,
        N_(
            "A file, a text, the whole tree, or what aliases expand to, passes a limit (docs/limits.md)."
        ),
    ),
    Check(
        LoaderCheck.SCHEMA,
        _ERROR,
        N_("A key is unknown, missing, or holds the wrong kind of value."),
    ),
    Check(
        LoaderCheck.INCLUDE_MISSING,
        _ERROR,
        N_(
            "`sertakan` names no file, a folder, a looping link, a file that cannot be read, "
            "or is a pattern that can match nothing (`[z-a]`)."
        ),
    ),
    Check(
        LoaderCheck.INCLUDE_OUTSIDE,
        _ERROR,
        N_("`sertakan` names a file outside the tree's folder."),
    ),
    Check(
        LoaderCheck.INCLUDE_CYCLE,
        _ERROR,
        N_("A file is included twice, or parts hang from each other in a loop."),
    ),
    Check(
        LoaderCheck.UNKNOWN_PARENT,
        _ERROR,
        N_("An included file's `induk` names no node of the tree."),
    ),
    Check(
        LoaderCheck.UNUSED_PART,
        _WARNING,
        N_(
            "`pohon validate` with no paths found a part of a tree (a file with `induk`) that no "
            "tree includes: its nodes are in no tree."
        ),
    ),
    Check(
        LoaderCheck.UNKNOWN_RULE,
        _WARNING,
        N_("`abaikan` names an id that is no rule, so it silences nothing (a misspelt rule id?)."),
    ),
    Check(
        LoaderCheck.IMPORT_UNREADABLE,
        _ERROR,
        N_(
            "`pohon import`: the spreadsheet cannot be opened (corrupt, password-protected, not the "
            "type its name says, or no such sheet)."
        ),
    ),
    Check(
        LoaderCheck.IMPORT_TOO_LARGE,
        _ERROR,
        N_(
            "`pohon import`: the spreadsheet passes a limit (file size, unzipped size, rows, "
            "columns: docs/limits.md)."
        ),
    ),
    Check(
        LoaderCheck.IMPORT_LAYOUT,
        _ERROR,
        N_(
            "`pohon import`: the header is not one of the layouts (tc27, flat, pohon: "
            "docs/import.md), or a column it needs is missing."
        ),
    ),
    Check(
        LoaderCheck.IMPORT_VALUE,
        _ERROR,
        N_(
            "`pohon import`: a cell holds what its column cannot take (a date for a target, "
            "rupiah with a fraction of a sen, a formula error, several budgets for one node)."
        ),
    ),
    Check(
        LoaderCheck.IMPORT_STRUCTURE,
        _ERROR,
        N_(
            "`pohon import`: a row cannot be placed in the tree (no level, no parent, an unknown "
            "code form, one id for two nodes)."
        ),
    ),
    Check(
        LoaderCheck.IMPORT_UNIT,
        _WARNING,
        N_(
            "`pohon import`: the unit written beside a figure (`14 Dokumen`) is not the "
            "indicator's satuan."
        ),
    ),
    Check(
        LoaderCheck.IMPORT_UNPLACED,
        _WARNING,
        N_(
            "`pohon import`: a column, a row or a sheet holds something the tree has no place "
            "for; it is named so that nothing is dropped unseen."
        ),
    ),
    Check(
        LoaderCheck.IMPORT_META,
        _WARNING,
        N_(
            "`pohon import`: the title rows do not name the OPD, the pemda or the period: the "
            "tree has a placeholder to fill in."
        ),
    ),
)
"""The checks that are not rules, made reading a tree's files (and, for `unused-part` and
`unknown-rule`, the project and `abaikan`): not configurable. Their errors leave no tree
to check, so no rule runs until those are fixed."""

REGISTRY: dict[FindingId, Check] = {
    **{
        rule_id: Check(rule_id, module.SEVERITY, rule_doc(module).summary, module)
        for rule_id, module in RULES.items()
    },
    **{check.id: check for check in LOADER_CHECKS},
}
