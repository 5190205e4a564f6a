"""The IKU document and the Manual IK in a real browser (Debian's headless Chromium)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import headless  # noqa: F401  (skips this module where Chromium cannot be had)
from conftest import ROOT

SCREENSHOTS = ROOT / "build" / "screenshots"


def test_the_iku_table_shows_the_three_iku_and_marks_what_is_missing(
    mamuju_site: Path, browser: Any
) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 800})
    page.goto((mamuju_site / "dinsos_mamuju" / "laporan" / "iku.html").as_uri())
    assert page.locator("table.iku tbody tr").count() == 3
    assert page.locator("table.iku thead th").count() == 9 + 6  # 9 columns, 6 years
    missing = page.locator("table.iku .not-filled")
    assert missing.count() > 0 and missing.first.is_visible()
    assert missing.first.evaluate("e => getComputedStyle(e).color") == "rgb(164, 0, 0)"
    assert "KEPUTUSAN KEPALA DINAS SOSIAL KABUPATEN MAMUJU" in page.inner_text(".decree")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "iku.png"), full_page=True)
    page.close()


def test_the_manual_has_one_card_per_iku(mamuju_site: Path, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    page.goto((mamuju_site / "dinsos_mamuju" / "laporan" / "manual-ik.html").as_uri())
    assert page.locator("section.manual-card").count() == 3
    assert page.locator("section.manual-card table.card tr").count() == 3 * 11
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "manual-ik.png"))
    page.close()
