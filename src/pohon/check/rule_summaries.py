"""The rules' one-line summaries for the message catalogue: Babel's extractor for check/rules/.

A rule's summary is its docstring's first line (`rule-id: what it checks`, docs/rules.md);
`make messages` extracts it with this (named in babel.cfg), beside the module's own `_()`
messages, so that the validation summary can say it in the run's language. Babel is a dev
dependency: it is imported only when Babel itself calls this.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator, Mapping
from typing import IO, Any


def summary_of(source: bytes | str) -> str | None:
    """A rule module's summary (its docstring's first line after `id:`), None for another module."""
    tree = ast.parse(source)
    doc = ast.get_docstring(tree) or ""
    rule = any(
        isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "ID" for t in node.targets)
        for node in tree.body
    )
    head, colon, summary = doc.partition("\n")[0].partition(":")
    return summary.strip() if rule and colon and head.strip() else None


def extract(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Any, options: Any
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel's extraction method: the rule's summary, then what Babel's Python extractor finds."""
    source = fileobj.read()
    summary = summary_of(source)
    if summary:
        yield 1, "_", summary, []
    fileobj.seek(0)
    python = importlib.import_module("babel.messages.extract").extract_python
    yield from python(fileobj, keywords, comment_tags, options)
