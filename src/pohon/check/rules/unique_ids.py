"""unique-ids: every node has its own id.

Ids tie the diagrams, the reports and the split files together; two nodes with
one id would make `induk:` references and links ambiguous.

Fails::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator: [{nama: Persentase PSKS yang aktif}]
    - id: prog-1
    # ^ unique-ids
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya perlindungan sosial
      indikator: [{nama: Persentase korban yang terlindungi}]

Passes::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator: [{nama: Persentase PSKS yang aktif}]
    - id: prog-2
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya perlindungan sosial
      indikator: [{nama: Persentase korban yang terlindungi}]
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.tree.model import Node
from pohon.tree.schema_base import yaml_key

ID = RuleId.UNIQUE_IDS
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    first: dict[str, Node] = {}
    for node in ctx.nodes():
        if node.id in first:
            yield ctx.at(
                node,
                _(
                    "the id `{id}` is already used by another node{elsewhere}: give this "
                    "node an id of its own"
                ).format(id=node.id, elsewhere=_elsewhere(first[node.id], node)),
                yaml_key(Node, "id"),
            )
        else:
            first[node.id] = node


def _elsewhere(first: Node, again: Node) -> str:
    """Name the other file when the first use is in another file of a split tree."""
    if first._origin and again._origin and first._origin.file != again._origin.file:
        return _(" in {file}").format(file=first._origin.file)
    return ""
