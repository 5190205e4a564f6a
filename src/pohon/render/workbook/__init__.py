"""The Excel workbook of a tree: a formatted sheet per report, built from the reports' own values.

`SHEETS` lists the sheet builders in the workbook's order: each takes the report values
of one tree (`ReportValues`) and yields the `SheetPlan`s of its sheets (plain cells, no
XlsxWriter); a new sheet is one more line here (docs/export.md). `RAW_SHEETS` are added
after them, writers given the XlsxWriter workbook itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from pohon.render.workbook.agreement_sheet import agreement_sheets
from pohon.render.workbook.book import RawSheets, workbook_bytes
from pohon.render.workbook.cells import SheetPlan
from pohon.render.workbook.matrix_sheet import matrix_sheets
from pohon.render.workbook.register_sheet import register_sheets
from pohon.render.workbook.renstra_sheets import renstra_sheets
from pohon.render.workbook.report_values import ReportValues

SheetBuilder = Callable[[ReportValues], Iterable[SheetPlan]]

SHEETS: list[SheetBuilder] = [
    matrix_sheets,  # Matriks Cascading
    register_sheets,  # Daftar Indikator Kinerja
    renstra_sheets,  # T-C.25, T-C.27
    agreement_sheets,  # Lampiran Perjanjian Kinerja, a block per position
]


def build_workbook(
    values: ReportValues,
    paper: str,
    raw: Sequence[RawSheets] = (),
    sheets: Sequence[SheetBuilder] = (),
) -> bytes:
    """The .xlsx of one tree: the sheets of `sheets` (by default `SHEETS`), then `raw`'s."""
    plans = [plan for build in (sheets or SHEETS) for plan in build(values)]
    return workbook_bytes(plans, paper, raw)


__all__ = ["SHEETS", "ReportValues", "SheetBuilder", "SheetPlan", "build_workbook"]
