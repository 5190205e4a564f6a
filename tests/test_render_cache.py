"""Incremental rendering: a changed input is always drawn again, an unchanged one never is.

The engine is wrapped to count its calls by page (the DOT graph's name); every render's
output folder is compared byte for byte with a clean render of the same tree.
"""

from __future__ import annotations

import json
import multiprocessing
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import pohon.render.cache
from conftest import ROOT, tree_text
from pohon.cli import main
from pohon.render.diagrams import engines
from pohon.write.output_folder import MANIFEST

SMALL = ROOT / "tests" / "fixtures" / "diagrams" / "small.yaml"
EVERY_PAGE = [
    "cascading",
    "cascading:program:prog-rehab",
    "cascading:program:prog-penunjang",
    "pohon",
    "pohon:program:prog-rehab",
    "pohon:program:prog-penunjang",
]


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages the engine is asked to draw, as `graph name` (one entry per call)."""
    calls: list[str] = []
    real = engines.Engine.run

    def counted(self: engines.Engine, source: str, output_format: str, **kwargs: Any) -> bytes:
        calls.append(source.split("\n", 1)[0].removeprefix("digraph ").strip(' {"'))
        return real(self, source, output_format, **kwargs)

    monkeypatch.setattr(engines.Engine, "run", counted)
    return calls


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return Path(shutil.copy(SMALL, tmp_path / "contoh.yaml"))


def render(*args: str) -> Result:
    """In English (the language of the messages asserted here) unless the test names one."""
    language = [] if "--lang" in args else ["--lang", "en"]
    result = CliRunner().invoke(main, ["render", *language, *args])
    assert result.exit_code == 0, result.output
    return result


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def clean_render(tree: Path, out: str, drawn: list[str], *args: str) -> dict[str, bytes]:
    """The bytes of a render into a fresh folder; its engine calls are not counted."""
    before = len(drawn)
    render(str(tree), "--out", out, "--force", *args)
    del drawn[before:]
    return snapshot(Path(out))


def edit(tree: Path, old: str, new: str) -> None:
    text = tree.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    tree.write_text(text.replace(old, new), encoding="utf-8")


def test_a_second_render_calls_no_engine_and_changes_nothing(tree: Path, drawn: list[str]) -> None:
    render(str(tree), "--out", "build")
    assert sorted(drawn) == sorted(EVERY_PAGE)
    first = snapshot(Path("build"))
    drawn.clear()
    result = render(str(tree), "--out", "build")
    assert drawn == []
    assert "(0 changed)" in result.stderr
    assert snapshot(Path("build")) == first


@pytest.mark.parametrize(
    ("old", "new", "redrawn"),
    [
        # A sub kegiatan's indicator: only the cascading page of its program shows indicators.
        (
            "Jumlah orang yang mendapat sandang",
            "Jumlah orang yang menerima sandang",
            ["cascading:program:prog-rehab"],
        ),
        # A program's indicator: its own page and the overview, which draws the program's box.
        (
            "Persentase PPKS yang terpenuhi kebutuhan dasarnya",
            "Persentase PPKS yang terpenuhi kebutuhannya",
            ["cascading", "cascading:program:prog-rehab"],
        ),
        # A sub kegiatan's statement: shown in both views, on its program's pages only.
        (
            "Tersedianya paket sandang",
            "Tersedianya paket sandang layak",
            ["cascading:program:prog-rehab", "pohon:program:prog-rehab"],
        ),
        # The title block (pemda) is on every page.
        ("pemda: Kabupaten Contoh", "pemda: Kabupaten Teladan", EVERY_PAGE),
    ],
    ids=["sub-kegiatan-indicator", "program-indicator", "statement", "every-page"],
)
def test_a_change_redraws_exactly_the_pages_that_show_it(
    tree: Path, drawn: list[str], old: str, new: str, redrawn: list[str]
) -> None:
    render(str(tree), "--out", "build", "--format", "svg,dot")
    edit(tree, old, new)
    drawn.clear()
    render(str(tree), "--out", "build", "--format", "svg,dot")
    assert sorted(drawn) == sorted(redrawn)
    assert snapshot(Path("build")) == clean_render(tree, "clean", drawn, "--format", "svg,dot")


def test_outputs_match_a_clean_render_after_several_changes(tree: Path, drawn: list[str]) -> None:
    render(str(tree), "--out", "build", "--format", "svg,png")
    edit(tree, "Penyediaan Sandang", "Penyediaan Pakaian")
    render(str(tree), "--out", "build", "--format", "svg,png")
    edit(tree, "Penyediaan Pakaian", "Penyediaan Sandang")  # back: the manifest knows the last only
    drawn.clear()
    render(str(tree), "--out", "build", "--format", "svg,png")
    assert sorted(drawn) == sorted(["cascading:program:prog-rehab"] * 2)  # svg and png
    assert snapshot(Path("build")) == clean_render(tree, "clean", drawn, "--format", "svg,png")


def test_a_hand_edited_or_deleted_output_is_drawn_again(tree: Path, drawn: list[str]) -> None:
    render(str(tree), "--out", "build")
    clean = snapshot(Path("build"))
    page = Path("build/contoh/diagram/pohon/prog-rehab.svg")
    page.write_bytes(page.read_bytes().replace(b"</svg>", b"<!-- edited --></svg>"))
    Path("build/contoh/diagram/cascading.svg").unlink()
    report = Path("build/contoh/laporan/matriks-cascading.md")
    report.write_text("edited\n", encoding="utf-8")
    check = CliRunner().invoke(
        main, ["render", "--lang", "en", "contoh.yaml", "--out", "build", "--check"]
    )
    assert check.exit_code == 1
    for name in (page, Path("build/contoh/diagram/cascading.svg"), report):
        assert f"{name}: out of date" in check.stderr
    drawn.clear()
    edited = snapshot(Path("build"))
    # The edited files are drawn again, not reused; but they are the user's now: kept.
    refused = CliRunner().invoke(main, ["render", "--lang", "en", "contoh.yaml", "--out", "build"])
    assert sorted(drawn) == ["cascading", "pohon:program:prog-rehab"]
    assert refused.exit_code == 2 and "pohon: nothing written" in refused.stderr
    for name in (page, report):
        assert f"{name}: was not written by pohon, or was changed since" in refused.stderr
    assert snapshot(Path("build")) == edited
    render(str(tree), "--out", "build", "--force")
    assert snapshot(Path("build")) == clean


@pytest.mark.parametrize(
    "manifest",
    ["not json {", '{"files": 5}', '["a", "list"]', '{"files": [], "hashes": {"x": 1}}'],
)
def test_a_corrupted_manifest_means_drawing_everything_again(
    tree: Path, drawn: list[str], manifest: str
) -> None:
    render(str(tree), "--out", "build")
    clean = snapshot(Path("build"))
    Path("build", MANIFEST).write_text(manifest, encoding="utf-8")
    drawn.clear()
    render(str(tree), "--out", "build")
    assert sorted(drawn) == sorted(EVERY_PAGE)
    assert snapshot(Path("build")) == clean


def test_a_manifest_naming_another_drawing_under_a_key_is_not_trusted(
    tree: Path, drawn: list[str]
) -> None:
    """Keys alone are not enough: the file's bytes must be the ones pohon wrote under that name."""
    render(str(tree), "--out", "build")
    clean = snapshot(Path("build"))
    folder = Path("build/contoh/diagram")
    shutil.copy(folder / "pohon.svg", folder / "cascading.svg")  # the wrong drawing in place
    drawn.clear()
    result = CliRunner().invoke(main, ["render", "--lang", "en", str(tree), "--out", "build"])
    assert drawn == ["cascading"]
    assert result.exit_code == 2 and "cascading.svg: was not written by pohon" in result.stderr
    (folder / "cascading.svg").unlink()  # what the message asks for
    render(str(tree), "--out", "build")
    assert snapshot(Path("build")) == clean


