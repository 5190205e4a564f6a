"""Sheet plans written with XlsxWriter into one .xlsx, the same bytes on every run.

XlsxWriter stamps a workbook with the time it was made (docProps/core.xml) unless it is
given one, and dates its zip entries 1980-01-01 when it writes in memory: with a fixed
created date and `in_memory`, the bytes depend on the plans alone. Text is always written
as text (never read as a formula or a link: a statement may begin with `=`).
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import xlsxwriter

from pohon.render.reports.figures import Shown
from pohon.render.workbook.cells import Cell, Difference, SheetPlan, sheet_name
from pohon.render.workbook.fast_sheet import FastWorksheet
from pohon.render.workbook.heights import row_heights

FIXED_CREATED = datetime(2000, 1, 1)  # a constant date: every run writes the same bytes
PAPER_SIZES = {"a4": 9, "f4": 14}  # Excel's paper numbers: 14 is Folio, 8.5 x 13 in (F4)
PAPER_INCHES = {"a4": (11.69, 8.27), "f4": (13.0, 8.5)}  # long side, short side
SIDE_MARGIN = 0.4  # inches, left and right
EXACT_DIGITS = 15  # a spreadsheet's number holds 15 significant digits exactly; more stay text
MAX_CELL_CHARS = 32_767  # Excel's limit of a cell's text: a longer one is cut, ending in `…`

AddSheets = Callable[[Any], None]
"""A writer that adds sheets to the XlsxWriter workbook itself (the tree as data, for import)."""

_FORMATS: dict[str, dict[str, Any]] = {
    "title": {"bold": True, "font_size": 14},
    "subtitle": {"font_color": "#444444"},
    "head": {
        "bold": True,
        "bg_color": "#D9E1F2",
        "border": 1,
        "align": "center",
        "valign": "vcenter",
        "text_wrap": True,
    },
    "text": {"border": 1, "valign": "top", "text_wrap": True},
    "strong": {"border": 1, "valign": "top", "text_wrap": True, "bold": True},
    "muted": {"border": 1, "valign": "top", "text_wrap": True, "font_color": "#666666"},
    # A value the agreement still lacks: marked as the HTML marks it, never a dash.
    "warning": {
        "border": 1,
        "valign": "top",
        "text_wrap": True,
        "bold": True,
        "italic": True,
        "font_color": "#9a3412",
    },
    "code": {"border": 1, "valign": "top", "num_format": "@"},
    "figure": {"border": 1, "valign": "top", "align": "right", "text_wrap": True},  # `WTP`, …
    "total": {"border": 1, "valign": "top", "align": "right", "bold": True, "bg_color": "#F2F2F2"},
}


def workbook_bytes(plans: Sequence[SheetPlan], paper: str, raw: Sequence[AddSheets] = ()) -> bytes:
    """The .xlsx of `plans` in order, then the sheets each of `raw` adds, printed on `paper`."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(
        out,
        {
            "in_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    book.worksheet_class = FastWorksheet  # every sheet, the data sheets' too
    book.set_properties({"created": FIXED_CREATED, "author": "pohon", "comments": ""})
    formats = _Formats(book)
    taken: set[str] = set()
    for plan in plans:
        _write_sheet(book.add_worksheet(sheet_name(plan.name, taken)), plan, formats, paper)
    for add in raw:
        add(book)
    book.close()
    return out.getvalue()


class _Formats:
    """One XlsxWriter format per (style, number format), made once per workbook."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.made: dict[tuple[str, str], Any] = {}

    def get(self, style: str, number_format: str = "") -> Any:
        key = (style, number_format)
        if key not in self.made:
            properties = dict(_FORMATS[style])
            if number_format:
                properties["num_format"] = number_format
            self.made[key] = self.book.add_format(properties)
        return self.made[key]


def number_format(shown: Shown) -> str:
    """`"Rp "#,##0`, `#,##0.00`, `#,##0.00" %"`: Excel's codes (`,` thousands, `.` decimals),
    which a spreadsheet shows in its reader's language (`1.234,50` in Indonesian); a
    `Difference` shows a decrease in brackets: `#,##0;(#,##0)`."""
    places = "." + "0" * shown.decimals if shown.decimals else ""
    positive = _quoted(shown.prefix) + "#,##0" + places + _quoted(shown.suffix)
    return f"{positive};({positive})" if isinstance(shown, Difference) else positive


def _quoted(text: str) -> str:
    return f'"{text.replace(chr(34), "")}"' if text else ""


def cell_number(value: str) -> int | float | None:
    """The number a cell holds, when its text is a `Shown` a spreadsheet can hold exactly."""
    if not isinstance(value, Shown):
        return None
    number = value.number
    if not number.is_finite() or len(number.normalize().as_tuple().digits) > EXACT_DIGITS:
        return None  # written as its text: never a rounded amount
    if number == number.to_integral_value():
        return int(number)
    return float(number)  # at most 15 digits: the float prints back as the same decimal


def _write_sheet(sheet: Any, plan: SheetPlan, formats: _Formats, paper: str) -> None:
    for col, width in enumerate(plan.widths):
        sheet.set_column(col, col, width)
    for cell in plan.cells:
        _write_cell(sheet, cell, formats)
    for row, height in sorted(row_heights(plan).items()):
        sheet.set_row(row, height)
    if plan.head is not None:
        first, last = plan.head
        sheet.freeze_panes(last + 1, plan.freeze_cols)
        sheet.repeat_rows(first, last)
        if plan.data_end is not None and plan.data_end > last and plan.widths:
            sheet.autofilter(last, 0, plan.data_end, len(plan.widths) - 1)
    _print_setup(sheet, plan, paper)


def cell_text(value: str) -> str:
    """The text as a cell holds it: whole, or cut to Excel's limit (a statement, its name
    and its official name are each at most 10,000 characters, so together they may pass it)."""
    return value if len(value) <= MAX_CELL_CHARS else value[: MAX_CELL_CHARS - 1] + "…"


def _write_cell(sheet: Any, cell: Cell, formats: _Formats) -> None:
    value = cell.value
    number = None if value.__class__ is str else cell_number(value)
    code = number_format(value) if number is not None else ""  # type: ignore[arg-type]
    shown = formats.get(cell.style, code)
    if cell.rows != 1 or cell.cols != 1:
        sheet.merge_range(
            cell.row, cell.col, cell.row + cell.rows - 1, cell.col + cell.cols - 1, "", shown
        )
    # XlsxWriter's undecorated writers: the same cells, without reading `A1` references
    if number is not None:
        sheet._write_number(cell.row, cell.col, number, shown)
    elif value:
        sheet._write_string(cell.row, cell.col, cell_text(value), shown)
    else:
        sheet._write_blank(cell.row, cell.col, None, shown)


def pages_wide(plan: SheetPlan, paper: str) -> int:
    """The fewest pages wide that print the plan at its `min_scale` or above."""
    long, short = PAPER_INCHES.get(paper, PAPER_INCHES["a4"])
    page = ((long if plan.landscape else short) - 2 * SIDE_MARGIN) * 96  # pixels at 100 %
    sheet = sum(width * 7 + 5 for width in plan.widths)  # a column's pixels, as Excel counts
    return max(1, math.ceil(sheet * plan.min_scale / 100 / page))


def _print_setup(sheet: Any, plan: SheetPlan, paper: str) -> None:
    """On `paper`, landscape unless the plan says not, every column on the page's width."""
    sheet.set_paper(PAPER_SIZES.get(paper, PAPER_SIZES["a4"]))
    if plan.landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    wide = pages_wide(plan, paper)
    sheet.fit_to_pages(wide, 0)
    if wide > 1:
        sheet.print_across()  # a band of rows page by page across, then the next band
    sheet.set_margins(left=SIDE_MARGIN, right=SIDE_MARGIN, top=0.6, bottom=0.6)
    sheet.set_footer("&L&A&R&P / &N")
    if plan.breaks:
        sheet.set_h_pagebreaks(list(plan.breaks)[:1023])  # Excel keeps at most 1,023
