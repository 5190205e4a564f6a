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
"""Stopped by Ctrl-C (128 + SIGINT, as shells report it)."""
HANGUP = 129
"""Stopped by SIGHUP: the terminal was closed (128 + 1)."""
TERMINATED = 143
"""Stopped by SIGTERM: a cancelled CI job, `timeout`, `docker stop` (128 + 15)."""


def stopped_by(signum: int) -> int:
    """The exit code of a command stopped by a signal: 128 + its number, as shells report it."""
    return 128 + signum


def for_findings(findings: Iterable[Finding], *, strict: bool = False) -> int:
    worst = max((f.severity for f in findings), default=None)
    if worst is Severity.ERROR or (strict and worst is Severity.WARNING):
        return FINDINGS
    return OK
