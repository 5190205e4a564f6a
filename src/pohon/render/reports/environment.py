"""The Jinja environments of the reports: built-in templates, a user's folder in front.

HTML and Markdown templates have an environment each. In Markdown templates every
`{{ … }}` value is escaped for Markdown by `finalize` (see `markdown.escape`); only
`Markup` passes (`|safe`, `|href`, a macro's output printed with `|safe`).

HTML templates are escaped one of two ways, to the same bytes:
- with `--templates`, a user's template is text from outside: Jinja's sandbox with its
  autoescape, which every Jinja construct a template author may use knows (macros, `set`
  blocks, `call`, `super()`, `|xmlattr`…);
- the built-in templates alone are ours, and need neither: they run outside the sandbox
  and are escaped by `finalize` into plain text, each text escaped once and remembered
  (a report prints the same labels, words and figures thousands of times; autoescape
  wraps every value in a new `Markup`). They print macros with `|safe`, which autoescape
  ignores, so they read the same under both. This took the HTML reports from 0.8 to 0.4 s
  at 10k nodes (docs/performance.md).
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from pohon.core.errors import UsageError
from pohon.render.reports.markdown import escape as escape_markdown
from pohon.source.files import display_path

BUILTIN = "pohon.templates"  # the top-level templates/, installed as this package (pyproject.toml)


@functools.cache
def builtin_folder() -> Path:
    """The folder of the built-in templates: in an installed pohon, or templates/ of a checkout."""
    return Path(str(importlib.resources.files(BUILTIN))).resolve()


@dataclass(frozen=True)
class Templates:
    """One environment for the HTML templates and one for the Markdown ones (`*.md`)."""

    html: jinja2.Environment
    markdown: jinja2.Environment

    def get_template(self, name: str) -> jinja2.Template:
        return (self.markdown if name.endswith(".md") else self.html).get_template(name)


@functools.cache  # one per process: compiling the templates again for every tree cost most of a report
def make_environment(user_folder: Path | None) -> Templates:
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(builtin_folder())]
    if user_folder is not None:
        loaders.insert(0, jinja2.FileSystemLoader(user_folder))
    loader = jinja2.ChoiceLoader(loaders)
    html_escaping: dict[str, Any]
    if user_folder is None:
        kind, html_escaping = jinja2.Environment, {"finalize": Escaper(_escape_html)}
    else:
        autoescape = jinja2.select_autoescape(["html", "htm", "xml", "svg"])
        kind, html_escaping = SandboxedEnvironment, {"autoescape": autoescape}
    html = _environment(kind, loader, **html_escaping)
    markdown = _environment(kind, loader, finalize=Escaper(escape_markdown))
    return Templates(html, markdown)


def _environment(
    kind: type[jinja2.Environment], loader: jinja2.BaseLoader, **escaping: Any
) -> jinja2.Environment:
    env = kind(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        **escaping,
    )
    env.filters["md"] = escape_markdown
    env.filters["href"] = href
    return env


def href(path: str) -> Markup:
    """A relative link, percent-encoded: safe in an HTML attribute and a Markdown link alike."""
    return Markup(quote(path, safe="/"))


_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def _escape_html(value: Any) -> str:
    """As markupsafe escapes (the same entities), but a plain `str`: no `Markup` per value."""
    return str(value).translate(_HTML)


class Escaper:
    """A format's escaping as a Jinja `finalize`: `Markup` passes, every other value is
    escaped, and a text met before is answered from memory."""

    KEPT = 100_000  # a bound on memory for a huge, varied corpus
    KEPT_CHARS = 200  # the repeats are labels, figures and words; a long text is rarely met twice

    def __init__(self, escape: Callable[[Any], str]) -> None:
        self.escape = escape
        self.done: dict[str, str] = {}

    def __call__(self, value: Any) -> Any:
        if isinstance(value, Markup):
            return value
        if value.__class__ is not str or len(value) > self.KEPT_CHARS:
            return self.escape(value)
        escaped = self.done.get(value)
        if escaped is None:
            if len(self.done) >= self.KEPT:
                self.done.clear()
            escaped = self.done[value] = self.escape(value)
        return escaped


def render_template(env: Templates, name: str, context: dict[str, Any]) -> bytes:
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
    """Whether a template file is one of pohon's own."""
    return Path(filename).resolve().is_relative_to(builtin_folder())


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
