"""Cells as offices fill them, made the figures, rupiah and texts of a tree (exact, never floats).

calamine gives a number cell as a float: a float with no fraction is the whole number it shows;
a figure with a fraction is read from its shortest spelling (`19.21`), which is what was typed;
where rupiah belong a fraction, or a float too large to be exact, is refused at the cell.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

from pohon.core.errors import CellProblem
from pohon.core.messages import _
from pohon.source.spreadsheet.rows import Field
from pohon.tree.figure_reading import Number, read_figure, read_rupiah

EXACT_FLOAT = 2**53
"""Past this a spreadsheet number (a binary float) no longer holds every whole number."""


def _refuse_odd(value: object) -> None:
    if isinstance(value, dt.date | dt.datetime | dt.time | dt.timedelta):
        raise CellProblem(
            _(
                "this cell holds a date or time ({value}) where a number belongs: format the cell "
                "as a number and type the figure again"
            ).format(value=value)
        )
    if isinstance(value, bool):
        raise CellProblem(_("this cell holds TRUE or FALSE where a number belongs"))
    if isinstance(value, str) and value.strip().startswith("#") and value.strip()[-1:] in "!?A":
        raise CellProblem(
            _(
                "this cell holds the formula error `{value}`: fix the formula, or type the figure"
            ).format(value=value.strip())
        )


def _float_number(value: float) -> Decimal:
    if not math.isfinite(value):
        raise CellProblem(_("this cell holds no number (`{value}`)").format(value=value))
    if value.is_integer() and abs(value) < EXACT_FLOAT:
        return Decimal(int(value))
    return Decimal(repr(value))


def cell_text(field: Field | None) -> str:
    """A text cell (a name, a statement, a code): a whole float shown without its `.0`."""
    if field is None or field.value is None:
        return ""
    value = field.value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date | dt.datetime):
        raise CellProblem(
            _(
                "this cell holds a date ({value}) where a text belongs: format the cell as text"
            ).format(value=value)
        )
    return value.strip() if isinstance(value, str) else str(value)


def figure(value: object) -> Number | str | None:
    """A target, realisation or baseline; None for an empty cell (no target: not zero)."""
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if text[0] == "#":
            _refuse_odd(text)
        try:
            return read_figure(text)
        except ValueError as error:
            raise CellProblem(str(error)) from None
    if value is None:
        return None
    if isinstance(value, float):
        return Number(_float_number(value))
    _refuse_odd(value)
    if isinstance(value, int):
        return Number(Decimal(value))
    raise CellProblem(_("this cell holds no figure (`{value}`)").format(value=value))


def rupiah(value: object) -> Decimal | None:
    """A pagu: whole rupiah (sen where written as text); None for an empty cell."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    _refuse_odd(value)
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer() or abs(value) >= EXACT_FLOAT:
            raise CellProblem(
                _(
                    "`{value}` is not a whole number of rupiah a spreadsheet number holds exactly: "
                    "round the pagu to whole rupiah, or type it as text (`1.500.000,50`)"
                ).format(value=repr(value))
            )
        amount = Decimal(int(value))
    elif isinstance(value, int):
        amount = Decimal(value)
    else:
        try:
            amount = read_rupiah(str(value))
        except ValueError as error:
            raise CellProblem(str(error)) from None
    if amount < 0:
        raise CellProblem(_("the pagu is negative: a budget is zero rupiah or more"))
    return amount


def lines(value: object) -> list[object]:
    """A cell that holds several entries, one a line (several indicators in one cell)."""
    if not isinstance(value, str):
        return [] if value in ("", None) else [value]
    return [line.strip() for line in value.replace("\r", "\n").split("\n") if line.strip()]
