"""target-against-polarity: targets move the way the indicator's polarity calls better.

A higher-is-better indicator (`polaritas: naik`, the default) whose targets fall from
the baseline, or from one year to the next, plans a decline; so does a lower-is-better
one (`polaritas: turun`) whose targets rise. Either the figures or the polarity are
wrong. Each run of such steps is named with its years and figures; targets that stay
level (100 every year) are no decline, and text targets (`WTP`, `BB`) are not compared.

Fails::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator:
        - nama: Persentase PSKS yang aktif
          satuan: "%"
          target: {2022: 95, 2023: 90, 2024: 80, 2025: 70, 2026: 60}
          #                  ^ target-against-polarity
        - nama: Jumlah PMKS yang belum tertangani
          satuan: orang
          polaritas: turun
          baseline: 12
          target: {2024: 14, 2025: 16}
          #        ^ target-against-polarity

Passes::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator:
        - nama: Persentase PSKS yang aktif
          satuan: "%"
          baseline: 55
          target: {2022: 60, 2023: 65, 2024: 65, 2025: 70, 2026: 75}
        - nama: Persentase PPKS yang tertangani
          satuan: "%"
          target: {2022: 100, 2023: 100, 2024: 100}
        - nama: Jumlah PMKS yang belum tertangani
          satuan: orang
          polaritas: turun
          baseline: 12
          target: {2024: 10, 2025: WTP, 2026: 8}
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise
from typing import Any

from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.core.vocabulary import Polarity
from pohon.tree.model import Indicator
from pohon.tree.schema_base import yaml_key

ID = RuleId.TARGET_AGAINST_POLARITY
SEVERITY = Severity.WARNING

Number = int | float | Decimal
Point = tuple[int | None, Number]
"""A year (None for the baseline) and its figure."""


def check(ctx: Context) -> Iterator[Problem]:
    targets = yaml_key(Indicator, "targets")
    for node, indicator in ctx.indicators():
        runs = _runs_against(_points(indicator), indicator.polarity)
        if runs:
            first_year = runs[0][1][0]
            yield ctx.at_indicator(
                node, indicator, _message(runs, indicator.polarity), targets, str(first_year)
            )


def _number(figure: Any) -> Number | None:
    """The figure as a number; None for text (and for what no comparison can order).

    A figure is a plain number, or an object holding one as `value` (a figure read together
    with the unit written beside it): the rule reads both, so it needs no figure type."""
    value = getattr(figure, "value", figure)
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    try:
        return value if math.isfinite(value) else None
    except ValueError:  # a signalling Decimal NaN
        return None


def _points(indicator: Indicator) -> list[Point]:
    """The baseline, then each year's target, in year order; text and non-year keys left out."""
    baseline = _number(indicator.baseline)
    points: list[Point] = [(None, baseline)] if baseline is not None else []
    years = sorted(year for year in indicator.targets if isinstance(year, int))
    for year in years:
        figure = _number(indicator.targets[year])
        if figure is not None:
            points.append((year, figure))
    return points


def _runs_against(points: list[Point], polarity: Polarity) -> list[list[Point]]:
    """Each run of consecutive steps that moves the wrong way, with the point it starts from."""
    runs: list[list[Point]] = []
    for before, after in pairwise(points):
        worse = after[1] < before[1] if polarity is Polarity.NAIK else after[1] > before[1]
        if not worse:
            continue
        if runs and runs[-1][-1] == before:
            runs[-1].append(after)
        else:
            runs.append([before, after])
    return runs


def _message(runs: list[list[Point]], polarity: Polarity) -> str:
    message = (
        _(
            "the targets fall ({chains}) but higher is better (`polaritas: {polarity}`): "
            "check the figures, or write `polaritas: {other}` if that is meant"
        )
        if polarity is Polarity.NAIK
        else _(
            "the targets rise ({chains}) but lower is better (`polaritas: {polarity}`): "
            "check the figures, or write `polaritas: {other}` if that is meant"
        )
    )
    chains = "; ".join(" → ".join(_point(point) for point in run) for run in runs)
    other = Polarity.TURUN if polarity is Polarity.NAIK else Polarity.NAIK
    return message.format(chains=chains, polarity=polarity.value, other=other.value)


def _point(point: Point) -> str:
    year, figure = point
    when = _("baseline") if year is None else str(year)
    return f"{when}: {figure}"
