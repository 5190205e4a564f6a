"""statement-missing: a program, kegiatan or sub kegiatan states the sasaran it brings about.

Sources often list a budget item with its indicators only. Write it as the source gives
it, without inventing a statement: pohon draws the item by its `nama` alone and the
reports show a dash for its sasaran, and this warning keeps the gap in sight until the
statement (kondisi yang akan diwujudkan) is known. Above the budget items a statement
is all a node says, so there it is required by the schema.

Fails::

    - id: prog-1
    # ^ statement-missing
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      kode: "1.06.02"
      indikator: [{nama: Persentase PSKS yang aktif}]

Passes::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      kode: "1.06.02"
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator: [{nama: Persentase PSKS yang aktif}]
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.tree.model import Node
from pohon.tree.schema_base import yaml_key

ID = RuleId.STATEMENT_MISSING
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    key = yaml_key(Node, "statement")
    for node in ctx.nodes():
        if node.statement is None:
            yield ctx.at(
                node,
                _(
                    "the {level} `{node}` has no `{key}`: it is drawn by its name alone; add "
                    "`{key}:` with the sasaran it brings about when the source gives it"
                ).format(level=node.level.value, node=node.id, key=key),
            )
