"""Which version of the list is in force for each year of a plan: what `meta.nomenklatur` names.

A tree names one version for the whole plan (`nomenklatur: Kepmendagri 050-5889 Tahun
2021`) or one per year (`nomenklatur: {2021: Permendagri 90/2019, 2023: Kepmendagri
900.1.15.5-1317/2023}`): a year not named follows the last year named before it. A tree
that names none is checked against the latest version pohon knows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from pohon.source.nomenclature.reference import Nomenclature, Version

_NUMBER = re.compile(r"\d[\d.]*(?:-\d+)?")


@dataclass(frozen=True)
class Unknown:
    """A name in `meta.nomenklatur` that is no version: where it is written, and what it says."""

    year: int | None
    text: str
    closest: Version | None


@dataclass(frozen=True)
class InForce:
    """The version in force for each year of the plan, and the names that are no version."""

    by_year: dict[int, Version]
    unknown: tuple[Unknown, ...] = ()
    early: dict[int, Version] = field(default_factory=dict)
    """Years named with a version issued only after that year ended."""

    def versions(self) -> list[Version]:
        """Each version in force some year, in the order they were issued."""
        seen: dict[str, Version] = {}
        for year in sorted(self.by_year):
            seen.setdefault(self.by_year[year].id, self.by_year[year])
        return sorted(seen.values(), key=lambda version: version.issued)

    def years_of(self, version: Version) -> list[int]:
        return [year for year in sorted(self.by_year) if self.by_year[year].id == version.id]


def find_version(nomenclature: Nomenclature, text: str) -> Version | None:
    """The version a text names: its id, or the decision's number (`050-5889`, `90` of 2019)."""
    wanted = text.strip().lower()
    numbers = {number.rstrip(".") for number in _NUMBER.findall(wanted)}
    for version in nomenclature.versions:
        if wanted in (version.id, version.number.lower()):
            return version
        if version.decision in numbers and (version.year in numbers or not _years(numbers)):
            return version
    return None


def _years(numbers: set[str]) -> set[str]:
    return {number for number in numbers if re.fullmatch(r"(19|20)\d\d", number)}


def _closest(nomenclature: Nomenclature, text: str) -> Version | None:
    """The version whose decision number the text's number most resembles (a digit swapped)."""
    from difflib import SequenceMatcher

    numbers = [n.rstrip(".") for n in _NUMBER.findall(text) if not _years({n.rstrip(".")})]
    scored = [
        (SequenceMatcher(None, number, version.decision).ratio(), version)
        for number in numbers
        for version in nomenclature.versions
    ]
    if not scored:
        return None
    score, version = max(scored, key=lambda item: item[0])
    return version if score >= 0.75 else None


def in_force(
    nomenclature: Nomenclature, named: str | Mapping[int, str] | None, years: range
) -> InForce:
    """The version in force for each year in `years`, from what the tree names."""
    if named is None:
        return InForce({year: nomenclature.latest for year in years})
    plan: dict[int, str] = {years.start: named} if isinstance(named, str) else dict(named)
    unknown: list[Unknown] = []
    found: dict[int, Version] = {}
    for year, text in sorted(plan.items()):
        version = find_version(nomenclature, text)
        if version is None:
            key = None if isinstance(named, str) else year
            unknown.append(Unknown(key, text, _closest(nomenclature, text)))
        else:
            found[year] = version
    by_year: dict[int, Version] = {}
    for year in years:
        before = [named_year for named_year in found if named_year <= year]
        if before:
            by_year[year] = found[max(before)]
    if not found:  # nothing named is a version: still check names, against the latest
        by_year = {year: nomenclature.latest for year in years}
    early = {
        year: v for year, v in found.items() if not isinstance(named, str) and v.issued.year > year
    }
    return InForce(by_year, tuple(unknown), early=early)
