"""The one exit-code policy: what scripts and pre-commit may rely on."""

from __future__ import annotations

from collections.abc import Iterable

from pohon.core.findings import Finding, Severity

OK = 0
"""Nothing wrong (warnings and infos allowed)."""
FINDINGS = 1
"""The input has errors (or warnings under --strict), or `--check` found stale outputs."""
USAGE = 2
"""The command could not run as asked: bad options, unreadable paths, unusable settings."""
INTERNAL = 3
"""A bug in pohon: please report it."""
INTERRUPTED = 130
"""Stopped by Ctrl-C."""


def for_findings(findings: Iterable[Finding], *, strict: bool = False) -> int:
    worst = max((f.severity for f in findings), default=None)
    if worst is Severity.ERROR or (strict and worst is Severity.WARNING):
        return FINDINGS
    return OK
