"""Figures as a reader of each language writes them, and achievement (capaian) as the rules define it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from pohon.core.vocabulary import AchievementFormula, Polarity
from pohon.tree.figure_reading import Number
from pohon.tree.model import Figure, Indicator

_SEPARATORS = {"id": (".", ","), "en": (",", ".")}  # (thousands, decimal)
_PRECISION = 80  # significant digits of capaian before rounding: figures have at most 30
CENT = Decimal("0.01")


class Shown(str):
    """A number as a report prints it (`Rp 1.234`, `19,21`, `105,63 %`), carrying the number.

    A `str`, so templates print it and tables compare it as the text it is; the workbook
    (render/workbook/) writes `number` as a number instead, shown with `decimals` places
    between `prefix` and `suffix`, so a spreadsheet reckons with what the HTML shows.
    """

    number: Decimal
    decimals: int
    prefix: str
    suffix: str

    def __new__(
        cls, text: str, number: Decimal, decimals: int, prefix: str = "", suffix: str = ""
    ) -> Shown:
        made = super().__new__(cls, text)
        made.number, made.decimals, made.prefix, made.suffix = number, decimals, prefix, suffix
        return made

    def __reduce__(self) -> tuple[type[Shown], tuple[str, Decimal, int, str, str]]:
        """Pickled whole (a worker process sends reports back): text and number."""
        return (Shown, (str(self), self.number, self.decimals, self.prefix, self.suffix))


def _places(number: Decimal) -> int:
    return max(0, -int(number.as_tuple().exponent))


def format_number(value: Decimal | int, lang: str, *, decimals: int | None = None) -> str:
    """`1234.5` as `1.234,5` (id) or `1,234.5` (en); decimals as written unless `decimals` is given.

    Rounding to `decimals` is half up (0,125 → 0,13), as a planner's calculator rounds.
    """
    thousands, decimal = _SEPARATORS[lang]
    if isinstance(value, float):
        raise TypeError("figures are Decimals: a binary float would print its binary digits")
    number = Decimal(value)
    if decimals is None:
        decimals = _places(number)
    with localcontext(prec=_PRECISION):
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{number:,f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def format_figure(value: Figure | None, lang: str, empty: str) -> str:
    """A target, realisation or baseline: numbers in the language's style, text as written."""
    if value is None:
        return empty
    if isinstance(value, str):
        return value
    number = value.value
    return Shown(format_number(number, lang), number, _places(number))


def format_budget(amount: Decimal, lang: str, prefix: str) -> str:
    decimals = 0 if amount == amount.to_integral_value() else 2
    text = f"{prefix} {format_number(amount, lang, decimals=decimals)}"
    return Shown(text, amount, decimals, prefix=f"{prefix} ")


@dataclass(frozen=True)
class Achievement:
    """Capaian in percent (exact, not yet rounded), or None with the reason it has none."""

    percent: Decimal | None
    reason: str | None = None


def formula_of(indicator: Indicator, lower_is_better: AchievementFormula) -> AchievementFormula:
    """The indicator's own `rumus_capaian`, else the ratio, or for `turun` the project's choice."""
    if indicator.formula is not None:
        return indicator.formula
    return lower_is_better if indicator.polarity is Polarity.TURUN else AchievementFormula.RASIO


def achievement(
    target: Figure | None, realisation: Figure | None, formula: AchievementFormula
) -> Achievement | None:
    """Capaian by `formula`; None when nothing is realised. Text figures compare by equality."""
    if realisation is None:
        return None
    if target is None:
        return Achievement(None, "no_target")
    if isinstance(target, str) and isinstance(realisation, str):
        same = " ".join(target.lower().split()) == " ".join(realisation.lower().split())
        return Achievement(None, "as_targeted" if same else "not_as_targeted")
    if not (isinstance(target, Number) and isinstance(realisation, Number)):
        return Achievement(None, "not_computable")
    aimed, reached = target.value, realisation.value
    with localcontext(prec=_PRECISION):  # exact for any two figures pohon reads
        numerator, denominator = {
            AchievementFormula.RASIO: (reached, aimed),
            AchievementFormula.KEBALIKAN: (aimed, reached),
            AchievementFormula.SELISIH: (2 * aimed - reached, aimed),
        }[formula]
        if denominator == 0:
            return Achievement(None, "not_computable")
        return Achievement(numerator * 100 / denominator)


def format_percent(percent: Decimal, lang: str) -> str:
    """Capaian rounded half up to two decimals: `105,63 %`."""
    text = f"{format_number(percent, lang, decimals=2)} %"
    with localcontext(prec=_PRECISION):
        rounded = percent.quantize(CENT, rounding=ROUND_HALF_UP)
    return Shown(text, rounded, 2, suffix=" %")
