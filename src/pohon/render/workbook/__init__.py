"""The Excel workbook of a tree: a formatted sheet per report, built from the reports' own values.

`SHEETS` lists the sheet builders in the workbook's order: each takes the report values
of one tree (`ReportValues`) and yields the `SheetPlan`s of its sheets (plain cells, no
XlsxWriter); a new sheet is one more line here (docs/export.md). `RAW_SHEETS` are added
after them: writers given the XlsxWriter workbook itself and the tree.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from pohon.render.data_sheets import add_data_sheets
from pohon.render.workbook.agreement_sheet import agreement_sheets
from pohon.render.workbook.book import workbook_bytes
from pohon.render.workbook.cells import SheetPlan
from pohon.render.workbook.iku_sheet import iku_sheets
from pohon.render.workbook.matrix_sheet import matrix_sheets
from pohon.render.workbook.register_sheet import register_sheets
from pohon.render.workbook.renstra_sheets import renstra_sheets
from pohon.render.workbook.report_values import ReportValues
from pohon.tree.model import Tree

SheetBuilder = Callable[[ReportValues], Iterable[SheetPlan]]
RawSheets = Callable[[Any, Tree], None]
"""A writer given the XlsxWriter workbook and the tree, adding sheets of its own."""

SHEETS: list[SheetBuilder] = [
    matrix_sheets,  # Matriks Cascading
    register_sheets,  # Daftar Indikator Kinerja
    renstra_sheets,  # T-C.25, T-C.27
    iku_sheets,  # Indikator Kinerja Utama: the IKU decree's table
    agreement_sheets,  # Lampiran Perjanjian Kinerja, a block per position
]


RAW_SHEETS: list[RawSheets] = [add_data_sheets]
"""Writers run after `SHEETS`, e.g. the tree as data (`Meta`, `Pohon`) for `pohon import`."""


def build_workbook(
    values: ReportValues,
    paper: str,
    raw: Sequence[RawSheets] | None = None,
    sheets: Sequence[SheetBuilder] | None = None,
) -> bytes:
    """The .xlsx of one tree: the sheets of `sheets` (by default `SHEETS`), then those each
    of `raw` (by default `RAW_SHEETS`) adds to the workbook for `values.tree`."""
    plans = [plan for build in (SHEETS if sheets is None else sheets) for plan in build(values)]
    writers = RAW_SHEETS if raw is None else raw
    adds = [functools.partial(_run_raw, writer, values.tree) for writer in writers]
    return workbook_bytes(plans, paper, adds)


def _run_raw(writer: RawSheets, tree: Tree, book: Any) -> None:
    writer(book, tree)


__all__ = [
    "RAW_SHEETS",
    "SHEETS",
    "RawSheets",
    "ReportValues",
    "SheetBuilder",
    "SheetPlan",
    "build_workbook",
]
