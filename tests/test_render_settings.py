"""`[render]` settings: defaults for `pohon render`, overridden by the command line, checked strictly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import ROOT
from pohon.cli import main
from pohon.core.vocabulary import AchievementFormula
from pohon.render.render_settings import resolve
from pohon.source.settings_file import find_config

SMALL = ROOT / "tests" / "fixtures" / "diagrams" / "small.yaml"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SMALL, tmp_path / "contoh.yaml")
    return tmp_path


def render(*args: str) -> Result:
    """In English (the language of the messages asserted here) unless the test names one."""
    language = [] if "--lang" in args else ["--lang", "en"]
    return CliRunner().invoke(main, ["render", *language, "contoh.yaml", *args])


def settings(project: Path, text: str, *, pyproject: bool = False) -> Path:
    if pyproject:
        path = project / "pyproject.toml"
        path.write_text("[tool.pohon.render]\n" + text, encoding="utf-8")
    else:
        path = project / "pohon.toml"
        path.write_text("[render]\n" + text, encoding="utf-8")
    return path


def test_settings_choose_the_outputs(project: Path) -> None:
    settings(project, 'formats = ["dot"]\nlang = "en"\nout = "site"\n')
    result = render()
    assert result.exit_code == 0, result.output
    dots = sorted(p.name for p in Path("site/contoh/diagram").glob("*.*"))
    assert dots == ["cascading.dot", "pohon.dot"]
    assert "PERFORMANCE CASCADE" in Path("site/contoh/diagram/cascading.dot").read_text()


def test_the_command_line_wins_over_the_settings(project: Path) -> None:
    settings(project, 'formats = "dot"\nlang = "en"\n', pyproject=True)
    result = render("--format", "svg", "--lang", "id", "--out", "elsewhere")
    assert result.exit_code == 0, result.output
    assert Path("elsewhere/contoh/diagram/cascading.svg").is_file()
    assert not Path("elsewhere/contoh/diagram/cascading.dot").exists()
    assert "CASCADING KINERJA" in Path("elsewhere/contoh/diagram/cascading.svg").read_text()


def test_every_setting_reaches_the_options(project: Path) -> None:
    (project / "tpl").mkdir()
    settings(
        project,
        'formats = ["svg", "png"]\nengine = "auto"\njobs = 3\nmax_nodes_per_page = 40\n'
        'lang = "en"\nyear = 2026\ntemplates = "tpl"\nout = "site"\npaper = "f4"\ncapaian_turun = "selisih"\n'
        "figures = true\n",
    )
    Path("sub").mkdir()
    out, options = resolve(find_config(project / "sub"), {"year": None, "jobs": 1})
    assert out == Path("site")
    assert (options.formats, options.engine, options.jobs) == (("svg", "png"), "auto", 1)
    assert (options.max_nodes_per_page, options.lang, options.year) == (40, "en", 2026)
    assert options.templates == Path("tpl")
    assert options.paper == "f4"
    assert options.figures is True
    assert options.capaian_turun is AchievementFormula.SELISIH


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("colour = 'blue'\n", "[render] has no setting `colour`; known: capaian_turun, engine,"),
        ("jobs = 0\n", "[render] jobs = 0: write a whole number of at least 1"),
        ("max_nodes_per_page = 'many'\n", "[render] max_nodes_per_page = 'many': write a whole"),
        ("engine = 'neato'\n", "[render] engine = 'neato': choose one of auto, embedded, dot"),
        ("formats = 5\n", "[render] formats = 5: write formats = "),
        ("templates = 'nowhere'\n", "[render] templates: nowhere is no folder"),
        ("paper = 'A3'\n", "[render] paper = 'A3': choose one of a4, f4"),
        # the ratio would read a lower realisation as a lower capaian
        ("capaian_turun = 'rasio'\n", "[render] capaian_turun = 'rasio': choose one of kebalikan"),
    ],
    ids=["unknown-key", "jobs", "budget", "engine", "formats", "templates", "paper", "capaian"],
)
def test_a_bad_setting_is_a_usage_error_naming_the_file(
    project: Path, text: str, says: str
) -> None:
    path = settings(project, text)
    result = render()
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"pohon: {path.resolve()}: {says}"), result.stderr
    assert "Traceback" not in result.output
    assert not Path("build").exists()


def test_an_unknown_format_in_the_settings_is_refused_naming_the_setting(project: Path) -> None:
    path = settings(project, 'formats = ["svg", "gif"]\n')
    result = render()
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"pohon: {path.resolve()}: [render] formats = ['svg', 'gif']: `gif` is not a diagram "
        "format; choose from svg, png, pdf, dot"
    ), result.stderr


def test_an_unknown_format_on_the_command_line_is_refused(project: Path) -> None:
    result = render("--format", "svg,gif")
    assert result.exit_code == 2 and "--format gif: not a diagram format" in result.stderr
