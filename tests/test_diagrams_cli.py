"""`pohon render` from the command line: the diagram files, --root, --check, failures write nothing."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import ROOT
from pohon.cli import main
from pohon.render.diagrams import engines

SMALL = ROOT / "tests" / "fixtures" / "diagrams" / "small.yaml"
PAGES = [
    "cascading",
    "cascading/prog-rehab",
    "cascading/prog-penunjang",
    "pohon",
    "pohon/prog-rehab",
    "pohon/prog-penunjang",
]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return Path(shutil.copy(SMALL, tmp_path / "contoh.yaml"))


def render(*args: str) -> Result:
    """In English (the language of the messages asserted here) unless the test names one."""
    language = [] if "--lang" in args else ["--lang", "en"]
    return CliRunner().invoke(main, ["render", *language, *args])


def diagrams(out: Path) -> dict[str, bytes]:
    folder = out / "contoh" / "diagram"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.*"))}


def test_render_writes_every_page_as_svg_by_default(tree: Path) -> None:
    result = render(str(tree), "--out", "build")
    assert result.exit_code == 0, result.output
    assert sorted(diagrams(Path("build"))) == sorted(f"{page}.svg" for page in PAGES)


def test_render_writes_the_formats_asked_for(tree: Path) -> None:
    result = render(str(tree), "--out", "build", "--format", "svg,png,dot")
    assert result.exit_code == 0, result.output
    files = diagrams(Path("build"))
    assert sorted(files) == sorted(
        f"{page}.{fmt}" for page in PAGES for fmt in ("svg", "png", "dot")
    )
    assert files["cascading.png"].startswith(b"\x89PNG")
    assert files["pohon.dot"].startswith(b"digraph pohon {")


def test_root_renders_the_subtree_alone(tree: Path) -> None:
    result = render(str(tree), "--out", "build", "--root", "prog-rehab", "--format", "svg")
    assert result.exit_code == 0, result.output
    assert sorted(diagrams(Path("build"))) == ["cascading-prog-rehab.svg", "pohon-prog-rehab.svg"]


def test_unknown_root_and_format_are_usage_errors(tree: Path) -> None:
    result = render(str(tree), "--root", "nope")
    assert result.exit_code == 2
    assert "--root nope: " in result.output and "has no node with this id" in result.output
    result = render(str(tree), "--format", "svg,jpg")
    assert result.exit_code == 2
    assert "--format jpg: not a diagram format; choose from svg, png, pdf, dot" in result.output
    assert not Path("build").exists()


def test_check_passes_on_fresh_outputs_and_fails_on_stale_ones(tree: Path) -> None:
    assert render(str(tree), "--out", "build", "--format", "svg,dot").exit_code == 0
    fresh = render(str(tree), "--out", "build", "--format", "svg,dot", "--check")
    assert fresh.exit_code == 0, fresh.output
    stale_file = Path("build/contoh/diagram/cascading/prog-rehab.svg")
    stale_file.write_bytes(stale_file.read_bytes().replace(b"Penyediaan", b"Pengadaan"))
    before = diagrams(Path("build"))
    stale = render(str(tree), "--out", "build", "--format", "svg,dot", "--check")
    assert stale.exit_code == 1
    assert (
        f"{Path('build') / 'contoh/diagram/cascading/prog-rehab.svg'}: out of date" in stale.output
    )
    assert diagrams(Path("build")) == before, "--check writes nothing"


def test_check_reports_a_missing_diagram(tree: Path) -> None:
    assert render(str(tree), "--out", "build").exit_code == 0
    Path("build/contoh/diagram/pohon.svg").unlink()
    result = render(str(tree), "--out", "build", "--check")
    assert result.exit_code == 1
    assert "contoh/diagram/pohon.svg: out of date" in result.output


def test_a_failed_render_leaves_the_previous_files_untouched(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert render(str(tree), "--out", "build").exit_code == 0
    before = diagrams(Path("build"))
    tree.write_text(tree.read_text(encoding="utf-8").replace("CONTOH MAJU", "CONTOH BARU"))
    monkeypatch.setattr(engines, "EMBEDDED_PROGRAM", "graphviz-pure-not-installed")
    result = render(str(tree), "--out", "build", "--engine", "embedded")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert diagrams(Path("build")) == before


HOSTILE_TREE = r"""
  - id: prog
    tingkat: program
    nama: "PROGRAM <b>BOLD</b> & \"quoted\" \\N \\G {braces}"
    pernyataan: "Meningkatnya <<TABLE>> ]]> \x0b tab\tnew\nline 😀"
    indikator:
      - nama: "'single' & <i>x</i> \\L"
"""


def test_hostile_text_in_the_yaml_is_drawn_as_written(write_tree: Callable[..., Path]) -> None:
    path = write_tree(HOSTILE_TREE)
    result = render(str(path), "--out", "build", "--format", "svg")
    assert result.exit_code == 0, result.output
    svg = ET.parse(Path("build/tree/diagram/cascading.svg")).getroot()  # well-formed XML
    text = " ".join(" ".join(svg.itertext()).split())
    assert 'PROGRAM <b>BOLD</b> & "quoted" \\N \\G {braces}' in text
    assert "Meningkatnya <<TABLE>> ]]> tab new line 😀" in text
    assert "'single' & <i>x</i> \\L" in text


DUPLICATES = """
  - id: ss
    tingkat: sasaran_strategis
    pernyataan: Meningkatnya sasaran
    anak:
      - {id: dup, tingkat: program, nama: PROGRAM SATU, pernyataan: Meningkatnya satu,
         anak: [{id: keg, tingkat: kegiatan, pernyataan: Meningkatnya kegiatan satu}]}
      - {id: dup, tingkat: program, nama: PROGRAM DUA, pernyataan: Meningkatnya dua,
         anak: [{id: keg, tingkat: kegiatan, pernyataan: Meningkatnya kegiatan dua}]}
"""


def test_duplicate_ids_still_draw_every_node_and_page(write_tree: Callable[..., Path]) -> None:
    """`validate` reports the duplicate; where a project lowered the rule to a warning (a
    tree with errors is not rendered), the drawing must still show both and link each."""
    tree = write_tree(DUPLICATES)
    (tree.parent / "pohon.toml").write_text('[rules]\nunique-ids = "warning"\n')
    result = render(str(tree), "--out", "build", "--format", "svg")
    assert result.exit_code == 0, result.output
    folder = Path("build/tree/diagram")
    overview = (folder / "cascading.svg").read_text(encoding="utf-8")
    assert 'xlink:href="cascading/dup.svg"' in overview
    assert 'xlink:href="cascading/dup-2.svg"' in overview
    assert "PROGRAM SATU" in (folder / "cascading/dup.svg").read_text(encoding="utf-8")
    assert "Meningkatnya kegiatan dua" in (folder / "cascading/dup-2.svg").read_text(
        encoding="utf-8"
    )
