"""nomenclature-version: the versions the tree names exist, and its codes are in force in them.

Each year's budget follows the version of the list in force that year. `meta.nomenklatur`
names one version for the whole plan, or one per year (`{2021: Permendagri 90/2019,
2022: Kepmendagri 050-5889/2021}`; a year not named follows the last one named before
it). Reported: a name that is no version pohon knows (docs/nomenclature.md lists them),
a year given a version issued only after it, and a code that the version in force for
a year has deleted or has not added yet.

Fails::

    format: pohon/1
    meta:
      pemda: Kabupaten Contoh
      opd: Dinas Sosial
      periode: {awal: 2021, akhir: 2026}
      nomenklatur: Kepmendagri 050-5898 Tahun 2021
    # ^ nomenclature-version
    simpul:
      - id: prog-1
        tingkat: program
        nama: PROGRAM PEMBERDAYAAN SOSIAL
        kode: "1.06.02"
        pernyataan: Meningkatnya pemberdayaan sosial
        indikator: [{nama: Persentase PSKS yang aktif}]

Passes::

    format: pohon/1
    meta:
      pemda: Kabupaten Contoh
      opd: Dinas Sosial
      periode: {awal: 2021, akhir: 2026}
      nomenklatur: Kepmendagri 050-5889 Tahun 2021
    simpul:
      - id: prog-1
        tingkat: program
        nama: PROGRAM PEMBERDAYAAN SOSIAL
        kode: "1.06.02"
        pernyataan: Meningkatnya pemberdayaan sosial
        indikator: [{nama: Persentase PSKS yang aktif}]
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.coded_nodes import Coded, coded_nodes
from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.source.nomenclature.reference import Version
from pohon.tree.header import Meta
from pohon.tree.model import Node
from pohon.tree.schema_base import yaml_key

ID = RuleId.NOMENCLATURE_VERSION
SEVERITY = Severity.ERROR

_KEY = yaml_key(Meta, "nomenclature")


def check(ctx: Context) -> Iterator[Problem]:
    yield from _named_versions(ctx)
    for coded in coded_nodes(ctx):
        if coded.depth_matches and ctx.nomenclature.entries_for(coded.code):
            yield from _out_of_force(ctx, coded)


def _named_versions(ctx: Context) -> Iterator[Problem]:
    plan = ctx.in_force
    for unknown in plan.unknown:
        key = (_KEY,) if unknown.year is None else (_KEY, str(unknown.year))
        hint = (
            _(": did you mean {version}?").format(version=unknown.closest.number)
            if unknown.closest
            else ""
        )
        known = ", ".join(version.number for version in ctx.nomenclature.versions)
        yield ctx.at_meta(
            _(
                "`{text}` is no version of the nomenclature pohon knows{hint} (known: {known})"
            ).format(text=unknown.text, hint=hint, known=known),
            *key,
        )
    for year, version in sorted(plan.early.items()):
        yield ctx.at_meta(
            _(
                "{version} was issued on {issued}, after {year}: it cannot be in force "
                "for the {year} budget"
            ).format(version=version.number, issued=version.issued.isoformat(), year=year),
            _KEY,
            str(year),
        )


def _out_of_force(ctx: Context, coded: Coded) -> Iterator[Problem]:
    nomenclature = ctx.nomenclature
    for version in ctx.in_force.versions():
        if nomenclature.entry(coded.code, version) is not None:
            continue
        years = ctx.in_force.years_of(version)
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
        yield ctx.at(
            coded.node,
            _("`{code}` is not in force in {version} (the version for {years}): {why}").format(
                code=coded.node.code,
                version=version.number,
                years=span,
                why=_why(ctx, coded, version),
            ),
            yaml_key(Node, "code"),
        )


def _why(ctx: Context, coded: Coded, version: Version) -> str:
    """Whether the code came only later, or was deleted by then, and by which decision."""
    nomenclature = ctx.nomenclature
    for entry in nomenclature.entries_for(coded.code):
        added = nomenclature.version(entry.since)
        if added is not None and added.issued > version.issued:
            return _("it was added by {version}; use a code of that year's version").format(
                version=added.number
            )
    deleted = [
        nomenclature.version(entry.deleted_by) for entry in nomenclature.entries_for(coded.code)
    ]
    by = next((found.number for found in deleted if found is not None), _("a later decision"))
    return _("it was deleted by {version}; see `pohon lookup {code}` for what it became").format(
        version=by, code=coded.code
    )
