"""percentage-range: a percentage lies between 0 and 100.

An indicator whose unit is `%` (or whose name starts with "Persentase") cannot
have a baseline, target or realisation below 0 or above 100.

Fails::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator:
        - nama: Persentase PSKS yang aktif
          satuan: "%"
          target: {2024: 120}
          #        ^ percentage-range

Passes::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator:
        - nama: Persentase PSKS yang aktif
          satuan: "%"
          target: {2024: 85}
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem, first_word
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.tree.model import Indicator, yaml_key

ID = RuleId.PERCENTAGE_RANGE
SEVERITY = Severity.ERROR


def is_percentage(indicator: Indicator) -> bool:
    unit = (indicator.unit or "").strip().lower()
    return unit in ("%", "persen") or first_word(indicator.name) in ("persentase", "prosentase")


def check(ctx: Context) -> Iterator[Problem]:
    for node, indicator in ctx.indicators():
        if not is_percentage(indicator):
            continue
        targets, realisations = yaml_key(Indicator, "targets"), yaml_key(Indicator, "realisations")
        figures: list[tuple[tuple[str | int, ...], object]] = [
            ((yaml_key(Indicator, "baseline"),), indicator.baseline)
        ]
        figures += [((targets, str(y)), v) for y, v in indicator.targets.items()]
        figures += [((realisations, str(y)), v) for y, v in indicator.realisations.items()]
        for key, value in figures:
            if isinstance(value, int | float) and not 0 <= value <= 100:
                yield ctx.at_indicator(
                    node,
                    indicator,
                    f"{value} is not a percentage: write a figure from 0 to 100",
                    *key,
                )
