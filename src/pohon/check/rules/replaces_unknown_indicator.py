"""replaces-unknown-indicator: `perubahan.menggantikan` names the `id` of an indicator of the tree.

A replacement says which indicator it replaces by that indicator's stable `id`; a name
no indicator carries links the new one to nothing, and the revision (pohon diff, the
register) cannot show what was replaced.

Fails::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator:
        - nama: Persentase PSKS yang aktif
          perubahan:
            menggantikan: ind-psks
          # ^ replaces-unknown-indicator

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
from pohon.tree.change_note import IndicatorChangeNote
from pohon.tree.model import Indicator
from pohon.tree.schema_base import yaml_key

ID = RuleId.REPLACES_UNKNOWN_INDICATOR
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    known = {indicator.id for _node, indicator in ctx.indicators() if indicator.id}
    for node, indicator in ctx.indicators():
        replaces = indicator.change.replaces if indicator.change else None
        if replaces and replaces not in known:
            yield ctx.at_indicator(
                node,
                indicator,
                _(
                    "`menggantikan: {id}` names no indicator: give the replaced indicator "
                    "`id: {id}` (keep it, with `berlaku_sampai`), or name another id"
                ).format(id=replaces),
                yaml_key(Indicator, "change"),
                yaml_key(IndicatorChangeNote, "replaces"),
            )
