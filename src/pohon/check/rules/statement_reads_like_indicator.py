"""statement-reads-like-indicator: a statement is a condition, its indicator is the measure.

A sasaran that starts with "Persentase", "Jumlah", "Indeks"… is an indicator
written in the statement's place: write the condition to be reached, and move
the measure to `indikator`.

Fails::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Persentase PSKS yang aktif
    # ^ statement-reads-like-indicator
      indikator: [{nama: Persentase PSKS yang aktif}]
      #            ^ indicator-repeats-statement

Passes::

    - id: prog-1
      tingkat: program
      nama: PROGRAM PEMBERDAYAAN SOSIAL
      pernyataan: Meningkatnya peran aktif PSKS
      indikator: [{nama: Persentase PSKS yang aktif}]
"""

from __future__ import annotations

from collections.abc import Iterator

from pohon.check.rules.base import Context, Problem, first_word
from pohon.core.finding_ids import RuleId
from pohon.core.findings import Severity
from pohon.core.messages import _
from pohon.tree.model import Node
from pohon.tree.schema_base import yaml_key

ID = RuleId.STATEMENT_READS_LIKE_INDICATOR
SEVERITY = Severity.WARNING

MEASURE_WORDS = frozenset(
    {
        "persentase",
        "prosentase",
        "jumlah",
        "indeks",
        "rasio",
        "nilai",
        "angka",
        "cakupan",
        "rata-rata",
    }
)


def check(ctx: Context) -> Iterator[Problem]:
    for node in ctx.nodes():
        word = first_word(node.statement or "")
        if word in MEASURE_WORDS:
            yield ctx.at(
                node,
                _(
                    "the statement starts with `{word}` and reads like an indicator: write "
                    "the condition to be reached, and keep the measure in `indikator`"
                ).format(word=word),
                yaml_key(Node, "statement"),
            )
