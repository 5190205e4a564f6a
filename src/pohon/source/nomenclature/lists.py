"""The list a project checks against: the bundled one, or a project's own replacing or extending it."""

from __future__ import annotations

import csv
import io
from datetime import date
from functools import cache
from importlib.resources import files

from pohon.core.errors import ConfigError
from pohon.source.nomenclature.codes import canonical
from pohon.source.nomenclature.reference import (
    Coverage,
    Entry,
    Nomenclature,
    Source,
    Version,
    ordered_versions,
)
from pohon.source.nomenclature.tables import entries
from pohon.source.settings_file import NomenclatureChoice

ENTRY_FILES = ("urusan.csv", "penunjang.csv", "sosial.csv")
"""The bundled entries, one file per part of the list (docs/nomenclature.md)."""

PROJECT_SOURCE = "proyek"
"""The source an entry of a project's own list names."""


def _data(name: str) -> str:
    return (files("pohon.source.nomenclature") / "data" / name).read_text(encoding="utf-8")


def _table(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_data(name))))


@cache
def bundled() -> Nomenclature:
    """The list that ships with pohon, read once per process."""
    versions = ordered_versions(
        [
            Version(
                row["id"],
                row["nomor"],
                date.fromisoformat(row["tanggal"]),
                row["tentang"],
                row["perubahan_dimuat"],
            )
            for row in _table("versions.csv")
        ]
    )
    base = versions[0].id
    listed = [entry for name in ENTRY_FILES for entry in entries(_data(name), name, base)]
    sources = {
        row["id"]: Source(row["id"], row["repository"], row["path"], row["commit"], row["isi"])
        for row in _table("sources.csv")
    }
    coverage = {
        row["kode"]: Coverage(row["kode"], row["lengkap_sampai"], row["catatan"])
        for row in _table("cakupan.csv")
    }
    return Nomenclature(versions, tuple(listed), sources, coverage)


def nomenclature_for(choice: NomenclatureChoice | None) -> Nomenclature:
    """The list for a project's settings: the bundled list, with the project's own if it has one."""
    if choice is None:
        return bundled()
    try:
        stamp = choice.path.stat()
    except OSError as error:
        raise ConfigError(
            f"{choice.path}: the nomenclature list cannot be read ({error.strerror})"
        ) from None
    return _project(choice, stamp.st_mtime_ns, stamp.st_size)


@cache
def _project(choice: NomenclatureChoice, mtime: int, size: int) -> Nomenclature:
    # Keyed by the file's stamp as well: a long-lived process sees an edited list.
    del mtime, size
    try:
        text = choice.path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{choice.path}: the list is not UTF-8 text: save it as UTF-8") from None
    except OSError as error:
        raise ConfigError(f"{choice.path}: the list cannot be read ({error.strerror})") from None
    base = bundled()
    own = [
        _from_project(entry)
        for entry in entries(text.replace("\r\n", "\n"), str(choice.path), base.versions[0].id)
    ]
    _check_versions(own, base, str(choice.path))
    return combine(base, own, choice, str(choice.path))


def _from_project(entry: Entry) -> Entry:
    return Entry(
        entry.code,
        entry.level,
        entry.name,
        entry.unit,
        entry.since,
        entry.deleted_by,
        entry.sources or (PROJECT_SOURCE,),
        entry.note,
    )


def _check_versions(own: list[Entry], base: Nomenclature, origin: str) -> None:
    known = {version.id for version in base.versions}
    for entry in own:
        for version in (entry.since, entry.deleted_by):
            if version and version not in known:
                raise ConfigError(
                    f"{origin}: `{entry.code}` names version `{version}`; known: "
                    + ", ".join(sorted(known))
                )


def combine(
    base: Nomenclature, own: list[Entry], choice: NomenclatureChoice, origin: str
) -> Nomenclature:
    """A project's entries over the bundled ones (or instead of them, with `replace`).

    Extending, an entry of the project's list takes the place of every bundled entry of
    its code; the coverage the project declares (`complete`) holds through the latest version.
    """
    mine = {entry.code for entry in own}
    kept = () if choice.replace else tuple(e for e in base.entries if e.code not in mine)
    coverage = {} if choice.replace else dict(base.coverage)
    for written in choice.complete:
        key = canonical(written)
        if key is None or key.count(".") != 1:
            raise ConfigError(f"{origin}: complete names `{written}`: write bidang codes (1.06)")
        coverage[key] = Coverage(key, base.latest.id, "declared complete by the project")
    return Nomenclature(base.versions, kept + tuple(own), base.sources, coverage, origin)
