"""The diagram SVGs in a real browser: clicking a program box opens its page, and back again.

Skipped, with the reason, where Debian's Chromium or Playwright cannot be had.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import headless  # noqa: F401  (skips this module where Chromium cannot be had)
from conftest import ROOT
from pohon.cli import main

SMALL = ROOT / "tests" / "fixtures" / "diagrams" / "small.yaml"


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("drawn")
    result = CliRunner().invoke(main, ["render", str(SMALL), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out / "small" / "diagram"


@pytest.fixture(scope="module")
def page(browser: Any) -> Iterator[Any]:
    page = browser.new_page()
    yield page
    page.close()


@pytest.mark.parametrize("view", ["cascading", "pohon"])
def test_a_program_box_opens_its_page_and_the_page_leads_back(
    drawn: Path, page: Any, view: str
) -> None:
    page.goto((drawn / f"{view}.svg").as_uri())
    box = page.locator(f'[id="{view}:node:prog-rehab"]')
    with page.expect_navigation(timeout=5000):
        box.click()
    assert page.url == (drawn / view / "prog-rehab.svg").as_uri()
    assert page.get_by_text("PROGRAM REHABILITASI SOSIAL").count() >= 1
    with page.expect_navigation(timeout=5000):
        page.get_by_text("<< kembali ke gambaran umum").click()
    assert page.url == (drawn / f"{view}.svg").as_uri()
