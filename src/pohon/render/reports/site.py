"""What the site of one tree links to: its diagram pages (with the formats rendered) and its reports."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pohon.core.vocabulary import DIAGRAM_FORMATS

if TYPE_CHECKING:
    from pohon.render.diagrams.pages import DiagramPage

REPORTS = "laporan"


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
    pages: Sequence[DiagramPage], folder: str, files: Collection[str]
) -> tuple[DiagramLink, ...]:
    """Every diagram page, with a link for each format that was rendered, in the diagrams' order."""
    links = []
    for page in pages:
        rendered = tuple(
            (fmt, f"{page.path}.{fmt}")
            for fmt in DIAGRAM_FORMATS
            if f"{folder}/{page.path}.{fmt}" in files
        )
        if rendered:
            links.append(DiagramLink(page.title, page.view, page.scope is None, rendered))
    return tuple(links)