def test_the_old_manifest_form_is_read_and_replaced(tree: Path, drawn: list[str]) -> None:
    """The old form records no hashes: what it names is never removed, only reported."""
    render(str(tree), "--out", "build")
    clean = snapshot(Path("build"))
    listed = json.loads(Path("build", MANIFEST).read_text(encoding="utf-8"))["files"]
    Path("build/contoh/old-output.svg").write_text("<svg/>", encoding="utf-8")
    Path("build", MANIFEST).write_text(json.dumps({"files": [*listed, "contoh/old-output.svg"]}))
    result = render(str(tree), "--out", "build")
    assert "pohon: build/contoh/old-output.svg: left in place: it was changed since" in (
        result.stderr
    )
    assert snapshot(Path("build")) == {**clean, "contoh/old-output.svg": b"<svg/>"}


def test_force_draws_every_page(tree: Path, drawn: list[str]) -> None:
    render(str(tree), "--out", "build")
    drawn.clear()
    render(str(tree), "--out", "build", "--no-cache")
    assert sorted(drawn) == sorted(EVERY_PAGE)


@pytest.mark.parametrize(
    "change",
    ["engine-version", "pohon", "language"],
)
def test_what_every_page_depends_on_redraws_every_page(
    tree: Path, drawn: list[str], monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    render(str(tree), "--out", "build")
    drawn.clear()
    args = ["--out", "build"]
    if change == "engine-version":
        monkeypatch.setattr(
            pohon.render.cache, "_version_line", lambda program: "graphviz-pure 9.9"
        )
    elif change == "pohon":
        monkeypatch.setattr(pohon.render.cache, "pohon_identity", lambda: "a pohon with other code")
    else:
        args += ["--lang", "id"]
    render(str(tree), *args)
    assert sorted(drawn) == sorted(EVERY_PAGE)


def test_pohon_identity_covers_the_code_and_the_templates_wherever_they_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editable install keeps the templates beside, not inside, the code (pyproject.toml)."""
    code, templates = tmp_path / "src" / "pohon", tmp_path / "templates"
    for path, text in ((code / "cli.py", "main()"), (templates / "html" / "index.html", "<p>")):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    folders = {"pohon": code, "pohon.templates": templates}
    monkeypatch.setattr(pohon.render.cache.importlib.resources, "files", folders.__getitem__)
    identity = pohon.render.cache.pohon_identity.__wrapped__  # uncached
    first = identity()
    (templates / "__pycache__").mkdir()
    (templates / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert identity() == first
    (templates / "html" / "index.html").write_text("<p>changed")
    changed_template = identity()
    (code / "cli.py").write_text("main()  # changed")
    assert len({first, changed_template, identity()}) == 3


def test_every_drawn_output_has_its_key_and_hash_in_the_manifest(tree: Path) -> None:
    render(str(tree), "--out", "build", "--format", "svg,dot")
    manifest = json.loads(Path("build", MANIFEST).read_text(encoding="utf-8"))
    drawn = [name for name in manifest["files"] if name.endswith(".svg") and "/diagram/" in name]
    assert sorted(manifest["keys"]) == sorted(drawn) and len(drawn) == len(EVERY_PAGE)
    assert sorted(manifest["hashes"]) == manifest["files"]
    assert list(manifest["trees"]) == ["contoh"]


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork",
    reason="the counting engine reaches workers by fork",
)
def test_worker_processes_reuse_unchanged_pages_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With four trees and -j 2 each tree renders in a worker; calls are logged to a file."""
    monkeypatch.chdir(tmp_path)
    log = tmp_path / "calls.log"
    real = engines.Engine.run

    def logged(self: engines.Engine, source: str, output_format: str, **kwargs: Any) -> bytes:
        with log.open("a", encoding="utf-8") as stream:
            stream.write(source.split("\n", 1)[0] + "\n")
        return real(self, source, output_format, **kwargs)

    monkeypatch.setattr(engines.Engine, "run", logged)
    names = [str(shutil.copy(SMALL, tmp_path / f"t{n}.yaml")) for n in range(4)]
    render(*names, "--out", "build", "-j", "2")
    assert len(log.read_text().splitlines()) == 4 * len(EVERY_PAGE)
    log.unlink()
    edit(Path(names[1]), "Jumlah orang yang mendapat sandang", "Jumlah penerima sandang")
    render(*names, "--out", "build", "-j", "2")
    assert log.read_text().splitlines() == ['digraph "cascading:program:prog-rehab" {']
    clean = snapshot(Path("build"))
    render(*names, "--out", "clean", "-j", "1", "--force")
    assert snapshot(Path("clean")) == clean


def test_a_changed_rule_setting_rebuilds_the_reports_but_draws_nothing(
    tree: Path, drawn: list[str]
) -> None:
    """The validation summary follows the rules' severities: a tree is not reused past them."""
    render(str(tree), "--out", "build")
    summary = Path("build/contoh/laporan/ringkasan-validasi.md")
    assert "\n## activity-statement (" in summary.read_text(encoding="utf-8")
    Path("pohon.toml").write_text('[rules]\nactivity-statement = "off"\n', encoding="utf-8")
    drawn.clear()
    render(str(tree), "--out", "build")
    assert drawn == [], "the diagrams do not show findings"
    after = summary.read_text(encoding="utf-8")
    assert "\n## activity-statement (" not in after, "its findings are gone"
    assert '| activity-statement | pohon.toml | \\[rules\\] activity-statement = "off" |' in after
    assert snapshot(Path("build")) == clean_render(tree, "clean", drawn)


def test_a_changed_capaian_formula_rebuilds_the_register_but_draws_nothing(
    tree: Path, drawn: list[str]
) -> None:
    render(str(tree), "--lang", "id", "--out", "build")
    register = Path("build/contoh/laporan/daftar-indikator.md")
    assert "target ÷ realisasi × 100" in register.read_text(encoding="utf-8")
    Path("pohon.toml").write_text('[render]\ncapaian_turun = "selisih"\n', encoding="utf-8")
    drawn.clear()
    render(str(tree), "--lang", "id", "--out", "build")
    assert drawn == [], "the diagrams show no capaian"
    assert "(2 × target − realisasi) ÷ target × 100" in register.read_text(encoding="utf-8")


PART = """\
format: pohon/1
induk: ss
simpul:
  - id: prog-{n}
    tingkat: program
    nama: PROGRAM {n}
    pernyataan: Meningkatnya layanan {n}
    anak:  # a program with kegiatan gets a page of its own
      - id: keg-{n}
        tingkat: kegiatan
        nama: Kegiatan {n}
        pernyataan: Meningkatnya layanan kegiatan {n}
"""


def test_a_new_part_matched_by_a_pattern_is_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, drawn: list[str]
) -> None:
    """No file the tree was read from changed, yet the tree did: a new file matches `sertakan`."""
    monkeypatch.chdir(tmp_path)
    Path("program").mkdir()
    Path("program/a.yaml").write_text(PART.format(n="a"), encoding="utf-8")
    Path("tree.yaml").write_text(
        tree_text(
            """
            - id: ss
              tingkat: sasaran_strategis
              pernyataan: Meningkatnya kesejahteraan sosial
            """
        )
        + "sertakan: [program/*.yaml]\n",
        encoding="utf-8",
    )
    render("tree.yaml", "--out", "build")
    Path("program/b.yaml").write_text(PART.format(n="b"), encoding="utf-8")
    drawn.clear()
    render("tree.yaml", "--out", "build")
    assert sorted(drawn) == sorted(
        ["cascading", "pohon", "cascading:program:prog-b", "pohon:program:prog-b"]
    )
    assert Path("build/tree/diagram/pohon/prog-b.svg").is_file()
    assert snapshot(Path("build")) == clean_render(Path("tree.yaml"), "clean", drawn)
