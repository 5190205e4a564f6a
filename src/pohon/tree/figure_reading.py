"""Figures and rupiah as Indonesian offices write them: `1.250.000`, `19,21%`, `Rp 11.080.481.999,00`.

One rule for every figure (docs/format.md, "Figures and money"): a comma is the decimal
mark and a dot groups thousands, so `1.000` is a thousand and `19,21` is 19.21. A dot
that cannot be a thousands group (`62.5`, `0.65`, `1234.5`) is read as a decimal point,
as the figures of older files are written. What fits neither reading (`11,102,261,200`,
`1,000.5`, `1.2.3`) is refused with the figure and how to write it, never guessed.
Values are exact `Decimal`s: no binary floats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pohon.core.messages import N_, _

MAX_DIGITS = 30
"""Digits a figure may have: far past any budget, and within exact decimal arithmetic."""

MAX_SEN_DIGITS = 2  # rupiah have at most two decimals (sen)

_SPECIAL = frozenset({"nan", "inf", "infinity"})
_MINUS = "-\u2212"  # the hyphen-minus and the minus sign
# A unit after a figure: `%`, or words starting with a letter (`Dokumen`, `orang/tahun`,
# `kali per tahun`); no digits, so `80 s.d. 85` or `1e3` stays the text it is.
_UNIT = r"%|[^\W\d_]+(?:[ ./][^\W\d_]+)*\.?"
_FIGURE = re.compile(
    rf"(?P<rp>(?:Rp|IDR)\.?\s*)?(?P<sign>[-+\u2212])?\s*(?P<core>[0-9](?:[0-9.,]*[0-9])?)"
    rf"(?P<nosen>,-)?\s*(?P<unit>{_UNIT})?",
    re.IGNORECASE,
)
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+")
EMPTY = N_("nothing is written here: write the figure, or leave the year out")
_RULE = N_(
    "a dot groups thousands, as in `1.250.000`, and a comma is the decimal mark, as in `19,21`"
)


@dataclass(frozen=True, slots=True)
class Number:
    """A figure read as a number: its exact value, and the unit written beside it, if any."""

    value: Decimal
    unit: str | None = None


def read_figure(value: Any) -> Number | str:
    """A target, realisation or baseline: a Number where the text is one, else the text.

    Text that is no figure (`WTP`, `BB`, `80-85`) stays as written; text that is shaped
    like a figure but has no single reading raises ValueError, whose message says what
    to write instead (pydantic makes it a finding at the figure).
    """
    if isinstance(value, Number):
        return value
    if value is None:
        raise ValueError(_(EMPTY))
    if not isinstance(value, str):
        return Number(_from_python(value))
    text = value.strip()
    if text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS:
        return Number(Decimal(text))  # the common case, `80`: no pattern to match
    if not text:
        raise ValueError(_(EMPTY))
    _refuse_special(text)
    found = _FIGURE.fullmatch(text)
    if found is None or (found["rp"] and found["unit"]):
        return value
    number = _core(found["core"], text, found["nosen"] is not None)
    if found["sign"] and found["sign"] in _MINUS:
        number = -number
    unit = "Rp" if found["rp"] else found["unit"]
    return Number(number, unit.strip() if unit else None)


def read_rupiah(value: Any) -> Decimal:
    """A budget: rupiah as a whole number, with sen where given; never negative."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError(_(EMPTY))
    amount = _rupiah_text(value.strip()) if isinstance(value, str) else _from_python(value)
    if amount < 0:
        raise ValueError(
            _("`{value}` is negative: a budget is zero rupiah or more").format(value=value)
        )
    return amount


def _rupiah_text(text: str) -> Decimal:
    _refuse_special(text)
    found = _FIGURE.fullmatch(text)
    unit = (found["unit"] or "").lower().rstrip(".") if found else ""
    if found is None or unit not in ("", "rp", "rupiah", "idr"):
        raise ValueError(
            _(
                "`{value}` is not an amount pohon can read: write the whole number of rupiah, "
                "e.g. `1.500.000.000` or `Rp 1.500.000.000` (pagu is always in rupiah)"
            ).format(value=text)
        )
    amount = _core(found["core"], text, found["nosen"] is not None)
    if found["sign"] and found["sign"] in _MINUS:
        amount = -amount
    places = -int(amount.as_tuple().exponent)
    if places > MAX_SEN_DIGITS:
        raise ValueError(_too_many_decimals(text, found["core"]))
    return amount


