"""unknown-superior: every `atasan` names another position under `jabatan`, and no chain of them loops.

A position's `atasan` is the second party of its Perjanjian Kinerja: a misspelt id would
leave the agreement without its counter-party, and a loop (a Kepala Bidang over the
Kepala Dinas over that Kepala Bidang) has no top, where the kepala daerah signs.

Fails::

    format: pohon/1
    meta:
      pemda: Kabupaten Contoh
      opd: Dinas Sosial
      periode: {awal: 2021, akhir: 2026}
    jabatan:
      kadis: {nama: Kepala Dinas Sosial, eselon: II, atasan: kabid}
      #                                              ^ unknown-superior
      kabid: {nama: Kepala Bidang Rehabilitasi Sosial, eselon: III, atasan: kadis}
      #                                                             ^ unknown-superior
      kasi: {nama: Kepala Seksi Rehabilitasi Anak, eselon: IV, atasan: kabid-rehsos}
      #                                                        ^ unknown-superior

Passes::

    format: pohon/1
    meta:
      pemda: Kabupaten Contoh
      opd: Dinas Sosial
      periode: {awal: 2021, akhir: 2026}
      kepala_daerah: {jabatan: Bupati Contoh}
    jabatan:
      kadis: {nama: Kepala Dinas Sosial, eselon: II}
      kabid: {nama: Kepala Bidang Rehabilitasi Sosial, eselon: III, atasan: kadis}
      kasi: {nama: Kepala Seksi Rehabilitasi Anak, eselon: IV, atasan: kabid}
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.tree.header import Position
from pohon.tree.model import Origin, TreeFile
from pohon.tree.schema_base import yaml_key

ID = RuleId.UNKNOWN_SUPERIOR
SEVERITY = Severity.ERROR


def check(ctx: Context) -> Iterator[Problem]:
    positions = ctx.tree.positions
    key = (yaml_key(Position, "superior"),)
    for position_id, position in positions.items():
        superior = position.superior
        if superior is None:
            continue
        origin = Origin(ctx.tree.source, (yaml_key(TreeFile, "positions"), position_id))
        if superior not in positions or superior == position_id:
            close = difflib.get_close_matches(superior, sorted(set(positions) - {position_id}), n=1)
            hint = _(" Did you mean `{id}`?").format(id=close[0]) if close else ""
            message = _(
                "the superior `{superior}` of `{position}` is no other position under `jabatan`."
            ).format(superior=superior, position=position_id)
            yield Problem(origin, message + hint, key)
        elif (loop := _loop(positions, position_id)) is not None:
            message = _(
                "the superiors of `{position}` go round in a loop ({chain}): the top position"
                " has no `atasan` (its counter-party is `meta.kepala_daerah`)"
            ).format(position=position_id, chain=" → ".join(loop))
            yield Problem(origin, message, key)


def _loop(positions: dict[str, Position], start: str) -> list[str] | None:
    """The chain of superiors from `start` back to it, if following `atasan` comes back."""
    chain, seen = [start], {start}
    current = positions[start].superior
    while current is not None and current in positions:
        chain.append(current)
        if current == start:
            return chain
        if current in seen:
            return None  # a loop further up, reported at its own positions
        seen.add(current)
        current = positions[current].superior
    return None
