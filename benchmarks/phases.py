"""Where pohon's own render work goes, step by step, beside what its libraries cost alone.

Each step of a render (`--format dot`, so no engine) is timed in one process over a
corpus, and beside it the floor its library sets whatever pohon does: starting Python
with the libraries imported, libyaml composing the YAML, Jinja printing as many escaped
values as the reports print. Run by `run.py`; alone:

    .venv/bin/python benchmarks/phases.py CORPUS_DIR
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from measure import measure, row


@contextmanager
def _timed(totals: dict[str, float], step: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    totals[step] = totals.get(step, 0.0) + time.perf_counter() - start


def steps(paths: list[Path]) -> tuple[dict[str, float], int]:
    """Seconds per step of rendering every tree in this process, and how many values the
    report templates printed."""
    from pohon.check.run_rules import check_tree
    from pohon.check.validate_trees import Checked
    from pohon.core.runtime import tune_gc
    from pohon.render.diagrams.outputs import drawings
    from pohon.render.diagrams.pages import plans
    from pohon.render.options import RenderOptions
    from pohon.render.reports import Diagrams, render_reports
    from pohon.render.reports.agreement import agreement_year, build_agreements
    from pohon.render.reports.matrix import build_matrix
    from pohon.render.reports.register import build_register
    from pohon.render.reports.summary import build_summary
    from pohon.render.reports.views import Views
    from pohon.render.reports.wording import Labels
    from pohon.source.settings_file import find_config
    from pohon.tree.assemble import load_tree

    tune_gc()  # as the CLI does
    config, options = find_config(Path.cwd()), RenderOptions()
    totals: dict[str, float] = {}
    for path in paths:
        with _timed(totals, "reading (YAML, schema)"):
            load = load_tree(path)
        with _timed(totals, "rules"):
            findings = check_tree(load, config)
        tree = load.tree
        with _timed(totals, "DOT of every page"):
            plan = plans(tree, None, options.lang, options.max_nodes_per_page)
            pages = drawings(tree, plan, options)
        with _timed(totals, "report values"):
            labels = Labels(options.lang)
            views = Views(tree, labels)
            build_matrix(tree, labels, views)
            build_register(tree, labels, views)
            build_agreements(tree, agreement_year(tree, None), labels, views)
            build_summary(findings, labels)
        names = frozenset(f"{path.stem}/{page.name}" for page in pages)
        diagrams = Diagrams([p.page for p in plan], names)
        with _timed(totals, "reports"):
            render_reports(Checked(load, findings), options, path.stem, diagrams)
    # The reports step builds the values again: what is left is the templates' own time.
    totals["report templates"] = totals.pop("reports") - totals["report values"]
    # Then once more, untimed, counting what the templates print.
    printed = _count_printed()
    for path in paths:
        load = load_tree(path)
        checked = Checked(load, check_tree(load, config))
        render_reports(checked, options, path.stem)
    return totals, printed[0]


def _count_printed() -> list[int]:
    """Count every value the templates print (autoescape calls the escaper once for each)."""
    from pohon.render.reports.escaping import Escaper

    printed = [0]
    escape = Escaper.__call__

    def counting(self: Escaper, value: Any) -> str:
        printed[0] += 1
        return escape(self, value)

    Escaper.__call__ = counting  # type: ignore[method-assign]  # untimed, at the very end
    return printed


def floors(paths: list[Path], printed: int) -> dict[str, float]:
    """What the libraries cost alone, doing only their part of the same work."""
    import jinja2
    import yaml
    from markupsafe import escape

    from pohon.render.reports.escaping import Escaper, escaping_template

    startup = measure(
        [sys.executable, "-c", "import click, jinja2, pydantic, yaml"], repeat=5
    ).seconds
    texts = [path.read_text(encoding="utf-8") for path in paths]
    gc.collect()
    start = time.perf_counter()
    for text in texts:
        yaml.compose(text, Loader=yaml.CSafeLoader)
    composing = time.perf_counter() - start
    env = jinja2.Environment(autoescape=True)
    env.template_class = escaping_template(Escaper(escape))  # as the HTML reports escape
    page = env.from_string("{% for value in values %}<td>{{ value }}</td>{% endfor %}")
    values = [f"nilai {n % 5000}" for n in range(printed)]  # repeats, as in a report
    start = time.perf_counter()
    page.render(values=values)
    printing = time.perf_counter() - start
    return {
        "start-up": startup,
        "reading (YAML, schema)": composing,
        "report templates": printing,
    }


def bench_phases(paths: list[Path], nodes: int) -> list[str]:
    taken, printed = steps(paths)
    floor = floors(paths, printed)
    # Everything a render imports (the CLI imports lazily), as a whole process.
    imports = "import pohon.cli, pohon.check.run_rules, pohon.tree.assemble, pohon.render.pipeline, pohon.render.reports"
    startup = measure([sys.executable, "-c", imports], repeat=5).seconds
    order = [
        "start-up",
        "reading (YAML, schema)",
        "rules",
        "DOT of every page",
        "report values",
        "report templates",
    ]
    taken["start-up"] = startup
    what = {
        "start-up": "Python with click, jinja2, pydantic and PyYAML imported",
        "reading (YAML, schema)": "libyaml composing the files (PyYAML's C parser)",
        "report templates": f"Jinja printing {printed:,} escaped values, nothing else",
    }
    lines = [
        f"### pohon's own steps at {nodes:,} nodes ({len(paths)} trees, one process)",
        "",
        row("step", "seconds", "the library alone", "seconds"),
        row(*["---"] * 4),
    ]
    for step in order:
        lines.append(
            row(
                step,
                f"{taken[step]:.2f}",
                what.get(step, ""),
                f"{floor[step]:.2f}" if step in floor else "",
            )
        )
    lines.append(
        row(
            "**total**",
            f"**{sum(taken[s] for s in order):.2f}**",
            "**the libraries' floor**",
            f"**{sum(floor.values()):.2f}**",
        )
    )
    return lines


def main() -> None:
    from pohon.tree.assemble import load_tree

    paths = sorted(Path(sys.argv[1]).glob("*.yaml"))
    nodes = 0
    for path in paths:
        tree = load_tree(path).tree
        nodes += sum(1 for _ in tree.walk()) if tree else 0
    print("\n".join(bench_phases(paths, nodes)))


if __name__ == "__main__":
    main()
