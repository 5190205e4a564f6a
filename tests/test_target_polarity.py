"""target-against-polarity on the figures it may meet: any kind of number, text, odd keys."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pohon.check.rules.target_against_polarity import _number, _points, _runs_against
from pohon.core.vocabulary import Polarity
from pohon.tree.model import Indicator


def _indicator(baseline: Any, targets: dict[Any, Any], polarity: str = "naik") -> Indicator:
    indicator = Indicator(nama="Persentase A", polaritas=polarity)
    # Set after validation, as the figures would arrive from any reading of them.
    indicator.baseline, indicator.targets = baseline, targets
    return indicator


def test_decimals_ints_and_floats_compare_alike() -> None:
    points = _points(
        _indicator(Decimal("12"), {2024: 14, 2025: Decimal("16.5"), 2026: 16.0}, "turun")
    )
    assert _runs_against(points, Polarity.TURUN) == [
        [(None, Decimal("12")), (2024, 14), (2025, Decimal("16.5"))]
    ]


def test_text_figures_and_keys_that_are_no_year_are_left_out() -> None:
    indicator = _indicator("tidak ada", {2024: 90, 2025: "WTP", "akhir": 10, 2026: 95})
    assert _points(indicator) == [(2024, 90), (2026, 95)]
    assert _runs_against(_points(indicator), Polarity.NAIK) == []


def test_level_targets_are_no_decline_either_way() -> None:
    points = _points(_indicator(100, {2024: 100, 2025: 100, 2026: 100}))
    assert _runs_against(points, Polarity.NAIK) == _runs_against(points, Polarity.TURUN) == []


def test_separate_runs_stay_separate() -> None:
    points = _points(_indicator(None, {2022: 95, 2023: 90, 2024: 92, 2025: 80}))
    assert _runs_against(points, Polarity.NAIK) == [
        [(2022, 95), (2023, 90)],
        [(2024, 92), (2025, 80)],
    ]


def test_what_cannot_be_ordered_is_no_number() -> None:
    assert [_number(v) for v in (True, Decimal("NaN"), Decimal("sNaN"), float("inf"), "5")] == [
        None
    ] * 5
    assert _number(Decimal("1.5")) == Decimal("1.5") and _number(7) == 7


def test_a_figure_object_is_read_by_its_value() -> None:
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class WithUnit:
        value: Decimal
        unit: str | None

    points = _points(
        _indicator(WithUnit(Decimal("95"), "%"), {2024: WithUnit(Decimal("90"), None)})
    )
    assert points == [(None, Decimal("95")), (2024, Decimal("90"))]
    assert _number(WithUnit("WTP", None)) is None  # type: ignore[arg-type]
