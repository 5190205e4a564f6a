"""replaced-still-in-force: a replaced indicator ends before the year its replacement begins.

A Renstra Perubahan replaces an indicator from a given year; the Perjanjian Kinerja of
that year and later must use the new one only. A replaced indicator kept in the tree
(for the years before) ends with `berlaku_sampai`, and the replacement begins with
`perubahan.berlaku_mulai`; where both are in force in one year, that year's agreement
would list the replaced indicator beside its replacement.

Fails::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator:
        - id: ind-psks
        # ^ replaced-still-in-force
          nama: Jumlah PSKS yang aktif
        - nama: Persentase PSKS yang aktif
          perubahan:
            menggantikan: ind-psks
            berlaku_mulai: 2026

Passes::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator:
        - id: ind-psks
          nama: Jumlah PSKS yang aktif
          berlaku_sampai: 2025
        - nama: Persentase PSKS yang aktif
          perubahan:
            menggantikan: ind-psks
            berlaku_mulai: 2026
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.tree.indicator_years import in_force
from pohon.tree.model import Indicator, Node
from pohon.tree.schema_base import yaml_key

ID = RuleId.REPLACED_STILL_IN_FORCE
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    by_id: dict[str, tuple[Node, Indicator]] = {}
    for node, indicator in ctx.indicators():
        if indicator.id:
            by_id.setdefault(indicator.id, (node, indicator))
    years = list(ctx.tree.meta.period.years())
    for _node, indicator in ctx.indicators():
        replaces = indicator.change.replaces if indicator.change else None
        if not replaces or replaces not in by_id or by_id[replaces][1] is indicator:
            continue
        node, replaced = by_id[replaces]
        both = [year for year in years if in_force(indicator, year) and in_force(replaced, year)]
        if not both:
            continue
        start = indicator.change.applies_from if indicator.change else None
        key = (yaml_key(Indicator, "ends"),) if replaced.ends is not None else ()
        yield ctx.at_indicator(
            node,
            replaced,
            _(
                'this indicator is replaced by "{name}" but is still in force in {year}: the '
                "agreement of {year} would list both; write `berlaku_sampai: {end}`{begin}"
            ).format(
                name=indicator.name,
                year=both[0],
                end=(start - 1) if start else both[0] - 1,
                begin="" if start else _(" and the replacement's `perubahan.berlaku_mulai`"),
            ),
            *key,
        )
