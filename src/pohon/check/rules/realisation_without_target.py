"""realisation-without-target: a realisation is measured against a target of the same year.

Without a target the achievement (capaian = realisasi / target) cannot be computed.

Fails::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator:
        - nama: Persentase PSKS yang aktif
          realisasi: {2023: 78}
          #           ^ realisation-without-target

Passes::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator:
        - nama: Persentase PSKS yang aktif
          target: {2023: 80}
          realisasi: {2023: 78}
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.tree.model import Indicator
from pohon.tree.schema_base import yaml_key

ID = RuleId.REALISATION_WITHOUT_TARGET
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for node, indicator in ctx.indicators():
        for year in indicator.realisations:
            if year not in indicator.targets:
                yield ctx.at_indicator(
                    node,
                    indicator,
                    _(
                        "there is a realisation for {year} but no target: add "
                        "`target: {{{year}: …}}`"
                    ).format(year=year),
                    yaml_key(Indicator, "realisations"),
                    str(year),
                )
