"""A finding is a small sortable value: where, how bad, which check, what to do."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from pohon.core.finding_ids import FindingId


class Severity(IntEnum):
    """Ordered so that `max()` of a run's findings gives its worst."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.strip().upper()]


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one place. Line and column are 1-based; 0 means "the whole file"."""

    file: str
    line: int
    column: int
    severity: Severity
    rule: FindingId
    message: str
