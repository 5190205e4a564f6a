"""The Jinja environments of the reports: built-in templates, a user's folder in front.

A user's template is text from outside, so with `--templates` the environments are
Jinja's sandbox (the built-in templates are ours, and render twice as fast outside it).
Every `{{ … }}` value is escaped for its format by `finalize`: HTML entities in HTML
templates, Markdown escapes in Markdown templates (see `markdown.escape`); only `Markup`
passes as it is (`|safe`, `|href`, a macro's output printed with `|safe`). Escaping in
`finalize` rather than with Jinja's autoescape lets a value met again (a report prints the
same labels, words and figures thousands of times) be escaped once: it took the HTML
reports from 0.8 to 0.4 s at 10k nodes (docs/performance.md).
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

from pohon.errors import UsageError
from pohon.load import display_path
from pohon.reports.markdown import escape as escape_markdown

BUILTIN = "templates"


@dataclass(frozen=True)
class Templates:
    """One environment for the HTML templates and one for the Markdown ones (`*.md`)."""

    html: jinja2.Environment
    markdown: jinja2.Environment

    def get_template(self, name: str) -> jinja2.Template:
        return (self.markdown if name.endswith(".md") else self.html).get_template(name)


@functools.cache  # one per process: compiling the templates again for every tree cost most of a report
def make_environment(user_folder: Path | None) -> Templates:
    loaders: list[jinja2.BaseLoader] = [jinja2.PackageLoader("pohon", BUILTIN)]
    if user_folder is not None:
        loaders.insert(0, jinja2.FileSystemLoader(user_folder))
    loader = jinja2.ChoiceLoader(loaders)
    sandboxed = user_folder is not None
    html = _environment(loader, sandboxed, Escaper(_escape_html))
    markdown = _environment(loader, sandboxed, Escaper(escape_markdown))
    return Templates(html, markdown)


def _environment(
    loader: jinja2.BaseLoader, sandboxed: bool, finalize: Escaper
) -> jinja2.Environment:
    options: dict[str, Any] = {
        "loader": loader,
        "autoescape": False,  # `finalize` escapes every value instead (see above)
        "finalize": finalize,
        "undefined": jinja2.StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }
    env = SandboxedEnvironment(**options) if sandboxed else jinja2.Environment(**options)
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

    def __init__(self, escape: Callable[[Any], str]) -> None:
        self.escape = escape
        self.done: dict[str, str] = {}

    def __call__(self, value: Any) -> Any:
        if isinstance(value, Markup):
            return value
        if value.__class__ is not str:
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