def _too_many_decimals(text: str, core: str) -> str:
    whole, _comma, decimals = core.partition(",")
    if re.fullmatch("[1-9][0-9]{0,2}", whole) and len(decimals) == 3:  # `1,000`, English-style
        return _(
            "`{value}` would be {whole} rupiah with three decimals, since {rule}; rupiah "
            "have at most two (sen): for {thousands} rupiah write `{spelled}`"
        ).format(
            value=text,
            whole=whole,
            rule=_(_RULE),
            thousands=whole + decimals,
            spelled=f"{whole}.{decimals}",
        )
    return _(
        "`{value}` has more than two decimals: rupiah have at most two (sen), e.g. `1.500,50`"
    ).format(value=text)


def _from_python(value: object) -> Decimal:
    """A number given as a Python value (not from YAML, which hands over text only).

    A float is refused: its binary value is not the decimal anyone wrote.
    """
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ValueError(
            _("`{value}` is not a number pohon keeps exactly: give it as text").format(value=value)
        )
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(
            _("`{value}` is not a number: write the figure itself").format(value=value)
        )
    return number


def _refuse_special(text: str) -> None:
    if text.lower().lstrip("+" + _MINUS).rstrip(" %") in _SPECIAL:
        raise ValueError(_("`{value}` is not a number: write the figure itself").format(value=text))


def _core(core: str, text: str, no_sen: bool) -> Decimal:
    """The digits, dots and commas of one figure as its exact value, or ValueError."""
    if len(core) - core.count(".") - core.count(",") > MAX_DIGITS:
        raise ValueError(
            _("`{value}` has more than {limit} digits: no figure needs that many").format(
                value=text, limit=MAX_DIGITS
            )
        )
    if no_sen and "," in core:  # `1.000,-` means no sen; `1,5,-` is no figure
        raise ValueError(_unreadable(text))
    whole, comma, decimals = core.partition(",")
    if comma and ("," in decimals or "." in decimals):
        raise ValueError(_english(text, core))
    if comma:
        if not (whole.isdigit() or _GROUPED.fullmatch(whole)):
            raise ValueError(_unreadable(text))
        if decimals == "000" and re.fullmatch("[1-9][0-9]{0,2}", whole):
            raise ValueError(_thousand_comma(text, whole))
        return Decimal(f"{whole.replace('.', '')}.{decimals}")
    if _GROUPED.fullmatch(core):
        return Decimal(core.replace(".", ""))
    if core.count(".") > 1:
        raise ValueError(_unreadable(text))
    return Decimal(core)


def _thousand_comma(text: str, whole: str) -> str:
    """`1,000`: no one writes three zero decimals; English writes a thousand so."""
    return _(
        "`{value}` is ambiguous: with a comma as the decimal mark it is {whole}, yet English "
        "writes {whole} thousand so: write `{whole}` for {whole}, or `{whole}.000` for "
        "{whole} thousand ({rule})"
    ).format(value=text, whole=whole, rule=_(_RULE))


def _english(text: str, core: str) -> str:
    """The message for a figure grouped the English way: `11,102,261,200` or `1,000.5`."""
    whole, dot, decimals = core.partition(".")
    groups = whole.split(",")
    grouped = len(groups) > 1 and all(g.isdigit() and len(g) == 3 for g in groups[1:])
    if grouped and 1 <= len(groups[0]) <= 3 and (not dot or decimals.isdigit()):
        spelled = ".".join(groups) + (f",{decimals}" if dot else "")
        return _(
            "`{value}` groups thousands with commas, as English does; pohon reads figures the "
            "Indonesian way, where {rule}: write `{spelled}`"
        ).format(value=text, rule=_(_RULE), spelled=spelled)
    return _unreadable(text)


def _unreadable(text: str) -> str:
    return _(
        "`{value}` is shaped like a figure but has no single reading; pohon reads figures "
        "the Indonesian way, where {rule}"
    ).format(value=text, rule=_(_RULE))


def same_unit(written: str, unit: str | None) -> bool:
    """Whether the unit written beside a figure is the indicator's `satuan` (case and synonyms aside)."""
    return unit is not None and _unit_name(written) == _unit_name(unit)


_SYNONYMS = {"persen": "%", "percent": "%", "rupiah": "rp", "idr": "rp"}


def _unit_name(unit: str) -> str:
    name = " ".join(unit.lower().split()).rstrip(".")
    return _SYNONYMS.get(name, name)


RUPIAH_PATTERN = (
    r"^\s*((Rp|IDR)\.?\s*)?[0-9][0-9.,]*(,-)?(\s*(rupiah|Rp))?\s*$"  # for editors: a loose check
)
