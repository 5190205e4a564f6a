"""nomenclature-name: a program, kegiatan or sub kegiatan carries the official name of its code.

The list gives each code one name, and Bappeda's checks compare names as written. Case,
spacing and punctuation are not compared; any other difference is reported with the
official name (the tree keeps what its source prints: a chart copied as printed may
differ, and the finding says how). If the name written is that of another code under
the same parent, the finding names that code too: perhaps the code is what is wrong.

Fails::

    - id: prog-penunjang
      tingkat: program
      nama: PROGRAM PENUNJANG URUSAN PEMERINTAH DAERAH
    # ^ nomenclature-name
      kode: "1.06.01"
      pernyataan: Meningkatnya akuntabilitas kinerja perangkat daerah
      indikator: [{nama: Nilai AKIP perangkat daerah}]

Passes::

    - id: prog-penunjang
      tingkat: program
      nama: Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota
      kode: "1.06.01"
      pernyataan: Meningkatnya akuntabilitas kinerja perangkat daerah
      indikator: [{nama: Nilai AKIP perangkat daerah}]
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.coded_nodes import (
    coded_nodes,
    entry_in_force,
    is_official,
    named_sibling,
    shown_code,
)
from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.tree.model import Node
from pohon.tree.schema_base import yaml_key

ID = RuleId.NOMENCLATURE_NAME
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for coded in coded_nodes(ctx):
        name = coded.node.name
        found = entry_in_force(ctx, coded.code) if coded.depth_matches and name else None
        if found is None:
            continue
        entry, version = found
        if name is None or is_official(ctx, coded.code, name):
            continue
        text = _("the official name of `{code}` is `{name}` ({version})").format(
            code=coded.node.code, name=entry.name, version=version.number
        )
        other = named_sibling(ctx, coded, version)
        if other is not None and other.code != entry.code:
            text += _("; `{name}` is the name of `{code}`").format(
                name=name, code=shown_code(other, coded)
            )
        yield ctx.at(coded.node, text, yaml_key(Node, "name"))
