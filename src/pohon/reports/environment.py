"""The one Jinja environment of the reports: built-in templates, a user's folder in front.

A user's template is text from outside, so with `--templates` the environment is Jinja's
sandbox (the built-in templates are ours, and render twice as fast outside it). Either
way HTML templates are autoescaped, and Markdown templates get the same protection from
`finalize`, which escapes every `{{ … }}` for Markdown (see `markdown.escape`).
"""

from __future__ import annotations

import functools
import importlib.resources
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from pohon.errors import UsageError
from pohon.load import display_path
from pohon.reports.markdown import escape as escape_markdown

BUILTIN = "templates"


@functools.cache  # one per process: compiling the templates again for every tree cost most of a report
def make_environment(user_folder: Path | None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [jinja2.PackageLoader("pohon", BUILTIN)]
    if user_folder is not None:
        loaders.insert(0, jinja2.FileSystemLoader(user_folder))
    kind = jinja2.Environment if user_folder is None else SandboxedEnvironment
    env = kind(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "svg"]),
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = escape_markdown
    env.filters["href"] = href
    return env


def href(path: str) -> Markup:
    """A relative link, percent-encoded: safe in an HTML attribute and a Markdown link alike."""
    return Markup(quote(path, safe="/"))


@jinja2.pass_context
def _finalize(context: jinja2.runtime.Context, value: Any) -> Any:
    """Escape every printed value in a Markdown template, except what is deliberately `|safe`."""
    name = context.name or ""
    if name.endswith(".md") and not isinstance(value, Markup):
        return escape_markdown(value)
    return value


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> bytes:
    """One template's output as UTF-8; a broken user template is a usage error naming file and line.

    A failure inside a built-in template is a bug in pohon, not the user's: it is raised
    as it is, and `run_guarded` reports it as an internal error.
    """
    try:
        return env.get_template(name).render(context).encode("utf-8")
    except jinja2.TemplateSyntaxError as error:
        where = error.filename or name
        if _builtin(where):
            raise
        message = f"{_where(where, error.lineno)}: template syntax error: {error.message}"
        raise UsageError(message) from None
    except jinja2.TemplateNotFound as error:
        raise UsageError(f"template {error.name} not found (needed for {name})") from None
    # Anything else a template can raise: undefined names, sandbox refusals, type errors.
    except Exception as error:
        filename, line = _user_frame(error.__traceback__)
        if filename is None:
            raise
        message = f"{_where(filename, line)}: template error: {type(error).__name__}: {error}"
        raise UsageError(message) from None


def _builtin(filename: str) -> bool:
    """Whether a template file is one of pohon's own (resolved: the package links to templates/)."""
    own = Path(str(importlib.resources.files("pohon") / BUILTIN)).resolve()
    return Path(filename).resolve().is_relative_to(own)


def _where(filename: str, line: int | None) -> str:
    shown = display_path(Path(filename)) if Path(filename).is_absolute() else filename
    return f"{shown}:{line}" if line else shown


def _user_frame(tb: TracebackType | None) -> tuple[str | None, int | None]:
    """The innermost traceback frame in a user's template (Jinja rewrites frames to point there)."""
    found: tuple[str | None, int | None] = (None, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.endswith(".py") and not filename.startswith("<") and not _builtin(filename):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
