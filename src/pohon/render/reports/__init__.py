"""Reports from one tree: plain values built in Python, then written by one Jinja environment.

Each report is rendered twice, as HTML (a self-contained static site) and as
GitHub-flavoured Markdown, from the same values, so the two never disagree.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pohon.render.diagrams.pages import DiagramPage
from pohon.render.reports.affairs import Affair, official_names, tree_affairs
from pohon.render.reports.agreement import agreement_year, build_agreements
from pohon.render.reports.environment import Templates, make_environment, render_template
from pohon.render.reports.identity import codes_line
from pohon.render.reports.key_indicators import build_iku
from pohon.render.reports.manual_ik import build_manual
from pohon.render.reports.matrix import build_matrix
from pohon.render.reports.register import build_register
from pohon.render.reports.renstra_funding import build_funding
from pohon.render.reports.renstra_goals import build_goals
from pohon.render.reports.site import REPORTS, ReportLink, diagram_links
from pohon.render.reports.summary import build_summary
from pohon.render.reports.views import Views
from pohon.render.reports.wording import Labels
from pohon.source.nomenclature.reference import Nomenclature
from pohon.tree.model import Tree

if TYPE_CHECKING:
    from pohon.check.validate_trees import Checked
    from pohon.render.options import RenderOptions
    from pohon.render.workbook import ReportValues


@dataclass(frozen=True)
class Diagrams:
    """What the reports link to of a tree's diagrams: its pages, and the files drawn of them."""

    pages: Sequence[DiagramPage] = ()
    files: Collection[str] = frozenset()


NO_DIAGRAMS = Diagrams()


@dataclass(frozen=True)
class TreeInfo:
    folder: str
    pemda: str
    opd: str
    period: str
    source: str | None
    codes: str | None = None  # the OPD's and the region's codes, where the tree gives them
    affairs: tuple[Affair, ...] = ()
    """The urusan and bidang urusan the tree's codes imply (the title block shows them)."""


def render_reports(
    checked: Checked,
    options: RenderOptions,
    folder: str,
    diagrams: Diagrams = NO_DIAGRAMS,
    *,
    shown: Tree | None = None,
    nomenclature: Nomenclature | None = None,
    workbook: bool = False,
) -> dict[str, bytes]:
    """Every report of one tree in HTML and Markdown, and the tree's index pages, by relative path.

    `diagrams` are the pages drawn and the files drawn of them, which the index links;
    `shown` is the part of the checked tree the render shows (cut to `--root` by the
    pipeline), by default all of it; `nomenclature` the list the project's rules read
    (by default the bundled one), which names the urusan and the official names; with
    `workbook`, the .xlsx of every report too, beside them (render/workbook/), which the
    index links.
    """
    tree = shown or checked.load.tree
    if tree is None:
        return {}
    if nomenclature is None:
        from pohon.source.nomenclature.lists import bundled

        nomenclature = bundled()
    labels = Labels(options.lang)
    affairs = tree_affairs(tree, nomenclature, labels)
    info = _info(folder, tree, labels, affairs=affairs)
    base = {"labels": labels.words, "lang": labels.lang, "tree": info, "home": "../"}
    writer = _Writer(make_environment(options.templates), folder, base)
    values = _values(tree, labels, options, nomenclature, info)
    reports = [
        writer.report("matriks-cascading", labels["matrix"], matrix=values.matrix),
        writer.report("daftar-indikator", labels["register"], register=values.register),
        writer.report("renstra-tc25", labels["tc25"], goals=values.goals),
        writer.report("renstra-tc27", labels["tc27"], funding=values.funding),
        writer.report("iku", labels["iku"], iku=build_iku(tree, labels)),
        writer.report("manual-ik", labels["manual_ik"], manual=build_manual(tree, labels)),
    ]
    for agreement in values.agreements:
        title = f"{labels['agreement']} {values.year}: {agreement.first_party.title}"
        reports.append(
            writer.report("perjanjian-kinerja", title, agreement.slug, agreement=agreement)
        )
    book = f"{REPORTS}/{folder}.xlsx" if workbook else None
    if book is not None:
        from pohon.render.workbook import build_workbook  # here: its sheets import reports

        writer.files[f"{folder}/{book}"] = build_workbook(values, options.paper)
    summary = build_summary(checked.findings, labels, checked.silenced)
    reports.append(writer.report("ringkasan-validasi", labels["summary"], summary=summary))
    index = {
        "reports": reports,
        "diagrams": diagram_links(diagrams.pages, folder, diagrams.files),
        "summary": summary,
        "summary_link": reports[-1],
        "workbook": book,
        "home": "",
    }
    writer.page("index.html", "html/index.html", **index)
    writer.page("README.md", "md/README.md", **index)
    return writer.files


