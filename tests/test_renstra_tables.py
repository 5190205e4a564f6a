"""The Renstra tables T-C.25 and T-C.27, golden for a tree with figures and pagu at every level."""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser

import pytest

from conftest import ROOT, assert_golden
from pohon.check.validate_trees import check_path
from pohon.render.reports.renstra_funding import build_funding
from pohon.render.reports.renstra_goals import build_goals
from pohon.render.reports.wording import Labels
from pohon.source.settings_file import Config
from pohon.tree.budget import opd_pagu
from pohon.tree.model import Tree
from test_reports_render import render

RENCANA = ROOT / "tests" / "fixtures" / "renstra" / "rencana_program.yaml"
GOLDEN = ROOT / "tests" / "golden" / "reports" / "rencana_program"
REPORTS = ("matriks-cascading", "daftar-indikator", "renstra-tc25", "renstra-tc27")


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="module")
def tree() -> Tree:
    loaded = check_path(RENCANA, Config()).load.tree
    assert loaded is not None
    return loaded


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_tables_are_golden(lang: str) -> None:
    files = render(RENCANA, lang=lang)
    for name in REPORTS:
        for ext in ("html", "md") if lang == "id" else ("md",):
            path = f"laporan/{name}.{ext}"
            assert_golden(files[f"rencana_program/{path}"].decode(), GOLDEN / lang / path)
    summary = files["rencana_program/laporan/ringkasan-validasi.md"].decode()
    said = {
        "id": "Rp 1.250.000.000, tetapi jumlah pagu di bawahnya Rp 1.150.000.000",
        "en": "Rp 1.250.000.000 but its children's add up to Rp 1.150.000.000",
    }
    assert said[lang] in summary


def test_tc27_has_its_twenty_columns_and_the_totals_add_up(tree: Tree) -> None:
    funding = build_funding(tree, Labels("id"))
    assert funding.numbers == tuple(f"({n})" for n in range(1, 21))
    # a stated pagu is what the program costs; a program without one costs its kegiatan's
    assert funding.rows[0].years[0].budget.text == "Rp 1.250.000.000"
    assert funding.rows[0].years[1].budget.text == "Rp 1.220.000.000"
    assert funding.totals[0] == "Rp 1.550.000.000" and opd_pagu(tree, 2025) == Decimal(
        1_550_000_000
    )
    assert funding.total_end == "Rp 8.150.000.000"
    units = [row.unit.text for row in funding.rows if row.unit.rowspan]
    assert units[0] == "Bidang Rehabilitasi Sosial"  # from the program's `jabatan`, inherited
    places = [row.location.text for row in funding.rows]
    assert places[:3] == ["Kabupaten Contoh", "5 kecamatan", "5 kecamatan"]  # meta, own, inherited
    assert [row.goal.rowspan for row in funding.rows] == [7, 0, 0, 0, 0, 0, 0]
    assert [row.objective.rowspan for row in funding.rows] == [5, 0, 0, 0, 0, 2, 0]


def test_tc25_lists_every_tujuan_and_sasaran_indicator_with_start_and_end(tree: Tree) -> None:
    goals = build_goals(tree, Labels("id"))
    assert [(row.goal.rowspan, row.objective.text, row.start, row.end) for row in goals.rows] == [
        (3, "", "0,61", "0,71"),
        (0, "Meningkatnya keberfungsian sosial PPKS", "62", "77"),  # the `akhir` target
        (0, "Meningkatnya perlindungan sosial bagi keluarga miskin", "70", "84"),
    ]


class _Rows(HTMLParser):
    """The number of columns each body row of the first table fills, rowspans carried down."""

    def __init__(self) -> None:
        super().__init__()
        self.widths: list[int] = []
        self.carried: list[int] = []
        self.body = self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if tag in ("tbody", "tfoot"):
            self.body = True
        elif tag == "tr" and self.body:
            self.widths.append(len([rows for rows in self.carried if rows > 0]))
            self.carried = [rows - 1 for rows in self.carried if rows > 1]
        elif tag in ("td", "th") and self.body:
            span = int(dict(attrs).get("rowspan") or 1)
            self.widths[-1] += int(dict(attrs).get("colspan") or 1)
            self.carried += [span - 1] if span > 1 else []

    def handle_endtag(self, tag: str) -> None:
        self.done = self.done or tag == "table"


def test_every_tc27_row_fills_the_twenty_columns() -> None:
    html = render(RENCANA)["rencana_program/laporan/renstra-tc27.html"].decode()
    rows = _Rows()
    rows.feed(html)
    assert rows.widths == [20] * 8  # seven rows and the totals
    assert html.count('<th scope="col">(') == 20
