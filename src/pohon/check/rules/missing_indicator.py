"""missing-indicator: every node from tujuan OPD down has at least one indicator.

A sasaran without an indicator cannot be measured, agreed in a Perjanjian
Kinerja or evaluated. Visi, misi and the Pemda's own levels are exempt here.

Fails::

    - id: sasaran-1
    # ^ missing-indicator
      tingkat: sasaran_strategis
      pernyataan: Meningkatnya penyelenggaraan kesejahteraan sosial yang partisipatif

Passes::

    - id: sasaran-1
      tingkat: sasaran_strategis
      pernyataan: Meningkatnya penyelenggaraan kesejahteraan sosial yang partisipatif
      indikator:
        - nama: Jumlah PSKS yang aktif menyelenggarakan program kesejahteraan sosial
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.core.vocabulary import OPD_LEVELS

ID = RuleId.MISSING_INDICATOR
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for node in ctx.nodes():
        if node.level in OPD_LEVELS and not node.indicators:
            yield ctx.at(
                node,
                _(
                    "the {level} `{node}` has no indicator: add `indikator:` with at least "
                    "one measurable indicator"
                ).format(level=node.level.value, node=node.id),
            )
