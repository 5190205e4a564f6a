"""unknown-position: every `jabatan` names a position listed under the top-level `jabatan`.

The Perjanjian Kinerja of each official is built from these references; a
misspelt id would silently drop a sasaran from an official's agreement.

Fails::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      jabatan: kabid-dayasos
    # ^ unknown-position
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator: [{nama: Persentase PSKS yang aktif}]

Passes::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      jabatan: kadis
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator: [{nama: Persentase PSKS yang aktif}]
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.tree.header import Meta, Signatory
from pohon.tree.model import Node, Origin, TreeFile
from pohon.tree.schema_base import yaml_key

ID = RuleId.UNKNOWN_POSITION
SEVERITY = Severity.ERROR


def _hint(ctx: Context, name: str) -> str:
    close = difflib.get_close_matches(name, sorted(ctx.tree.positions), n=1)
    known = ", ".join(sorted(ctx.tree.positions)) or _("none yet")
    if close:
        return _(" Did you mean `{position}`?").format(position=close[0])
    return _(" Known positions: {known}.").format(known=known)


def check(ctx: Context) -> Iterator[Problem]:
    for node in ctx.nodes():
        if node.position is not None and node.position not in ctx.tree.positions:
            yield ctx.at(
                node,
                _("the position `{position}` is not listed under `jabatan`.").format(
                    position=node.position
                )
                + _hint(ctx, node.position),
                yaml_key(Node, "position"),
            )
    for index, signatory in enumerate(ctx.tree.meta.signatories):
        if signatory.position not in ctx.tree.positions:
            path = (yaml_key(TreeFile, "meta"), yaml_key(Meta, "signatories"), index)
            origin = Origin(file=ctx.tree.source, path=path)
            yield Problem(
                origin,
                _("the signatory's position `{position}` is not listed under `jabatan`.").format(
                    position=signatory.position
                )
                + _hint(ctx, signatory.position),
                (yaml_key(Signatory, "position"),),
            )
