"""The nomenclature as pohon holds it: versions, entries valid from one version to another, coverage."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from pohon.source.nomenclature.codes import CodeLevel, canonical, in_list, parent_of
from pohon.source.nomenclature.codes import coverage_key as _coverage_key


@dataclass(frozen=True)
class Version:
    """One decision that set the list: Permendagri 90/2019, then each Kepmendagri amending it."""

    id: str
    number: str
    issued: date
    title: str
    loaded: str
    """What of it the bundled list holds: `dasar` (the base list), `tidak` (its changes are not loaded)."""

    @property
    def decision(self) -> str:
        """The decision's own number: `050-5889` of `Kepmendagri 050-5889/2021`."""
        return self.number.split(" ", 1)[1].split("/")[0]

    @property
    def year(self) -> str:
        return self.number.rsplit("/", 1)[1]


@dataclass(frozen=True)
class Entry:
    """One code of the list with its name: added by version `since`, deleted by `deleted_by` (if)."""

    code: str
    level: CodeLevel
    name: str
    unit: str = ""
    since: str = ""
    deleted_by: str = ""
    sources: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Source:
    """Where facts came from: a file of a public repository at one commit."""

    id: str
    repository: str
    path: str
    commit: str
    content: str


@dataclass(frozen=True)
class Coverage:
    """A bidang (or the shared block `X.XX`) whose every code the list holds, through one version."""

    code: str
    complete_until: str
    note: str = ""


@dataclass(frozen=True)
class Nomenclature:
    """A versioned list: the bundled one, a project's own, or the two together."""

    versions: tuple[Version, ...]
    entries: tuple[Entry, ...]
    sources: dict[str, Source] = field(default_factory=dict)
    coverage: dict[str, Coverage] = field(default_factory=dict)
    origin: str = "bundled"
    """`bundled`, or the project list's path: findings say which list they read."""

    @cached_property
    def _by_code(self) -> dict[str, list[Entry]]:
        index: dict[str, list[Entry]] = {}
        for entry in self.entries:
            index.setdefault(entry.code, []).append(entry)
        return index

    @cached_property
    def _children(self) -> dict[str, list[Entry]]:
        index: dict[str, list[Entry]] = {}
        for entry in self.entries:
            parent = parent_of(entry.code)
            if parent is not None:
                index.setdefault(parent, []).append(entry)
        return index

    @cached_property
    def _order(self) -> dict[str, int]:
        return {version.id: place for place, version in enumerate(self.versions)}

    @property
    def latest(self) -> Version:
        return self.versions[-1]

    def version(self, version_id: str) -> Version | None:
        place = self._order.get(version_id)
        return None if place is None else self.versions[place]

    def valid_in(self, entry: Entry, version: Version) -> bool:
        place = self._order[version.id]
        since = self._order.get(entry.since, 0)
        deleted = self._order.get(entry.deleted_by, len(self.versions))
        return since <= place < deleted

    def entries_for(self, code: str) -> list[Entry]:
        """Every entry ever listed for a code as written (normalised; program 01 is shared)."""
        found = canonical(code)
        return list(self._by_code.get(in_list(found), [])) if found else []

    def entry(self, code: str, version: Version) -> Entry | None:
        """The entry a code names in one version, if the list has one."""
        valid = [entry for entry in self.entries_for(code) if self.valid_in(entry, version)]
        return valid[0] if valid else None

    def children(self, code: str, version: Version | None = None) -> list[Entry]:
        found = canonical(code)
        children = self._children.get(in_list(found), []) if found else []
        if version is None:
            return list(children)
        return [entry for entry in children if self.valid_in(entry, version)]

    def lineage(self, code: str, version: Version | None = None) -> list[Entry]:
        """The entries above a code, top first: urusan, bidang, program, kegiatan."""
        found = canonical(code)
        chain: list[Entry] = []
        parent = parent_of(found) if found else None
        while parent is not None:
            entries = self.entries_for(parent)
            if version is not None:
                entries = [entry for entry in entries if self.valid_in(entry, version)]
            if entries:
                chain.insert(0, entries[-1])
            parent = parent_of(parent)
        return chain

    def complete(self, code: str, version: Version) -> bool:
        """Whether the list holds every code of this code's bidang in `version` (else it is partial)."""
        found = canonical(code)
        key = _coverage_key(found) if found else None
        coverage = self.coverage.get(key or "")
        if coverage is None:
            return False
        return self._order[version.id] <= self._order.get(coverage.complete_until, -1)

    def affairs(self, codes: Iterable[str]) -> list[Entry]:
        """The urusan and bidang urusan that codes imply, in code order (each once).

        `1.06.02.2.01` implies urusan `1` and bidang `1.06`; the shared PENUNJANG block
        (written under its OPD's bidang, `1.06.01`) implies that bidang too.
        """
        implied: dict[str, Entry] = {}
        for code in codes:
            found = canonical(code)
            parts = found.split(".") if found else []
            for depth in (1, 2):
                if len(parts) >= depth and "X" not in parts[depth - 1]:
                    entries = self._by_code.get(".".join(parts[:depth]), [])
                    if entries:
                        implied.setdefault(entries[-1].code, entries[-1])
        return [implied[code] for code in sorted(implied, key=_code_order)]


def _code_order(code: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else -1 for part in code.split("."))


def ordered_versions(versions: Sequence[Version]) -> tuple[Version, ...]:
    """Versions as they followed each other: by date of issue."""
    return tuple(sorted(versions, key=lambda version: version.issued))
