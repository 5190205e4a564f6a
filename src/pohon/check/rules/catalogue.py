"""The catalogue of finding ids (docs/rules.md), written from the registry and the rules' docstrings."""

from __future__ import annotations

from pohon.check.registry import LOADER_CHECKS, rule_doc
from pohon.check.rules import RULES


def markdown() -> str:
    lines = [
        "# Rules",
        "",
        "<!-- Written by `POHON_UPDATE_GOLDEN=1 pytest tests/test_rules.py` from the registry"
        " in src/pohon/check/registry.py and the rule modules in src/pohon/check/rules/;"
        " edit those, not this file. -->",
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
    lines += ["", "## Checks made while loading", ""]
    lines += ["These checks are not rules: their severity is fixed, and `abaikan` cannot silence"]
    lines += ["them. Their errors leave no tree to check, so no rule runs until those are fixed."]
    lines += ["", "| id | severity | meaning |", "| --- | --- | --- |"]
    lines += [f"| `{c.id}` | {c.severity.label} | {c.summary} |" for c in LOADER_CHECKS]
    return "\n".join(lines) + "\n"
