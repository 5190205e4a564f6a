"""combined-indicator: one indicator measures one thing.

"1. … 2. …" in one indicator hides two indicators, each needing its own unit,
target and realisation: write them as two items under `indikator`.

Fails::

    - id: antara-1
      tingkat: sasaran_antara
      pernyataan: Meningkatnya penyelenggaraan rehabilitasi sosial diluar panti
      indikator:
        - nama: 1. Persentase penyelenggaraan rehabilitasi sosial 2. Persentase PPKS yang mandiri
        # ^ combined-indicator

Passes::

    - id: antara-1
      tingkat: sasaran_antara
      pernyataan: Meningkatnya penyelenggaraan rehabilitasi sosial diluar panti
      indikator:
        - nama: Persentase penyelenggaraan rehabilitasi sosial
        - nama: Persentase PPKS yang mandiri
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.tree.model import Indicator
from pohon.tree.schema_base import yaml_key

ID = RuleId.COMBINED_INDICATOR
SEVERITY = Severity.WARNING

NUMBERED = re.compile(r"(?:^|\s)1[.)]\s.*\s2[.)]\s", re.DOTALL)


def check(ctx: Context) -> Iterator[Problem]:
    for node, indicator in ctx.indicators():
        if NUMBERED.search(indicator.name):
            yield ctx.at_indicator(
                node,
                indicator,
                _(
                    "this indicator numbers several measures (`1. … 2. …`): write each "
                    "as its own item under `indikator`"
                ),
                yaml_key(Indicator, "name"),
            )
