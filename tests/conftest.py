"""Shared helpers: small trees, golden files, renders; one Mamuju site and one browser per session."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pohon.check.rules import RULES
from pohon.cli import main
from pohon.core.messages import use_language
from pohon.render.diagrams.outputs import Pool, default_jobs
from pohon.render.diagrams.pages import DiagramPage, find_node, plans
from pohon.render.options import RenderOptions
from pohon.render.pipeline import prepare, render_loaded
from pohon.source.settings_file import Config
from pohon.tree.assemble import LoadResult
from pohon.tree.model import Tree

ROOT = Path(__file__).resolve().parent.parent
MAMUJU = ROOT / "data" / "dinsos_mamuju.yaml"
UPDATE_GOLDEN = os.environ.get("POHON_UPDATE_GOLDEN") == "1"

HEADER = """\
format: pohon/1
meta:
  pemda: Kabupaten Contoh
  opd: Dinas Sosial
  periode: {awal: 2021, akhir: 2026}
jabatan:
  kadis: {nama: Kepala Dinas Sosial, eselon: II}
"""


def in_english(args: list[str]) -> list[str]:
    """A command line run with `--lang en` (after the command's name, past `--debug`): for the
    tests that assert its English messages."""
    at = next((i for i, arg in enumerate(args) if not arg.startswith("-")), None)
    return args if at is None else [*args[: at + 1], "--lang", "en", *args[at + 1 :]]


def tree_text(nodes: str) -> str:
    """A whole tree file around a `simpul:` list written at column 0."""
    return HEADER + "simpul:\n" + textwrap.indent(textwrap.dedent(nodes).strip("\n"), "  ") + "\n"


def assert_golden(actual: str, golden: Path) -> None:
    """Compare with a golden file; `POHON_UPDATE_GOLDEN=1` rewrites it instead."""
    if UPDATE_GOLDEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing: run with POHON_UPDATE_GOLDEN=1"
    assert actual == golden.read_text(encoding="utf-8")


use_language("en")  # for the fixtures of wider scopes too, set up before `english_messages`


@pytest.fixture(autouse=True)
def english_messages() -> Iterator[None]:
    """A test that calls pohon's functions itself reads their messages in English (the message
    ids). The CLI chooses its own language, once per command: Indonesian unless `--lang en`
    or the settings' `lang` say otherwise (tests/test_messages_cli.py)."""
    use_language("en")
    yield
    use_language("en")


@pytest.fixture
def write_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Write a tree file (from a `simpul:` snippet, or whole text) in a fresh folder; cwd there."""
    monkeypatch.chdir(tmp_path)

    def write(nodes: str = "", *, whole: str | None = None, name: str = "tree.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(whole if whole is not None else tree_text(nodes), encoding="utf-8")
        return path

    return write


def render_one(tree: Tree, options: RenderOptions) -> dict[str, bytes]:
    """Every file of one tree, rendered by the production per-tree path (pipeline.render_loaded),
    named relative to the tree's folder; nothing is read from or written to any output folder.

    The tree comes without its YAML marks, so its rules are off (they place findings by the
    marks); the tests of findings in reports load trees from files instead.
    """
    use_language(options.lang)  # one language for the run's messages and words, as the CLI does
    rules_off = Config(severities=dict.fromkeys(RULES))
    job = prepare(options, rules_off, Path("never-written"), force=True)
    with Pool(options.jobs or default_jobs()) as pool:
        files = render_loaded(LoadResult(tree=tree), job, pool).result().files
    folder = Path(tree.source).stem
    return {name.removeprefix(f"{folder}/"): data for name, data in files.items()}


def diagram_files(tree: Tree, options: RenderOptions) -> dict[str, bytes]:
    """The diagram files of one tree's render, in page order."""
    return {n: data for n, data in render_one(tree, options).items() if n.startswith("diagram/")}


def diagram_pages(tree: Tree, options: RenderOptions) -> list[DiagramPage]:
    """The pages a render of the tree draws, in order (the plan the pipeline makes once)."""
    root = find_node(tree, options.root) if options.root is not None else None
    return [p.page for p in plans(tree, root, options.lang, options.max_nodes_per_page)]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for every browser test (skips them where it cannot be had)."""
    from headless import launched

    yield from launched()


@pytest.fixture(scope="session")
def mamuju_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Mamuju tree rendered once by the CLI as a user would (SVG and DOT diagrams, the
    reports), for the tests that only read the output folder."""
    out = tmp_path_factory.mktemp("mamuju-site")
    result = CliRunner().invoke(
        main, ["render", str(MAMUJU), "--out", str(out), "--format", "svg,dot"]
    )
    assert result.exit_code == 0, result.output
    return out
