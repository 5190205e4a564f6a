"""Graphviz engines: the embedded default, the system `dot`, fallbacks, failures, timeouts, PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, diagram_files
from pohon.check.validate_trees import check_path
from pohon.cli import main
from pohon.core.errors import UsageError
from pohon.render.diagrams import engines
from pohon.render.diagrams.engines import EMBEDDED, SYSTEM, Engine, choose
from pohon.render.options import RenderOptions
from pohon.source.settings_file import Config
from pohon.tree.model import Tree

SMALL = ROOT / "tests" / "fixtures" / "diagrams" / "small.yaml"
SOURCE = "digraph g { a [label=<<B>a</B>>] ; a -> b }"
needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None,
    reason="no system Graphviz `dot` on PATH (`make test` installs Debian's where it can)",
)


@pytest.fixture(scope="module")
def small() -> Tree:
    tree = check_path(SMALL, Config()).load.tree
    assert tree is not None
    return tree


@pytest.fixture
def no_dot_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


def _script(folder: Path, name: str, body: str) -> str:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return str(path)


def test_embedded_engine_ships_with_pohon_and_draws_html_labels() -> None:
    engine = choose("embedded")
    assert engine.kind == EMBEDDED
    assert Path(engine.program).parent == Path(sys.executable).parent
    svg = engine.run(SOURCE, "svg").decode()
    assert "graphviz-pure" in svg and 'font-weight="bold"' in svg
    assert engine.run(SOURCE, "png").startswith(b"\x89PNG")


def test_auto_uses_the_embedded_engine_without_a_system_dot(no_dot_on_path: None) -> None:
    assert choose("auto").kind == EMBEDDED


def test_auto_falls_back_to_the_system_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engines, "EMBEDDED_PROGRAM", "graphviz-pure-not-installed")
    monkeypatch.setenv("PATH", str(tmp_path))
    dot = _script(tmp_path, "dot", "cat >/dev/null; echo '<svg/>'")
    assert choose("auto") == Engine(SYSTEM, dot)


def test_engine_dot_without_dot_names_the_embedded_engine(
    small: Tree, no_dot_on_path: None
) -> None:
    result = CliRunner().invoke(main, ["render", str(SMALL), "--engine", "dot", "--out", "out"])
    assert result.exit_code == 2
    assert "no Graphviz `dot` program on PATH; use `--engine embedded`" in result.output
    assert "Traceback" not in result.output


def test_missing_embedded_engine_names_the_system_engine(
    small: Tree, no_dot_on_path: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engines, "EMBEDDED_PROGRAM", "graphviz-pure-not-installed")
    for asked in ("embedded", "auto"):
        with pytest.raises(UsageError, match=r"not installed.*`--engine dot`"):
            diagram_files(small, RenderOptions(engine=asked))


def test_dot_output_needs_no_engine(small: Tree, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engines, "EMBEDDED_PROGRAM", "graphviz-pure-not-installed")
    assert diagram_files(small, RenderOptions(formats=("dot",)))


def test_a_failing_engine_gives_its_message_and_the_other_option(tmp_path: Path) -> None:
    program = _script(tmp_path, "broken", "echo 'Warning: meh' >&2; echo 'Error: boom' >&2; exit 1")
    with pytest.raises(UsageError) as caught:
        Engine(EMBEDDED, program).run(SOURCE, "svg")
    assert str(caught.value) == (
        f"the embedded Graphviz engine ({program}) failed: Error: boom; try `--engine dot`"
    )


def test_a_hanging_engine_is_stopped_by_the_timeout(tmp_path: Path) -> None:
    program = _script(tmp_path, "hangs", f"exec {sys.executable} -c 'import time; time.sleep(30)'")
    with pytest.raises(UsageError, match=r"gave no result within 0\.3 s; try `--engine dot`"):
        Engine(EMBEDDED, program).run(SOURCE, "svg", timeout=0.3)


def test_a_system_dot_that_crashes_is_retried_with_polyline_edges(tmp_path: Path) -> None:
    body = 'case "$*" in *splines=polyline*) echo "<svg/>";; *) kill -SEGV $$;; esac'
    assert Engine(SYSTEM, _script(tmp_path, "dot", body)).run(SOURCE, "svg") == b"<svg/>\n"


def test_a_system_dot_that_always_crashes_says_so(tmp_path: Path) -> None:
    program = _script(tmp_path, "dot", "kill -SEGV $$")
    with pytest.raises(UsageError, match=r"crashed .*; try `--engine embedded`"):
        Engine(SYSTEM, program).run(SOURCE, "svg")


def test_pdf_needs_neither_cairo_nor_a_system_dot(
    small: Tree, no_dot_on_path: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "cairosvg", None)  # `import cairosvg` would fail
    monkeypatch.setitem(sys.modules, "cairocffi", None)
    options = RenderOptions(formats=("pdf",), engine="embedded")
    first = diagram_files(small, options)
    assert first["diagram/cascading.pdf"].startswith(b"%PDF-1.4")
    assert all(b"CreationDate" not in data for data in first.values()), "no date: same bytes"
    assert first == diagram_files(small, options)


@needs_dot
def test_system_dot_draws_every_page_in_every_format(small: Tree) -> None:
    options = RenderOptions(formats=("svg", "png", "pdf"), engine="dot")
    files = diagram_files(small, options)
    assert sum(name.endswith((".svg", ".png")) for name in files) == 6 * 2
    assert b"graphviz-pure" not in files["diagram/cascading.svg"]
    assert b"PROGRAM REHABILITASI SOSIAL" in files["diagram/cascading/prog-rehab.svg"]
    assert files["diagram/cascading.png"].startswith(b"\x89PNG")
    # PDF from the system engine's SVG too, on paper, by pohon's own writer
    assert b"/MediaBox [0 0 " in files["diagram/cascading.pdf"]
    assert files == diagram_files(small, options), "same bytes on the same machine"


def test_the_embedded_engine_is_the_pinned_version() -> None:
    """Same bytes everywhere holds for one engine version: the pin is what the tests ran."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = [d for d in project["dependencies"] if d.startswith("graphviz-pure")]
    assert len(pins) == 1 and re.fullmatch(r"graphviz-pure==[\d.]+", pins[0]), pins
    shown = subprocess.run([choose("embedded").program, "-V"], capture_output=True, text=True)
    assert f"version {pins[0].split('==')[1]} " in shown.stdout + shown.stderr
