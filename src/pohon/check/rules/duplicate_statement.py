"""duplicate-statement: two nodes do not carry the same statement.

Two boxes with one statement are either the same result drawn twice (merge
them) or two results written carelessly (say what differs).

Fails::

    - id: sub-1
      tingkat: sub_kegiatan
      nama: Fasilitasi Pemberdayaan Sosial KAT
      pernyataan: Tersedianya sandang bagi korban bencana
      indikator: [{nama: Jumlah korban bencana yang menerima sandang}]
    - id: sub-2
      tingkat: sub_kegiatan
      nama: Fasilitasi Pemberdayaan Sosial KAT
      pernyataan: Tersedianya sandang bagi korban bencana
    # ^ duplicate-statement
      indikator: [{nama: Jumlah paket sandang yang disalurkan}]

Passes::

    - id: sub-1
      tingkat: sub_kegiatan
      nama: Fasilitasi Pemberdayaan Sosial KAT
      pernyataan: Tersedianya sandang bagi korban bencana
      indikator: [{nama: Jumlah korban bencana yang menerima sandang}]
    - id: sub-2
      tingkat: sub_kegiatan
      nama: Fasilitasi Pemberdayaan Sosial KAT
      pernyataan: Tersedianya makanan bagi korban bencana
      indikator: [{nama: Jumlah korban bencana yang menerima makanan}]
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem, normalise
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.tree.model import Node
from pohon.tree.schema_base import yaml_key

ID = RuleId.DUPLICATE_STATEMENT
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    first: dict[str, Node] = {}
    for node in ctx.nodes():
        if node.statement is None:  # statement-missing says so
            continue
        key = normalise(node.statement)
        if key in first:
            yield ctx.at(
                node,
                _(
                    "the statement is the same as that of `{node}`: merge the two nodes "
                    "or say what each one achieves"
                ).format(node=first[key].id),
                yaml_key(Node, "statement"),
            )
        else:
            first[key] = node
