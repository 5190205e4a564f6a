"""The validation summary: the same findings as `pohon validate`, grouped by rule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pohon.check.registry import REGISTRY
from pohon.check.silenced import Silence
from pohon.core.finding_ids import FindingId
from pohon.core.findings import Finding, Severity
from pohon.core.messages import _
from pohon.render.reports.wording import Labels


@dataclass(frozen=True)
class FindingView:
    location: str
    severity: str
    severity_id: str
    message: str


@dataclass(frozen=True)
class RuleGroup:
    rule: str
    description: str
    severity: str
    severity_id: str
    findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class SilenceView:
    rule: str
    location: str
    by: str


@dataclass(frozen=True)
class Summary:
    groups: tuple[RuleGroup, ...]
    counts: tuple[tuple[str, str, int], ...]  # (severity id, label, count), worst first
    total: int
    silenced: tuple[SilenceView, ...] = ()
    silenced_count: str = ""  # e.g. "2 dibungkam", beside the counts
    none: str = ""  # what to say when there is no finding: never "passes every rule" when silenced


def build_summary(
    findings: Sequence[Finding], labels: Labels, silenced: Sequence[Silence] = ()
) -> Summary:
    """Groups worst first, then by rule id; findings inside a group in file order, as validate
    prints them; then the rules silenced, in file order."""
    by_rule: dict[FindingId, list[Finding]] = {}
    for finding in sorted(findings):
        by_rule.setdefault(finding.rule, []).append(finding)
    groups = sorted(by_rule.items(), key=lambda item: (-max(f.severity for f in item[1]), item[0]))
    return Summary(
        groups=tuple(_group(rule, found, labels) for rule, found in groups),
        counts=tuple(
            (s.label, labels[s.label], n)
            for s in sorted(Severity, reverse=True)
            if (n := sum(1 for f in findings if f.severity is s))
        ),
        total=len(findings),
        silenced=tuple(SilenceView(s.rule, s.location, s.by()) for s in sorted(silenced)),
        silenced_count=labels["silenced_count"].format(n=len(silenced)) if silenced else "",
        none=labels["summary_none_silenced"].format(n=len(silenced))
        if silenced
        else labels["summary_none"],
    )


def _group(rule: FindingId, findings: list[Finding], labels: Labels) -> RuleGroup:
    worst = max(f.severity for f in findings)
    return RuleGroup(
        rule=rule,
        description=_description(rule),
        severity=labels[worst.label],
        severity_id=worst.label,
        findings=tuple(_view(f, labels) for f in findings),
    )


def _view(finding: Finding, labels: Labels) -> FindingView:
    location = (
        finding.file if finding.line == 0 else f"{finding.file}:{finding.line}:{finding.column}"
    )
    return FindingView(
        location, labels[finding.severity.label], finding.severity.label, finding.message
    )


def _description(rule: FindingId) -> str:
    """The id's one-line summary in the registry (for a rule, its docstring's first line)."""
    return _(REGISTRY[rule].summary)  # in the catalogue: check/rule_summaries.py
