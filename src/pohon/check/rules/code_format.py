"""code-format: a nomenclature code has the shape of its level and extends its parent's code.

Program `U.BB.PP` (e.g. `1.06.02`), kegiatan `U.BB.PP.K.KK` (`1.06.02.2.01`),
sub kegiatan `U.BB.PP.K.KK.SSSS` (`1.06.02.2.01.0001`; two-digit `.01` of older
nomenclatures is accepted). A kegiatan's code starts with its program's code, a
sub kegiatan's with its kegiatan's. Codes belong to program, kegiatan and sub
kegiatan only.

Fails::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      kode: "1.06.02"
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator: [{nama: Persentase PSKS yang aktif}]
      anak:
        - id: keg-1
          tingkat: kegiatan
          nama: Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)
        # ^ nomenclature-name
          kode: "1.06.03.2.01"
        # ^ code-format
          pernyataan: Meningkatnya kualitas hidup warga KAT
          indikator: [{nama: Persentase warga KAT yang meningkat kualitas hidupnya}]

Passes::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      kode: "1.06.02"
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator: [{nama: Persentase PSKS yang aktif}]
      anak:
        - id: keg-1
          tingkat: kegiatan
          nama: Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)
          kode: "1.06.02.2.01"
          pernyataan: Meningkatnya kualitas hidup warga KAT
          indikator: [{nama: Persentase warga KAT yang meningkat kualitas hidupnya}]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.core.vocabulary import Level
from pohon.tree.model import Node
from pohon.tree.schema_base import yaml_key

ID = RuleId.CODE_FORMAT
SEVERITY = Severity.ERROR

PATTERNS = {
    Level.PROGRAM: (re.compile(r"^[0-9X]\.[0-9X]{2}\.\d{2}$"), "1.06.02"),
    Level.KEGIATAN: (re.compile(r"^[0-9X]\.[0-9X]{2}\.\d{2}\.\d\.\d{2}$"), "1.06.02.2.01"),
    Level.SUB_KEGIATAN: (
        re.compile(r"^[0-9X]\.[0-9X]{2}\.\d{2}\.\d\.\d{2}\.(\d{4}|\d{2})$"),
        "1.06.02.2.01.0001",
    ),
}


def check(ctx: Context) -> Iterator[Problem]:
    for node in ctx.nodes():
        if node.code is None:
            continue
        yield from _shape(ctx, node, node.code)
        parent = ctx.parent(node)
        if parent is not None and parent.code and not node.code.startswith(parent.code + "."):
            yield ctx.at(
                node,
                _(
                    "the code `{code}` does not start with its parent's code "
                    "`{parent_code}` ({parent}): fix the code or move the node"
                ).format(code=node.code, parent_code=parent.code, parent=parent.id),
                yaml_key(Node, "code"),
            )


def _shape(ctx: Context, node: Node, code: str) -> Iterator[Problem]:
    if node.level not in PATTERNS:
        yield ctx.at(
            node,
            _(
                "a {level} has no nomenclature code: remove `kode`, codes belong to "
                "program, kegiatan and sub kegiatan"
            ).format(level=node.level.value),
            yaml_key(Node, "code"),
        )
        return
    pattern, example = PATTERNS[node.level]
    if not pattern.match(code):
        yield ctx.at(
            node,
            _(
                "the code `{code}` is not the shape of a {level} code: write it like "
                "`{example}` (in quotes)"
            ).format(code=code, level=node.level.value, example=example),
            yaml_key(Node, "code"),
        )
