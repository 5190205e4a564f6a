"""The rendered reports: golden files, determinism, escaping, user templates, the CLI."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from conftest import MAMUJU, ROOT, assert_golden
from pohon.check.validate_trees import Checked, check_path
from pohon.cli import main
from pohon.core.findings import Finding, Severity
from pohon.core.messages import use_language
from pohon.core.vocabulary import Level
from pohon.render.diagrams.outputs import Pool
from pohon.render.options import RenderOptions
from pohon.render.pipeline import prepare, render_loaded
from pohon.render.reports import Diagrams, render_reports, render_site_index
from pohon.render.reports.markdown import escape
from pohon.source.settings_file import Config
from pohon.tree.assemble import LoadResult, load_tree
from pohon.tree.header import Meta, Period, Position
from pohon.tree.model import Indicator, Node, Tree

CONTOH = ROOT / "tests" / "fixtures" / "reports" / "contoh.yaml"
GOLDEN = ROOT / "tests" / "golden" / "reports"
VOID = {"meta", "br", "img", "link", "hr", "input"}


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # finding locations are shown relative to the working directory, as `pohon validate` does
    monkeypatch.chdir(ROOT)


def render(path: Path, **options: object) -> dict[str, bytes]:
    """The reports of one tree as `pohon render` makes them (the pipeline's per-tree path)."""
    chosen = RenderOptions(formats=(), **options)  # type: ignore[arg-type]  # reports only
    use_language(chosen.lang)  # one language for the messages and the words, as the CLI does
    job = prepare(chosen, Config(), Path("never-written"), force=True)
    with Pool(1) as pool:
        files = render_loaded(load_tree(path.relative_to(ROOT)), job, pool).result().files
    return files


@pytest.mark.parametrize("lang", ["id", "en"])
def test_fixture_reports_are_golden(lang: str) -> None:
    files = render(CONTOH, lang=lang)
    expected = {
        "contoh/index.html",
        "contoh/README.md",
        *(
            f"contoh/laporan/{name}.{ext}"
            for name in (
                "matriks-cascading",
                "daftar-indikator",
                "renstra-tc25",
                "renstra-tc27",
                "iku",
                "manual-ik",
                "ringkasan-validasi",
                *(
                    f"perjanjian-kinerja-{p}"
                    for p in ("kadis", "sekretaris", "kabid-rehsos", "kasi-anak", "kasubbag")
                ),
            )
            for ext in ("html", "md")
        ),
        "contoh/laporan/contoh.xlsx",  # every report as a sheet (tests/test_workbook.py)
    }
    assert set(files) == expected
    for name, data in sorted(files.items()):
        if name.endswith(".xlsx"):
            continue
        if lang == "id" or name.endswith("matriks-cascading.md"):
            assert_golden(data.decode("utf-8"), GOLDEN / lang / name)


def test_mamuju_matrix_is_golden_with_all_76_sub_kegiatan() -> None:
    files = render(MAMUJU)
    matrix = files["dinsos_mamuju/laporan/matriks-cascading.md"].decode("utf-8")
    assert_golden(matrix, GOLDEN / "mamuju" / "matriks-cascading.md")
    html = files["dinsos_mamuju/laporan/matriks-cascading.html"].decode("utf-8")
    assert html.count('data-level="sub_kegiatan"') == 76
    assert matrix.count("\n| ") == 77  # the header row and one row per sub kegiatan


def test_mamuju_agreements_are_golden_naskah_then_lampiran() -> None:
    files = render(MAMUJU)
    for position in ("kadis", "kabid-pemberdayaan-sosial"):
        for ext in ("html", "md"):
            name = f"perjanjian-kinerja-{position}.{ext}"
            assert_golden(
                files[f"dinsos_mamuju/laporan/{name}"].decode("utf-8"), GOLDEN / "mamuju" / name
            )
    kadis = files["dinsos_mamuju/laporan/perjanjian-kinerja-kadis.md"].decode("utf-8")
    naskah, lampiran = kadis.split("## Lampiran Perjanjian Kinerja Tahun 2021")
    assert "| Jabatan | Bupati Mamuju |" in naskah  # the Kepala Dinas's counter-party
    assert "Tujuan" not in lampiran and lampiran.count("| PROGRAM ") == 7


def test_two_runs_give_the_same_bytes() -> None:
    assert render(MAMUJU, year=2023) == render(MAMUJU, year=2023)


def test_year_chooses_the_annex_targets() -> None:
    annex = render(CONTOH, year=2025)["contoh/laporan/perjanjian-kinerja-kadis.md"].decode()
    assert "| Target 2025 |" in annex
    assert "| Persentase PPKS terlantar | % | 8 |" in annex
    assert "Rp 1.300.000.000" in annex


def test_root_cuts_the_reports_to_a_subtree() -> None:
    files = render(CONTOH, root="prog-penunjang")
    matrix = files["contoh/laporan/matriks-cascading.md"].decode()
    assert "sub-atk" not in matrix and "Penyediaan Bahan Logistik Kantor" in matrix
    assert "Rehabilitasi" not in matrix


# --- escaping: text from the YAML never becomes markup -----------------------------------


class _Structure(HTMLParser):
    """The tags of a page, in order, checking that every element is closed where it opened."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.commented = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(name for name, _ in attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # `<hr />`: a void element closes itself
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.commented and self.text:  # a comment shows nothing: the text reads on
            self.text[-1] += data
        else:
            self.text.append(data)
        self.commented = False

    def handle_comment(self, data: str) -> None:
        # The Markdown escaping puts `<!-- -->` after an `@` (no autolink on GitHub).
        self.commented = True


def structure(html: str) -> _Structure:
    parser = _Structure()
    parser.feed(html)
    parser.close()
    assert parser.stack == [], f"unclosed: {parser.stack}"
    return parser


MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def tiny_tree(text: str) -> Checked:
    """A two-node tree that carries `text` in every free-text place a report prints."""
    indicator = Indicator(
        nama=text, satuan=text, target={2024: 5}, realisasi={2024: 4}, tag=[text], catatan=text
    )
    # the code carries the text too, but never reads as a nomenclature code: a real code
    # would add the urusan it implies, and the pages' structure would follow the text
    leaf = Node(
        id="p",
        tingkat=Level.PROGRAM,
        pernyataan=text,
        nama=text,
        kode=f"kode-{text}",
        lokasi=text,
        pagu={2024: 5},
    )
    leaf.indicators = [indicator]
    top = Node(id="t", tingkat=Level.TUJUAN_OPD, pernyataan=text, jabatan="kadis", anak=[leaf])
    meta = Meta(pemda=text, opd=text, periode=Period(awal=2024, akhir=2025))
    tree = Tree(source="t.yaml", meta=meta, positions={"kadis": Position(nama=text)}, roots=[top])
    finding = Finding("t.yaml", 1, 1, Severity.WARNING, "missing-indicator", text)
    return Checked(LoadResult(tree=tree), [finding])


def _pages(text: str) -> dict[str, str]:
    files = render_reports(tiny_tree(text), RenderOptions(), "t")
    return {name: data.decode("utf-8") for name, data in files.items()}


BASELINE = _pages("x")
PRINTABLE = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PRINTABLE.filter(lambda t: t.strip()))
def test_any_text_shows_as_written_and_never_as_markup(text: str) -> None:
    for name, page in _pages(text).items():
        if name.endswith(".html"):
            parsed, base = structure(page), structure(BASELINE[name])
            assert parsed.tags == base.tags, name
            assert any(text in piece for piece in parsed.text), name
        else:
            parsed, base = (
                structure(MARKDOWN.render(page)),
                structure(MARKDOWN.render(BASELINE[name])),
            )
            assert parsed.tags == base.tags, name
            shown = " ".join(text.split())
            assert any(shown in " ".join(piece.split()) for piece in parsed.text), name


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "</td></tr></table><h1>x</h1>",
        "a | b | c",
        "*bold* _em_ `code` [link](http://example.com) ~~strike~~ $x$",
        "1. list\n- item\n> quote\n# heading",
        "&lt;b&gt; &amp; &#60;",
        "---",
    ],
)
def test_hostile_text_is_escaped(hostile: str) -> None:
    pages = _pages(hostile)
    html = pages["t/laporan/matriks-cascading.html"]
    assert "<script" not in html and "<img" not in html and "<h1>x" not in html
    assert structure(html).tags == structure(BASELINE["t/laporan/matriks-cascading.html"]).tags
    markdown = pages["t/laporan/matriks-cascading.md"]
    rendered = structure(MARKDOWN.render(markdown))
    base = structure(MARKDOWN.render(BASELINE["t/laporan/matriks-cascading.md"]))
    assert rendered.tags == base.tags


@pytest.mark.parametrize("text", ["<script>alert('x')</script> & \"q\" *b* | c", "plain"])
def test_built_in_templates_give_the_same_bytes_in_the_sandbox_and_outside_it(
    tmp_path: Path, text: str
) -> None:
    # Alone, the built-in templates run outside the sandbox; with --templates (even an
    # empty folder) in it, with the same escaping: the bytes must agree.
    checked = tiny_tree(text)
    ours = render_reports(checked, RenderOptions(), "t")
    sandboxed = render_reports(checked, RenderOptions(templates=tmp_path), "t")
    assert ours == sandboxed
    mamuju = check_path(MAMUJU.relative_to(ROOT), Config())
    assert render_reports(mamuju, RenderOptions(), "m") == render_reports(
        mamuju, RenderOptions(templates=tmp_path), "m"
    )


def test_markdown_escape_keeps_ordinary_text_readable() -> None:
    assert (
        escape("data/dinsos_mamuju.yaml (1.06.02) 85,5%")
        == "data/dinsos_mamuju.yaml (1.06.02) 85,5%"
    )
    assert escape("a|b\nc") == "a\\|b c"
    assert escape("<b>") == "&lt;b>"


# --- the site index ------------------------------------------------------------------------


def test_index_links_every_report_and_the_diagrams_that_were_rendered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    class Page:
        def __init__(self, view: str, scope: str | None, title: str, path: str) -> None:
            self.view, self.scope, self.title, self.path = view, scope, title, path

    pages = [
        Page("cascading", None, "Cascading Kinerja — Dinas", "diagram/cascading"),
        Page("cascading", "prog-rehsos", "Cascading Kinerja — PROGRAM", "diagram/cascading/prog"),
        Page("pohon", None, "Pohon Kinerja — Dinas", "diagram/pohon"),
    ]
    drawn = {
        "contoh/diagram/cascading.svg",
        "contoh/diagram/cascading.png",
        "contoh/diagram/cascading/prog.svg",
    }
    checked = check_path(CONTOH.relative_to(ROOT), Config())
    files = render_reports(checked, RenderOptions(), "contoh", Diagrams(pages, drawn))  # type: ignore[arg-type]
    index = files["contoh/index.html"].decode()
    assert '<img src="diagram/cascading.svg" alt="Cascading Kinerja — Dinas">' in index
    assert '<a href="diagram/cascading.png">PNG</a>' in index
    assert '<a href="diagram/cascading/prog.svg">SVG</a>' in index
    assert index.count("<img ") == 1  # one picture per overview: the SVG, not the PNG too
    assert "Pohon Kinerja — Dinas" not in index  # nothing of it was rendered: no dead link
    readme = files["contoh/README.md"].decode()
    assert "- Cascading Kinerja — PROGRAM: [SVG](diagram/cascading/prog.svg)" in readme
    for name in files:
        if name.startswith("contoh/laporan/"):
            relative = name.removeprefix("contoh/")
            assert f'href="{relative}"' in index
            assert f"]({relative})" in readme


def test_site_index_lists_every_tree() -> None:
    contoh = check_path(CONTOH.relative_to(ROOT), Config()).load.tree
    mamuju = check_path(MAMUJU.relative_to(ROOT), Config()).load.tree
    assert contoh is not None and mamuju is not None
    page = render_site_index([("contoh", contoh), ("dinsos_mamuju", mamuju)], "id", None).decode()
    assert '<a href="contoh/index.html">Dinas Sosial Kabupaten Contoh</a>' in page
    assert '<a href="dinsos_mamuju/index.html">Dinas Sosial Kabupaten Mamuju</a>' in page
    structure(page)


# --- user templates ------------------------------------------------------------------------


def run_render(tmp_path: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main, ["render", str(CONTOH), "--out", str(tmp_path / "out"), *extra]
    )
    return result.exit_code, result.output


def test_a_user_template_overrides_only_its_own_file(tmp_path: Path) -> None:
    folder = tmp_path / "mine" / "md"
    folder.mkdir(parents=True)
    (folder / "matriks-cascading.md").write_text(
        "# {{ title }} ({{ matrix.rows|length }})\n{{ tree.opd }} *{{ '<b>' }}*\n", encoding="utf-8"
    )
    code, output = run_render(tmp_path, "--templates", str(tmp_path / "mine"))
    assert code == 0, output
    out = tmp_path / "out" / "contoh" / "laporan"
    # A literal printed by `{{ }}` is escaped too: Jinja does it as it compiles, as HTML
    # (GitHub shows `<b>` as text all the same).
    assert (out / "matriks-cascading.md").read_text() == (
        "# Matriks Cascading (3)\nDinas Sosial Kabupaten Contoh *&lt;b&gt;*\n"
    )
    assert '<table class="matrix">' in (out / "matriks-cascading.html").read_text()


@pytest.mark.parametrize(
    ("name", "text", "where", "what"),
    [
        ("html/index.html", "<p>\n{% if %}\n</p>\n", "index.html:2", "template syntax error"),
        ("md/README.md", "ok\n\n{{ nosuch.name }}\n", "README.md:3", "'nosuch' is undefined"),
        (
            "html/matriks-cascading.html",
            "{{ labels.__class__.__mro__ }}\n",
            "matriks-cascading.html:1",
            "unsafe",
        ),
    ],
)
def test_a_broken_user_template_is_a_usage_error_naming_file_and_line(
    tmp_path: Path, name: str, text: str, where: str, what: str
) -> None:
    path = tmp_path / "mine" / name
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    code, output = run_render(tmp_path, "--templates", str(tmp_path / "mine"))
    assert code == 2, output
    assert where in output and what in output
    assert "Traceback" not in output
    assert not (tmp_path / "out").exists()  # nothing written


def test_render_writes_the_site_and_a_year_outside_the_period_is_a_usage_error(
    tmp_path: Path,
) -> None:
    code, output = run_render(tmp_path, "--lang", "en")
    assert code == 0, output
    index = (tmp_path / "out" / "contoh" / "index.html").read_text()
    assert '<html lang="en">' in index and "Cascading matrix" in index
    code, output = run_render(tmp_path, "--lang", "en", "--year", "2031")
    assert code == 2 and "--year 2031: outside the plan period 2024-2026" in output


def test_the_summary_holds_every_finding_of_pohon_validate() -> None:
    validated = CliRunner().invoke(main, ["validate", str(MAMUJU.relative_to(ROOT))])
    lines = [line for line in validated.output.splitlines() if line.count(":") >= 3]
    assert len(lines) > 20
    summary = render(MAMUJU)["dinsos_mamuju/laporan/ringkasan-validasi.md"].decode()
    for line in lines:
        location, rest = line.split(": ", 1)
        severity, rule, _ = rest.split(" ", 2)
        shown = {"error": "galat", "warning": "peringatan", "info": "info"}[severity]
        assert f"| {location} | {shown} |" in summary
        assert f"\n## {rule} (" in summary
    assert summary.count(f"| {MAMUJU.relative_to(ROOT)}:") == len(lines)


def test_a_failure_inside_a_built_in_template_is_a_bug_not_a_usage_error() -> None:
    from jinja2 import UndefinedError

    from pohon.render.reports.environment import make_environment, render_template

    with pytest.raises(UndefinedError):
        render_template(make_environment(None), "html/index.html", {})


def test_a_user_template_that_breaks_a_built_in_macro_is_named(tmp_path: Path) -> None:
    path = tmp_path / "mine" / "html" / "matriks-cascading.html"
    path.parent.mkdir(parents=True)
    path.write_text(
        '{% import "html/_macros.html" as m %}\n<p>\n{{ m.figures(None, labels) }}\n</p>\n',
        encoding="utf-8",
    )
    code, output = run_render(tmp_path, "--templates", str(tmp_path / "mine"))
    assert code == 2, output
    assert "matriks-cascading.html:3: template error" in output
