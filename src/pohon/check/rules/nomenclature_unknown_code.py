"""nomenclature-unknown-code: a program, kegiatan or sub kegiatan code is one the national list has.

Bappeda's checks and the budget system reject a code the nomenclature does not have
(Permendagri 90/2019 and the Kepmendagri decisions that amend it). The tree is checked
against the version its `meta.nomenklatur` names (the latest when it names none);
docs/nomenclature.md says which bidang pohon's list holds completely. Where the list is
known to be partial for the code's bidang, the finding is info only (a bidang urusan the
list does not have at all is no bidang: a warning). If the node's name
is that of one entry under its parent, the finding names that entry's code: a code is
suggested from the name and the parent, never from a number alone.

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
          nama: Pengumpulan Sumbangan dalam Daerah Kabupaten/Kota
          kode: "1.06.02.2.09"
        # ^ nomenclature-unknown-code
          pernyataan: Meningkatnya sumbangan sosial yang terkumpul sesuai izin
          indikator: [{nama: Jumlah izin pengumpulan uang atau barang yang diterbitkan}]

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
          nama: Pengumpulan Sumbangan dalam Daerah Kabupaten/Kota
          kode: "1.06.02.2.02"
          pernyataan: Meningkatnya sumbangan sosial yang terkumpul sesuai izin
          indikator: [{nama: Jumlah izin pengumpulan uang atau barang yang diterbitkan}]
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.coded_nodes import Coded, coded_nodes, named_sibling, parent_code, shown_code
from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.source.nomenclature.codes import bidang_of
from pohon.tree.model import Node
from pohon.tree.schema_base import yaml_key

ID = RuleId.NOMENCLATURE_UNKNOWN_CODE
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    versions = ctx.in_force.versions()
    for coded in coded_nodes(ctx):
        if not coded.depth_matches or not versions:
            continue  # nomenclature-level says what a code of another depth names
        if ctx.nomenclature.entries_for(coded.code):
            continue  # in the list; whether in this version is nomenclature-version's
        latest = versions[-1]
        # every bidang urusan is listed: a code under one that is not is no code at all
        partial = _bidang_listed(ctx, coded) and not ctx.nomenclature.complete(coded.code, latest)
        yield ctx.at(
            coded.node, _message(ctx, coded, partial), yaml_key(Node, "code"), milder=partial
        )


def _bidang_listed(ctx: Context, coded: Coded) -> bool:
    bidang = bidang_of(coded.code)
    return bidang is None or "X" in bidang or bool(ctx.nomenclature.entries_for(bidang))


def _message(ctx: Context, coded: Coded, partial: bool) -> str:
    latest = ctx.in_force.versions()[-1]
    text = _("`{code}` is not in the nomenclature ({version})").format(
        code=coded.node.code, version=latest.number
    )
    if partial:
        text += _(", though pohon's list is partial there (docs/nomenclature.md)")
    suggestion = named_sibling(ctx, coded, latest)
    if suggestion is not None:
        return _("{text}: its name is that of `{code}`").format(
            text=text, code=shown_code(suggestion, coded)
        )
    parent = parent_code(ctx, coded)
    return _("{text}: see `pohon lookup {code}` for the codes there").format(
        text=text, code=parent or coded.code
    )
