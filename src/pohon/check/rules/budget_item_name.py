"""budget-item-name: program, kegiatan and sub kegiatan carry their official name; others do not.

The Cascading Kinerja shows the nomenclature name of each budget item above its
sasaran. A sasaran level has no such name: its text goes in `pernyataan`.

Fails::

    - id: prog-1
    # ^ budget-item-name
      tingkat: program
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator: [{nama: Persentase PSKS yang aktif}]

Passes::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator: [{nama: Persentase PSKS yang aktif}]
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.core.vocabulary import BUDGET_LEVELS
from pohon.tree.model import Node
from pohon.tree.schema_base import yaml_key

ID = RuleId.BUDGET_ITEM_NAME
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for node in ctx.nodes():
        if node.level in BUDGET_LEVELS and not node.name:
            yield ctx.at(
                node,
                _(
                    "the {level} `{node}` has no official name: add `nama:` with its "
                    "nomenclature name"
                ).format(level=node.level.value, node=node.id),
            )
        elif node.level not in BUDGET_LEVELS and node.name:
            yield ctx.at(
                node,
                _(
                    "a {level} has no nomenclature name: move the text to `pernyataan` "
                    "or remove `nama`"
                ).format(level=node.level.value),
                yaml_key(Node, "name"),
            )
