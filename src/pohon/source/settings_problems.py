"""What to fix first in a settings file, in the analyst's words: unknown sections, then each in turn."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from pohon.core.finding_ids import RuleId
from pohon.core.messages import _


def first_problem(error: ValidationError, table: dict[str, Any], sections: tuple[str, ...]) -> str:
    """What to fix first, in the analyst's words: unknown sections, then each section in turn."""
    problems = error.errors(include_url=False)
    return _explain(
        min(problems, key=lambda problem: _order(problem, table, sections)), table, sections
    )


def _order(
    problem: ErrorDetails, table: dict[str, Any], sections: tuple[str, ...]
) -> tuple[bool, int, int, bool]:
    """Unknown sections first, then the sections in turn, their keys as written, names first."""
    loc = problem["loc"]
    section = str(loc[0])
    rank = sections.index(section) if section in sections else len(sections)
    keys = list(table[section]) if isinstance(table.get(section), dict) else []
    place = keys.index(loc[1]) if len(loc) > 1 and loc[1] in keys else 0
    return (problem["type"] != "extra_forbidden", rank, place, loc[-1] != "[key]")


def _explain(problem: ErrorDetails, table: dict[str, Any], sections: tuple[str, ...]) -> str:
    loc = problem["loc"]
    section = str(loc[0])
    if problem["type"] == "extra_forbidden" and len(loc) == 1:
        return _("unknown section `{section}`; known: {known}").format(
            section=section, known=", ".join(sorted(sections))
        )
    if section == "lang":
        return _('write lang = "id" (Indonesian) or lang = "en" (English)')
    if section == "trees":
        return _('write trees as a list of paths, e.g. trees = ["pohon/*.yaml"]')
    if len(loc) == 1:
        return _("`{section}` must be a section of `key = value` lines, not {value}").format(
            section=section, value=repr(table[section])
        )
    if section == "nomenclature":
        return _explain_nomenclature(problem)
    rule = str(loc[1])
    if loc[-1] == "[key]":
        return _("[rules] names `{rule}`, which is no rule; known rules: {known}").format(
            rule=rule, known=", ".join(RuleId)
        )
    return _("[rules] {rule} = {value}: write error, warning, info or off").format(
        rule=rule, value=repr(table[section][rule])
    )


def _explain_nomenclature(problem: ErrorDetails) -> str:
    key = str(problem["loc"][1])
    if problem["type"] == "extra_forbidden":
        return _("[nomenclature] has no `{key}`; known: complete, list, replace").format(key=key)
    wanted = {
        "list": _('a path to a CSV file, e.g. list = "nomenklatur.csv"'),
        "replace": _("true (the list replaces the bundled one) or false (it extends it)"),
        "complete": _('a list of bidang codes, e.g. complete = ["1.06"]'),
    }
    return _("[nomenclature] {key}: write {value}").format(
        key=key, value=wanted.get(key, _("a value"))
    )
