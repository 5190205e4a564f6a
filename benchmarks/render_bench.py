"""The render rows of the benchmark: whole renders, Graphviz alone, -j speed-up, incremental re-render.

Graphviz alone is measured as pohon calls it at -j 1: one engine process per page, the
page's DOT on stdin, one after the other, for exactly the pages the render drew. pohon's
own share is then (render at -j 1 - Graphviz alone) / render at -j 1: both sequential.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from corpus import write_corpus
from measure import BIN, POHON, ROOT, Run, measure, row

ENGINE = str(BIN / "graphviz-pure")


def graphviz_alone(dot_files: list[Path], jobs: int = 1) -> tuple[float, float]:
    """Wall and CPU seconds the embedded engine takes for these pages, called as pohon calls
    it: in turn, or `jobs` at a time (the floor of a render at `-j jobs`)."""
    sources = [dot.read_bytes() for dot in dot_files]

    def one(source: bytes) -> None:
        subprocess.run([ENGINE, "-Tsvg"], input=source, stdout=subprocess.DEVNULL, check=True)

    before = _children_cpu()
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, sources))
    return time.perf_counter() - start, _children_cpu() - before


def _children_cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def render(paths: list[Path], out: Path, *extra: str, repeat: int = 1) -> Run:
    """A whole `pohon render` process into a fresh `out` (each repeat starts from nothing)."""
    runs = []
    for _ in range(repeat):
        shutil.rmtree(out, ignore_errors=True)
        runs.append(measure([POHON, "render", *map(str, paths), "--out", str(out), "-q", *extra]))
    return min(runs, key=lambda run: run.seconds)


def dot_files(paths: list[Path], work: Path) -> list[Path]:
    """The DOT of every page the SVG render draws (the same pages, `--format dot`)."""
    out = work / "dot"
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run(
        [POHON, "render", *map(str, paths), "--out", str(out), "--format", "dot", "-q"],
        check=True,
        cwd=ROOT,
    )
    return sorted(out.rglob("*.dot"))


def bench_render(
    corpora: dict[int, list[Path]], work: Path, found: dict[str, float] | None = None
) -> list[str]:
    """The table of whole renders; `found` gets each corpus's figures for the targets."""
    found = {} if found is None else found
    lines = [
        "### whole render (SVG, embedded engine)",
        "",
        row(
            "nodes",
            "trees",
            "pages",
            "-j1 s",
            "nodes/s",
            "peak MB",
            "CPU s",
            "Graphviz alone s",
            "pohon's share",
            "pohon's share of CPU",
            "-j2 s",
            "Graphviz alone, 2 at a time, s",
            "speed-up",
        ),
        row(*["---"] * 13),
    ]
    for nodes, paths in corpora.items():
        dots = dot_files(paths, work)
        alone, alone_cpu = graphviz_alone(dots)
        alone_two, _ = graphviz_alone(dots, jobs=2)
        one, two = _interleaved(paths, work, repeat=2 if nodes <= 10_000 else 1)
        found.update({
            f"{nodes}:j1": one.seconds, f"{nodes}:j2": two.seconds,
            f"{nodes}:alone": alone, f"{nodes}:alone2": alone_two,
            f"{nodes}:own cpu": one.cpu - alone_cpu, f"{nodes}:peak j1": one.peak_mb,
        })  # fmt: skip
        share = max(0.0, one.seconds - alone) / one.seconds
        cpu_share = max(0.0, one.cpu - alone_cpu) / one.cpu
        lines.append(
            row(
                f"{nodes:,}",
                len(paths),
                len(dots),
                f"{one.seconds:.1f}",
                f"{nodes / one.seconds:,.0f}",
                f"{one.peak_mb:.0f}",
                f"{one.cpu:.1f}",
                f"{alone:.1f}",
                f"{share:.0%}",
                f"{cpu_share:.0%}",
                f"{two.seconds:.1f}",
                f"{alone_two:.1f}",
                f"{one.seconds / two.seconds:.2f}x",
            )
        )
    return lines


def _interleaved(paths: list[Path], work: Path, repeat: int) -> tuple[Run, Run]:
    """The best of `repeat` renders at -j 1 and at -j 2, taken in turn: on a machine others
    use too, a busy moment then hurts both alike instead of one."""
    ones, twos = [], []
    for _ in range(repeat):
        ones.append(render(paths, work / "j1", "-j", "1"))
        twos.append(render(paths, work / "j2", "-j", "2"))
    return min(ones, key=lambda r: r.seconds), min(twos, key=lambda r: r.seconds)


def change_one_indicator(path: Path, node: str, word: str) -> None:
    """Append a word to the first indicator of `node` (a sub kegiatan: one page shows it)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {node}")
    at = next(i for i in range(start, len(lines)) if lines[i].lstrip().startswith("- nama: "))
    lines[at] = lines[at].rstrip("\n") + f" {word}\n"
    path.write_text("".join(lines), encoding="utf-8")


def bench_incremental(
    work: Path, trees: int = 40, nodes: int = 300, found: dict[str, float] | None = None
) -> list[str]:
    """Full render of a corpus, then re-renders after one indicator changed, then with none (best of 3)."""
    found = {} if found is None else found
    paths = write_corpus(work / "incremental", trees, nodes)
    out, clean = work / "incremental-out", work / "incremental-clean"
    full = render(paths, out, repeat=2)
    command = [POHON, "render", *map(str, paths), "--out", str(out), "-q"]
    changes = []
    for word in ("revisi", "lagi", "akhir"):  # each re-render follows a new one-indicator change
        change_one_indicator(paths[7], "p3k2s1", word)
        changes.append(measure(command))
    again = min(changes, key=lambda run: run.seconds)
    unchanged = measure(command, repeat=3)
    found["incremental"] = full.seconds / again.seconds
    render(paths, clean, "--force")
    identical = _same_files(out, clean)
    total = sum(1 for _ in out.rglob("*.svg"))
    return [
        f"### incremental re-render ({trees} trees of ~{nodes} nodes, {total} SVG pages, default -j)",
        "",
        row("render", "seconds", "vs full", "peak MB"),
        row(*["---"] * 4),
        row("full (empty output folder)", f"{full.seconds:.1f}", "1x", f"{full.peak_mb:.0f}"),
        row(
            "one indicator changed",
            f"{again.seconds:.2f}",
            f"{full.seconds / again.seconds:.1f}x faster",
            f"{again.peak_mb:.0f}",
        ),
        row(
            "nothing changed",
            f"{unchanged.seconds:.2f}",
            f"{full.seconds / unchanged.seconds:.1f}x faster",
            f"{unchanged.peak_mb:.0f}",
        ),
        "",
        f"Output after the re-render byte-identical to a clean render: {identical}.",
    ]


def _same_files(a: Path, b: Path) -> str:
    files_a = {p.relative_to(a): p.read_bytes() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b): p.read_bytes() for p in b.rglob("*") if p.is_file()}
    if files_a == files_b:
        return f"yes ({len(files_a)} files)"
    differing = sorted(str(name) for name in files_a.keys() ^ files_b.keys()) or sorted(
        str(name) for name in files_a if files_a[name] != files_b.get(name)
    )
    return f"NO: {', '.join(differing[:5])}"
