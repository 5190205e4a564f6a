"""figure-unit: a figure written with its unit (`14 Dokumen`, `19,21%`) names the indicator's `satuan`.

A figure copied from a document often keeps its unit: pohon reads `14 Dokumen` as the
figure 14, and checks the unit against the indicator's `satuan` (case and the usual
synonyms aside: `%` and `persen`, `Rp` and `rupiah`). A different unit is a figure of
another measure, or a `satuan` that is wrong; a missing `satuan` is the unit to write.

Fails::

    - id: subkeg-1
      tingkat: sub_kegiatan
      nama: Penyusunan Dokumen Perencanaan Perangkat Daerah
      pernyataan: Tersusunnya dokumen perencanaan perangkat daerah
      indikator:
        - nama: Jumlah dokumen perencanaan perangkat daerah
          satuan: dokumen
          target: {2024: 14 Dokumen, 2025: 15 laporan}
          #                          ^ figure-unit
        - nama: Jumlah laporan capaian kinerja
          target: {2024: 4 laporan}
          #        ^ figure-unit

Passes::

    - id: subkeg-1
      tingkat: sub_kegiatan
      nama: Penyusunan Dokumen Perencanaan Perangkat Daerah
      pernyataan: Tersusunnya dokumen perencanaan perangkat daerah
      indikator:
        - nama: Jumlah dokumen perencanaan perangkat daerah
          satuan: dokumen
          target: {2024: 14 Dokumen, 2025: 15}
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem, figures
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.tree.figure_reading import Number, same_unit

ID = RuleId.FIGURE_UNIT
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    for node, indicator in ctx.indicators():
        for key, value in figures(indicator):
            if not isinstance(value, Number) or value.unit is None:
                continue
            if indicator.unit is None:
                message = _(
                    "the figure is written with the unit `{unit}`, but the indicator has "
                    'no `satuan`: add `satuan: "{unit}"`'
                ).format(unit=value.unit)
            elif not same_unit(value.unit, indicator.unit):
                message = _(
                    "the figure is written with the unit `{unit}`, but the indicator's "
                    "`satuan` is `{satuan}`: write the figure in `{satuan}`, "
                    "or correct the `satuan`"
                ).format(unit=value.unit, satuan=indicator.unit)
            else:
                continue
            yield ctx.at_indicator(node, indicator, message, *key)
