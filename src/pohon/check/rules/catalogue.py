"""The rule catalogue (docs/rules.md), written from the rule modules' own docstrings."""

from __future__ import annotations

import inspect
import textwrap
from dataclasses import dataclass
from types import ModuleType

from pohon.check.rules import RULES

LOADER_CHECKS = {
    "yaml-syntax": "The file is not valid YAML (indentation, quotes, tabs).",
    "duplicate-key": "A key appears twice in one mapping; YAML would keep only the last.",
    "yaml-tag": "An explicit tag (`!!python/object`, `!foo`, `<<:`) — pohon files hold plain data.",
    "encoding": "The file is not UTF-8 text.",
    "empty-file": "The file holds nothing.",
    "too-deep": "The YAML nests deeper than pohon reads (docs/limits.md).",
    "too-large": "A file, a text, the whole tree, or what aliases expand to, passes a limit (docs/limits.md).",
    "schema": "A key is unknown, missing, or holds the wrong kind of value.",
    "include-missing": "`sertakan` names no file, a folder, a looping link, or a file that cannot be read.",
    "include-outside": "`sertakan` names a file outside the tree's folder.",
    "include-cycle": "A file is included twice, or parts hang from each other in a loop.",
    "unknown-parent": "An included file's `induk` names no node of the tree.",
}
"""Checks made while loading: always errors, not configurable, since no tree can be built."""


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


def markdown() -> str:
    lines = [
        "# Rules",
        "",
        "<!-- Written by `POHON_UPDATE_GOLDEN=1 pytest tests/test_rules.py` from the rule modules"
        " in src/pohon/rules/; edit the docstrings there, not this file. -->",
        "",
        "Each finding reads `file:line:column: severity rule-id message`. A rule's severity can be",
        "changed or the rule turned off for a project (`[tool.pohon.rules]` in pyproject.toml, or",
        '`[rules]` in `pohon.toml`: `duplicate-statement = "off"`), and silenced for one node with',
        "`abaikan: [rule-id]` on that node (say why in its `catatan`).",
        "",
        "| rule | default | checks that |",
        "| --- | --- | --- |",
    ]
    docs = [rule_doc(module) for module in RULES.values()]
    lines += [f"| [`{d.id}`](#{d.id}) | {d.severity} | {d.summary} |" for d in docs]
    for d in docs:
        lines += ["", f"## {d.id}", "", f"Default severity: **{d.severity}**. {d.summary}", ""]
        lines += [d.text, "", "Fails:", "", "```yaml", d.failing, "```", ""]
        lines += ["Passes:", "", "```yaml", d.passing, "```"]
    lines += ["", "## Checks made while loading", "", "These are always errors: without them"]
    lines += ["no tree can be built, so no rule runs until they are fixed.", ""]
    lines += ["| id | meaning |", "| --- | --- |"]
    lines += [f"| `{key}` | {meaning} |" for key, meaning in LOADER_CHECKS.items()]
    return "\n".join(lines) + "\n"
