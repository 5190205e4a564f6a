"""What `pohon render` renders and how: its options (pipeline.py renders, write.py writes)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pohon.core.vocabulary import EngineChoice, Language
from pohon.tree.model import AchievementFormula

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
    # capaian of lower-is-better indicators without their own `rumus_capaian` (docs/reports.md)
    capaian_turun: AchievementFormula = AchievementFormula.KEBALIKAN
