"""What the site of one tree links to: its diagram pages (with the formats rendered) and its reports."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from pohon.model import Tree

if TYPE_CHECKING:
    from pohon.render import RenderOptions

DIAGRAM_FORMATS = ("svg", "png", "pdf", "dot")
REPORTS = "laporan"


class _Page(Protocol):
    @property
    def view(self) -> str: ...
    @property
    def scope(self) -> str | None: ...
    @property
    def title(self) -> str: ...
    @property
    def path(self) -> str: ...


@dataclass(frozen=True)
class DiagramLink:
    title: str
    view: str
    overview: bool
    files: tuple[tuple[str, str], ...]  # (format, path relative to the tree's folder)


@dataclass(frozen=True)
class ReportLink:
    title: str
    html: str
    markdown: str


def diagram_links(
    tree: Tree, options: RenderOptions, folder: str, files: Mapping[str, bytes]
) -> tuple[DiagramLink, ...]:
    """Every diagram page, with a link for each format that was rendered, in the diagrams' order."""
    links = []
    for page in _pages(tree, options):
        rendered = tuple(
            (fmt, f"{page.path}.{fmt}")
            for fmt in DIAGRAM_FORMATS
            if f"{folder}/{page.path}.{fmt}" in files
        )
        if rendered:
            links.append(DiagramLink(page.title, page.view, page.scope is None, rendered))
    return tuple(links)


def _pages(tree: Tree, options: RenderOptions) -> list[_Page]:
    try:
        from pohon import diagrams
    except ImportError:  # the diagrams (issue 3) are not in this checkout yet
        return []
    found: Any = diagrams.pages(tree, options)
    return list(found)
