"""Diagram PDFs: A4 or F4 sheets read back from the files, the title block, readable text, links."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import MAMUJU, ROOT, diagram_files
from pohon.check.validate_trees import check_path
from pohon.cli import main
from pohon.render.diagrams.paper import MIN_TEXT_PT, SIZES
from pohon.render.diagrams.pdf import Sheet, page_pdf
from pohon.render.diagrams.svg_paint import paint
from pohon.render.options import RenderOptions
from pohon.source.settings_file import Config
from pohon.tree.model import Tree

SMALL = ROOT / "tests" / "fixtures" / "diagrams" / "small.yaml"
PROGRAM_MATRIX = ROOT / "tests" / "fixtures" / "renstra" / "program_matrix.yaml"
A4 = (595.28, 841.89)  # points, portrait
F4 = (609.45, 935.43)  # 215 x 330 mm
SHEET = Sheet("a4", "DINAS SOSIAL — Cascading Kinerja — PROGRAM X", "Kab. Contoh · Periode", "1/1")


def media_box(pdf: bytes) -> tuple[float, float]:
    found = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert len(found) == 1, "one page per file"
    return float(found[0][0]), float(found[0][1])


def content(pdf: bytes) -> str:
    """The page's drawing operators, uncompressed."""
    stream = re.search(rb"/FlateDecode >>\nstream\n(.*)\nendstream", pdf, re.S)
    assert stream is not None
    return zlib.decompress(stream.group(1)).decode("ascii")


def on_paper(size: tuple[float, float], paper: tuple[float, float]) -> str | None:
    """ "portrait" or "landscape" when the size is the paper's within 1 pt; else None."""
    width, height = size
    if abs(width - paper[0]) <= 1 and abs(height - paper[1]) <= 1:
        return "portrait"
    if abs(width - paper[1]) <= 1 and abs(height - paper[0]) <= 1:
        return "landscape"
    return None


def smallest_text_on_paper(pdf: bytes) -> float:
    """The drawing's smallest font size times the scale it is drawn at (its first `cm`)."""
    lines = content(pdf).splitlines()
    scale = float(lines[0].split()[1])
    end = len(lines) - 1 - lines[::-1].index("Q")  # the title block follows the drawing's `Q`
    drawing = lines[1:end]
    sizes = [float(s) for line in drawing for s in re.findall(r"/F\d+ ([\d.]+) Tf", line)]
    return min(sizes) * scale


def svg(width: float, height: float, text_pt: float = 9) -> bytes:
    return (
        f'<svg width="{width}pt" height="{height}pt" viewBox="0 0 {width} {height}" '
        'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        f'<g transform="translate(4 {height - 4})">'
        '<polygon fill="#fff4cf" stroke="#a68a1e" points="0,0 100,0 100,-40 0,-40 0,0"/>'
        '<a xlink:href="cascading/prog-a.svg" xlink:title="x">'
        f'<text text-anchor="start" x="10" y="-20" font-family="Arial" font-size="{text_pt}">'
        "Meningkatnya (PSKS) ≥ 80%</text></a></g></svg>"
    ).encode()


@pytest.mark.parametrize(
    ("width", "height", "paper", "expected"),
    [
        (1600, 500, "a4", "landscape"),
        (500, 1600, "a4", "portrait"),
        (300, 200, "a4", "landscape"),  # at full size either way: the drawing's shape decides
        (200, 300, "f4", "portrait"),
        (1600, 500, "f4", "landscape"),
    ],
)
def test_a_pdf_is_one_sheet_of_its_paper_in_the_orientation_that_fits(
    width: float, height: float, paper: str, expected: str
) -> None:
    pdf = page_pdf(svg(width, height), Sheet(paper, "T", "D", "1/1"))  # type: ignore[arg-type]
    assert on_paper(media_box(pdf), A4 if paper == "a4" else F4) == expected
    assert SIZES[paper][0] == pytest.approx((A4 if paper == "a4" else F4)[0], abs=0.01)


def test_the_drawing_is_scaled_into_the_margins_and_never_enlarged() -> None:
    small = content(page_pdf(svg(300, 200), SHEET)).splitlines()[0]
    assert small.startswith("q 1 0 0 -1 "), "a small drawing keeps its size"
    big = content(page_pdf(svg(1600, 500), SHEET)).splitlines()[0]
    scale = float(big.split()[1])
    assert scale == pytest.approx((A4[1] - 2 * 28.35) / 1600, abs=0.001), "10 mm margins"


def test_the_title_block_names_the_tree_the_diagram_the_page_and_the_period() -> None:
    sheet = Sheet("a4", "DINAS SOSIAL — Pohon Kinerja", "Kabupaten Contoh · Periode 2025–2029", "halaman 2 dari 7")  # fmt: skip
    ops = content(page_pdf(svg(300, 200), sheet))
    assert "(DINAS SOSIAL \\227 Pohon Kinerja) Tj" in ops  # WinAnsi 0x97 is the em dash
    assert "(halaman 2 dari 7) Tj" in ops
    assert "(Kabupaten Contoh \\267 Periode 2025\\2262029) Tj" in ops


