"""The package's layout shows its flow: stage packages, imports only going down, small modules."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "pohon"
FLOW = ("core", "source", "tree", "check", "render", "write", "commands")
"""The stages in the order data flows through them: each may import only those before it."""
TOP_MODULES = {"__init__.py", "__main__.py", "cli.py"}
MODULES = sorted(SRC.rglob("*.py"))


def _stage(module: str) -> int:
    """The place in the flow of a dotted module name inside pohon (the CLI comes last)."""
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in FLOW:
        return FLOW.index(parts[1])
    return len(FLOW)  # pohon.cli, pohon.__main__


def _dotted(path: Path) -> str:
    relative = path.relative_to(SRC.parent).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
    return ".".join(parts)


def _imports(text: str) -> list[tuple[int, str]]:
    """Every pohon module a file imports, wherever the import sits (lazy ones too)."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            if node.module == "pohon":  # `from pohon import x` names a module or a value
                found += [(node.lineno, f"pohon.{alias.name}") for alias in node.names]
    return [(line, name) for line, name in found if name.split(".")[0] == "pohon"]


def upward_imports(path: Path, text: str | None = None) -> list[str]:
    own = _stage(_dotted(path))
    text = path.read_text(encoding="utf-8") if text is None else text
    return [
        f"{path.relative_to(SRC)}:{line} imports {name}"
        for line, name in _imports(text)
        if name not in ("pohon", "pohon.__version__") and _stage(name) > own
    ]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_only_go_down_the_flow(path: Path) -> None:
    assert upward_imports(path) == []


def test_the_check_sees_an_upward_import() -> None:
    # A planted lazy import: reading the sources may not reach the renderer.
    text = "def f() -> None:\n    from pohon.render.pipeline import render_tree\n"
    found = upward_imports(SRC / "source" / "planted.py", text)
    assert found == ["source/planted.py:2 imports pohon.render.pipeline"]
    assert upward_imports(SRC / "render" / "planted.py", text) == []


def test_the_top_holds_the_stages_and_a_handful_of_modules() -> None:
    modules = {p.name for p in SRC.iterdir() if p.suffix == ".py"}
    packages = {p.name for p in SRC.iterdir() if (p / "__init__.py").is_file()}
    assert modules == TOP_MODULES
    assert packages == set(FLOW)


@pytest.mark.parametrize("stage", FLOW)
def test_each_stage_says_its_job_and_what_it_may_import(stage: str) -> None:
    import importlib

    doc = importlib.import_module(f"pohon.{stage}").__doc__ or ""
    allowed = (
        "every stage"
        if stage == "commands"
        else ", ".join(f"pohon.{s}" for s in FLOW[: FLOW.index(stage)])
    )
    assert doc.splitlines()[0].strip(), "a one-line job first"
    if stage == "core":
        assert "Imports nothing else of pohon" in doc
    else:
        assert f"May import: {allowed}." in " ".join(doc.split())


def test_no_two_modules_share_a_name() -> None:
    names = Counter(p.stem for p in MODULES if p.name != "__init__.py")
    assert [name for name, count in names.items() if count > 1] == []


def test_no_module_is_over_300_lines() -> None:
    long = {
        str(p.relative_to(SRC)): n for p in MODULES if (n := len(p.read_text().splitlines())) > 300
    }
    assert long == {}
