"""Figures as a reader of each language writes them, and achievement (capaian) as the rules define it."""

from __future__ import annotations

from dataclasses import dataclass

from pohon.tree.model import Polarity

_SEPARATORS = {"id": (".", ","), "en": (",", ".")}  # (thousands, decimal)


def format_number(value: float | int, lang: str, *, decimals: int | None = None) -> str:
    """`1234.5` as `1.234,5` (id) or `1,234.5` (en); decimals as written unless `decimals` is given."""
    thousands, decimal = _SEPARATORS[lang]
    if decimals is None:
        decimals = _written_decimals(value)
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def _written_decimals(value: float | int) -> int:
    if isinstance(value, int) or float(value).is_integer():
        return 0
    # repr gives the shortest text that reads back as the same float: its decimals are the data's.
    text = repr(float(value))
    if "e" in text:
        return 6
    return len(text.split(".")[1])


def format_figure(value: float | int | str | None, lang: str, empty: str) -> str:
    """A target, realisation or baseline: numbers in the language's style, text as written."""
    if value is None:
        return empty
    if isinstance(value, str):
        return value
    return format_number(value, lang)


def format_budget(amount: float, lang: str, prefix: str) -> str:
    return f"{prefix} {format_number(amount, lang, decimals=0 if amount.is_integer() else 2)}"


@dataclass(frozen=True)
class Achievement:
    """Capaian in percent, or None with the reason it cannot be computed."""

    percent: float | None
    reason: str | None = None


def achievement(
    target: float | int | str | None, realisation: float | int | str | None, polarity: Polarity
) -> Achievement | None:
    """Realisation ÷ target × 100 (target ÷ realisation for `turun`); None when nothing is realised."""
    if realisation is None:
        return None
    if target is None:
        return Achievement(None, "no_target")
    if isinstance(target, str) or isinstance(realisation, str):
        return Achievement(None, "not_computable")
    numerator, denominator = (
        (target, realisation) if polarity is Polarity.TURUN else (realisation, target)
    )
    if denominator == 0:
        return Achievement(None, "not_computable")
    return Achievement(numerator / denominator * 100)
