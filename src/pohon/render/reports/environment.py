"""The Jinja environments of the reports: built-in templates, a user's folder in front.

HTML and Markdown templates have an environment each, both with autoescape on and one
rule for the built-in templates and a user's alike (`escaping.py`): every printed value
is escaped for the format, `Markup` passes. Deliberate markup is marked `|safe`; a
macro's output, a `set` block, `caller()` and `super()` are markup already.

A user's `--templates` are text from outside: they run in Jinja's sandbox. The built-in
templates are ours and run outside it, with the same escaping: the sandbox checks every
attribute a template reads, and sandboxed, the built-in reports took twice as long at
10k nodes (docs/performance.md).

The sandbox stops a template from reaching outside it, not from running for ever: two
nested loops over `range(100000)` never end, and one template printed 9.8 GB. So a
sandboxed template has a budget (`BudgetedSandbox`): its compiled code ticks at the start
of every block (each turn of a loop is one) and every few thousand ticks the clock is
read; its output is counted as it is written; `*` and `**`, which make a gigabyte in one
step, are checked before they run. pohon's own templates are bounded by the tree.
"""

from __future__ import annotations

import functools
import importlib.resources
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote

import jinja2
from jinja2.compiler import CodeGenerator, CompilerExit, Frame
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup
from markupsafe import escape as escape_html

from pohon.core.errors import OverBudget, PohonError, UsageError
from pohon.render.reports.escaping import Escaper, escaping_template
from pohon.render.reports.markdown import escape as escape_markdown
from pohon.source import limits
from pohon.source.files import display_path

BUILTIN = "pohon.templates"  # the top-level templates/, installed as this package (pyproject.toml)

_CLOCK_EVERY = 4096  # ticks between readings of the clock: a tick costs a call, a reading more


class _TickingCodeGenerator(CodeGenerator):
    """Writes a tick where Jinja writes the `pass` that opens every block."""

    def blockvisit(self, nodes: Any, frame: Frame) -> None:
        try:
            self.writeline("environment.tick()")
            for node in nodes:
                self.visit(node, frame)
        except CompilerExit:
            pass


class BudgetedSandbox(SandboxedEnvironment):
    """Jinja's sandbox, with a deadline and an output bound for each template rendered."""

    code_generator_class = _TickingCodeGenerator
    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.ticks = 0
        self.deadline = float("inf")

    def tick(self) -> None:
        self.ticks += 1
        if self.ticks % _CLOCK_EVERY == 0 and time.monotonic() > self.deadline:
            raise OverBudget(
                f"ran for more than {limits.MAX_TEMPLATE_SECONDS} s (the limit for one "
                "template): look for a loop that never ends, or loops nested too deep"
            )

    def rendered(self, template: jinja2.Template, context: dict[str, Any]) -> str:
        """The template's output, counted as it is made and stopped at the budget."""
        self.deadline = time.monotonic() + limits.MAX_TEMPLATE_SECONDS
        pieces: list[str] = []
        size = 0
        for piece in template.generate(context):
            size += len(piece)
            if size > limits.MAX_TEMPLATE_CHARS:
                raise OverBudget(_too_much())
            pieces.append(piece)
        return "".join(pieces)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            _check_repeat(left, right)
            _check_repeat(right, left)
        elif operator == "**" and _huge_power(left, right):
            raise OverBudget(_too_much())
        return super().call_binop(context, operator, left, right)


def _check_repeat(sequence: Any, times: Any) -> None:
    """`"x" * n` or `[x] * n` past the output bound: refused before it is made."""
    repeated = isinstance(sequence, str | list | tuple) and isinstance(times, int)
    if repeated and len(sequence) * times > limits.MAX_TEMPLATE_CHARS:
        raise OverBudget(_too_much())


def _huge_power(base: Any, exponent: Any) -> bool:
    """`10 ** 1000000000`: a whole number of more digits than a template may write."""
    whole = isinstance(base, int) and isinstance(exponent, int) and abs(base) > 1
    return whole and exponent * abs(base).bit_length() > 4 * limits.MAX_TEMPLATE_CHARS


def _too_much() -> str:
    return (
        f"writes more than {limits.MAX_TEMPLATE_CHARS:,} characters (the limit for one "
        "template's output): look for a loop that prints more than the tree holds"
    )


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


def make_environment(user_folder: Path | None) -> Templates:
    """The environments for the built-in templates, with a user's folder in front if given."""
    # Cached by the folder's absolute path: the same name in another working folder is another folder.
    return _environments(user_folder.absolute() if user_folder is not None else None)


@functools.cache  # one per process: compiling the templates again for every tree cost most of a report
def _environments(user_folder: Path | None) -> Templates:
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(builtin_folder())]
    if user_folder is not None:
        loaders.insert(0, UserTemplates(user_folder))
    loader = jinja2.ChoiceLoader(loaders)
    kind = jinja2.Environment if user_folder is None else BudgetedSandbox
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
                f"{_unresolved(path)}: the template is a link leading outside "
                f"{_unresolved(self.folder)}/ (to {path.resolve()}): pohon does not follow it; "
                "copy the file into the templates folder instead"
            )
        return super().get_source(environment, template)


def _unresolved(path: Path) -> str:
    """A path as the user wrote it, relative to the working folder where it can be: a link
    is named, not where it leads."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


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
    template = None
    try:
        template = env.get_template(name)
        if isinstance(template.environment, BudgetedSandbox):  # a user's folder is in use
            return template.environment.rendered(template, context).encode("utf-8")
        return template.render(context).encode("utf-8")
    except OverBudget as error:
        filename, line = _user_frame(error.__traceback__)
        where = _where(filename, line) if filename else _where(template_file(template, name), None)
        raise UsageError(f"{where}: template stopped: it {error}") from None
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


def template_file(template: jinja2.Template | None, name: str) -> str:
    return template.filename if template is not None and template.filename else name


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
