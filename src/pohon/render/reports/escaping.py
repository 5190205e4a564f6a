"""What Jinja's autoescape does to each printed value: the format's escaping, each text once.

Both report formats run with autoescape on, built-in and user templates alike: every
printed value is escaped, `Markup` passes (`|safe`, `|href`, a macro's output, a `set`
block, `caller()`, `super()`). Jinja escapes with markupsafe's `escape`, the HTML one, by
name from the module a template compiles to; pohon's template class puts the format's
escaper under that name instead: HTML entities as markupsafe writes them, or the
Markdown escaping of `markdown.escape`.

The escaper remembers what it escaped: a report prints the same labels, level names and
figures thousands of times. Measured at 10k nodes (docs/performance.md), against the
`finalize` escaper this replaced, same bytes: this, 0.97 to 0.99 times the time of the
reports; markupsafe's own `escape` per printed value, 1.15 to 1.26 times (a new `Markup`
for every value); the values escaped beforehand, one copy of a tree's values per format
where they are built, printed by markupsafe's autoescape, 2.4 times (copying the values
cost more than building them, and markupsafe builds a new `Markup` even of a `Markup`).
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from types import CodeType, FunctionType
from typing import Any, cast

import jinja2
import markupsafe
from markupsafe import Markup


class Escaper:
    """A format's escaping as autoescape calls it: `Markup` passes, every other value is
    escaped, and a text met before is answered from memory."""

    KEPT = 100_000  # a bound on memory for a huge, varied corpus
    KEPT_CHARS = 200  # the repeats are labels, figures and words; a long text is rarely met twice

    def __init__(self, escape: Callable[[Any], str]) -> None:
        self.escape = escape
        self.done: dict[str, str] = {}

    def __call__(self, value: Any) -> str:
        if value.__class__ is not str:
            if hasattr(value, "__html__"):  # Markup, or anything that says it is markup
                return value if value.__class__ is Markup else Markup(value.__html__())
            return self.escape(value)
        if len(value) > self.KEPT_CHARS:
            return self.escape(value)
        escaped = self.done.get(value)
        if escaped is None:
            if len(self.done) >= self.KEPT:
                self.done.clear()
            escaped = self.done[value] = self.escape(value)
        return escaped


def escaping_template(escaper: Escaper) -> type[jinja2.Template]:
    """A template class whose templates escape each printed value with `escaper`."""

    class EscapingTemplate(jinja2.Template):
        @classmethod
        def from_code(
            cls,
            environment: jinja2.Environment,
            code: CodeType,
            globals: MutableMapping[str, Any],
            uptodate: Callable[[], bool] | None = None,
        ) -> jinja2.Template:
            template = super().from_code(environment, code, globals, uptodate)
            # The module the template compiled to: its blocks and macros share it.
            module = cast(FunctionType, template.root_render_func).__globals__
            if module.get("escape") is not markupsafe.escape:  # pragma: no cover - a new Jinja
                raise RuntimeError("Jinja's compiled templates no longer escape by `escape`")
            module["escape"] = escaper
            return template

    return EscapingTemplate
