"""percentage-range: a percentage lies between 0 and 100.

An indicator whose unit is `%` (or whose name starts with "Persentase") cannot
have a baseline, target or realisation below 0 or above 100, nor can a figure
written with `%` glued on (`101%`) whatever the indicator's unit.

Fails::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator:
        - nama: Persentase PSKS yang aktif
          satuan: "%"
          target: {2024: "19,21%", 2025: 101%, 2026: 120, akhir: 95}
          #                        ^ percentage-range
          #                                    ^ percentage-range

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

from pohon.check.rules.base import Context, Problem, figures, first_word
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.tree.figure_reading import Number, same_unit
from pohon.tree.model import Indicator

ID = RuleId.PERCENTAGE_RANGE
SEVERITY = Severity.ERROR


def is_percentage(indicator: Indicator) -> bool:
    unit = (indicator.unit or "").strip().lower()
    return unit in ("%", "persen") or first_word(indicator.name) in ("persentase", "prosentase")


def check(ctx: Context) -> Iterator[Problem]:
    for node, indicator in ctx.indicators():
        percentage = is_percentage(indicator)
        for key, value in figures(indicator):
            glued = isinstance(value, Number) and value.unit and same_unit(value.unit, "%")
            if (percentage or glued) and isinstance(value, Number) and not 0 <= value.value <= 100:
                yield ctx.at_indicator(
                    node,
                    indicator,
                    _("{figure} is not a percentage: write a figure from 0 to 100").format(
                        figure=value.value
                    ),
                    *key,
                )
