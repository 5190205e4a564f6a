"""Safety: the source policy ruff holds (and what it cannot), escaped report values, the sandbox, no network."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from pohon.cli import main

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "pohon"
MODULES = sorted(SRC.rglob("*.py"))

# The policy on the source text (no shell, eval or exec; no network; PyYAML only in
# source/yaml_marks.py without its object-building loaders; Jinja environments only in
# render/reports/environment.py) is ruff's: `S` and `TID251` in pyproject.toml, run by
# `make lint`. The tests here hold what ruff cannot say.

# ruff's per-file-ignores lift every TID251 ban in a file, not one: the bans each of these
# modules may break; every other ban still holds there.
ALLOWED: dict[Path, Callable[[str], bool]] = {
    SRC / "source" / "yaml_marks.py": lambda name: name == "yaml",  # not yaml.load, yaml.Loader
    SRC / "source" / "yaml_build.py": lambda name: name == "yaml",  # its builder: nodes only
    SRC / "render" / "reports" / "environment.py": lambda name: name.startswith("jinja2."),
    SRC / "render" / "reports" / "escaping.py": lambda name: name.startswith("jinja2."),
}
LINT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ruff"]["lint"]
BANNED = LINT["flake8-tidy-imports"]["banned-api"]


def test_the_policy_is_in_ruffs_configuration() -> None:
    assert len(MODULES) > 20 and set(ALLOWED) <= set(MODULES)
    assert {"TID251", "S102", "S307", "S506", "S602", "S604", "S605"} <= set(LINT["select"])
    assert {"socket", "http", "urllib.request", "requests", "yaml", "yaml.load"} <= set(BANNED)
    assert {"yaml.Loader", "jinja2.Template", "jinja2.Environment", "jinja2.sandbox"} <= set(BANNED)
    ignored = {glob for glob, codes in LINT["per-file-ignores"].items() if "TID251" in codes}
    exempt = {str(path.relative_to(ROOT)) for path in ALLOWED}
    assert ignored == exempt | {"tests/**", "benchmarks/**"}


@pytest.mark.parametrize("path", list(ALLOWED), ids=lambda p: p.name)
def test_a_module_allowed_one_banned_api_breaks_no_other_ban(tmp_path: Path, path: Path) -> None:
    others = {name: ban for name, ban in BANNED.items() if not ALLOWED[path](name)}
    assert len(others) < len(BANNED) and "socket" in others
    config = tmp_path / "ruff.toml"
    config.write_text(
        '[lint]\nselect = ["TID251"]\n[lint.flake8-tidy-imports.banned-api]\n'
        + "".join(f'"{name}".msg = "{ban["msg"]}"\n' for name, ban in others.items()),
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise"]
    command += ["--config", str(config)]
    done = subprocess.run([*command, str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def _subprocess_calls(path: Path) -> Iterator[ast.Call]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        called = (
            node.func.value
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            else None
        )
        if isinstance(called, ast.Name) and called.id == "subprocess":
            yield node


def test_no_subprocess_gets_a_shell() -> None:
    """ruff's S602 passes `shell=flag`; here `shell` may only be the literal False."""
    found, calls = [], 0
    for path in MODULES:
        for call in _subprocess_calls(path):
            calls += 1
            where = f"{path.relative_to(SRC)}:{call.lineno}"
            for keyword in call.keywords:
                value = keyword.value
                if keyword.arg == "shell" and not (
                    isinstance(value, ast.Constant) and value.value is False
                ):
                    found.append(f"{where}: shell=")
            # a command given as one string is run by a shell's rules, or not at all
            if call.args and isinstance(call.args[0], ast.Constant | ast.JoinedStr):
                found.append(f"{where}: the command is one string")
    assert not found
    assert calls >= 2  # the scan sees pohon's own calls (the system dot, its version)


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
            str(ROOT / "data" / "dinsos_mamuju.yaml"),
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


def test_no_rendered_output_reaches_for_the_network(mamuju_site: Path) -> None:
    outputs = [path for path in mamuju_site.rglob("*") if path.is_file()]
    assert len(outputs) > 10
    for path in outputs:
        rest = _NAMES.sub(b"", path.read_bytes())
        assert not re.search(rb"(https?:)?//[a-z0-9-]+\.[a-z]", rest, re.I), path
