"""The generated site in a real browser: Debian's headless Chromium, driven by Playwright.

Skipped, with the reason, where Chromium or Playwright cannot be had; `make test`
installs Chromium with apt when it runs as root.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from click.testing import CliRunner

import headless  # noqa: F401  (skips this module where Chromium cannot be had)
from conftest import ROOT
from pohon.cli import main

SCREENSHOTS = ROOT / "build" / "screenshots"
LINKS = """Array.from(document.querySelectorAll("a")).map(a =>
    a.getAttribute("href") || a.getAttributeNS("http://www.w3.org/1999/xlink", "href"))
  .filter(href => href).map(href => new URL(href, document.baseURI).href)"""


class Visit:
    """One page load: what the console said and which requests failed or left the site."""

    def __init__(self, page: Any, root: Path) -> None:
        self.page, self.root = page, root
        self.errors: list[str] = []
        self.failed: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", lambda r: self.failed.append(r.url))
        # the site must work with no network at all: anything but file:// is refused and noted
        page.route(re.compile(r"^(?!file:).*"), self._refuse)

    def _refuse(self, route: Any) -> None:
        self.failed.append(route.request.url)
        route.abort()

    def open(self, path: Path) -> None:
        self.page.goto(path.as_uri(), wait_until="load")
        assert self.errors == [], f"{path.name}: console errors {self.errors}"
        assert self.failed == [], f"{path.name}: failed requests {self.failed}"

    def links(self) -> list[str]:
        """Every link of the page, HTML or SVG (`xlink:href` too), as an absolute URL."""
        return list(self.page.evaluate(LINKS))


def test_every_page_loads_cleanly_and_every_link_resolves_inside_the_site(
    mamuju_site: Path, browser: Any
) -> None:
    site = mamuju_site
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    visit = Visit(page, site)
    # from the front page of the output folder, through the tree's index, to every page
    pending, seen = [site / "index.html"], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        visit.open(current)
        if current == site / "dinsos_mamuju" / "index.html":
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "index.png"), full_page=True)
        for href in visit.links():
            target = _local_file(href)
            assert target.is_file(), f"{current.name} links to {href}, which does not exist"
            assert target.resolve().is_relative_to(site.resolve()), f"{href} leaves the site"
            if target.suffix in (".html", ".svg"):
                pending.append(target)
    assert {p.suffix for p in seen} == {".html", ".svg"}
    reports = {p for p in seen if p.parent.name == "laporan"}
    assert len(reports) == len(list((site / "dinsos_mamuju" / "laporan").glob("*.html"))) >= 4
    page.close()


def test_the_matrix_holds_all_76_sub_kegiatan_and_prints_on_landscape(
    mamuju_site: Path, browser: Any
) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    visit = Visit(page, mamuju_site)
    visit.open(mamuju_site / "dinsos_mamuju" / "laporan" / "matriks-cascading.html")
    assert page.locator('table.matrix td[data-level="sub_kegiatan"]').count() == 76
    assert page.locator("table.matrix tbody tr").count() == 76
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.locator("table.matrix caption").count() == 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "matriks-cascading.png"))
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    width, height = _media_box(pdf)
    assert width > height, "the print stylesheet should ask for landscape pages"
    page.close()


def test_a_perjanjian_kinerja_prints_its_naskah_and_its_lampiran_on_a4_portrait(
    mamuju_site: Path, browser: Any
) -> None:
    page = browser.new_page(viewport={"width": 900, "height": 1200})
    visit = Visit(page, mamuju_site)
    visit.open(mamuju_site / "dinsos_mamuju" / "laporan" / "perjanjian-kinerja-kadis.html")
    page.emulate_media(media="print")
    assert page.locator("header.site").is_hidden()  # the naskah has its own title
    starts = "getComputedStyle(document.querySelector('section.lampiran')).breakBefore"
    assert page.evaluate(starts) == "page"
    pdf = page.pdf(prefer_css_page_size=True)
    width, height = _media_box(pdf)
    assert (round(width), round(height)) == (595, 842), "A4 portrait, 210 × 297 mm"
    # one page of naskah, one of lampiran: the Kepala Dinas's seven programs fit on it
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 2
    page.emulate_media(media="screen")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "perjanjian-kinerja.png"), full_page=True)
    page.close()


def _local_file(href: str) -> Path:
    parts = urlsplit(href)
    assert parts.scheme == "file", f"a link leaves the site: {href}"
    return Path(unquote(parts.path))


def _media_box(pdf: bytes) -> tuple[float, float]:
    found = re.search(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert found, "no page size in the PDF"
    return float(found[1]), float(found[2])


def test_tc27_lays_out_its_twenty_columns_under_their_numbers(tmp_path: Path, browser: Any) -> None:
    fixture = ROOT / "tests" / "fixtures" / "renstra" / "rencana_program.yaml"
    result = CliRunner().invoke(main, ["render", str(fixture), "--out", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    page = browser.new_page(viewport={"width": 1700, "height": 900})
    visit = Visit(page, tmp_path)
    visit.open(tmp_path / "rencana_program" / "laporan" / "renstra-tc27.html")
    numbers = page.locator("table.funding tr.numbers th")
    assert numbers.all_inner_texts() == [f"({n})" for n in range(1, 21)]
    # the last body row (a kegiatan) has its cells exactly under columns (3)…(20)
    lefts = [box["x"] for box in (n.bounding_box() for n in numbers.all())]
    row = page.locator("table.funding tbody tr").last.locator("td")
    cells = [box["x"] for box in (c.bounding_box() for c in row.all())]
    assert [round(x) for x in cells] == [round(x) for x in lefts[2:]]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "renstra-tc27.png"), full_page=True)
    page.close()
