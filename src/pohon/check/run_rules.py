"""Run the registered rules over a loaded tree and turn their problems into positioned findings."""

from __future__ import annotations

from pohon.check.rules import RULES
from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import LoaderCheck, RuleId
from pohon.core.findings import Finding, Severity
from pohon.core.messages import _
from pohon.source.nomenclature.lists import nomenclature_for
from pohon.source.settings_file import Config
from pohon.tree.assemble import LoadResult
from pohon.tree.model import Node
from pohon.tree.schema_base import yaml_key


def check_tree(result: LoadResult, config: Config) -> list[Finding]:
    """All findings for one tree: its load findings, then every enabled rule's."""
    findings = list(result.findings)
    if result.tree is None:
        return sorted(findings)
    ctx = Context(result.tree, nomenclature_for(config.nomenclature))
    for rule_id, rule in RULES.items():
        chosen = rule_id in config.severities
        severity = config.severities[rule_id] if chosen else rule.SEVERITY
        if severity is None:
            continue
        for problem in rule.check(ctx):
            if not _silenced(problem, rule_id):
                milder = problem.milder and not chosen
                findings.append(
                    _finding(result, problem, rule_id, Severity.INFO if milder else severity)
                )
    findings.extend(_unknown_ignores(result, ctx))
    return sorted(findings)


def _silenced(problem: Problem, rule_id: RuleId) -> bool:
    return problem.node is not None and rule_id in problem.node.ignore


def _finding(result: LoadResult, problem: Problem, rule_id: RuleId, severity: Severity) -> Finding:
    file, line, column = result.locate(problem.origin, *problem.key)
    return Finding(file, line, column, severity, rule_id, problem.message)


def _unknown_ignores(result: LoadResult, ctx: Context) -> list[Finding]:
    findings = []
    for node in ctx.nodes():
        for index, rule_id in enumerate(node.ignore):
            if rule_id not in RULES:
                file, line, column = result.locate(node._origin, yaml_key(Node, "ignore"), index)
                findings.append(
                    Finding(
                        file,
                        line,
                        column,
                        Severity.WARNING,
                        LoaderCheck.UNKNOWN_RULE,
                        _(
                            "`abaikan` names `{rule}`, which is no rule: "
                            "see docs/rules.md for the rule ids"
                        ).format(rule=rule_id),
                    )
                )
    return findings