def tree_workbook(tree: Tree, options: RenderOptions, nomenclature: Nomenclature) -> bytes:
    """The workbook `render` writes beside a tree's reports, for `pohon export --format xlsx`."""
    from pohon.render.workbook import build_workbook

    labels = Labels(options.lang)
    info = _info(Path(tree.source).stem, tree, labels)
    return build_workbook(_values(tree, labels, options, nomenclature, info), options.paper)


def _values(
    tree: Tree, labels: Labels, options: RenderOptions, nomenclature: Nomenclature, info: TreeInfo
) -> ReportValues:
    """Every table's values, built once: the HTML, the Markdown and the workbook print them."""
    from pohon.render.workbook import ReportValues

    views = Views(tree, labels, official_names(tree, nomenclature))
    affairs = info.affairs or tree_affairs(tree, nomenclature, labels)
    year = agreement_year(tree, options.year)
    period = f"{labels['period']} {info.period}"
    lines = [" · ".join(part for part in (info.pemda, info.codes, period) if part)]
    return ReportValues(
        tree=tree,
        labels=labels,
        opd=info.opd,
        lines=(info.opd, *lines),
        matrix=build_matrix(tree, labels, views, affairs),
        register=build_register(tree, labels, views, options.capaian_turun),
        goals=build_goals(tree, labels),
        funding=build_funding(tree, labels, views.pagu),
        agreements=build_agreements(tree, year, labels, views),
        year=year,
    )


def _info(
    folder: str,
    tree: Tree,
    labels: Labels,
    *,
    source: bool = True,
    affairs: tuple[Affair, ...] = (),
) -> TreeInfo:
    period = tree.meta.period
    return TreeInfo(
        folder,
        tree.meta.pemda,
        tree.meta.opd,
        f"{period.start}–{period.end}",
        tree.meta.source if source else None,
        codes_line(tree.meta, labels),
        affairs,
    )


class _Writer:
    """Renders pages of one tree into `files`, each with the shared context."""

    def __init__(self, env: Templates, folder: str, base: dict[str, Any]) -> None:
        self.env, self.folder, self.base = env, folder, base
        self.files: dict[str, bytes] = {}

    def page(self, name: str, template: str, **context: Any) -> None:
        self.files[f"{self.folder}/{name}"] = render_template(
            self.env, template, {**self.base, **context}
        )

    def report(self, kind: str, title: str, slug: str = "", **context: Any) -> ReportLink:
        """The HTML and Markdown files of one report; its templates are named after its kind."""
        name = f"{kind}-{slug}" if slug else kind
        link = ReportLink(title, f"{REPORTS}/{name}.html", f"{REPORTS}/{name}.md")
        for path, template in ((link.html, f"html/{kind}.html"), (link.markdown, f"md/{kind}.md")):
            self.page(path, template, title=title, **context)
        return link


def render_site_index(trees: list[tuple[str, Tree]], lang: str, templates: Path | None) -> bytes:
    """`OUT/index.html`: one link per rendered tree, so several trees share one front page."""
    labels = Labels(lang)
    env = make_environment(templates)
    infos = [_info(folder, tree, labels, source=False) for folder, tree in trees]
    context = {
        "labels": labels.words,
        "lang": lang,
        "trees": infos,
        "reports_folder": REPORTS,  # where each tree's workbook is (`render_reports`)
        "home": "",
    }
    return render_template(env, "html/site-index.html", context)
