"""The Jinja environments of the reports: built-in templates, a user's folder in front.

HTML and Markdown templates have an environment each, both with autoescape on and one
rule for the built-in templates and a user's alike (`escaping.py`): every printed value
is escaped for the format, `Markup` passes. Deliberate markup is marked `|safe`; a
macro's output, a `set` block, `caller()` and `super()` are markup already.

A user's `--templates` are text from outside: they run in Jinja's sandbox. The built-in
templates are ours and run outside it, with the same escaping: the sandbox checks every
attribute a template reads, and sandboxed, the built-in reports took twice as long at
10k nodes (docs/performance.md).
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
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup
from markupsafe import escape as escape_html

from pohon.core.errors import PohonError, UsageError
from pohon.render.reports.escaping import Escaper, escaping_template
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
        loaders.insert(0, UserTemplates(user_folder))
    loader = jinja2.ChoiceLoader(loaders)
    kind = jinja2.Environment if user_folder is None else SandboxedEnvironment
    pages = jinja2.select_autoescape(["html", "htm", "xml", "svg"])  # not the included CSS
    html = _environment(kind, loader, Escaper(escape_html), pages)
    markdown = _environment(kind, loader, Escaper(escape_markdown), True)
    markdown.filters["md"] = markdown_filter
    return Templates(html, markdown)


class UserTemplates(jinja2.FileSystemLoader):
    """A user's template folder: a template that is a link leading out of it is not followed.

    The folder may come with a copied project: a link in it to `/proc/self/environ` or a
    private key would print that file into a report.
    """

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.folder = folder
        self.root = folder.resolve()

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder.joinpath(*split_template_path(template))
        if path.is_file() and not path.resolve().is_relative_to(self.root):
            raise UsageError(
                f"{display_path(path)}: the template is a link leading outside "
                f"{display_path(self.folder)}/ (to {path.resolve()}): pohon does not follow it; "
                "copy the file into the templates folder instead"
            )
        return super().get_source(environment, template)


def _environment(
    kind: type[jinja2.Environment],
    loader: jinja2.BaseLoader,
    escaper: Escaper,
    autoescape: bool | Callable[[str | None], bool],
) -> jinja2.Environment:
    env = kind(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=autoescape,
    )
    env.template_class = escaping_template(escaper)
    env.filters["href"] = href
    return env


def href(path: str) -> Markup:
    """A relative link, percent-encoded: safe in an HTML attribute and a Markdown link alike."""
    return Markup(quote(path, safe="/"))


def markdown_filter(value: Any) -> Markup:
    """`md`: text escaped for Markdown by hand, marked as done (a Markdown template's values
    are escaped when printed anyway; this is for markup put together in the template)."""
    return value if isinstance(value, Markup) else Markup(escape_markdown(value))


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
    except PohonError:  # a template refused before it was read (UserTemplates)
        raise
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
