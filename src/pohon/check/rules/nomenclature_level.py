"""nomenclature-level: a node's code is a code of its own level.

A code's depth says what it names: `1.06` a bidang urusan, `1.06.02` a program,
`1.06.02.2.01` a kegiatan, `1.06.02.2.01.0001` a sub kegiatan. A program carrying a
kegiatan's code (or a kegiatan a sub kegiatan's) usually sits at the wrong level or was
given its parent's or child's code; the finding names what the code stands for in the list.

Fails::

    - id: sa-pemberdayaan
      tingkat: sasaran_antara
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator: [{nama: Persentase PSKS yang aktif}]
      anak:
        - id: prog-1
          tingkat: program
          nama: PROGRAM PEMBERDAYAAN SOSIAL
          kode: "1.06.02.2.01"
        # ^ code-format, nomenclature-level
          pernyataan: Meningkatnya kualitas hidup warga KAT
          indikator: [{nama: Persentase warga KAT yang meningkat kualitas hidupnya}]

Passes::

    - id: sa-pemberdayaan
      tingkat: sasaran_antara
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator: [{nama: Persentase PSKS yang aktif}]
      anak:
        - id: prog-1
          tingkat: program
          nama: PROGRAM PEMBERDAYAAN SOSIAL
          kode: "1.06.02"
          pernyataan: Meningkatnya kualitas hidup warga KAT
          indikator: [{nama: Persentase warga KAT yang meningkat kualitas hidupnya}]
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.coded_nodes import coded_nodes
from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.source.nomenclature.codes import level_of
from pohon.tree.model import Node
from pohon.tree.schema_base import yaml_key

ID = RuleId.NOMENCLATURE_LEVEL
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    for coded in coded_nodes(ctx):
        if coded.depth_matches:
            continue
        named = level_of(coded.code).value.replace("_", " ")
        entries = ctx.nomenclature.entries_for(coded.code)
        what = (
            _("the {level} {name}").format(level=named, name=entries[-1].name)
            if entries
            else _("a {level}").format(level=named)
        )
        own = coded.node.level.value.replace("_", " ")
        yield ctx.at(
            coded.node,
            _(
                "`{code}` is the code of {what}, not of a {own}: give the {own} its own "
                "code, or set `tingkat` to what the node is"
            ).format(code=coded.node.code, what=what, own=own),
            yaml_key(Node, "code"),
        )
