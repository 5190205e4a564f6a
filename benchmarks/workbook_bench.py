"""The workbook of a large tree: `pohon export --format xlsx` as a whole process, and its steps.

    .venv/bin/python benchmarks/workbook_bench.py              # one tree of ~10k nodes
    .venv/bin/python benchmarks/workbook_bench.py --nodes 1000

Prints Markdown (docs/performance.md, "workbook"). Steps are timed in this process:
reading and checking the tree, the report values (the same the HTML prints), the sheet
plans (values -> cells) and XlsxWriter writing them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402
from measure import POHON, load_average, machine, measure, row  # noqa: E402


def split_tree(path: Path) -> Path:
    """The corpus tree as a main file and a part per sasaran: a file holds at most 5 MiB
    (docs/limits.md), about 9,000 nodes, so a tree of 10k nodes comes in parts."""
    import yaml

    tree = yaml.safe_load(path.read_text(encoding="utf-8"))
    parts = []
    for objective in tree["simpul"][0]["anak"]:
        part = path.with_name(f"part_{objective['id']}.yaml")
        body = {"format": "pohon/1", "induk": objective["id"], "simpul": objective.pop("anak")}
        part.write_text(yaml.safe_dump(body, allow_unicode=True, sort_keys=False), "utf-8")
        parts.append(part.name)
    tree["sertakan"] = parts
    path.write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def steps(path: Path) -> tuple[dict[str, float], dict[str, int]]:
    """Seconds of each step of one export in this process, and what it made."""
    from pohon.check.validate_trees import check_path
    from pohon.render.options import RenderOptions
    from pohon.render.reports import _info, _values
    from pohon.render.reports.wording import Labels
    from pohon.render.workbook import SHEETS
    from pohon.render.workbook.book import workbook_bytes
    from pohon.source.nomenclature.lists import bundled
    from pohon.source.settings_file import Config

    took: dict[str, float] = {}
    start = time.perf_counter()
    tree = check_path(path, Config()).load.tree
    assert tree is not None
    took["reading and rules"] = time.perf_counter() - start
    start = time.perf_counter()
    labels, options, listed = Labels("id"), RenderOptions(), bundled()
    values = _values(tree, labels, options, listed, _info(path.stem, tree, labels))
    took["report values"] = time.perf_counter() - start
    start = time.perf_counter()
    plans = [plan for build in SHEETS for plan in build(values)]
    took["sheet plans (values → cells)"] = time.perf_counter() - start
    start = time.perf_counter()
    data = workbook_bytes(plans, "a4")
    took["XlsxWriter (cells → .xlsx)"] = time.perf_counter() - start
    made = {
        "nodes": sum(1 for _ in tree.walk()),
        "cells": sum(len(plan.cells) for plan in plans),
        "bytes": len(data),
    }
    return took, made


def bench_workbook(path: Path, work: Path) -> list[str]:
    took, made = steps(path)
    out = work / "tree.xlsx"
    xlsx = measure([POHON, "export", str(path), "--format", "xlsx", "--out", str(out)], repeat=3)
    json = measure([POHON, "export", str(path), "--out", str(work / "tree.json")], repeat=3)
    lines = [
        f"## workbook ({made['nodes']:,} nodes, one tree)",
        "",
        row("command", "seconds", "nodes/s", "peak MB", "exit", "file"),
        row(*["---"] * 6),
        row(
            "`pohon export --format xlsx --out`",
            f"{xlsx.seconds:.2f}",
            f"{made['nodes'] / xlsx.seconds:,.0f}",
            f"{xlsx.peak_mb:.0f}",
            xlsx.code,
            f"{out.stat().st_size / 2**20:.1f} MiB",
        ),
        row(
            "`pohon export --out` (JSON, for scale)",
            f"{json.seconds:.2f}",
            f"{made['nodes'] / json.seconds:,.0f}",
            f"{json.peak_mb:.0f}",
            json.code,
            f"{(work / 'tree.json').stat().st_size / 2**20:.1f} MiB",
        ),
        "",
        f"Steps in one process ({made['cells']:,} cells written):",
        "",
        row("step", "seconds"),
        row("---", "---"),
        *(row(step, f"{seconds:.2f}") for step, seconds in took.items()),
        row("**total**", f"**{sum(took.values()):.2f}**"),
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=10_000, help="nodes of the tree (about)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        [path] = write_corpus(work / "corpus", 1, args.nodes)
        path = split_tree(path)
        report = [f"Machine: {machine()}", "", f"Load average before: {load_average()}", ""]
        report += bench_workbook(path, work)
        report += ["", f"Load average after: {load_average()}"]
        print("\n".join(report))


if __name__ == "__main__":
    main()
