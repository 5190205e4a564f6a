"""FastWorksheet writes the very bytes XlsxWriter's own Worksheet writes, for any cells.

The workbook of a real tree and workbooks of random cells of every kind (formatted or
not, text, numbers, blanks, formulas, booleans, merged ranges, rows and columns with
formats or heights, comments) are written twice, once with each class, and compared.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st
from xlsxwriter.worksheet import Worksheet

from conftest import MAMUJU
from pohon.render.options import RenderOptions
from pohon.render.reports import tree_workbook
from pohon.render.workbook import book
from pohon.render.workbook.fast_sheet import FastWorksheet
from pohon.source.nomenclature.lists import bundled
from pohon.tree.assemble import load_tree

CellSpec = tuple[int, int, str, object, int | None]
KINDS = ("string", "number", "blank", "formula", "boolean")


def test_a_tree_s_workbook_is_the_same_bytes_as_xlsxwriter_alone_writes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tree = load_tree(MAMUJU).tree
    assert tree is not None
    fast = tree_workbook(tree, RenderOptions(), bundled())
    monkeypatch.setattr(book, "FastWorksheet", Worksheet)
    assert tree_workbook(tree, RenderOptions(), bundled()) == fast
    assert len(fast) > 10_000


def _workbook(
    sheet_class: type[Worksheet],
    cells: list[CellSpec],
    heights: dict[int, float | None],
    column_format: bool,
    comment: bool,
) -> bytes:
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False})
    workbook.set_properties({"created": dt.datetime(2000, 1, 1)})
    formats = [workbook.add_format({"bold": True}), workbook.add_format({"num_format": "0.00"})]
    sheet = workbook.add_worksheet("s", worksheet_class=sheet_class)
    if column_format:
        sheet.set_column(1, 1, 12, formats[1])
    for row, height in heights.items():
        sheet.set_row(row, height, formats[0] if height is None else None)
    merged: set[tuple[int, int]] = set()
    for row, col, kind, value, which in cells:
        style = None if which is None else formats[which]
        if kind == "string":
            sheet.write_string(row, col, str(value), style)
        elif kind == "number":
            sheet.write_number(row, col, value, style)
        elif kind == "blank":
            sheet.write_blank(row, col, None, style)
        elif kind == "formula":
            sheet.write_formula(row, col, "=1+1", style, 2)
        elif kind == "boolean":
            sheet.write_boolean(row, col, bool(value), style)
        tall, wide = 1 + row % 4, 1 + col % 3  # some cells start a merged range
        covered = {(r, c) for r in range(row, row + tall) for c in range(col, col + wide)}
        if row % 3 == 1 and covered.isdisjoint(merged) and len(covered) > 1:
            sheet.merge_range(row, col, row + tall - 1, col + wide - 1, "", style)
            merged |= covered
    if comment:
        sheet.write_comment(0, 0, "a note")
    workbook.close()
    return out.getvalue()


cells_strategy = st.lists(
    st.tuples(
        st.integers(0, 40),
        st.integers(0, 60),
        st.sampled_from(KINDS),
        st.one_of(
            st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12),
            st.integers(-(10**12), 10**12),
            st.floats(allow_nan=False, allow_infinity=False),
        ),
        st.sampled_from([None, 0, 1]),
    ),
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(
    cells=cells_strategy,
    heights=st.dictionaries(st.integers(0, 45), st.one_of(st.none(), st.floats(1, 400))),
    column_format=st.booleans(),
    comment=st.booleans(),
)
def test_any_cells_are_written_as_xlsxwriter_writes_them(
    cells: list[CellSpec],
    heights: dict[int, float | None],
    column_format: bool,
    comment: bool,
) -> None:
    cells = [
        (row, col, kind, value if kind != "number" or not isinstance(value, str) else 1.5, which)
        for row, col, kind, value, which in cells
    ]
    plain = _workbook(Worksheet, cells, heights, column_format, comment)
    assert _workbook(FastWorksheet, cells, heights, column_format, comment) == plain
