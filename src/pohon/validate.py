"""The `validate` pipeline: load each tree, check it, gather the findings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pohon.check import check_tree
from pohon.config import Config
from pohon.findings import Finding
from pohon.load import LoadResult, load_tree


@dataclass(frozen=True)
class Checked:
    """One tree after loading and checking: the result of loading and all findings."""

    load: LoadResult
    findings: list[Finding]


def check_path(path: Path, config: Config) -> Checked:
    result = load_tree(path)
    return Checked(result, check_tree(result, config))


def validate_paths(paths: Sequence[Path], config: Config) -> list[Finding]:
    """Findings for every tree, in path order; every path is read even after errors."""
    findings: list[Finding] = []
    for path in paths:
        findings.extend(check_path(path, config).findings)
    return findings
