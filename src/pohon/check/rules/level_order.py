"""level-order: a node sits under a parent of the level just above it.

The cascade reads visi → misi → tujuan RPJMD → sasaran RPJMD → tujuan OPD →
sasaran strategis → (sasaran antara) → program → kegiatan → sub kegiatan.
An intermediate sasaran (`sasaran_antara`) may sit between the strategic
sasaran and the programs on some branches only.

Fails::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator: [{nama: Persentase PSKS yang aktif}]
      anak:
        - id: sub-1
          tingkat: sub_kegiatan
        # ^ level-order
          nama: Fasilitasi Pemberdayaan Sosial KAT
          pernyataan: Tersedianya fasilitator KAT
          indikator: [{nama: Jumlah fasilitator KAT}]

Passes::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator: [{nama: Persentase PSKS yang aktif}]
      anak:
        - id: keg-1
          tingkat: kegiatan
          nama: Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)
          pernyataan: Meningkatnya kualitas hidup warga KAT
          indikator: [{nama: Persentase warga KAT yang meningkat kualitas hidupnya}]
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.core.vocabulary import ALLOWED_CHILDREN
from pohon.tree.model import Node
from pohon.tree.schema_base import yaml_key

ID = RuleId.LEVEL_ORDER
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    for node in ctx.nodes():
        allowed = ALLOWED_CHILDREN[node.level]
        for child in node.children:
            if child.level not in allowed:
                expected = _(" or ").join(sorted(level.value for level in allowed)) or _("nothing")
                yield ctx.at(
                    child,
                    _(
                        "a `{level}` cannot sit under the `{parent_level}` `{parent}`: under "
                        "it goes {expected}; move the node or fix its `tingkat`"
                    ).format(
                        level=child.level.value,
                        parent_level=node.level.value,
                        parent=node.id,
                        expected=expected,
                    ),
                    yaml_key(Node, "level"),
                )
