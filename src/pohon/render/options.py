"""What `pohon render` renders and how: its options (pipeline.py renders, write.py writes)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pohon.core.vocabulary import AchievementFormula, EngineChoice, Language, PaperChoice

MAX_NODES_PER_PAGE = 60
"""A page with more boxes is split; the Mamuju tree's largest page has 29, so none of it is."""


@dataclass(frozen=True)
class RenderOptions:
    """What to render and how; filled from the command line and `[tool.pohon.render]`."""

    formats: tuple[str, ...] = ("svg",)
    engine: EngineChoice = "embedded"
    root: str | None = None
    year: int | None = None
    lang: Language = "id"
    templates: Path | None = None
    jobs: int | None = None  # engine calls at once; None: one per CPU
    max_nodes_per_page: int = MAX_NODES_PER_PAGE
    figures: bool = False  # satuan, target and pagu of `year` in the Cascading boxes
    paper: PaperChoice = "a4"  # the sheet of the diagram PDFs (render/diagrams/paper.py)
    # capaian of lower-is-better indicators without their own `rumus_capaian` (docs/reports.md)
    capaian_turun: AchievementFormula = AchievementFormula.KEBALIKAN
