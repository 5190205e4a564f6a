"""Measure pohon as a user meets it: whole processes, wall-clock seconds and peak memory.

    .venv/bin/python benchmarks/run.py            # 1k and 10k nodes (a few minutes)
    .venv/bin/python benchmarks/run.py --full     # adds 100k nodes (much longer for render)

Prints a Markdown report (the figures in docs/performance.md come from it). Not part of the
test suite: timings belong here, never in assertions.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402
from import_bench import bench_import  # noqa: E402
from measure import BIN, POHON, load_average, machine, measure, row  # noqa: E402
from phases import bench_phases  # noqa: E402
from render_bench import bench_incremental, bench_render  # noqa: E402
from targets import bench_diff, target_lines  # noqa: E402


def bench_validate(corpora: dict[int, list[Path]], found: dict[str, float]) -> list[str]:
    """The validate table; `found` gets Mamuju's and yamllint's times for the targets."""
    lines = [
        "## validate",
        "",
        row("nodes", "trees", "seconds", "nodes/s", "peak MB", "exit"),
        row(*["---"] * 6),
    ]
    mamuju = measure([POHON, "validate", "data/dinsos_mamuju.yaml"], repeat=5)
    lines.append(
        row(
            "Mamuju (112)",
            1,
            f"{mamuju.seconds:.2f}",
            f"{112 / mamuju.seconds:,.0f}",
            f"{mamuju.peak_mb:.0f}",
            mamuju.code,
        )
    )
    # The yardstick of the validate target: yamllint (its default rules) on the same file.
    yamllint = measure([str(BIN / "yamllint"), "data/dinsos_mamuju.yaml"], repeat=5)
    lines.append(
        row(
            "Mamuju (112), yamllint",
            1,
            f"{yamllint.seconds:.2f}",
            f"{112 / yamllint.seconds:,.0f}",
            f"{yamllint.peak_mb:.0f}",
            yamllint.code,
        )
    )
    found["validate mamuju"], found["yamllint"] = mamuju.seconds, yamllint.seconds
    for nodes, paths in corpora.items():
        run = measure([POHON, "validate", *map(str, paths)], repeat=3 if nodes <= 10_000 else 1)
        lines.append(
            row(
                f"{nodes:,}",
                len(paths),
                f"{run.seconds:.2f}",
                f"{nodes / run.seconds:,.0f}",
                f"{run.peak_mb:.0f}",
                run.code,
            )
        )
    lines += [
        "",
        f"Mamuju: validate takes {mamuju.seconds / yamllint.seconds:.2f} × yamllint's time "
        f"(CPU {mamuju.cpu:.2f} s against {yamllint.cpu:.2f} s)",
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="also 100k nodes")
    parser.add_argument("--skip-render", action="store_true")
    parser.add_argument("--skip-validate", action="store_true")
    parser.add_argument("--skip-import", action="store_true")
    args = parser.parse_args()
    sizes = [(1, 1000), (10, 1000)] + ([(100, 1000)] if args.full else [])
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        corpora = {}
        for trees, nodes in sizes:
            paths = write_corpus(work / f"corpus-{trees}", trees, nodes)
            corpora[trees * 992] = paths  # the generator makes 992-node trees for --nodes 1000
        report = ["# pohon benchmark", "", f"Machine: {machine()}", ""]
        report += [f"Load average before: {load_average()}", ""]
        found: dict[str, float] = {}
        if not args.skip_validate:
            report += [*bench_validate(corpora, found), ""]
        if not args.skip_render:
            report += ["## render", "", *bench_render(corpora, work, found), ""]
            report += [*bench_phases(corpora[9920], 9920), ""]
            report += bench_incremental(work, found=found)
        if not args.skip_import:
            report += ["", *bench_import(work, found)]
            bench_diff(work, found)
        report += ["", f"Load average after: {load_average()}"]
        print("\n".join([*report[:4], *target_lines(found), "", *report[4:]]))


if __name__ == "__main__":
    main()
