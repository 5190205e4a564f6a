"""indicator-repeats-statement: an indicator says how the sasaran is measured, not the sasaran again.

An indicator that repeats its node's statement word for word measures nothing:
name the quantity (a percentage, a number, an index) that shows the change.

Fails::

    - id: keg-1
      tingkat: kegiatan
      nama: Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)
      pernyataan: Meningkatnya PSKS dalam penanganan PPKS
      indikator:
        - nama: Meningkatnya PSKS dalam penanganan PPKS
        # ^ indicator-repeats-statement, unmeasurable-indicator

Passes::

    - id: keg-1
      tingkat: kegiatan
      nama: Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)
      pernyataan: Meningkatnya PSKS dalam penanganan PPKS
      indikator:
        - nama: Jumlah PSKS yang terlibat dalam penanganan PPKS
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem, normalise
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.tree.model import Indicator
from pohon.tree.schema_base import yaml_key

ID = RuleId.INDICATOR_REPEATS_STATEMENT
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for node, indicator in ctx.indicators():
        if node.statement and normalise(indicator.name) == normalise(node.statement):
            yield ctx.at_indicator(
                node,
                indicator,
                _(
                    "the indicator repeats the statement of `{node}` word for word: name "
                    "what is measured instead (e.g. `Persentase …`, `Jumlah …`)"
                ).format(node=node.id),
                yaml_key(Indicator, "name"),
            )
