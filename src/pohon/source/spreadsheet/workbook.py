"""Opening a spreadsheet within the limits: xlsx, xls, ods through calamine, csv by hand."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pohon.core.errors import SheetError
from pohon.core.finding_ids import LoaderCheck
from pohon.core.messages import _
from pohon.source.limits import MAX_SHEET_COLUMNS, MAX_SHEET_FILE_BYTES, MAX_SHEET_ROWS
from pohon.source.spreadsheet.csv_sheet import read_csv
from pohon.source.spreadsheet.grid import Grid, Value, fill_merged
from pohon.source.spreadsheet.percent_cells import percent_cells, shown_percent
from pohon.source.spreadsheet.zip_guard import check_xls, check_zip

SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv")
_ZIPPED = (".xlsx", ".xlsm", ".ods")


@dataclass
class Workbook:
    """The sheets of one file: their names in order, which are hidden, and a way to read one."""

    path: Path
    label: str
    names: list[str]
    hidden: set[str] = field(default_factory=set)
    _book: object = None
    _csv: Grid | None = None

    def visible(self) -> list[str]:
        return [name for name in self.names if name not in self.hidden]

    def sheet(self, name: str) -> Grid:
        """One sheet as a grid from A1, merged ranges filled, within the row and column limits."""
        if self._csv is not None:
            return self._csv
        if name not in self.names:
            raise SheetError(
                LoaderCheck.IMPORT_UNREADABLE,
                self.label,
                _("the workbook has no sheet `{name}`; its sheets: {names}").format(
                    name=name, names=", ".join(self.names)
                ),
            )
        label = f"{self.label}:{name}"
        try:
            sheet = self._book.get_sheet_by_name(name)  # type: ignore[attr-defined]
            if sheet.total_height > MAX_SHEET_ROWS or sheet.total_width > MAX_SHEET_COLUMNS:
                _too_large(label, sheet.total_height, sheet.total_width)
            data = sheet.to_python(skip_empty_area=False, nrows=MAX_SHEET_ROWS + 1)
            merged = sheet.merged_cell_ranges or []
        except SheetError:
            raise
        except Exception as error:  # calamine's errors name no common base worth trusting
            raise _unreadable(label, error) from None
        rows: list[list[Value]] = [list(row) for row in data]
        if self.path.suffix.lower() in (".xlsx", ".xlsm"):
            for row, column in percent_cells(self.path, name):
                if row < len(rows) and column < len(rows[row]):
                    rows[row][column] = shown_percent(rows[row][column])
        return Grid(self.label, name, rows, fill_merged(rows, list(merged)))


def _too_large(label: str, rows: int, columns: int) -> None:
    raise SheetError(
        LoaderCheck.IMPORT_TOO_LARGE,
        label,
        _(
            "the sheet has {rows:,} rows and {columns:,} columns; pohon imports sheets of up to "
            "{max_rows:,} rows and {max_columns} columns (the limits): delete the rows and "
            "columns past the table"
        ).format(
            rows=rows, columns=columns, max_rows=MAX_SHEET_ROWS, max_columns=MAX_SHEET_COLUMNS
        ),
    )


def _unreadable(label: str, error: Exception) -> SheetError:
    kind = type(error).__name__
    if (
        kind == "PasswordError"
        or "password" in str(error).lower()
        or "encrypt" in str(error).lower()
    ):
        reason = _(
            "the workbook is protected with a password: save an unprotected copy and import that"
        )
    else:
        reason = _(
            "the file cannot be read as a workbook ({kind}: {detail}): open it in a "
            "spreadsheet program and save it again"
        ).format(kind=kind, detail=str(error)[:200])
    return SheetError(LoaderCheck.IMPORT_UNREADABLE, label, reason)


def open_workbook(path: Path) -> Workbook:
    """The workbook at `path`, its size and (for zips) its parts checked before it is parsed."""
    label = path.name
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise SheetError(
            LoaderCheck.IMPORT_UNREADABLE,
            label,
            _("pohon imports .xlsx, .xls, .ods and .csv files, not `{suffix}`").format(
                suffix=suffix or path.name
            ),
        )
    size = path.stat().st_size
    if size > MAX_SHEET_FILE_BYTES:
        raise SheetError(
            LoaderCheck.IMPORT_TOO_LARGE,
            label,
            _(
                "the file is {size:.1f} MB; pohon imports spreadsheets of up to {limit} MB (the "
                "limit): import one OPD's table at a time"
            ).format(size=size / 2**20, limit=MAX_SHEET_FILE_BYTES // 2**20),
        )
    if suffix == ".csv":
        grid = read_csv(path, label)
        return Workbook(path, label, [grid.sheet], _csv=grid)
    if suffix in _ZIPPED:
        check_zip(path, label)
    elif suffix == ".xls":
        check_xls(path, label)
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    try:
        book = CalamineWorkbook.from_path(str(path))
        metadata = book.sheets_metadata
    except Exception as error:
        raise _unreadable(label, error) from None
    names = [m.name for m in metadata]
    hidden = {m.name for m in metadata if m.visible != SheetVisibleEnum.Visible}
    return Workbook(path, label, names, hidden, book)
