"""Before and after on a shared machine: two checkouts' `pohon`, interleaved, CPU seconds first.

    .venv/bin/python benchmarks/compare.py BEFORE_CHECKOUT AFTER_CHECKOUT CORPUS_FOLDER [--repeat 3]

Each checkout needs its own `.venv` (`make setup` in it). Every case runs before, after,
before, after, ...; the least CPU time (user + system of the process and its children) and
the least wall time of each side are printed as a Markdown table. CPU time moves much
less than wall time when other work shares the cores.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from measure import MEASURE, load_average, row  # noqa: E402


def cases(corpus: list[str]) -> dict[str, list[str]]:
    mamuju = "data/dinsos_mamuju.yaml"
    return {
        "validate Mamuju": ["validate", mamuju],
        "render Mamuju": ["render", mamuju, "--out", "{out}", "--force", "-q"],
        "validate corpus": ["validate", *corpus],
        "validate corpus, -j 1": ["validate", "-j", "1", *corpus],
        "render corpus, -j 1": ["render", *corpus, "--out", "{out}", "--force", "-q", "-j", "1"],
        "render corpus, -j 2": ["render", *corpus, "--out", "{out}", "--force", "-q", "-j", "2"],
    }


def run(checkout: Path, args: list[str], out: Path) -> tuple[float, float, float]:
    command = [str(checkout / ".venv/bin/pohon"), *(a.format(out=out) for a in args)]
    measured = subprocess.run(
        [sys.executable, "-c", MEASURE, *command],
        capture_output=True,
        text=True,
        cwd=checkout,
        check=True,
    ).stdout.split()
    return float(measured[3]), float(measured[0]), int(measured[1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    corpus = sorted(str(p) for p in options.corpus.glob("*.yaml"))
    sides = {"before": options.before.resolve(), "after": options.after.resolve()}
    results: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    for name, args in cases(corpus).items():
        for _ in range(options.repeat):
            for side, checkout in sides.items():
                out = Path("/tmp") / f"pohon-compare-{side}"
                results.setdefault((name, side), []).append(run(checkout, args, out))
    print(f"load average at the end: {load_average()}\n")
    print(
        row(
            "case",
            "CPU s before",
            "CPU s after",
            "after/before",
            "wall s before",
            "wall s after",
            "peak MB before",
            "peak MB after",
        )
    )
    print(row(*["---"] * 8))
    for name in cases(corpus):
        before, after = results[(name, "before")], results[(name, "after")]
        cpu_b, cpu_a = min(r[0] for r in before), min(r[0] for r in after)
        print(
            row(
                name,
                f"{cpu_b:.2f}",
                f"{cpu_a:.2f}",
                f"{cpu_a / cpu_b:.2f}",
                f"{min(r[1] for r in before):.2f}",
                f"{min(r[1] for r in after):.2f}",
                f"{max(r[2] for r in before):.0f}",
                f"{max(r[2] for r in after):.0f}",
            )
        )


if __name__ == "__main__":
    main()
