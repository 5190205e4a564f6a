"""The values a tree's workbook is built from: the very ones its HTML reports print."""

from __future__ import annotations

from dataclasses import dataclass

from pohon.render.reports.agreement import Agreement
from pohon.render.reports.matrix import Matrix
from pohon.render.reports.register import Register
from pohon.render.reports.renstra_funding import FundingTable
from pohon.render.reports.renstra_goals import GoalsTable
from pohon.render.reports.wording import Labels
from pohon.tree.model import Tree


@dataclass(frozen=True)
class ReportValues:
    """Each report's values of one tree, and the lines every sheet's title block shows."""

    tree: Tree  # the tree the reports show (cut to `--root` in a render)
    labels: Labels
    opd: str
    lines: tuple[str, ...]  # under each sheet's title: Pemda, OPD, codes, period
    matrix: Matrix
    register: Register
    goals: GoalsTable
    funding: FundingTable
    agreements: tuple[Agreement, ...]
    year: int  # the Perjanjian Kinerja's year
