"""activity-statement: a sasaran down to kegiatan names a result, not an activity.

From tujuan down to kegiatan a statement says which condition will be reached
("Meningkatnya …", "Menurunnya …"). Words such as "Terlaksananya",
"Terselenggaranya", "Penyediaan" or "Pelaksanaan" describe work being done,
which is what a sub kegiatan's output is, not an outcome.

Fails::

    - id: keg-1
      tingkat: kegiatan
      nama: Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)
      pernyataan: Terlaksananya penyelenggaraan pengumpulan sumbangan yang dikelola
    # ^ activity-statement
      indikator: [{nama: Persentase sumber dana bantuan sosial yang dikelola}]

Passes::

    - id: keg-1
      tingkat: kegiatan
      nama: Pemberdayaan Sosial Komunitas Adat Terpencil (KAT)
      pernyataan: Meningkatnya sumber dana bantuan sosial masyarakat yang dikelola
      indikator: [{nama: Persentase sumber dana bantuan sosial yang dikelola}]
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem, first_word
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.core.vocabulary import OUTCOME_LEVELS
from pohon.tree.model import Node
from pohon.tree.schema_base import yaml_key

ID = RuleId.ACTIVITY_STATEMENT
SEVERITY = Severity.WARNING

ACTIVITY_WORDS = frozenset(
    {
        "terlaksananya",
        "terselenggaranya",
        "terlaksana",
        "penyediaan",
        "pelaksanaan",
        "penyelenggaraan",
        "pengelolaan",
        "fasilitasi",
        "koordinasi",
        "penyusunan",
        "melaksanakan",
        "menyelenggarakan",
    }
)


def check(ctx: Context) -> Iterator[Problem]:
    for node in ctx.nodes():
        word = first_word(node.statement or "")
        if node.level in OUTCOME_LEVELS and word in ACTIVITY_WORDS:
            yield ctx.at(
                node,
                _(
                    "the {level} statement starts with `{word}`, which names an activity: "
                    "state the result it brings (e.g. `Meningkatnya …`)"
                ).format(level=node.level.value, word=word),
                yaml_key(Node, "statement"),
            )
