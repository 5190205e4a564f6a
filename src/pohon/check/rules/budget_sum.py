"""budget-sum: a stated pagu equals the sum of its children's pagu for the same year.

A program's pagu is the sum of its kegiatan's, a kegiatan's the sum of its sub kegiatan's.
A parent that states another figure than its children add up to was copied from an older
draft or misses a child: evaluators add the columns up first. A node that states no pagu
takes its children's sum, so only a stated figure can disagree.

Fails::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator:
        - nama: Persentase PSKS yang aktif
      pagu: {2025: 1250000000}
      #      ^ budget-sum
      anak:
        - id: keg-1
          tingkat: kegiatan
          nama: Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)
          pernyataan: Terberdayakannya komunitas adat terpencil
          indikator:
            - nama: Jumlah warga KAT yang diberdayakan
          pagu: {2025: 700000000}
        - id: keg-2
          tingkat: kegiatan
          nama: Pengumpulan Sumbangan dalam Daerah Kabupaten/Kota
          pernyataan: Terhimpunnya sumbangan sosial masyarakat
          indikator:
            - nama: Jumlah izin pengumpulan sumbangan yang diterbitkan
          pagu: {2025: 500000000}

Passes::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya pemberdayaan sosial
      indikator:
        - nama: Persentase PSKS yang aktif
      pagu: {2025: 1200000000}
      anak:
        - id: keg-1
          tingkat: kegiatan
          nama: Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)
          pernyataan: Terberdayakannya komunitas adat terpencil
          indikator:
            - nama: Jumlah warga KAT yang diberdayakan
          pagu: {2025: 700000000}
        - id: keg-2
          tingkat: kegiatan
          nama: Pengumpulan Sumbangan dalam Daerah Kabupaten/Kota
          pernyataan: Terhimpunnya sumbangan sosial masyarakat
          indikator:
            - nama: Jumlah izin pengumpulan sumbangan yang diterbitkan
          pagu: {2025: 500000000}
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.tree.budget import add_rupiah, children_pagu, pagu, rupiah_text
from pohon.tree.model import Node
from pohon.tree.schema_base import yaml_key

ID = RuleId.BUDGET_SUM
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for node in ctx.nodes():
        if not node.children:
            continue
        for year, stated in node.budget.items():
            added = children_pagu(node, year)
            if added is None or added == stated:
                continue
            difference = add_rupiah([stated, -added])
            sign = "+" if difference > 0 else "−"
            yield ctx.at(
                node,
                _(
                    "pagu {year} is {stated} but its children's add up to {added} "
                    "(difference {difference})"
                ).format(
                    year=year,
                    stated=rupiah_text(stated),
                    added=rupiah_text(added),
                    difference=sign + rupiah_text(abs(difference)),
                )
                + _unstated(node, year),
                yaml_key(Node, "budget"),
                str(year),
            )


def _unstated(node: Node, year: int) -> str:
    """Which children have no pagu that year: the sum may be short by theirs."""
    missing = [child.id for child in node.children if pagu(child, year) is None]
    if not missing:
        return ""
    return _("; no pagu {year} under {nodes}").format(year=year, nodes=", ".join(missing))
