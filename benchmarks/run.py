"""Measure pohon as a user meets it: whole processes, wall-clock seconds and peak memory.

    .venv/bin/python benchmarks/run.py            # 1k and 10k nodes (a few minutes)
    .venv/bin/python benchmarks/run.py --full     # adds 100k nodes (much longer for render)

Prints a Markdown report (the figures in docs/performance.md come from it). Not part of the
test suite: timings belong here, never in assertions.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

BIN = Path(sys.executable).parent
POHON = str(BIN / "pohon")
# Runs a command as the only child of a small Python process, so that the peak resident
# memory of the children (RUSAGE_CHILDREN) is that command's own.
MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
    "elapsed = time.perf_counter() - start\n"
    "print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)\n"
)


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    code: int


def measure(command: list[str], repeat: int = 1) -> Run:
    """Best wall-clock time of `repeat` runs, and the peak memory of that run."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", MEASURE, *command],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout.split()
        runs.append(Run(float(out[0]), int(out[1]) / 1024, int(out[2])))
    return min(runs, key=lambda run: run.seconds)


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, Python {platform.python_version()}, {platform.system()}"


def row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def bench_validate(corpora: dict[int, list[Path]]) -> list[str]:
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
    return lines


def graphviz_alone(dot_files: list[Path]) -> float:
    """Seconds the embedded engine takes to lay out the same DOT files, one process each."""
    engine = shutil.which("graphviz-pure", path=str(BIN)) or "graphviz-pure"
    start = time.perf_counter()
    for dot in dot_files:
        subprocess.run([engine, "-Tsvg", str(dot)], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def bench_render(corpora: dict[int, list[Path]], work: Path) -> list[str]:
    lines = [
        "## render (SVG, embedded engine)",
        "",
        row(
            "nodes",
            "trees",
            "seconds",
            "nodes/s",
            "peak MB",
            "Graphviz alone s",
            "pohon's share",
            "exit",
        ),
        row(*["---"] * 8),
    ]
    for nodes, paths in corpora.items():
        out = work / f"render-{nodes}"
        dots = work / f"dot-{nodes}"
        run = measure([POHON, "render", *map(str, paths), "--out", str(out), "--format", "svg"])
        subprocess.run(
            [POHON, "render", *map(str, paths), "--out", str(dots), "--format", "dot"],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        alone = graphviz_alone(sorted(dots.rglob("*.dot")))
        share = max(0.0, run.seconds - alone) / run.seconds
        lines.append(
            row(
                f"{nodes:,}",
                len(paths),
                f"{run.seconds:.1f}",
                f"{nodes / run.seconds:,.0f}",
                f"{run.peak_mb:.0f}",
                f"{alone:.1f}",
                f"{share:.0%}",
                run.code,
            )
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="also 100k nodes")
    parser.add_argument("--skip-render", action="store_true")
    args = parser.parse_args()
    sizes = [(1, 1000), (10, 1000)] + ([(100, 1000)] if args.full else [])
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        corpora = {}
        for trees, nodes in sizes:
            paths = write_corpus(work / f"corpus-{trees}", trees, nodes)
            corpora[trees * 992] = paths  # the generator makes 992-node trees for --nodes 1000
        report = ["# pohon benchmark", "", f"Machine: {machine()}", ""]
        report += [*bench_validate(corpora), ""]
        if not args.skip_render:
            report += bench_render(corpora, work)
        print("\n".join(report))


if __name__ == "__main__":
    main()