def test_text_is_set_in_the_standard_fonts_and_a_sign_beyond_them_in_symbol() -> None:
    pdf = page_pdf(svg(300, 200), SHEET)
    assert b"/BaseFont /Helvetica /Encoding /WinAnsiEncoding" in pdf
    assert b"/FontFile" not in pdf, "nothing embedded: every reader has these fonts"
    ops = content(pdf)
    assert "/F1 9 Tf (Meningkatnya \\(PSKS\\) ) Tj /F5 9 Tf (\\263) Tj /F1 9 Tf ( 80%) Tj" in ops


def test_a_box_that_links_to_another_page_links_to_its_pdf() -> None:
    pdf = page_pdf(svg(300, 200), SHEET)
    assert b"/S /GoToR /F (cascading/prog-a.pdf) /D [0 /Fit]" in pdf
    drawing = paint(svg(300, 200))
    assert drawing.links[0].href == "cascading/prog-a.svg"
    left, top, right, bottom = drawing.links[0].box
    assert left == pytest.approx(14) and right > left and bottom > top


def test_a_path_of_relative_commands_is_drawn_where_graphviz_means_it() -> None:
    drawing = paint(
        b'<svg width="100pt" height="100pt" xmlns="http://www.w3.org/2000/svg">'
        b'<path fill="none" stroke="black" d="M10,10 c5,0 5,5 10,5 l0,10 Z"/></svg>'
    )
    assert "10 10 m 15 10 15 15 20 15 c 20 25 l h" in " ".join(drawing.ops)


@pytest.fixture(scope="module")
def mamuju_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("mamuju-pdf")
    result = CliRunner().invoke(main, ["render", str(MAMUJU), "--out", str(out), "--format", "pdf", "-q"])  # fmt: skip
    assert result.exit_code == 0, result.output
    return out / "dinsos_mamuju"


def test_every_mamuju_pdf_is_an_a4_sheet_whose_text_stays_readable(mamuju_pdfs: Path) -> None:
    pdfs = sorted(mamuju_pdfs.rglob("*.pdf"))
    assert len(pdfs) > 16, "pages too big for paper were split, not shrunk"
    for path in pdfs:
        data = path.read_bytes()
        assert on_paper(media_box(data), A4), path
        assert smallest_text_on_paper(data) >= MIN_TEXT_PT - 0.01, path


def test_every_link_of_a_printed_page_leads_to_a_pdf_that_was_written(mamuju_pdfs: Path) -> None:
    links = 0
    for path in mamuju_pdfs.rglob("*.pdf"):
        for target in re.findall(rb"/GoToR /F \(([^)]*)\)", path.read_bytes()):
            assert (path.parent / target.decode()).resolve().is_file(), (path, target)
            links += 1
    assert links > 50


def test_a_page_in_parts_links_each_part_to_the_next(mamuju_pdfs: Path) -> None:
    folder = mamuju_pdfs / "diagram" / "cascading" / "prog-rehabilitasi-sosial"
    first = (folder / "keg-rehsos-ppks-lainnya.pdf").read_bytes()
    assert b"/GoToR /F (keg-rehsos-ppks-lainnya~2.pdf)" in first
    second = content((folder / "keg-rehsos-ppks-lainnya~2.pdf").read_bytes())
    assert "(bagian 2 dari " in second
    assert "(SUB KEG 1 : " not in second, "a part keeps the chart's numbers"


@pytest.fixture(scope="module")
def small() -> Tree:
    tree = check_path(SMALL, Config()).load.tree
    assert tree is not None
    return tree


def test_pdf_leaves_the_screen_formats_as_they_are(small: Tree) -> None:
    alone = diagram_files(small, RenderOptions(formats=("svg", "dot")))
    beside = diagram_files(small, RenderOptions(formats=("svg", "dot", "pdf")))
    assert {n: d for n, d in beside.items() if not n.endswith(".pdf")} == alone


def test_the_paper_is_a_setting_and_an_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("pohon.toml").write_text('[render]\npaper = "f4"\n', encoding="utf-8")
    runner = CliRunner()
    for args, paper in (([], F4), (["--paper", "a4"], A4)):
        out = tmp_path / "out"
        result = runner.invoke(main, ["render", str(PROGRAM_MATRIX), "--out", str(out), "--format", "pdf", "-q", *args])  # fmt: skip
        assert result.exit_code == 0, result.output
        pdfs = sorted(out.rglob("*.pdf"))
        assert pdfs
        assert all(on_paper(media_box(p.read_bytes()), paper) for p in pdfs)


def test_an_unknown_paper_in_the_settings_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("pohon.toml").write_text('[render]\npaper = "letter"\n', encoding="utf-8")
    result = CliRunner().invoke(
        main, ["render", "--lang", "en", str(PROGRAM_MATRIX), "--format", "pdf"]
    )
    assert result.exit_code == 2
    assert "pohon.toml: [render] paper = 'letter': choose one of a4, f4" in result.output
