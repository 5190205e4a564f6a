"""The `render` pipeline: every tree's diagrams and reports as bytes in memory, then one write."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pohon.validate import Checked

MAX_NODES_PER_PAGE = 60
"""A page with more boxes is split; the Mamuju tree's largest page has 29, so none of it is."""


@dataclass(frozen=True)
class RenderOptions:
    """What to render and how; filled from the command line and `[tool.pohon.render]`."""

    formats: tuple[str, ...] = ("svg",)
    engine: str = "embedded"
    root: str | None = None
    year: int | None = None
    lang: str = "id"
    templates: Path | None = None
    jobs: int | None = None  # engine calls at once; None: one per CPU
    max_nodes_per_page: int = MAX_NODES_PER_PAGE
    extra: dict[str, object] = field(default_factory=dict)


def tree_folder(checked: Checked) -> str:
    """The folder of one tree inside the output folder: the main file's name without `.yaml`."""
    return Path(checked.load.tree.source if checked.load.tree else "tree").stem


def render_tree(checked: Checked, options: RenderOptions) -> dict[str, bytes]:
    """All output files of one tree, keyed by their path relative to the output folder.

    The same diagrams and reports as `pohon render`, without its cache or output folder
    (pipeline.render_trees adds those): a pure function for callers that want bytes.
    """
    from pohon.reports import render_reports

    outputs: dict[str, bytes] = {}
    # Reports come last: the tree's index page links the diagram files rendered before it.
    folder = tree_folder(checked)
    if checked.load.tree is not None:
        from pohon.diagrams import render_diagrams

        diagrams = render_diagrams(checked.load.tree, options)
        outputs.update({f"{folder}/{name}": data for name, data in diagrams.items()})
    outputs.update(render_reports(checked, options, folder, outputs))
    return outputs
