"""The Perjanjian Kinerja of each position: the naskah (the two parties, the promise) and its
lampiran by jenjang (its sasaran with their targets for one year, its budget items)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pohon.core.errors import UsageError
from pohon.core.messages import _
from pohon.render.reports.agreement_budget import BudgetLine, build_budget
from pohon.render.reports.agreement_parties import (
    Naskah,
    Party,
    Superiors,
    naskah,
    place,
    position_party,
)
from pohon.render.reports.figures import format_figure
from pohon.render.reports.views import NodeView, Views, plan_years
from pohon.render.reports.wording import Labels
from pohon.tree.indicator_years import in_force
from pohon.tree.jenjang import Jenjang, Scope, agreement_scopes
from pohon.tree.model import Indicator, Node, Tree

__all__ = ["Agreement", "AgreementIndicator", "BudgetLine", "Objective", "Party"]


@dataclass(frozen=True)
class AgreementIndicator:
    name: str
    unit: str
    """The satuan, or the word saying there is none yet (`unit_missing`)."""
    target: str
    """The target of the agreement's year, or the word saying there is none yet."""
    unit_missing: bool
    target_missing: bool


@dataclass(frozen=True)
class Objective:
    node: NodeView
    indicators: tuple[AgreementIndicator, ...]
    """Empty: the row says the indicator is not set yet (rule missing-indicator)."""


@dataclass(frozen=True)
class Agreement:
    position_id: str
    slug: str
    year: int
    jenjang: Jenjang | None
    objective_label: str
    """The heading of its sasaran: Sasaran Strategis, Sasaran Program or Sasaran Kegiatan."""
    items_label: str
    """The heading of its budget items: Program, Kegiatan or Sub Kegiatan."""
    objectives: tuple[Objective, ...]
    budget_lines: tuple[BudgetLine, ...]
    total: str | None
    first_party: Party
    second_party: Party | None
    place: str | None
    naskah: Naskah


def agreement_year(tree: Tree, year: int | None) -> int:
    """`--year`, or the plan period's first year: a fixed choice, never today's date."""
    period = tree.meta.period
    if year is None:
        return period.start
    if year not in plan_years(tree):
        raise UsageError(
            _("--year {year}: outside the plan period {start}-{end}").format(
                year=year, start=period.start, end=period.end
            )
        )
    return year


def build_agreements(
    tree: Tree, year: int, labels: Labels, views: Views | None = None
) -> tuple[Agreement, ...]:
    """One agreement per position under `jabatan:`, in YAML order, also for a position with no node."""
    views = views or Views(tree, labels)
    assigned: dict[str, list[Node]] = {}  # position id -> its nodes, in YAML order
    for node in tree.walk():
        if node.position is not None:
            assigned.setdefault(node.position, []).append(node)
    superiors = Superiors(tree, assigned)
    parents, text = superiors.parents, naskah(year, labels)
    slugs: set[str] = set()
    agreements = []
    for position_id, scope in agreement_scopes(tree).items():
        kind = scope.jenjang or "none"
        budget = build_budget(scope.jenjang, scope.objectives, parents, year, labels, views)
        agreements.append(
            Agreement(
                position_id=position_id,
                slug=_slug(position_id, slugs),
                year=year,
                jenjang=scope.jenjang,
                objective_label=labels[f"pk_objective_{kind}"],
                items_label=labels[f"pk_items_{kind}"],
                objectives=_objectives(scope, year, labels, views),
                budget_lines=budget.lines,
                total=budget.total,
                first_party=position_party(tree.positions[position_id]),
                second_party=superiors.of(position_id, scope.jenjang),
                place=place(tree, position_id),
                naskah=text,
            )
        )
    return tuple(agreements)


def _objectives(scope: Scope, year: int, labels: Labels, views: Views) -> tuple[Objective, ...]:
    return tuple(
        Objective(
            views.node(node),
            tuple(_indicator(i, year, labels) for i in node.indicators if in_force(i, year)),
        )
        for node in scope.objectives
    )


def _indicator(indicator: Indicator, year: int, labels: Labels) -> AgreementIndicator:
    target = indicator.targets.get(year)
    unit = (indicator.unit or "").strip()
    return AgreementIndicator(
        name=indicator.name,
        unit=unit or labels["pk_unit_missing"],
        target=format_figure(target, labels.lang, labels["pk_target_missing"]),
        unit_missing=not unit,
        target_missing=target is None,
    )


def _slug(position_id: str, taken: set[str]) -> str:
    """A file name from a position id: safe on every file system, unique within the tree."""
    base = re.sub(r"[^a-z0-9_.-]+", "-", position_id.lower()).strip("-.") or "jabatan"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug
