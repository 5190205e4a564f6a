"""Write DOT statements: quoting, attribute lists, nodes, edges and nested subgraphs.

The text is laid out as the `graphviz` Python package lays it out (one statement per
line, a tab per nesting level, attributes sorted by name after the label), so diagrams
keep their bytes; pohon writes it itself because the package's per-call argument checks
and quoting were a fifth of a large render (docs/performance.md). tests/test_dotsyntax.py
holds this quoting to the package's own, which stays as the reference in the tests.

Labels built in `boxes` are HTML-like (`<…>`) and marked `Html`, which is written as it
is; every other value is quoted here, so nothing a tree holds is ever read as DOT syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

# A DOT ID that needs no quotes: a name or a numeral (https://graphviz.org/doc/info/lang.html).
_BARE = re.compile(r"([a-zA-Z_][a-zA-Z0-9_]*|-?(\.[0-9]+|[0-9]+(\.[0-9]*)?))$")
_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})
# A quote, after any escaped backslashes and with an optional backslash of its own, is
# written `\"`: an already escaped quote is not escaped twice.
_QUOTE = re.compile(r'(?P<backslashes>(?:\\{2})*)\\?(?P<quote>")')


class Html(str):
    """An HTML-like label, `<…>`, already escaped by `boxes`: written as it is."""

    __slots__ = ()


def quote(value: str) -> str:
    """`value` as one DOT ID: an `Html` label as it is, a name or numeral bare, else quoted."""
    if isinstance(value, Html):
        return value
    if _BARE.match(value) and value.lower() not in _KEYWORDS:
        return value
    if '"' not in value:  # ids, paths and fixed words: nothing to escape
        return f'"{value}"'
    return '"' + _QUOTE.sub(r"\g<backslashes>\\\g<quote>", value) + '"'


def attributes(attrs: dict[str, str], label: str | None = None) -> str:
    """` [label=… a=… b=…]`: a node's `label` first, then the attributes sorted by name.

    Names are written as they are: they come from keyword arguments (so they are
    identifiers) and are Graphviz's attribute names, none of which is a DOT keyword.
    """
    items = [f"label={quote(label)}"] if label is not None else []
    items += [f"{key}={quote(attrs[key])}" for key in sorted(attrs)]
    return f" [{' '.join(items)}]" if items else ""


class Dot:
    """The lines of one `digraph`, written in order; `subgraph` nests a block one tab deeper."""

    def __init__(self, name: str) -> None:
        self.lines = [f"digraph {quote(name)} {{\n"]
        self.indent = "\t"

    def defaults(self, kind: str, **attrs: str) -> None:
        """`graph […]`, `node […]` or `edge […]`: attributes for everything that follows."""
        self.lines.append(f"{self.indent}{kind}{attributes(attrs)}\n")

    def set(self, **attrs: str) -> None:
        """`a=… b=…` inside a subgraph: the subgraph's own attributes."""
        self.lines.append(f"{self.indent}{attributes(attrs)[2:-1]}\n")

    def node(self, name: str, label: str | None = None, **attrs: str) -> None:
        self.lines.append(f"{self.indent}{quote(name)}{attributes(attrs, label)}\n")

    def edge(self, tail: str, head: str, **attrs: str) -> None:
        self.lines.append(f"{self.indent}{quote(tail)} -> {quote(head)}{attributes(attrs)}\n")

    @contextmanager
    def subgraph(self, name: str | None = None) -> Iterator[Dot]:
        """`subgraph name { … }` (or an anonymous `{ … }`) around what the block writes."""
        outer = self.indent
        self.lines.append(f"{outer}subgraph {quote(name)} {{\n" if name else f"{outer}{{\n")
        self.indent = outer + "\t"
        try:
            yield self
        finally:
            self.indent = outer
            self.lines.append(f"{outer}}}\n")

    @property
    def source(self) -> str:
        return "".join(self.lines) + "}\n"
