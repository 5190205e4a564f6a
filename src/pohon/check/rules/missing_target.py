"""missing-target: every indicator of a sasaran in a Perjanjian Kinerja has a target for each year of the plan.

An agreement promises the targets of its year: a row without one is sent back by the
evaluator ("tidak terukur"). A sasaran is in an agreement when its position's jenjang
lists it (Eselon II its sasaran strategis, Eselon III its sasaran program, Eselon IV its
sasaran kegiatan: docs/reports.md). One finding per indicator, naming the years missing.

Fails::

    - id: sasaran-1
      tingkat: sasaran_strategis
      pernyataan: Meningkatnya penyelenggaraan kesejahteraan sosial yang partisipatif
      jabatan: kadis
      indikator:
        - nama: Jumlah PSKS yang aktif
        # ^ missing-target
          satuan: lembaga
        - nama: Persentase PPKS yang tertangani
          satuan: "%"
          target: {2021: 60, 2022: 65, 2023: 70}
        # ^ missing-target

Passes::

    - id: sasaran-1
      tingkat: sasaran_strategis
      pernyataan: Meningkatnya penyelenggaraan kesejahteraan sosial yang partisipatif
      jabatan: kadis
      indikator:
        - nama: Persentase PPKS yang tertangani
          satuan: "%"
          target: {2021: 60, 2022: 65, 2023: 70, 2024: 75, 2025: 80, 2026: 85}
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pohon.check.rules.base import Context, Problem
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.tree.jenjang import agreement_nodes
from pohon.tree.model import Indicator
from pohon.tree.schema_base import yaml_key

ID = RuleId.MISSING_TARGET
SEVERITY = Severity.WARNING


def check(ctx: Context) -> Iterator[Problem]:
    years = ctx.tree.meta.period.years()
    for node in agreement_nodes(ctx.tree):
        for indicator in node.indicators:
            missing = [year for year in years if year not in indicator.targets]
            if not missing:
                continue
            key = (yaml_key(Indicator, "targets"),) if indicator.targets else ()
            message = _(
                "the indicator `{name}` of the {level} `{id}` is agreed in a Perjanjian "
                "Kinerja but has no target for {years}: write them under `target:`"
            ).format(name=indicator.name, level=node.level.value, id=node.id, years=spans(missing))
            yield ctx.at_indicator(node, indicator, message, *key)


def spans(years: Iterable[int]) -> str:
    """Years as a reader lists them: runs joined by a dash, `2021–2023, 2026`."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
