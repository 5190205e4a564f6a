"""missing-unit: every indicator of a sasaran in a Perjanjian Kinerja names its `satuan`.

A figure without its unit cannot be read, compared or agreed: 85 what? An evaluator
marks an indicator without a satuan "tidak terukur", and the Perjanjian Kinerja prints
the unit beside each target. Checked where it is agreed: the sasaran each position's
jenjang lists (as for missing-target).

Fails::

    - id: sasaran-1
      tingkat: sasaran_strategis
      pernyataan: Meningkatnya penyelenggaraan kesejahteraan sosial yang partisipatif
      jabatan: kadis
      indikator:
        - nama: Jumlah PSKS yang aktif menyelenggarakan program kesejahteraan sosial
        # ^ missing-unit, missing-target

Passes::

    - id: sasaran-1
      tingkat: sasaran_strategis
      pernyataan: Meningkatnya penyelenggaraan kesejahteraan sosial yang partisipatif
      jabatan: kadis
      indikator:
        - nama: Jumlah PSKS yang aktif menyelenggarakan program kesejahteraan sosial
          satuan: lembaga
          target: {2021: 10, 2022: 12, 2023: 14, 2024: 16, 2025: 18, 2026: 20}
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.tree.jenjang import agreement_nodes

ID = RuleId.MISSING_UNIT
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for node in agreement_nodes(ctx.tree):
        for indicator in node.indicators:
            if not (indicator.unit or "").strip():
                message = _(
                    "the indicator `{name}` has no unit: add `satuan:` (e.g. %, orang, dokumen)"
                ).format(name=indicator.name)
                yield ctx.at_indicator(node, indicator, message)
