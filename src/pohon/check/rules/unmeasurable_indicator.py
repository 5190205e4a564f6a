"""unmeasurable-indicator: an indicator names a quantity that can be counted.

"Terselenggaranya …", "Meningkatnya …" or "Tersedianya …" state a condition:
no figure can be set as its target. Write what is counted: "Persentase …",
"Jumlah …", "Indeks …", "Nilai …".

Fails::

    - id: keg-1
      tingkat: kegiatan
      nama: Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)
      pernyataan: Meningkatnya kualitas dokumen perencanaan
      indikator:
        - nama: Terselenggaranya penyusunan dokumen perencanaan
        # ^ unmeasurable-indicator

Passes::

    - id: keg-1
      tingkat: kegiatan
      nama: Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)
      pernyataan: Meningkatnya kualitas dokumen perencanaan
      indikator:
        - nama: Jumlah dokumen perencanaan yang disusun tepat waktu
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem, first_word
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.tree.model import Indicator
from pohon.tree.schema_base import yaml_key

ID = RuleId.UNMEASURABLE_INDICATOR
SEVERITY = Severity.WARNING

CONDITION_WORDS = frozenset(
    {
        "terselenggaranya",
        "terlaksananya",
        "meningkatnya",
        "menurunnya",
        "tersedianya",
        "terwujudnya",
        "terpenuhinya",
        "meningkatkan",
        "mewujudkan",
    }
)


def check(ctx: Context) -> Iterator[Problem]:
    for node, indicator in ctx.indicators():
        word = first_word(indicator.name)
        if word in CONDITION_WORDS:
            yield ctx.at_indicator(
                node,
                indicator,
                _(
                    "the indicator starts with `{word}` and names a condition, not a "
                    "quantity: write what is counted (e.g. `Persentase …`, `Jumlah …`)"
                ).format(word=word),
                yaml_key(Indicator, "name"),
            )
