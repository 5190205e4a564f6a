"""year-outside-period: targets, realisations and budgets fall in the plan period.

A year outside `meta.periode` is usually a typo (2204 for 2024) or a figure
copied from another plan.

Fails::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator:
        - nama: Persentase PSKS yang aktif
          target: {2035: 80}
          #        ^ year-outside-period

Passes::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator:
        - nama: Persentase PSKS yang aktif
          target: {2024: 80}
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.tree.model import Indicator, Node
from pohon.tree.schema_base import yaml_key

ID = RuleId.YEAR_OUTSIDE_PERIOD
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    period = ctx.tree.meta.period
    years = period.years()
    span = f"{period.start}–{period.end}"
    for node in ctx.nodes():
        for year in node.budget:
            if year not in years:
                yield ctx.at(
                    node,
                    _("the budget year {year} lies outside the plan period {period}").format(
                        year=year, period=span
                    ),
                    yaml_key(Node, "budget"),
                    str(year),
                )
        for indicator in node.indicators:
            for key, values in (
                (yaml_key(Indicator, "targets"), indicator.targets),
                (yaml_key(Indicator, "realisations"), indicator.realisations),
            ):
                for year in values:
                    if year not in years:
                        yield ctx.at_indicator(
                            node,
                            indicator,
                            _("the {key} year {year} lies outside the plan period {period}").format(
                                key=key, year=year, period=span
                            ),
                            key,
                            str(year),
                        )
