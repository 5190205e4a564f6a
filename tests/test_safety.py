"""Safety: no shell, no network, no YAML objects; every report value escaped, user templates sandboxed."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from pohon.cli import main

SRC = Path(__file__).resolve().parent.parent / "src" / "pohon"
MODULES = sorted(SRC.rglob("*.py"))
NETWORK = {"socket", "http", "urllib.request", "requests", "httpx", "aiohttp", "ftplib", "smtplib"}
UNSAFE_YAML = {
    "load",
    "unsafe_load",
    "full_load",
    "load_all",
    "Loader",
    "UnsafeLoader",
    "FullLoader",
}


def _calls(tree: ast.AST) -> Iterator[ast.Call]:
    return (node for node in ast.walk(tree) if isinstance(node, ast.Call))


def _name(node: ast.expr) -> str:
    """`a.b.c` for an attribute chain, `c` for a name, "" otherwise."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_name(node.value)}.{node.attr}".lstrip(".")
    return ""


def _imports(tree: ast.AST) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def test_the_source_is_there() -> None:
    assert len(MODULES) > 20 and SRC / "source" / "yaml_marks.py" in MODULES


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_subprocess_gets_a_shell(path: Path) -> None:
    for call in _calls(_parse(path)):
        name = _name(call.func)
        assert name not in {"os.system", "os.popen", "eval", "exec"}, f"{path}:{call.lineno}"
        if not name.startswith("subprocess."):
            continue
        for keyword in call.keywords:
            if keyword.arg == "shell":
                value = keyword.value
                assert isinstance(value, ast.Constant) and value.value is False, (
                    f"{path}:{call.lineno}: shell="
                )
        if call.args:  # a command given as one string is run by a shell's rules, or not at all
            assert not isinstance(call.args[0], ast.Constant | ast.JoinedStr), (
                f"{path}:{call.lineno}"
            )


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_nothing_reaches_the_network(path: Path) -> None:
    reached = {name for name in _imports(_parse(path)) if name.split(".")[0] in NETWORK}
    reached |= {name for name in _imports(_parse(path)) if name.startswith("urllib.request")}
    assert not reached, f"{path} imports {sorted(reached)}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_yaml_is_read_in_one_place_without_objects(path: Path) -> None:
    tree = _parse(path)
    uses_yaml = any(name.split(".")[0] == "yaml" for name in _imports(tree))
    assert not uses_yaml or path.name == "yaml_marks.py", f"{path} imports PyYAML"
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _name(node.value) == "yaml":
            assert node.attr not in UNSAFE_YAML, f"{path}:{node.lineno}: yaml.{node.attr}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_jinja_environments_are_made_in_one_place(path: Path) -> None:
    for call in _calls(_parse(path)):
        name = _name(call.func)
        if name.endswith("Environment"):
            assert path.name == "environment.py", f"{path}:{call.lineno}: {name}"
        # jinja2.Template() builds its own environment, outside the one that escapes
        assert name not in {"Template", "jinja2.Template"}, f"{path}:{call.lineno}: {name}"


HOSTILE = "<script>alert('x')</script> & \"quoted\" *bold* [link](x) | pipe"
TEMPLATES = pytest.mark.parametrize("user_folder", [False, True], ids=["built-in", "user"])


def _escaped(kind: str) -> str:
    from markupsafe import escape

    from pohon.render.reports.markdown import escape as escape_markdown

    return str(escape(HOSTILE)) if kind == "html" else escape_markdown(HOSTILE)


@TEMPLATES
@pytest.mark.parametrize("kind", ["html", "markdown"])
def test_every_printed_value_is_escaped_for_its_format(
    tmp_path: Path, user_folder: bool, kind: str
) -> None:
    from markupsafe import Markup

    from pohon.render.reports.environment import make_environment

    env = getattr(make_environment(tmp_path if user_folder else None), kind)
    page = env.from_string("{{ value }}|{{ value ~ '!' }}|{{ values[1] }}|{{ safe }}|{{ 7 }}")
    shown = page.render(value=HOSTILE, values=("", HOSTILE), safe=Markup("<b>kept</b>"))
    expected = _escaped(kind)
    assert shown == f"{expected}|{expected}!|{expected}|<b>kept</b>|7"
    assert "<script>" not in shown


