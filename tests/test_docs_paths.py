"""The documentation cites only what the repository holds: links and quoted paths resolve."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
# A path in backquotes that starts at one of the repository's own top folders.
QUOTED_PATH = re.compile(r"`((?:data|docs|src|tests|templates|benchmarks)/[\w./-]*\w)`")


def _cited(document: Path) -> list[tuple[str, Path]]:
    text = document.read_text(encoding="utf-8")
    links = [
        (link, (document.parent / link).resolve())
        for link in LINK.findall(text)
        if "://" not in link and not link.startswith("mailto:")
    ]
    paths = [(path, ROOT / path) for path in QUOTED_PATH.findall(text) if "*" not in path]
    return links + paths


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: str(d.relative_to(ROOT)))
def test_every_cited_file_is_in_the_repository(document: Path) -> None:
    missing = [
        cited
        for cited, path in _cited(document)
        if not path.is_relative_to(ROOT) or not path.exists()
    ]
    assert missing == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: str(d.relative_to(ROOT)))
def test_no_document_points_outside_the_repository(document: Path) -> None:
    # The workspace this repository was written in is not part of a clone.
    text = document.read_text(encoding="utf-8")
    assert re.findall(r"(?:\.\./)+shared/|\bshared/seeds/|/work/", text) == []