# Jinja constructs a template author uses to build markup: what they make is markup
# (printed as it is), the values inside are escaped; the same for pohon's templates and
# a user's, in both formats.
CONSTRUCTS = {
    "{% macro b(x) %}<b>{{ x }}</b>{% endmacro %}{{ b(value) }}": "<b>{v}</b>",
    "{% set cell %}<td>{{ value }}</td>{% endset %}{{ cell }}": "<td>{v}</td>",
    "{% macro w() %}<i>{{ caller() }}</i>{% endmacro %}{% call w() %}{{ value }}{% endcall %}": (
        "<i>{v}</i>"
    ),
}
# Jinja's own joins escape the parts beside a `|safe` one as HTML, in Markdown too.
HTML_CONSTRUCTS = {
    "{{ '<br>'|safe ~ value }}": "<br>{v}",
    "{{ ['<b>'|safe, value]|join }}": "<b>{v}",
}


@TEMPLATES
@pytest.mark.parametrize(
    ("kind", "source"),
    [("html", source) for source in {**CONSTRUCTS, **HTML_CONSTRUCTS}]
    + [("markdown", source) for source in CONSTRUCTS],
)
def test_markup_a_template_makes_prints_as_it_is_and_the_values_in_it_escaped(
    tmp_path: Path, user_folder: bool, kind: str, source: str
) -> None:
    from pohon.render.reports.environment import make_environment

    env = getattr(make_environment(tmp_path if user_folder else None), kind)
    shown = env.from_string(source).render(value=HOSTILE)
    assert shown == {**CONSTRUCTS, **HTML_CONSTRUCTS}[source].format(v=_escaped(kind))


@TEMPLATES
def test_a_block_calling_super_keeps_the_base_markup(tmp_path: Path, user_folder: bool) -> None:
    import jinja2

    from pohon.render.reports.environment import make_environment

    templates = {
        "html/page.html": (
            '{% extends "html/base.html" %}{% block main %}{{ super() }}{{ value }}{% endblock %}'
        ),
        "html/base.html": "{% block main %}<h1>{{ value }}</h1>{% endblock %}",
    }
    env = make_environment(tmp_path if user_folder else None).html.overlay(
        loader=jinja2.DictLoader(templates)
    )
    shown = env.get_template("html/page.html").render(value=HOSTILE)
    assert shown == f"<h1>{_escaped('html')}</h1>{_escaped('html')}"


def test_user_templates_run_in_the_sandbox(tmp_path: Path) -> None:
    from jinja2.sandbox import SandboxedEnvironment

    from pohon.render.reports.environment import make_environment

    templates = make_environment(tmp_path)
    assert isinstance(templates.html, SandboxedEnvironment)
    assert isinstance(templates.markdown, SandboxedEnvironment)
    # pohon's own run outside it (for speed), with the same escaping (tested above)
    assert not isinstance(make_environment(None).html, SandboxedEnvironment)
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "index.html").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    result = CliRunner().invoke(
        main,
        [
            "render",
            str(SRC.parent.parent / "data" / "dinsos_mamuju.yaml"),
            "--out",
            str(tmp_path / "out"),
            "--format",
            "dot",
            "--templates",
            str(tmp_path),
            "-q",
        ],
    )
    assert result.exit_code == 2, result.output
    assert "index.html:1: template error: SecurityError" in result.output
    assert not (tmp_path / "out").exists()


# Namespaces and the SVG DTD name documents; nothing reads them from the network.
_NAMES = re.compile(
    rb"https?://www\.w3\.org/(2000/svg|1999/xlink|Graphics/SVG/1\.1/DTD/svg11\.dtd)"
)


def test_no_rendered_output_reaches_for_the_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    mamuju = SRC.parent.parent / "data" / "dinsos_mamuju.yaml"
    result = CliRunner().invoke(
        main, ["render", str(mamuju), "--out", "out", "--format", "svg,dot", "-q"]
    )
    assert result.exit_code == 0, result.output
    outputs = [path for path in (tmp_path / "out").rglob("*") if path.is_file()]
    assert len(outputs) > 10
    for path in outputs:
        rest = _NAMES.sub(b"", path.read_bytes())
        assert not re.search(rb"(https?:)?//[a-z0-9-]+\.[a-z]", rest, re.I), path
